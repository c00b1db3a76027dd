// fuzz_summary.cpp - libFuzzer target: the summary file reader (Summary.h),
// which reads files other compiles (other machines, other people's
// repositories) wrote.
//
// Oracles, on every input:
//  - readSummaryFile never crashes, hangs or runs out of memory: it
//    accepts or returns an error;
//  - what it accepts writes back to a file that reads again to the same
//    summaries (write(read(write(x))) == write(x)), so the reader and the
//    writer agree on every field StoredSummary::fields() lists;
//  - a store fed the accepted file answers for each of its identities.
// Any difference aborts, and libFuzzer keeps the input.
//
// REQUIRES: libfuzzer, fuzz-tools
// RUN: rm -rf %t.dir && mkdir -p %t.dir/new
// RUN: %fuzz_cxx %fuzz_tools_flags %S/fuzz_summary.cpp \
// RUN:   %src_root/plugin/Summary.cpp %fuzz_tools_libs \
// RUN:   -o %t.dir/fuzz_summary
// Replay the committed corpus, then a fixed number of runs from it (a run
// count, not a time: the same work on a loaded machine):
// RUN: %t.dir/fuzz_summary -runs=0 %S/corpus/fuzz_summary 2>&1 | FileCheck %s
// RUN: %t.dir/fuzz_summary -runs=3000 -seed=1 -max_len=4096 -timeout=60 \
// RUN:   -rss_limit_mb=2048 -print_final_stats=1 %t.dir/new \
// RUN:   %S/corpus/fuzz_summary 2>&1 | FileCheck %s --check-prefix=FUZZ
// CHECK: INFO: {{.*}}inputs
// CHECK-NOT: ERROR
// CHECK: Done {{[0-9]+}} runs
// FUZZ-NOT: ERROR
// FUZZ: Done 3000 runs
// FUZZ: stat::number_of_executed_units: 3000
#include "Summary.h"
#include <cstdio>
#include <cstdlib>

using namespace sliceguard;

static void fail(const char *Why) {
  std::fprintf(stderr, "fuzz_summary: %s\n", Why);
  std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<SummaryFile> F = readSummaryFile(Text);
  if (!F) {
    if (llvm::toString(F.takeError()).empty())
      fail("an error without a message");
    return 0;
  }
  std::string Once = writeSummaryFile(*F);
  llvm::Expected<SummaryFile> Again = readSummaryFile(Once);
  if (!Again) {
    llvm::consumeError(Again.takeError());
    fail("the writer's output does not read back");
  }
  if (writeSummaryFile(*Again) != Once)
    fail("read(write(x)) differs from x");
  SummaryStore Store;
  Store.add(*F);
  for (const StoredSummary &S : F->Functions)
    if (!Store.find(S.Id))
      fail("an accepted summary is not in the store");
  return 0;
}
