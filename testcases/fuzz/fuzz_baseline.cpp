// fuzz_baseline.cpp - libFuzzer target: the streaming JSON reader and the
// baseline reader of the tools' common library, against llvm::json.
//
// Oracles, on every input:
//  - the streaming scanner accepts only what llvm::json::parse accepts
//    (it is stricter on numbers only), and refuses nesting deeper than
//    MaxJsonDepth;
//  - when the baseline reader accepts a document, the fingerprints equal
//    what a llvm::json tree of the same document holds in
//    findings[*].fingerprint;
//  - when the tree has a "findings" array whose every entry has a string
//    fingerprint and the scanner accepts the syntax, the reader accepts.
// Any difference aborts, and libFuzzer keeps the input.
//
// REQUIRES: libfuzzer, fuzz-tools
// RUN: rm -rf %t.dir && mkdir -p %t.dir/new
// RUN: %fuzz_cxx %fuzz_tools_flags %S/fuzz_baseline.cpp \
// RUN:   %src_root/plugin/tools/common/JsonLimits.cpp \
// RUN:   %src_root/plugin/tools/common/Baseline.cpp %fuzz_tools_libs \
// RUN:   -o %t.dir/fuzz_baseline
// Replay the committed corpus, then a fixed number of runs from it (a run
// count, not a time: the same work on a loaded machine):
// RUN: %t.dir/fuzz_baseline -runs=0 %S/corpus/fuzz_baseline 2>&1 | FileCheck %s
// RUN: %t.dir/fuzz_baseline -runs=3000 -seed=1 -max_len=4096 -timeout=60 \
// RUN:   -rss_limit_mb=2048 -print_final_stats=1 %t.dir/new \
// RUN:   %S/corpus/fuzz_baseline 2>&1 | FileCheck %s --check-prefix=FUZZ
// CHECK: INFO: {{.*}}inputs
// CHECK-NOT: ERROR
// CHECK: Done {{[0-9]+}} runs
// FUZZ-NOT: ERROR
// FUZZ: Done 3000 runs
// FUZZ: stat::number_of_executed_units: 3000
#include "Baseline.h"
#include "JsonHelpers.h"
#include "JsonLimits.h"
#include "llvm/Support/JSON.h"
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace sliceguard::tools;

static void require(bool Condition, const char *What) {
  if (!Condition) {
    std::fprintf(stderr, "fuzz_baseline: %s\n", What);
    std::abort();
  }
}

/// The fingerprints the old, tree-based reader found, or nothing when it
/// would have refused the document.
static std::optional<std::set<std::string>>
fromTree(const llvm::json::Value &Doc) {
  const llvm::json::Object *Top = Doc.getAsObject();
  const llvm::json::Array *Entries = Top ? Top->getArray("findings") : nullptr;
  if (!Entries)
    return std::nullopt;
  std::set<std::string> Known;
  for (const llvm::json::Value &E : *Entries) {
    const llvm::json::Object *O = E.getAsObject();
    // getStr hides llvm::Optional (LLVM 14) vs std::optional.
    auto FP = getStr(O, "fingerprint");
    if (!FP)
      return std::nullopt;
    Known.insert(*FP);
  }
  return Known;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Error Syntax =
      scanJson(Text, [](const JsonEvent &) { return llvm::Error::success(); });
  bool SyntaxOk = !Syntax;
  llvm::consumeError(std::move(Syntax));
  auto Streamed = readBaselineText(Text, "fuzz.json");
  if (jsonNestingDepth(Text, MaxJsonDepth) > MaxJsonDepth) {
    require(!SyntaxOk, "accepted nesting deeper than the limit");
    require(!Streamed, "baseline nested deeper than the limit accepted");
    llvm::consumeError(Streamed.takeError());
    return 0;
  }
  auto Tree = llvm::json::parse(Text);
  if (SyntaxOk)
    require(bool(Tree), "scanner accepted what llvm::json rejects");
  std::optional<std::set<std::string>> Expected;
  if (Tree)
    Expected = fromTree(*Tree);
  else
    llvm::consumeError(Tree.takeError());
  if (Streamed) {
    require(Expected.has_value(), "reader accepted a baseline the tree lacks");
    require(*Streamed == *Expected, "fingerprints differ from the tree's");
  } else {
    llvm::consumeError(Streamed.takeError());
    require(!(SyntaxOk && Expected), "reader refused a good baseline");
  }
  return 0;
}
