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

} // namespace tools
} // namespace sliceguard

#endif
