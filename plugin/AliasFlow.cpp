//===- AliasFlow.cpp - the flow analysis every check shares ---------------===//
//
// A forward may-analysis over clang::CFG with a hand-written worklist: the
// state maps places to sets of interned abstract values, joins are unions,
// and values are interned per creation site so the lattice is finite.  A
// hand-written worklist (not clang's dataflow framework) keeps the code the
// same on LLVM 14, 19 and 22; see docs/design.md.
//
//===----------------------------------------------------------------------===//
#include "AliasFlow.h"
#include "FlowQueries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/Hashing.h"
#include <deque>

using namespace clang;

namespace sliceguard {

//===--- Place ------------------------------------------------------------===//

bool Place::isPrefixOf(const Place &O) const {
  if (Root != O.Root || Steps.size() > O.Steps.size())
    return false;
  return std::equal(Steps.begin(), Steps.end(), O.Steps.begin());
}

bool Place::isFunctionLocal() const {
  const auto *VD = dyn_cast_or_null<VarDecl>(Root);
  if (!VD || !VD->hasLocalStorage())
    return false;
  return llvm::none_of(
      Steps, [](const PathStep &S) { return S.K == PathStep::Deref; });
}

std::string Place::str() const {
  std::string Out = Root ? Root->getNameAsString() : "?";
  unsigned PendingDerefs = 0;
  for (const PathStep &S : Steps) {
    switch (S.K) {
    case PathStep::Deref:
      ++PendingDerefs;
      break;
    case PathStep::Field:
      // An anonymous struct or union member has no name of its own: its
      // fields read as the parent's (`h->head`, not `h->.head`).
      if (S.F && S.F->isAnonymousStructOrUnion())
        break;
      if (PendingDerefs) {
        --PendingDerefs;
        Out += "->";
      } else {
        Out += ".";
      }
      Out += S.F ? S.F->getNameAsString() : "?";
      break;
    case PathStep::Elem:
      if (PendingDerefs)
        --PendingDerefs;
      Out += "[]";
      break;
    }
  }
  for (; PendingDerefs; --PendingDerefs)
    Out = "*" + Out;
  return Out;
}

//===--- FunctionFlow: values ---------------------------------------------===//

static FunctionFlow::ValueKey keyOf(const Value &V) {
  FunctionFlow::ValueKey K;
  auto Steps = [&](llvm::ArrayRef<PathStep> Path) {
    K.push_back(Path.size());
    for (const PathStep &S : Path) {
      K.push_back(S.K);
      K.push_back(reinterpret_cast<uintptr_t>(S.F));
    }
  };
  K.push_back(V.K);
  K.push_back(reinterpret_cast<uintptr_t>(V.P.Root));
  Steps(V.P.Steps);
  K.push_back(reinterpret_cast<uintptr_t>(V.Site));
  K.push_back(V.Base);
  Steps(V.Steps);
  return K;
}

ValueId FunctionFlow::intern(Value V) {
  ValueKey K = keyOf(V);
  unsigned Hash = llvm::hash_combine_range(K.begin(), K.end());
  llvm::SmallVector<ValueId, 1> &Bucket = Interned[Hash];
  for (ValueId Id : Bucket)
    if (Keys[Id] == K) {
      Values[Id].From.insert(V.From.begin(), V.From.end());
      return Id;
    }
  ValueId Id = Values.size();
  Values.push_back(std::move(V));
  Keys.resize(Values.size());
  Keys[Id] = std::move(K);
  Bucket.push_back(Id);
  return Id;
}

ValueId FunctionFlow::initialOf(const Place &P) {
  Value V;
  V.K = Value::Initial;
  V.P = P;
  return intern(std::move(V));
}

FunctionFlow::FunctionFlow(const FunctionDecl *FD, ASTContext &Ctx,
                           const ApiModel &Api, SummaryCache *Summaries)
    : FD(FD), Ctx(Ctx), Api(Api), Summaries(Summaries) {
  Values.push_back(Value{}); // id 0 is never a real value
  run();
}

FunctionFlow::~FunctionFlow() = default;

/// Looks up P; a place never assigned holds its entry value, a field of an
/// assigned struct holds a projection of the struct's value.
ValueSet FunctionFlow::lookup(const State &S, const Place &P) const {
  auto *Self = const_cast<FunctionFlow *>(this);
  auto It = S.find(P);
  if (It != S.end())
    return It->second;
  for (size_t Len = P.Steps.size(); Len-- > 0;) {
    Place Prefix;
    Prefix.Root = P.Root;
    Prefix.Steps.assign(P.Steps.begin(), P.Steps.begin() + Len);
    auto PIt = S.find(Prefix);
    if (PIt == S.end())
      continue;
    llvm::ArrayRef<PathStep> Suffix =
        llvm::ArrayRef<PathStep>(P.Steps).drop_front(Len);
    ValueSet Out;
    for (ValueId B : PIt->second) {
      const Value &BV = Values[B];
      if (BV.K == Value::Address && Suffix.front().K == PathStep::Deref) {
        Place Target = BV.P;
        Target.Steps.append(Suffix.begin() + 1, Suffix.end());
        ValueSet Sub = lookup(S, Target);
        Out.insert(Sub.begin(), Sub.end());
        continue;
      }
      if (BV.K == Value::Initial) {
        Place Deeper = BV.P;
        Deeper.Steps.append(Suffix.begin(), Suffix.end());
        Out.insert(Self->initialOf(Deeper));
        continue;
      }
      Value Proj;
      Proj.K = Value::Projection;
      Proj.Base = B;
      Proj.Steps.assign(Suffix.begin(), Suffix.end());
      Out.insert(Self->intern(std::move(Proj)));
    }
    return Out;
  }
  return {Self->initialOf(P)};
}

static bool isPlaceExpr(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(DRE->getDecl());
  if (isa<MemberExpr>(E) || isa<ArraySubscriptExpr>(E))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref;
  return false;
}

bool FunctionFlow::resolvePlace(const State &S, const Expr *E,
                                Place &Out) const {
  E = ignoreNoise(E);
  if (!E)
    return false;
  auto *Self = const_cast<FunctionFlow *>(this);
  // *Ptr: the pointed-to place when the flow knows it, else Ptr + deref.
  auto Deref = [&](const Expr *Ptr) -> bool {
    Ptr = ignoreNoise(Ptr);
    ValueSet Vals = Self->eval(S, Ptr);
    const Place *Target = nullptr;
    bool AllAddress = !Vals.empty();
    for (ValueId V : Vals) {
      const Value &Val = Values[V];
      if (Val.K != Value::Address || (Target && *Target != Val.P)) {
        AllAddress = false;
        break;
      }
      Target = &Val.P;
    }
    if (AllAddress && Target) {
      Out = *Target;
      return true;
    }
    if (!resolvePlace(S, Ptr, Out))
      return false;
    Out.Steps.push_back({PathStep::Deref, nullptr});
    return true;
  };

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    Out = Place();
    Out.Root = VD;
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FDecl = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FDecl)
      return false;
    bool Ok = ME->isArrow() ? Deref(ME->getBase())
                            : resolvePlace(S, ME->getBase(), Out);
    if (!Ok)
      return false;
    Out.Steps.push_back({PathStep::Field, FDecl});
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref)
      return false;
    return Deref(UO->getSubExpr());
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = ASE->getBase()->IgnoreParens();
    bool Ok = false;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Base);
        ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
      Ok = resolvePlace(S, ICE->getSubExpr(), Out);
    else
      Ok = Deref(Base);
    if (!Ok)
      return false;
    Out.Steps.push_back({PathStep::Elem, nullptr});
    return true;
  }
  return false;
}

