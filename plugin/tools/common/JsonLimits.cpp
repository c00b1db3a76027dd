//===- JsonLimits.cpp - parse JSON that may come from an attacker ---------===//
#include "JsonLimits.h"

namespace sliceguard {
namespace tools {

unsigned jsonNestingDepth(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0, Deepest = 0;
  bool InString = false;
  for (size_t I = 0, N = Text.size(); I < N; ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I; // the escaped character cannot end the string
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > Deepest && (Deepest = Depth) > Limit)
        return Deepest;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return Deepest;
}

llvm::Expected<llvm::json::Value> parseLimited(llvm::StringRef Text) {
  if (jsonNestingDepth(Text, MaxJsonDepth) > MaxJsonDepth)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "JSON nested deeper than %u levels",
                                   MaxJsonDepth);
  return llvm::json::parse(Text);
}

} // namespace tools
} // namespace sliceguard
