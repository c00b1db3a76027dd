// A function whose CFG is over the max-cfg-blocks budget is skipped with one
// remark naming it; functions under the budget are still checked, and
// remarks change neither -Werror nor the exit status.
// REQUIRES: plugin
// RUN: %sg_verify=small -fplugin-arg-sliceguard-max-cfg-blocks=20 %s
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -fplugin-arg-sliceguard-max-cfg-blocks=20 \
// RUN:   -Werror -DONLY_BRANCHY %s 2>&1 | FileCheck %s --check-prefix=WERROR
// WERROR: remark: 'branchy': analysis skipped: too large
// WERROR-NOT: error:
// RUN: %sg_verify=all %s
// RUN: %sg_verify=all -fplugin-arg-sliceguard-max-cfg-blocks=0 %s
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -fplugin-arg-sliceguard-max-cfg-blocks=20 \
// RUN:   -fplugin-arg-sliceguard-stats %s 2>&1 | FileCheck %s --check-prefix=STATS
// STATS: remark: 'branchy': analysis skipped: too large ({{[0-9]+}} CFG blocks, over max-cfg-blocks=20) [sliceguard]
// STATS-NOT: remark:
// STATS: sliceguard: 2 functions use the runtime, 2 needed the flow analysis, 1 findings
// STATS: sliceguard: 1 functions skipped as too large
//
// A long generated function (3,000 guarded appends, over 6,000 blocks) under
// a small budget: one remark, no finding, no crash.
// RUN: %python %src_root/testcases/bench/gen_long_function.py --repeat 3000 --hazard -o %t.long.c
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -fplugin-arg-sliceguard-max-cfg-blocks=1000 \
// RUN:   %t.long.c 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: remark: 'long_function': analysis skipped: too large ({{[0-9]+}} CFG blocks, over max-cfg-blocks=1000) [sliceguard]
// LONG-NOT: warning:
// LONG-NOT: remark:

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

int branchy(sg_arena *a, ints v, int s) { // small-remark {{'branchy': analysis skipped: too large}}
  int *p = ints_at(v, 0); // all-note {{'p' points into 'v' from here}}
  if (s == 1) s += 1;
  if (s == 2) s += 2;
  if (s == 3) s += 3;
  if (s == 4) s += 4;
  if (s == 5) s += 5;
  if (s == 6) s += 6;
  if (s == 7) s += 7;
  if (s == 8) s += 8;
  if (s == 9) s += 9;
  if (s == 10) s += 10;
  v = ints_append(a, v, s); // all-note {{'v' may be reallocated by this append}}
  return *p; // all-warning {{'p' may point into the old backing array of 'v' after an append}}
}

#ifndef ONLY_BRANCHY
int small(sg_arena *a, ints v) {
  int *p = ints_at(v, 0); // small-note {{'p' points into 'v' from here}} all-note {{'p' points into 'v' from here}}
  v = ints_append(a, v, 1); // small-note {{'v' may be reallocated by this append}} all-note {{'v' may be reallocated by this append}}
  return *p; // small-warning {{'p' may point into the old backing array of 'v'}} all-warning {{'p' may point into the old backing array of 'v'}}
}
#endif
