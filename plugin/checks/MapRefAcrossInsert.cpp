//===- MapRefAcrossInsert.cpp - a map_ref pointer used after an insert ---===//
//
// map_ref returns a pointer into the map's current table.  An insert of a
// new key may grow the map, which moves every entry to a new table; the
// old table stays valid (arena memory) but is no longer the map, so reads
// through the pointer are stale and writes are lost.  Deletes never move
// entries, and a pointer taken again after the insert is fresh.
//
// A put of the ref's own key updates the entry in place, unless the key
// was absent: then the ref returned NULL and the put does not change that.
// The key is known absent where an earlier ref of it into the same map
// was tested NULL on every path, with no insert in between (the
// get-or-insert idiom with its second ref moved above the put).
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "SliceViews.h"

using namespace clang;

namespace sliceguard {
namespace {

class MapRefAcrossInsert : public MapInsertCheck {
public:
  void checkFunction(const CheckContext &C) override {
    for (const OpEvent &Ref : C.Flow.events())
      if (Ref.Op == OpKind::MapRef)
        checkRef(C, Ref);
    for (const OpEvent &Ref : helperRefs(C))
      checkRef(C, Ref);
  }

private:
  /// The same key as the ref's: the entry exists (or the pointer is NULL),
  /// so the put updates in place.
  static bool sameKey(const CheckContext &C, const OpEvent &Ref,
                      const OpEvent &Put) {
    if (!Ref.Key || !Put.Key)
      return false;
    ValueSet A = C.Flow.valuesOf(Ref.Key, Ref.Call);
    ValueSet B = C.Flow.valuesOf(Put.Key, Put.Call);
    if (A.size() == 1 && A == B)
      return true;
    return sameConstantKey(C, Ref.Key, Put.Key);
  }

  /// Two spellings of one constant key: the same integer constant, or the
  /// same text made only of literals (SG_STR("total") twice).
  static bool sameConstantKey(const CheckContext &C, const Expr *A,
                              const Expr *B) {
    Expr::EvalResult RA, RB;
    if (A->EvaluateAsInt(RA, C.Ctx) && B->EvaluateAsInt(RB, C.Ctx))
      return llvm::APSInt::isSameValue(RA.Val.getInt(), RB.Val.getInt());
    if (!onlyLiterals(A) || !onlyLiterals(B))
      return false;
    std::string TA = C.sourceText(A), TB = C.sourceText(B);
    return !TA.empty() && TA == TB;
  }

  static bool onlyLiterals(const Stmt *S) {
    if (!S)
      return true;
    if (isa<DeclRefExpr>(S) || isa<CallExpr>(S) || isa<MemberExpr>(S) ||
        isa<ArraySubscriptExpr>(S))
      return false;
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      if (UO->getOpcode() == UO_Deref || UO->isIncrementDecrementOp())
        return false;
    return llvm::all_of(S->children(),
                        [](const Stmt *Child) { return onlyLiterals(Child); });
  }

  /// Uses that do not dereference: null checks and copies (the copy is
  /// followed on its own).
  static bool isHarmlessUse(const CheckContext &C, const Expr *E) {
    const Stmt *Parent = C.Flow.parentOf(E);
    if (!Parent)
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(Parent)) {
      if (BO->isEqualityOp() || BO->isLogicalOp())
        return true;
      if (BO->getOpcode() == BO_Assign)
        return true; // either the target or a copy
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
      if (UO->getOpcode() == UO_LNot)
        return true;
    if (isa<DeclStmt>(Parent) || isa<IfStmt>(Parent) ||
        isa<WhileStmt>(Parent) || isa<ConditionalOperator>(Parent))
      return true;
    return false;
  }

  /// `p == NULL`, `p != NULL`, `!p`, or p as a condition.
  static bool isNullTest(const CheckContext &C, const Expr *E) {
    const Stmt *Parent = C.Flow.parentOf(E);
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
      return BO->isEqualityOp() || BO->isLogicalOp();
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Parent))
      return UO->getOpcode() == UO_LNot;
    return isa_and_nonnull<IfStmt, WhileStmt, ConditionalOperator>(Parent);
  }

