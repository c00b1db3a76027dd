//===- Reports.h - text, JSON, SARIF 2.1.0 and Code Climate output --------===//
#ifndef SLICEGUARD_TOOLS_REPORTS_H
#define SLICEGUARD_TOOLS_REPORTS_H

#include "FindingRecord.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
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

/// \p Text as clang's text diagnostics print it: characters a terminal
/// would act on (ESC, other controls, bidi overrides) as "<U+001B>", bytes
/// that are not UTF-8 as "<FF>".  For everything printed to a terminal
/// that comes from the files or the compile database.
std::string printable(llvm::StringRef Text);

/// Percent-encodes a path for a URI (RFC 3986): keeps the unreserved
/// characters and '/', writes every other byte as "%XX" (upper-case hex).
std::string uriEncodePath(llvm::StringRef Path);

/// Writes a file whole or not at all: \p Write fills a temporary file next
/// to \p Path, which is renamed over it only once everything reached the
/// disk, so an interrupted or failed run never leaves half a report.  A
/// path that exists and is not a regular file (/dev/stdout, a FIFO) is
/// written in place.  Errors (no space, no permission) name \p What and
/// the path.
llvm::Error
writeFileAtomically(llvm::StringRef Path, llvm::StringRef What,
                    llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// "MapInsertInRange" for "map-insert-in-range" (SARIF rule names).
std::string pascalCase(llvm::StringRef CheckName);

} // namespace tools
} // namespace sliceguard

#endif
