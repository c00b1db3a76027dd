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
#include <set>

using namespace clang;

namespace sliceguard {
namespace {

class RefAcrossAppend : public Check {
public:
  void checkFunction(const CheckContext &C) override {
    SliceViews Views(C);
    std::set<std::pair<const Stmt *, const Stmt *>> Reported;
    for (const SliceViews::Move &M : Views.moves()) {
      for (const Place &P : Views.places(/*Pointers=*/true))
        checkPointer(C, Views, M, P, Reported);
      for (const PointerStore &St : Views.pointerStores())
        checkKept(C, Views, M, St, Reported);
    }
  }

private:
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
    ValueSet Then = C.Flow.valuesOfPlace(M.Slice, St.Where);
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
    C.report(std::move(F));
  }
};

} // namespace

std::unique_ptr<Check> createRefAcrossAppend() {
  return std::make_unique<RefAcrossAppend>();
}

} // namespace sliceguard
