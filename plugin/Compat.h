//===- Compat.h - the differences between LLVM 14, 19 and 22 --------------===//
//
// Everything version-specific lives here so the rest of the plugin reads
// the same on every supported LLVM.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_COMPAT_H
#define SLICEGUARD_COMPAT_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"

namespace sliceguard::compat {

/// StringRef::startswith was renamed starts_with (LLVM 16) and removed
/// (LLVM 19+ warns, 22 drops it).
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

/// A custom diagnostic ID.  Custom IDs belong to no warning group on 14 and
/// 19, so -Werror / -w / -Wno-... do not reach them: callers apply those
/// flags themselves (see Plugin.cpp).  Clang 22's CustomDiagDesc could
/// attach a group, but there is no group users could name for us, so the
/// same path serves every version.
inline unsigned customDiagID(clang::DiagnosticsEngine &D,
                             clang::DiagnosticsEngine::Level L,
                             llvm::StringRef Format) {
  return D.getDiagnosticIDs()->getCustomDiagID(
      static_cast<clang::DiagnosticIDs::Level>(L), Format);
}

} // namespace sliceguard::compat

#endif // SLICEGUARD_COMPAT_H