/// Ops whose result shares memory with their operand; derivesFrom follows
/// only these.
static bool resultAliasesOperand(OpKind Op) {
  return isSliceGrowOp(Op) || isSliceViewOp(Op) || Op == OpKind::SliceAt ||
         Op == OpKind::MapRef;
}

ValueSet FunctionFlow::eval(const State &S, const Expr *E) {
  E = ignoreNoise(E);
  if (!E)
    return {};
  if (isPlaceExpr(E)) {
    Place P;
    if (resolvePlace(S, E, P))
      return lookup(S, P);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf) {
      Place P;
      if (resolvePlace(S, UO->getSubExpr(), P)) {
        Value V;
        V.K = Value::Address;
        V.P = P;
        return {intern(std::move(V))};
      }
    }
    if (UO->isIncrementDecrementOp() && UO->getType()->isPointerType())
      return eval(S, UO->getSubExpr());
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
      return eval(S, BO->getRHS());
    // Pointer arithmetic stays within the same array.
    if (BO->getType()->isPointerType() && BO->isAdditiveOp()) {
      if (BO->getLHS()->getType()->isPointerType())
        return eval(S, BO->getLHS());
      return eval(S, BO->getRHS());
    }
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    ValueSet A = eval(S, CO->getTrueExpr());
    ValueSet B = eval(S, CO->getFalseExpr());
    A.insert(B.begin(), B.end());
    return A;
  }
  if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(E)) {
    ValueSet A = eval(S, BCO->getCommon());
    ValueSet B = eval(S, BCO->getFalseExpr());
    A.insert(B.begin(), B.end());
    return A;
  }
  if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    if (const auto *CS = SE->getSubStmt(); CS && !CS->body_empty())
      if (const auto *Last = dyn_cast<Expr>(CS->body_back()))
        return eval(S, Last);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    OpKind Op = Api.opKind(Call);
    if (Op != OpKind::None) {
      Value V;
      V.K = Value::Made;
      V.Site = Call;
      V.Op = Op;
      const Expr *Operand =
          isMapOp(Op) ? Api.mapOperand(Call) : Api.sliceOperand(Call);
      if (Operand)
        V.From = eval(S, Operand);
      ValueId Id = intern(std::move(V));
      MadeValues[Call] = Id;
      return {Id};
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionSummary *Sum =
        Summaries && Callee ? Summaries->get(Callee) : nullptr;
    // A getter yields what the place it reads holds in the caller.
    if (Place P; Sum && Sum->HasReturnsPlace &&
                 callerPlace(S, Call, Sum->ReturnsPlace, P))
      return lookup(S, P);
    if (Sum && !Sum->ReturnsViewOf.empty()) {
      Value V;
      V.K = Value::Made;
      V.Site = Call;
      V.Callee = Callee;
      for (unsigned I : Sum->ReturnsViewOf)
        if (I < Call->getNumArgs()) {
          ValueSet A = eval(S, Call->getArg(I));
          V.From.insert(A.begin(), A.end());
        }
      ValueId Id = intern(std::move(V));
      MadeValues[Call] = Id;
      return {Id};
    }
  }
  Value V;
  V.K = Value::Fresh;
  V.Site = E;
  return {intern(std::move(V))};
}

bool FunctionFlow::madeBy(const CallExpr *Call, ValueId &Out) const {
  auto It = MadeValues.find(Call);
  if (It == MadeValues.end())
    return false;
  Out = It->second;
  return true;
}

bool FunctionFlow::derivesFrom(ValueId V, const ValueSet &Roots) const {
  llvm::SmallVector<ValueId, 8> Work{V};
  std::set<ValueId> Seen;
  while (!Work.empty()) {
    ValueId Cur = Work.pop_back_val();
    if (!Seen.insert(Cur).second)
      continue;
    if (Roots.count(Cur))
      return true;
    const Value &Val = Values[Cur];
    if (Val.K == Value::Made && (Val.Callee || resultAliasesOperand(Val.Op)))
      Work.append(Val.From.begin(), Val.From.end());
    if (Val.K == Value::Projection)
      Work.push_back(Val.Base);
  }
  return false;
}

