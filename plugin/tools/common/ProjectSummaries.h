//===- ProjectSummaries.h - phase 1 of sliceguard-check -------------------===//
//
// Before any check runs, every translation unit of the database is
// summarised (Options::SummariesOnly), in parallel, and the summaries are
// solved to a fixpoint over the cross-file call graph: a TU is summarised
// again only when a function it calls without a body (StoredSummary::Calls)
// got a different summary in the round before.  Rounds are capped
// (MaxRounds), so a pathological project (long chains, cycles that keep
// changing) still ends; the cap reached is said in a note.  Phase 2 then
// checks every TU with the whole set (Options::ImportedSummaries).
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_TOOLS_PROJECTSUMMARIES_H
#define SLICEGUARD_TOOLS_PROJECTSUMMARIES_H

#include "Sliceguard.h"
#include "Summary.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <vector>

namespace sliceguard {
namespace tools {

/// Rounds after the first; a call chain N files long needs N.
constexpr unsigned MaxSummaryRounds = 8;

struct ProjectSummaryStats {
  unsigned Rounds = 0;   ///< including the first
  size_t Summarised = 0; ///< TU runs over all rounds
  size_t Functions = 0;  ///< summaries in the final store
  bool CapReached = false;
  std::vector<std::string> Duplicates; ///< SummaryStore::duplicates()
};

/// Runs phase 1.  RunBatch runs the given commands with the given options,
/// in parallel (the driver's pool); it is called once per round.
std::shared_ptr<const SummaryStore> summariseProject(
    const std::vector<clang::tooling::CompileCommand> &Commands,
    const Options &Base,
    llvm::function_ref<void(const std::vector<clang::tooling::CompileCommand> &,
                            const Options &)>
        RunBatch,
    ProjectSummaryStats &Stats);

} // namespace tools
} // namespace sliceguard

#endif
