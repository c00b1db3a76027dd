//===- ApiModel.cpp - asks the models what types and calls mean ----===//
#include "ApiModel.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace sliceguard {

ApiModel::ApiModel() : ApiModel("*", {}) {}

ApiModel::ApiModel(llvm::StringRef Globs,
                   std::vector<std::shared_ptr<const Model>> UserModels) {
  for (const BuiltinModel &B : builtinModels())
    if (modelSelected(Globs, B.Name))
      Models.push_back(B.Create());
  for (auto &M : UserModels)
    Models.push_back(std::move(M));
}

llvm::StringRef opSpelling(OpKind Op) {
  switch (Op) {
#define SLICEGUARD_OP(Enum, Spelling)                                          \
  case OpKind::Enum:                                                           \
    return Spelling;
#include "ApiOps.def"
  case OpKind::None:
    break;
  }
  return "";
}

bool isSliceGrowOp(OpKind Op) {
  return Op == OpKind::SliceAppend || Op == OpKind::SliceAppendN ||
         Op == OpKind::SliceExtend;
}
bool isSliceViewOp(OpKind Op) {
  return Op == OpKind::SliceSlice || Op == OpKind::SliceSlice3;
}
bool isMapOp(OpKind Op) {
  return Op >= OpKind::MapMake && Op <= OpKind::MapRangeNext;
}

const Expr *ignoreNoise(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CStyleCastExpr>(Next))
      if (CE->getCastKind() == CK_NoOp || CE->getCastKind() == CK_BitCast)
        Next = CE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

TypeKind ApiModel::recordKind(const RecordDecl *RD) const {
  if (!RD)
    return TypeKind::None;
  auto It = RecordCache.find(RD);
  if (It != RecordCache.end())
    return It->second;
  TypeKind K = TypeKind::None;
  for (const auto &M : Models)
    if ((K = M->recordKind(RD)) != TypeKind::None)
      break;
  RecordCache[RD] = K;
  return K;
}

TypeKind ApiModel::typeKind(QualType T) const {
  if (T.isNull())
    return TypeKind::None;
  // Asked for nearly every expression the checks and the screen meet.
  const Type *Canonical = T.getCanonicalType().getTypePtr();
  auto [It, Inserted] = TypeCache.try_emplace(Canonical, TypeKind::None);
  if (Inserted)
    It->second = uncachedTypeKind(Canonical);
  return It->second;
}

TypeKind ApiModel::uncachedTypeKind(const Type *T) const {
  if (const auto *PT = T->getAs<PointerType>()) {
    // A map value is a pointer to the marked table.
    TypeKind Pointee = recordKind(PT->getPointeeType()->getAsRecordDecl());
    return Pointee == TypeKind::Map ? TypeKind::Map : TypeKind::None;
  }
  TypeKind K = recordKind(T->getAsRecordDecl());
  // The table struct itself is not a map value.
  return K == TypeKind::Map ? TypeKind::None : K;
}

OpKind ApiModel::opKind(const FunctionDecl *FD) const {
  if (!FD)
    return OpKind::None;
  FD = FD->getCanonicalDecl();
  auto It = OpCache.find(FD);
  if (It != OpCache.end())
    return It->second;
  OpKind K = OpKind::None;
  for (const auto &M : Models)
    if ((K = M->opKind(FD)) != OpKind::None)
      break;
  OpCache[FD] = K;
  return K;
}

OpKind ApiModel::opKind(const CallExpr *Call) const {
  return Call ? opKind(Call->getDirectCallee()) : OpKind::None;
}

FieldRole ApiModel::fieldRole(const FieldDecl *FD) const {
  if (!FD)
    return FieldRole::None;
  for (const auto &M : Models)
    if (FieldRole R = M->fieldRole(FD); R != FieldRole::None)
      return R;
  return FieldRole::None;
}

llvm::SmallVector<LibraryEffect, 2>
ApiModel::effects(const CallExpr *Call) const {
  llvm::SmallVector<LibraryEffect, 2> Out;
  if (!Call)
    return Out;
  for (const auto &M : Models) {
    M->effects(Call, Out);
    if (!Out.empty())
      break;
  }
  // An effect on an argument the call does not have is the model's bug;
  // drop it rather than reach past the argument list.
  llvm::erase_if(Out, [&](const LibraryEffect &E) {
    return E.Arg >= Call->getNumArgs() ||
           (E.KeyArg >= 0 &&
            static_cast<unsigned>(E.KeyArg) >= Call->getNumArgs());
  });
  return Out;
}

