//===- ClangdConfig.h - what clangd's .clangd files do to a command -------===//
//
// clangd reads YAML config files named .clangd in a source file's directory
// and every directory above it; their CompileFlags section edits the compile
// command clangd parses the file with.  The companion runs sliceguard with
// the command clangd uses, so it applies the same edits:
//
//   If:                      # optional: the fragment applies only to files
//     PathMatch: src/.*\.c   #   whose path, relative to the .clangd's
//     PathExclude: gen/.*    #   directory, matches (and does not match)
//   CompileFlags:
//     Add: [-DDEBUG, -Iextra]   # appended to the command
//     Remove: [-W*, -march=*]   # as removeFlags() in CompileCommands.h
//     Compiler: clang-19        # replaces argv[0]
//   ---                         # further fragments, applied in order
//
// Outer directories' files apply first.  Other keys (Diagnostics, Index,
// InlayHints, ...) do not change the command and are ignored, as unknown
// keys are by clangd (it warns; so does the companion's log).
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_CLANGD_CLANGDCONFIG_H
#define SLICEGUARD_CLANGD_CLANGDCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Chrono.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sliceguard {
namespace clangd {

/// One YAML document of a .clangd file.
struct ConfigFragment {
  std::string Dir; ///< the directory holding the .clangd file
  std::vector<std::string> PathMatch, PathExclude;
  std::vector<std::string> Add, Remove;
  std::optional<std::string> Compiler;
};

/// Parses the text of a .clangd file found in \p Dir.  Problems (bad YAML,
/// a value of the wrong shape) go to \p Warnings; what could be read is
/// kept, as clangd keeps it.
std::vector<ConfigFragment> parseConfig(llvm::StringRef Text,
                                        llvm::StringRef Dir,
                                        std::vector<std::string> &Warnings);

/// True if \p F applies to the file \p Path.
bool fragmentApplies(const ConfigFragment &F, llvm::StringRef Path);

/// Applies the fragments that apply to \p Path to \p Args, in order.
void applyFragments(const std::vector<ConfigFragment> &Fragments,
                    llvm::StringRef Path, std::vector<std::string> &Args);

/// The .clangd files above a source file, read once and read again when
/// they change on disk.
class ConfigCache {
public:
  /// Every fragment for \p Path, outermost directory first; new warnings
  /// go to \p Warnings.
  std::vector<ConfigFragment> fragmentsFor(llvm::StringRef Path,
                                           std::vector<std::string> &Warnings);

private:
  struct CachedFile {
    bool Read = false;
    llvm::sys::TimePoint<> Modified;
    std::vector<ConfigFragment> Fragments;
  };
  std::map<std::string, CachedFile> Files;
};

} // namespace clangd
} // namespace sliceguard

#endif
