//===- Companion.h - the LSP proxy between an editor and clangd -----------===//
//
// Every message passes through byte for byte, except three kinds:
//   * textDocument/publishDiagnostics from clangd: sliceguard's diagnostics
//     for the same file are appended (and re-sent on their own when they
//     arrive after clangd's);
//   * the response to a textDocument/codeAction request: sliceguard's
//     fix-its are appended as quickfix code actions;
//   * nothing else -- didOpen/didChange/didSave/didClose are only observed.
// Only one message is held back: one nested too deeply for clangd's JSON
// parser, which would overflow clangd's stack.
// The checks run in a separate worker process, from a thread of their own,
// so neither a slow check nor a crashing one can stall or take down clangd.
//
// Documents are keyed by their file's path (documentKey), not by the URI's
// spelling: editors and clangd escape differently ("a%3Ab.c" / "a:b.c"),
// and everything sent to the editor uses the editor's own spelling.
// Nothing is checked before the editor has clangd's initialize response,
// and document notifications sent before initialize are ignored, as clangd
// ignores them.
//
//===----------------------------------------------------------------------===//
#ifndef SLICEGUARD_CLANGD_COMPANION_H
#define SLICEGUARD_CLANGD_COMPANION_H

#include "ClangdConfig.h"
#include "Documents.h"
#include "FindingRecord.h"
#include "LspIO.h"
#include "SummaryIndex.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Chrono.h"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>

namespace sliceguard {
namespace lsp {

struct CompanionConfig {
  std::string SelfPath;                 ///< this executable, started as worker
  std::string CompileCommandsDir;       ///< as given to clangd, if at all
  std::vector<std::string> LibraryArgs; ///< "checks=...", "werror", ...
  std::string ResourceDir;
  std::chrono::milliseconds Debounce{400};
  unsigned TimeoutSeconds = 60;
  /// CPU seconds a worker may use: the backstop for a worker the companion
  /// cannot kill (0: TimeoutSeconds + 5).
  unsigned CpuLimitSeconds = 0;
};

class Companion {
public:
  Companion(CompanionConfig Config, MessageWriter &ToEditor,
            MessageWriter &ToClangd);

  /// Called from the thread reading the editor; forwards to clangd.
  /// Returns true for the "exit" notification: the session is over.
  bool fromEditor(const std::string &Body);
  /// Called from the thread reading clangd; forwards to the editor.
  void fromClangd(const std::string &Body);
  /// The checks thread: runs until stop().
  void runChecksLoop();
  /// Ends runChecksLoop soon: a running worker is killed, not waited for.
  /// Never blocks.
  void stop();
  /// True once the editor sent "shutdown".  Never blocks.
  bool shutdownRequested() const { return SawShutdown; }

private:
  using Clock = std::chrono::steady_clock;

  struct OurDiagnostics {
    int64_t Version = -1;
    std::vector<tools::FindingRecord> Findings;
    /// Functions skipped as too large (max-cfg-blocks).
    std::vector<tools::RemarkRecord> Remarks;
  };
  struct ClangdDiagnostics {
    llvm::json::Array Diagnostics;
    std::optional<int64_t> Version;
  };
  struct PendingCodeAction {
    std::string Key; ///< documentKey() of the document
    int64_t FirstLine = 0, LastLine = 0;
  };

  bool observeEditorMessage(const llvm::json::Object &Msg);
  void didOpen(const llvm::json::Object &Params);
  void didChange(const llvm::json::Object &Params);
  void didSave(const llvm::json::Object &Params);
  void didClose(const llvm::json::Object &Params);
  void rememberCodeAction(const llvm::json::Value &Id,
                          const llvm::json::Object &Params);
  void schedule(const std::string &Uri, std::chrono::milliseconds Delay);
  static void carryThroughEdit(std::vector<tools::FindingRecord> &Findings,
                               const std::string &Path, const LineEdit &Edit);

