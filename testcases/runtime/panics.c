// Every panic the runtime raises, with Go's text (Inputs/panics.go prints
// Go's own wording for each) and the file and line of the user's call,
// intercepted by a handler that longjmps back.  Also at -O2, where the
// runtime's functions are inlined into the caller.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %clang %sg_cflags %sg_inc -O2 -g %s -o %t.O2 && %t.O2 | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -g %s -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -O2 -g %s -o %t.gccO2 && %t.gccO2 | FileCheck %s
#include <setjmp.h>
#include <stdio.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

static jmp_buf back;

static void report(const char *message, const char *location) {
  printf("%s @ %s\n", message, location);
  fflush(stdout);
  longjmp(back, 1);
}

/* Runs stmt, which must panic; the handler prints and comes back here. */
#define PANICS(stmt)                                                           \
  do {                                                                         \
    if (!setjmp(back)) {                                                       \
      stmt;                                                                    \
      printf("no panic: %s\n", #stmt);                                         \
    }                                                                          \
  } while (0)

/* Keeps the compiler from proving the outcome at compile time. */
static volatile ptrdiff_t opaque_zero = 0;
static ptrdiff_t n(ptrdiff_t v) { return v + opaque_zero; }

int main(void) {
  sg_set_panic_handler(report);
  sg_arena *a = sg_arena_new();
  ints s = ints_make(a, 3, 4);
  int sink = 0;

  // CHECK: panic: runtime error: index out of range [5] with length 3 @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(sink += ints_get(s, n(5)));
  // CHECK-NEXT: panic: runtime error: index out of range [-1] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(sink += ints_get(s, n(-1)));
  // CHECK-NEXT: panic: runtime error: index out of range [3] with length 3 @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_set(s, n(3), 1));
  // CHECK-NEXT: panic: runtime error: index out of range [4] with length 3 @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(sink += *ints_at(s, n(4)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [:7] with capacity 4 @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice(s, 0, n(7)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [:-1] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice(s, 0, n(-1)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [3:2] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice(s, n(3), n(2)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [-1:] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice(s, n(-1), 3));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [::5] with capacity 4 @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice3(s, 0, 1, n(5)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [::-1] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice3(s, 0, 1, n(-1)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [:3:2] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice3(s, 0, n(3), 2));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [:-1:] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice3(s, 0, n(-1), 2));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [2:1:] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice3(s, n(2), 1, 3));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [-1::] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_slice3(s, n(-1), 1, 3));
  // CHECK-NEXT: panic: runtime error: makeslice: len out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_make(a, n(-1), 0));
  // CHECK-NEXT: panic: runtime error: makeslice: cap out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_make(a, n(5), n(3)));
  // CHECK-NEXT: panic: runtime error: makeslice: cap out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_make(a, 0, n((ptrdiff_t)1 << 62)));
  // CHECK-NEXT: panic: runtime error: makeslice: len out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_make(a, n((ptrdiff_t)1 << 62), n((ptrdiff_t)1 << 62)));
  // CHECK-NEXT: panic: runtime error: growslice: len out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_append_n(a, s, s.ptr, n(PTRDIFF_MAX)));
  // CHECK-NEXT: panic: runtime error: growslice: len out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_append_n(a, s, s.ptr, n(-1)));
  // CHECK-NEXT: panic: runtime error: growslice: len out of range @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_append_n(a, s, s.ptr, n((ptrdiff_t)1 << 60)));
  wordcount nil_map = NULL;
  static const sg_str k = {"k", 1};
  // CHECK-NEXT: panic: assignment to entry in nil map @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(wordcount_put(nil_map, k, 1));
  static const sg_str hello = {"hello", 5};
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [:9] with length 5 @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(sg_str_slice(hello, 0, n(9)));
  // CHECK-NEXT: panic: runtime error: slice bounds out of range [4:3] @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(sg_str_slice(hello, n(4), 3));
  // CHECK-NEXT: panic: allocation from a nil arena (create one with sg_arena_new) @ {{.*}}panics.c:[[@LINE+1]]
  PANICS(ints_make(NULL, 1, 1));

  /* The slice is untouched by the failed operations. */
  printf("after: len=%td cap=%td sink=%d\n", s.len, s.cap, sink);
  // CHECK-NEXT: after: len=3 cap=4 sink=0
  sg_arena_free(a);
  return 0;
}
