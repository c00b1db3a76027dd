//===- SliceViews.cpp - what the four aliasing checks share ---------------===//
#include "SliceViews.h"
#include "FlowQueries.h"
#include "Summary.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <deque>
#include <set>

using namespace clang;

namespace sliceguard {

std::string nameOf(const Place &P) { return P.str(); }

static void collectFieldAssignments(const Stmt *S,
                                    std::vector<const BinaryOperator *> &Out) {
  if (!S)
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign &&
      isa<MemberExpr>(ignoreNoise(BO->getLHS())))
    Out.push_back(BO);
  for (const Stmt *Child : S->children())
    collectFieldAssignments(Child, Out);
}

std::vector<const BinaryOperator *>
fieldAssignmentsInFile(const ASTContext &Ctx, const ApiModel &Api) {
  std::vector<const BinaryOperator *> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD && FD->doesThisDeclarationHaveABody() &&
        SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())) &&
        Api.opKind(FD) == OpKind::None)
      collectFieldAssignments(FD->getBody(), Out);
  }
  return Out;
}

SliceViews::SliceViews(const ApiModel &Api, const FunctionFlow &Flow,
                       SummaryCache &Summaries)
    : C{Api, Flow, Summaries}, Flow(Flow) {
  collect();
}

//===--- collection -------------------------------------------------------===//

void SliceViews::collect() {
  std::set<Place> Slices, Pointers;
  for (const CFGBlock *B : Flow.cfg())
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      Elements.push_back(S);
      collectStores(S);
      if (const auto *Call = dyn_cast<CallExpr>(S))
        collectAppend(Call);
      const auto *Ex = dyn_cast<Expr>(S);
      if (!Ex || !(isa<DeclRefExpr>(Ex) || isa<MemberExpr>(Ex)))
        continue;
      QualType T = Ex->getType();
      bool IsSlice = C.Api.typeKind(T) == TypeKind::Slice;
      bool IsPointer =
          T->isPointerType() && !IsSlice && C.Api.typeKind(T) == TypeKind::None;
      if (!IsSlice && !IsPointer)
        continue;
      Place P;
      if (!placeOf(Ex, P))
        continue;
      (IsSlice ? Slices : Pointers).insert(P);
    }
  // Declared but never named again (e.g. a pointer set in a for-init).
  SlicePlaces.assign(Slices.begin(), Slices.end());
  PointerPlaces.assign(Pointers.begin(), Pointers.end());
  expandStructStores();

  // Moves: appends whose result replaces the slice they grew.
  for (const OpEvent &Ev : Flow.events()) {
    if (!isSliceGrowOp(Ev.Op))
      continue;
    if (Ev.Callee) { // a helper appending through a pointer
      if (Ev.HasPlace)
        Moves.push_back({Ev.Call, Ev.OperandPlace, Ev.Operand});
      continue;
    }
    Place Dest;
    if (!resultPlace(Ev.Call, Dest))
      continue;
    ValueSet Before = Flow.valuesOfPlace(Dest, Ev.Call);
    if (FunctionFlow::intersects(Before, Ev.Operand) ||
        (Ev.HasPlace && Ev.OperandPlace == Dest))
      Moves.push_back({Ev.Call, Dest, Before});
  }
}

static bool isSliceType(const ApiModel &Api, QualType T) {
  return Api.typeKind(T) == TypeKind::Slice;
}

/// A plain data pointer (not a runtime map, which is a pointer too).
static bool isDataPointer(const ApiModel &Api, QualType T) {
  return T->isPointerType() && Api.typeKind(T) == TypeKind::None;
}

