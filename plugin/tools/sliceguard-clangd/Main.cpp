//===- Main.cpp - sliceguard-clangd, a drop-in for clangd -----------------===//
//
// Editors start this instead of clangd.  It starts the real clangd and
// relays the conversation, adding sliceguard's diagnostics and fix-its
// (see Companion.h).  Its own options start with --sliceguard- (plus
// --clangd=PATH); every other argument goes to clangd unchanged.
//
//===----------------------------------------------------------------------===//
#include "Companion.h"
#include "CompileCommands.h"
#include "Subprocess.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
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
  --sliceguard-werror              report findings as errors
  --sliceguard-header-filter=REGEX also check headers matching REGEX
  --sliceguard-debounce-ms=N       wait N ms after an edit (default 400)
  --sliceguard-timeout=SECONDS     give up on one run after this (default 60)
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
    } else if (A == "--sliceguard-werror") {
      S.Config.LibraryArgs.push_back("werror");
    } else if (A.consume_front("--sliceguard-header-filter=")) {
      S.Config.LibraryArgs.push_back(("header-filter=" + A).str());
    } else if (A.consume_front("--sliceguard-debounce-ms=")) {
      S.Config.Debounce =
          std::chrono::milliseconds(parseNumber("--sliceguard-debounce-ms", A));
    } else if (A.consume_front("--sliceguard-timeout=")) {
      S.Config.TimeoutSeconds = parseNumber("--sliceguard-timeout", A);
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
  if (!Requested.empty())
    return Requested;
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
  fail("cannot start " + Argv[0] + ": " + std::strerror(errno));
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc >= 2 && llvm::StringRef(Argv[1]) == "--sliceguard-worker")
    return runWorkerMode();
  // A vanished editor or clangd must surface as a failed write, not kill us.
  signal(SIGPIPE, SIG_IGN);
  Setup S = parseArguments(Argc, Argv);

  std::vector<std::string> ClangdArgv = {findClangd(S.Clangd)};
  ClangdArgv.insert(ClangdArgv.end(), S.ClangdArgs.begin(), S.ClangdArgs.end());
  if (isOneShot(S.ClangdArgs))
    execClangd(ClangdArgv);
  std::string Error;
  Child Clangd = spawnPiped(ClangdArgv, Error);
  if (Clangd.Pid < 0)
    fail(Error);
  logLine("started " + ClangdArgv[0]);

  MessageWriter ToEditor(1), ToClangd(Clangd.ToChild);
  Companion C(S.Config, ToEditor, ToClangd);
  std::thread Checks([&] { C.runChecksLoop(); });

  // clangd decides when the session is over: once its stdout closes (after
  // "exit", or a crash) we leave with its status.
  std::thread FromClangd([&] {
    MessageReader Reader(Clangd.FromChild);
    while (auto Message = Reader.read())
      C.fromClangd(*Message);
    int Status = 0;
    waitpid(Clangd.Pid, &Status, 0);
    C.stop();
    Checks.join();
    int Code = WIFEXITED(Status) ? WEXITSTATUS(Status) : 1;
    if (Code != 0)
      logLine("clangd exited with status " + std::to_string(Code));
    _exit(Code);
  });

  MessageReader FromEditor(0);
  while (auto Message = FromEditor.read())
    C.fromEditor(*Message);
  // The editor hung up: let clangd see end of input and wind down.
  ToClangd.close();
  FromClangd.join();
  return 0;
}
