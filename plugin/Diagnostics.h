//===- Diagnostics.h - check registry, findings, suppressions -------------===//
//
// Checks do not talk to clang's DiagnosticsEngine.  They hand a Finding to
// the Reporter, which
//   * moves every location to the user's line (a macro's expansion site;
//     findings that would land in a runtime header are dropped),
//   * drops fix-its that cannot be applied (inside macros),
//   * applies the line's suppression comments (NOLINT, NOLINTNEXTLINE,
//     sliceguard-ignore) and the severity options,
// and passes the result to the front end's FindingSink.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_DIAGNOSTICS_H
#define SLICEGUARD_DIAGNOSTICS_H

#include "Sliceguard.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>

namespace sliceguard {

/// True if Name matches the clang-tidy style glob (only '*' is special).
bool globMatches(llvm::StringRef Glob, llvm::StringRef Name);

/// If the comment text on a line suppresses Check, returns the directive
/// that does ("NOLINT(sliceguard-map-insert-in-range)").  NextLine selects
/// NOLINTNEXTLINE (the text is the previous line's).
std::optional<std::string> suppressionFor(llvm::StringRef LineText,
                                          llvm::StringRef Check, bool NextLine);

/// If a NOLINTBEGIN region still open at the end of Before (the file's
/// text up to a finding) names Check, the directive that opened it.
std::optional<std::string> blockSuppressionFor(llvm::StringRef Before,
                                               llvm::StringRef Check);

class Reporter {
public:
  Reporter(const clang::SourceManager &SM, const clang::LangOptions &LO,
           const Options &Opts, FindingSink &Sink);

  /// Main file, or a header matching the header filter.
  bool isUserLocation(clang::SourceLocation Loc) const;
  /// Any header of the user's: not a system header, not an excluded one
  /// (whether or not the header filter selects it for findings).
  bool isUserHeader(clang::SourceLocation Loc) const;
  /// The user's line for Loc: the expansion site of a macro.
  clang::SourceLocation userLocation(clang::SourceLocation Loc) const;

  /// Normalises, suppresses and forwards F.  Returns false if it was
  /// dropped because it did not point at user code.
  bool report(Finding F);

  /// Never report in this file even when the header filter selects it:
  /// the runtime's headers and any header declaring marked operations (a
  /// container's implementation is not the user's use of it).
  void excludeFile(clang::FileID FID) { Excluded.insert(FID); }
  /// Notes (never findings) may point into FID: another TU's file that a
  /// stored summary's note names (SummaryCache::locationOf).
  void allowNotesIn(clang::FileID FID) { NoteFiles.insert(FID); }

  unsigned numReported() const { return Reported; }
  unsigned numSuppressed() const { return Suppressed; }

private:
  llvm::StringRef lineText(clang::SourceLocation Loc, int Delta) const;
  llvm::StringRef textBefore(clang::SourceLocation Loc) const;
  /// The text before Loc from the file's first NOLINTBEGIN on.
  llvm::StringRef textFromFirstBlockDirective(clang::SourceLocation Loc) const;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  const Options &Opts;
  FindingSink &Sink;
  std::unique_ptr<llvm::Regex> HeaderRegex;
  llvm::DenseSet<clang::FileID> Excluded;
  llvm::DenseSet<clang::FileID> NoteFiles;
  mutable llvm::DenseMap<clang::FileID, size_t> FirstBlockDirective;
  unsigned Reported = 0, Suppressed = 0;
};

} // namespace sliceguard

#endif // SLICEGUARD_DIAGNOSTICS_H
