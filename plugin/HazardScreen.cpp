//===- HazardScreen.cpp - which functions are worth a flow analysis -------===//
#include "HazardScreen.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h" // LLVM 22 defines Type::getAsRecordDecl here
#include "llvm/ADT/STLExtras.h"
#include <optional>

using namespace clang;

namespace sliceguard {

ScreenResult HazardScreen::screen(const Stmt *Body) {
  W = WalkState();
  return walkBody(Body);
}

ScreenResult HazardScreen::walkBody(const Stmt *Body) {
  statement(Body);
  W.R.ChangeAfterRef = changeFollowsRef();
  return W.R;
}

void HazardScreen::secondRef(unsigned Id, bool MayWrite) {
  W.R.SecondRef = true;
  W.Refs.push_back({W.Statements, W.CurrentLoop, Id, false});
  if (MayWrite)
    W.Changes.push_back({W.Statements, W.CurrentLoop, Id, false});
}

void HazardScreen::growth(unsigned Id, Growth Kind) {
  W.R.MayAppend |= (Kind & Append) != 0;
  W.R.MayInsert |= (Kind & Insert) != 0;
  W.Changes.push_back({W.Statements, W.CurrentLoop, Id, true});
}

void HazardScreen::elementWrite(unsigned Id) {
  W.Changes.push_back({W.Statements, W.CurrentLoop, Id, false});
}

void HazardScreen::growthOfSharedStorage(unsigned Id, Growth Kind) {
  growth(Id, Kind);
  W.R.SecondRef = true;
  W.Refs.push_back({/*Statement=*/0, W.CurrentLoop, newEvent(), false});
}

bool HazardScreen::changeFollowsRef() const {
  // Without goto, B can run after A only if B comes later in the text, or
  // a loop holds both (the back edge).  A call that both changes the array
  // and makes the reference (`t = append(s, x)`) needs another change
  // after it, or a loop around it that grows.
  if (W.UnstructuredJumps)
    return !W.Refs.empty() && !W.Changes.empty();
  for (const Event &Ref : W.Refs)
    for (const Event &Change : W.Changes) {
      if (Ref.Loop && Ref.Loop == Change.Loop &&
          (Ref.Id != Change.Id || Change.Grows))
        return true;
      if (Ref.Id != Change.Id && Ref.Statement <= Change.Statement)
        return true;
    }
  return false;
}

void HazardScreen::statement(const Stmt *S) {
  if (!S || W.R.HasErrors)
    return;
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S))
    return loop(S);
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    W.UnstructuredJumps = true;
  // An expression used as a statement: its value is dropped.
  if (const auto *E = dyn_cast<Expr>(S)) {
    ++W.Statements;
    return expression(E, Use{Use::Discarded});
  }
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    ++W.Statements;
    if (const Expr *Value = RS->getRetValue())
      expression(Value, Use{Use::Returned});
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    ++W.Statements;
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        declaration(VD);
    return;
  }
  for (const Stmt *Child : S->children())
    statement(Child);
}

void HazardScreen::loop(const Stmt *S) {
  unsigned Enclosing = W.CurrentLoop;
  if (!Enclosing)
    W.CurrentLoop = ++W.Loops;
  for (const Stmt *Child : S->children())
    statement(Child);
  W.CurrentLoop = Enclosing;
}

void HazardScreen::declaration(const VarDecl *VD) {
  if (Api.isTracked(VD->getType()))
    W.R.MentionsRuntime = true;
  // A VLA's size expressions are not children of the DeclStmt; rather than
  // walk the type, let the full analysis see such functions.
  if (VD->getType()->isVariablyModifiedType())
    growthOfSharedStorage(newEvent(), Any);
  if (const Expr *Init = VD->getInit())
    expression(Init, Use{Use::Assigned, VD});
}

void HazardScreen::expression(const Expr *E, Use U) {
  if (!E || W.R.HasErrors)
    return;
  if (E->containsErrors()) {
    W.R.HasErrors = true;
    return;
  }
  E = E->IgnoreParenImpCasts();
  // Every runtime type carries references: one cached question for the
  // common case of a plain scalar.
  bool Carries = carriesReference(E->getType());
  if (Carries && Api.isTracked(E->getType()))
    W.R.MentionsRuntime = true;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return call(Call, U);
  if (Carries && !valueMayStayHere(E, U))
    secondRef(newEvent(), /*MayWrite=*/true);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->getOpcode() == BO_Assign)
      return assignment(BO);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return member(ME);
  for (const Stmt *Child : E->children()) {
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      expression(ChildExpr, Use{});
    else
      statement(Child); // a statement expression's body
  }
}

bool HazardScreen::valueMayStayHere(const Expr *E, Use U) const {
  // A nil literal is fresh wherever it goes.
  if (isConstantLiteral(E))
    return true;
  switch (U.K) {
  case Use::Operand:
  case Use::Discarded:
    // Its parts are visited on their own: `get(o.items, i)` still checks o.
    return true;
  case Use::Returned:
    return isLocalVariable(E);
  case Use::Assigned:
  case Use::Escapes:
    break;
  }
  return false;
}

