//===- ProjectSummaries.cpp - summarise a database to a fixpoint ----------===//
#include "ProjectSummaries.h"
#include "FindingRecord.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

namespace sliceguard {
namespace tools {

namespace {
/// What the TUs of one round hand back, by main file.
class Collector {
public:
  void add(SummaryFile F) {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::string Key = F.MainFile;
    Files[Key] = std::move(F);
  }
  std::map<std::string, SummaryFile> &files() { return Files; }

private:
  std::mutex Mutex;
  std::map<std::string, SummaryFile> Files;
};

std::shared_ptr<SummaryStore>
storeOf(const std::map<std::string, SummaryFile> &Files) {
  auto Store = std::make_shared<SummaryStore>();
  for (const auto &Entry : Files)
    Store->add(Entry.second);
  return Store;
}

/// Identities whose summary differs between two stores (added, removed
/// or changed).
std::set<std::string>
changedIds(const std::map<std::string, SummaryFile> &Files,
           const SummaryStore &Before, const SummaryStore &After,
           const std::set<std::string> &BeforeIds) {
  std::set<std::string> Changed;
  std::set<std::string> AfterIds;
  for (const auto &Entry : Files)
    for (const StoredSummary &S : Entry.second.Functions)
      AfterIds.insert(S.Id);
  for (const std::string &Id : AfterIds) {
    const StoredSummary *A = Before.find(Id), *B = After.find(Id);
    if (!A || !B || *A != *B)
      Changed.insert(Id);
  }
  for (const std::string &Id : BeforeIds)
    if (!AfterIds.count(Id))
      Changed.insert(Id);
  return Changed;
}
} // namespace

std::shared_ptr<const SummaryStore> summariseProject(
    const std::vector<clang::tooling::CompileCommand> &Commands,
    const Options &Base,
    llvm::function_ref<void(const std::vector<clang::tooling::CompileCommand> &,
                            const Options &)>
        RunBatch,
    ProjectSummaryStats &Stats) {
  auto Start = std::chrono::steady_clock::now();
  Collector Latest;
  std::shared_ptr<SummaryStore> Store = std::make_shared<SummaryStore>();
  std::set<std::string> Ids;
  std::vector<clang::tooling::CompileCommand> Round = Commands;
  for (unsigned R = 0; !Round.empty(); ++R) {
    if (R > MaxSummaryRounds) {
      Stats.CapReached = true;
      break;
    }
    Options Phase1 = Base;
    Phase1.SummariesOnly = true;
    Phase1.SummariesDir.clear();
    Phase1.ImportedSummaries = Store;
    Phase1.ExportSummaries = [&Latest](SummaryFile F) {
      Latest.add(std::move(F));
    };
    RunBatch(Round, Phase1);
    ++Stats.Rounds;
    Stats.Summarised += Round.size();
    std::shared_ptr<SummaryStore> Next = storeOf(Latest.files());
    std::set<std::string> Changed =
        changedIds(Latest.files(), *Store, *Next, Ids);
    Store = Next;
    Ids.clear();
    for (const auto &Entry : Latest.files())
      for (const StoredSummary &S : Entry.second.Functions)
        Ids.insert(S.Id);
    // Again: the TUs that call a function whose summary just changed.
    std::set<std::string> Again;
    for (const auto &Entry : Latest.files())
      for (const StoredSummary &S : Entry.second.Functions)
        if (llvm::any_of(S.Calls, [&](const std::string &Callee) {
              return Changed.count(Callee) != 0;
            }))
          Again.insert(Entry.first);
    Round.clear();
    for (const auto &C : Commands)
      if (Again.count(absolutePath(C.Filename, C.Directory)))
        Round.push_back(C);
  }
  Stats.Functions = Store->size();
  Stats.Duplicates = Store->duplicates();
  // For the benchmark (docs/performance.md): phase 1's own figures.
  if (std::getenv("SLICEGUARD_PHASE1_STATS")) {
    double Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    llvm::errs() << "sliceguard-check: phase 1: " << Stats.Rounds << " rounds, "
                 << Stats.Summarised << " TU runs, " << Stats.Functions
                 << " summaries, " << llvm::format("%.2f", Seconds) << " s\n";
  }
  return Store;
}

} // namespace tools
} // namespace sliceguard
