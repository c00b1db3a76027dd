//===- FlowCapacity.cpp - what the flow knows about a slice's capacity ----===//
//
// Go's append writes in place while len < cap and allocates a new array
// once the slice is full; the runtime does the same.  Where the flow can
// tell which, the aliasing checks can be exact: an append to a full slice
// shares nothing with its operand (quiet), an append to a slice with room
// surely writes into the operand's array (they say "will", not "may").
//
// The facts come from how a value was made (`make` with equal or constant
// length and capacity, `slice3(s, lo, hi, hi)`) and from branch guards on
// the header (`s.len < s.cap`, `s.len == s.cap`), which refineCondition
// records as a marker value in the place `s.cap`.  A marker is conclusive
// only when it is the place's one value, so joins (unions) keep the fact
// only where every path agrees; assigning `s` drops it with the rest of
// the place, and any other write to the header makes the answer Unknown.
//
// `clone` is not a full slice: like Go's slices.Clone it appends to an
// empty slice, and append rounds the capacity up to an allocation size.
//
//===----------------------------------------------------------------------===//
#include "AliasFlow.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace sliceguard {

/// The header field of slice type T called Name (`len`, `cap`).
static const FieldDecl *headerField(QualType T, llvm::StringRef Name) {
  const auto *RT = T.getCanonicalType()->getAs<RecordType>();
  if (!RT)
    return nullptr;
  for (const FieldDecl *F : RT->getDecl()->fields())
    if (F->getName() == Name)
      return F;
  return nullptr;
}

/// The integer arguments of Call, in order (the sizes and bounds of make
/// and slice3, whatever else the signature holds).
static llvm::SmallVector<const Expr *, 3> integerArgs(const CallExpr *Call) {
  llvm::SmallVector<const Expr *, 3> Out;
  for (const Expr *Arg : Call->arguments())
    if (Arg->getType()->isIntegerType())
      Out.push_back(Arg);
  return Out;
}

/// True if A and B surely evaluate to the same integer in one call: equal
/// constants, or the same variable or field read twice (`n, n`, `s.len,
/// s.len`; clang's test for `x == x` operands, with no side effects).
static bool sameInteger(const ASTContext &Ctx, const Expr *A, const Expr *B) {
  Expr::EvalResult RA, RB;
  if (A->EvaluateAsInt(RA, Ctx) && B->EvaluateAsInt(RB, Ctx))
    return llvm::APSInt::isSameValue(RA.Val.getInt(), RB.Val.getInt());
  return !A->HasSideEffects(Ctx) && Expr::isSameComparisonOperand(A, B);
}

static bool lessConstant(const ASTContext &Ctx, const Expr *A, const Expr *B) {
  Expr::EvalResult RA, RB;
  return A->EvaluateAsInt(RA, Ctx) && B->EvaluateAsInt(RB, Ctx) &&
         RA.Val.getInt() < RB.Val.getInt();
}

FunctionFlow::Capacity FunctionFlow::capacityAtBirth(ValueId V) const {
  const Value &Val = Values[V];
  if (Val.K != Value::Made || Val.Callee || !Val.Site)
    return Capacity::Unknown;
  const auto *Call = dyn_cast<CallExpr>(Val.Site);
  if (!Call)
    return Capacity::Unknown;
  auto Ints = integerArgs(Call);
  if (Val.Op == OpKind::SliceMake && Ints.size() == 2) {
    if (sameInteger(Ctx, Ints[0], Ints[1]))
      return Capacity::Full;
    if (lessConstant(Ctx, Ints[0], Ints[1]))
      return Capacity::Room;
  }
  if (Val.Op == OpKind::SliceSlice3 && Ints.size() == 3 &&
      sameInteger(Ctx, Ints[1], Ints[2]))
    return Capacity::Full;
  return Capacity::Unknown;
}

ValueId FunctionFlow::capacityMarker(Capacity Cap) {
  Value V;
  V.K = Cap == Capacity::Full ? Value::CapFull : Value::CapRoom;
  return intern(std::move(V));
}

