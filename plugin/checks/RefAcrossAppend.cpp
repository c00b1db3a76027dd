//===- RefAcrossAppend.cpp - element pointers left in a moved array -------===//
//
// `p := &s[i]; s = append(s, x)`: when s had no spare capacity the append
// copies s to a new array and p stays in the old one; writes through p are
// lost and reads see stale data (SPIRV-Tools #226).  The append may be
// hidden in a same-file helper that appends through a pointer to the slice
// (redpanda-operator #1587, notcurses #2280), and the pointer may live in
// the same struct as the slice (aws-c-cal #219): then it outlives the
// function still pointing into the old array.
//
// Quiet when the pointer is taken again after the append, used only
// before it, or points into a slice that did not move.  Pointers that walk
// a loop appending to their own slice belong to append-in-slice-loop.
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "SliceViews.h"
#include "clang/Basic/SourceManager.h"
#include <functional>
#include <map>
#include <optional>
#include <set>

using namespace clang;

namespace sliceguard {
namespace {

class RefAcrossAppend : public SliceGrowthCheck {
public:
  void checkFunction(const CheckContext &C) override {
    const SliceViews &Views = C.views();
    std::set<std::pair<const Stmt *, const Stmt *>> Reported;
    for (const SliceViews::Move &M : Views.moves()) {
      for (const Place &P : Views.places(/*Pointers=*/true))
        checkPointer(C, Views, M, P, Reported);
      for (const PointerStore &St : Views.pointerStores())
        checkKept(C, Views, M, St, Reported);
      checkFieldInvariant(C, Views, M, Reported);
    }
  }

private:
  /// Pointer fields that the translation unit sets to point into a slice
  /// field of the same object (`ps->cursor = ps->buf.ptr`): slice field ->
  /// (pointer field, where it is set).  One Check object lives per
  /// translation unit; Scanned says which one the table is for.
  const ASTContext *Scanned = nullptr;
  std::map<const FieldDecl *,
           std::vector<std::pair<const FieldDecl *, const Stmt *>>>
      PointsIntoField;

  /// `X.F = <pointer into X.G>` or `X->F = ...`: the field F and G, if the
  /// object expression X is the same on both sides.
  static std::optional<std::pair<const FieldDecl *, const FieldDecl *>>
  fieldInvariant(const ASTContext &Ctx, const ApiModel &Api,
                 const BinaryOperator *BO) {
    const auto *Lhs = dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()));
    if (!Lhs || !Lhs->getType()->isPointerType())
      return std::nullopt;
    bool Arrow = false;
    const auto *Slice = dyn_cast_or_null<MemberExpr>(
        ignoreNoise(sliceOfPointer(Api, BO->getRHS(), Arrow)));
    if (!Slice || Arrow || Slice->isArrow() != Lhs->isArrow())
      return std::nullopt;
    const auto *F = dyn_cast<FieldDecl>(Lhs->getMemberDecl());
    const auto *G = dyn_cast<FieldDecl>(Slice->getMemberDecl());
    if (!F || !G || F->getParent() != G->getParent())
      return std::nullopt;
    llvm::FoldingSetNodeID A, B;
    ignoreNoise(Lhs->getBase())->Profile(A, Ctx, /*Canonical=*/true);
    ignoreNoise(Slice->getBase())->Profile(B, Ctx, /*Canonical=*/true);
    if (A != B)
      return std::nullopt;
    return std::make_pair(F, G);
  }

  void scanFieldInvariants(const CheckContext &C) {
    if (Scanned == &C.Ctx)
      return;
    Scanned = &C.Ctx;
    PointsIntoField.clear();
    // Pointer fields the file sets to NULL are managed explicitly (set for
    // a scan, cleared after): no lasting invariant to rely on.
    std::set<const FieldDecl *> Cleared;
    for (const BinaryOperator *BO : C.fieldAssignmentsInFile()) {
      if (auto FG = fieldInvariant(C.Ctx, C.Api, BO))
        PointsIntoField[FG->second].push_back({FG->first, BO});
      const auto *Lhs = dyn_cast<MemberExpr>(ignoreNoise(BO->getLHS()));
      if (Lhs && Lhs->getType()->isPointerType() &&
          BO->getRHS()->isNullPointerConstant(
              const_cast<ASTContext &>(C.Ctx),
              Expr::NPC_ValueDependentIsNotNull))
        if (const auto *F = dyn_cast<FieldDecl>(Lhs->getMemberDecl()))
          Cleared.insert(F);
    }
    for (auto &Entry : PointsIntoField)
      llvm::erase_if(Entry.second, [&](const auto &FS) {
        return Cleared.count(FS.first) != 0;
      });
  }

