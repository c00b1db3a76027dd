/* impl_uthash.c - uthash, the classic intrusive C hash table.
 *
 * Entries come from one pool allocated per map rather than one malloc per
 * entry: that favours uthash over its usual use, which keeps the comparison
 * conservative.  String keys point into the driver's storage
 * (HASH_ADD_KEYPTR), so no copies are made. */
#include "bench.h"

#include <stdlib.h>
#include <uthash.h>

typedef struct u64_entry {
  uint64_t key;
  uint64_t val;
  UT_hash_handle hh;
} u64_entry;

typedef struct str_entry {
  uint64_t val;
  UT_hash_handle hh;
} str_entry;

static void *pool_alloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p)
    abort();
  return p;
}

static void u64_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  u64_entry *pool = pool_alloc(n, sizeof *pool);
  u64_entry *head = NULL;
  for (size_t i = 0; i < n; i++) {
    u64_entry *e;
    uint64_t k = in->keys[i];
    HASH_FIND(hh, head, &k, sizeof k, e);
    if (e) {
      e->val = i + 1;
      continue;
    }
    e = &pool[i];
    e->key = k;
    e->val = i + 1;
    HASH_ADD(hh, head, key, sizeof e->key, e);
  }
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += HASH_COUNT(head);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    u64_entry *e;
    uint64_t k = in->hit_order[i];
    HASH_FIND(hh, head, &k, sizeof k, e);
    if (e)
      sum += e->val;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++) {
    u64_entry *e;
    uint64_t k = in->miss[i];
    HASH_FIND(hh, head, &k, sizeof k, e);
    found += e != NULL;
  }
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    for (u64_entry *e = head; e; e = e->hh.next)
      sum += e->val;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++) {
    u64_entry *e;
    uint64_t k = in->hit_order[i];
    HASH_FIND(hh, head, &k, sizeof k, e);
    if (e) {
      HASH_DEL(head, e);
      erased++;
    }
  }
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  HASH_CLEAR(hh, head);
  free(pool);
}

static void str_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  uint64_t t = bench_now();
  str_entry *pool = pool_alloc(n, sizeof *pool);
  str_entry *head = NULL;
  for (size_t i = 0; i < n; i++) {
    str_entry *e;
    const bench_str *k = &in->skeys[i];
    HASH_FIND(hh, head, k->ptr, (unsigned)k->len, e);
    if (e) {
      e->val = i + 1;
      continue;
    }
    e = &pool[i];
    e->val = i + 1;
    HASH_ADD_KEYPTR(hh, head, k->ptr, (unsigned)k->len, e);
  }
  t = bench_lap(r, BENCH_INSERT, t);
  r->check[BENCH_INSERT] += HASH_COUNT(head);

  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    str_entry *e;
    const bench_str *k = &in->shit_order[i];
    HASH_FIND(hh, head, k->ptr, (unsigned)k->len, e);
    if (e)
      sum += e->val;
  }
  t = bench_lap(r, BENCH_HIT, t);
  r->check[BENCH_HIT] += sum;

  uint64_t found = 0;
  for (size_t i = 0; i < n; i++) {
    str_entry *e;
    const bench_str *k = &in->smiss[i];
    HASH_FIND(hh, head, k->ptr, (unsigned)k->len, e);
    found += e != NULL;
  }
  t = bench_lap(r, BENCH_MISS, t);
  r->check[BENCH_MISS] += found;

  sum = 0;
  for (int p = 0; p < in->iter_passes; p++)
    for (str_entry *e = head; e; e = e->hh.next)
      sum += e->val;
  t = bench_lap(r, BENCH_ITER, t);
  r->check[BENCH_ITER] += sum;

  uint64_t erased = 0;
  for (size_t i = 0; i < n; i++) {
    str_entry *e;
    const bench_str *k = &in->shit_order[i];
    HASH_FIND(hh, head, k->ptr, (unsigned)k->len, e);
    if (e) {
      HASH_DEL(head, e);
      erased++;
    }
  }
  bench_lap(r, BENCH_ERASE, t);
  r->check[BENCH_ERASE] += erased;
  HASH_CLEAR(hh, head);
  free(pool);
}

const bench_impl bench_uthash = {"uthash", u64_round, str_round, NULL};
