//===- Documents.cpp ------------------------------------------------------===//
#include "Documents.h"
#include "JsonHelpers.h"
#include "llvm/ADT/StringExtras.h"

namespace sliceguard {
namespace lsp {

std::string uriToPath(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return {};
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && llvm::isHexDigit(Uri[I + 1]) &&
        llvm::isHexDigit(Uri[I + 2])) {
      Path += static_cast<char>(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(C, /*LowerCase=*/false, 2);
  }
  return Uri;
}

/// Bytes taken by \p Units code units of \p Line, in the given encoding.
static size_t bytesForUnits(llvm::StringRef Line, int64_t Units, Encoding Enc) {
  if (Enc == Encoding::Utf8)
    return std::min<size_t>(Units, Line.size());
  size_t Byte = 0;
  while (Units > 0 && Byte < Line.size()) {
    unsigned char Lead = Line[Byte];
    size_t Len = Lead < 0x80 ? 1 : Lead < 0xE0 ? 2 : Lead < 0xF0 ? 3 : 4;
    Units -= Len == 4 ? 2 : 1; // astral characters are surrogate pairs
    Byte = std::min(Line.size(), Byte + Len);
  }
  return Byte;
}

size_t offsetOf(llvm::StringRef Text, int64_t Line, int64_t Character,
                Encoding Enc) {
  size_t Start = 0;
  for (int64_t L = 0; L < Line; ++L) {
    size_t Eol = Text.find('\n', Start);
    if (Eol == llvm::StringRef::npos)
      return Text.size();
    Start = Eol + 1;
  }
  size_t Eol = Text.find('\n', Start);
  llvm::StringRef LineText =
      Text.slice(Start, Eol == llvm::StringRef::npos ? Text.size() : Eol);
  return Start + bytesForUnits(LineText, Character, Enc);
}

static bool readPosition(const llvm::json::Object *P, int64_t &Line,
                         int64_t &Character) {
  auto L = tools::getInt(P, "line");
  auto C = tools::getInt(P, "character");
  if (!L || !C)
    return false;
  Line = *L;
  Character = *C;
  return true;
}

std::optional<LineEdit> lineEditOf(const llvm::json::Object &Change) {
  const llvm::json::Object *Range = Change.getObject("range");
  int64_t SL, SC, EL, EC;
  if (!Range || !readPosition(Range->getObject("start"), SL, SC) ||
      !readPosition(Range->getObject("end"), EL, EC) || EL < SL)
    return std::nullopt;
  auto Text = tools::getStr(&Change, "text");
  int64_t Breaks = Text ? llvm::StringRef(*Text).count('\n') : 0;
  LineEdit E;
  E.First = SL + 1;
  E.Last = EL + 1;
  E.Delta = Breaks - (EL - SL);
  return E;
}

bool applyChange(std::string &Text, const llvm::json::Object &Change,
                 Encoding Enc) {
  auto NewText = tools::getStr(&Change, "text");
  if (!NewText)
    return false;
  const llvm::json::Object *Range = Change.getObject("range");
  if (!Range) {
    Text = std::move(*NewText);
    return true;
  }
  int64_t SL, SC, EL, EC;
  if (!readPosition(Range->getObject("start"), SL, SC) ||
      !readPosition(Range->getObject("end"), EL, EC))
    return false;
  size_t Begin = offsetOf(Text, SL, SC, Enc);
  size_t End = offsetOf(Text, EL, EC, Enc);
  if (End < Begin)
    return false;
  Text.replace(Begin, End - Begin, *NewText);
  return true;
}

} // namespace lsp
} // namespace sliceguard