void SliceViews::collectStores(const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    OpKind Op = C.Api.opKind(Call);
    if (Op == OpKind::MapPut) {
      const Expr *V = C.Api.valueOperand(Call);
      if (V)
        keep(Call, V);
      if (V && isDataPointer(C.Api, V->getType()))
        PtrStores.push_back({Call, V, C.Api.mapOperand(Call)});
      return;
    }
    if (Op == OpKind::None) {
      // A same-file helper that keeps its argument keeps it for us.
      if (const FunctionSummary *Sum = C.Summaries.get(Call->getDirectCallee()))
        for (unsigned I : Sum->KeepsParam)
          if (I < Call->getNumArgs())
            keep(Call, Call->getArg(I));
      return;
    }
    if (Op == OpKind::SliceAppend || Op == OpKind::SliceSet) {
      // Elements of a slice of slices (or of pointers).
      const Expr *Operand = C.Api.sliceOperand(Call);
      bool After = false;
      for (const Expr *Arg : Call->arguments()) {
        if (Arg == Operand) {
          After = true;
          continue;
        }
        if (After)
          keep(Call, Arg);
        if (After && isDataPointer(C.Api, Arg->getType()))
          PtrStores.push_back({Call, Arg, Operand});
      }
    }
    return;
  }
  const auto *BO = dyn_cast<BinaryOperator>(S);
  if (!BO || BO->getOpcode() != BO_Assign)
    return;
  // An element of an array of pointers: no pointer place of its own.
  if (isDataPointer(C.Api, BO->getLHS()->getType()) &&
      isa<ArraySubscriptExpr>(ignoreNoise(BO->getLHS()))) {
    const auto *ASE = cast<ArraySubscriptExpr>(ignoreNoise(BO->getLHS()));
    PtrStores.push_back({BO, BO->getRHS(), ASE->getBase()});
    return;
  }
  QualType LT = BO->getLHS()->getType();
  if (!isSliceType(C.Api, LT) && !LT->isRecordType())
    return;
  Place Target;
  bool Known = placeOf(BO->getLHS(), Target);
  bool Kept = !Known || outlivesFunction(Target) ||
              llvm::any_of(Target.Steps, [](const PathStep &St) {
                return St.K == PathStep::Elem;
              });
  if (Kept)
    keep(BO, BO->getRHS());
}

FunctionFlow::Capacity SliceViews::roomOf(const AppendCall &A) const {
  if (A.Helper || !A.Source)
    return FunctionFlow::Capacity::Unknown;
  return Flow.capacityAt(A.Source, A.Call);
}

bool SliceViews::assignedPlace(const Store &St, Place &Out) const {
  const auto *BO = dyn_cast<BinaryOperator>(St.Where);
  return BO && BO->getOpcode() == BO_Assign && !St.HasField &&
         placeOf(BO->getLHS(), Out);
}

bool SliceViews::keepsIn(const Store &St, const Place &P) const {
  Place Target;
  return assignedPlace(St, Target) && Target == P;
}

void SliceViews::keep(const Stmt *Where, const Expr *E) {
  if (!E)
    return;
  if (isSliceType(C.Api, E->getType())) {
    Stores.push_back({Where, E});
    return;
  }
  if (!E->getType()->isRecordType())
    return;
  // A struct literal: each slice it is built from is kept.
  const Expr *Inner = ignoreNoise(E);
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(Inner))
    Inner = CL->getInitializer();
  if (const auto *IL = dyn_cast<InitListExpr>(Inner)) {
    for (const Expr *Init : IL->inits())
      keep(Where, Init);
    return;
  }
  // A struct variable: its slice fields, once every place is known.
  KeptStructs.emplace_back(Where, E);
}

void SliceViews::expandStructStores() {
  for (const auto &[Where, E] : KeptStructs) {
    Place Whole;
    if (!placeOf(E, Whole))
      continue;
    for (const Place &Q : SlicePlaces)
      if (Q != Whole && Whole.isPrefixOf(Q)) {
        Store St{Where, E};
        St.HasField = true;
        St.Field = Q;
        Stores.push_back(std::move(St));
      }
  }
}

void SliceViews::collectAppend(const CallExpr *Call) {
  AppendCall A;
  A.Call = Call;
  OpKind Op = C.Api.opKind(Call);
  if (isSliceGrowOp(Op)) {
    A.Source = C.Api.sliceOperand(Call);
  } else if (Op == OpKind::None) {
    ReturnShape RS = returnShape(Call->getDirectCallee());
    if (RS.K != ReturnShape::AppendOf || RS.Param >= Call->getNumArgs())
      return;
    A.Source = Call->getArg(RS.Param);
    A.Helper = Call->getDirectCallee();
  }
  if (!A.Source)
    return;
  A.HasSourcePlace = placeOf(A.Source, A.SourcePlace);
  Appends.push_back(std::move(A));
}

//===--- places -----------------------------------------------------------===//

bool SliceViews::placeOf(const Expr *E, Place &Out) const {
  if (!E)
    return false;
  const Expr *Inner = ignoreNoise(E);
  if (!isa<DeclRefExpr>(Inner) && !isa<MemberExpr>(Inner) &&
      !isa<UnaryOperator>(Inner) && !isa<ArraySubscriptExpr>(Inner))
    return false;
  return Flow.placeOf(Inner, Inner, Out);
}

