// An append that outgrows the capacity returns a new array, as Go's does,
// even when the old array is the arena's newest allocation: no earlier view,
// 3-index slice or clone sees what is written through the result.  These
// are the five minimal cases of issue 11, which printed something Go never
// does while the runtime grew the arena's newest array in place.
// Inputs/append_moves.go is the same program in Go; append_moves.test
// diffs the two outputs when the Go toolchain is installed.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -O2 %s -o %t.gcc && %t.gcc | FileCheck %s
#include <stdio.h>

#include <sliceguard/arena.h>

#define SG_SLICE i64s
#define SG_ELEM int64_t
#include <sliceguard/slice.h>

// "name len=L cap=C [s[:cap]]": the spare capacity shows too, because that
// is where a wrongly shared array shows first.
static void show(const char *name, i64s s) {
  i64s whole = i64s_slice(s, 0, s.cap);
  printf("%s len=%td cap=%td [", name, s.len, s.cap);
  for (ptrdiff_t i = 0; i < whole.len; i++)
    printf(i ? " %lld" : "%lld", (long long)i64s_get(whole, i));
  printf("]\n");
}

static i64s pair(sg_arena *a, int64_t x, int64_t y) {
  i64s s = i64s_make(a, 2, 2); // []int64{x, y}
  i64s_set(s, 0, x);
  i64s_set(s, 1, y);
  return s;
}

int main(void) {
  sg_arena *a = sg_arena_new();

  // s := make([]int64, 1, 1); t := append(s, 1); t[0] = 2
  printf("case 1\n");
  i64s s = i64s_make(a, 1, 1);
  i64s t = i64s_append(a, s, 1);
  i64s_set(t, 0, 2);
  show("s", s);
  show("t", t);
  // CHECK-LABEL: case 1
  // CHECK-NEXT: s len=1 cap=1 [0]
  // CHECK-NEXT: t len=2 cap=2 [2 1]

  // s := make([]int64, 1, 1); old := s[:0]; s = append(s, 1);
  // old = append(old, 9)
  printf("case 2\n");
  s = i64s_make(a, 1, 1);
  i64s old = i64s_slice(s, 0, 0);
  s = i64s_append(a, s, 1);
  old = i64s_append(a, old, 9);
  show("s", s);
  show("old", old);
  // CHECK-LABEL: case 2
  // CHECK-NEXT: s len=2 cap=2 [0 1]
  // CHECK-NEXT: old len=1 cap=1 [9]

  // s := []int64{1, 2}; t := append(s[:2:2], 3); t[0] = 9
  printf("case 3\n");
  s = pair(a, 1, 2);
  t = i64s_append(a, i64s_slice3(s, 0, 2, 2), 3);
  i64s_set(t, 0, 9);
  show("s", s);
  show("t", t);
  // CHECK-LABEL: case 3
  // CHECK-NEXT: s len=2 cap=2 [1 2]
  // CHECK-NEXT: t len=3 cap=4 [9 2 3 0]

  // s := make([]int64, 1, 2); full := s[:2]; t := append(full, 5);
  // s = append(s, 7)
  printf("case 4\n");
  s = i64s_make(a, 1, 2);
  i64s full = i64s_slice(s, 0, 2);
  t = i64s_append(a, full, 5);
  s = i64s_append(a, s, 7);
  show("s", s);
  show("full", full);
  show("t", t);
  // CHECK-LABEL: case 4
  // CHECK-NEXT: s len=2 cap=2 [0 7]
  // CHECK-NEXT: full len=2 cap=2 [0 7]
  // CHECK-NEXT: t len=3 cap=4 [0 0 5 0]

  // s := []int64{1, 2}; c := append(s[:0:0], s...); d := append(c, 3);
  // d[0] = 9
  printf("case 5\n");
  s = pair(a, 1, 2);
  i64s c = i64s_clone(a, s);
  i64s d = i64s_append(a, c, 3);
  i64s_set(d, 0, 9);
  show("s", s);
  show("c", c);
  show("d", d);
  // CHECK-LABEL: case 5
  // CHECK-NEXT: s len=2 cap=2 [1 2]
  // CHECK-NEXT: c len=2 cap=2 [1 2]
  // CHECK-NEXT: d len=3 cap=4 [9 2 3 0]

  sg_arena_free(a);
  return 0;
}