bool FunctionFlow::anyDerivesFrom(const ValueSet &A, const ValueSet &B) const {
  return llvm::any_of(A, [&](ValueId V) { return derivesFrom(V, B); });
}

bool FunctionFlow::intersects(const ValueSet &A, const ValueSet &B) {
  return llvm::any_of(A, [&](ValueId V) { return B.count(V) != 0; });
}

//===--- FunctionFlow: transfer -------------------------------------------===//

void FunctionFlow::assign(State &S, const Place &P, ValueSet V) {
  for (auto It = S.begin(); It != S.end();) {
    if (It->first != P && P.isPrefixOf(It->first))
      It = S.erase(It);
    else
      ++It;
  }
  S[P] = std::move(V);
}

/// Struct copies carry the tracked fields known for the source along.
static void copyExtensions(FunctionFlow::State &S, const Place &From,
                           const Place &To) {
  std::vector<std::pair<Place, ValueSet>> Copies;
  for (const auto &Entry : S)
    if (Entry.first != From && From.isPrefixOf(Entry.first)) {
      Place Dst = To;
      Dst.Steps.append(Entry.first.Steps.begin() + From.Steps.size(),
                       Entry.first.Steps.end());
      Copies.emplace_back(std::move(Dst), Entry.second);
    }
  for (auto &C : Copies)
    S[C.first] = std::move(C.second);
}

bool FunctionFlow::callerPlace(const State &S, const CallExpr *Call,
                               const ParamEffect &E, Place &Out) {
  if (E.Param >= Call->getNumArgs())
    return false;
  const Expr *Arg = Call->getArg(E.Param);
  llvm::ArrayRef<PathStep> Steps = E.Steps;
  if (!Steps.empty() && Steps.front().K == PathStep::Deref) {
    const Expr *A = ignoreNoise(Arg);
    if (const auto *UO = dyn_cast<UnaryOperator>(A);
        UO && UO->getOpcode() == UO_AddrOf) {
      if (!resolvePlace(S, UO->getSubExpr(), Out))
        return false;
    } else {
      Place Ptr;
      if (!resolvePlace(S, A, Ptr))
        return false;
      ValueSet Vals = eval(S, A);
      if (Vals.size() == 1 && Values[*Vals.begin()].K == Value::Address) {
        Out = Values[*Vals.begin()].P;
      } else {
        Out = Ptr;
        Out.Steps.push_back({PathStep::Deref, nullptr});
      }
    }
    Steps = Steps.drop_front();
  } else if (!resolvePlace(S, Arg, Out)) {
    return false;
  }
  Out.Steps.append(Steps.begin(), Steps.end());
  return true;
}

void FunctionFlow::applySummary(State &S, const CallExpr *Call, bool Record) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionSummary *Sum =
      Summaries && Callee ? Summaries->get(Callee) : nullptr;
  if (!Sum)
    return;
  auto Emit = [&](OpKind Op, const ParamEffect &E) {
    Place P;
    if (!callerPlace(S, Call, E, P))
      return;
    ValueSet Old = lookup(S, P);
    bool ThroughPointer =
        !E.Steps.empty() && E.Steps.front().K == PathStep::Deref;
    if (Record) {
      OpEvent Ev;
      Ev.Op = Op;
      Ev.Call = Call;
      Ev.Callee = Callee;
      Ev.CalleeSite = E.Site;
      Ev.CalleeSiteFn = E.SiteFn;
      Ev.CalleeSiteLoc = E.SiteLoc;
      Ev.CalleeSiteFnName = E.SiteFnName;
      Ev.Operand = Old;
      Ev.HasPlace = true;
      Ev.OperandPlace = P;
      Ev.ReplacesPlace = isSliceGrowOp(Op) && ThroughPointer;
      if (E.KeyParam >= 0 &&
          static_cast<unsigned>(E.KeyParam) < Call->getNumArgs()) {
        ParamEffect KeyAt;
        KeyAt.Param = E.KeyParam;
        KeyAt.Steps.assign(E.KeySteps.begin(), E.KeySteps.end());
        Place KeyPlace;
        if (E.KeySteps.empty()) {
          Ev.Key = Call->getArg(E.KeyParam);
        } else if (callerPlace(S, Call, KeyAt, KeyPlace)) {
          Ev.HasKeyValues = true;
          Ev.KeyValues = lookup(S, KeyPlace);
        }
      }
      Events.push_back(std::move(Ev));
    }
    // An append through a pointer replaces the caller's slice.
    if (isSliceGrowOp(Op) && ThroughPointer) {
      Value V;
      V.K = Value::Made;
      V.Site = Call;
      V.Op = Op;
      V.Callee = Callee;
      V.P = P;
      V.From = Old;
      ValueId Id = intern(std::move(V));
      assign(S, P, {Id});
    }
  };
  for (const ParamEffect &E : Sum->MapInserts)
    Emit(OpKind::MapPut, E);
  for (const ParamEffect &E : Sum->MapDeletes)
    Emit(OpKind::MapDel, E);
  for (const ParamEffect &E : Sum->SliceAppends)
    Emit(OpKind::SliceAppend, E);
}

