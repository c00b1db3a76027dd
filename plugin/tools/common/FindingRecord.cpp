//===- FindingRecord.cpp --------------------------------------------------===//
#include "FindingRecord.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <tuple>

namespace sliceguard {
namespace tools {

void Report::append(Report &&Other) {
  for (auto &F : Other.Findings)
    Findings.push_back(std::move(F));
  for (auto &P : Other.Problems)
    Problems.push_back(std::move(P));
  for (auto &M : Other.Remarks)
    Remarks.push_back(std::move(M));
  FilesChecked += Other.FilesChecked;
  Baselined += Other.Baselined;
  IgnoredArguments.insert(Other.IgnoredArguments.begin(),
                          Other.IgnoredArguments.end());
  UnsafeArguments.insert(Other.UnsafeArguments.begin(),
                         Other.UnsafeArguments.end());
  NotAnalysed.insert(Other.NotAnalysed.begin(), Other.NotAnalysed.end());
}

void Report::sort() {
  auto Key = [](const FindingRecord &F) {
    return std::make_tuple(std::cref(F.Where.File), F.Where.Begin.Line,
                           F.Where.Begin.Column, std::cref(F.Check),
                           std::cref(F.Message));
  };
  std::sort(Findings.begin(), Findings.end(),
            [&](const FindingRecord &A, const FindingRecord &B) {
              return Key(A) < Key(B);
            });
  std::sort(Problems.begin(), Problems.end(),
            [](const Problem &A, const Problem &B) { return A.File < B.File; });
  auto RemarkKey = [](const RemarkRecord &M) {
    return std::make_tuple(std::cref(M.Where.File), M.Where.Begin.Line,
                           M.Where.Begin.Column, std::cref(M.Message));
  };
  std::sort(Remarks.begin(), Remarks.end(),
            [&](const RemarkRecord &A, const RemarkRecord &B) {
              return RemarkKey(A) < RemarkKey(B);
            });
}

void Report::removeDuplicates() {
  auto Same = [](const FindingRecord &A, const FindingRecord &B) {
    return A.Where.File == B.Where.File &&
           A.Where.Begin.Line == B.Where.Begin.Line &&
           A.Where.Begin.Column == B.Where.Begin.Column && A.Check == B.Check &&
           A.Message == B.Message;
  };
  Findings.erase(std::unique(Findings.begin(), Findings.end(), Same),
                 Findings.end());
  // A function in a header is skipped once per file that includes it.
  auto SameRemark = [](const RemarkRecord &A, const RemarkRecord &B) {
    return A.Where.File == B.Where.File &&
           A.Where.Begin.Line == B.Where.Begin.Line &&
           A.Where.Begin.Column == B.Where.Begin.Column &&
           A.Message == B.Message;
  };
  Remarks.erase(std::unique(Remarks.begin(), Remarks.end(), SameRemark),
                Remarks.end());
}

unsigned Report::countActive() const {
  return std::count_if(Findings.begin(), Findings.end(),
                       [](const FindingRecord &F) { return !F.Suppressed; });
}

unsigned utf16Column(llvm::StringRef LineText, unsigned ByteColumn) {
  unsigned Units = 0;
  llvm::StringRef Prefix = LineText.take_front(ByteColumn ? ByteColumn - 1 : 0);
  for (unsigned char C : Prefix) {
    if ((C & 0xC0) == 0x80)
      continue; // continuation byte: already counted with its lead byte
    Units += C >= 0xF0 ? 2 : 1; // 4-byte sequences need a surrogate pair
  }
  // Columns past the end of the line (e.g. an exclusive end at a newline).
  if (ByteColumn > LineText.size() + 1)
    Units += ByteColumn - 1 - LineText.size();
  return Units + 1;
}

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Dir) {
  llvm::SmallString<256> Abs;
  if (!llvm::sys::path::is_absolute(Path))
    Abs = Dir;
  llvm::sys::path::append(Abs, Path);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

RecordingSink::RecordingSink(std::string WorkingDir, bool PresumedLocations)
    : WorkingDir(std::move(WorkingDir)), PresumedLocations(PresumedLocations) {}

static llvm::StringRef lineTextAt(const clang::SourceManager &SM,
                                  clang::SourceLocation Loc) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return {};
  unsigned Offset = SM.getFileOffset(Loc);
  unsigned Column = SM.getColumnNumber(SM.getFileID(Loc), Offset);
  size_t Start = Offset - (Column - 1);
  size_t End = Buffer.find_first_of("\r\n", Start);
  return Buffer.slice(Start,
                      End == llvm::StringRef::npos ? Buffer.size() : End);
}

static Position positionOf(const clang::SourceManager &SM,
                           clang::SourceLocation Loc) {
  Position P;
  clang::FileID FID = SM.getFileID(Loc);
  unsigned Offset = SM.getFileOffset(Loc);
  P.Line = SM.getLineNumber(FID, Offset);
  P.Column = SM.getColumnNumber(FID, Offset);
  P.Utf16Column = utf16Column(lineTextAt(SM, Loc), P.Column);
  return P;
}

/// Where a #line directive says \p Loc is (file and line), as clang's
/// diagnostics print it; the column is the physical one either way.
static void presume(const clang::SourceManager &SM, clang::SourceLocation Loc,
                    std::string &File, Position &P,
                    llvm::StringRef WorkingDir) {
  clang::PresumedLoc Presumed = SM.getPresumedLoc(Loc);
  if (Presumed.isInvalid())
    return;
  File = absolutePath(Presumed.getFilename(), WorkingDir);
  P.Line = Presumed.getLine();
}

Span RecordingSink::spanOf(clang::CharSourceRange Range,
                           const clang::SourceManager &SM,
                           const clang::LangOptions &LangOpts,
                           bool Physical) const {
  Span S;
  clang::CharSourceRange Chars =
      clang::Lexer::makeFileCharRange(Range, SM, LangOpts);
  clang::SourceLocation Begin =
      Chars.isValid() ? Chars.getBegin() : SM.getFileLoc(Range.getBegin());
  if (Begin.isInvalid())
    return S;
  clang::SourceLocation End = Chars.isValid() ? Chars.getEnd() : Begin;
  S.File = absolutePath(SM.getFilename(Begin), WorkingDir);
  S.Begin = positionOf(SM, Begin);
  S.End =
      SM.getFileID(End) == SM.getFileID(Begin) ? positionOf(SM, End) : S.Begin;
  if (PresumedLocations && !Physical) {
    unsigned PhysicalBeginLine = S.Begin.Line;
    presume(SM, Begin, S.File, S.Begin, WorkingDir);
    // The end moves with the begin (a #line between them is not worth a
    // span across files).
    S.End.Line = S.End.Line - PhysicalBeginLine + S.Begin.Line;
  }
  return S;
}

static bool before(const Position &A, const Position &B) {
  return A.Line < B.Line || (A.Line == B.Line && A.Column < B.Column);
}

/// The finding's position is its caret (F.Loc), which is what clang prints;
/// the span runs to the end of the range, or of the caret's token when the
/// range ends before the caret or is missing.
Span RecordingSink::locationSpan(const Finding &F,
                                 const clang::SourceManager &SM,
                                 const clang::LangOptions &LangOpts) const {
  if (F.Loc.isInvalid())
    return spanOf(clang::CharSourceRange::getTokenRange(F.Range), SM, LangOpts);
  Span Where =
      spanOf(clang::CharSourceRange::getTokenRange(F.Loc, F.Loc), SM, LangOpts);
  if (F.Range.isValid()) {
    Span Full =
        spanOf(clang::CharSourceRange::getTokenRange(F.Range), SM, LangOpts);
    if (Full.File == Where.File && before(Where.Begin, Full.End))
      Where.End = Full.End;
  }
  return Where;
}

void RecordingSink::remark(clang::SourceLocation Loc, llvm::StringRef Message) {
  if (!RemarkSM || !RemarkLangOpts)
    return;
  RemarkRecord R;
  R.Where = spanOf(clang::CharSourceRange::getTokenRange(Loc, Loc), *RemarkSM,
                   *RemarkLangOpts);
  R.Message = Message.str();
  Remarks.push_back(std::move(R));
}

void RecordingSink::report(const Finding &F, const clang::SourceManager &SM,
                           const clang::LangOptions &LangOpts) {
  FindingRecord R;
  R.Check = F.Check;
  R.Message = F.Message;
  R.IsError = F.IsError;
  R.Suppressed = F.Suppressed;
  R.SuppressedBy = F.SuppressedBy;
  R.Where = locationSpan(F, SM, LangOpts);
  R.HighlightBegin = R.Where.Begin;
  if (F.Range.isValid()) {
    // clang draws '~' from the range's start when it lies before the caret
    // on the caret's line.
    Span Full =
        spanOf(clang::CharSourceRange::getTokenRange(F.Range), SM, LangOpts);
    if (Full.File == R.Where.File && Full.Begin.Line == R.Where.Begin.Line &&
        Full.Begin.Column < R.Where.Begin.Column)
      R.HighlightBegin = Full.Begin;
  }
  if (F.Loc.isValid())
    R.LineText = lineTextAt(SM, SM.getFileLoc(F.Loc)).str();
  for (const Note &N : F.Notes) {
    NoteRecord Rec;
    // The note's token (e.g. the sg_range macro's name), so editors and
    // SARIF viewers have something to highlight.
    Rec.Where = spanOf(clang::CharSourceRange::getTokenRange(N.Loc, N.Loc), SM,
                       LangOpts);
    Rec.Message = N.Message;
    if (N.Loc.isValid())
      Rec.LineText = lineTextAt(SM, SM.getFileLoc(N.Loc)).str();
    R.Notes.push_back(std::move(Rec));
  }
  for (const clang::FixItHint &H : F.FixIts) {
    if (H.RemoveRange.isInvalid())
      continue;
    // Fix-its edit the file itself: physical places.
    R.Fixes.push_back({spanOf(H.RemoveRange, SM, LangOpts, /*Physical=*/true),
                       H.CodeToInsert});
  }
  Records.push_back(std::move(R));
}

} // namespace tools
} // namespace sliceguard
