//===- ModelFile.cpp - user model files (docs/models.md) ------------------===//
#include "models/Model.h"

namespace sliceguard {

llvm::Expected<std::unique_ptr<Model>> loadModelFile(llvm::StringRef Path) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "%s: model files are not read yet",
                                 Path.str().c_str());
}

} // namespace sliceguard
