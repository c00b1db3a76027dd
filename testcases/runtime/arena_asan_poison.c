// Under AddressSanitizer the arena poisons the memory that sg_arena_reset
// releases, and each allocation unpoisons exactly its own bytes.  A read
// after a reset is a use-after-poison report; after sg_arena_free it is a
// heap-use-after-free (the blocks went back to malloc).  Normal use,
// including allocations that open new blocks and reuse after a reset,
// stays clean.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t ok | FileCheck %s --check-prefix=OK
// RUN: not %t reset 2>&1 | FileCheck %s --check-prefix=RESET
// RUN: not %t reset-big 2>&1 | FileCheck %s --check-prefix=RESET-BIG
// RUN: not %t padding 2>&1 | FileCheck %s --check-prefix=RESET
// RUN: not %t free 2>&1 | FileCheck %s --check-prefix=FREE
// RUN: %gcc %sg_cflags %sg_inc -fsanitize=address -g %s -o %t.gcc
// RUN: %t.gcc ok | FileCheck %s --check-prefix=OK
// RUN: not %t.gcc reset 2>&1 | FileCheck %s --check-prefix=RESET
// RUN: not %t.gcc free 2>&1 | FileCheck %s --check-prefix=FREE
//
// OK: clean: 1
// RESET: ERROR: AddressSanitizer: use-after-poison
// RESET: {{\[}}f7]
// RESET-BIG: ERROR: AddressSanitizer: heap-use-after-free
// RESET-BIG: freed by thread
// RESET-BIG: in sg_arena_reset
// FREE: ERROR: AddressSanitizer: heap-use-after-free
// FREE: freed by thread
// FREE: in sg_arena_free
#include <stdio.h>
#include <string.h>

#include <sliceguard/arena.h>

static volatile char sink;

// Fills the first block and opens several more, then resets and reuses.
static int normal_use(void) {
  sg_arena *a = sg_arena_new();
  int ok = 1;
  for (int round = 0; round < 3; round++) {
    for (size_t n = 1; n < 70000; n *= 3) {
      char *p = sg_arena_alloc_aligned(a, n, 1);
      memset(p, 'x', n);
      ok &= p[n - 1] == 'x';
    }
    sg_arena_reset(a);
  }
  sg_arena_free(a);
  return ok;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "ok";
  if (!strcmp(mode, "ok")) {
    printf("clean: %d\n", normal_use());
    return 0;
  }
  sg_arena *a = sg_arena_new();
  if (!strcmp(mode, "padding")) {
    // One byte at max alignment: the 15 bytes after it are padding that
    // no allocation handed out, and stay poisoned.
    char *p = sg_arena_alloc(a, 1);
    (void)sg_arena_alloc(a, 1);
    sink = p[_Alignof(max_align_t) - 1];
    return 0;
  }
  // reset-big: the value lives in a later, larger block, which the reset
  // keeps for reuse.
  size_t n = !strcmp(mode, "reset-big") ? 100000 : 64;
  char *p = sg_arena_alloc(a, n);
  p[0] = 1;
  if (!strcmp(mode, "free")) {
    sg_arena_free(a);
    sink = p[0];
    return 0;
  }
  sg_arena_reset(a);
  sink = p[0];
  sg_arena_free(a);
  return 0;
}
