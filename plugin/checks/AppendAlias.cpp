//===- AppendAlias.cpp - two slices grown from one array ------------------===//
//
// `b := append(a, x)` with b distinct from a: when a has spare capacity, b
// shares a's array.  A later `append(a, y)` writes y where b keeps x, and a
// write through a changes b.  Reported when b (or wherever it was kept) is
// still live at that point:
//
//   * a second append to a, directly or through a same-file helper that
//     returns append(param, ...) (kubernetes #70678), also through struct
//     fields (open-telemetry-operator #4954);
//   * the same append in a loop whose results are kept (a map, a slice of
//     slices, the caller's memory): each iteration overwrites the previous
//     result (marathon-consul #247, cluster-api #5670);
//   * two appends to a as arguments of one call (protoreflect #242).
//
// Quiet for a = append(a, ...), when a is dead afterwards (ownership moved),
// on clones, and when b is dead before a changes.
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "SliceViews.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"
#include <functional>
#include <set>

using namespace clang;

namespace sliceguard {
namespace {

class AppendAlias : public SliceGrowthCheck {
public:
  void checkFunction(const CheckContext &C) override {
    const SliceViews &Views = C.views();
    std::set<const Stmt *> Reported;
    for (const AppendCall &First : Views.appendCalls()) {
      // Go guarantees a copy when the slice is full: nothing is shared.
      if (!First.HasSourcePlace ||
          Views.roomOf(First) == FunctionFlow::Capacity::Full)
        continue;
      Place Dest;
      bool Named = Views.resultPlace(First.Call, Dest);
      ValueId Result = 0;
      bool HasResult = Views.resultValue(First.Call, Result);
      if (Named && Dest == First.SourcePlace) {
        // a = append(a, ...) is the normal form, unless a is a shallow
        // copy of another slice that is still appended to.
        if (HasResult)
          throughCopies(C, Views, First, Dest, Result, Reported);
        continue;
      }
      if (Named && HasResult &&
          laterConflict(C, Views, First, Dest, Result, Reported))
        continue;
      if (HasResult && keptAcrossIterations(C, Views, First, Result, Reported))
        continue;
      if (!Named)
        sameCallPair(C, Views, First, Reported);
    }
  }

private:
  /// `b = a` (or a struct copy holding a), then `b = append(b, x)`: b may
  /// share a's array as if it were `b = append(a, x)`.  Checks the later
  /// appends and writes through every other place holding the same value.
  static void throughCopies(const CheckContext &C, const SliceViews &Views,
                            const AppendCall &First, const Place &Dest,
                            ValueId Result, std::set<const Stmt *> &Reported) {
    ValueSet Operand = C.Flow.valuesOf(First.Source, First.Call);
    for (const Place &Q : Views.places(/*Pointers=*/false)) {
      if (Q.isPrefixOf(Dest) || Dest.isPrefixOf(Q))
        continue;
      if (!FunctionFlow::intersects(Views.valuesAt(Q, First.Call), Operand))
        continue;
      AppendCall Alias = First;
      Alias.SourcePlace = Q;
      if (laterConflict(C, Views, Alias, Dest, Result, Reported, &Dest))
        return;
      // In a loop, only when the copy is made afresh each iteration: if
      // the previous result flows back into the append, b accumulates.
      if (!Operand.count(Result) && invariantInLoops(Views, First.Call, Q) &&
          keptAcrossIterations(C, Views, Alias, Result, Reported, &Dest))
        return;
    }
  }