void FunctionFlow::transfer(State &S, const Stmt *Elem, bool Record) {
  if (const auto *BO = dyn_cast<BinaryOperator>(Elem)) {
    if (BO->getOpcode() != BO_Assign)
      return;
    Place P;
    if (!resolvePlace(S, BO->getLHS(), P))
      return;
    ValueSet V = eval(S, BO->getRHS());
    Place From;
    bool StructCopy = BO->getType()->isRecordType() &&
                      isPlaceExpr(ignoreNoise(BO->getRHS())) &&
                      resolvePlace(S, BO->getRHS(), From);
    assign(S, P, std::move(V));
    if (StructCopy)
      copyExtensions(S, From, P);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(Elem)) {
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->hasLocalStorage())
        continue;
      Place P;
      P.Root = VD;
      const Expr *Init = VD->getInit();
      if (!Init) {
        Value V;
        V.K = Value::Fresh;
        V.P = P;
        assign(S, P, {intern(std::move(V))});
        continue;
      }
      ValueSet V = eval(S, Init);
      Place From;
      bool StructCopy = VD->getType()->isRecordType() &&
                        isPlaceExpr(ignoreNoise(Init)) &&
                        resolvePlace(S, Init, From);
      assign(S, P, std::move(V));
      if (StructCopy)
        copyExtensions(S, From, P);
    }
    return;
  }
  const auto *Call = dyn_cast<CallExpr>(Elem);
  if (!Call)
    return;
  OpKind Op = Api.opKind(Call);
  if (Op == OpKind::None) {
    if (applyLibraryEffects(S, Call, Record))
      return;
    applySummary(S, Call, Record);
    // Unknown callees may overwrite what they get the address of.
    const FunctionDecl *Callee = Call->getDirectCallee();
    bool Summarised = Summaries && Callee && Summaries->get(Callee);
    if (!Summarised)
      for (const Expr *Arg : Call->arguments()) {
        const auto *UO = dyn_cast<UnaryOperator>(ignoreNoise(Arg));
        Place P;
        if (!UO || UO->getOpcode() != UO_AddrOf ||
            !resolvePlace(S, UO->getSubExpr(), P))
          continue;
        ValueSet V = lookup(S, P);
        Value Unknown;
        Unknown.K = Value::Fresh;
        Unknown.Site = Call;
        Unknown.P = P;
        V.insert(intern(std::move(Unknown)));
        assign(S, P, std::move(V));
      }
    return;
  }
  const Expr *Operand =
      isMapOp(Op) ? Api.mapOperand(Call) : Api.sliceOperand(Call);
  ValueSet OperandVals = Operand ? eval(S, Operand) : ValueSet();
  if (Record) {
    OpEvent Ev;
    Ev.Op = Op;
    Ev.Call = Call;
    Ev.Operand = OperandVals;
    Ev.HasPlace = Operand && resolvePlace(S, Operand, Ev.OperandPlace);
    Ev.Key = Api.keyOperand(Call);
    Events.push_back(std::move(Ev));
  }
  // GLib's g_hash_table_iter_init(&it, t) begins a range through the
  // iterator's address: `it` holds the range from here on.
  if (const Expr *ItArg = Api.iteratorOutOperand(Call)) {
    const auto *UO = dyn_cast<UnaryOperator>(ignoreNoise(ItArg));
    Place P;
    if (UO && UO->getOpcode() == UO_AddrOf &&
        resolvePlace(S, UO->getSubExpr(), P))
      assign(S, P, eval(S, Call));
  }
  // x, ok := m[k]: lookup writes its out parameter.
  if (Op == OpKind::MapLookup) {
    int MapIdx = Api.mapOperandIndex(Call);
    if (MapIdx >= 0 && static_cast<unsigned>(MapIdx + 2) < Call->getNumArgs())
      if (const auto *UO =
              dyn_cast<UnaryOperator>(ignoreNoise(Call->getArg(MapIdx + 2)));
          UO && UO->getOpcode() == UO_AddrOf) {
        Place P;
        if (resolvePlace(S, UO->getSubExpr(), P)) {
          ValueSet V = eval(S, Call); // the Made value of the lookup
          assign(S, P, std::move(V));
        }
      }
  }
}

//===--- FunctionFlow: the fixpoint ---------------------------------------===//

static bool joinInto(
    FunctionFlow::State &Into, const FunctionFlow::State &From,
    llvm::function_ref<ValueSet(const FunctionFlow::State &, const Place &)>
        Lookup) {
  bool Changed = false;
  for (const auto &Entry : From) {
    auto It = Into.find(Entry.first);
    if (It == Into.end()) {
      ValueSet V = Lookup(Into, Entry.first);
      V.insert(Entry.second.begin(), Entry.second.end());
      Into[Entry.first] = std::move(V);
      Changed = true;
      continue;
    }
    size_t Before = It->second.size();
    It->second.insert(Entry.second.begin(), Entry.second.end());
    Changed |= It->second.size() != Before;
  }
  for (auto &Entry : Into) {
    if (From.count(Entry.first))
      continue;
    ValueSet V = Lookup(From, Entry.first);
    size_t Before = Entry.second.size();
    Entry.second.insert(V.begin(), V.end());
    Changed |= Entry.second.size() != Before;
  }
  return Changed;
}

