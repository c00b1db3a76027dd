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
  // "%00" would name another file to everything that takes a C string.
  if (Path.find('\0') != std::string::npos)
    return {};
  return Path;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)) {
      Uri += C;
    } else {
      // Two digits always (utohexstr(0, false, 2) gives "000").
      Uri += '%';
      Uri += llvm::hexdigit(C >> 4);
      Uri += llvm::hexdigit(C & 15);
    }
  }
  return Uri;
}

Encoding encodingNamed(llvm::StringRef Name) {
  if (Name == "utf-8")
    return Encoding::Utf8;
  if (Name == "utf-32")
    return Encoding::Utf32;
  return Encoding::Utf16;
}

std::string documentKey(llvm::StringRef Uri) {
  std::string Path = uriToPath(Uri);
  return Path.empty() ? Uri.str() : Path;
}

/// Bytes in the UTF-8 sequence that starts with \p Lead (1 for bytes that
/// cannot start one: they count as one character, as clangd counts them).
static size_t sequenceLength(unsigned char Lead) {
  if (Lead < 0xC0)
    return 1;
  return Lead < 0xE0 ? 2 : Lead < 0xF0 ? 3 : 4;
}

/// Code units one character of \p Length UTF-8 bytes takes in \p Enc.
static int64_t unitsOf(size_t Length, Encoding Enc) {
  switch (Enc) {
  case Encoding::Utf8:
    return Length;
  case Encoding::Utf16:
    return Length == 4 ? 2 : 1; // astral characters are surrogate pairs
  case Encoding::Utf32:
    return 1;
  }
  return 1;
}

/// Bytes taken by the first \p Units code units of \p Line; std::nullopt
/// when the line has fewer.  A position inside a character (half a
/// surrogate pair, the middle of a UTF-8 sequence) means the character's
/// end.
static std::optional<size_t> bytesForUnits(llvm::StringRef Line, int64_t Units,
                                           Encoding Enc) {
  size_t Byte = 0;
  while (Units > 0) {
    if (Byte >= Line.size())
      return std::nullopt;
    size_t Len = std::min(sequenceLength(Line[Byte]), Line.size() - Byte);
    Units -= unitsOf(Len, Enc);
    Byte += Len;
  }
  return Byte;
}

unsigned characterOf(llvm::StringRef LineText, unsigned ByteColumn,
                     Encoding Enc) {
  size_t Bytes =
      std::min<size_t>(ByteColumn ? ByteColumn - 1 : 0, LineText.size());
  unsigned Units = 0;
  for (size_t Byte = 0; Byte < Bytes;) {
    size_t Len = std::min(sequenceLength(LineText[Byte]), Bytes - Byte);
    Units += unitsOf(Len, Enc);
    Byte += Len;
  }
  return Units;
}

llvm::StringRef lineOf(llvm::StringRef Text, unsigned Line) {
  size_t Start = 0;
  for (unsigned L = 1; L < Line; ++L) {
    size_t Eol = Text.find('\n', Start);
    if (Eol == llvm::StringRef::npos)
      return {};
    Start = Eol + 1;
  }
  return Text.slice(Start, Text.find('\n', Start));
}

std::optional<size_t> offsetOf(llvm::StringRef Text, int64_t Line,
                               int64_t Character, Encoding Enc) {
  if (Line < 0 || Character < 0)
    return std::nullopt;
  size_t Start = 0;
  for (int64_t L = 0; L < Line; ++L) {
    size_t Eol = Text.find('\n', Start);
    if (Eol == llvm::StringRef::npos)
      return std::nullopt;
    Start = Eol + 1;
  }
  llvm::StringRef LineText = Text.slice(Start, Text.find('\n', Start));
  std::optional<size_t> Bytes = bytesForUnits(LineText, Character, Enc);
  if (!Bytes)
    return std::nullopt;
  return Start + *Bytes;
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
  std::optional<size_t> Begin = offsetOf(Text, SL, SC, Enc);
  std::optional<size_t> End = offsetOf(Text, EL, EC, Enc);
  if (!Begin || !End || *End < *Begin)
    return false;
  Text.replace(*Begin, *End - *Begin, *NewText);
  return true;
}

} // namespace lsp
} // namespace sliceguard
