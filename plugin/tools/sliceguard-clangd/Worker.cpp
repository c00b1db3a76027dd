//===- Worker.cpp - worker mode: one check run in a throwaway process -----===//
//
// The companion starts itself as "sliceguard-clangd --sliceguard-worker" for
// every run of the checks.  The request (compile command, buffer text,
// options) arrives as JSON on stdin; the findings leave as sliceguard JSON
// on stdout.  If the checks crash on some input, only this process dies.
//
// A worker never outlives the companion: it asks the kernel to kill it when
// its parent dies (SIGKILL of the companion included), and a CPU-time limit
// stops it even if that fails or the companion hangs.  It never leaves a
// core file in the user's project either.
//
//===----------------------------------------------------------------------===//
#include "Companion.h"
#include "JsonHelpers.h"
#include "JsonLimits.h"
#include "Reports.h"
#include "RunChecks.h"
#include "Subprocess.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <sys/resource.h>
#include <unistd.h>

namespace sliceguard {
namespace lsp {

namespace json = llvm::json;

static llvm::Expected<tools::RunRequest> requestFromJson(const json::Value &V,
                                                         Options &Opts) {
  const json::Object *O = V.getAsObject();
  auto File = tools::getStr(O, "file");
  const json::Array *Args = O ? O->getArray("arguments") : nullptr;
  if (!File || !Args)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "worker request lacks file or arguments");
  std::vector<std::string> CommandLine;
  for (const json::Value &A : *Args)
    if (auto S = A.getAsString())
      CommandLine.push_back(S->str());
  tools::RunRequest R;
  R.Command = clang::tooling::CompileCommand(tools::strOr(O, "directory"),
                                             *File, CommandLine, "");
  if (auto Contents = tools::getStr(O, "contents"))
    R.Contents = std::move(*Contents);
  if (auto Dir = tools::getStr(O, "resourceDir"); Dir && !Dir->empty())
    R.ResourceDir = *Dir;
  if (const json::Array *LibraryArgs = O->getArray("options"))
    for (const json::Value &A : *LibraryArgs)
      if (auto S = A.getAsString())
        if (llvm::Error E = parseArgument(*S, Opts))
          return std::move(E);
  return R;
}

namespace {

struct WorkerLimits {
  pid_t Parent = 0;
  unsigned CpuSeconds = 0;
  bool Spin = false;
};

bool parseWorkerArguments(int Argc, char **Argv, WorkerLimits &L) {
  for (int I = 2; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    if (A.consume_front("--sliceguard-parent=")) {
      if (A.getAsInteger(10, L.Parent))
        return false;
    } else if (A.consume_front("--sliceguard-cpu-limit=")) {
      if (A.getAsInteger(10, L.CpuSeconds))
        return false;
    } else if (A == "--sliceguard-test-spin") {
      L.Spin = true;
    } else {
      return false;
    }
  }
  return true;
}

/// The soft limit sends SIGXCPU (which kills), the hard one a second later
/// SIGKILL, for a worker stuck with SIGXCPU blocked.
void limitCpu(unsigned Seconds) {
  rlimit CPU = {Seconds, Seconds + 1};
  setrlimit(RLIMIT_CPU, &CPU);
}

} // namespace

int runWorkerMode(int Argc, char **Argv) {
  WorkerLimits Limits;
  if (!parseWorkerArguments(Argc, Argv, Limits)) {
    logLine("worker: bad arguments");
    return 3;
  }
  if (Limits.Parent && !dieWithParent(Limits.Parent))
    return 3; // the companion is gone already: nobody wants the result
  rlimit NoCore = {0, 0};
  setrlimit(RLIMIT_CORE, &NoCore);
  if (Limits.CpuSeconds)
    limitCpu(Limits.CpuSeconds);
  auto Input = llvm::MemoryBuffer::getSTDIN();
  if (!Input) {
    logLine("worker: cannot read stdin");
    return 3;
  }
  auto Parsed = tools::parseLimited((*Input)->getBuffer());
  if (!Parsed) {
    logLine("worker: bad request: " + llvm::toString(Parsed.takeError()));
    return 3;
  }
  // For the tests of the limits above: a check that never ends.
  for (volatile unsigned long Spins = 0; Limits.Spin;)
    ++Spins;
  Options Opts;
  auto Request = requestFromJson(*Parsed, Opts);
  if (!Request) {
    logLine("worker: " + llvm::toString(Request.takeError()));
    return 3;
  }
  tools::Report R = tools::runChecks(*Request, Opts);
  if (Opts.WarningsAsErrors)
    for (tools::FindingRecord &F : R.Findings)
      F.IsError = true;
  llvm::outs() << tools::toJson(R, tools::OutputContext());
  llvm::outs().flush();
  return 0;
}

} // namespace lsp
} // namespace sliceguard