void FunctionFlow::run() {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return;
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  Cfg = CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Opts);
  if (!Cfg)
    return;
  // Over the budget: skipped (the driver says so), never guessed at.
  unsigned MaxBlocks = Summaries ? Summaries->maxCfgBlocks() : 0;
  if (MaxBlocks && Cfg->getNumBlockIDs() > MaxBlocks) {
    TooLarge = true;
    return;
  }
  unsigned Elements = 0;
  for (const CFGBlock *B : *Cfg)
    Elements += B->size();
  Points.reserve(Elements);
  for (const CFGBlock *B : *Cfg)
    for (unsigned I = 0; I < B->size(); ++I)
      if (auto CS = (*B)[I].getAs<CFGStmt>())
        Points.try_emplace(CS->getStmt(), ProgramPoint{B, I});
  PM = std::make_unique<ParentIndex>(Body, Elements);

  unsigned N = Cfg->getNumBlockIDs();
  BlockEntry.assign(N, State());
  std::vector<bool> Reached(N, false);
  std::vector<std::vector<OpEvent>> BlockEvents(N);
  std::vector<bool> Queued(N, false); ///< in Work (a linear find was O(n))
  std::deque<const CFGBlock *> Work;
  const CFGBlock *Entry = &Cfg->getEntry();
  Reached[Entry->getBlockID()] = Queued[Entry->getBlockID()] = true;
  Work.push_back(Entry);
  auto Lookup = [this](const State &S, const Place &P) { return lookup(S, P); };
  unsigned Budget = 64 * N + 256;
  while (!Work.empty()) {
    if (Budget-- == 0)
      return; // not converged: checks skip this function
    const CFGBlock *B = Work.front();
    Work.pop_front();
    Queued[B->getBlockID()] = false;
    State S = BlockEntry[B->getBlockID()];
    // A block's last visit starts from its final entry state (a change
    // would have queued it again), so the events of the last visit are
    // the ones to keep: no second pass to record them.
    Events.clear();
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>())
        transfer(S, CS->getStmt(), /*Record=*/true);
    BlockEvents[B->getBlockID()] = std::move(Events);
    bool Refines = refinesBranch(B);
    unsigned SuccIndex = 0;
    for (const CFGBlock *Succ : B->succs()) {
      unsigned Index = SuccIndex++;
      if (!Succ)
        continue;
      State Refined;
      if (Refines) {
        Refined = S;
        refineEdge(Refined, B, Index);
      }
      const State &Out = Refines ? Refined : S;
      unsigned Id = Succ->getBlockID();
      bool Changed;
      if (!Reached[Id]) {
        Reached[Id] = true;
        BlockEntry[Id] = Out;
        Changed = true;
      } else {
        Changed = joinInto(BlockEntry[Id], Out, Lookup);
      }
      if (Changed && !Queued[Id]) {
        Queued[Id] = true;
        Work.push_back(Succ);
      }
    }
  }
  Converged = true;

  // Clang numbers blocks from the exit up, so the highest number comes
  // first in the text: gathered that way, the events are usually in order
  // already, and checking that is cheaper than sorting.
  Events.clear();
  for (unsigned Id = N; Id-- > 0;)
    for (OpEvent &Ev : BlockEvents[Id])
      Events.push_back(std::move(Ev));
  const SourceManager &SM = Ctx.getSourceManager();
  auto InTextOrder = [&](const OpEvent &A, const OpEvent &B) {
    return SM.isBeforeInTranslationUnit(A.Call->getBeginLoc(),
                                        B.Call->getBeginLoc());
  };
  if (!std::is_sorted(Events.begin(), Events.end(), InTextOrder))
    std::stable_sort(Events.begin(), Events.end(), InTextOrder);
}

//===--- ParentIndex ------------------------------------------------------===//

ParentIndex::ParentIndex(const Stmt *Body, unsigned ExpectedStatements) {
  // Parentheses, casts and statements come on top of the CFG's elements.
  Parents.reserve(ExpectedStatements * 2);
  for (const Stmt *Child : Body->children())
    if (Child)
      add(Body, Child, /*Opaque=*/false);
}

void ParentIndex::add(const Stmt *Parent, const Stmt *S, bool Opaque) {
  Parents[S] = Parent;
  // As clang::ParentMap does: in `a ?: b` the condition and the true arm
  // use opaque copies of the common operand, whose parent stays the
  // operator.
  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(S)) {
    const Expr *Source = OVE->getSourceExpr();
    if (Source && (!Opaque || !getParent(Source)))
      add(S, Source, /*Opaque=*/false);
    return;
  }
  if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(S)) {
    add(S, BCO->getCommon(), /*Opaque=*/false);
    add(S, BCO->getCond(), /*Opaque=*/true);
    add(S, BCO->getTrueExpr(), /*Opaque=*/true);
    add(S, BCO->getFalseExpr(), /*Opaque=*/false);
    return;
  }
  for (const Stmt *Child : S->children())
    if (Child)
      add(S, Child, Opaque);
}

//===--- FunctionFlow: queries --------------------------------------------===//

ProgramPoint FunctionFlow::pointOf(const Stmt *S) const {
  while (S) {
    auto It = Points.find(S);
    if (It != Points.end())
      return It->second;
    S = PM ? PM->getParent(S) : nullptr;
  }
  return {};
}

const Stmt *FunctionFlow::stmtAt(ProgramPoint P) const {
  if (!P || P.Index >= P.Block->size())
    return nullptr;
  if (auto CS = (*P.Block)[P.Index].getAs<CFGStmt>())
    return CS->getStmt();
  return nullptr;
}

const FunctionFlow::State &FunctionFlow::stateBefore(const Stmt *At) const {
  static const State Nothing;
  ProgramPoint P = pointOf(At);
  if (!P)
    return Nothing;
  // The checks ask in CFG order while walking forward: advance the cached
  // state within its block instead of copying or replaying it.  Going
  // back, or to another block, resumes from the nearest snapshot.
  if (CachedBlock != P.Block || CachedIndex > P.Index) {
    CachedBlock = P.Block;
    CachedIndex = 0;
    auto It = Snapshots.find(P.Block);
    unsigned Taken = It == Snapshots.end() ? 0 : It->second.size();
    unsigned Nearest = std::min(Taken, P.Index / SnapshotStride);
    if (Nearest) {
      CachedIndex = Nearest * SnapshotStride;
      CachedState = It->second[Nearest - 1];
    } else {
      CachedState = BlockEntry[P.Block->getBlockID()];
    }
  }
  auto *Self = const_cast<FunctionFlow *>(this);
  for (; CachedIndex < P.Index; ++CachedIndex) {
    if (CachedIndex && CachedIndex % SnapshotStride == 0) {
      std::vector<State> &Taken = Snapshots[P.Block];
      if (Taken.size() == CachedIndex / SnapshotStride - 1)
        Taken.push_back(CachedState);
    }
    ++ReplaySteps;
    if (auto CS = (*P.Block)[CachedIndex].getAs<CFGStmt>())
      Self->transfer(CachedState, CS->getStmt(), /*Record=*/false);
  }
  return CachedState;
}