const std::vector<Place> &SliceViews::places(bool Pointers) const {
  return Pointers ? PointerPlaces : SlicePlaces;
}

bool SliceViews::outlivesFunction(const Place &P) {
  return !P.isFunctionLocal();
}

bool SliceViews::resultPlace(const CallExpr *Call, Place &Out) const {
  const Stmt *Parent = Flow.parentOf(Call);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (BO->getOpcode() != BO_Assign || ignoreNoise(BO->getRHS()) != Call)
      return false;
    return placeOf(BO->getLHS(), Out);
  }
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Parent)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getInit() && ignoreNoise(VD->getInit()) == Call) {
          Out = Place();
          Out.Root = VD;
          return true;
        }
  }
  return false;
}

const CallExpr *SliceViews::consumingCall(const Expr *E) const {
  return dyn_cast_or_null<CallExpr>(Flow.parentOf(E));
}

//===--- helpers' return shapes ------------------------------------------===//

ReturnShape SliceViews::returnShape(const FunctionDecl *FD) const {
  return computeReturnShape(FD, 0);
}

namespace {
/// What a slice expression inside a helper is, in terms of the helper's
/// parameters: the parameter itself, a view of it, or an append to it.
struct ExprShape {
  enum Kind { Identity, ViewOf, AppendOf } K = Identity;
  unsigned Param = 0;
};

/// Joins the shapes of the definitions of one variable (or of the
/// returns): all about one parameter; an append anywhere wins.
bool joinShape(std::optional<ExprShape> &Acc, const ExprShape &S) {
  if (Acc && Acc->Param != S.Param)
    return false;
  if (!Acc || S.K > Acc->K)
    Acc = S;
  return true;
}
} // namespace

/// Shape of E inside helper FD; nullopt when E is anything else (a fresh
/// slice, a clone, an unknown call, a variable whose address escapes).
static std::optional<ExprShape>
shapeOf(const SliceViews &Views, const ApiModel &Api, const FunctionDecl *FD,
        const Expr *E, unsigned Depth, std::set<const VarDecl *> &Visiting);

/// All the values a local variable or parameter V is given in FD.
static std::optional<ExprShape>
shapeOfVar(const SliceViews &Views, const ApiModel &Api, const FunctionDecl *FD,
           const VarDecl *V, unsigned Depth,
           std::set<const VarDecl *> &Visiting) {
  if (!Visiting.insert(V).second)
    return ExprShape{ExprShape::Identity, ~0u}; // self-reference: neutral
  std::optional<ExprShape> Acc;
  ExprShape::Kind SelfK = ExprShape::Identity;
  bool Ok = true;
  if (const auto *PVD = dyn_cast<ParmVarDecl>(V))
    Acc = ExprShape{ExprShape::Identity, PVD->getFunctionScopeIndex()};
  auto Add = [&](const Expr *Init) {
    auto S = shapeOf(Views, Api, FD, Init, Depth, Visiting);
    if (!S) {
      Ok = false;
      return;
    }
    if (S->Param == ~0u) // `V = append(V, x)`: V grows, same parameter
      SelfK = std::max(SelfK, S->K);
    else if (!joinShape(Acc, *S))
      Ok = false;
  };
  if (const Expr *Init = V->getInit())
    Add(Init);
  else if (!isa<ParmVarDecl>(V))
    Ok = false; // declared without a value: set some other way
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || !Ok)
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign) {
      const auto *L = dyn_cast<DeclRefExpr>(ignoreNoise(BO->getLHS()));
      if (L && L->getDecl() == V)
        Add(BO->getRHS());
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->getOpcode() == UO_AddrOf) {
      const auto *D = dyn_cast<DeclRefExpr>(ignoreNoise(UO->getSubExpr()));
      if (D && D->getDecl() == V)
        Ok = false; // may be set through the pointer
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(FD->getBody());
  Visiting.erase(V);
  if (!Ok || !Acc)
    return std::nullopt;
  Acc->K = std::max(Acc->K, SelfK);
  return Acc;
}

