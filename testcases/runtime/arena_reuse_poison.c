// The case that matters most after a reset: the program allocates again,
// and in a normal build the new values take the very bytes the stale ones
// point at (the PLAIN run shows the stale slice reading the new value).
// Under AddressSanitizer the reset hands no byte out again: the arena's
// built-in first block is poisoned and retired ("use-after-poison",
// allocated by sg_arena_new) and its other blocks go back to malloc
// ("heap-use-after-free", freed by sg_arena_reset).  So a slice, map or
// element pointer kept across the reset is an ASan report even when new
// allocations followed it, while values made again after the reset, and
// normal use (many blocks, byte-sized allocations, growing maps, resets in
// a loop), stay clean.  arena_asan_poison.c covers padding and free.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t ok | FileCheck --check-prefix=OK %s
// RUN: not %t slice 2>&1 | FileCheck --check-prefix=RESET %s
// RUN: not %t map 2>&1 | FileCheck --check-prefix=RESET %s
// RUN: not %t pointer 2>&1 | FileCheck --check-prefix=RESET %s
// RUN: not %t big 2>&1 | FileCheck --check-prefix=BIG %s
//
// gcc's AddressSanitizer defines __SANITIZE_ADDRESS__ instead of
// __has_feature: the same poisoning must be there.
// RUN: %gcc %sg_cflags %sg_inc -fsanitize=address -g %s -o %t.gcc
// RUN: %t.gcc ok | FileCheck --check-prefix=OK %s
// RUN: not %t.gcc slice 2>&1 | FileCheck --check-prefix=RESET %s
//
// Without ASan the arena has no poisoning code at all, and a use after
// reset reads whatever was allocated there next (what the
// use-after-arena-reset check exists to catch at compile time).
// RUN: %clang %sg_cflags %sg_inc -O1 %s -o %t.plain
// RUN: %t.plain ok | FileCheck --check-prefix=OK %s
// RUN: %t.plain slice | FileCheck --check-prefix=PLAIN %s
//
// OK: ok: sum=499500 keys=1000 text=hello
// RESET: ERROR: AddressSanitizer: use-after-poison
// RESET: allocated by thread T0 here:
// RESET: in sg_arena_new
// BIG: ERROR: AddressSanitizer: heap-use-after-free
// BIG: freed by thread T0 here:
// BIG: in sg_arena_reset
// PLAIN: reused: 99
#include <stdio.h>
#include <string.h>

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_MAP imap
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

// Normal use: every byte touched was handed out after the last reset.
static int normal_use(void) {
  sg_arena *a = sg_arena_new();
  long sum = 0;
  int keys = 0;
  bytes text = bytes_make(a, 0, 0);
  for (int round = 0; round < 3; round++) {
    sg_arena_reset(a);
    ints s = ints_make(a, 0, 0);
    imap m = imap_make(a, 0);
    for (int i = 0; i < 1000; i++) {
      s = ints_append(a, s, i);
      imap_put(m, i, i);
      bytes odd = bytes_make(a, 1 + i % 7, 1 + i % 7); // byte-aligned
      bytes_set(odd, 0, 'x');
    }
    sum = 0;
    for (ptrdiff_t i = 0; i < s.len; i++)
      sum += ints_get(s, i);
    keys = (int)imap_len(m);
    text = bytes_make(a, 0, 0);
    for (const char *c = "hello"; *c; c++)
      text = bytes_append(a, text, *c);
  }
  printf("ok: sum=%ld keys=%d text=%.*s\n", sum, keys, (int)text.len,
         text.ptr);
  sg_arena_free(a);
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "ok";
  if (!strcmp(mode, "ok"))
    return normal_use();

  sg_arena *a = sg_arena_new();
  ints s = ints_make(a, 4, 4);
  ints_set(s, 0, 7);
  imap m = imap_make(a, 0);
  imap_put(m, 1, 2);
  int *p = ints_at(s, 1);
  // A large slice lives in a block of its own, the one a reset keeps.
  ints big = ints_make(a, 0, 0);
  if (!strcmp(mode, "big"))
    big = ints_make(a, 100000, 100000);

  sg_arena_reset(a);
  ints fresh = ints_make(a, 4, 4);
  ints_set(fresh, 0, 99);
  if (!strcmp(mode, "slice"))
    printf("reused: %d\n", ints_get(s, 0));
  else if (!strcmp(mode, "map"))
    printf("%d\n", imap_get(m, 1));
  else if (!strcmp(mode, "pointer"))
    printf("%d\n", *p);
  else if (!strcmp(mode, "big"))
    printf("%d\n", ints_get(big, 5));
  return 0;
}