FunctionFlow::Capacity FunctionFlow::capacityIn(const State &S,
                                                const Expr *Slice) {
  Place P;
  if (!isa<CallExpr>(ignoreNoise(Slice)) && resolvePlace(S, Slice, P)) {
    if (const FieldDecl *Cap = headerField(Slice->getType(), "cap")) {
      Place CapPlace = P;
      CapPlace.Steps.push_back({PathStep::Field, Cap});
      auto It = S.find(CapPlace);
      if (It != S.end()) {
        if (It->second.size() != 1)
          return Capacity::Unknown;
        Value::Kind K = Values[*It->second.begin()].K;
        return K == Value::CapFull   ? Capacity::Full
               : K == Value::CapRoom ? Capacity::Room
                                     : Capacity::Unknown;
      }
    }
    // `s.len = 0`, `s.ptr = ...`: the header no longer is the one made.
    for (const auto &Entry : S)
      if (Entry.first != P && P.isPrefixOf(Entry.first))
        return Capacity::Unknown;
  }
  ValueSet Vals = eval(S, Slice);
  if (Vals.empty())
    return Capacity::Unknown;
  Capacity First = capacityAtBirth(*Vals.begin());
  for (ValueId V : Vals)
    if (capacityAtBirth(V) != First)
      return Capacity::Unknown;
  return First;
}

FunctionFlow::Capacity FunctionFlow::capacityAt(const Expr *Slice,
                                                const Stmt *At) const {
  const State &S = stateBefore(At);
  return const_cast<FunctionFlow *>(this)->capacityIn(S, Slice);
}

/// `X.len OP X.cap` (either side first): the slice X and the fact that
/// holds when the comparison does (Holds) and when it fails (Fails).
static const Expr *headerComparison(const BinaryOperator *BO,
                                    FunctionFlow::Capacity &Holds,
                                    FunctionFlow::Capacity &Fails) {
  using Capacity = FunctionFlow::Capacity;
  const auto *L = dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()));
  const auto *R = dyn_cast<MemberExpr>(ignoreNoise(BO->getRHS()));
  if (!L || !R || L->isArrow() != R->isArrow())
    return nullptr;
  BinaryOperatorKind Op = BO->getOpcode();
  llvm::StringRef LN = L->getMemberDecl()->getName();
  llvm::StringRef RN = R->getMemberDecl()->getName();
  if (LN == "cap" && RN == "len") {
    std::swap(L, R);
    Op = BinaryOperator::reverseComparisonOp(Op);
  } else if (LN != "len" || RN != "cap") {
    return nullptr;
  }
  switch (Op) {
  case BO_LT: // len < cap, else len == cap
  case BO_NE:
    Holds = Capacity::Room;
    Fails = Capacity::Full;
    break;
  case BO_EQ:
  case BO_GE:
    Holds = Capacity::Full;
    Fails = Capacity::Room;
    break;
  default:
    return nullptr;
  }
  return L->getBase();
}

bool comparesHeader(const Expr *Cond) {
  using Capacity = FunctionFlow::Capacity;
  const auto *BO = dyn_cast_or_null<BinaryOperator>(ignoreNoise(Cond));
  Capacity Holds, Fails;
  return BO && BO->isComparisonOp() && headerComparison(BO, Holds, Fails);
}

bool FunctionFlow::refineHeader(State &S, const BinaryOperator *BO,
                                bool Holds) {
  Capacity IfHolds, IfFails;
  const Expr *Slice = headerComparison(BO, IfHolds, IfFails);
  if (!Slice)
    return false;
  const auto *L = dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()));
  const auto *R = dyn_cast<MemberExpr>(ignoreNoise(BO->getRHS()));
  Place A, B;
  if (!resolvePlace(S, L->getBase(), A) || !resolvePlace(S, R->getBase(), B) ||
      A != B)
    return true; // two different slices: nothing to learn
  const FieldDecl *Cap = headerField(Slice->getType(), "cap");
  if (!Cap)
    return true;
  // The header must still be the one the flow knows (no `s.len = ...`).
  for (const auto &Entry : S)
    if (Entry.first != A && A.isPrefixOf(Entry.first) &&
        !(Entry.first.Steps.size() == A.Steps.size() + 1 &&
          Entry.first.Steps.back().F == Cap))
      return true;
  Place CapPlace = A;
  CapPlace.Steps.push_back({PathStep::Field, Cap});
  S[CapPlace] = {capacityMarker(Holds ? IfHolds : IfFails)};
  return true;
}

} // namespace sliceguard

//===--- views kept in containers -----------------------------------------===//
//
// bytes.Split caps every piece it returns (`s[:m:m]`) so that a caller's
// append to one piece copies instead of writing over the next.  Without
// the cap, the container a helper returns holds views of one array whose
// capacities overlap: the hazard is in the helper, the append that shows
// it in a caller (or in another helper).  Summaries carry both halves.