  /// aws-c-cal #219 across functions: the struct's pointer field was set
  /// elsewhere to point into its slice field; growing the slice here
  /// without setting the pointer again leaves it in the old array.
  void checkFieldInvariant(
      const CheckContext &C, const SliceViews &Views, const SliceViews::Move &M,
      std::set<std::pair<const Stmt *, const Stmt *>> &Reported) {
    // A helper's own append reports it; its call sites would repeat it.
    if (C.Api.opKind(M.Call) == OpKind::None || M.Slice.Steps.empty() ||
        M.Slice.Steps.back().K != PathStep::Field)
      return;
    // The file is scanned only once an append to a field asks.
    scanFieldInvariants(C);
    auto It = PointsIntoField.find(M.Slice.Steps.back().F);
    if (It == PointsIntoField.end())
      return;
    for (const auto &[F, SetAt] : It->second) {
      Place Ptr = M.Slice;
      Ptr.Steps.back().F = F;
      // Set in this function before the append: the intraprocedural rule
      // decides (it knows what the pointer was set to).
      if (assignedBefore(Views, Ptr, M.Call))
        continue;
      bool AtExit = false;
      const Stmt *Use = Views.liveUse(M.Call, Ptr, &AtExit);
      if (!Use || !Reported.insert({SetAt, M.Call}).second)
        continue;
      std::string P = Ptr.str(), Slice = M.Slice.str();
      Finding Fd =
          C.finding(M.Call->getBeginLoc(),
                    "append to '" + Slice + "' may move its array while '" + P +
                        "' still points into it",
                    M.Call->getSourceRange());
      Fd.Notes.push_back({SetAt->getBeginLoc(),
                          "'" + F->getName().str() +
                              "' is set to point into '" +
                              M.Slice.Steps.back().F->getName().str() +
                              "' here; set it again after the append, or keep "
                              "an offset instead"});
      C.report(std::move(Fd));
      return;
    }
  }

  /// True if some assignment to Ptr in this function reaches At.
  static bool assignedBefore(const SliceViews &Views, const Place &Ptr,
                             const Stmt *At) {
    return llvm::any_of(Views.pointerDefinitions(Ptr), [&](const auto &Def) {
      return Views.reaches(Def.first, At);
    });
  }

  /// A pointer into the slice was put in a map, a slice of pointers or an
  /// array before the append: whoever reads it later reads the old array
  /// (the `index[k] = &items[len(items)-1]` loop).
  static void
  checkKept(const CheckContext &C, const SliceViews &Views,
            const SliceViews::Move &M, const PointerStore &St,
            std::set<std::pair<const Stmt *, const Stmt *>> &Reported) {
    if (Views.within(St.Where, M.Call) || Views.within(M.Call, St.Where) ||
        !Views.pointsInto(St.Stored, M.Slice) ||
        !Views.reaches(St.Where, M.Call))
      return;
    // The slice still holds (a descendant of) the array the pointer was
    // taken from.
    ValueSet Then = Views.valuesAt(M.Slice, St.Where);
    if (!FunctionFlow::intersects(M.Before, Then) &&
        !C.Flow.anyDerivesFrom(M.Before, Then))
      return;
    if (!Reported.insert({St.Where, M.Call}).second)
      return;
    Place Kept;
    std::string Where = St.Container && Views.placeOf(St.Container, Kept)
                            ? "'" + Kept.str() + "'"
                            : std::string("another container");
    std::string Slice = M.Slice.str();
    Finding F = C.finding(M.Call->getBeginLoc(),
                          "append to '" + Slice +
                              "' may move its array while a pointer into it "
                              "is kept in " +
                              Where,
                          M.Call->getSourceRange());
    F.Notes.push_back(
        {St.Where->getBeginLoc(),
         "a pointer into '" + Slice + "' is kept here; keep an index instead"});
    C.report(std::move(F));
  }

  /// append-in-slice-loop reports pointers that walk a loop around the
  /// append.
  static bool walksLoopAround(const SliceViews &Views, const Stmt *Append,
                              const Place &P) {
    for (const Stmt *Loop : Views.enclosingLoops(Append))
      if (llvm::is_contained(Views.loopPointers(Loop), P))
        return true;
    return false;
  }

  static void
  checkPointer(const CheckContext &C, const SliceViews &Views,
               const SliceViews::Move &M, const Place &P,
               std::set<std::pair<const Stmt *, const Stmt *>> &Reported) {
    const Stmt *Taken = Views.pointerInto(P, M.Slice, M.Call);
    if (!Taken || walksLoopAround(Views, M.Call, P))
      return;
    bool AtExit = false;
    const Stmt *Use = Views.liveUse(M.Call, P, &AtExit);
    if (!Use || !Reported.insert({Taken, AtExit ? M.Call : Use}).second)
      return;
    std::string Ptr = P.str(), Slice = M.Slice.str();
    if (AtExit) {
      // The pointer lives on in memory the caller sees.
      Finding F =
          C.finding(M.Call->getBeginLoc(),
                    "append to '" + Slice + "' may move its array while '" +
                        Ptr + "' still points into it",
                    M.Call->getSourceRange());
      F.Notes.push_back(
          {Taken->getBeginLoc(), "'" + Ptr + "' points into '" + Slice +
                                     "' from here; take it again after "
                                     "the append"});
      C.report(std::move(F));
      return;
    }
    Finding F =
        C.finding(Use->getBeginLoc(),
                  "'" + Ptr + "' may point into the old backing array of '" +
                      Slice + "' after an append",
                  Use->getSourceRange());
    F.Notes.push_back({Taken->getBeginLoc(),
                       "'" + Ptr + "' points into '" + Slice +
                           "' from here; take it again after the append, or "
                           "keep an index instead"});
    F.Notes.push_back({M.Call->getBeginLoc(),
                       "'" + Slice + "' may be reallocated by this append"});
    addImportedAppendNote(F, C, M.Call);
    C.report(std::move(F));
  }
};

} // namespace

std::unique_ptr<Check> createRefAcrossAppend() {
  return std::make_unique<RefAcrossAppend>();
}

} // namespace sliceguard