static std::optional<ExprShape>
shapeOf(const SliceViews &Views, const ApiModel &Api, const FunctionDecl *FD,
        const Expr *E, unsigned Depth, std::set<const VarDecl *> &Visiting) {
  E = ignoreNoise(E);
  if (!E)
    return std::nullopt;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || !V->hasLocalStorage())
      return std::nullopt;
    return shapeOfVar(Views, Api, FD, V, Depth, Visiting);
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return std::nullopt;
  OpKind Op = Api.opKind(Call);
  ExprShape::Kind K;
  const Expr *Operand = nullptr;
  if (isSliceGrowOp(Op)) {
    K = ExprShape::AppendOf;
    Operand = Api.sliceOperand(Call);
  } else if (Op == OpKind::SliceSlice) {
    K = ExprShape::ViewOf;
    Operand = Api.sliceOperand(Call);
  } else if (Op == OpKind::None) {
    ReturnShape Inner = Views.returnShapeAt(Call->getDirectCallee(), Depth + 1);
    if (Inner.K == ReturnShape::None || Inner.Param >= Call->getNumArgs())
      return std::nullopt;
    K = Inner.K == ReturnShape::AppendOf ? ExprShape::AppendOf
                                         : ExprShape::ViewOf;
    Operand = Call->getArg(Inner.Param);
  } else {
    return std::nullopt;
  }
  auto Of = shapeOf(Views, Api, FD, Operand, Depth, Visiting);
  if (!Of)
    return std::nullopt;
  Of->K = std::max(Of->K, K);
  return Of;
}

ReturnShape SliceViews::returnShapeAt(const FunctionDecl *FD,
                                      unsigned Depth) const {
  return computeReturnShape(FD, Depth);
}

/// The shape another TU's summary of FD records (FD has no body here).
static ReturnShape importedShape(const SliceViews::Inputs &C,
                                 const FunctionDecl *FD) {
  ReturnShape RS;
  const StoredSummary *S = C.Summaries.imported(FD);
  if (!S || S->ReturnShape.empty() || S->ReturnShapeParam >= FD->getNumParams())
    return RS;
  RS.K =
      S->ReturnShape == "append" ? ReturnShape::AppendOf : ReturnShape::ViewOf;
  RS.Param = S->ReturnShapeParam;
  return RS;
}

ReturnShape SliceViews::computeReturnShape(const FunctionDecl *FD,
                                           unsigned Depth) const {
  if (FD && !FD->hasBody())
    return importedShape(C, FD);
  const FunctionDecl *Def = nullptr;
  if (!FD || Depth > 4 || !FD->hasBody(Def) || !Def ||
      C.Api.opKind(FD) != OpKind::None)
    return {};
  auto It = Shapes.find(Def);
  if (It != Shapes.end())
    return It->second;
  Shapes[Def] = {}; // recursion: no shape
  // Every return statement must agree on the parameter.
  std::optional<ExprShape> Agreed;
  bool Mixed = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Mixed)
      return;
    if (const auto *Ret = dyn_cast<ReturnStmt>(S)) {
      std::set<const VarDecl *> Visiting;
      auto RS = shapeOf(*this, C.Api, Def, Ret->getRetValue(), Depth, Visiting);
      if (!RS || RS->Param == ~0u || !joinShape(Agreed, *RS))
        Mixed = true;
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Def->getBody());
  ReturnShape Result;
  if (!Mixed && Agreed && Agreed->K != ExprShape::Identity) {
    Result.K = Agreed->K == ExprShape::AppendOf ? ReturnShape::AppendOf
                                                : ReturnShape::ViewOf;
    Result.Param = Agreed->Param;
  }
  Shapes[Def] = Result;
  return Result;
}

//===--- values -----------------------------------------------------------===//

bool SliceViews::directView(const CallExpr *Call, ViewInfo &Out) const {
  if (C.Api.opKind(Call) != OpKind::SliceSlice)
    return false;
  Out.Site = Call;
  Out.DirectOp = true;
  Out.Base = C.Api.sliceOperand(Call);
  Out.Lo = Out.Hi = nullptr;
  // slice(s, lo, hi): the two integer arguments after the slice.
  bool After = false;
  for (const Expr *Arg : Call->arguments()) {
    if (Arg == Out.Base) {
      After = true;
      continue;
    }
    if (!After)
      continue;
    if (!Out.Lo)
      Out.Lo = Arg;
    else if (!Out.Hi)
      Out.Hi = Arg;
  }
  return Out.Base && Out.Hi;
}

