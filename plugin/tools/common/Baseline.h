//===- Baseline.h - fingerprints and baseline files -----------------------===//
//
// A baseline lets a code base adopt sliceguard with findings it already
// has: record them once, then report only new ones.  A fingerprint must
// survive unrelated edits, so it hashes what a finding is about -- the check,
// the file relative to the project root, the text of the flagged line with
// whitespace collapsed -- plus an occurrence index that tells apart equal
// lines in one file.  Line numbers are deliberately not part of it.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_TOOLS_BASELINE_H
#define SLICEGUARD_TOOLS_BASELINE_H

#include "FindingRecord.h"
#include "llvm/Support/Error.h"
#include <set>

namespace sliceguard {
namespace tools {

/// \p Root is the project root that makes paths portable between checkouts.
void assignFingerprints(Report &R, llvm::StringRef Root);

/// Path of \p File relative to \p Root when it lies below it, else as is.
std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root);

llvm::Error writeBaseline(const Report &R, llvm::StringRef Root,
                          llvm::StringRef Path);
llvm::Expected<std::set<std::string>> readBaseline(llvm::StringRef Path);
/// The fingerprints of a baseline's text (read from \p Path, which error
/// messages name).  Streams the JSON: memory follows the fingerprints.
llvm::Expected<std::set<std::string>> readBaselineText(llvm::StringRef Text,
                                                       llvm::StringRef Path);

/// Drops findings whose fingerprint the baseline knows; counts them.
void applyBaseline(Report &R, const std::set<std::string> &Known);

} // namespace tools
} // namespace sliceguard

#endif