/// True if E is built of literals only: `0`, `NULL`, `{0}`, `{0, 0, 0}`.
static bool isLiteralOnly(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) ||
      isa<CharacterLiteral>(E) || isa<ImplicitValueInitExpr>(E))
    return true;
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E))
    return isLiteralOnly(CL->getInitializer());
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return llvm::all_of(IL->inits(),
                        [](const Expr *Init) { return isLiteralOnly(Init); });
  return false;
}

bool HazardScreen::isConstantLiteral(const Expr *E) {
  // `ints s = {0};` and `(ints){0}`: a nil slice.  `{buf, 0, 8}` is not:
  // buf is a second name for the array.
  return (isa<InitListExpr>(E) || isa<CompoundLiteralExpr>(E)) &&
         isLiteralOnly(E);
}

void HazardScreen::call(const CallExpr *Call, Use U) {
  OpKind Op = Api.opKind(Call);
  if (Op != OpKind::None)
    return runtimeOp(Call, Op, U);
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->hasBody())
    if (std::optional<ScreenResult> Screened = screenOfCallee(Callee))
      if (!Screened->SecondRef && !Screened->HasErrors)
        return quietCall(Call, *Screened, U);
  for (const Stmt *Child : Call->children())
    expression(cast<Expr>(Child), Use{});
  unsigned Id = newEvent();
  // A same-file function's summary may append, insert or return a view;
  // a call through a pointer may do anything.
  if (!Callee || Callee->hasBody()) {
    growth(Id, Any);
    secondRef(Id, /*MayWrite=*/true);
  }
  // A slice, map or pointer handed out by code we cannot see may have
  // other owners.
  if (carriesReference(Call->getType()))
    secondRef(Id);
}

void HazardScreen::quietCall(const CallExpr *Call, const ScreenResult &Callee,
                             Use U) {
  // The callee keeps no reference to anything: its arguments are operands,
  // like a runtime op's container.
  for (const Expr *Arg : Call->arguments())
    expression(Arg, Use{Use::Operand});
  unsigned Id = newEvent();
  if (Callee.mayGrow())
    growth(Id, Growth((Callee.MayAppend ? Append : 0) |
                      (Callee.MayInsert ? Insert : 0)));
  else
    elementWrite(Id); // it may still write into the arrays it was given
  // What it returns may be (an append of) one of its arguments: fine when
  // it goes back where that argument came from, as in s = append(s, x).
  if (carriesReference(Call->getType()) && !returnsToItsArguments(Call, U))
    secondRef(Id);
}

bool HazardScreen::returnsToItsArguments(const CallExpr *Call, Use U) {
  for (const Expr *Arg : Call->arguments()) {
    if (!carriesReference(Arg->getType()))
      continue;
    const VarDecl *VD = namedVariable(Arg);
    if (!VD || !VD->hasLocalStorage())
      return false;
    if (U.K == Use::Assigned && U.Target != VD)
      return false;
    if (U.K != Use::Assigned && U.K != Use::Returned)
      return false;
  }
  return true;
}

std::optional<ScreenResult>
HazardScreen::screenOfCallee(const FunctionDecl *Callee) {
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def || Api.opKind(Def) != OpKind::None)
    return std::nullopt;
  if (auto It = Callees.find(Def); It != Callees.end())
    return It->second; // none while in progress: recursion is unknown
  Callees[Def] = std::nullopt;
  // The callee gets a walk of its own; then ours resumes where it was.
  WalkState Ours = std::move(W);
  W = WalkState();
  ScreenResult Screened = walkBody(Def->getBody());
  W = std::move(Ours);
  Callees[Def] = Screened;
  return Screened;
}

void HazardScreen::runtimeOp(const CallExpr *Call, OpKind Op, Use U) {
  W.R.MentionsRuntime = true;
  // The operands are evaluated first: `append(slice(s, 0, 2), x)` makes
  // the view before it grows it.
  arguments(Call, Op);
  unsigned Id = newEvent();
  switch (Op) {
  case OpKind::SliceAppend:
  case OpKind::SliceAppendN:
  case OpKind::SliceExtend:
    if (isSelfAppend(Call, U)) {
      growth(Id, Append);
    } else if (isLocalVariable(Api.sliceOperand(Call))) {
      // `t = append(s, x)`: t is a second name for s's array.
      growth(Id, Append);
      secondRef(Id);
    } else {
      // A field, a global, `*ps`: others may hold the array already.
      growthOfSharedStorage(Id, Append);
    }
    return;
  case OpKind::MapPut:
    growth(Id, Insert);
    return resultReadOut(Call, U, Id);
  case OpKind::SliceCopy:
  case OpKind::SliceSet:
    // A write into the array shows through every other view of it.
    elementWrite(Id);
    return resultReadOut(Call, U, Id);
  case OpKind::SliceGet:
  case OpKind::MapGet:
  case OpKind::MapLookup:
  case OpKind::MapDel:
  case OpKind::MapLen:
  case OpKind::MapClear:
    return resultReadOut(Call, U, Id);
  case OpKind::SliceMake:
  case OpKind::SliceClone:
  case OpKind::MapMake:
    // A fresh value: nothing else refers to it yet, wherever it goes.
    return;
  case OpKind::SliceAt:
    // A pointer into the array, and whatever is written through it.
    secondRef(Id, /*MayWrite=*/true);
    return;
  default:
    // Views, map references, range iterators.
    secondRef(Id);
    return;
  }
}

