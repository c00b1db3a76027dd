// fuzz_compile_db.cpp - libFuzzer target: the compile-database reader of
// the tools' common library and the argument filter every entry goes
// through before clang's driver sees it.
//
// The input is a compile_commands.json.  Oracles, on every input:
//  - reading it never crashes, hangs or recurses without bound: nesting
//    deeper than MaxJsonDepth is an error, not a stack overflow;
//  - a database the reader accepts gives commands whose every relative
//    "directory" was resolved (all directories are absolute);
//  - the filter is a fixed point for what it removes: the adjusted
//    arguments of an entry, filtered again, contain nothing that could run
//    a program or read a configuration file (--config, --*-arch-tool=,
//    --offload-arch=, ...) and nothing clang does not know, and the input's
//    language verdict stays the same.
//
// REQUIRES: libfuzzer, fuzz-tools
// RUN: rm -rf %t.dir && mkdir -p %t.dir/new
// RUN: %fuzz_cxx %fuzz_tools_flags %S/fuzz_compile_db.cpp \
// RUN:   %src_root/plugin/tools/common/JsonLimits.cpp \
// RUN:   %src_root/plugin/tools/common/CompileCommands.cpp %fuzz_tools_libs \
// RUN:   -o %t.dir/fuzz_compile_db
// Replay the committed corpus, then a fixed number of runs from it:
// RUN: %t.dir/fuzz_compile_db -runs=0 %S/corpus/fuzz_compile_db 2>&1 \
// RUN:   | FileCheck %s
// RUN: %t.dir/fuzz_compile_db -runs=2000 -seed=1 -max_len=4096 -timeout=60 \
// RUN:   -rss_limit_mb=2048 -print_final_stats=1 %t.dir/new \
// RUN:   %S/corpus/fuzz_compile_db 2>&1 | FileCheck %s --check-prefix=FUZZ
// CHECK: INFO: {{.*}}inputs
// CHECK-NOT: ERROR
// CHECK: Done {{[0-9]+}} runs
// FUZZ-NOT: ERROR
// FUZZ: Done 2000 runs
// FUZZ: stat::number_of_executed_units: 2000
#include "CompileCommands.h"
#include "JsonLimits.h"
#include "llvm/Support/Path.h"
#include <cstdio>
#include <cstdlib>

using namespace sliceguard::tools;

static void require(bool Condition, const char *What,
                    llvm::StringRef Detail = {}) {
  if (!Condition) {
    std::fprintf(stderr, "fuzz_compile_db: %s %s\n", What,
                 Detail.str().c_str());
    std::abort();
  }
}

/// Large argument lists cost time, not coverage.
static constexpr size_t MaxCommands = 16, MaxArguments = 64;

static void checkFilter(const std::vector<std::string> &Args) {
  AdjustedCommand Once = adjustArguments(Args, "/resource", "/tool");
  if (!Once.NonCLanguage.empty() || Once.Args.empty())
    return;
  AdjustedCommand Twice = adjustArguments(Once.Args, "/resource", "/tool");
  for (const std::string &A : Twice.Unsafe)
    require(false, "an unsafe argument survived the filter:", A);
  for (const std::string &A : Twice.Unknown)
    require(false, "an unknown argument survived the filter:", A);
  require(Twice.NonCLanguage.empty(),
          "the language changed:", Twice.NonCLanguage);
  require(llvm::sys::path::parent_path(Once.Args[0]) == "/tool",
          "argv[0] was not moved:", Once.Args[0]);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Db = loadCompileCommandsText(Text, "/db/compile_commands.json");
  if (!Db) {
    llvm::consumeError(Db.takeError());
    return 0;
  }
  require(jsonNestingDepth(Text, MaxJsonDepth) <= MaxJsonDepth,
          "accepted nesting deeper than the limit");
  std::vector<clang::tooling::CompileCommand> All =
      (*Db)->getAllCompileCommands();
  if (All.size() > MaxCommands)
    All.resize(MaxCommands);
  for (const clang::tooling::CompileCommand &C : All) {
    require(llvm::sys::path::is_absolute(C.Directory),
            "a directory was not resolved:", C.Directory);
    if (C.CommandLine.size() <= MaxArguments)
      checkFilter(C.CommandLine);
  }
  return 0;
}