ValueSet FunctionFlow::valuesOf(const Expr *E, const Stmt *At) const {
  const State &S = stateBefore(At);
  return const_cast<FunctionFlow *>(this)->eval(S, E);
}

/// True if E names a place without going through a pointer (`s`,
/// `o.items`, `a[i]` of an array variable): its place is the same at every
/// point of the function, whatever the state.
static bool placeIsFixed(const Expr *E) {
  E = ignoreNoise(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return isa<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    return !ME->isArrow() && isa<FieldDecl>(ME->getMemberDecl()) &&
           placeIsFixed(ME->getBase());
  if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(E)) {
    const auto *ICE =
        dyn_cast<ImplicitCastExpr>(ASE->getBase()->IgnoreParens());
    return ICE && ICE->getCastKind() == CK_ArrayToPointerDecay &&
           placeIsFixed(ICE->getSubExpr());
  }
  return false;
}

bool FunctionFlow::placeOf(const Expr *E, const Stmt *At, Place &Out) const {
  // Replaying the block to At is the costly part of a query; a place that
  // involves no pointer does not need it.
  if (placeIsFixed(E))
    return resolvePlace(State(), E, Out);
  const State &S = stateBefore(At);
  return resolvePlace(S, E, Out);
}

ValueSet FunctionFlow::valuesOfPlace(const Place &P, const Stmt *At) const {
  return lookup(stateBefore(At), P);
}

void FunctionFlow::walkForward(
    ProgramPoint From, llvm::function_ref<Walk(const Stmt *)> Visit) const {
  if (From)
    queries().walk(From, Visit);
}

FlowQueries &FunctionFlow::queries() const {
  if (!Queries)
    Queries = std::make_unique<FlowQueries>(*this);
  return *Queries;
}

bool FunctionFlow::reaches(const Stmt *From, const Stmt *To) const {
  ProgramPoint A = pointOf(From), B = pointOf(To);
  return A && B && queries().reaches(A, B);
}

uint64_t FunctionFlow::queryWork() const {
  return ReplaySteps + (Queries ? Queries->steps() : 0);
}

const Stmt *FunctionFlow::parentOf(const Stmt *S) const {
  if (!PM)
    return nullptr;
  const Stmt *P = PM->getParent(S);
  while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)))
    P = PM->getParent(P);
  return P;
}

/// Places in S's assignments and reads do not need the flow unless they go
/// through a pointer; the syntactic form is cheap.
static bool needsFlow(const Expr *E) {
  E = ignoreNoise(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->isArrow() || needsFlow(ME->getBase());
  if (isa<UnaryOperator>(E) || isa<ArraySubscriptExpr>(E))
    return true;
  return false;
}

bool FunctionFlow::overwrites(const Stmt *S, const Place &P) const {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return llvm::any_of(DS->decls(),
                        [&](const Decl *D) { return D == P.Root; });
  auto Covers = [&](const Expr *LHS) {
    Place Q;
    bool Ok =
        needsFlow(LHS) ? placeOf(LHS, S, Q) : resolvePlace(State(), LHS, Q);
    return Ok && Q.isPrefixOf(P);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOpcode() == BO_Assign && Covers(BO->getLHS());
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (Api.opKind(Call) != OpKind::MapLookup)
      return false;
    int MapIdx = Api.mapOperandIndex(Call);
    if (MapIdx < 0 || static_cast<unsigned>(MapIdx + 2) >= Call->getNumArgs())
      return false;
    const auto *UO =
        dyn_cast<UnaryOperator>(ignoreNoise(Call->getArg(MapIdx + 2)));
    return UO && UO->getOpcode() == UO_AddrOf && Covers(UO->getSubExpr());
  }
  return false;
}

bool FunctionFlow::reads(const Stmt *S, const Place &P) const {
  const auto *E = dyn_cast<Expr>(S);
  if (!E || !isPlaceExpr(E))
    return false;
  // Only the outermost lvalue of a path counts: `s` in `s.len` is not a
  // read of its own.
  const Stmt *Parent = parentOf(E);
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Parent);
      ME && ignoreNoise(ME->getBase()) == E)
    return false;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent);
      UO && UO->getOpcode() == UO_Deref)
    return false;
  if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(Parent);
      ASE && ignoreNoise(ASE->getBase()) == E)
    return false;
  Place Q;
  bool Ok = needsFlow(E) ? placeOf(E, S, Q) : resolvePlace(State(), E, Q);
  if (!Ok || !(Q.isPrefixOf(P) || P.isPrefixOf(Q)))
    return false;
  // The target of a plain assignment that overwrites P is not a read.
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent);
      BO && BO->getOpcode() == BO_Assign && ignoreNoise(BO->getLHS()) == E &&
      Q.isPrefixOf(P))
    return false;
  return true;
}

const Stmt *FunctionFlow::nextRead(ProgramPoint From, const Place &P) const {
  if (!From)
    return nullptr;
  auto Classify = [&](const Stmt *S) {
    return (reads(S, P) ? FlowQueries::Hit : 0) |
           (overwrites(S, P) ? FlowQueries::Kill : 0);
  };
  return queries()
      .firstHit(From, P, FlowQueries::Kind::Reads, Classify,
                [](const Stmt *) { return true; })
      .S;
}

static const VarDecl *iteratorOfNext(const ApiModel &Api, const Stmt *Cond,
                                     const CallExpr *&NextCall) {
  if (!Cond)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(Cond);
      Call && Api.opKind(Call) == OpKind::MapRangeNext) {
    for (const Expr *Arg : Call->arguments()) {
      const Expr *A = ignoreNoise(Arg);
      if (const auto *UO = dyn_cast<UnaryOperator>(A);
          UO && UO->getOpcode() == UO_AddrOf)
        A = ignoreNoise(UO->getSubExpr());
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
          NextCall = Call;
          return VD;
        }
    }
  }
  for (const Stmt *Child : Cond->children())
    if (const VarDecl *VD = iteratorOfNext(Api, Child, NextCall))
      return VD;
  return nullptr;
}

