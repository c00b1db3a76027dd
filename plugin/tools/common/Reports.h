//===- Reports.h - text, JSON, SARIF 2.1.0 and Code Climate output --------===//
#ifndef SLICEGUARD_TOOLS_REPORTS_H
#define SLICEGUARD_TOOLS_REPORTS_H

#include "FindingRecord.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace sliceguard {
namespace tools {

struct OutputContext {
  /// Paths below Root are written relative to it (SARIF's %SRCROOT%).
  std::string Root;
  std::string ToolVersion = SLICEGUARD_VERSION;
};

/// Compiler-style lines as clang prints them, with the source line and a
/// caret; suppressed findings are left out (they are counted on stderr).
void writeText(const Report &R, const OutputContext &Ctx,
               llvm::raw_ostream &OS);

/// sliceguard's own JSON: every field of every finding, suppressed ones
/// included.  Also the wire format between sliceguard-clangd and its worker.
llvm::json::Value toJson(const Report &R, const OutputContext &Ctx);
llvm::Expected<Report> reportFromJson(const llvm::json::Value &V);

/// SARIF 2.1.0 shaped for GitHub code scanning.
llvm::json::Value toSarif(const Report &R, const OutputContext &Ctx);

/// The Code Climate subset GitLab's Code Quality widget reads.
llvm::json::Value toCodeClimate(const Report &R, const OutputContext &Ctx);

/// "MapInsertInRange" for "map-insert-in-range" (SARIF rule names).
std::string pascalCase(llvm::StringRef CheckName);

} // namespace tools
} // namespace sliceguard

#endif
