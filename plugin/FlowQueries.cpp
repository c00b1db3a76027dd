//===- FlowQueries.cpp - path questions answered from per-block facts -----===//
#include "FlowQueries.h"
#include <algorithm>
#include <deque>

using namespace clang;

namespace sliceguard {

FlowQueries::FlowQueries(const FunctionFlow &Flow)
    : Flow(Flow), NumBlocks(Flow.cfg().getNumBlockIDs()) {}

FlowQueries::~FlowQueries() = default;

FlowQueries::VisitScope::VisitScope(FlowQueries &Q) : Q(Q) {
  if (Q.VisitedByDepth.size() <= Q.Depth) {
    Q.VisitedByDepth.push_back(std::make_unique<std::vector<unsigned>>());
    Q.StampByDepth.push_back(0);
  }
  Marks = Q.VisitedByDepth[Q.Depth].get();
  unsigned &Last = Q.StampByDepth[Q.Depth];
  if (Marks->size() != Q.NumBlocks || ++Last == 0) {
    Marks->assign(Q.NumBlocks, 0);
    Last = 1;
  }
  Stamp = Last;
  ++Q.Depth;
}

bool FlowQueries::VisitScope::enter(const CFGBlock *B) {
  unsigned &M = (*Marks)[B->getBlockID()];
  if (M == Stamp)
    return false;
  M = Stamp;
  return true;
}

/// The element ranges a forward walk from From scans, in the order the
/// element walk scanned them (breadth first over blocks): the rest of
/// From's block, then each block reached, once and from its start; From's
/// own block, reached again, only up to From (what follows was scanned
/// first).  Scan(Block, Lo, Hi) says whether to go on to the successors.
template <typename ScanFn>
static void forEachRange(ProgramPoint From, ScanFn Scan,
                         llvm::function_ref<bool(const CFGBlock *)> Enter,
                         uint64_t &Steps) {
  using Walk = FunctionFlow::Walk;
  const CFGBlock *FromB = From.Block;
  unsigned FromEnd = std::min<unsigned>(From.Index + 1, FromB->size());
  std::deque<const CFGBlock *> Work;
  auto Expand = [&](const CFGBlock *B) {
    for (const CFGBlock *Succ : B->succs())
      if (Succ)
        Work.push_back(Succ);
  };
  ++Steps;
  Walk W = Scan(FromB, FromEnd, FromB->size());
  if (W == Walk::Stop)
    return;
  if (W == Walk::Continue)
    Expand(FromB);
  while (!Work.empty()) {
    const CFGBlock *B = Work.front();
    Work.pop_front();
    if (!Enter(B))
      continue;
    ++Steps;
    unsigned Hi = B->size();
    // Back in From's block: the walk runs into what it scanned first.
    bool Rejoins = B == FromB && FromEnd < Hi;
    if (B == FromB)
      Hi = FromEnd;
    W = Scan(B, 0, Hi);
    if (W == Walk::Stop)
      return;
    if (W == Walk::Continue && !Rejoins)
      Expand(B);
  }
}

void FlowQueries::walk(
    ProgramPoint From,
    llvm::function_ref<FunctionFlow::Walk(const Stmt *)> Visit) {
  using Walk = FunctionFlow::Walk;
  if (!From)
    return;
  VisitScope Scope(*this);
  forEachRange(
      From,
      [&](const CFGBlock *B, unsigned Lo, unsigned Hi) {
        for (unsigned I = Lo; I < Hi; ++I) {
          ++Steps;
          auto CS = (*B)[I].getAs<CFGStmt>();
          if (!CS)
            continue;
          Walk W = Visit(CS->getStmt());
          if (W != Walk::Continue)
            return W;
        }
        return Walk::Continue;
      },
      [&](const CFGBlock *B) { return Scope.enter(B); }, Steps);
}

FlowQueries::PlaceFacts &FlowQueries::factsFor(const Place &P, Kind K) {
  std::unique_ptr<PlaceFacts> &F = Facts[{P, K}];
  if (!F) {
    F = std::make_unique<PlaceFacts>();
    F->Blocks.resize(NumBlocks);
  }
  return *F;
}

const FlowQueries::BlockMarks &
FlowQueries::marks(PlaceFacts &F, const CFGBlock *B, Classifier Classify) {
  BlockMarks &M = F.Blocks[B->getBlockID()];
  if (M.Done)
    return M;
  M.Done = true;
  // In element order: the flow's state queries resume within a block.
  for (unsigned I = 0; I < B->size(); ++I) {
    auto CS = (*B)[I].getAs<CFGStmt>();
    if (!CS)
      continue;
    ++Steps;
    unsigned Mark = Classify(CS->getStmt());
    if (Mark & Hit)
      M.Hits.push_back(I);
    if (Mark & Kill)
      M.Kills.push_back(I);
  }
  return M;
}

bool FlowQueries::killIn(const BlockMarks &M, unsigned Lo, unsigned Hi) {
  auto It = std::lower_bound(M.Kills.begin(), M.Kills.end(), Lo);
  return It != M.Kills.end() && *It < Hi;
}

const llvm::BitVector &FlowQueries::reachableFrom(const CFGBlock *B,
                                                  PlaceFacts *F,
                                                  Classifier Classify) {
  llvm::DenseMap<unsigned, llvm::BitVector> &Cache = F ? F->Reach : PlainReach;
  auto It = Cache.find(B->getBlockID());
  if (It != Cache.end())
    return It->second;
  llvm::BitVector Reached(NumBlocks);
  llvm::SmallVector<const CFGBlock *, 16> Work;
  auto Expand = [&](const CFGBlock *X) {
    for (const CFGBlock *Succ : X->succs())
      if (Succ && !Reached.test(Succ->getBlockID())) {
        Reached.set(Succ->getBlockID());
        Work.push_back(Succ);
      }
  };
  Expand(B);
  while (!Work.empty()) {
    const CFGBlock *X = Work.pop_back_val();
    ++Steps;
    // A block that kills may be entered (the target may come before the
    // kill) but not passed through.
    if (F && !marks(*F, X, Classify).Kills.empty())
      continue;
    Expand(X);
  }
  return Cache.try_emplace(B->getBlockID(), std::move(Reached)).first->second;
}

bool FlowQueries::reaches(ProgramPoint From, ProgramPoint To) {
  if (!From || !To)
    return false;
  if (From.Block == To.Block && To.Index > From.Index)
    return true;
  return reachableFrom(From.Block, nullptr, nullptr)
      .test(To.Block->getBlockID());
}

bool FlowQueries::reachesWithout(ProgramPoint From, ProgramPoint To,
                                 const Place &P, Kind K, Classifier Classify) {
  if (!From || !To)
    return false;
  PlaceFacts &F = factsFor(P, K);
  const BlockMarks &Here = marks(F, From.Block, Classify);
  if (From.Block == To.Block && To.Index > From.Index)
    return !killIn(Here, From.Index + 1, To.Index);
  // Every way out of From's block runs through the rest of it.
  if (killIn(Here, From.Index + 1, From.Block->size()))
    return false;
  if (!reachableFrom(From.Block, &F, Classify).test(To.Block->getBlockID()))
    return false;
  return !killIn(marks(F, To.Block, Classify), 0, To.Index);
}

std::vector<const Stmt *> FlowQueries::reachingKills(ProgramPoint At,
                                                     const Place &P, Kind K,
                                                     Classifier Classify) {
  std::vector<const Stmt *> Out;
  if (!At)
    return Out;
  PlaceFacts &F = factsFor(P, K);
  auto KillAt = [&](const CFGBlock *B, unsigned Index) {
    Out.push_back((*B)[Index].castAs<CFGStmt>().getStmt());
  };
  const BlockMarks &Here = marks(F, At.Block, Classify);
  auto Before =
      std::lower_bound(Here.Kills.begin(), Here.Kills.end(), At.Index);
  if (Before != Here.Kills.begin()) {
    KillAt(At.Block, *std::prev(Before));
    return Out;
  }
  // Backwards through the predecessors: each path ends at the last kill
  // of the first block on it that has one.
  VisitScope Scope(*this);
  llvm::SmallVector<const CFGBlock *, 16> Work;
  auto Expand = [&](const CFGBlock *B) {
    for (const CFGBlock *Pred : B->preds())
      if (Pred && Scope.enter(Pred))
        Work.push_back(Pred);
  };
  Expand(At.Block);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    ++Steps;
    const BlockMarks &M = marks(F, B, Classify);
    if (!M.Kills.empty())
      KillAt(B, M.Kills.back());
    else
      Expand(B);
  }
  return Out;
}

