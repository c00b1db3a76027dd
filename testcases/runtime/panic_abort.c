// Without a handler a panic prints Go's message and the user's file:line
// to stderr, then aborts.  Without debug information the location is the
// module and address; SLICEGUARD_SYMBOLIZER=off skips symbolizing.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=LINE
// RUN: env SLICEGUARD_SYMBOLIZER=off not --crash %t 2>&1 | FileCheck %s --check-prefix=ADDR
// RUN: %clang %sg_cflags %sg_inc -O1 %s -o %t.nodebug
// RUN: not --crash %t.nodebug 2>&1 | FileCheck %s --check-prefix=ADDR
// RUN: %gcc %sg_cflags %sg_inc -g %s -o %t.gcc
// RUN: not --crash %t.gcc 2>&1 | FileCheck %s --check-prefix=LINE
#include <stdio.h>

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

int main(int argc, char **argv) {
  (void)argv;
  sg_arena *a = sg_arena_new();
  ints s = ints_make(a, 3, 3);
  printf("before\n");
  fflush(stdout);
  // LINE: before
  // LINE-NEXT: sliceguard: panic: runtime error: index out of range [5] with length 3
  // LINE-NEXT: {{^}} at {{.*}}panic_abort.c:[[@LINE+3]]{{$}}
  // ADDR: sliceguard: panic: runtime error: index out of range [5] with length 3
  // ADDR-NEXT: {{^}} at {{.*}}+0x{{[0-9a-f]+}} (build with -g for file:line)
  int v = ints_get(s, argc + 4);
  printf("not reached %d\n", v);
  // LINE-NOT: not reached
  return 0;
}
