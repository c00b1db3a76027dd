//===- HazardScreen.cpp - which functions are worth a flow analysis -------===//
#include "HazardScreen.h"
#include "AliasFlow.h"
#include "Summary.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h" // LLVM 22 defines Type::getAsRecordDecl here
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <utility>

using namespace clang;

namespace sliceguard {

ScreenResult HazardScreen::screen(const FunctionDecl *FD) {
  // A helper was screened already when its first caller was; a body that
  // recursion reached while it was being screened gets a walk of its own.
  if (std::optional<ScreenResult> Known = screenOf(FD))
    return *Known;
  return walkBody(FD->getBody());
}

std::optional<ScreenResult> HazardScreen::screenOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Api.opKind(Def) != OpKind::None)
    return std::nullopt;
  auto [It, Inserted] = Screened.try_emplace(Def, std::nullopt);
  if (!Inserted)
    return It->second; // none while in progress: recursion is unknown
  ScreenResult R = walkBody(Def->getBody());
  Screened[Def] = R;
  return R;
}

ScreenResult HazardScreen::walkBody(const Stmt *Body) {
  // A callee's walk nests inside its caller's; the caller's resumes after.
  WalkState Walk;
  WalkState *Caller = std::exchange(W, &Walk);
  statement(Body);
  Walk.R.ChangeAfterRef = changeFollowsRef();
  W = Caller;
  return Walk.R;
}

//===--- events -----------------------------------------------------------===//

HazardScreen::Event HazardScreen::event(unsigned Id, bool Grows,
                                        const VarDecl *Root) const {
  Event E;
  E.Statement = W->Statements;
  E.Loop = W->CurrentLoop;
  E.InnerLoop = W->InnerLoop;
  E.Region = W->CurrentRegion;
  E.Id = Id;
  E.Grows = Grows;
  E.Root = Root;
  return E;
}

void HazardScreen::secondRef(unsigned Id, const VarDecl *Root, bool MayWrite) {
  W->R.SecondRef = true;
  W->Refs.push_back(event(Id, false, Root));
  if (MayWrite)
    W->Changes.push_back(event(Id, false, Root));
}

void HazardScreen::rangeRef(unsigned Id, const VarDecl *Root,
                            const VarDecl *Iterator) {
  secondRef(Id, Root);
  W->Refs.back().RangeIterator = Iterator;
}

void HazardScreen::growth(unsigned Id, Growth Kind, const VarDecl *Root,
                          const VarDecl *CurrentKeyOf) {
  W->R.MayAppend |= (Kind & Append) != 0;
  W->R.MayInsert |= (Kind & Insert) != 0;
  W->Changes.push_back(event(Id, true, Root));
  W->Changes.back().Inserts = (Kind & Insert) != 0;
  W->Changes.back().CurrentKeyOf = CurrentKeyOf;
}

void HazardScreen::elementWrite(unsigned Id, const VarDecl *Root) {
  W->Changes.push_back(event(Id, false, Root));
}

void HazardScreen::removal(const VarDecl *Root) {
  W->R.MayRemove = true;
  W->Removals.push_back(event(newEvent(), false, Root));
}

void HazardScreen::growthOfSharedStorage(unsigned Id, Growth Kind) {
  growth(Id, Kind, nullptr);
  W->R.SecondRef = true;
  Event Outside = event(newEvent(), false, nullptr);
  Outside.Statement = 0;
  W->Refs.push_back(Outside);
}

bool HazardScreen::changeFollowsRef() const {
  // Without goto, B can run after A only if B comes later in the text, or
  // a loop holds both (the back edge).  A call that both changes the array
  // and makes the reference (`t = append(s, x)`) needs another change
  // after it, or a loop around it that grows.
  if (W->UnstructuredJumps)
    return !W->Refs.empty() && !W->Changes.empty();
  // A write-back through an iterator moved by hand went somewhere else.
  if (llvm::any_of(W->WriteBackIterators, [&](const VarDecl *It) {
        return W->MovedIterators.count(It) != 0;
      }))
    return true;
  for (const Event &Ref : W->Refs)
    for (const Event &Change : W->Changes) {
      if (!mayShare(Ref.Root, Change.Root) || updatesCurrentKey(Ref, Change))
        continue;
      // Only an insert can reorder the table a range walks.
      if (Ref.RangeIterator && !Change.Inserts)
        continue;
      if (Ref.Loop && Ref.Loop == Change.Loop &&
          (Ref.Id != Change.Id || Change.Grows))
        return true;
      if (Ref.Id != Change.Id && Ref.Statement <= Change.Statement)
        return true;
    }
  return false;
}

