//===- Worker.cpp - worker mode: one check run in a throwaway process -----===//
//
// The companion starts itself as "sliceguard-clangd --sliceguard-worker" for
// every run of the checks.  The request (compile command, buffer text,
// options) arrives as JSON on stdin; the findings leave as sliceguard JSON
// on stdout.  If the checks crash on some input, only this process dies.
//
//===----------------------------------------------------------------------===//
#include "Companion.h"
#include "JsonHelpers.h"
#include "JsonLimits.h"
#include "Reports.h"
#include "RunChecks.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

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

int runWorkerMode() {
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
