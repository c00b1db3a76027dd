/* impl_sliceguard.c - sliceguard's map and slice, written the way the
 * DESIGN.md contract shows them.  Built three times, with SG_CHECKS=0, 1
 * and 2, to measure what each check level costs; BENCH_LEVEL names the
 * exported table. */
#include "bench.h"

#ifndef BENCH_LEVEL
#error "compile with -DBENCH_LEVEL=<n> -DSG_CHECKS=<n>"
#endif

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_MAP bench_u64map
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#include <sliceguard/map.h>

#define SG_MAP bench_strmap
#define SG_KEY sg_str
#define SG_VAL uint64_t
#include <sliceguard/map.h>

#define SG_SLICE bench_u64s
#define SG_ELEM uint64_t
#include <sliceguard/slice.h>

#define BENCH_CAT2(a, b) a##b
#define BENCH_CAT(a, b) BENCH_CAT2(a, b)

static sg_str as_sg_str(const bench_str *s) {
  sg_str v = {s->ptr, (ptrdiff_t)s->len};
  return v;
}

static void u64_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  sg_arena *a = sg_arena_new();
  bench_u64map m = bench_u64map_make(a, 0);
  for (size_t i = 0; i < n; i++)
    bench_u64map_put(m, in->keys[i], i + 1);
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += (uint64_t)bench_u64map_len(m);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t v;
    if (bench_u64map_lookup(m, in->hit_order[i], &v))
      sum += v;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t v;
    found += bench_u64map_lookup(m, in->miss[i], &v);
  }
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    sg_range(bench_u64map, m, it) sum += it.val;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += bench_u64map_del(m, in->hit_order[i]);
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  sg_arena_free(a);
}

static void str_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  sg_arena *a = sg_arena_new();
  bench_strmap m = bench_strmap_make(a, 0);
  for (size_t i = 0; i < n; i++)
    bench_strmap_put(m, as_sg_str(&in->skeys[i]), i + 1);
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += (uint64_t)bench_strmap_len(m);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t v;
    if (bench_strmap_lookup(m, as_sg_str(&in->shit_order[i]), &v))
      sum += v;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t v;
    found += bench_strmap_lookup(m, as_sg_str(&in->smiss[i]), &v);
  }
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    sg_range(bench_strmap, m, it) sum += it.val;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += bench_strmap_del(m, as_sg_str(&in->shit_order[i]));
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  sg_arena_free(a);
}

static void push_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  sg_arena *a = sg_arena_new();
  bench_u64s s = {0};
  for (size_t i = 0; i < n; i++)
    s = bench_u64s_append(a, s, i + 1);
  bench_lap(r, BENCH_INSERT, t);
  uint64_t sum = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    sum += s.ptr[i];
  r->check[BENCH_INSERT] += sum;
  sg_arena_free(a);
}

const bench_impl BENCH_CAT(bench_sliceguard_c,
                           BENCH_LEVEL) = {BENCH_LEVEL == 1   ? "sg"
                                           : BENCH_LEVEL == 0 ? "sg-c0"
                                                              : "sg-c2",
                                           u64_round, str_round, push_round};
