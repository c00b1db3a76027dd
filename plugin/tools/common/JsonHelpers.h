//===- JsonHelpers.h - llvm::json accessors that read alike on 14/19/22 ---===//
//
// llvm::json's getters return llvm::Optional up to LLVM 15 and
// std::optional after; these helpers hide the difference.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_TOOLS_JSONHELPERS_H
#define SLICEGUARD_TOOLS_JSONHELPERS_H

#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace sliceguard {
namespace tools {

inline std::optional<int64_t> getInt(const llvm::json::Object *O,
                                     llvm::StringRef Key) {
  if (O)
    if (auto V = O->getInteger(Key))
      return *V;
  return std::nullopt;
}

inline int64_t intOr(const llvm::json::Object *O, llvm::StringRef Key,
                     int64_t Default) {
  auto V = getInt(O, Key);
  return V ? *V : Default;
}

inline std::optional<std::string> getStr(const llvm::json::Object *O,
                                         llvm::StringRef Key) {
  if (O)
    if (auto V = O->getString(Key))
      return V->str();
  return std::nullopt;
}

inline std::string strOr(const llvm::json::Object *O, llvm::StringRef Key) {
  auto V = getStr(O, Key);
  return V ? *V : std::string();
}

inline bool boolOr(const llvm::json::Object *O, llvm::StringRef Key,
                   bool Default) {
  if (O)
    if (auto V = O->getBoolean(Key))
      return *V;
  return Default;
}

} // namespace tools
} // namespace sliceguard

#endif
