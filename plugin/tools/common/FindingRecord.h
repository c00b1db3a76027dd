//===- FindingRecord.h - findings detached from their SourceManager -------===//
//
// The check library hands out findings with clang SourceLocations that die
// with their translation unit.  The tools outlive it (they sort, merge,
// fingerprint and print findings from many files, or ship them across a
// process boundary), so every location is resolved here into plain data.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_TOOLS_FINDINGRECORD_H
#define SLICEGUARD_TOOLS_FINDINGRECORD_H

#include "Sliceguard.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace sliceguard {
namespace tools {

/// A position in a file.  Line and Column are 1-based; Column counts bytes
/// as clang does, Utf16Column counts UTF-16 code units (what SARIF and the
/// LSP use by default).
struct Position {
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Utf16Column = 0;
};

/// A half-open span [Begin, End) in one file, with an absolute path.
struct Span {
  std::string File;
  Position Begin;
  Position End;
};

struct NoteRecord {
  Span Where;
  std::string Message;
  std::string LineText; ///< the source line of Where.Begin, for snippets
};

struct FixRecord {
  Span Removed; ///< empty when the fix only inserts
  std::string Replacement;
};

struct FindingRecord {
  std::string Check;
  std::string Message;
  bool IsError = false;
  Span Where;
  std::string LineText; ///< the source line of Where.Begin, for snippets
  /// Where the highlighted source range starts when it starts before the
  /// caret on the caret's line (clang draws '~' from there); else
  /// Where.Begin.  Only the text output uses it; JSON does not carry it.
  Position HighlightBegin;
  std::vector<NoteRecord> Notes;
  std::vector<FixRecord> Fixes;
  bool Suppressed = false;
  std::string SuppressedBy;
  std::string Fingerprint; ///< filled in by assignFingerprints()
};

/// A file the tools could not check, or a problem it has (does not parse).
struct Problem {
  std::string File; ///< may be empty for problems not tied to one file
  std::string Message;
};

/// Something the user should know that is not a finding and not a
/// problem: a function the checks skipped because its CFG is over the
/// max-cfg-blocks budget ("'f': analysis skipped: too large (...)").
struct RemarkRecord {
  Span Where;
  std::string Message;
};

/// Everything one run of the checks produced.
struct Report {
  std::vector<FindingRecord> Findings;
  std::vector<Problem> Problems;
  /// Never counted as findings or problems: they change no exit status.
  std::vector<RemarkRecord> Remarks;
  unsigned FilesChecked = 0;
  unsigned Baselined = 0; ///< findings dropped because a baseline knew them
  /// Compile command arguments clang does not know, left out of the runs.
  std::set<std::string> IgnoredArguments;
  /// Compile command arguments left out because they could run a program
  /// or read a configuration file (--config=, --offload-arch=native, ...).
  std::set<std::string> UnsafeArguments;
  /// Files that are not C (file -> "c++", "cuda", ...): not analysed.
  std::map<std::string, std::string> NotAnalysed;

  void append(Report &&Other);
  /// Orders findings by file, line, column, check: output is reproducible
  /// whatever order the worker threads finished in.
  void sort();
  /// Keeps one of each finding reported more than once at one place: a
  /// header's finding comes once from every file that includes it, and
  /// must be one finding with one fingerprint (else each new includer
  /// would turn a baselined finding into a "new" one).  Call after sort().
  void removeDuplicates();
  unsigned countActive() const; ///< findings that are not suppressed
};

/// Converts the library's findings into records as they arrive.
class RecordingSink : public FindingSink {
public:
  /// \p WorkingDir makes relative file names absolute (the compile
  /// command's directory, never the process's cwd: threads share that).
  /// With \p PresumedLocations, findings and notes are placed where #line
  /// directives say, as the plugin's diagnostics are (sliceguard-check);
  /// without, at their physical place in the buffer (what an editor
  /// needs).  Fix-its are always physical.
  explicit RecordingSink(std::string WorkingDir,
                         bool PresumedLocations = false);
  void report(const Finding &F, const clang::SourceManager &SM,
              const clang::LangOptions &LangOpts) override;
  /// Remarks come without their SourceManager: the action that runs the
  /// checks hands it over before the translation unit is parsed.
  void setSourceManager(const clang::SourceManager *SM,
                        const clang::LangOptions *LangOpts) {
    RemarkSM = SM;
    RemarkLangOpts = LangOpts;
  }
  void remark(clang::SourceLocation Loc, llvm::StringRef Message) override;
  std::vector<FindingRecord> take() { return std::move(Records); }
  std::vector<RemarkRecord> takeRemarks() { return std::move(Remarks); }

private:
  Span spanOf(clang::CharSourceRange Range, const clang::SourceManager &SM,
              const clang::LangOptions &LangOpts, bool Physical = false) const;
  Span locationSpan(const Finding &F, const clang::SourceManager &SM,
                    const clang::LangOptions &LangOpts) const;
  std::string WorkingDir;
  bool PresumedLocations;
  std::vector<FindingRecord> Records;
  const clang::SourceManager *RemarkSM = nullptr;
  const clang::LangOptions *RemarkLangOpts = nullptr;
  std::vector<RemarkRecord> Remarks;
};

/// Counts UTF-16 code units in the first \p ByteColumn - 1 bytes of
/// \p LineText and returns the 1-based UTF-16 column.
unsigned utf16Column(llvm::StringRef LineText, unsigned ByteColumn);

/// Makes \p Path absolute against \p Dir and removes "." and "..".
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Dir);

} // namespace tools
} // namespace sliceguard

#endif
