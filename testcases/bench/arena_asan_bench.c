/* arena_asan_bench.c - cost of the arena's ASan poisoning: many small
 * allocations, a slice that appends, and a reset per round.  Built by
 * arena_asan_bench.sh against this tree's arena.h and against one without
 * poisoning, both under -fsanitize=address. */
#include <stdio.h>
#include <time.h>

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

int main(void) {
  sg_arena *a = sg_arena_new();
  long sum = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int round = 0; round < 200000; round++) {
    for (int i = 0; i < 64; i++)
      sum += *(char *)sg_arena_alloc(a, 24);
    ints s = ints_make(a, 0, 0);
    for (int i = 0; i < 256; i++)
      s = ints_append(a, s, i);
    sum += ints_get(s, 255);
    sg_arena_reset(a);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  sg_arena_free(a);
  printf("%.3f s (sum %ld)\n",
         (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, sum);
  return 0;
}
