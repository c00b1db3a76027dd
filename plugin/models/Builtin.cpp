//===- Builtin.cpp - the list of built-in models and their selection ------===//
#include "models/Model.h"
#include "llvm/ADT/SmallVector.h"

namespace sliceguard {

Model::~Model() = default;

llvm::ArrayRef<BuiltinModel> builtinModels() {
  static const BuiltinModel List[] = {
#define SLICEGUARD_MODEL(Name, Factory, Summary) {#Name, Summary, &Factory},
#include "models/BuiltinModels.def"
  };
  return List;
}

/// `*` matches any run of characters; everything else matches itself.
static bool globMatches(llvm::StringRef Glob, llvm::StringRef Name) {
  size_t Star = Glob.find('*');
  if (Star == llvm::StringRef::npos)
    return Glob == Name;
  llvm::StringRef Head = Glob.substr(0, Star), Rest = Glob.substr(Star + 1);
  if (!Name.consume_front(Head))
    return false;
  for (size_t I = 0; I <= Name.size(); ++I)
    if (globMatches(Rest, Name.substr(I)))
      return true;
  return false;
}

bool modelSelected(llvm::StringRef Globs, llvm::StringRef Name) {
  bool Selected = false;
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Globs.split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Items) {
    G = G.trim();
    bool Negative = G.consume_front("-");
    if (globMatches(G, Name))
      Selected = !Negative;
  }
  return Selected;
}

} // namespace sliceguard
