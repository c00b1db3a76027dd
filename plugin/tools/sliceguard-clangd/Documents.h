//===- Documents.h - the editor's open buffers, URIs and positions --------===//
//
// The checks must see what the editor shows, not what is on disk, so the
// companion keeps its own copy of every open document, applying the same
// full or incremental changes clangd receives.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_CLANGD_DOCUMENTS_H
#define SLICEGUARD_CLANGD_DOCUMENTS_H

#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace sliceguard {
namespace lsp {

/// How LSP "character" offsets count: UTF-16 code units unless the server
/// negotiated another encoding (clangd offers utf-8 and utf-32 too, through
/// its "offsetEncoding" extension or LSP 3.17's positionEncoding).
enum class Encoding { Utf8, Utf16, Utf32 };

/// The encoding named \p Name ("utf-8", "utf-16", "utf-32"), else UTF-16,
/// the protocol's default.
Encoding encodingNamed(llvm::StringRef Name);

struct Document {
  std::string Uri;
  std::string Path;
  std::string Text;
  int64_t Version = 0;
};

/// "file:///a%20b.c" -> "/a b.c"; empty for URIs that are not file URIs.
/// Escapes decode whatever the case of their hex digits, so every spelling
/// of one file URI ("a%3Ab.c" and "a:b.c", "%c3%a9" and "%C3%A9") gives one
/// path.  Empty as well for a path with a NUL byte ("%00").
std::string uriToPath(llvm::StringRef Uri);
std::string pathToUri(llvm::StringRef Path);

/// What documents and diagnostics are keyed by: the decoded path of a file
/// URI (editors and clangd spell one URI differently), the URI itself for
/// other schemes.
std::string documentKey(llvm::StringRef Uri);

/// Byte offset of an LSP position in \p Text, or std::nullopt when the
/// position is outside it (a line past the end, a character past the end
/// of its line): clangd refuses such edits, and drops the document.
std::optional<size_t> offsetOf(llvm::StringRef Text, int64_t Line,
                               int64_t Character, Encoding Enc);

/// The 0-based LSP character of the 1-based byte column \p ByteColumn of
/// \p LineText, counted in \p Enc.
unsigned characterOf(llvm::StringRef LineText, unsigned ByteColumn,
                     Encoding Enc);

/// Line \p Line (1-based) of \p Text, without its line break; empty when
/// there is no such line.
llvm::StringRef lineOf(llvm::StringRef Text, unsigned Line);

/// What a ranged change did to the lines of a document: lines First..Last
/// (1-based, as in FindingRecord) were replaced by text that makes the lines
/// after them move by Delta.
struct LineEdit {
  unsigned First = 0, Last = 0;
  int64_t Delta = 0;
};

/// The LineEdit of one TextDocumentContentChangeEvent; std::nullopt when it
/// replaces the whole text.
std::optional<LineEdit> lineEditOf(const llvm::json::Object &Change);

/// Applies one TextDocumentContentChangeEvent (full text, or range + text).
/// Returns false when the change is malformed or its range lies outside the
/// text; \p Text is then unchanged.
bool applyChange(std::string &Text, const llvm::json::Object &Change,
                 Encoding Enc);

} // namespace lsp
} // namespace sliceguard

#endif