bool ApiModel::mayChange(const FunctionDecl *FD) const {
  OpKind K = opKind(FD);
  if (isSliceGrowOp(K) || K == OpKind::MapPut)
    return true;
  return FD && llvm::any_of(Models, [&](const auto &M) {
           return M->mayChange(FD->getCanonicalDecl());
         });
}

const Expr *ApiModel::iteratorOutOperand(const CallExpr *Call) const {
  if (opKind(Call) != OpKind::MapRangeBegin)
    return nullptr;
  for (const Expr *Arg : Call->arguments()) {
    QualType T = Arg->IgnoreParenImpCasts()->getType();
    if (const auto *PT = T->getAs<PointerType>())
      if (typeKind(PT->getPointeeType()) == TypeKind::MapIter)
        return Arg;
  }
  return nullptr;
}

std::string ApiModel::opName(const CallExpr *Call) const {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD)
    return "";
  for (const auto &M : Models) {
    std::string N = M->opName(FD->getCanonicalDecl());
    if (!N.empty())
      return N;
  }
  return "";
}

static const Expr *nthArgOfKind(const ApiModel &Api, const CallExpr *Call,
                                TypeKind Want, unsigned Nth) {
  for (const Expr *Arg : Call->arguments())
    if (Api.typeKind(Arg->IgnoreParenImpCasts()->getType()) == Want) {
      if (Nth == 0)
        return Arg;
      --Nth;
    }
  return nullptr;
}

const Expr *ApiModel::sliceOperand(const CallExpr *Call) const {
  return nthArgOfKind(*this, Call, TypeKind::Slice, 0);
}

const Expr *ApiModel::sourceSliceOperand(const CallExpr *Call) const {
  OpKind Op = opKind(Call);
  if (Op != OpKind::SliceExtend && Op != OpKind::SliceCopy)
    return nullptr;
  return nthArgOfKind(*this, Call, TypeKind::Slice, 1);
}

int ApiModel::mapOperandIndex(const CallExpr *Call) const {
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (typeKind(Call->getArg(I)->IgnoreParenImpCasts()->getType()) ==
        TypeKind::Map)
      return I;
  return -1;
}

const Expr *ApiModel::mapOperand(const CallExpr *Call) const {
  int I = mapOperandIndex(Call);
  return I < 0 ? nullptr : Call->getArg(I);
}

static bool takesKey(OpKind Op) {
  return Op == OpKind::MapPut || Op == OpKind::MapGet ||
         Op == OpKind::MapLookup || Op == OpKind::MapRef ||
         Op == OpKind::MapDel;
}

const Expr *ApiModel::keyOperand(const CallExpr *Call) const {
  int I = mapOperandIndex(Call);
  if (I < 0 || !takesKey(opKind(Call)) ||
      static_cast<unsigned>(I + 1) >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(I + 1);
}

const Expr *ApiModel::valueOperand(const CallExpr *Call) const {
  int I = mapOperandIndex(Call);
  if (I < 0 || opKind(Call) != OpKind::MapPut ||
      static_cast<unsigned>(I + 2) >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(I + 2);
}

void ApiModel::indexDecl(const FunctionDecl *FD) {
  if (opKind(FD) != OpKind::None && FD->isFirstDecl())
    KnownOps.push_back(FD);
}

const FunctionDecl *ApiModel::findOp(OpKind Op, QualType OperandType) const {
  QualType Want = OperandType.getCanonicalType().getUnqualifiedType();
  TypeKind WantKind = typeKind(Want);
  for (const FunctionDecl *FD : KnownOps) {
    if (opKind(FD) != Op)
      continue;
    for (const ParmVarDecl *P : FD->parameters())
      if (typeKind(P->getType()) == WantKind) {
        if (P->getType().getCanonicalType().getUnqualifiedType() == Want)
          return FD;
        break;
      }
  }
  return nullptr;
}

} // namespace sliceguard