bool HazardScreen::mayShare(const VarDecl *A, const VarDecl *B) const {
  return !A || !B || classOf(A) == classOf(B);
}

bool HazardScreen::updatesCurrentKey(const Event &Ref,
                                     const Event &Change) const {
  // The put and the range's own reference belong to one loop, whose
  // iterator nothing else moves.
  return Ref.RangeIterator && Change.CurrentKeyOf == Ref.RangeIterator &&
         Change.InnerLoop == Ref.InnerLoop &&
         !W->MovedIterators.count(Ref.RangeIterator) &&
         !removalMayPrecede(Change);
}

bool HazardScreen::removalMayPrecede(const Event &Put) const {
  // A delete earlier in the iteration may have removed the current key:
  // putting it back is an insert.
  return llvm::any_of(W->Removals, [&](const Event &Removal) {
    return mayShare(Removal.Root, Put.Root) && Removal.Loop == Put.Loop &&
           Removal.Statement <= Put.Statement &&
           !exclusive(Removal.Region, Put.Region);
  });
}

bool HazardScreen::exclusive(unsigned A, unsigned B) const {
  for (unsigned X = A; X; X = W->Regions[X].Parent)
    for (unsigned Y = B; Y; Y = W->Regions[Y].Parent)
      if (W->Regions[X].If == W->Regions[Y].If &&
          W->Regions[X].Else != W->Regions[Y].Else)
        return true;
  return false;
}

void HazardScreen::join(const VarDecl *A, const VarDecl *B) {
  const VarDecl *RootA = classOf(A), *RootB = classOf(B);
  if (RootA != RootB)
    W->Classes[RootA] = RootB;
}

const VarDecl *HazardScreen::classOf(const VarDecl *V) const {
  for (auto It = W->Classes.find(V); It != W->Classes.end();
       It = W->Classes.find(V))
    V = It->second;
  return V;
}

//===--- the walk ---------------------------------------------------------===//

void HazardScreen::statement(const Stmt *S) {
  if (!S || W->R.HasErrors)
    return;
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S))
    return loop(S);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return ifStatement(If);
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    W->UnstructuredJumps = true;
  // An expression used as a statement: its value is dropped.
  if (const auto *E = dyn_cast<Expr>(S)) {
    ++W->Statements;
    return expression(E, Use{Use::Discarded});
  }
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    ++W->Statements;
    if (const Expr *Value = RS->getRetValue())
      expression(Value, Use{Use::Returned});
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    ++W->Statements;
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        declaration(VD);
    return;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return compound(CS);
  for (const Stmt *Child : S->children())
    statement(Child);
}

void HazardScreen::compound(const CompoundStmt *CS) {
  llvm::ArrayRef<Stmt *> Body(CS->body_begin(), CS->size());
  const CallExpr *PendingPut = nullptr;
  for (unsigned I = 0; I < Body.size(); ++I) {
    const VarDecl *OuterSlice = W->WrittenBack;
    const CallExpr *OuterPut = W->PutBack;
    WriteBack WB = writtenBack(Body, I);
    if (WB.Slice)
      PendingPut = WB.Put;
    W->WrittenBack = WB.Slice;
    W->PutBack = Body[I] == PendingPut ? PendingPut : nullptr;
    statement(Body[I]);
    W->WrittenBack = OuterSlice;
    W->PutBack = OuterPut;
  }
}

/// True if S names V anywhere.
static bool mentions(const Stmt *S, const VarDecl *V) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(S))
    return DRE->getDecl() == V;
  return S && llvm::any_of(S->children(), [&](const Stmt *Child) {
           return mentions(Child, V);
         });
}

