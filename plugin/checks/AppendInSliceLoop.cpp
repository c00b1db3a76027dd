//===- AppendInSliceLoop.cpp - growing the slice a pointer loop walks -----===//
//
// `for (T *p = s.ptr; p < s.ptr + s.len; p++) s = append(s, ...)`: once the
// append moves s, p keeps walking the old array (and a bound re-read from s
// compares pointers into two different arrays).  This is C++'s iterator
// invalidation in a range-for over a vector that push_backs into itself
// (microsoft/winrtc #49).
//
// Quiet on index loops (the worklist idiom that re-reads len is correct),
// on loops over a snapshot or a clone, and when the loop ends right after
// the append.
//
//===----------------------------------------------------------------------===//
#include "Check.h"
#include "SliceViews.h"
#include <set>

using namespace clang;

namespace sliceguard {
namespace {

class AppendInSliceLoop : public SliceGrowthCheck {
public:
  void checkFunction(const CheckContext &C) override {
    const SliceViews &Views = C.views();
    std::set<const Stmt *> Reported;
    for (const SliceViews::Move &M : Views.moves()) {
      if (Reported.count(M.Call))
        continue;
      for (const Stmt *Loop : Views.enclosingLoops(M.Call))
        if (checkLoop(C, Views, M, Loop)) {
          Reported.insert(M.Call);
          break;
        }
    }
  }

private:
  static bool checkLoop(const CheckContext &C, const SliceViews &Views,
                        const SliceViews::Move &M, const Stmt *Loop) {
    for (const Place &P : Views.loopPointers(Loop)) {
      const Stmt *Taken = Views.pointerInto(P, M.Slice, M.Call);
      if (!Taken || !Views.liveUse(M.Call, P))
        continue;
      std::string Ptr = P.str(), Slice = M.Slice.str();
      Finding F = C.finding(M.Call->getBeginLoc(),
                            "append to '" + Slice +
                                "' inside a loop that walks it with "
                                "pointer '" +
                                Ptr + "'; the pointer stays in the old array",
                            M.Call->getSourceRange());
      F.Notes.push_back({Taken->getBeginLoc(),
                         "'" + Ptr + "' walks '" + Slice +
                             "' from here; once the append moves the array "
                             "it keeps walking the old one; walk an index, "
                             "or a snapshot of the slice"});
      C.report(std::move(F));
      return true;
    }
    return false;
  }
};

} // namespace

std::unique_ptr<Check> createAppendInSliceLoop() {
  return std::make_unique<AppendInSliceLoop>();
}

} // namespace sliceguard
