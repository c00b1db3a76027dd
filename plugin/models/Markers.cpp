//===- Markers.cpp - the model of APIs carrying sliceguard's markers ------===//
//
// The runtime (and any user API that copies its markers) says what its
// types and functions are, in runtime-headers/sliceguard/markers.h:
//
//   types  annotate("sliceguard:type:<kind>") on a record
//   fields annotate("sliceguard:field:<role>") on the iterator's key / val
//   ops    diagnose_if(0, "sliceguard:op:<kind>", "warning") on a function
//
// The vocabulary is public (docs/annotations.md).
//
//===----------------------------------------------------------------------===//
#include "models/Model.h"
#include "clang/AST/Attr.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace sliceguard {
namespace {

constexpr llvm::StringLiteral TypePrefix = "sliceguard:type:";
constexpr llvm::StringLiteral FieldPrefix = "sliceguard:field:";
constexpr llvm::StringLiteral OpPrefix = "sliceguard:op:";

OpKind opFromSpelling(llvm::StringRef S) {
#define SLICEGUARD_OP(Enum, Spelling)                                          \
  if (S == Spelling)                                                           \
    return OpKind::Enum;
#include "ApiOps.def"
  return OpKind::None;
}

class MarkersModel : public Model {
public:
  llvm::StringRef name() const override { return "markers"; }

  TypeKind recordKind(const RecordDecl *RD) const override {
    TypeKind K = TypeKind::None;
    // Attributes may sit on any redeclaration (forward declaration first).
    for (const TagDecl *R : RD->redecls())
      for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
        llvm::StringRef S = A->getAnnotation();
        if (!S.consume_front(TypePrefix))
          continue;
        K = llvm::StringSwitch<TypeKind>(S)
                .Case("slice", TypeKind::Slice)
                .Case("map", TypeKind::Map)
                .Case("map_iter", TypeKind::MapIter)
                .Case("arena", TypeKind::Arena)
                .Case("str", TypeKind::Str)
                .Default(TypeKind::None);
      }
    return K;
  }

  FieldRole fieldRole(const FieldDecl *FD) const override {
    for (const auto *A : FD->specific_attrs<AnnotateAttr>()) {
      llvm::StringRef S = A->getAnnotation();
      if (!S.consume_front(FieldPrefix))
        continue;
      if (S == "key")
        return FieldRole::Key;
      if (S == "val")
        return FieldRole::Val;
    }
    return FieldRole::None;
  }

  OpKind opKind(const FunctionDecl *FD) const override {
    for (const FunctionDecl *R : FD->redecls()) {
      OpKind K = OpKind::None;
      for (const auto *A : R->specific_attrs<DiagnoseIfAttr>()) {
        llvm::StringRef S = A->getMessage();
        if (S.consume_front(OpPrefix))
          K = opFromSpelling(S);
      }
      if (K != OpKind::None)
        return K;
    }
    return OpKind::None;
  }
};

} // namespace

std::unique_ptr<Model> createMarkersModel() {
  return std::make_unique<MarkersModel>();
}

} // namespace sliceguard
