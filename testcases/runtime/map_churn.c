// A map of steady size under endless insert/delete churn stays correct and
// stops taking arena memory: tombstones are reclaimed in place (without
// moving entries) instead of building a new table each time.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -O2 %s -o %t.gcc && %t.gcc | FileCheck %s
//
// CHECK: window=1750 cycles=400000 ok
// CHECK-NEXT: bounded=1
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>

#define SG_MAP u64map
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#include <sliceguard/map.h>

int main(void) {
  enum { WINDOW = 1750, CYCLES = 400000 }; /* 85% of a 2048-slot table */
  sg_arena *a = sg_arena_new();
  u64map m = u64map_make(a, 0);
  /* Keys [lo, lo + WINDOW) are in the map; each cycle slides the window,
   * scrambled so the keys land all over the table. */
  uint64_t lo = 0;
  for (uint64_t k = 0; k < WINDOW; k++)
    u64map_put(m, k * 0x9e3779b97f4a7c15ull, k);
  size_t reserved_early = 0;
  for (long c = 0; c < CYCLES; c++, lo++) {
    u64map_put(m, (lo + WINDOW) * 0x9e3779b97f4a7c15ull, lo + WINDOW);
    if (!u64map_del(m, lo * 0x9e3779b97f4a7c15ull)) {
      printf("lost key %llu\n", (unsigned long long)lo);
      return 1;
    }
    if (c % 20000 == 0) {
      for (uint64_t k = lo + 1; k <= lo + WINDOW; k++)
        if (u64map_get(m, k * 0x9e3779b97f4a7c15ull) != k) {
          printf("wrong value for %llu\n", (unsigned long long)k);
          return 1;
        }
      if (u64map_len(m) != WINDOW || u64map_get(m, lo * 0x9e3779b97f4a7c15ull))
        return 1;
    }
    if (c == CYCLES / 4)
      reserved_early = sg_arena_reserved(a);
  }
  printf("window=%d cycles=%d ok\n", WINDOW, CYCLES);
  /* After the first quarter the arena must not keep growing. */
  printf("bounded=%d\n", sg_arena_reserved(a) == reserved_early);
  sg_arena_free(a);
  return 0;
}
