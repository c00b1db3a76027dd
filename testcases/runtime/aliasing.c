// Go's aliasing facts hold: views share the backing array exactly as Go's
// s[lo:hi] and s[lo:hi:max] do, and old arrays stay valid after growth.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc %s -o %t.gcc && %t.gcc | FileCheck %s
#include <stdio.h>

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

static void print(const char *name, ints s) {
  printf("%s len=%td cap=%td [", name, s.len, s.cap);
  for (ptrdiff_t i = 0; i < s.len; i++)
    printf(i ? " %d" : "%d", ints_get(s, i));
  printf("]\n");
}

static ints numbers(sg_arena *a, int n) {
  ints s = ints_make(a, 0, n);
  for (int i = 0; i < n; i++)
    s = ints_append(a, s, i);
  return s;
}

int main(void) {
  sg_arena *a = sg_arena_new();

  /* base[2:4] keeps base's spare room: append writes over base[4]. */
  ints base = numbers(a, 6);
  ints t = ints_slice(base, 2, 4);
  print("t", t);
  // CHECK: t len=2 cap=4 [2 3]
  t = ints_append(a, t, 99);
  print("base", base);
  // CHECK-NEXT: base len=6 cap=6 [0 1 2 3 99 5]
  printf("shared=%d\n", t.ptr == base.ptr + 2);
  // CHECK-NEXT: shared=1

  /* base[2:4:4] has no spare room: append moves to a new array. */
  base = numbers(a, 6);
  ints u = ints_slice3(base, 2, 4, 4);
  print("u", u);
  // CHECK-NEXT: u len=2 cap=2 [2 3]
  u = ints_append(a, u, 99);
  ints_set(u, 0, -1);
  print("base", base);
  // CHECK-NEXT: base len=6 cap=6 [0 1 2 3 4 5]
  print("u", u);
  // CHECK-NEXT: u len=3 cap=4 [-1 3 99]
  printf("shared=%d\n", u.ptr == base.ptr + 2);
  // CHECK-NEXT: shared=0

  /* A stale view survives growth: it keeps the old array and its values. */
  ints s = numbers(a, 4);
  ints old = s;
  ints other = ints_make(a, 1, 1); /* s's array is no longer the newest */
  (void)other;
  s = ints_append(a, s, 4);
  ints_set(s, 0, 100);
  print("old", old);
  // CHECK-NEXT: old len=4 cap=4 [0 1 2 3]
  print("s", s);
  // CHECK-NEXT: s len=5 cap=8 [100 1 2 3 4]

  /* copy is overlap-safe in both directions and returns min(len). */
  ints w = numbers(a, 6);
  printf("copied=%td\n", ints_copy(ints_slice(w, 1, 6), w));
  print("w", w);
  // CHECK-NEXT: copied=5
  // CHECK-NEXT: w len=6 cap=6 [0 0 1 2 3 4]
  printf("copied=%td\n", ints_copy(w, ints_slice(w, 2, 4)));
  print("w", w);
  // CHECK-NEXT: copied=2
  // CHECK-NEXT: w len=6 cap=6 [1 2 1 2 3 4]

  /* slice's capacity runs to the end of the array; slice3's stops at max. */
  ints x = numbers(a, 8);
  print("x[3:5]", ints_slice(x, 3, 5));
  // CHECK-NEXT: x[3:5] len=2 cap=5 [3 4]
  print("x[3:5:6]", ints_slice3(x, 3, 5, 6));
  // CHECK-NEXT: x[3:5:6] len=2 cap=3 [3 4]
  print("x[8:8]", ints_slice(x, 8, 8));
  // CHECK-NEXT: x[8:8] len=0 cap=0 []
  /* Reslicing up to cap reveals the zeroed spare room, as in Go. */
  ints y = ints_make(a, 1, 4);
  print("y[:4]", ints_slice(y, 0, 4));
  // CHECK-NEXT: y[:4] len=4 cap=4 [0 0 0 0]

  /* Nil and empty slices. */
  ints nil = {0};
  print("nil", nil);
  // CHECK-NEXT: nil len=0 cap=0 []
  print("nil[0:0]", ints_slice(nil, 0, 0));
  // CHECK-NEXT: nil[0:0] len=0 cap=0 []
  printf("clone(nil) is nil=%d\n", ints_clone(a, nil).ptr == NULL);
  // CHECK-NEXT: clone(nil) is nil=1
  printf("make(0) is nil=%d\n", ints_make(a, 0, 0).ptr == NULL);
  // CHECK-NEXT: make(0) is nil=0
  nil = ints_extend(a, nil, numbers(a, 3));
  print("nil+3", nil); /* 3 four-byte ints: 12 bytes, size class 16 */
  // CHECK-NEXT: nil+3 len=3 cap=4 [0 1 2]

  /* clone makes a fresh array: appending to it never touches the source. */
  ints src = numbers(a, 4);
  ints c = ints_clone(a, ints_slice(src, 0, 2));
  c = ints_append(a, c, 42);
  *ints_at(c, 0) = 7;
  print("src", src);
  // CHECK-NEXT: src len=4 cap=4 [0 1 2 3]
  print("c", c);
  // CHECK-NEXT: c len=3 cap=4 [7 1 42]

  /* append_n from the slice's own array (append(s, s...)). */
  ints d = numbers(a, 3);
  d = ints_extend(a, d, d);
  print("d", d);
  // CHECK-NEXT: d len=6 cap=6 [0 1 2 0 1 2]
  sg_arena_free(a);
  return 0;
}
