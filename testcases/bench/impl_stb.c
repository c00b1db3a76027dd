/* impl_stb.c - stb_ds: hmput/shput hash maps and arrput dynamic arrays.
 *
 * String maps use stb_ds's default mode, which stores the caller's key
 * pointer without copying, matching the other implementations. */
#include "bench.h"

#define STB_DS_IMPLEMENTATION
#include <stb/stb_ds.h>

typedef struct {
  uint64_t key;
  uint64_t value;
} u64_kv;

typedef struct {
  char *key;
  uint64_t value;
} str_kv;

static void u64_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  u64_kv *m = NULL;
  for (size_t i = 0; i < n; i++)
    hmput(m, in->keys[i], i + 1);
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += (uint64_t)hmlen(m);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    ptrdiff_t at = hmgeti(m, in->hit_order[i]);
    if (at >= 0)
      sum += m[at].value;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++)
    found += hmgeti(m, in->miss[i]) >= 0;
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    for (ptrdiff_t i = 0; i < hmlen(m); i++)
      sum += m[i].value;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += hmdel(m, in->hit_order[i]) != 0;
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  hmfree(m);
}

static void str_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  str_kv *m = NULL;
  for (size_t i = 0; i < n; i++)
    shput(m, (char *)in->skeys[i].ptr, i + 1);
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += (uint64_t)shlen(m);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    ptrdiff_t at = shgeti(m, (char *)in->shit_order[i].ptr);
    if (at >= 0)
      sum += m[at].value;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++)
    found += shgeti(m, (char *)in->smiss[i].ptr) >= 0;
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    for (ptrdiff_t i = 0; i < shlen(m); i++)
      sum += m[i].value;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += shdel(m, (char *)in->shit_order[i].ptr) != 0;
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  shfree(m);
}

static void push_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  uint64_t *a = NULL;
  for (size_t i = 0; i < n; i++)
    arrput(a, i + 1);
  bench_lap(r, BENCH_INSERT, t);
  uint64_t sum = 0;
  for (ptrdiff_t i = 0; i < arrlen(a); i++)
    sum += a[i];
  r->check[BENCH_INSERT] += sum;
  arrfree(a);
}

const bench_impl bench_stb = {"stb_ds", u64_round, str_round, push_round};
