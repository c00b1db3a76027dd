//===- Main.cpp - sliceguard-clangd, a drop-in for clangd -----------------===//
//
// Editors start this instead of clangd.  It starts the real clangd and
// relays the conversation, adding sliceguard's diagnostics and fix-its
// (see Companion.h).  Its own options start with --sliceguard- (plus
// --clangd=PATH); every other argument goes to clangd unchanged.
//
// The session ends at the first of: the editor's "exit", the end of the
// editor's input (or a framing error in it), clangd's output closing (clangd
// exited or died), or SIGTERM/SIGINT/SIGHUP.  Then the running check is
// killed, clangd gets end of input and a short grace period before it is
// killed too, and the companion is gone well within a second.  clangd and
// the worker are started so that the kernel kills them if the companion is
// killed outright (SIGKILL).
//
//===----------------------------------------------------------------------===//
#include "Companion.h"
#include "CompileCommands.h"
#include "Subprocess.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace sliceguard;
using namespace sliceguard::lsp;

namespace {

const char Help[] = R"(USAGE: sliceguard-clangd [options] [clangd options]

A drop-in replacement for clangd: starts the real clangd and adds
sliceguard's diagnostics and fix-its to what it reports.  Point your
editor's clangd path at this program.

OPTIONS (everything else is passed to clangd):
  --clangd=PATH                    the clangd to start (default: clangd-N for
                                   the LLVM sliceguard was built with, then
                                   clangd)
  --sliceguard-checks=GLOBS        select checks, e.g. "-*,map-*"
  --sliceguard-models=GLOBS        select built-in library models
  --sliceguard-model=FILE          load a library model file
  --sliceguard-werror              report findings as errors
  --sliceguard-header-filter=REGEX also check headers matching REGEX
  --sliceguard-max-cfg-blocks=N    skip functions over N CFG blocks; each one
                                   shows as an Information diagnostic on its
                                   name and a log line (default 10000)
  --sliceguard-debounce-ms=N       wait N ms after an edit (default 400)
  --sliceguard-timeout=SECONDS     give up on one run after this (default 60)
  --sliceguard-cpu-limit=SECONDS   CPU time limit of one run, a backstop for
                                   the timeout (default: timeout + 5)
  --sliceguard-resource-dir=DIR    clang resource directory (builtin headers)
  --sliceguard-help                print this help
)";

struct Setup {
  CompanionConfig Config;
  std::string Clangd;
  std::vector<std::string> ClangdArgs;
};

[[noreturn]] void fail(const llvm::Twine &Message) {
  logLine("error: " + Message);
  std::exit(2);
}

unsigned parseNumber(llvm::StringRef Option, llvm::StringRef Text) {
  unsigned N = 0;
  if (Text.getAsInteger(10, N))
    fail(Option + " needs a number, got '" + Text + "'");
  return N;
}

Setup parseArguments(int Argc, char **Argv) {
  Setup S;
  S.Config.SelfPath = selfExecutable(Argv[0]);
  S.Config.ResourceDir = tools::defaultResourceDir();
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    if (A == "--sliceguard-help") {
      llvm::outs() << Help;
      std::exit(0);
    } else if (A.consume_front("--clangd=")) {
      S.Clangd = A.str();
    } else if (A.consume_front("--sliceguard-checks=")) {
      S.Config.LibraryArgs.push_back(("checks=" + A).str());
    } else if (A.consume_front("--sliceguard-models=")) {
      S.Config.LibraryArgs.push_back(("models=" + A).str());
    } else if (A.consume_front("--sliceguard-model=")) {
      S.Config.LibraryArgs.push_back(("model=" + A).str());
    } else if (A == "--sliceguard-werror") {
      S.Config.LibraryArgs.push_back("werror");
    } else if (A.consume_front("--sliceguard-header-filter=")) {
      S.Config.LibraryArgs.push_back(("header-filter=" + A).str());
    } else if (A.consume_front("--sliceguard-max-cfg-blocks=")) {
      S.Config.LibraryArgs.push_back(("max-cfg-blocks=" + A).str());
    } else if (A.consume_front("--sliceguard-debounce-ms=")) {
      S.Config.Debounce =
          std::chrono::milliseconds(parseNumber("--sliceguard-debounce-ms", A));
    } else if (A.consume_front("--sliceguard-timeout=")) {
      S.Config.TimeoutSeconds = parseNumber("--sliceguard-timeout", A);
    } else if (A.consume_front("--sliceguard-cpu-limit=")) {
      S.Config.CpuLimitSeconds = parseNumber("--sliceguard-cpu-limit", A);
    } else if (A.consume_front("--sliceguard-worker-path=")) {
      S.Config.SelfPath = A.str(); // for tests: a worker that misbehaves
    } else if (A.consume_front("--sliceguard-resource-dir=")) {
      S.Config.ResourceDir = A.str();
    } else if (A.substr(0, 13) == "--sliceguard-") {
      fail("unknown option '" + A + "' (see --sliceguard-help)");
    } else {
      // clangd's option parser takes -opt=V, --opt=V, -opt V and --opt V.
      llvm::StringRef Name = A.ltrim('-').split('=').first;
      if (Name == "compile-commands-dir") {
        if (A.contains('='))
          S.Config.CompileCommandsDir = A.split('=').second.str();
        else if (I + 1 < Argc) {
          S.ClangdArgs.push_back(Argv[I]);
          S.Config.CompileCommandsDir = Argv[++I];
        }
      }
      S.ClangdArgs.push_back(Argv[I]);
    }
  }
  // Bad check globs must show up now, in the editor's log, not per file.
  Options Probe;
  for (const std::string &Arg : S.Config.LibraryArgs)
    if (llvm::Error E = parseArgument(Arg, Probe))
      fail(llvm::toString(std::move(E)));
  return S;
}

