// SG_CHECKS=3: inserting a new key into a map while a range over it is
// live panics, every time.  Updating or deleting is fine, so is inserting
// into another map; leaving the loop early (break, return) ends the range.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize -DSG_CHECKS=3 %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -g -DSG_CHECKS=3 %s -o %t.gcc && %t.gcc | FileCheck %s
// At the default level the same program inserts silently.
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t.level1 && %t.level1 | FileCheck %s --check-prefix=LEVEL1
#include <setjmp.h>
#include <stdio.h>

#include <sliceguard/arena.h>

#define SG_MAP imap
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

static jmp_buf back;
static void report(const char *message, const char *location) {
  printf("%s @ %s\n", message, location);
  fflush(stdout);
  longjmp(back, 1);
}

static imap numbers(sg_arena *a, int n) {
  imap m = imap_make(a, 0);
  for (int i = 0; i < n; i++)
    imap_put(m, i, i);
  return m;
}

/* Returns from inside a range: the range ends with the function. */
static int find_first_even(imap m) {
  sg_range(imap, m, it) {
    if (it.key % 2 == 0)
      return it.key;
  }
  return -1;
}

int main(void) {
  sg_set_panic_handler(report);
  sg_arena *a = sg_arena_new();
  imap m = numbers(a, 10), other = numbers(a, 3);

  /* Allowed during a range: update, store back the current key, delete,
   * write another map. */
  sg_range(imap, m, it) {
    imap_put(m, it.key, it.val + 1);
    if (it.key < 8) /* an existing key, never the deleted 9 */
      imap_put(m, (it.key + 1) % 8, 0);
    if (it.key == 9)
      imap_del(m, 9);
    imap_put(other, 100 + it.key, 1);
  }
  printf("allowed: len=%td other=%td\n", imap_len(m), imap_len(other));
  // CHECK: allowed: len=9 other=13
  // LEVEL1: allowed: len=9 other=13

  if (!setjmp(back)) {
    sg_range(imap, m, it) {
      // CHECK-NEXT: panic: assignment to a new map entry during range over the map (SG_CHECKS=3) @ {{.*}}checks3_strict.c:[[@LINE+1]]
      imap_put(m, 1000 + it.key, 1);
    }
    printf("inserted during range: len=%td\n", imap_len(m));
    // LEVEL1-NEXT: inserted during range: len={{[0-9]+}}
  }
  /* The panic unwound through the loop without ending the range (longjmp
   * skips cleanups): end it by hand before going on. */
  m->live_ranges = 0;

  /* break ends the range: inserting afterwards is fine. */
  sg_range(imap, m, it) {
    if (it.val >= 0)
      break;
  }
  imap_put(m, 2000, 1);
  printf("after break: ok\n");
  // CHECK-NEXT: after break: ok

  /* return from a range inside a function ends it too. */
  printf("first even=%d\n", find_first_even(m) % 2);
  imap_put(m, 2001, 1);
  printf("after return: ok\n");
  // CHECK-NEXT: first even=0
  // CHECK-NEXT: after return: ok

  /* Nested ranges: the outer one is still live after the inner ends. */
  if (!setjmp(back)) {
    sg_range(imap, m, outer) {
      sg_range(imap, m, inner) { (void)inner; }
      // CHECK-NEXT: panic: assignment to a new map entry during range over the map (SG_CHECKS=3) @ {{.*}}checks3_strict.c:[[@LINE+1]]
      imap_put(m, 3000 + outer.key, 1);
    }
  }
  m->live_ranges = 0;

  /* A range that ran to the end is over. */
  sg_range(imap, m, it) { (void)it; }
  imap_put(m, 4000, 1);
  /* range_stop ends a range explicitly (for compilers without cleanup). */
  imap_iter it = imap_range_begin(m);
  imap_range_next(&it);
  imap_range_stop(&it);
  imap_put(m, 4001, 1);
  printf("done: live ranges=%td\n", m->live_ranges);
  // CHECK-NEXT: done: live ranges=0
  sg_arena_free(a);
  return 0;
}
