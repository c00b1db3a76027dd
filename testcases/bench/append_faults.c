/* append_faults.c - time and minor page faults of the runtime benchmark's
 * append row at n = 10^6: a fresh arena, a million uint64 appended one by
 * one to a nil slice, the arena freed; five rounds.  Used by
 * docs/performance.md ("Append") to show where the time of large appends
 * goes now that every growth copies into a new array.
 *
 *   clang-19 -O2 -Iruntime-headers testcases/bench/append_faults.c -o af &&
 * ./af
 */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include <sliceguard/arena.h>

#define SG_SLICE u64s
#define SG_ELEM uint64_t
#include <sliceguard/slice.h>

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int main(void) {
  const size_t n = 1000000;
  for (int round = 0; round < 5; round++) {
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    double start = now_ns();
    sg_arena *a = sg_arena_new();
    u64s s = {0};
    for (size_t i = 0; i < n; i++)
      s = u64s_append(a, s, i + 1);
    double elapsed = now_ns() - start;
    uint64_t sum = 0;
    for (ptrdiff_t i = 0; i < s.len; i++)
      sum += s.ptr[i];
    size_t reserved = sg_arena_reserved(a);
    sg_arena_free(a);
    getrusage(RUSAGE_SELF, &after);
    printf("round %d: %.2f ns/append, %ld minor faults, arena %zu MiB, "
           "sum ok %d\n",
           round, elapsed / (double)n, after.ru_minflt - before.ru_minflt,
           reserved >> 20, sum == (uint64_t)n * (n + 1) / 2);
  }
  return 0;
}
