//===- UseAfterArenaReset.cpp - arena memory used after reset or free -----===//
//
// The arena replaces Go's garbage collector, and brings a hazard Go does
// not have: after sg_arena_reset(a) or sg_arena_free(a) every slice, map
// and element pointer made from `a` dangles, and after a reset the next
// allocations hand out the same bytes again (issue 15).
//
// A place (variable, struct field) that, where the arena is reset, may
// hold a value allocated from that arena (make, append, clone, map_make on
// it, or a view or at/ref pointer into such a value, or a copy of one) is
// reported at its first read after the reset, unless every path there
// assigns it again first.  The reset may be in a same-file helper that
// resets or frees its arena parameter.
//
// Quiet: a different arena; values made again after the reset; the
// per-request loop that resets at its top and makes its values inside;
// values cloned into another arena before the reset; element values read
// out (get, map_get) before it, which are copies.
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "clang/AST/StmtVisitor.h"
#include <map>
#include <optional>
#include <set>

using namespace clang;

namespace sliceguard {
namespace {

/// A reset or free of an arena, seen at a call in the checked function.
struct Reset {
  const CallExpr *Call = nullptr; ///< the reset, or the helper call
  const Expr *Arena = nullptr;    ///< the arena expression in this function
  bool Frees = false;             ///< sg_arena_free rather than reset
  const FunctionDecl *Helper = nullptr; ///< set when a helper resets
  const CallExpr *Inner = nullptr;      ///< the reset inside the helper
};

/// What a same-file function does to one of its arena parameters.
struct ParamReset {
  unsigned Param = 0;
  bool Frees = false;
  const CallExpr *Inner = nullptr;
  const FunctionDecl *InnerFn = nullptr;
};

bool isArenaPointer(const ApiModel &Api, QualType T) {
  return T->isPointerType() &&
         Api.typeKind(T->getPointeeType()) == TypeKind::Arena;
}

/// The arena argument of a runtime call, or null.
const Expr *arenaArgument(const ApiModel &Api, const CallExpr *Call) {
  for (const Expr *Arg : Call->arguments())
    if (isArenaPointer(Api, Arg->getType()))
      return ignoreNoise(Arg);
  return nullptr;
}

class UseAfterArenaReset : public Check {
public:
  bool mayApply(const ScreenResult &Screened) const override {
    return Screened.MayResetArena;
  }
  bool needsFlow(const ScreenResult &Screened) const override {
    return Screened.MayResetArena && Screened.MentionsRuntime &&
           !Screened.HasErrors;
  }

  void checkFunction(const CheckContext &C) override {
    std::vector<Reset> Resets = resetsIn(C);
    if (Resets.empty())
      return;
    std::vector<Place> Places = candidatePlaces(C);
    std::set<const Stmt *> Reported;
    for (const Reset &R : Resets)
      for (const Place &P : Places)
        checkPlace(C, R, P, Reported);
  }

private:
  /// Helpers' arena-parameter resets, by function (computed once per
  /// translation unit; null while in progress, so recursion ends).
  std::map<const FunctionDecl *, std::optional<std::vector<ParamReset>>>
      HelperResets;

  /// Every CallExpr inside S, in source order.
  static void collectCalls(const Stmt *S, std::vector<const CallExpr *> &Out) {
    if (!S)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      Out.push_back(Call);
    for (const Stmt *Child : S->children())
      collectCalls(Child, Out);
  }

