// The arena hands out zeroed memory although its blocks come from malloc
// (each allocation zeroes its own bytes, not the block up front): fresh
// allocations, the spare capacity of a slice that append grew (always to
// a new array, as in Go), make's array and a map's table are all
// zero, also when the memory was dirtied before and given back by reset.
// Under AddressSanitizer malloc fills new memory with garbage, which makes
// the first round meaningful too.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -O2 %s -o %t.gcc && %t.gcc | FileCheck %s
//
// CHECK: round 0: alloc=1 append=1 moved=1 make=1 map=1 align=1
// CHECK: round 1: alloc=1 append=1 moved=1 make=1 map=1 align=1
// CHECK: round 2: alloc=1 append=1 moved=1 make=1 map=1 align=1
// CHECK: reset keeps memory: 1
#include <stdio.h>

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP counts
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

static int all_zero(const void *p, size_t n) {
  const unsigned char *b = (const unsigned char *)p;
  for (size_t i = 0; i < n; i++)
    if (b[i])
      return 0;
  return 1;
}

// Every element of s's spare capacity, read through s[0:cap], is zero.
static int spare_is_zero(ints s) {
  ints whole = ints_slice(s, 0, s.cap);
  for (ptrdiff_t i = s.len; i < s.cap; i++)
    if (ints_get(whole, i) != 0)
      return 0;
  return 1;
}

// Dirties everything it allocates, so the next round (after reset) gets
// memory that held non-zero bytes.
static void round_trip(sg_arena *a, int round) {
  // A small slice moved to a new array because something was allocated
  // after it: first, so that after a reset it lands where the last round
  // left dirty bytes.
  ints small = {0};
  for (int i = 1; i <= 10; i++)
    small = ints_append(a, small, i);
  (void)sg_arena_alloc(a, 16);
  ints t = ints_append(a, ints_slice(small, 0, small.cap), 7);
  int moved_ok = t.ptr != small.ptr && spare_is_zero(t);
  memset(t.ptr, 0xee, (size_t)t.cap * sizeof(int));
  memset(small.ptr, 0xee, (size_t)small.cap * sizeof(int));

  char *p = sg_arena_alloc(a, 3000);
  int alloc_ok = all_zero(p, 3000);
  memset(p, 0xab, 3000);

  // Grown by append, one element at a time, through every capacity.
  ints s = {0};
  int append_ok = 1;
  for (int i = 1; i <= 5000; i++) {
    s = ints_append(a, s, i);
    append_ok &= spare_is_zero(s);
  }
  memset(s.ptr, 0xee, (size_t)s.cap * sizeof(int));

  ints m = ints_make(a, 100, 300);
  int make_ok = all_zero(m.ptr, 300 * sizeof(int));
  memset(m.ptr, 0x5a, 300 * sizeof(int));

  counts c = counts_make(a, 1000);
  int map_ok = counts_len(c) == 0;
  for (int k = 0; k < 2000; k++)
    counts_put(c, k, k + 1);
  for (int k = 0; k < 2000; k++)
    map_ok &= counts_get(c, k) == k + 1 && counts_get(c, k + 5000) == 0;
  ptrdiff_t seen = 0;
  sg_range(counts, c, it) seen++;
  map_ok &= seen == 2000 && counts_len(c) == 2000;

  void *aligned = sg_arena_alloc_aligned(a, 40, 64);
  int align_ok = ((uintptr_t)aligned & 63) == 0 && all_zero(aligned, 40);
  memset(aligned, 0x11, 40);

  printf("round %d: alloc=%d append=%d moved=%d make=%d map=%d align=%d\n",
         round, alloc_ok, append_ok, moved_ok, make_ok, map_ok, align_ok);
}

int main(void) {
  sg_arena *a = sg_arena_new();
  for (int round = 0; round < 3; round++) {
    round_trip(a, round);
    sg_arena_reset(a);
  }
  // Reset keeps its largest block (and the first, which is part of the
  // arena's own allocation) rather than giving everything back.
  printf("reset keeps memory: %d\n", sg_arena_reserved(a) > 0);
  sg_arena_free(a);
  return 0;
}
