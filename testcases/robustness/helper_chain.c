// Regression: summaries of helpers that call helpers.  Each level below
// calls the one before it three times; the summaries once passed every
// copy of an effect up the chain, 3^20 of them at the top, and clang with
// the plugin ran out of memory (a 40-function generated program took 24 GB
// and six minutes).  One effect per parameter path now: instant;
// crashcheck's timeout (300 s) is a hang guard, not a measurement.
//
// REQUIRES: plugin
// RUN: %crashcheck %clang -fsyntax-only %sg_inc %sg_plugin %s \
// RUN:   2>&1 | FileCheck %s
// The bug is still found through all twenty levels, with the note at the
// insert itself:
// CHECK: helper_chain.c:[[@LINE+40]]:29: warning: call to 'h20' inserts into map 'm' while ranging over it{{.*}} [sliceguard-map-insert-in-range]
// CHECK: note: 'h0' inserts into its map parameter here
// CHECK: crashcheck: ok (exit 0)
#include <sliceguard/arena.h>

#define SG_MAP intmap
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

static void h0(intmap m, int k) { intmap_put(m, k, 1); }

#define LEVEL(n, prev)                                                         \
  static void h##n(intmap m, int k) {                                          \
    prev(m, k);                                                                \
    prev(m, k + 1);                                                            \
    prev(m, k + 2);                                                            \
  }
LEVEL(1, h0)
LEVEL(2, h1)
LEVEL(3, h2)
LEVEL(4, h3)
LEVEL(5, h4)
LEVEL(6, h5)
LEVEL(7, h6)
LEVEL(8, h7)
LEVEL(9, h8)
LEVEL(10, h9)
LEVEL(11, h10)
LEVEL(12, h11)
LEVEL(13, h12)
LEVEL(14, h13)
LEVEL(15, h14)
LEVEL(16, h15)
LEVEL(17, h16)
LEVEL(18, h17)
LEVEL(19, h18)
LEVEL(20, h19)

void grow_all(intmap m) {
  sg_range(intmap, m, it) { h20(m, it.key + 1); }
}
