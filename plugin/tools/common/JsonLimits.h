//===- JsonLimits.h - parse JSON that may come from an attacker -----------===//
//
// llvm::json::parse recurses once per nesting level, so 40,000 '[' (80 KB)
// overflow the stack; every reader of outside JSON (compile databases,
// baselines, summaries, LSP messages) goes through parseLimited instead,
// which refuses documents nested deeper than a bound before parsing them.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_TOOLS_JSONLIMITS_H
#define SLICEGUARD_TOOLS_JSONLIMITS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstddef>

namespace sliceguard {
namespace tools {

/// Deeper than any real compile database, baseline or LSP message; shallow
/// enough that llvm::json's recursion stays far from the stack's end.
constexpr unsigned MaxJsonDepth = 512;

/// The deepest nesting of '[' and '{' outside strings.  Stops counting once
/// past Limit, so a hostile document costs one linear scan at most.
unsigned jsonNestingDepth(llvm::StringRef Text, unsigned Limit);

/// llvm::json::parse, but an error (not a crash) for documents nested
/// deeper than MaxJsonDepth.
llvm::Expected<llvm::json::Value> parseLimited(llvm::StringRef Text);

/// One step of a streaming read (scanJson).
struct JsonEvent {
  enum Kind {
    BeginObject,
    EndObject,
    BeginArray,
    EndArray,
    String,
    Number,
    Bool,
    Null
  };
  Kind What;
  /// Containers around this value: 0 for the document itself.
  unsigned Depth;
  /// The value's key when its container is an object, else empty.
  llvm::StringRef Key;
  /// A string's decoded text, a number's or a literal's spelling.
  llvm::StringRef Text;
};

/// Reads JSON (RFC 8259) without building it in memory: \p OnEvent sees
/// every value in document order, and memory stays proportional to the
/// nesting depth and the longest string, never to the document.  (A
/// llvm::json::Value tree costs 4 KB for every object with a key, so a
/// 7 MB file of small objects took gigabytes.)  An error from \p OnEvent
/// stops the read and is returned.  Syntax errors read like llvm::json's,
/// "[LINE:COL, byte=N]: Expected object key", which describeJsonError()
/// turns into prose; documents nested deeper than MaxJsonDepth are errors.
/// Accepts no more than llvm::json::parse does (numbers are RFC 8259's,
/// where llvm::json also takes "01" or "+1"), and decodes strings as it
/// does: an unpaired surrogate escape becomes U+FFFD.
llvm::Error
scanJson(llvm::StringRef Text,
         llvm::function_ref<llvm::Error(const JsonEvent &)> OnEvent);

} // namespace tools
} // namespace sliceguard

#endif