  bool rewriteClangdMessage(llvm::json::Object &Msg, bool &AnswersInitialize);
  void mergeDiagnostics(llvm::json::Object &Params);
  bool mergeCodeActions(const std::string &Key, llvm::json::Object &Msg);
  void noteInitializeResult(const llvm::json::Object &Result);

  /// Our current findings for the document \p Key as LSP diagnostics (none
  /// when they are for an older version of the document than the editor
  /// has).
  llvm::json::Array ourDiagnostics(const std::string &Key) const;
  llvm::json::Object remarkDiagnostic(const tools::RemarkRecord &M,
                                      const Document &Doc) const;
  llvm::json::Object lspDiagnostic(const tools::FindingRecord &F,
                                   const Document &Doc) const;
  llvm::json::Object lspRange(const tools::Span &S, const Document &Doc) const;
  llvm::json::Object lspPosition(const std::string &File,
                                 const tools::Position &P,
                                 const Document &Doc) const;
  std::string uriFor(const std::string &File, const Document &Doc) const;
  void publishMerged(const std::string &Key);
  void sayCxxIsNotAnalysed(const std::string &Path);

  void checkDocument(const Document &Doc);
  /// The project summary index (SummaryIndex.h): one worker run that
  /// summarises a file into Dir, and what to do when the index changed.
  bool summariseForIndex(const clang::tooling::CompileCommand &Cmd,
                         const std::string &Dir);
  void indexUpdated(const std::string &What);
  void startIndexFor(const std::string &Path);
  clang::tooling::CompileCommand commandFor(const std::string &Path);
  clang::tooling::CompilationDatabase *databaseFor(const std::string &Path);
  clang::tooling::CompilationDatabase *loadDatabase(const std::string &Dir);

  CompanionConfig Config;
  MessageWriter &ToEditor;
  MessageWriter &ToClangd;

  std::mutex Mutex; ///< guards everything below
  std::condition_variable Wake;
  std::atomic<bool> Stopping{false}; ///< set without the lock, see stop()
  /// Written to by stop(): a running worker is killed when it is readable.
  int CancelPipe[2] = {-1, -1};
  Encoding Enc = Encoding::Utf16;
  std::string InitializeId;
  bool SawInitialize = false;           ///< the editor sent "initialize"
  bool Initialized = false;             ///< ...and has clangd's answer to it
  std::atomic<bool> SawShutdown{false}; ///< the editor sent "shutdown"
  bool SaidEarlyIgnored = false;
  bool SaidCxx = false;     ///< "C++ is not analysed" was said
  std::string CxxSeenEarly; ///< a C++ file opened before it could be
  /// By documentKey().
  std::map<std::string, Document> Documents;
  std::map<std::string, Clock::time_point> Due;
  std::map<std::string, OurDiagnostics> Ours;
  std::map<std::string, ClangdDiagnostics> Theirs;
  std::map<std::string, PendingCodeAction> CodeActions;

  struct CachedDatabase {
    std::unique_ptr<clang::tooling::CompilationDatabase> Db;
    std::string File; ///< compile_commands.json or compile_flags.txt
    llvm::sys::TimePoint<> Modified;
  };
  /// By directory.  Only the checks thread touches the databases.
  std::map<std::string, CachedDatabase> Databases;
  /// clangd's .clangd files: their CompileFlags edit the command as clangd
  /// edits its own.
  clangd::ConfigCache ClangdConfigs;
  std::unique_ptr<SummaryIndex> Index;
};

/// Worker mode ("--sliceguard-worker" [--sliceguard-parent=PID]
/// [--sliceguard-cpu-limit=SECONDS]): reads one request from stdin, writes
/// sliceguard JSON.
int runWorkerMode(int Argc, char **Argv);

/// Logs one line to stderr (the editor's server log).
void logLine(const llvm::Twine &Line);

} // namespace lsp
} // namespace sliceguard

#endif
