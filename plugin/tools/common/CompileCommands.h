//===- CompileCommands.h - finding and adapting compile commands ----------===//
//
// Both tools check a file with the command the build uses for it, so that
// their findings equal what -fplugin reports during the build.  The command
// needs three adjustments first: drop what only matters for a real compile
// (outputs, dependency files), drop sliceguard's own -fplugin flags (the
// checks run in-process here), and point clang at the builtin headers of the
// LLVM the tools were built with (stddef.h and friends).
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_TOOLS_COMPILECOMMANDS_H
#define SLICEGUARD_TOOLS_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace sliceguard {
namespace tools {

/// The resource directory baked in at build time (overridable at run time).
std::string defaultResourceDir();

/// Looks for compile_commands.json in \p StartDir and its parents.  Returns
/// the directory that holds it, or an empty string.
std::string findCompileCommandsDir(llvm::StringRef StartDir);

/// Rewrites llvm::json's parse error ("[2:0, byte=38]: Expected object
/// key") as "line 2, column 1: expected object key".
std::string describeJsonError(llvm::StringRef Message);

/// Loads DIR/compile_commands.json with a message naming the problem
/// (missing, unreadable, malformed) on failure.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileCommands(llvm::StringRef Dir);
/// The same from the text of the file at \p Path (relative directories
/// of its entries are resolved against Path's folder).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileCommandsText(llvm::StringRef Text, llvm::StringRef Path);

/// A compile command as the in-process checker runs it.
struct AdjustedCommand {
  std::vector<std::string> Args;
  /// Arguments clang does not know (a gcc build's database has some).
  std::vector<std::string> Unknown;
  /// Arguments left out because they could make the driver run a program
  /// or read a configuration file: --config*, --*-arch-tool=,
  /// --offload-arch=..., -ccc-*.
  std::vector<std::string> Unsafe;
  /// "c++", "cuda", ... when the input is not C: the checks read C only,
  /// and the file is not run at all.
  std::string NonCLanguage;
};

/// Rewrites \p Args (argv of one compile command) into what the in-process
/// checker runs: syntax only, no outputs, no dependency files, no plugins,
/// warnings never promoted to errors (an error must mean "does not parse"),
/// nothing that can run a program or read a configuration file
/// (--no-default-config, and argv[0]'s name moved into \p ToolDir, where
/// clang would look for bin/clang.cfg), and the builtin headers of our own
/// LLVM.  Works on the arguments as the driver's option table parses them
/// (so "-Xclang -MT -Xclang x" goes as a whole), never on strings.
AdjustedCommand adjustArguments(const std::vector<std::string> &Args,
                                llvm::StringRef ResourceDir,
                                llvm::StringRef ToolDir);

/// The directory of the running tool's own binary: a place the compile
/// database cannot put a clang.cfg into.
std::string toolDirectory();

/// The arguments a compile command gives the sliceguard plugin, as the
/// plugin receives them: "checks=-*,map-*" from
/// -fplugin-arg-sliceguard-checks=-*,map-* or from
/// -Xclang -plugin-arg-sliceguard -Xclang checks=-*,map-*.  The tools apply
/// them to that file, after the command line's options, so that they report
/// what the build reports.
std::vector<std::string>
sliceguardPluginArguments(const std::vector<std::string> &Args);

/// Removes from \p Args (argv) every argument matching one of \p Patterns,
/// as clangd's `CompileFlags: Remove` does: "-I" removes every -I with its
/// value, joined or separate; "-W*" every argument starting with -W;
/// "-DFOO" that exact argument.  argv[0] is kept.
void removeFlags(std::vector<std::string> &Args,
                 const std::vector<std::string> &Patterns);

/// How a compile command treats warnings: the plugin reads these from
/// clang's DiagnosticsEngine during the build (a finding is an error under
/// -Werror, dropped under -w), so the tools apply them to each file's
/// findings to report what the build reports.
struct WarningPolicy {
  bool AsErrors = false; ///< -Werror, unless a later -Wno-error undoes it
  bool Ignore = false;   ///< -w
};
WarningPolicy warningPolicy(const std::vector<std::string> &Args);

/// The command clangd would invent for a file it has no entry for.
clang::tooling::CompileCommand fallbackCommand(llvm::StringRef File);

} // namespace tools
} // namespace sliceguard

#endif
