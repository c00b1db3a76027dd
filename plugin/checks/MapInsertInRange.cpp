//===- MapInsertInRange.cpp - inserting into a map while ranging over it -===//
//
// Go: "If a map entry is created during iteration, that entry may be
// produced during the iteration or may be skipped."  The runtime mirrors
// that, so a loop that inserts new keys into the map it ranges over may
// visit them (and re-process them) or not, depending on the hash seed.
// Putting the current key (an update in place) and deleting are fine, and
// so are a put of a key known to exist (guarded by lookup / ref) and a put
// after which every path leaves the range.  Deleting the current key and
// putting it back makes a new entry (golang/go#46097).
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace sliceguard {
namespace {

class MapInsertInRange : public MapInsertCheck {
public:
  void checkFunction(const CheckContext &C) override {
    const FunctionFlow &Flow = C.Flow;
    // A helper that inserts twice is one call: one finding.
    llvm::SmallPtrSet<const CallExpr *, 8> Reported;
    for (const OpEvent &Put : Flow.events()) {
      if (Put.Op != OpKind::MapPut || Reported.count(Put.Call))
        continue;
      for (const FunctionFlow::RangeLoop &R : Flow.enclosingRanges(Put.Call)) {
        if (!ranges(C, R, Put))
          continue;
        if (checkInsert(C, R, Put))
          Reported.insert(Put.Call);
        break; // the innermost range over this map decides
      }
    }
  }

private:
  /// True if the range R walks the map Put inserts into.
  static bool ranges(const CheckContext &C, const FunctionFlow::RangeLoop &R,
                     const OpEvent &Put) {
    const Expr *Map = C.Api.mapOperand(R.Begin);
    if (!Map)
      return false;
    ValueSet Ranged = C.Flow.valuesOf(Map, R.Begin);
    return FunctionFlow::intersects(Ranged, Put.Operand);
  }

  /// The current key was deleted earlier in this iteration: a put of it
  /// creates a new entry the range may produce again (golang/go#46097).
  static const OpEvent *deletedBefore(const CheckContext &C,
                                      const FunctionFlow::RangeLoop &R,
                                      const OpEvent &Put) {
    for (const OpEvent &Del : C.Flow.events()) {
      if (Del.Op != OpKind::MapDel ||
          !FunctionFlow::intersects(Del.Operand, Put.Operand) ||
          !C.Flow.isCurrentKey(Del, R.Begin))
        continue;
      bool InLoop = false;
      for (const auto &Outer : C.Flow.enclosingRanges(Del.Call))
        InLoop |= Outer.Loop == R.Loop;
      if (!InLoop)
        continue;
      // One helper call that deletes and then re-inserts its key.
      if (Del.Call == Put.Call) {
        if (Del.CalleeSiteLoc.isValid() && Put.CalleeSiteLoc.isValid() &&
            C.Ctx.getSourceManager().isBeforeInTranslationUnit(
                Del.CalleeSiteLoc, Put.CalleeSiteLoc))
          return &Del;
        continue;
      }
      bool Reaches = false;
      C.Flow.walkForward(C.Flow.pointOf(Del.Call), [&](const Stmt *S) {
        if (S == Put.Call) {
          Reaches = true;
          return FunctionFlow::Walk::Stop;
        }
        // The next iteration starts a new key.
        return S == R.Next ? FunctionFlow::Walk::Prune
                           : FunctionFlow::Walk::Continue;
      });
      if (Reaches)
        return &Del;
    }
    return nullptr;
  }

  static std::string mapName(const CheckContext &C, const OpEvent &Put) {
    if (Put.HasPlace)
      return Put.OperandPlace.str();
    // Not a place: a getter's result, spelled as the user wrote it.
    std::string Text =
        Put.Callee ? "" : C.sourceText(C.Api.mapOperand(Put.Call));
    return Text.empty() ? "the map" : Text;
  }

  /// The ranged map as the range spells it (the insert may go through an
  /// alias with another name).
  static std::string rangedName(const CheckContext &C,
                                const FunctionFlow::RangeLoop &R,
                                const std::string &Fallback) {
    Place P;
    const Expr *Map = C.Api.mapOperand(R.Begin);
    if (Map && C.Flow.placeOf(Map, R.Begin, P))
      return P.str();
    std::string Text = C.sourceText(Map);
    return Text.empty() ? Fallback : Text;
  }

  /// False when every path from the insert leaves the range (break,
  /// return, goto out) before it asks for the next entry: the range can
  /// then never produce the new key, so Go's rule does not bite.
  static bool rangeContinues(const CheckContext &C,
                             const FunctionFlow::RangeLoop &R,
                             const OpEvent &Put) {
    bool Continues = false;
    C.Flow.walkForward(C.Flow.pointOf(Put.Call), [&](const Stmt *S) {
      if (S == R.Next) {
        Continues = true;
        return FunctionFlow::Walk::Stop;
      }
      // A new range over the map starts afresh (an enclosing loop).
      return S == R.Begin ? FunctionFlow::Walk::Prune
                          : FunctionFlow::Walk::Continue;
    });
    return Continues;
  }

  /// `if (lookup(m, k, &v)) put(m, k, ...)`, `if (ref(m, k)) put(m, k,
  /// ...)` or `p = ref(m, k); if (p) put(m, k, ...)`: the put only updates
  /// an entry that exists, which Go allows during a range.
  static bool knownToExist(const CheckContext &C,
                           const FunctionFlow::RangeLoop &R,
                           const OpEvent &Put) {
    if (!Put.Key || Put.Callee)
      return false;
    const Stmt *Child = Put.Call;
    for (const Stmt *P = C.Flow.parents().getParent(Child); P && P != R.Loop;
         Child = P, P = C.Flow.parents().getParent(P)) {
      const auto *If = dyn_cast<IfStmt>(P);
      if (If && If->getThen() == Child &&
          existenceTest(C, If->getCond(), Put, /*Negated=*/false))
        return true;
    }
    return false;
  }

  /// True if Cond, when true, shows Put's key is present in Put's map.
  static bool existenceTest(const CheckContext &C, const Expr *Cond,
                            const OpEvent &Put, bool Negated) {
    Cond = ignoreNoise(Cond);
    if (!Cond)
      return false;
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
        UO && UO->getOpcode() == UO_LNot)
      return existenceTest(C, UO->getSubExpr(), Put, !Negated);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if (BO->getOpcode() == BO_LAnd && !Negated)
        return existenceTest(C, BO->getLHS(), Put, false) ||
               existenceTest(C, BO->getRHS(), Put, false);
      // `p != NULL` / `p == NULL`
      if (BO->isEqualityOp() && BO->getRHS()->isNullPointerConstant(
                                    C.Ctx, Expr::NPC_ValueDependentIsNotNull))
        return existenceTest(C, BO->getLHS(), Put,
                             BO->getOpcode() == BO_EQ ? !Negated : Negated);
      return false;
    }
    if (Negated)
      return false;
    const CallExpr *Probe = dyn_cast<CallExpr>(Cond);
    if (!Probe && (isa<DeclRefExpr>(Cond) || isa<MemberExpr>(Cond))) {
      // A pointer variable holding map_ref's result.
      ValueSet Vals = C.Flow.valuesOf(Cond, Cond);
      if (Vals.size() != 1)
        return false;
      const Value &V = C.Flow.value(*Vals.begin());
      if (V.K == Value::Made && V.Op == OpKind::MapRef)
        Probe = dyn_cast_or_null<CallExpr>(V.Site);
    }
    if (!Probe)
      return false;
    OpKind Op = C.Api.opKind(Probe);
    if (Op != OpKind::MapLookup && Op != OpKind::MapRef)
      return false;
    const Expr *Map = C.Api.mapOperand(Probe), *Key = C.Api.keyOperand(Probe);
    if (!Map || !Key ||
        !FunctionFlow::intersects(C.Flow.valuesOf(Map, Probe), Put.Operand))
      return false;
    ValueSet A = C.Flow.valuesOf(Key, Probe),
             B = C.Flow.valuesOf(Put.Key, Put.Call);
    return A.size() == 1 && A == B;
  }

  /// Reports Put unless it is harmless; true if it reported.
  static bool checkInsert(const CheckContext &C,
                          const FunctionFlow::RangeLoop &R,
                          const OpEvent &Put) {
    if (!rangeContinues(C, R, Put))
      return false;
    const OpEvent *Del = nullptr;
    if (C.Flow.isCurrentKey(Put, R.Begin)) {
      Del = deletedBefore(C, R, Put);
      if (!Del)
        return false; // updating the current entry in place is fine
    }
    if (!Del && knownToExist(C, R, Put))
      return false; // updating another existing entry adds no key
    std::string Map = mapName(C, Put);
    std::string Ranged = rangedName(C, R, Map);
    std::string What;
    // A library's own call (GLib's g_hash_table_remove): its name, and
    // the library's rule, which forbids any structural change.
    std::string Library = C.Api.opName(Put.Call);
    if (!Library.empty() && !Del) {
      Finding F = C.finding(Put.Call->getBeginLoc(),
                            "'" + Library + "' changes map '" + Map +
                                "' while iterating over it; the iteration "
                                "is invalid after a structural change",
                            Put.Call->getSourceRange());
      F.Notes.push_back({R.Begin->getBeginLoc(),
                         "iteration over map '" + Ranged + "' begins here"});
      C.report(std::move(F));
      return true;
    }
    if (Put.Callee)
      What = "call to '" + Put.Callee->getNameAsString() +
             "' inserts into map '" + Map + "'";
    else
      What = "inserting into map '" + Map + "'";
    std::string Why =
        Del ? " after deleting the current key, while ranging over it; the "
              "re-inserted entry is new and may be produced again by this "
              "range"
            : " while ranging over it; a new key may or may not be produced "
              "by this range";
    Finding F = C.finding(Put.Call->getBeginLoc(), What + Why,
                          Put.Call->getSourceRange());
    F.Notes.push_back({R.Begin->getBeginLoc(),
                       "range over map '" + Ranged + "' begins here"});
    if (Del)
      F.Notes.push_back({Del->CalleeSiteLoc.isValid()
                             ? Del->CalleeSiteLoc
                             : Del->Call->getBeginLoc(),
                         "current key deleted here"});
    addHelperInsertNote(F, Put);
    C.report(std::move(F));
    return true;
  }
};

} // namespace

std::unique_ptr<Check> createMapInsertInRange() {
  return std::make_unique<MapInsertInRange>();
}

} // namespace sliceguard