  /// The parameter of FD that Arena names, if it is one.
  static std::optional<unsigned> paramIndex(const FunctionDecl *FD,
                                            const Expr *Arena) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Arena);
    const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!PVD)
      return std::nullopt;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (FD->getParamDecl(I) == PVD)
        return I;
    return std::nullopt;
  }

  /// The arena parameters a same-file function resets or frees, directly
  /// or through helpers of its own.
  const std::vector<ParamReset> *resetsOfParams(const CheckContext &C,
                                                const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!FD || !FD->hasBody(Def) || !Def || C.Api.opKind(Def) != OpKind::None ||
        !C.Out.isUserLocation(Def->getLocation()))
      return nullptr;
    auto [It, Inserted] = HelperResets.try_emplace(Def, std::nullopt);
    if (!Inserted)
      return It->second ? &*It->second : nullptr;
    std::vector<ParamReset> Found;
    std::vector<const CallExpr *> Calls;
    collectCalls(Def->getBody(), Calls);
    for (const CallExpr *Call : Calls)
      for (const Reset &R : resetsAt(C, Call))
        if (std::optional<unsigned> I = paramIndex(Def, R.Arena))
          Found.push_back({*I, R.Frees, R.Inner ? R.Inner : R.Call,
                           R.Helper ? R.Helper : Def});
    HelperResets[Def] = std::move(Found);
    return &*HelperResets[Def];
  }

  /// The resets a call makes: a runtime reset or free, or a helper's.
  std::vector<Reset> resetsAt(const CheckContext &C, const CallExpr *Call) {
    std::vector<Reset> Out;
    OpKind Op = C.Api.opKind(Call);
    if (Op == OpKind::ArenaReset || Op == OpKind::ArenaFree) {
      if (const Expr *Arena = arenaArgument(C.Api, Call))
        Out.push_back({Call, Arena, Op == OpKind::ArenaFree, nullptr, nullptr});
      return Out;
    }
    if (Op != OpKind::None)
      return Out;
    const FunctionDecl *Callee = Call->getDirectCallee();
    const std::vector<ParamReset> *Params = resetsOfParams(C, Callee);
    if (!Params)
      return Out;
    for (const ParamReset &PR : *Params)
      if (PR.Param < Call->getNumArgs())
        Out.push_back({Call, ignoreNoise(Call->getArg(PR.Param)), PR.Frees,
                       PR.InnerFn, PR.Inner});
    return Out;
  }

  std::vector<Reset> resetsIn(const CheckContext &C) {
    std::vector<Reset> Out;
    std::vector<const CallExpr *> Calls;
    collectCalls(C.Flow.function()->getBody(), Calls);
    for (const CallExpr *Call : Calls)
      for (Reset &R : resetsAt(C, Call))
        if (C.Flow.pointOf(R.Call))
          Out.push_back(R);
    return Out;
  }

  /// Variables and fields of the function that can hold arena memory: the
  /// lvalues it names whose type is a slice, a map or a pointer.
  static std::vector<Place> candidatePlaces(const CheckContext &C) {
    std::set<Place> Seen;
    std::vector<Place> Out;
    for (const CFGBlock *B : C.Flow.cfg()) {
      for (const CFGElement &El : *B) {
        auto CS = El.getAs<CFGStmt>();
        if (!CS)
          continue;
        const auto *E = dyn_cast<Expr>(CS->getStmt());
        if (!E || !(isa<DeclRefExpr>(E) || isa<MemberExpr>(E)))
          continue;
        QualType T = E->getType();
        if (isArenaPointer(C.Api, T) ||
            !(C.Api.isTracked(T) || T->isPointerType()))
          continue;
        Place P;
        if (C.Flow.placeOf(E, CS->getStmt(), P) && Seen.insert(P).second)
          Out.push_back(P);
      }
    }
    return Out;
  }

  /// True if two arena expressions name the same arena variable / field.
  static bool sameArena(const ASTContext &Ctx, const Expr *A, const Expr *B) {
    if (!A || !B)
      return false;
    llvm::FoldingSetNodeID IA, IB;
    A->Profile(IA, Ctx, /*Canonical=*/true);
    B->Profile(IB, Ctx, /*Canonical=*/true);
    return IA == IB;
  }

  /// Views keep pointing into the memory of what they view; reads of an
  /// element (get, map_get) are copies whose memory is their own.
  static bool isView(OpKind Op) {
    return isSliceViewOp(Op) || Op == OpKind::SliceAt || Op == OpKind::MapRef;
  }

  /// The allocation from arena Arena that V's memory comes from, or null.
  static const CallExpr *allocationOn(const CheckContext &C, ValueId V,
                                      const Expr *Arena,
                                      std::set<ValueId> &Visited) {
    if (!Visited.insert(V).second)
      return nullptr;
    const Value &Val = C.Flow.value(V);
    if (Val.K != Value::Made)
      return nullptr;
    const auto *Call = dyn_cast_or_null<CallExpr>(Val.Site);
    if (!Call)
      return nullptr;
    if (Val.Op != OpKind::None) {
      // An op given an arena allocates from it (make, append, clone);
      // the nearest one decides, so a clone into another arena is safe.
      if (const Expr *From = arenaArgument(C.Api, Call))
        return sameArena(C.Ctx, From, Arena) ? Call : nullptr;
      if (!isView(Val.Op))
        return nullptr;
    } else if (!Val.Callee) {
      return nullptr;
    }
    // A view, or a same-file call returning a view of its argument.
    for (ValueId From : Val.From)
      if (const CallExpr *Alloc = allocationOn(C, From, Arena, Visited))
        return Alloc;
    return nullptr;
  }

  void checkPlace(const CheckContext &C, const Reset &R, const Place &P,
                  std::set<const Stmt *> &Reported) {
    const CallExpr *Alloc = nullptr;
    std::set<ValueId> Visited;
    for (ValueId V : C.Flow.valuesOfPlace(P, R.Call))
      if ((Alloc = allocationOn(C, V, R.Arena, Visited)))
        break;
    if (!Alloc)
      return;
    const Stmt *Use = C.Flow.nextRead(C.Flow.pointOf(R.Call), P);
    if (!Use || !Reported.insert(Use).second)
      return;
    std::string Name = P.str();
    std::string Arena = C.sourceText(R.Arena);
    if (Arena.empty())
      Arena = "the arena";
    else
      Arena = "'" + Arena + "'";
    const char *Done = R.Frees ? "freed" : "reset";
    Finding F = C.finding(Use->getBeginLoc(),
                          "'" + Name + "' is used after arena " + Arena +
                              " was " + Done + "; its memory may be reused",
                          Use->getSourceRange());
    F.Notes.push_back(
        {Alloc->getBeginLoc(),
         "'" + Name + "' holds memory allocated from " + Arena + " here"});
    F.Notes.push_back({R.Call->getBeginLoc(),
                       Arena + " is " + Done +
                           " here; make the value again after this, or "
                           "clone it into another arena before"});
    if (R.Helper && R.Inner)
      F.Notes.push_back(
          {R.Inner->getBeginLoc(), "'" + R.Helper->getNameAsString() + "' " +
                                       (R.Frees ? "frees" : "resets") +
                                       " its arena parameter here"});
    C.report(std::move(F));
  }
};

} // namespace

std::unique_ptr<Check> createUseAfterArenaReset() {
  return std::make_unique<UseAfterArenaReset>();
}

} // namespace sliceguard
