/* impl_glib.c - GLib's GHashTable and GArray.
 *
 * uint64 keys are stored in the pointer itself with g_direct_hash, the
 * fastest way GLib offers on 64-bit targets (g_int64_hash would add a
 * pointer chase per key).  String keys are the driver's NUL-terminated
 * strings, hashed with g_str_hash, never copied. */
#include "bench.h"

#include <glib.h>

static gpointer as_ptr(uint64_t v) { return (gpointer)(guintptr)v; }
static uint64_t as_u64(gpointer p) { return (uint64_t)(guintptr)p; }

static void u64_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  GHashTable *m = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (size_t i = 0; i < n; i++)
    g_hash_table_insert(m, as_ptr(in->keys[i]), as_ptr(i + 1));
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += g_hash_table_size(m);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += as_u64(g_hash_table_lookup(m, as_ptr(in->hit_order[i])));
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++)
    found += g_hash_table_lookup(m, as_ptr(in->miss[i])) != NULL;
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++) {
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, m);
    while (g_hash_table_iter_next(&it, &k, &v))
      sum += as_u64(v);
  }
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += g_hash_table_remove(m, as_ptr(in->hit_order[i]));
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  g_hash_table_destroy(m);
}

static void str_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  GHashTable *m = g_hash_table_new(g_str_hash, g_str_equal);
  for (size_t i = 0; i < n; i++)
    g_hash_table_insert(m, (gpointer)in->skeys[i].ptr, as_ptr(i + 1));
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += g_hash_table_size(m);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += as_u64(g_hash_table_lookup(m, in->shit_order[i].ptr));
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++)
    found += g_hash_table_lookup(m, in->smiss[i].ptr) != NULL;
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++) {
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, m);
    while (g_hash_table_iter_next(&it, &k, &v))
      sum += as_u64(v);
  }
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++)
    erased += g_hash_table_remove(m, in->shit_order[i].ptr);
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  g_hash_table_destroy(m);
}

static void push_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  GArray *a = g_array_new(FALSE, FALSE, sizeof(uint64_t));
  for (size_t i = 0; i < n; i++) {
    uint64_t v = i + 1;
    g_array_append_val(a, v);
  }
  bench_lap(r, BENCH_INSERT, t);
  uint64_t sum = 0;
  for (guint i = 0; i < a->len; i++)
    sum += g_array_index(a, uint64_t, i);
  r->check[BENCH_INSERT] += sum;
  g_array_free(a, TRUE);
}

const bench_impl bench_glib = {"glib", u64_round, str_round, push_round};