/// `for (;;) { if (!range_next(&it)) break; ... }`: the loop's real
/// condition is the first statement of its body.
static const Stmt *leadingBreakCondition(const Stmt *Body) {
  const auto *CS = dyn_cast_or_null<CompoundStmt>(Body);
  if (!CS || CS->body_empty())
    return nullptr;
  const auto *If = dyn_cast<IfStmt>(CS->body_front());
  if (!If || If->getElse() || !If->getCond())
    return nullptr;
  const Stmt *Then = If->getThen();
  if (const auto *Block = dyn_cast<CompoundStmt>(Then))
    Then = Block->size() == 1 ? Block->body_front() : nullptr;
  if (!Then || !isa<BreakStmt>(Then))
    return nullptr;
  return If->getCond();
}

llvm::SmallVector<FunctionFlow::RangeLoop, 2>
FunctionFlow::enclosingRanges(const Stmt *S) const {
  llvm::SmallVector<RangeLoop, 2> Out;
  if (!PM)
    return Out;
  const Stmt *Child = S;
  for (const Stmt *P = PM->getParent(S); P; Child = P, P = PM->getParent(P)) {
    const Stmt *Cond = nullptr, *Body = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(P)) {
      Cond = For->getCond();
      Body = For->getBody();
    } else if (const auto *While = dyn_cast<WhileStmt>(P)) {
      Cond = While->getCond();
      Body = While->getBody();
    } else if (const auto *Do = dyn_cast<DoStmt>(P)) {
      Cond = Do->getCond();
      Body = Do->getBody();
    }
    if (!Body || Child != Body)
      continue;
    const CallExpr *Next = nullptr;
    const VarDecl *Iter = iteratorOfNext(Api, Cond, Next);
    if (!Iter)
      Iter = iteratorOfNext(Api, leadingBreakCondition(Body), Next);
    if (!Iter)
      continue;
    Place IterPlace;
    IterPlace.Root = Iter;
    for (ValueId V : valuesOfPlace(IterPlace, Next)) {
      const Value &Val = Values[V];
      if (Val.K == Value::Made && Val.Op == OpKind::MapRangeBegin) {
        Out.push_back({P, cast<CallExpr>(Val.Site), Next, Iter});
        break;
      }
    }
  }
  return Out;
}

bool FunctionFlow::isCurrentKey(const Expr *Key, const Stmt *At,
                                const CallExpr *Begin) const {
  ValueId BeginVal;
  if (!Key || !madeBy(Begin, BeginVal))
    return false;
  ValueSet Vals = valuesOf(Key, At);
  if (Vals.empty())
    return false;
  return llvm::all_of(Vals, [&](ValueId V) {
    const Value &Val = Values[V];
    return Val.K == Value::Projection && Val.Base == BeginVal &&
           Val.Steps.size() == 1 && Val.Steps[0].K == PathStep::Field &&
           Api.fieldRole(Val.Steps[0].F) == FieldRole::Key;
  });
}

bool FunctionFlow::isCurrentKey(const OpEvent &Ev,
                                const CallExpr *Begin) const {
  if (!Ev.HasKeyValues)
    return isCurrentKey(Ev.Key, Ev.Call, Begin);
  ValueId BeginVal;
  if (Ev.KeyValues.empty() || !madeBy(Begin, BeginVal))
    return false;
  return llvm::all_of(Ev.KeyValues, [&](ValueId V) {
    const Value &Val = Values[V];
    return Val.K == Value::Projection && Val.Base == BeginVal &&
           Val.Steps.size() == 1 && Val.Steps[0].K == PathStep::Field &&
           Api.fieldRole(Val.Steps[0].F) == FieldRole::Key;
  });
}

bool FunctionFlow::isMapValueCopy(ValueId V, ValueSet *MapVals,
                                  const Expr **Origin) const {
  const Value &Val = Values[V];
  if (Val.K == Value::Made &&
      (Val.Op == OpKind::MapGet || Val.Op == OpKind::MapLookup)) {
    if (MapVals)
      *MapVals = Val.From;
    if (Origin)
      *Origin = cast<Expr>(Val.Site);
    return true;
  }
  if (Val.K == Value::Projection) {
    const Value &Base = Values[Val.Base];
    if (Base.K == Value::Made && Base.Op == OpKind::MapRangeBegin &&
        Val.Steps.front().K == PathStep::Field &&
        Api.fieldRole(Val.Steps.front().F) == FieldRole::Val) {
      if (MapVals)
        *MapVals = Base.From;
      if (Origin)
        *Origin = cast<Expr>(Base.Site);
      return true;
    }
    return isMapValueCopy(Val.Base, MapVals, Origin);
  }
  if (Val.K == Value::Initial && !Val.P.Steps.empty() &&
      Val.P.Steps.front().K == PathStep::Field &&
      Api.typeKind(Val.P.Root->getType()) == TypeKind::MapIter &&
      Api.fieldRole(Val.P.Steps.front().F) == FieldRole::Val) {
    if (MapVals)
      MapVals->clear();
    if (Origin)
      *Origin = nullptr;
    return true;
  }
  return false;
}

//===--- summaries --------------------------------------------------------===//

static int paramIndex(const FunctionDecl *FD, const ValueDecl *D) {
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (FD->getParamDecl(I) == D)
      return I;
  return -1;
}

