//===- FlowRefine.cpp - what a branch tells the flow
//-----------------------===//
//
// The flow is a may-analysis over all paths; a branch condition can still
// rule values out on one edge.  A pointer tested against NULL points
// nowhere on the edge where it is NULL: `p = ref(m, k); if (!p) { put(m,
// k, 0); p = ref(m, k); }` does not carry the first pointer into the
// insert, because on that path there is none.  Refinement only removes
// values from the edge's state, so every value still reaching a point on
// some path is kept: the checks lose nothing they could see before.
//
//===----------------------------------------------------------------------===//
#include "AliasFlow.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace sliceguard {

/// The condition a two-way branch at the end of B tests, or null.  Only
/// terminators whose first successor is taken when the condition holds.
static const Expr *branchCondition(const CFGBlock *B) {
  const Stmt *T = B->getTerminatorStmt();
  if (!T || B->succ_size() != 2)
    return nullptr;
  if (!isa<IfStmt>(T) && !isa<WhileStmt>(T) && !isa<ForStmt>(T) &&
      !isa<DoStmt>(T) && !isa<ConditionalOperator>(T) &&
      !isa<BinaryConditionalOperator>(T) && !isa<BinaryOperator>(T))
    return nullptr;
  return dyn_cast_or_null<Expr>(B->getTerminatorCondition());
}

/// The pointer a condition tests, through `(p = ref(m, k))`.
static const Expr *testedPointer(const Expr *E) {
  E = ignoreNoise(E);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Assign)
    E = ignoreNoise(BO->getLHS());
  if (!E || !E->getType()->isPointerType())
    return nullptr;
  return E;
}

/// True if Cond compares a slice's len with its cap (FlowCapacity.cpp).
bool comparesHeader(const Expr *Cond);

/// True if Cond tests a pointer against NULL somewhere refineCondition
/// looks (most conditions do not: the state is then not copied).
static bool testsPointer(const Expr *Cond) {
  Cond = ignoreNoise(Cond);
  if (!Cond)
    return false;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot)
    return testsPointer(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->isLogicalOp())
      return testsPointer(BO->getLHS()) || testsPointer(BO->getRHS());
    if (comparesHeader(BO))
      return true;
    if (BO->isEqualityOp())
      return testedPointer(BO->getLHS()) || testedPointer(BO->getRHS());
    if (BO->getOpcode() != BO_Assign)
      return false;
  }
  return testedPointer(Cond) != nullptr;
}

bool FunctionFlow::refinesBranch(const CFGBlock *B) const {
  const Expr *Cond = branchCondition(B);
  return Cond && testsPointer(Cond);
}

void FunctionFlow::refineEdge(State &S, const CFGBlock *B, unsigned SuccIndex) {
  if (const Expr *Cond = branchCondition(B))
    refineCondition(S, Cond, /*Holds=*/SuccIndex == 0);
}

void FunctionFlow::refineCondition(State &S, const Expr *Cond, bool Holds) {
  Cond = ignoreNoise(Cond);
  if (!Cond)
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot)
    return refineCondition(S, UO->getSubExpr(), !Holds);
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    switch (BO->getOpcode()) {
    case BO_LAnd: // both hold, or nothing is known about either
      if (Holds) {
        refineCondition(S, BO->getLHS(), true);
        refineCondition(S, BO->getRHS(), true);
      }
      return;
    case BO_LOr: // both fail, or nothing is known
      if (!Holds) {
        refineCondition(S, BO->getLHS(), false);
        refineCondition(S, BO->getRHS(), false);
      }
      return;
    case BO_EQ:
    case BO_NE: {
      if (refineHeader(S, BO, Holds)) // s.len == s.cap
        return;
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      auto IsNull = [&](const Expr *E) {
        return E->isNullPointerConstant(Ctx,
                                        Expr::NPC_ValueDependentIsNotNull) !=
               Expr::NPCK_NotNull;
      };
      const Expr *Ptr = IsNull(R) ? L : IsNull(L) ? R : nullptr;
      if (Ptr && (BO->getOpcode() == BO_EQ) == Holds)
        pointsNowhere(S, Ptr);
      return;
    }
    case BO_Assign:
      break; // `if ((p = ref(m, k)))` tests p
    default:
      refineHeader(S, BO, Holds);
      return;
    }
  }
  if (!Holds)
    pointsNowhere(S, Cond);
}

void FunctionFlow::pointsNowhere(State &S, const Expr *PtrExpr) {
  const Expr *Ptr = testedPointer(PtrExpr);
  Place P;
  if (!Ptr || !resolvePlace(S, Ptr, P))
    return;
  assign(S, P, ValueSet());
}

bool FunctionFlow::advancesRange(const Stmt *S, const Place &P) const {
  // The CFG lists `it` and `&it` before the call: look up from them.
  for (int Up = 0; Up < 2 && S && !isa<CallExpr>(S); ++Up)
    S = parentOf(S);
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  if (!Call || Api.opKind(Call) != OpKind::MapRangeNext)
    return false;
  for (const Expr *Arg : Call->arguments())
    if (const auto *UO = dyn_cast<UnaryOperator>(ignoreNoise(Arg));
        UO && UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(ignoreNoise(UO->getSubExpr())))
        if (DRE->getDecl() == P.Root)
          return true;
  return false;
}

const VarDecl *FunctionFlow::rangeIteratorOf(ValueId V) const {
  const Value &Val = Values[V];
  if (Val.K != Value::Projection)
    return nullptr;
  const Value &Base = Values[Val.Base];
  if (Base.K == Value::Projection)
    return rangeIteratorOf(Val.Base);
  if (Base.K != Value::Made || Base.Op != OpKind::MapRangeBegin || !Base.Site)
    return nullptr;
  // `T_iter it = T_range_begin(m)`, as sg_range declares it.
  const auto *DS = dyn_cast_or_null<DeclStmt>(parentOf(Base.Site));
  if (!DS)
    return nullptr;
  for (const Decl *D : DS->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D);
        VD && VD->getInit() &&
        ignoreNoise(VD->getInit()) == ignoreNoise(cast<Expr>(Base.Site)))
      return VD;
  return nullptr;
}

std::vector<Place> FunctionFlow::placesHolding(ValueId V,
                                               const Stmt *At) const {
  std::vector<Place> Out;
  for (const auto &Entry : stateBefore(At))
    if (Entry.second.count(V))
      Out.push_back(Entry.first);
  return Out;
}

} // namespace sliceguard