bool SliceViews::viewInfo(ValueId V, ViewInfo &Out) const {
  const Value &Val = Flow.value(V);
  if (Val.K != Value::Made || !Val.Site)
    return false;
  const auto *Call = dyn_cast<CallExpr>(Val.Site);
  if (!Call)
    return false;
  // Most values are not views: the operand values are copied only for
  // those that are (an append of an append of ... carries them all).
  bool Direct = !Val.Callee && Val.Op == OpKind::SliceSlice;
  if (!Direct && !(Val.Callee && Val.Op == OpKind::None))
    return false;
  Out = ViewInfo();
  Out.Site = Call;
  Out.BaseValues = Val.From;
  if (Direct)
    return directView(Call, Out);
  ReturnShape RS = returnShape(Val.Callee);
  if (RS.K != ReturnShape::ViewOf || RS.Param >= Call->getNumArgs())
    return false;
  Out.Base = Call->getArg(RS.Param);
  return true;
}

bool SliceViews::resultValue(const CallExpr *Call, ValueId &Out) const {
  if (Flow.madeBy(Call, Out))
    return true;
  // The flow interns a call's value when something evaluates it (an
  // assignment, a tracked operand); a call used only as a plain argument
  // gets it here, on demand.
  Flow.valuesOf(Call, Call);
  return Flow.madeBy(Call, Out);
}

const ValueSet &SliceViews::valuesAt(const Place &P, const Stmt *At) const {
  auto Key = std::make_pair(P, At);
  auto It = ValuesMemo.find(Key);
  if (It == ValuesMemo.end())
    It = ValuesMemo.emplace(Key, Flow.valuesOfPlace(P, At)).first;
  return It->second;
}

const ValueSet &SliceViews::storedValues(const Store &St) const {
  auto It = StoredMemo.find(&St);
  if (It == StoredMemo.end())
    It = StoredMemo
             .emplace(&St, St.HasField ? valuesAt(St.Field, St.Where)
                                       : Flow.valuesOf(St.Stored, St.Where))
             .first;
  return It->second;
}

//===--- order and liveness -----------------------------------------------===//

bool SliceViews::within(const Stmt *S, const Stmt *Outer) const {
  for (const Stmt *P = S; P; P = Flow.parents().getParent(P))
    if (P == Outer)
      return true;
  return false;
}

bool SliceViews::reaches(const Stmt *From, const Stmt *To) const {
  return Flow.reaches(From, To);
}

bool SliceViews::reachesWithout(const Stmt *From, const Stmt *To,
                                const Place &Unchanged) const {
  // A range variable is a new value after range_next(&it), so a range
  // advance kills it like an overwrite.  A kind of its own: FlowQueries
  // caches marks per (place, kind), and other Overwrites questions do not
  // count the advance.
  auto Kills = [&](const Stmt *S) {
    return Flow.advancesRange(S, Unchanged) || Flow.overwrites(S, Unchanged)
               ? FlowQueries::Kill
               : FlowQueries::None;
  };
  return Flow.queries().reachesWithout(
      Flow.pointOf(From), Flow.pointOf(To), Unchanged,
      FlowQueries::Kind::OverwritesOrAdvances, Kills);
}

bool SliceViews::uses(const Stmt *S, const Place &P) const {
  if (Flow.reads(S, P))
    return true;
  // Flow.reads counts `*p` / `p->f` / `p[i]` as reads of the pointee's
  // place; when p holds `&x` that place is x, not p.  Dereferencing p is a
  // use of p itself.
  const auto *E = dyn_cast<Expr>(S);
  if (!E || !(isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) ||
      !E->getType()->isPointerType())
    return false;
  const Stmt *Parent = Flow.parentOf(E);
  bool Derefs = false;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
    Derefs = UO->getOpcode() == UO_Deref;
  else if (const auto *ME = dyn_cast_or_null<MemberExpr>(Parent))
    Derefs = ME->isArrow() && ignoreNoise(ME->getBase()) == E;
  else if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(Parent))
    Derefs = ignoreNoise(ASE->getBase()) == E;
  Place Q;
  return Derefs && placeOf(E, Q) && Q == P;
}

const Stmt *SliceViews::liveUse(const Stmt *At, const Place &P, bool *AtExit,
                                const Stmt *IgnoreWithin) const {
  if (AtExit)
    *AtExit = false;
  auto Classify = [&](const Stmt *S) -> unsigned {
    // A range variable is a new value after range_next(&it): the old one
    // is dead there, whatever the call reads.
    if (Flow.advancesRange(S, P))
      return FlowQueries::Kill;
    return (uses(S, P) ? FlowQueries::Hit : 0) |
           (Flow.overwrites(S, P) ? FlowQueries::Kill : 0);
  };
  FlowQueries::FirstHit First = Flow.queries().firstHit(
      Flow.pointOf(At), P, FlowQueries::Kind::Uses, Classify,
      [&](const Stmt *S) {
        return !(IgnoreWithin && within(S, IgnoreWithin));
      });
  if (First.S)
    return First.S;
  if (First.ReachedExit && outlivesFunction(P)) {
    if (AtExit)
      *AtExit = true;
    return At;
  }
  return nullptr;
}

