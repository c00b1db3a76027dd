//===- SummaryIndex.cpp - build and refresh the project summary index -----===//
#include "SummaryIndex.h"
#include "FindingRecord.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

namespace sliceguard {
namespace lsp {

/// Passes over the whole database at start: the second sees the first's
/// summaries, so a chain of two files is complete.
static constexpr unsigned InitialPasses = 2;

SummaryIndex::SummaryIndex(Summarise Run,
                           std::function<void(const std::string &)> Updated)
    : Run(std::move(Run)), Updated(std::move(Updated)) {}

SummaryIndex::~SummaryIndex() {
  stop();
  if (Thread.joinable())
    Thread.join();
  if (!Dir.empty())
    llvm::sys::fs::remove_directories(Dir);
}

void SummaryIndex::start(std::vector<clang::tooling::CompileCommand> C) {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Started || Stopping)
    return;
  llvm::SmallString<128> Made;
  if (llvm::sys::fs::createUniqueDirectory("sliceguard-summaries", Made))
    return;
  Started = true;
  Dir = std::string(Made);
  Commands = std::move(C);
  Thread = std::thread([this] { loop(); });
}

void SummaryIndex::refresh(const std::string &Path) {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (!Started)
    return;
  Saved.push_back(Path);
  Wake.notify_all();
}

std::string SummaryIndex::dir() {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Dir;
}

void SummaryIndex::stop() {
  // No join here: the caller may hold locks the thread's Updated takes;
  // the destructor joins (a running worker is cancelled by the companion).
  std::lock_guard<std::mutex> Lock(Mutex);
  Stopping = true;
  Wake.notify_all();
}

void SummaryIndex::loop() {
  std::unique_lock<std::mutex> Lock(Mutex);
  std::string Into = Dir;
  std::vector<clang::tooling::CompileCommand> All = Commands;
  for (unsigned Pass = 0; Pass < InitialPasses && !Stopping; ++Pass) {
    size_t Done = 0;
    Lock.unlock();
    for (const auto &C : All) {
      Done += Run(C, Into);
      Lock.lock();
      bool Stop = Stopping;
      Lock.unlock();
      if (Stop)
        return;
    }
    Updated("summary index: pass " + std::to_string(Pass + 1) + " of " +
            std::to_string(InitialPasses) + ", " + std::to_string(Done) +
            " of " + std::to_string(All.size()) + " files summarised");
    Lock.lock();
  }
  while (!Stopping) {
    if (Saved.empty()) {
      Wake.wait(Lock);
      continue;
    }
    std::string Path = Saved.front();
    Saved.pop_front();
    Lock.unlock();
    for (const auto &C : All)
      if (tools::absolutePath(C.Filename, C.Directory) == Path) {
        bool Ok = Run(C, Into);
        Updated("summary index: " + Path +
                (Ok ? " summarised again" : " could not be summarised"));
      }
    Lock.lock();
  }
}

} // namespace lsp
} // namespace sliceguard