/// A getter of a tracked value: every return statement yields exactly the
/// entry value of one place reached from a parameter (`return r->hdrs;`).
static void findReturnedPlace(const FunctionFlow &Flow, const FunctionDecl *Def,
                              FunctionSummary &Sum) {
  if (!Flow.api().isTracked(Def->getReturnType()))
    return;
  bool Found = false;
  Place Returned;
  for (const CFGBlock *B : Flow.cfg())
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      const auto *Ret = CS ? dyn_cast<ReturnStmt>(CS->getStmt()) : nullptr;
      if (!Ret)
        continue;
      if (!Ret->getRetValue())
        return;
      ValueSet Vals = Flow.valuesOf(Ret->getRetValue(), Ret);
      if (Vals.size() != 1)
        return;
      const Value &V = Flow.value(*Vals.begin());
      if (V.K != Value::Initial || paramIndex(Def, V.P.Root) < 0 ||
          (Found && V.P != Returned))
        return;
      Returned = V.P;
      Found = true;
    }
  if (!Found)
    return;
  Sum.HasReturnsPlace = true;
  Sum.ReturnsPlace.Param = paramIndex(Def, Returned.Root);
  Sum.ReturnsPlace.Steps = Returned.Steps;
}

const FunctionSummary *SummaryCache::get(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (FD && !FD->hasBody(Def) && Store && Api.opKind(FD) == OpKind::None)
    return fromStore(FD);
  if (!FD || !FD->hasBody(Def) || !Def || Api.opKind(FD) != OpKind::None ||
      (Scope && !Scope(Def)))
    return nullptr;
  auto It = Done.find(Def);
  if (It != Done.end())
    return It->second.get();
  if (!InProgress.insert(Def).second)
    return nullptr; // recursion: no summary for the cycle
  if (Ctx.getSourceManager().isInSystemHeader(Def->getLocation())) {
    InProgress.erase(Def);
    Done[Def] = nullptr;
    return nullptr;
  }
  auto Sum = std::make_unique<FunctionSummary>();
  FunctionFlow Flow(Def, Ctx, Api, this);
  if (Flow.valid()) {
    auto ParamEffects = [&](const OpEvent &Ev, std::vector<ParamEffect> &Into) {
      for (ValueId V : Ev.Operand) {
        const Value &Val = Flow.value(V);
        if (Val.K != Value::Initial)
          continue;
        int Idx = paramIndex(Def, Val.P.Root);
        if (Idx < 0)
          continue;
        ParamEffect E;
        E.Param = Idx;
        E.Steps = Val.P.Steps;
        E.Site = Ev.CalleeSite ? Ev.CalleeSite : Ev.Call;
        E.SiteFn = Ev.CalleeSite ? Ev.CalleeSiteFn : Def;
        // An inner callee from another TU has a location and a name only.
        E.SiteLoc = Ev.CalleeSiteLoc.isValid() ? Ev.CalleeSiteLoc
                                               : E.Site->getBeginLoc();
        E.SiteFnName = Ev.CalleeSiteLoc.isValid() ? Ev.CalleeSiteFnName.str()
                                                  : E.SiteFn->getNameAsString();
        if (!Ev.CalleeSite && Ev.CalleeSiteLoc.isValid()) {
          E.Site = nullptr;
          E.SiteFn = nullptr;
        }
        if (Ev.Key || Ev.HasKeyValues) {
          ValueSet K = Ev.Key ? Flow.valuesOf(Ev.Key, Ev.Call) : Ev.KeyValues;
          if (K.size() == 1 && Flow.value(*K.begin()).K == Value::Initial) {
            const Place &KP = Flow.value(*K.begin()).P;
            E.KeyParam = paramIndex(Def, KP.Root);
            if (E.KeyParam >= 0)
              E.KeySteps.assign(KP.Steps.begin(), KP.Steps.end());
          }
        }
        // One effect per parameter path and key: a helper that calls
        // another helper several times would otherwise pass every copy up
        // the call chain, and the count grows exponentially with its depth.
        bool Seen = llvm::any_of(Into, [&](const ParamEffect &Old) {
          return Old.Param == E.Param && Old.Steps == E.Steps &&
                 Old.KeyParam == E.KeyParam && Old.KeySteps == E.KeySteps;
        });
        if (!Seen)
          Into.push_back(std::move(E));
      }
    };
    for (const OpEvent &Ev : Flow.events()) {
      if (Ev.Op == OpKind::MapPut)
        ParamEffects(Ev, Sum->MapInserts);
      else if (Ev.Op == OpKind::MapDel)
        ParamEffects(Ev, Sum->MapDeletes);
      else if (isSliceGrowOp(Ev.Op))
        ParamEffects(Ev, Sum->SliceAppends);
    }
    findReturnedPlace(Flow, Def, *Sum);
    summariseSharedViews(Flow, Def, *Sum, *this);
    summariseKeptParams(Flow, Def, *Sum, *this);
    // Which parameters the return value may be a view of.
    for (const CFGBlock *B : Flow.cfg())
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        const auto *Ret = CS ? dyn_cast<ReturnStmt>(CS->getStmt()) : nullptr;
        if (!Ret || !Ret->getRetValue())
          continue;
        ValueSet Vals = Flow.valuesOf(Ret->getRetValue(), Ret);
        for (unsigned I = 0; I < Def->getNumParams(); ++I) {
          const ParmVarDecl *P = Def->getParamDecl(I);
          if (!Api.isTracked(P->getType()))
            continue;
          Place PP;
          PP.Root = P;
          // With no statement, the state is the function's entry state.
          ValueSet Roots = Flow.valuesOfPlace(PP, nullptr);
          if (Roots.empty())
            continue;
          if (Flow.anyDerivesFrom(Vals, Roots) &&
              llvm::find(Sum->ReturnsViewOf, I) == Sum->ReturnsViewOf.end())
            Sum->ReturnsViewOf.push_back(I);
        }
      }
  }
  InProgress.erase(Def);
  FunctionSummary *Result = Sum->empty() ? nullptr : Sum.get();
  Done[Def] = Result ? std::move(Sum) : nullptr;
  return Result;
}

} // namespace sliceguard
