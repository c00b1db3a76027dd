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
/// negotiated UTF-8 (clangd does when the client offers it).
enum class Encoding { Utf16, Utf8 };

struct Document {
  std::string Uri;
  std::string Path;
  std::string Text;
  int64_t Version = 0;
};

/// "file:///a%20b.c" -> "/a b.c"; empty for URIs that are not file URIs.
std::string uriToPath(llvm::StringRef Uri);
std::string pathToUri(llvm::StringRef Path);

/// Byte offset of an LSP position in \p Text, clamped to the text.
size_t offsetOf(llvm::StringRef Text, int64_t Line, int64_t Character,
                Encoding Enc);

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
/// Returns false when the change is malformed.
bool applyChange(std::string &Text, const llvm::json::Object &Change,
                 Encoding Enc);

} // namespace lsp
} // namespace sliceguard

#endif