  /// Fix-it on the append that made the alias: `append(a, base, x)` ->
  /// `append(a, clone(a, base), x)`, so its result owns its array.  Only
  /// for a direct runtime append whose operand and arena are plain, side-
  /// effect free expressions written outside macros.
  static void addCloneFix(const CheckContext &C, const AppendCall &First,
                          Finding &F) {
    if (First.Helper || !First.Source)
      return;
    const Expr *Src = First.Source;
    const FunctionDecl *Clone =
        C.Api.findOp(OpKind::SliceClone, ignoreNoise(Src)->getType());
    const Expr *Arena = nullptr;
    for (const Expr *Arg : First.Call->arguments())
      if (QualType T = Arg->getType();
          C.Api.typeKind(T) == TypeKind::Arena ||
          (T->isPointerType() &&
           C.Api.typeKind(T->getPointeeType()) == TypeKind::Arena)) {
        Arena = Arg;
        break;
      }
    if (!Clone || !Arena || Src->HasSideEffects(C.Ctx) ||
        Arena->HasSideEffects(C.Ctx) || Src->getBeginLoc().isMacroID() ||
        Src->getEndLoc().isMacroID())
      return;
    std::string SrcText = C.sourceText(Src), ArenaText = C.sourceText(Arena);
    if (SrcText.empty() || ArenaText.empty())
      return;
    F.FixIts.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Src->getSourceRange()),
        (Clone->getName() + "(" + ArenaText + ", " + SrcText + ")").str()));
  }

  /// True if nothing in the loops around At can change Q: no assignment
  /// to (a part of) Q, no `&Q` handed out, Q not declared inside.  A copy
  /// of a range value (`v = it.val`) or of `get(names, i)` differs in
  /// every iteration; a copy of a loop-invariant base does not.
  static bool invariantInLoops(const SliceViews &Views, const Stmt *At,
                               const Place &Q) {
    auto Overlaps = [&](const Expr *E) {
      Place P;
      return Views.placeOf(E, P) && (P.isPrefixOf(Q) || Q.isPrefixOf(P));
    };
    std::function<bool(const Stmt *)> Changes = [&](const Stmt *S) -> bool {
      if (!S)
        return false;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isAssignmentOp() && Overlaps(BO->getLHS()))
        return true;
      if (const auto *UO = dyn_cast<UnaryOperator>(S);
          UO &&
          (UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp()) &&
          Overlaps(UO->getSubExpr()))
        return true;
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (D == Q.Root)
            return true;
      for (const Stmt *Child : S->children())
        if (Changes(Child))
          return true;
      return false;
    };
    for (const Stmt *Loop : Views.enclosingLoops(At))
      if (Changes(Loop))
        return false;
    return true;
  }

  /// Something that changes the array of place A: another append to A, or
  /// a write through A.
  struct Conflict {
    const Stmt *At = nullptr;
    bool IsWrite = false;
    const AppendCall *Append = nullptr; ///< for an append
  };

  static std::vector<Conflict> conflictsOn(const CheckContext &C,
                                           const SliceViews &Views,
                                           const AppendCall &First) {
    std::vector<Conflict> Out;
    for (const AppendCall &Other : Views.appendCalls())
      if (Other.Call != First.Call && Other.HasSourcePlace &&
          Other.SourcePlace == First.SourcePlace &&
          !Views.within(Other.Call, First.Call) &&
          !Views.within(First.Call, Other.Call))
        Out.push_back({Other.Call, false, &Other});
    for (const Stmt *S : writesThrough(C, Views, First.SourcePlace))
      Out.push_back({S, true, nullptr});
    return Out;
  }

  /// Writes into the elements of slice place A: set(A, ...), copy(A, ...),
  /// A.ptr[i] = ..., *at(A, i) = ...
  static std::vector<const Stmt *> writesThrough(const CheckContext &C,
                                                 const SliceViews &Views,
                                                 const Place &A) {
    std::vector<const Stmt *> Out;
    auto IsA = [&](const Expr *E) {
      Place P;
      return E && Views.placeOf(E, P) && P == A;
    };
    // The slice whose elements an lvalue designates, if any.
    std::function<bool(const Expr *)> IntoA = [&](const Expr *E) -> bool {
      E = ignoreNoise(E);
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        const auto *ME = dyn_cast<MemberExpr>(ignoreNoise(ASE->getBase()));
        return ME && !ME->isArrow() &&
               C.Api.typeKind(ME->getBase()->getType()) == TypeKind::Slice &&
               IsA(ME->getBase());
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        if (!ME->isArrow())
          return IntoA(ME->getBase());
        const auto *Call = dyn_cast<CallExpr>(ignoreNoise(ME->getBase()));
        return Call && C.Api.opKind(Call) == OpKind::SliceAt &&
               IsA(C.Api.sliceOperand(Call));
      }
      if (const auto *UO = dyn_cast<UnaryOperator>(E);
          UO && UO->getOpcode() == UO_Deref) {
        const Expr *Ptr = ignoreNoise(UO->getSubExpr());
        if (const auto *Call = dyn_cast<CallExpr>(Ptr))
          return C.Api.opKind(Call) == OpKind::SliceAt &&
                 IsA(C.Api.sliceOperand(Call));
        if (const auto *ME = dyn_cast<MemberExpr>(Ptr))
          return !ME->isArrow() &&
                 C.Api.typeKind(ME->getBase()->getType()) == TypeKind::Slice &&
                 IsA(ME->getBase());
      }
      return false;
    };
    for (const CFGBlock *B : C.Flow.cfg())
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *S = CS->getStmt();
        if (const auto *Call = dyn_cast<CallExpr>(S)) {
          OpKind Op = C.Api.opKind(Call);
          if ((Op == OpKind::SliceSet || Op == OpKind::SliceCopy) &&
              IsA(C.Api.sliceOperand(Call)))
            Out.push_back(Call);
        } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
          if (BO->isAssignmentOp() && IntoA(BO->getLHS()))
            Out.push_back(BO);
        } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
          if (UO->isIncrementDecrementOp() && IntoA(UO->getSubExpr()))
            Out.push_back(UO);
        }
      }
    return Out;
  }

  /// True if the result is kept somewhere that outlives locals between
  /// First and Then (a map, a slice of slices, the caller's memory).
  static const Store *keptBetween(const SliceViews &Views, ValueId Result,
                                  const Stmt *First, const Stmt *Then) {
    for (const Store &St : Views.stores())
      if (Views.storedValues(St).count(Result) &&
          (Views.within(First, St.Where) || Views.reaches(First, St.Where)) &&
          (!Then || Views.reaches(St.Where, Then)))
        return &St;
    return nullptr;
  }

  /// CopyOf: First appended to Dest itself, a copy of First.SourcePlace.
  static bool laterConflict(const CheckContext &C, const SliceViews &Views,
                            const AppendCall &First, const Place &Dest,
                            ValueId Result, std::set<const Stmt *> &Reported,
                            const Place *CopyOf = nullptr) {
    using Capacity = FunctionFlow::Capacity;
    for (const Conflict &K : conflictsOn(C, Views, First)) {
      if (Reported.count(K.At) ||
          !Views.reachesWithout(First.Call, K.At, First.SourcePlace))
        continue;
      // An append to a full slice copies: it writes no shared element.
      Capacity Second = K.Append ? Views.roomOf(*K.Append) : Capacity::Room;
      if (Second == Capacity::Full)
        continue;
      bool Live = false;
      if (Views.valuesAt(Dest, K.At).count(Result))
        Live = Views.liveUse(K.At, Dest) != nullptr;
      if (!Live && !keptBetween(Views, Result, First.Call, K.At))
        continue;
      std::string A = First.SourcePlace.str(), B = Dest.str();
      // Both with room (known capacities): the array surely is shared.
      bool Surely =
          Views.roomOf(First) == Capacity::Room && Second == Capacity::Room;
      std::string Shares = Surely ? "', which shares its backing array"
                                  : "', which may share its backing array";
      Finding F = C.finding(
          K.At->getBeginLoc(),
          K.IsWrite ? "write through '" + A + (Surely ? "' will" : "' may") +
                          " change '" + B + Shares
                    : "append to '" + A + (Surely ? "' will" : "' may") +
                          " overwrite '" + B + Shares,
          K.At->getSourceRange());
      F.Notes.push_back(
          {First.Call->getBeginLoc(),
           CopyOf ? "'" + B + "', a copy of '" + A +
                        "', was appended to here and may still share its "
                        "backing array; clone it first to give it its own"
                  : "'" + B + "' was appended from '" + A +
                        "' here and may share its backing array; clone '" + A +
                        "' first to give it its own"});
      addImportedAppendNote(F, C, First.Call);
      addCloneFix(C, First, F);
      C.report(std::move(F));
      Reported.insert(K.At);
      return true;
    }
    return false;
  }

  /// The append runs again on the next iteration with the same source,
  /// while the previous result was kept.
  static bool keptAcrossIterations(const CheckContext &C,
                                   const SliceViews &Views,
                                   const AppendCall &First, ValueId Result,
                                   std::set<const Stmt *> &Reported,
                                   const Place *CopyOf = nullptr) {
    if (Reported.count(First.Call) || Views.enclosingLoops(First.Call).empty())
      return false;
    for (const Store &St : Views.stores()) {
      if (!Views.storedValues(St).count(Result))
        continue;
      bool After = Views.within(First.Call, St.Where) ||
                   Views.reaches(First.Call, St.Where);
      if (!After ||
          !Views.reachesWithout(St.Where, First.Call, First.SourcePlace))
        continue;
      Finding F =
          C.finding(First.Call->getBeginLoc(),
                    "append to '" +
                        (CopyOf ? CopyOf->str() + "' (a copy of '" +
                                      First.SourcePlace.str() + "')"
                                : First.SourcePlace.str() + "'") +
                        " in a loop may overwrite results kept from earlier "
                        "iterations; they all share its backing array",
                    First.Call->getSourceRange());
      F.Notes.push_back(
          {St.Where->getBeginLoc(), "result kept here outlives the iteration"});
      addCloneFix(C, First, F);
      C.report(std::move(F));
      Reported.insert(First.Call);
      return true;
    }
    return false;
  }

  /// The call or struct literal whose operand list directly holds E.
  static const Stmt *consumerOf(const CheckContext &C, const Expr *E) {
    const Stmt *P = C.Flow.parentOf(E);
    return isa_and_nonnull<CallExpr, InitListExpr>(P) ? P : nullptr;
  }

  /// use(append(p, 1), append(p, 2)), or both in one struct literal: both
  /// results are alive together.
  static void sameCallPair(const CheckContext &C, const SliceViews &Views,
                           const AppendCall &First,
                           std::set<const Stmt *> &Reported) {
    const Stmt *Consumer = consumerOf(C, First.Call);
    if (!Consumer)
      return;
    for (const AppendCall &Second : Views.appendCalls()) {
      if (Second.Call == First.Call || !Second.HasSourcePlace ||
          Second.SourcePlace != First.SourcePlace ||
          Views.roomOf(Second) == FunctionFlow::Capacity::Full ||
          consumerOf(C, Second.Call) != Consumer || Reported.count(Second.Call))
        continue;
      const SourceManager &SM = C.Ctx.getSourceManager();
      if (!SM.isBeforeInTranslationUnit(First.Call->getBeginLoc(),
                                        Second.Call->getBeginLoc()))
        continue;
      std::string A = First.SourcePlace.str();
      Finding F = C.finding(
          Second.Call->getBeginLoc(),
          "append to '" + A + "' may overwrite the other append to '" + A +
              "' in the same " +
              (isa<CallExpr>(Consumer) ? "call" : "struct literal") +
              "; both results may share "
              "its backing array",
          Second.Call->getSourceRange());
      F.Notes.push_back(
          {First.Call->getBeginLoc(),
           "the other result was appended from '" + A + "' here"});
      addImportedAppendNote(F, C, First.Call);
      addCloneFix(C, First, F);
      C.report(std::move(F));
      Reported.insert(Second.Call);
    }
  }
};

} // namespace

std::unique_ptr<Check> createAppendAlias() {
  return std::make_unique<AppendAlias>();
}

} // namespace sliceguard