/// The variable `T v = init` or `v = init` sets, and init.
static const VarDecl *initialised(const Stmt *S, const Expr *&Init) {
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(S)) {
    const auto *VD =
        DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    Init = VD ? VD->getInit() : nullptr;
    return Init ? VD : nullptr;
  }
  const auto *BO = dyn_cast_or_null<BinaryOperator>(S);
  if (!BO || BO->getOpcode() != BO_Assign)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts());
  Init = BO->getRHS();
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// Two keys that name the same local variable or the same integer.
static bool sameKey(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *IA = dyn_cast<IntegerLiteral>(A))
    if (const auto *IB = dyn_cast<IntegerLiteral>(B))
      return IA->getValue() == IB->getValue();
  const auto *DA = dyn_cast<DeclRefExpr>(A), *DB = dyn_cast<DeclRefExpr>(B);
  const auto *VA = DA ? dyn_cast<VarDecl>(DA->getDecl()) : nullptr;
  return VA && VA->hasLocalStorage() && DB && DB->getDecl() == VA;
}

HazardScreen::WriteBack HazardScreen::writtenBack(llvm::ArrayRef<Stmt *> Body,
                                                  unsigned I) {
  // Declared here, so the block's end is the end of v.  (Asked of every
  // statement: the cheap tests first.)
  if (!isa<DeclStmt>(Body[I]) || I + 2 >= Body.size())
    return {};
  const Expr *Init = nullptr;
  const VarDecl *V = initialised(Body[I], Init);
  if (!V || Api.typeKind(V->getType()) != TypeKind::Slice)
    return {};
  // Where the slice comes from: get(m, k), or it.val in a range over m.
  const VarDecl *Map = nullptr, *Iterator = nullptr;
  const Expr *Key = nullptr;
  Init = Init->IgnoreParenImpCasts();
  if (const auto *Get = dyn_cast<CallExpr>(Init);
      Get && Api.opKind(Get) == OpKind::MapGet) {
    Map = namedVariable(Api.mapOperand(Get));
    Key = Api.keyOperand(Get);
  } else if (const auto *Val = dyn_cast<MemberExpr>(Init);
             Val && !Val->isArrow() &&
             Api.fieldRole(dyn_cast<FieldDecl>(Val->getMemberDecl())) ==
                 FieldRole::Val) {
    Iterator = namedVariable(Val->getBase());
    Map = Iterator ? W->RangedMaps.lookup(Iterator) : nullptr;
  }
  if (!Map || !Map->hasLocalStorage())
    return {};
  // Grown in place, and nothing else in between.
  unsigned J = I + 1;
  while (J < Body.size() && isPlainSelfAppend(Body[J], V))
    ++J;
  if (J == I + 1 || J == Body.size())
    return {};
  // Put back under the same key, and not named again.
  const auto *Put = dyn_cast<CallExpr>(Body[J]);
  if (!Put || Api.opKind(Put) != OpKind::MapPut ||
      namedVariable(Api.mapOperand(Put)) != Map ||
      namedVariable(Api.valueOperand(Put)) != V)
    return {};
  const Expr *PutKey = Api.keyOperand(Put);
  if (!PutKey || (Iterator ? currentKeyIterator(PutKey) != Iterator
                           : !Key || !sameKey(Key, PutKey)))
    return {};
  if (llvm::any_of(Body.drop_front(J + 1),
                   [&](const Stmt *S) { return mentions(S, V); }))
    return {};
  if (Iterator)
    W->WriteBackIterators.push_back(Iterator);
  return {V, Put};
}

bool HazardScreen::isPlainSelfAppend(const Stmt *S, const VarDecl *V) {
  const Expr *Init = nullptr;
  if (initialised(S, Init) != V || isa<DeclStmt>(S))
    return false;
  const auto *Call = dyn_cast<CallExpr>(Init->IgnoreParenImpCasts());
  if (!Call || !isSliceGrowOp(Api.opKind(Call)) ||
      namedVariable(Api.sliceOperand(Call)) != V)
    return false;
  // The other operands only read, and not v: `extend(v, v)` reads the
  // array the append grows.
  const Expr *Operand = Api.sliceOperand(Call);
  return llvm::all_of(Call->arguments(), [&](const Expr *Arg) {
    return Arg == Operand || (isPure(Arg) && !mentions(Arg, V));
  });
}