//===--- pointers into slices --------------------------------------------===//

/// True if E is the array pointer of a slice, `S.ptr` or `X->ptr` (X a
/// pointer to a slice), and the slice's place is S.
bool SliceViews::isPtrFieldOf(const Expr *E, const Place &S) const {
  const auto *ME = dyn_cast<MemberExpr>(ignoreNoise(E));
  if (!ME || !ME->getType()->isPointerType())
    return false;
  QualType BaseT = ME->getBase()->getType();
  if (ME->isArrow()) {
    const auto *PT = BaseT->getAs<PointerType>();
    if (!PT)
      return false;
    BaseT = PT->getPointeeType();
  }
  if (C.Api.typeKind(BaseT) != TypeKind::Slice)
    return false;
  // The member's place minus its last step is the slice's place; this
  // resolves `list->ptr` to `*list` and follows pointers through the flow.
  Place Field;
  if (!placeOf(ME, Field) || Field.Steps.empty())
    return false;
  Field.Steps.pop_back();
  return Field == S;
}

bool SliceViews::pointsInto(const Expr *E, const Place &S) const {
  E = ignoreNoise(E);
  if (!E)
    return false;
  auto IsS = [&](const Expr *X) {
    Place P;
    return X && placeOf(X, P) && P == S;
  };
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (C.Api.opKind(Call) == OpKind::SliceAt)
      return IsS(C.Api.sliceOperand(Call));
    return helperPointsInto(Call, S);
  }
  if (isPtrFieldOf(E, S))
    return true;
  // A copy of a pointer that points into S (`q = p`, `q = p + 1`).
  if ((isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) &&
      E->getType()->isPointerType() && CopyDepth < 3) {
    Place Q;
    if (!placeOf(E, Q) || Q == S)
      return false;
    ++CopyDepth;
    bool Into = pointerInto(Q, S, E) != nullptr;
    --CopyDepth;
    return Into;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp() && BO->getType()->isPointerType())
      return pointsInto(BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                                 : BO->getRHS(),
                        S);
    if (BO->getOpcode() == BO_Comma)
      return pointsInto(BO->getRHS(), S);
    return false;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return pointsInto(CO->getTrueExpr(), S) ||
           pointsInto(CO->getFalseExpr(), S);
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_AddrOf)
      return false;
    // &S.ptr[i], &S.ptr[i].field, &(*at(S, i)).field
    const Expr *Inner = ignoreNoise(UO->getSubExpr());
    while (Inner) {
      if (const auto *ME = dyn_cast<MemberExpr>(Inner)) {
        if (ME->isArrow())
          return pointsInto(ME->getBase(), S);
        Inner = ignoreNoise(ME->getBase());
      } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Inner)) {
        return pointsInto(ASE->getBase(), S);
      } else if (const auto *Deref = dyn_cast<UnaryOperator>(Inner);
                 Deref && Deref->getOpcode() == UO_Deref) {
        return pointsInto(Deref->getSubExpr(), S);
      } else {
        return false;
      }
    }
  }
  return false;
}