  static bool holdsRef(const CheckContext &C, const Stmt *S, ValueId Ref) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E || !(isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) ||
        !E->getType()->isPointerType())
      return false;
    return C.Flow.valuesOf(E, S).count(Ref) != 0;
  }

  static void checkRef(const CheckContext &C, const OpEvent &Ref) {
    ValueId RefVal;
    if (!C.Flow.madeBy(Ref.Call, RefVal))
      return;
    for (const OpEvent &Put : C.Flow.events()) {
      if (Put.Op != OpKind::MapPut || Put.Call == Ref.Call ||
          !FunctionFlow::intersects(Put.Operand, Ref.Operand) ||
          !reaches(C, Ref.Call, Put.Call))
        continue;
      bool Absent = false;
      if (sameKey(C, Ref, Put) && !removedBetween(C, Ref, Put)) {
        Absent = keyAbsentAt(C, Ref);
        if (!Absent)
          continue;
      }
      const Expr *Use = firstUseAfter(C, Put, Ref, RefVal, Absent);
      if (!Use)
        continue;
      report(C, Ref, Put, Use, Absent);
      return; // one finding per pointer
    }
  }

  /// True if Ref's key is surely absent from its map when Ref runs, so Ref
  /// returns NULL: an earlier ref of the same key into the same map was
  /// tested NULL (its holder points nowhere at Ref, on every path), and Ref
  /// is reached from it without an insert into the map or a new iteration
  /// of the earlier ref on the way.
  static bool keyAbsentAt(const CheckContext &C, const OpEvent &Ref) {
    for (const OpEvent &Earlier : C.Flow.events()) {
      if (Earlier.Op != OpKind::MapRef || Earlier.Call == Ref.Call ||
          Earlier.Callee || !Earlier.Key ||
          !FunctionFlow::intersects(Earlier.Operand, Ref.Operand) ||
          !sameKey(C, Earlier, Ref))
        continue;
      Place Holder;
      if (!C.views().resultPlace(Earlier.Call, Holder) ||
          !C.Flow.valuesOfPlace(Holder, Ref.Call).empty())
        continue;
      if (reachesWithoutInsert(C, Earlier, Ref))
        return true;
    }
    return false;
  }

  /// True if To follows From on a path without an insert into From's map
  /// (or a delete or clear, after which the key's state is unknown again)
  /// and without From running again.
  static bool reachesWithoutInsert(const CheckContext &C, const OpEvent &From,
                                   const OpEvent &To) {
    auto ChangesMap = [&](const Stmt *S) {
      for (const OpEvent &Ev : C.Flow.events())
        if (Ev.Call == S &&
            (Ev.Op == OpKind::MapPut || Ev.Op == OpKind::MapDel ||
             Ev.Op == OpKind::MapClear) &&
            FunctionFlow::intersects(Ev.Operand, From.Operand))
          return true;
      return false;
    };
    bool Found = false;
    C.Flow.walkForward(C.Flow.pointOf(From.Call), [&](const Stmt *S) {
      if (S == To.Call) {
        Found = true;
        return FunctionFlow::Walk::Stop;
      }
      if (S == From.Call || ChangesMap(S))
        return FunctionFlow::Walk::Prune;
      return FunctionFlow::Walk::Continue;
    });
    return Found;
  }

  /// Calls of same-file helpers that hand back a pointer into a map they
  /// receive (get-or-insert helpers around map_ref), as ref events.
  static std::vector<OpEvent> helperRefs(const CheckContext &C) {
    std::vector<OpEvent> Out;
    for (const CFGBlock *B : C.Flow.cfg())
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        const auto *Call = CS ? dyn_cast<CallExpr>(CS->getStmt()) : nullptr;
        if (!Call || !Call->getType()->isPointerType() ||
            C.Api.opKind(Call) != OpKind::None)
          continue;
        const FunctionSummary *Sum = C.Summaries.get(Call->getDirectCallee());
        if (!Sum)
          continue;
        for (unsigned I : Sum->ReturnsViewOf) {
          if (I >= Call->getNumArgs() ||
              C.Api.typeKind(Call->getArg(I)->getType()) != TypeKind::Map)
            continue;
          OpEvent Ev;
          Ev.Op = OpKind::MapRef;
          Ev.Call = Call;
          Ev.Callee = Call->getDirectCallee();
          Ev.Operand = C.Flow.valuesOf(Call->getArg(I), Call);
          Ev.HasPlace = C.Flow.placeOf(Call->getArg(I), Call, Ev.OperandPlace);
          // A get-or-insert helper looks up the key it inserts.
          for (const ParamEffect &Ins : Sum->MapInserts)
            if (Ins.KeyParam >= 0 && Ins.KeySteps.empty() &&
                static_cast<unsigned>(Ins.KeyParam) < Call->getNumArgs())
              Ev.Key = Call->getArg(Ins.KeyParam);
          Out.push_back(std::move(Ev));
          break;
        }
      }
    return Out;
  }

  /// The pointer's entry may be gone before Put: a delete of a map it
  /// shares (any key: the key may be the same) or a clear, on a path from
  /// the ref to the put.  Putting the key back then makes a new entry.
  static bool removedBetween(const CheckContext &C, const OpEvent &Ref,
                             const OpEvent &Put) {
    for (const OpEvent &Del : C.Flow.events())
      if ((Del.Op == OpKind::MapDel || Del.Op == OpKind::MapClear) &&
          FunctionFlow::intersects(Del.Operand, Ref.Operand) &&
          reaches(C, Ref.Call, Del.Call) && reaches(C, Del.Call, Put.Call))
        return true;
    return false;
  }

  static bool reaches(const CheckContext &C, const Stmt *From, const Stmt *To) {
    // To is a call, hence an element of the CFG of its own.
    return C.Flow.stmtAt(C.Flow.pointOf(To)) == To && C.Flow.reaches(From, To);
  }

  /// The first dereferencing use of the pointer after Put.  Only a
  /// pointer still held at the insert can go stale there: on the path of
  /// the get-or-insert idiom it was tested NULL (it points nowhere), and a
  /// path that re-takes it into its only holder carries the new one on.
  /// A NULL pointer (Absent) is harmless once tested: a path through the
  /// test is not followed further.
  static const Expr *firstUseAfter(const CheckContext &C, const OpEvent &Put,
                                   const OpEvent &Ref, ValueId RefVal,
                                   bool Absent) {
    std::vector<Place> Holders = C.Flow.placesHolding(RefVal, Put.Call);
    if (Holders.empty())
      return nullptr;
    const Expr *Use = nullptr;
    C.Flow.walkForward(C.Flow.pointOf(Put.Call), [&](const Stmt *S) {
      if (S == Ref.Call) // the pointer is taken again
        return FunctionFlow::Walk::Prune;
      if (Holders.size() == 1 && C.Flow.overwrites(S, Holders.front()))
        return FunctionFlow::Walk::Prune;
      if (holdsRef(C, S, RefVal)) {
        if (Absent && isNullTest(C, cast<Expr>(S)))
          return FunctionFlow::Walk::Prune;
        if (!isHarmlessUse(C, cast<Expr>(S))) {
          Use = cast<Expr>(S);
          return FunctionFlow::Walk::Stop;
        }
      }
      return FunctionFlow::Walk::Continue;
    });
    return Use;
  }

  static void report(const CheckContext &C, const OpEvent &Ref,
                     const OpEvent &Put, const Expr *Use, bool Absent) {
    std::string Ptr = C.sourceText(Use);
    std::string Map = Ref.HasPlace ? Ref.OperandPlace.str() : "the map";
    std::string Into = Put.HasPlace ? Put.OperandPlace.str() : Map;
    std::string Via =
        Put.Callee ? " (in '" + Put.Callee->getNameAsString() + "')" : "";
    if (Absent) {
      Finding F = C.finding(
          Use->getBeginLoc(),
          "'" + (Ptr.empty() ? std::string("pointer") : Ptr) +
              "' was taken from map '" + Map +
              "' while its key was absent, before the insert of that key; "
              "it is NULL, and the insert does not change it: take the "
              "pointer after the insert",
          Use->getSourceRange());
      F.Notes.push_back({Ref.Call->getBeginLoc(),
                         "pointer taken here, while the key is absent"});
      F.Notes.push_back(
          {Put.Call->getBeginLoc(), "insert into map '" + Into + "' here"});
      C.report(std::move(F));
      return;
    }
    Finding F = C.finding(
        Use->getBeginLoc(),
        "'" + (Ptr.empty() ? std::string("pointer") : Ptr) +
            "' points into map '" + Map + "' from before an insert" + Via +
            " that may have grown it and moved its entries; the pointer is "
            "stale",
        Use->getSourceRange());
    F.Notes.push_back({Ref.Call->getBeginLoc(),
                       Ref.Callee
                           ? "pointer into map '" + Map + "' returned by '" +
                                 Ref.Callee->getNameAsString() + "' here"
                           : std::string("pointer taken here")});
    F.Notes.push_back(
        {Put.Call->getBeginLoc(), "insert into map '" + Into + "' here"});
    addHelperInsertNote(F, Put);
    C.report(std::move(F));
  }
};

} // namespace

std::unique_ptr<Check> createMapRefAcrossInsert() {
  return std::make_unique<MapRefAcrossInsert>();
}

} // namespace sliceguard