bool HazardScreen::isPure(const Expr *E) {
  // Reads only: no call that could change a map or slice, no assignment.
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    OpKind Op = Api.opKind(Call);
    if (Op != OpKind::SliceGet && Op != OpKind::MapGet && Op != OpKind::MapLen)
      return false;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      return false;
  } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->isIncrementDecrementOp())
      return false;
  } else if (isa<StmtExpr>(E)) {
    return false;
  }
  return llvm::all_of(E->children(), [&](const Stmt *Child) {
    const auto *ChildExpr = dyn_cast_or_null<Expr>(Child);
    return !Child || (ChildExpr && isPure(ChildExpr));
  });
}

void HazardScreen::ifStatement(const IfStmt *If) {
  statement(If->getInit());
  statement(If->getConditionVariableDeclStmt());
  statement(If->getCond());
  unsigned Outer = W->CurrentRegion;
  for (bool Else : {false, true}) {
    W->Regions.push_back(Region{Outer, If, Else});
    W->CurrentRegion = W->Regions.size() - 1;
    statement(Else ? If->getElse() : If->getThen());
  }
  W->CurrentRegion = Outer;
}

void HazardScreen::loop(const Stmt *S) {
  unsigned Outermost = W->CurrentLoop, Innermost = W->InnerLoop;
  W->InnerLoop = ++W->Loops;
  if (!Outermost)
    W->CurrentLoop = W->InnerLoop;
  for (const Stmt *Child : S->children())
    statement(Child);
  W->CurrentLoop = Outermost;
  W->InnerLoop = Innermost;
}

void HazardScreen::declaration(const VarDecl *VD) {
  if (Api.isTracked(VD->getType()))
    W->R.MentionsRuntime = true;
  // A VLA's size expressions are not children of the DeclStmt; rather than
  // walk the type, let the full analysis see such functions.
  if (VD->getType()->isVariablyModifiedType())
    growthOfSharedStorage(newEvent(), Any);
  if (const Expr *Init = VD->getInit())
    expression(Init, assignedTo(VD));
}

void HazardScreen::expression(const Expr *E, Use U) {
  if (!E || W->R.HasErrors)
    return;
  if (E->containsErrors()) {
    W->R.HasErrors = true;
    return;
  }
  E = E->IgnoreParenImpCasts();
  // Every runtime type carries references: one cached question for the
  // common case of a plain scalar.
  bool Carries = carriesReference(E->getType());
  if (Carries && !W->R.MentionsRuntime && Api.isTracked(E->getType()))
    W->R.MentionsRuntime = true;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return call(Call, U);
  bool WrittenBack = U.K == Use::Assigned && U.Target &&
                     U.Target == W->WrittenBack && isa<MemberExpr>(E);
  if (Carries && !WrittenBack && !valueMayStayHere(E, U))
    secondRef(newEvent(), principal(E), /*MayWrite=*/true);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && U.Sink && mayPointIntoArray(E->getType()))
      join(U.Sink, VD);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->getOpcode() == BO_Assign)
      return assignment(BO);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return member(ME, U);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    if (const VarDecl *VD = namedVariable(UO->getSubExpr()))
      W->MovedIterators.insert(VD); // whatever gets it may move it
  // The parts of a value that may point into an array flow where it goes.
  Use Part{Use::Escapes, nullptr,
           mayPointIntoArray(E->getType()) ? U.Sink : nullptr};
  for (const Stmt *Child : E->children()) {
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      expression(ChildExpr, Part);
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
  // A library call its model describes is screened as a helper that
  // does the same (FlowLibrary.cpp applies it the same way).
  llvm::SmallVector<LibraryEffect, 2> Effects = Api.effects(Call);
  if (!Effects.empty()) {
    ScreenResult Library;
    for (const LibraryEffect &E : Effects)
      (E.K == LibraryEffect::Grows ? Library.MayAppend : Library.MayInsert) =
          true;
    W->R.MentionsRuntime = true;
    return summarisedCall(Call, Library, U);
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->hasBody())
    if (std::optional<ScreenResult> Screened = screenOf(Callee))
      if (!Screened->HasErrors)
        return summarisedCall(Call, *Screened, U);
  if (std::optional<ScreenResult> Screened = importedScreen(Callee))
    return summarisedCall(Call, *Screened, U);
  // What the call returns may be made of what it is given.
  Use Argument{Use::Escapes, nullptr,
               mayPointIntoArray(Call->getType()) ? U.Sink : nullptr};
  for (const Stmt *Child : Call->children())
    expression(cast<Expr>(Child), Argument);
  unsigned Id = newEvent();
  // A same-file function the screen cannot see through (recursion, errors)
  // may append, insert or return a view; a call through a pointer may do
  // anything.
  if (!Callee || Callee->hasBody()) {
    growth(Id, Any, nullptr);
    secondRef(Id, nullptr, /*MayWrite=*/true);
    removal(nullptr);
  }
  // A slice, map or pointer handed out by code we cannot see may have
  // other owners.
  if (carriesReference(Call->getType()))
    secondRef(Id, U.K == Use::Assigned ? U.Target : nullptr);
}