/// The slice a pointer expression points into, syntactically: `at(X, i)`,
/// `X.ptr`, `X.ptr + i`, `&X.ptr[i]`, `&at(X, i)->f`, or `P->ptr...` (then
/// Arrow is set and the slice is *P).
const Expr *sliceOfPointer(const ApiModel &Api, const Expr *E, bool &Arrow) {
  E = ignoreNoise(E);
  if (!E)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Api.opKind(Call) == OpKind::SliceAt ? Api.sliceOperand(Call)
                                               : nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!ME->getType()->isPointerType())
      return nullptr;
    QualType T = ME->getBase()->getType();
    if (ME->isArrow()) {
      const auto *PT = T->getAs<PointerType>();
      if (!PT || Api.typeKind(PT->getPointeeType()) != TypeKind::Slice)
        return nullptr;
      Arrow = true;
      return ME->getBase();
    }
    return Api.typeKind(T) == TypeKind::Slice ? ME->getBase() : nullptr;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (!BO->isAdditiveOp() || !BO->getType()->isPointerType())
      return nullptr;
    return sliceOfPointer(
        Api,
        BO->getLHS()->getType()->isPointerType() ? BO->getLHS() : BO->getRHS(),
        Arrow);
  }
  const auto *UO = dyn_cast<UnaryOperator>(E);
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  for (const Expr *Inner = ignoreNoise(UO->getSubExpr()); Inner;) {
    if (const auto *ME = dyn_cast<MemberExpr>(Inner)) {
      if (ME->isArrow())
        return sliceOfPointer(Api, ME->getBase(), Arrow);
      Inner = ignoreNoise(ME->getBase());
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Inner)) {
      return sliceOfPointer(Api, ASE->getBase(), Arrow);
    } else if (const auto *D = dyn_cast<UnaryOperator>(Inner);
               D && D->getOpcode() == UO_Deref) {
      return sliceOfPointer(Api, D->getSubExpr(), Arrow);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

SliceViews::PointerReturn
SliceViews::pointerReturn(const FunctionDecl *FD) const {
  if (FD && !FD->hasBody() && FD->getReturnType()->isPointerType())
    if (const StoredSummary *S = C.Summaries.imported(FD))
      if (S->ReturnsElementOf >= 0 &&
          static_cast<unsigned>(S->ReturnsElementOf) < FD->getNumParams())
        return {S->ReturnsElementOf, S->ReturnsElementThroughPointer};
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def || C.Api.opKind(FD) != OpKind::None ||
      !Def->getReturnType()->isPointerType())
    return {};
  // Every return must point into the same parameter's slice.
  std::optional<PointerReturn> Agreed;
  bool Mixed = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *St) {
    if (!St || Mixed)
      return;
    if (const auto *Ret = dyn_cast<ReturnStmt>(St)) {
      PointerReturn PR;
      bool Arrow = false;
      const Expr *Slice = sliceOfPointer(C.Api, Ret->getRetValue(), Arrow);
      Slice = Slice ? ignoreNoise(Slice) : nullptr;
      if (const auto *D = dyn_cast_or_null<UnaryOperator>(Slice);
          D && D->getOpcode() == UO_Deref) {
        Arrow = true;
        Slice = ignoreNoise(D->getSubExpr());
      }
      const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Slice);
      const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      if (!PVD) {
        Mixed = true;
        return;
      }
      PR.Param = PVD->getFunctionScopeIndex();
      PR.ThroughPointer = Arrow;
      if (Agreed &&
          (Agreed->Param != PR.Param || Agreed->ThroughPointer != Arrow))
        Mixed = true;
      Agreed = PR;
      return;
    }
    for (const Stmt *Child : St->children())
      Visit(Child);
  };
  Visit(Def->getBody());
  return (!Mixed && Agreed) ? *Agreed : PointerReturn();
}

bool SliceViews::helperPointsInto(const CallExpr *Call, const Place &S) const {
  PointerReturn PR = pointerReturn(Call->getDirectCallee());
  if (PR.Param < 0 || static_cast<unsigned>(PR.Param) >= Call->getNumArgs())
    return false;
  const Expr *Arg = ignoreNoise(Call->getArg(PR.Param));
  Place P;
  if (!PR.ThroughPointer)
    return placeOf(Arg, P) && P == S;
  // helper(&s, ...) or helper(ptr_to_s, ...).
  if (const auto *UO = dyn_cast<UnaryOperator>(Arg);
      UO && UO->getOpcode() == UO_AddrOf)
    return placeOf(UO->getSubExpr(), P) && P == S;
  if (placeOf(Arg, P)) {
    P.Steps.push_back({PathStep::Deref, nullptr});
    if (P == S)
      return true;
  }
  ValueSet Vals = Flow.valuesOf(Arg, Arg);
  return !Vals.empty() && llvm::all_of(Vals, [&](ValueId V) {
    return Flow.value(V).K == Value::Address && Flow.value(V).P == S;
  });
}

const std::vector<std::pair<const Stmt *, const Expr *>> &
SliceViews::pointerDefinitions(const Place &P) const {
  static const std::vector<std::pair<const Stmt *, const Expr *>> None;
  if (!DefsIndexed) {
    // One pass over the function: every definition of a pointer place,
    // `T *p = e;` or `lhs = e;`.  Queries then never rescan the CFG.
    DefsIndexed = true;
    for (const Stmt *S : Elements) {
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->getInit() && VD->getType()->isPointerType()) {
            Place Q;
            Q.Root = VD;
            PointerDefs[Q].emplace_back(S, VD->getInit());
          }
        continue;
      }
      const auto *BO = dyn_cast<BinaryOperator>(S);
      if (!BO || BO->getOpcode() != BO_Assign ||
          !BO->getLHS()->getType()->isPointerType())
        continue;
      Place Q;
      if (placeOf(BO->getLHS(), Q))
        PointerDefs[Q].emplace_back(S, BO->getRHS());
    }
  }
  auto It = PointerDefs.find(P);
  return It == PointerDefs.end() ? None : It->second;
}

