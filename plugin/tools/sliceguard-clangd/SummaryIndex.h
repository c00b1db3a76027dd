//===- SummaryIndex.h - the companion's project summary index -------------===//
//
// Whole-program summaries (docs/design.md) for the editor: when the first
// C file is opened, a background thread summarises every file of its
// compile_commands.json into a private directory (each file one worker run,
// "summaries=DIR" + "summaries-only"), two passes so a helper calling a
// helper in a third file is seen; a saved file is summarised again.
// Diagnostics runs read the directory ("summaries-read-only": the editor's
// unsaved buffer never becomes a summary) and never wait for it: the
// first diagnostics use whatever is there, and the open documents are
// checked again each time the index changes.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_CLANGD_SUMMARYINDEX_H
#define SLICEGUARD_CLANGD_SUMMARYINDEX_H

#include "clang/Tooling/CompilationDatabase.h"
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sliceguard {
namespace lsp {

class SummaryIndex {
public:
  /// Summarises one file into the directory; false on failure.
  using Summarise = std::function<bool(const clang::tooling::CompileCommand &,
                                       const std::string &Dir)>;
  SummaryIndex(Summarise Run, std::function<void(const std::string &)> Updated);
  ~SummaryIndex();
  /// Starts the background build over Commands; later calls do nothing.
  void start(std::vector<clang::tooling::CompileCommand> Commands);
  /// A file was saved: summarise it again (if it is in the database).
  void refresh(const std::string &Path);
  /// The directory once made (empty before): diagnostics runs read it.
  std::string dir();
  void stop();

private:
  void loop();
  Summarise Run;
  std::function<void(const std::string &)> Updated;
  std::mutex Mutex;
  std::condition_variable Wake;
  bool Started = false, Stopping = false;
  std::string Dir;
  std::vector<clang::tooling::CompileCommand> Commands;
  std::deque<std::string> Saved;
  std::thread Thread;
};

} // namespace lsp
} // namespace sliceguard

#endif