/// A type whose values cannot refer to anything.
static bool isPlainScalar(QualType T) {
  return T->isVoidType() || T->isArithmeticType();
}

void HazardScreen::summarisedCall(const CallExpr *Call,
                                  const ScreenResult &Callee, Use U) {
  // The arguments are operands, like a runtime op's container; what the
  // callee returns may be made of them, and it may move references
  // between those it can reach, so they are one class.
  bool ReturnsReference = Callee.SecondRef ? !isPlainScalar(Call->getType())
                                           : carriesReference(Call->getType());
  Use Argument{Use::Operand, nullptr, ReturnsReference ? U.Sink : nullptr};
  const VarDecl *Reached = nullptr;
  bool ReachesUnknown = false;
  for (const Expr *Arg : Call->arguments()) {
    expression(Arg, Argument);
    if (!mayPointIntoArray(Arg->getType()))
      continue;
    const VarDecl *VD = principal(Arg);
    if (!VD)
      ReachesUnknown = true;
    else if (Reached)
      join(Reached, VD);
    else
      Reached = VD;
  }
  // A callee given no pointer at all can grow only what it owns (or a
  // global, which only an unnamed root covers).
  const VarDecl *Root = ReachesUnknown ? nullptr : Reached;
  unsigned Id = newEvent();
  if (Callee.mayGrow())
    growth(Id,
           Growth((Callee.MayAppend ? Append : 0) |
                  (Callee.MayInsert ? Insert : 0)),
           Root);
  else if (Reached || ReachesUnknown)
    elementWrite(Id, Root); // it may still write into the arrays it was given
  if (Callee.MayRemove)
    removal(Root);
  W->R.MayResetArena |= Callee.MayResetArena;
  // What it returns goes back where an argument came from, as in
  // s = append(s, x), or is a second name for it.
  if (ReturnsReference && !returnsToItsArguments(Call, U))
    secondRef(Id, Root);
}

std::optional<ScreenResult>
HazardScreen::importedScreen(const FunctionDecl *FD) {
  const StoredSummary *S = Imported && FD ? Imported->imported(FD) : nullptr;
  if (!S)
    return std::nullopt;
  ScreenResult R;
  R.MentionsRuntime = S->MentionsRuntime;
  R.MayAppend = S->MayAppend;
  R.MayInsert = S->MayInsert;
  R.MayRemove = S->MayRemove;
  R.SecondRef = S->SecondRef;
  R.MayResetArena = S->ResetsArena;
  return R;
}