namespace sliceguard {

/// Token-for-token the same lvalue, casts aside (isSameComparisonOperand
/// wants rvalues).
static bool sameLvalue(const ASTContext &Ctx, const Expr *A, const Expr *B) {
  llvm::FoldingSetNodeID IA, IB;
  ignoreNoise(A)->Profile(IA, Ctx, /*Canonical=*/true);
  ignoreNoise(B)->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB && !A->HasSideEffects(Ctx);
}

const CallExpr *uncappedView(const FunctionFlow &Flow, ValueId V) {
  const Value &Val = Flow.value(V);
  if (Val.K != Value::Made || Val.Callee || Val.Op != OpKind::SliceSlice ||
      !Val.Site)
    return nullptr;
  const auto *Call = dyn_cast<CallExpr>(Val.Site);
  const Expr *Base = Call ? Flow.api().sliceOperand(Call) : nullptr;
  auto Ints = Call ? integerArgs(Call) : decltype(integerArgs(Call))();
  if (!Base || Ints.size() != 2)
    return nullptr;
  // `s[i:i]` asks to reuse the storage; `s[lo:len(s)]` leaves nothing of
  // s past its end.
  if (sameInteger(Flow.astContext(), Ints[0], Ints[1]))
    return nullptr;
  if (const auto *Hi = dyn_cast<MemberExpr>(ignoreNoise(Ints[1]));
      Hi && Hi->getMemberDecl()->getName() == "len" &&
      sameLvalue(Flow.astContext(), Hi->getBase(), Base))
    return nullptr;
  return Call;
}

/// The container and the element expressions of a store into one:
/// put(m, k, v), set(s, i, v), append(s, v...).
static const Expr *
storedElements(const ApiModel &Api, const CallExpr *Call,
               llvm::SmallVectorImpl<const Expr *> &Elements) {
  OpKind Op = Api.opKind(Call);
  if (Op == OpKind::MapPut) {
    if (const Expr *V = Api.valueOperand(Call))
      Elements.push_back(V);
    return Api.mapOperand(Call);
  }
  if (Op != OpKind::SliceSet && Op != OpKind::SliceAppend)
    return nullptr;
  const Expr *Operand = Api.sliceOperand(Call);
  bool After = false;
  for (const Expr *Arg : Call->arguments()) {
    if (After && Api.typeKind(Arg->getType()) == TypeKind::Slice)
      Elements.push_back(Arg);
    After = After || Arg == Operand;
  }
  return Operand;
}

const FunctionSummary *sharedViewsOf(const FunctionFlow &Flow,
                                     SummaryCache &Cache, const ValueSet &Vals,
                                     const CallExpr **CallOut) {
  for (ValueId V : Vals) {
    const Value &Val = Flow.value(V);
    if ((Val.K != Value::Fresh && Val.K != Value::Made) || !Val.Site)
      continue;
    const auto *Call = dyn_cast<CallExpr>(Val.Site);
    if (!Call || Flow.api().opKind(Call) != OpKind::None)
      continue;
    const FunctionSummary *Sum = Cache.get(Call->getDirectCallee());
    if (Sum && Sum->SharedViewSite) {
      if (CallOut)
        *CallOut = Call;
      return Sum;
    }
  }
  return nullptr;
}

bool elementOf(const FunctionFlow &Flow, ValueId V, ValueSet &Containers,
               const Expr *&ContainerExpr) {
  const Value &Val = Flow.value(V);
  if (Val.K == Value::Made && !Val.Callee && Val.Op == OpKind::SliceGet &&
      Val.Site) {
    Containers = Val.From;
    ContainerExpr = Flow.api().sliceOperand(cast<CallExpr>(Val.Site));
    return ContainerExpr != nullptr;
  }
  const Expr *Origin = nullptr;
  if (!Flow.isMapValueCopy(V, &Containers, &Origin) || !Origin)
    return false;
  const auto *Call = dyn_cast<CallExpr>(Origin);
  ContainerExpr = Call ? Flow.api().mapOperand(Call) : nullptr;
  return ContainerExpr != nullptr;
}

static int paramOf(const FunctionDecl *FD, const ValueDecl *D) {
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (FD->getParamDecl(I) == D)
      return I;
  return -1;
}

void summariseSharedViews(const FunctionFlow &Flow, const FunctionDecl *Def,
                          FunctionSummary &Sum, SummaryCache &Cache) {
  const ApiModel &Api = Flow.api();
  // Containers that an uncapped view is stored into, and one such view.
  ValueSet Containers;
  const CallExpr *Site = nullptr;
  std::vector<const ReturnStmt *> Returns;
  for (const CFGBlock *B : Flow.cfg())
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      if (const auto *Ret = dyn_cast<ReturnStmt>(CS->getStmt())) {
        if (Ret->getRetValue())
          Returns.push_back(Ret);
        continue;
      }
      const auto *Call = dyn_cast<CallExpr>(CS->getStmt());
      llvm::SmallVector<const Expr *, 2> Elements;
      const Expr *Container =
          Call ? storedElements(Api, Call, Elements) : nullptr;
      if (!Container)
        continue;
      for (const Expr *Elem : Elements)
        for (ValueId V : Flow.valuesOf(Elem, Call))
          if (const CallExpr *View = uncappedView(Flow, V)) {
            Site = Site ? Site : View;
            ValueSet C = Flow.valuesOf(Container, Call);
            Containers.insert(C.begin(), C.end());
            if (ValueId Made; Flow.madeBy(Call, Made))
              Containers.insert(Made);
          }
    }
  for (const ReturnStmt *Ret : Returns) {
    if (Sum.SharedViewSite)
      break;
    ValueSet Vals = Flow.valuesOf(Ret->getRetValue(), Ret);
    if (Site && (FunctionFlow::intersects(Vals, Containers) ||
                 Flow.anyDerivesFrom(Vals, Containers))) {
      Sum.SharedViewSite = Site;
      Sum.SharedViewFn = Def;
    } else if (const FunctionSummary *Inner =
                   sharedViewsOf(Flow, Cache, Vals)) {
      // `return split(a, s, sep);`: the callee's container, handed on.
      Sum.SharedViewSite = Inner->SharedViewSite;
      Sum.SharedViewFn = Inner->SharedViewFn;
    }
  }
  // Appends to an element of a parameter's container.
  for (const OpEvent &Ev : Flow.events()) {
    if (!isSliceGrowOp(Ev.Op) || Ev.Callee)
      continue;
    for (ValueId V : Ev.Operand) {
      ValueSet Of;
      const Expr *ContainerExpr = nullptr;
      if (!elementOf(Flow, V, Of, ContainerExpr))
        continue;
      for (ValueId W : Of) {
        const Value &Val = Flow.value(W);
        int Param = Val.K == Value::Initial ? paramOf(Def, Val.P.Root) : -1;
        if (Param < 0 || llvm::any_of(
                             Sum.ElementAppends,
                             [&](const ParamEffect &Old) {
                               return Old.Param == unsigned(Param) &&
                                      Old.Steps == Val.P.Steps;
                             }))
          continue;
        ParamEffect Eff;
        Eff.Param = Param;
        Eff.Steps = Val.P.Steps;
        Eff.Site = Ev.Call;
        Eff.SiteFn = Def;
        Sum.ElementAppends.push_back(std::move(Eff));
      }
    }
  }
}