std::string findClangd(const std::string &Requested) {
  if (!Requested.empty()) {
    // clangd is started through ourselves (see startClangd): say here what
    // exec would say there.
    auto Found = llvm::StringRef(Requested).contains('/')
                     ? llvm::ErrorOr<std::string>(Requested)
                     : llvm::sys::findProgramByName(Requested);
    if (!Found || !llvm::sys::fs::can_execute(*Found))
      fail("cannot start " + Requested + ": " +
           std::strerror(Found && llvm::sys::fs::exists(*Found) ? EACCES
                                                                : ENOENT));
    return *Found;
  }
  for (const char *Name : {SLICEGUARD_CLANGD_NAME, "clangd"})
    if (auto Found = llvm::sys::findProgramByName(Name))
      return *Found;
  fail("cannot find clangd (tried " SLICEGUARD_CLANGD_NAME
       " and clangd in PATH); pass --clangd=PATH");
}

/// clangd modes that print a result and exit instead of speaking LSP
/// (editors run "clangd --version" to learn the version): their output is
/// not LSP, so clangd gets the terminal to itself.
bool isOneShot(const std::vector<std::string> &ClangdArgs) {
  for (llvm::StringRef A : ClangdArgs) {
    llvm::StringRef Name = A.ltrim('-').split('=').first;
    if (!A.empty() && A[0] == '-' &&
        (Name == "version" || Name == "help" || Name == "help-hidden" ||
         Name == "help-list" || Name == "check"))
      return true;
  }
  return false;
}

[[noreturn]] void execClangd(const std::vector<std::string> &Argv) {
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  execvp(Args[0], Args.data());
  logLine("error: cannot start " + Argv[0] + ": " + std::strerror(errno));
  _exit(127);
}

/// "--sliceguard-exec-clangd PARENT CLANGD ARGS...": the first moments of
/// the clangd child.  posix_spawn cannot ask for a parent-death signal, so
/// clangd starts as ourselves, asks for it, and becomes clangd; the request
/// survives exec.
[[noreturn]] void runClangdTrampoline(int Argc, char **Argv) {
  pid_t Parent = 0;
  if (Argc < 4 || llvm::StringRef(Argv[2]).getAsInteger(10, Parent))
    fail("bad --sliceguard-exec-clangd arguments");
  if (!dieWithParent(Parent))
    _exit(1);
  execClangd(std::vector<std::string>(Argv + 3, Argv + Argc));
}

/// How the session ended, as the threads that notice report it.
class SessionEnd {
public:
  enum Reason { None, EditorExit, EditorGone, ClangdGone, Signal };
  void report(Reason R, int Sig = 0) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Why != None)
      return;
    Why = R;
    SignalNumber = Sig;
    Changed.notify_all();
  }
  Reason wait() {
    std::unique_lock<std::mutex> Lock(Mutex);
    Changed.wait(Lock, [&] { return Why != None; });
    return Why;
  }
  int signalNumber() {
    std::lock_guard<std::mutex> Lock(Mutex);
    return SignalNumber;
  }

private:
  std::mutex Mutex;
  std::condition_variable Changed;
  Reason Why = None;
  int SignalNumber = 0;
};

/// clangd gets this long after end of input before it is stopped.  An idle
/// clangd exits at once after "exit"; one still building a file finishes
/// that first (seconds for a big preamble), which editors do not wait for
/// (see docs/editors.md).
constexpr auto ClangdGrace = std::chrono::milliseconds(300);

