/* bench.h - shared by the runtime benchmark driver and every implementation.
 *
 * Each implementation (sliceguard at three check levels, and the peers)
 * lives in its own translation unit and exports "round" functions.  A round
 * builds one container from empty and times each phase with bench_lap();
 * the driver repeats rounds, sums the phase times of a sample, and keeps the
 * best sample.  Only the call into a round goes through a function pointer;
 * the operations themselves are inlined in each implementation, as a user's
 * code would have them.
 *
 * Plain C so that C and C++ implementation files can both include it.
 */
#ifndef SLICEGUARD_BENCH_H
#define SLICEGUARD_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

enum bench_op {
  BENCH_INSERT,
  BENCH_HIT,
  BENCH_MISS,
  BENCH_ITER,
  BENCH_ERASE,
  BENCH_OP_COUNT
};

/* A string key: a view into NUL-terminated storage that outlives every map,
 * so peers that want C strings (GLib, stb_ds) and peers that want
 * (pointer, length) views (sliceguard, absl, boost, uthash) see the same
 * bytes and nobody pays for copying keys. */
typedef struct bench_str {
  const char *ptr;
  size_t len;
} bench_str;

/* Everything a round needs.  The i-th inserted key maps to value i + 1, so
 * every value is non-zero (GLib's lookup returns NULL for "absent") and the
 * expected checksums are known in closed form. */
typedef struct bench_input {
  size_t n;
  const uint64_t *keys;      /* insertion order */
  const uint64_t *hit_order; /* the same keys, shuffled: lookups, erases */
  const uint64_t *hit_vals;  /* hit_vals[i] is the value of hit_order[i] */
  const uint64_t *miss;      /* n keys that are never inserted */
  const bench_str *skeys;
  const bench_str *shit_order;
  const bench_str *smiss;
  int iter_passes; /* full iterations per round, to lift tiny maps
                      above timer resolution */
} bench_input;

typedef struct bench_round {
  uint64_t ns[BENCH_OP_COUNT];    /* time spent per phase, summed */
  uint64_t check[BENCH_OP_COUNT]; /* checksums, verified by the driver */
} bench_round;

static inline uint64_t bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Charges the time since `since` to phase `op` and restarts the clock. */
static inline uint64_t bench_lap(bench_round *r, enum bench_op op,
                                 uint64_t since) {
  uint64_t now = bench_now();
  r->ns[op] += now - since;
  return now;
}

/* Keeps a value alive without a memory round trip per iteration. */
#if defined(__GNUC__) || defined(__clang__)
#define BENCH_KEEP(x) __asm__ volatile("" : : "r"(x) : "memory")
#else
#define BENCH_KEEP(x) ((void)(x))
#endif

typedef void (*bench_map_round_fn)(const bench_input *in, bench_round *r);
/* Appends in->n values 1..n one at a time to an empty sequence; charges
 * BENCH_INSERT and stores the sum of the elements in check[BENCH_INSERT]. */
typedef void (*bench_append_round_fn)(const bench_input *in, bench_round *r);

typedef struct bench_impl {
  const char *name;
  bench_map_round_fn u64;     /* uint64 -> uint64, NULL if not offered */
  bench_map_round_fn str;     /* string -> uint64, NULL if not offered */
  bench_append_round_fn push; /* append of uint64, NULL if not offered */
} bench_impl;

/* One per implementation file. */
extern const bench_impl bench_sliceguard_c0, bench_sliceguard_c1,
    bench_sliceguard_c2, bench_absl, bench_boost, bench_uthash, bench_glib,
    bench_stb, bench_floor, bench_std_vector;

#ifdef __cplusplus
}
#endif

#endif /* SLICEGUARD_BENCH_H */