FlowQueries::FirstHit
FlowQueries::firstHit(ProgramPoint From, const Place &P, Kind K,
                      Classifier Classify,
                      llvm::function_ref<bool(const Stmt *)> Accept) {
  using Walk = FunctionFlow::Walk;
  FirstHit Out;
  if (!From)
    return Out;
  PlaceFacts &F = factsFor(P, K);
  const CFGBlock *Exit = &Flow.cfg().getExit();
  VisitScope Scope(*this);
  forEachRange(
      From,
      [&](const CFGBlock *B, unsigned Lo, unsigned Hi) {
        if (B == Exit) {
          Out.ReachedExit = true;
          return Walk::Prune;
        }
        const BlockMarks &M = marks(F, B, Classify);
        auto Kill = std::lower_bound(M.Kills.begin(), M.Kills.end(), Lo);
        unsigned KillAt = Kill != M.Kills.end() && *Kill < Hi ? *Kill : Hi;
        // A hit at the kill's own element counts: it reads before it
        // writes.
        for (auto H = std::lower_bound(M.Hits.begin(), M.Hits.end(), Lo);
             H != M.Hits.end() && *H < Hi && *H <= KillAt; ++H) {
          ++Steps;
          const Stmt *S = (*B)[*H].castAs<CFGStmt>().getStmt();
          if (Accept(S)) {
            Out.S = S;
            return Walk::Stop;
          }
        }
        return KillAt < Hi ? Walk::Prune : Walk::Continue;
      },
      [&](const CFGBlock *B) { return Scope.enter(B); }, Steps);
  return Out;
}

} // namespace sliceguard