void HazardScreen::resultReadOut(const CallExpr *Call, Use U, unsigned Id) {
  // A slice read out of a slice of slices or a map is a second name for
  // the array the container keeps, unless it is used on the spot.
  if (carriesReference(Call->getType()) && U.K != Use::Operand &&
      U.K != Use::Discarded)
    secondRef(Id);
}

const VarDecl *HazardScreen::namedVariable(const Expr *E) {
  const auto *DRE =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

bool HazardScreen::isLocalVariable(const Expr *E) {
  const VarDecl *VD = namedVariable(E);
  return VD && VD->hasLocalStorage();
}

bool HazardScreen::isSelfAppend(const CallExpr *Call, Use U) const {
  const Expr *Source = Api.sliceOperand(Call);
  if (!isLocalVariable(Source))
    return false;
  if (U.K == Use::Assigned) // s = append(s, ...)
    return U.Target == namedVariable(Source);
  return U.K == Use::Returned; // return append(s, ...): s dies here
}

void HazardScreen::arguments(const CallExpr *Call, OpKind Op) {
  // The slice or map an op works on (and extend's and copy's source) is a
  // harmless operand; a slice stored into a map or a slice of slices is
  // not: the container keeps it.
  const Expr *Containers[2] = {nullptr, nullptr};
  if (isMapOp(Op)) {
    Containers[0] = Api.mapOperand(Call);
  } else if (Op != OpKind::None) {
    Containers[0] = Api.sliceOperand(Call);
    Containers[1] = Api.sourceSliceOperand(Call);
  }
  for (const Expr *Arg : Call->arguments()) {
    // ApiModel hands back the argument expressions themselves.
    bool Container = Arg == Containers[0] || Arg == Containers[1];
    expression(Arg, Use{Container ? Use::Operand : Use::Escapes});
  }
}

void HazardScreen::member(const MemberExpr *ME) {
  const Expr *Base = ME->getBase();
  // `s.ptr` hands out a pointer into the array.  A member that is itself a
  // slice or map was judged by its own use; `.len`, `.cap` and other
  // scalars copy nothing that refers to the array.
  if (ME->getType()->isPointerType() && !carriesReference(ME->getType()) &&
      carriesReference(Base->getType()))
    secondRef(newEvent(), /*MayWrite=*/true);
  expression(Base, Use{Use::Operand});
}

void HazardScreen::assignment(const BinaryOperator *BO) {
  const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
  Use RHSUse;
  if (const VarDecl *Target = namedVariable(LHS)) {
    if (Api.isTracked(Target->getType()))
      W.R.MentionsRuntime = true;
    RHSUse = Use{Use::Assigned, Target};
  } else {
    // The place written to (`o.items`, `*ps`); what is written is judged
    // on the right-hand side.
    expression(LHS, Use{Use::Operand});
  }
  expression(BO->getRHS(), RHSUse);
}

bool HazardScreen::carriesReference(QualType T) {
  if (T.isNull())
    return false;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  if (auto It = TypeCache.find(Ty); It != TypeCache.end())
    return It->second;
  bool Carries = uncachedCarriesReference(T, Ty);
  // A record's answer may rest on a cycle's guess: only cache settled ones.
  if (!SawCycle)
    TypeCache[Ty] = Carries;
  return Carries;
}

bool HazardScreen::uncachedCarriesReference(QualType T, const Type *Ty) {
  if (Api.isTracked(T))
    return true;
  if (const auto *PT = dyn_cast<PointerType>(Ty))
    return carriesReference(PT->getPointeeType());
  if (const auto *AT = dyn_cast<ArrayType>(Ty))
    return carriesReference(AT->getElementType());
  if (const RecordDecl *RD = Ty->getAsRecordDecl())
    return recordCarriesReference(RD);
  return false;
}

bool HazardScreen::recordCarriesReference(const RecordDecl *RD) {
  auto [It, Inserted] = RecordCache.try_emplace(RD, RecordState::InProgress);
  if (!Inserted) {
    if (It->second == RecordState::InProgress) {
      // A cycle through a pointer: the record's answer is being computed
      // further up; whoever depends on this guess must not keep it.
      SawCycle = true;
      return false;
    }
    return It->second == RecordState::Carries;
  }
  bool Outermost = RecordDepth++ == 0;
  bool Carries = false;
  if (const RecordDecl *Def = RD->getDefinition())
    for (const FieldDecl *FD : Def->fields())
      if (carriesReference(FD->getType())) {
        Carries = true;
        break;
      }
  --RecordDepth;
  if (Carries || Outermost || !SawCycle)
    RecordCache[RD] = Carries ? RecordState::Carries : RecordState::Plain;
  else
    RecordCache.erase(RD); // "no" rested on a guess: ask again later
  if (Outermost)
    SawCycle = false;
  return Carries;
}

} // namespace sliceguard
