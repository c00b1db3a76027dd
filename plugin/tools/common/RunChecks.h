//===- RunChecks.h - run the check library on one translation unit --------===//
#ifndef SLICEGUARD_TOOLS_RUNCHECKS_H
#define SLICEGUARD_TOOLS_RUNCHECKS_H

#include "FindingRecord.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <optional>

namespace sliceguard {
namespace tools {

struct RunRequest {
  clang::tooling::CompileCommand Command;
  /// The file's text when it differs from disk (an editor's unsaved buffer).
  std::optional<std::string> Contents;
  std::string ResourceDir = defaultResourceDirForRuns();
  /// Report where #line directives say, as the plugin does in the build
  /// (sliceguard-check); else physical places (the editor's buffer).
  bool PresumedLocations = false;
  static std::string defaultResourceDirForRuns();
};

/// Parses the file with its (adjusted) compile command and runs every
/// enabled check.  Never throws or exits: a file that does not parse yields
/// Problems naming the first errors, plus whatever findings the checks could
/// still make.  Safe to call from several threads at once: each call has its
/// own FileManager and its own working directory.
Report runChecks(const RunRequest &Request, const Options &Opts);

} // namespace tools
} // namespace sliceguard

#endif