std::vector<std::pair<const Stmt *, const Expr *>>
SliceViews::reachingDefinitions(const Place &P, const Stmt *At) const {
  std::vector<std::pair<const Stmt *, const Expr *>> Out;
  const auto &Defs = pointerDefinitions(P);
  if (Defs.empty())
    return Out;
  auto Kills = [&](const Stmt *S) {
    return Flow.overwrites(S, P) ? FlowQueries::Kill : FlowQueries::None;
  };
  auto [It, New] = DefIndex.try_emplace(P);
  DefinitionIndex &Index = It->second;
  if (New)
    for (unsigned I = 0; I < Defs.size(); ++I) {
      Index.Position.try_emplace(Defs[I].first, I);
      if (!Flow.overwrites(Defs[I].first, P))
        Index.NotKills.push_back(I);
    }
  // The same as asking reachesWithout(Def, At, P) of every definition,
  // without visiting the definitions that cannot reach At.
  std::vector<unsigned> Found;
  for (const Stmt *K : Flow.queries().reachingKills(
           Flow.pointOf(At), P, FlowQueries::Kind::Overwrites, Kills)) {
    auto Pos = Index.Position.find(K);
    if (Pos != Index.Position.end())
      Found.push_back(Pos->second);
  }
  for (unsigned I : Index.NotKills)
    if (reachesWithout(Defs[I].first, At, P))
      Found.push_back(I);
  llvm::sort(Found);
  Found.erase(std::unique(Found.begin(), Found.end()), Found.end());
  for (unsigned I : Found)
    Out.push_back(Defs[I]);
  return Out;
}

const Stmt *SliceViews::pointerInto(const Place &P, const Place &S,
                                    const Stmt *At) const {
  auto Key = std::make_tuple(P, S, At);
  auto Memo = PointerIntoMemo.find(Key);
  if (Memo != PointerIntoMemo.end() && CopyDepth == 0)
    return Memo->second;
  const Stmt *Found = nullptr;
  ValueSet Now;
  bool HaveNow = false;
  for (const auto &[Def, RHS] : reachingDefinitions(P, At)) {
    if (!pointsInto(RHS, S))
      continue;
    if (!HaveNow) {
      Now = valuesAt(S, At);
      HaveNow = true;
    }
    // The array S held when the pointer was taken is (an ancestor of)
    // what it holds now.
    const ValueSet &Then = valuesAt(S, Def);
    if (FunctionFlow::intersects(Now, Then) || Flow.anyDerivesFrom(Now, Then)) {
      Found = Def;
      break;
    }
  }
  if (CopyDepth == 0)
    PointerIntoMemo[Key] = Found;
  return Found;
}

llvm::SmallVector<const Stmt *, 2>
SliceViews::enclosingLoops(const Stmt *S) const {
  llvm::SmallVector<const Stmt *, 2> Out;
  const Stmt *Child = S;
  for (const Stmt *P = Flow.parents().getParent(S); P;
       Child = P, P = Flow.parents().getParent(P)) {
    const Stmt *Body = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(P))
      Body = For->getBody();
    else if (const auto *While = dyn_cast<WhileStmt>(P))
      Body = While->getBody();
    else if (const auto *Do = dyn_cast<DoStmt>(P))
      Body = Do->getBody();
    if (Body && Body == Child)
      Out.push_back(P);
  }
  return Out;
}

std::vector<Place> SliceViews::loopPointers(const Stmt *Loop) const {
  llvm::SmallVector<const Stmt *, 2> Parts;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    Parts.push_back(For->getInc());
    Parts.push_back(For->getCond());
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    Parts.push_back(While->getCond());
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Parts.push_back(Do->getCond());
  }
  std::vector<Place> Out;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S);
        E && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) &&
        E->getType()->isPointerType() &&
        C.Api.typeKind(E->getType()) == TypeKind::None) {
      Place P;
      if (placeOf(E, P) && llvm::find(Out, P) == Out.end())
        Out.push_back(P);
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  for (const Stmt *Part : Parts)
    Visit(Part);
  return Out;
}

} // namespace sliceguard