bool HazardScreen::returnsToItsArguments(const CallExpr *Call, Use U) {
  for (const Expr *Arg : Call->arguments()) {
    if (!mayPointIntoArray(Arg->getType()))
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

void HazardScreen::runtimeOp(const CallExpr *Call, OpKind Op, Use U) {
  W->R.MentionsRuntime = true;
  // The operands are evaluated first: `append(slice(s, 0, 2), x)` makes
  // the view before it grows it.
  const Expr *Container = containerOf(Call, Op);
  const VarDecl *Root = principal(Container);
  arguments(Call, Op, U, Container, Root);
  unsigned Id = newEvent();
  switch (Op) {
  case OpKind::SliceAppend:
  case OpKind::SliceAppendN:
  case OpKind::SliceExtend:
    if (isSelfAppend(Container, U)) {
      growth(Id, Append, Root);
    } else if (isLocalVariable(Container)) {
      // `t = append(s, x)`: t is a second name for s's array.
      growth(Id, Append, Root);
      secondRef(Id, Root);
    } else {
      // A field, a global, `*ps`: others may hold the array already.
      growthOfSharedStorage(Id, Append);
    }
    return;
  case OpKind::MapPut:
    growth(Id, Insert, Root, currentKeyIterator(Api.keyOperand(Call)));
    return resultReadOut(Call, U, Id, Root);
  case OpKind::SliceCopy:
  case OpKind::SliceSet:
    // A write into the array shows through every other view of it.
    elementWrite(Id, Root);
    return resultReadOut(Call, U, Id, Root);
  case OpKind::MapDel:
  case OpKind::MapClear:
    removal(Root);
    return resultReadOut(Call, U, Id, Root);
  case OpKind::SliceGet:
  case OpKind::MapGet:
  case OpKind::MapLookup:
  case OpKind::MapLen:
    return resultReadOut(Call, U, Id, Root);
  case OpKind::SliceMake:
  case OpKind::SliceClone:
  case OpKind::MapMake:
    // A fresh value: nothing else refers to it yet, wherever it goes.
    return;
  case OpKind::SliceAt:
    // A pointer into the array, and whatever is written through it.
    secondRef(Id, Root, /*MayWrite=*/true);
    return;
  case OpKind::MapRangeBegin:
    if (U.K == Use::Assigned && Root)
      W->RangedMaps[U.Target] = Root;
    return rangeRef(Id, Root, U.K == Use::Assigned ? U.Target : nullptr);
  case OpKind::MapRangeNext:
    return rangeRef(Id, Root, Root);
  case OpKind::ArenaReset:
  case OpKind::ArenaFree:
    W->R.MayResetArena = true;
    return;
  default:
    // Views, map references.
    secondRef(Id, Root);
    return;
  }
}

void HazardScreen::resultReadOut(const CallExpr *Call, Use U, unsigned Id,
                                 const VarDecl *Root) {
  // A slice read out of a slice of slices or a map is a second name for
  // the array the container keeps, unless it is used on the spot.
  if (U.K == Use::Assigned && U.Target && U.Target == W->WrittenBack)
    return; // it goes back into the container (writtenBack)
  if (carriesReference(Call->getType()) && U.K != Use::Operand &&
      U.K != Use::Discarded)
    secondRef(Id, Root);
}

const Expr *HazardScreen::containerOf(const CallExpr *Call, OpKind Op) const {
  if (Op == OpKind::MapRangeNext)
    return Call->getNumArgs() ? Call->getArg(0) : nullptr; // &it
  return isMapOp(Op) ? Api.mapOperand(Call) : Api.sliceOperand(Call);
}

const VarDecl *HazardScreen::currentKeyIterator(const Expr *Key) const {
  const auto *ME =
      Key ? dyn_cast<MemberExpr>(Key->IgnoreParenImpCasts()) : nullptr;
  if (!ME || ME->isArrow() ||
      Api.fieldRole(dyn_cast<FieldDecl>(ME->getMemberDecl())) != FieldRole::Key)
    return nullptr;
  return namedVariable(ME->getBase());
}

const VarDecl *HazardScreen::namedVariable(const Expr *E) {
  const auto *DRE =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

const VarDecl *HazardScreen::principal(const Expr *E) const {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO &&
             (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
      E = UO->getSubExpr();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Api.opKind(Call) != OpKind::None)
      E = containerOf(Call, Api.opKind(Call));
    else
      return nullptr;
  }
  return nullptr;
}

bool HazardScreen::isLocalVariable(const Expr *E) {
  const VarDecl *VD = namedVariable(E);
  return VD && VD->hasLocalStorage();
}

bool HazardScreen::isSelfAppend(const Expr *Source, Use U) const {
  if (!isLocalVariable(Source))
    return false;
  if (U.K == Use::Assigned) // s = append(s, ...)
    return U.Target == namedVariable(Source);
  return U.K == Use::Returned; // return append(s, ...): s dies here
}

void HazardScreen::arguments(const CallExpr *Call, OpKind Op, Use U,
                             const Expr *Container, const VarDecl *Root) {
  // The slice or map an op works on (and extend's and copy's source) is a
  // harmless operand; what the op returns is made of it (a view, an
  // append, an element read out).  Anything else handed over (a slice
  // stored into a map or a slice of slices, an out parameter) joins the
  // container's contents.
  const Expr *Source = Op == OpKind::SliceExtend || Op == OpKind::SliceCopy
                           ? Api.sourceSliceOperand(Call)
                           : nullptr;
  bool Fresh = Op == OpKind::SliceMake || Op == OpKind::SliceClone ||
               Op == OpKind::MapMake;
  Use Operand{Use::Operand, nullptr,
              !Fresh && mayPointIntoArray(Call->getType()) ? U.Sink : nullptr};
  Use Stored{Use::Escapes, nullptr, Root};
  for (const Expr *Arg : Call->arguments()) {
    // range_next(&it) moves the iterator the way the range means to.
    if (Op == OpKind::MapRangeNext && Arg == Container)
      if (const auto *UO = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
          UO && UO->getOpcode() == UO_AddrOf && namedVariable(UO->getSubExpr()))
        continue;
    // ApiModel hands back the argument expressions themselves.
    bool IsContainer = Arg == Container || Arg == Source;
    // A write-back's value goes where it was read from (writtenBack).
    bool WrittenBack = Call == W->PutBack && Arg == Api.valueOperand(Call);
    expression(Arg, IsContainer || WrittenBack ? Operand : Stored);
  }
}

void HazardScreen::member(const MemberExpr *ME, Use U) {
  const Expr *Base = ME->getBase();
  // `s.ptr` hands out a pointer into the array.  A member that is itself a
  // slice or map was judged by its own use; `.len`, `.cap` and other
  // scalars copy nothing that refers to the array.
  if (ME->getType()->isPointerType() && !carriesReference(ME->getType()) &&
      carriesReference(Base->getType()))
    secondRef(newEvent(), principal(Base), /*MayWrite=*/true);
  expression(Base, Use{Use::Operand, nullptr,
                       mayPointIntoArray(ME->getType()) ? U.Sink : nullptr});
}

void HazardScreen::assignment(const BinaryOperator *BO) {
  const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
  Use RHSUse;
  if (const VarDecl *Target = namedVariable(LHS)) {
    if (Api.isTracked(Target->getType()))
      W->R.MentionsRuntime = true;
    if (carriesReference(Target->getType()))
      W->MovedIterators.insert(Target);
    RHSUse = assignedTo(Target);
  } else {
    // The place written to (`o.items`, `*ps`); what is written is judged
    // on the right-hand side, and joins what the place belongs to.
    expression(LHS, Use{Use::Operand});
    RHSUse.Sink = principal(LHS);
  }
  expression(BO->getRHS(), RHSUse);
}

bool HazardScreen::mayPointIntoArray(QualType T) {
  if (carriesReference(T))
    return true;
  if (!T->isAnyPointerType() && !T->isArrayType())
    return false;
  // Every runtime call takes the arena; it joins nothing.
  QualType Pointee =
      T->getPointeeOrArrayElementType()->getCanonicalTypeInternal();
  return Api.typeKind(Pointee) != TypeKind::Arena;
}

bool HazardScreen::carriesReference(QualType T) {
  if (T.isNull())
    return false;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  if (isa<BuiltinType>(Ty)) // int, long, double: most expressions
    return false;
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