/// The parameter whose entry value E surely is (a plain parameter read).
static int keptParam(const FunctionFlow &Flow, const FunctionDecl *Def,
                     const Expr *E, const Stmt *At) {
  ValueSet Vals = Flow.valuesOf(E, At);
  if (Vals.size() != 1)
    return -1;
  const Value &Val = Flow.value(*Vals.begin());
  return Val.K == Value::Initial && Val.P.Steps.empty()
             ? paramOf(Def, Val.P.Root)
             : -1;
}

void summariseKeptParams(const FunctionFlow &Flow, const FunctionDecl *Def,
                         FunctionSummary &Sum, SummaryCache &Cache) {
  const ApiModel &Api = Flow.api();
  auto Keep = [&](int Param) {
    if (Param >= 0 && !llvm::is_contained(Sum.KeepsParam, unsigned(Param)))
      Sum.KeepsParam.push_back(Param);
  };
  for (const CFGBlock *B : Flow.cfg())
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      if (const auto *Call = dyn_cast<CallExpr>(CS->getStmt())) {
        llvm::SmallVector<const Expr *, 2> Elements;
        if (storedElements(Api, Call, Elements)) {
          for (const Expr *Elem : Elements)
            Keep(keptParam(Flow, Def, Elem, Call));
        } else if (Api.opKind(Call) == OpKind::None) {
          // Handed on to a helper that keeps it.
          const FunctionSummary *Inner = Cache.get(Call->getDirectCallee());
          for (unsigned I : Inner ? Inner->KeepsParam : std::vector<unsigned>())
            if (I < Call->getNumArgs())
              Keep(keptParam(Flow, Def, Call->getArg(I), Call));
        }
        continue;
      }
      // `*out = s`, `st->rows = s`: memory the caller sees.
      const auto *BO = dyn_cast<BinaryOperator>(CS->getStmt());
      Place Target;
      if (BO && BO->getOpcode() == BO_Assign &&
          Api.typeKind(BO->getLHS()->getType()) == TypeKind::Slice &&
          Flow.placeOf(BO->getLHS(), BO, Target) && !Target.isFunctionLocal())
        Keep(keptParam(Flow, Def, BO->getRHS(), BO));
    }
}

} // namespace sliceguard
