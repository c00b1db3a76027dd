//===- Sliceguard.h - the check library's public face ---------------------===//
//
// One check library, three front ends: the -fplugin entry point
// (Plugin.cpp), the CI driver (tools/sliceguard-check) and the clangd
// companion (tools/sliceguard-clangd).  Every front end parses options with
// parseArgument(), builds an AST consumer with createChecksConsumer() and
// receives findings through a FindingSink.  No front end implements a check.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_SLICEGUARD_H
#define SLICEGUARD_SLICEGUARD_H

#include "models/Model.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class CompilerInstance;
class SourceManager;
class LangOptions;
} // namespace clang

namespace sliceguard {

class SummaryStore;
struct SummaryFile;

/// A check as users name it: "map-insert-in-range" (diagnostics print it
/// as "[sliceguard-map-insert-in-range]").
struct CheckInfo {
  llvm::StringRef Name;
  llvm::StringRef Summary; ///< one line, used by --list-checks and SARIF
};

/// Every check the library knows, in a stable order.
llvm::ArrayRef<CheckInfo> allChecks();

/// Where a check's documentation page lives (used by SARIF helpUri and the
/// LSP codeDescription).
std::string docsUrl(llvm::StringRef CheckName);

/// Options shared by every front end.
struct Options {
  /// clang-tidy style glob list, e.g. "-*,map-*".  Later globs win.
  std::string Checks = "*";
  /// Glob list selecting the built-in models (docs/models.md), e.g.
  /// "-*,glib".  Later globs win.
  std::string Models = "*";
  /// User model files (model=FILE), loaded when the argument is parsed.
  std::vector<std::shared_ptr<const Model>> UserModels;
  /// Report findings as errors.
  bool WarningsAsErrors = false;
  /// Regex of headers (besides the main file) whose code is checked.
  std::string HeaderFilter;
  /// "list-checks" / "help" were given: the front end prints and goes on.
  bool ListChecks = false;
  bool Help = false;
  /// Show suppressed findings (as remarks in the plugin).
  bool ShowSuppressed = false;
  /// Run the flow analysis on every function that uses the runtime, not
  /// only on those the cheap screen (HazardScreen.h) lets through: for
  /// testing that the screen never hides a finding.
  bool AnalyzeAll = false;
  /// Print, per translation unit, how many functions were analysed.
  bool Stats = false;
  /// Functions whose CFG has more blocks than this are skipped with a
  /// remark instead of analysed (0: no limit).  The analysis is close to
  /// linear in a function's length, but a function of many branches can
  /// still hold value sets as long as itself; normal code stays far below.
  static constexpr unsigned DefaultMaxCfgBlocks = 10000;
  unsigned MaxCfgBlocks = DefaultMaxCfgBlocks;
  /// Whole-program summaries (Summary.h; docs/design.md).  "summaries=DIR":
  /// this TU's summaries are written to DIR, the other files there read.
  std::string SummariesDir;
  /// For front ends that run many TUs in one process (sliceguard-check,
  /// the clangd companion): summaries already loaded, used instead of a
  /// directory ...
  std::shared_ptr<const SummaryStore> ImportedSummaries;
  /// ... and a receiver for this TU's own (called once per TU, possibly
  /// from several threads at once).
  std::function<void(SummaryFile)> ExportSummaries;
  /// Summarise only (sliceguard-check's phase 1): no check runs.
  bool SummariesOnly = false;
  /// Read SummariesDir, never write it (an editor's unsaved buffer).
  bool SummariesReadOnly = false;

  bool isEnabled(llvm::StringRef CheckName) const;
};

/// Applies one argument, as it appears after "-fplugin-arg-sliceguard-":
/// "checks=-*,map-*", "werror", "header-filter=REGEX", "list-checks",
/// "help", "show-suppressed", "analyze-all", "stats", "max-cfg-blocks=N",
/// "summaries=DIR", "models=GLOBS", "model=FILE" (the file is read here: a
/// malformed one is an error naming its line and key).
/// Returns a message naming the problem (and listing the valid arguments) for
/// anything else.
llvm::Error parseArgument(llvm::StringRef Arg, Options &Opts);

/// The usage text printed for "help" (one argument per line).
std::string argumentHelp();

struct Note {
  clang::SourceLocation Loc;
  std::string Message;
};

/// One finding.  Locations always point at user code, never inside the
/// runtime's headers (macro locations are already resolved to the user's
/// expansion site).
struct Finding {
  std::string Check;   ///< "map-insert-in-range"
  std::string Message; ///< without the "[sliceguard-...]" suffix
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  bool IsError = false;
  std::vector<Note> Notes;
  std::vector<clang::FixItHint> FixIts;
  /// Set when a NOLINT / sliceguard-ignore comment on the line names the
  /// check; suppressed findings are still handed to the sink so reports can
  /// show them, but they never count as findings.
  bool Suppressed = false;
  std::string SuppressedBy; ///< the comment text that suppressed it
};

/// Receives findings while the SourceManager of their translation unit is
/// alive.
class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(const Finding &F, const clang::SourceManager &SM,
                      const clang::LangOptions &LangOpts) = 0;
  /// Something the user should know that is not a finding: a function
  /// skipped because it is over the max-cfg-blocks budget.  The plugin
  /// shows it as a remark (never a warning, so -Werror and -verify are
  /// untouched); the default drops it.
  virtual void remark(clang::SourceLocation Loc, llvm::StringRef Message) {}
};

/// The consumer that runs every enabled check once the translation unit is
/// complete.  Safe on ASTs with errors: it skips what it cannot understand
/// and never crashes.
std::unique_ptr<clang::ASTConsumer>
createChecksConsumer(clang::CompilerInstance &CI, const Options &Opts,
                     FindingSink &Sink);

} // namespace sliceguard

#endif // SLICEGUARD_SLICEGUARD_H