/// Waits up to \p Limit for \p Pid; true (and \p Status) once it exited.
bool waitFor(pid_t Pid, int &Status, std::chrono::milliseconds Limit) {
  auto Deadline = std::chrono::steady_clock::now() + Limit;
  for (;;) {
    pid_t R = waitpid(Pid, &Status, WNOHANG);
    if (R == Pid || (R < 0 && errno != EINTR))
      return true;
    if (std::chrono::steady_clock::now() >= Deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

/// Ends clangd: it has had end of input; it gets ClangdGrace to exit, then
/// SIGTERM, then SIGKILL.  Returns its status and whether we stopped it.
int reapClangd(pid_t Pid, bool &Stopped) {
  int Status = 0;
  Stopped = false;
  if (waitFor(Pid, Status, ClangdGrace))
    return Status;
  Stopped = true;
  kill(Pid, SIGTERM);
  if (waitFor(Pid, Status, std::chrono::milliseconds(150)))
    return Status;
  kill(Pid, SIGKILL);
  while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  return Status;
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc >= 2 && llvm::StringRef(Argv[1]) == "--sliceguard-worker")
    return runWorkerMode(Argc, Argv);
  if (Argc >= 2 && llvm::StringRef(Argv[1]) == "--sliceguard-exec-clangd")
    runClangdTrampoline(Argc, Argv);
  // A vanished editor or clangd must surface as a failed write, not kill us.
  signal(SIGPIPE, SIG_IGN);
  Setup S = parseArguments(Argc, Argv);

  std::vector<std::string> ClangdArgv = {findClangd(S.Clangd)};
  ClangdArgv.insert(ClangdArgv.end(), S.ClangdArgs.begin(), S.ClangdArgs.end());
  if (isOneShot(S.ClangdArgs))
    execClangd(ClangdArgv);

  // Termination signals are taken by a thread of ours (below), so they end
  // the session in order instead of leaving clangd and a worker behind.
  sigset_t Termination;
  sigemptyset(&Termination);
  for (int Sig : {SIGTERM, SIGINT, SIGHUP})
    sigaddset(&Termination, Sig);
  pthread_sigmask(SIG_BLOCK, &Termination, nullptr);

  std::vector<std::string> Spawned = {selfExecutable(Argv[0]),
                                      "--sliceguard-exec-clangd",
                                      std::to_string(getpid())};
  Spawned.insert(Spawned.end(), ClangdArgv.begin(), ClangdArgv.end());
  std::string Error;
  Child Clangd = spawnPiped(Spawned, Error);
  if (Clangd.Pid < 0)
    fail(Error);
  logLine("started " + ClangdArgv[0]);

  MessageWriter ToEditor(1), ToClangd(Clangd.ToChild);
  Companion C(S.Config, ToEditor, ToClangd);
  SessionEnd End;
  std::thread([&] { C.runChecksLoop(); }).detach();
  std::thread([&] {
    int Sig = 0;
    while (sigwait(&Termination, &Sig) != 0) {
    }
    End.report(SessionEnd::Signal, Sig);
  }).detach();
  std::thread([&] {
    MessageReader Reader(Clangd.FromChild);
    while (auto Message = Reader.read())
      C.fromClangd(*Message);
    if (!Reader.error().empty())
      logLine("unreadable output from clangd: " + Reader.error());
    End.report(SessionEnd::ClangdGone);
  }).detach();
  std::thread([&] {
    MessageReader Reader(0);
    while (auto Message = Reader.read())
      if (C.fromEditor(*Message)) {
        End.report(SessionEnd::EditorExit);
        return;
      }
    if (!Reader.error().empty())
      logLine("error: unreadable input from the editor: " + Reader.error());
    End.report(SessionEnd::EditorGone);
  }).detach();

  // Nothing below waits for another thread: any of them may be stuck
  // writing to a peer that stopped reading.  The checks thread kills its
  // worker when stop() cancels it; should the process exit first, the
  // kernel kills the worker (PR_SET_PDEATHSIG).
  SessionEnd::Reason Why = End.wait();
  C.stop();
  ToClangd.close(); // clangd sees end of input (after "exit": nothing more)
  bool Stopped = false;
  int Status = reapClangd(Clangd.Pid, Stopped);
  int Code;
  if (Stopped) {
    logLine("clangd did not exit within " +
            std::to_string(ClangdGrace.count()) + " ms; stopped it");
    // The LSP's exit code: 0 after shutdown and exit, else 1.
    Code = Why == SessionEnd::EditorExit && C.shutdownRequested() ? 0 : 1;
  } else if (WIFSIGNALED(Status)) {
    logLine("clangd was " + describeStatus(Status));
    Code = 1;
  } else {
    Code = WEXITSTATUS(Status);
    if (Code != 0)
      logLine("clangd exited with status " + std::to_string(Code));
  }
  if (Why == SessionEnd::Signal) {
    logLine("stopped by signal " + std::to_string(End.signalNumber()));
    Code = 128 + End.signalNumber();
  }
  std::fflush(nullptr);
  _exit(Code);
}
