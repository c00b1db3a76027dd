//===- FlowQueries.h - path questions answered from per-block facts -------===//
//
// The checks ask path questions of one function many times: "can To run
// after From", "... without P being overwritten on the way", "what is the
// first read of P after From".  Walking the CFG element by element for
// each question made a function of n appends and n uses cost n^3 (issue
// 13: 400 guarded appends took 16 s).  FlowQueries answers them from facts
// computed once and shared by every question of the function:
//
//   * per block and (place, question kind): the indices of the elements
//     that hit (read / use P) and that kill (overwrite P), computed the
//     first time any question visits the block for that place;
//   * per source block: the blocks reachable from its successors (a bit
//     vector), and per (place, source block) the same through blocks that
//     do not overwrite the place.
//
// A reachability question is then two binary searches and a bit test; a
// first-hit question jumps from mark to mark instead of visiting every
// element, and it visits blocks in exactly the order the element walk did,
// so it finds the same element.
//
// Every element classified and every block expanded counts as one step
// (steps()); `-fplugin-arg-sliceguard-stats` prints the total, which a lit
// test uses to catch a return to superlinear work without timing anything.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_FLOWQUERIES_H
#define SLICEGUARD_FLOWQUERIES_H

#include "AliasFlow.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <cstdint>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace sliceguard {

class FlowQueries {
public:
  /// What an element does to the place a question follows.
  enum Mark : unsigned { None = 0, Hit = 1, Kill = 2 };
  /// Which predicate a question's marks come from.  The facts are cached
  /// per (place, kind), so one kind must always be asked with the same
  /// classifier: Overwrites (kills only), OverwritesOrAdvances (kills and
  /// range advances, which make a range variable a new value), Reads
  /// (FunctionFlow::reads), Uses (SliceViews::uses: reads and dereferences,
  /// killed by overwrites and range advances).
  enum class Kind : unsigned char {
    Overwrites,
    OverwritesOrAdvances,
    Reads,
    Uses
  };
  using Classifier = llvm::function_ref<unsigned(const clang::Stmt *)>;

  explicit FlowQueries(const FunctionFlow &Flow);
  ~FlowQueries();

  /// True if To can run after From (From excluded, loops followed).
  bool reaches(ProgramPoint From, ProgramPoint To);
  /// Same, on a path on which no element strictly between From and To
  /// kills P.
  bool reachesWithout(ProgramPoint From, ProgramPoint To, const Place &P,
                      Kind K, Classifier Classify);

  /// The kills of P from which At can be reached with no other kill on
  /// the way (P's reaching definitions, when its definitions are its
  /// kills), each once, in no particular order.
  std::vector<const clang::Stmt *>
  reachingKills(ProgramPoint At, const Place &P, Kind K, Classifier Classify);

  struct FirstHit {
    const clang::Stmt *S = nullptr; ///< the first accepted hit, or null
    bool ReachedExit = false; ///< some path got to the exit block unkilled
  };
  /// The first element after From (in the order walkForward visits them)
  /// that hits P and that Accept takes, on a path where P is not killed
  /// first; a hit that Accept refuses still kills if it kills.
  FirstHit firstHit(ProgramPoint From, const Place &P, Kind K,
                    Classifier Classify,
                    llvm::function_ref<bool(const clang::Stmt *)> Accept);

  /// FunctionFlow::walkForward: every element reachable after From, each
  /// once, in breadth-first order of blocks.
  void walk(ProgramPoint From,
            llvm::function_ref<FunctionFlow::Walk(const clang::Stmt *)> Visit);

  /// Elements classified or visited and blocks expanded so far.
  uint64_t steps() const { return Steps; }

private:
  /// The blocks one walk has entered from their start.  Walks nest (a
  /// visitor may ask a question that walks), so each depth has its own
  /// vector, stamped per walk so that no walk clears or allocates one the
  /// size of the function.
  class VisitScope {
  public:
    explicit VisitScope(FlowQueries &Q);
    ~VisitScope() { --Q.Depth; }
    /// Marks B entered; false if it already was.
    bool enter(const clang::CFGBlock *B);

  private:
    FlowQueries &Q;
    std::vector<unsigned> *Marks;
    unsigned Stamp;
  };

  struct BlockMarks {
    bool Done = false;
    llvm::SmallVector<unsigned, 2> Hits, Kills; ///< element indices, sorted
  };
  /// The facts of one (place, kind).
  struct PlaceFacts {
    std::vector<BlockMarks> Blocks;                  ///< by block ID
    llvm::DenseMap<unsigned, llvm::BitVector> Reach; ///< by source block ID
  };

  PlaceFacts &factsFor(const Place &P, Kind K);
  const BlockMarks &marks(PlaceFacts &F, const clang::CFGBlock *B,
                          Classifier Classify);
  /// Blocks reachable from B's successors, entering any block but passing
  /// only through blocks without a kill (every block when F is null).
  const llvm::BitVector &reachableFrom(const clang::CFGBlock *B, PlaceFacts *F,
                                       Classifier Classify);
  /// True if some kill of M lies in [Lo, Hi).
  static bool killIn(const BlockMarks &M, unsigned Lo, unsigned Hi);

  const FunctionFlow &Flow;
  unsigned NumBlocks;
  std::map<std::pair<Place, Kind>, std::unique_ptr<PlaceFacts>> Facts;
  llvm::DenseMap<unsigned, llvm::BitVector> PlainReach;
  std::vector<std::unique_ptr<std::vector<unsigned>>> VisitedByDepth;
  std::vector<unsigned> StampByDepth;
  unsigned Depth = 0;
  uint64_t Steps = 0;
};

} // namespace sliceguard

#endif // SLICEGUARD_FLOWQUERIES_H
