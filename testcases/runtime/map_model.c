// The map against a simple reference model (a direct-indexed array over a
// small key universe) through long random sequences of put, get, lookup,
// ref, del, len and clear, with ranges that delete, update and insert as
// they go, growing the map under the iterator.  Checked after every step:
// the map agrees with the model; a range never produces a key twice,
// produces only keys that exist at that moment, with their latest value,
// and produces every key that existed throughout the range.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -O2 %s -o %t.gcc && %t.gcc | FileCheck %s
// RUN: %clang %sg_cflags %sg_inc %sanitize -DSG_CHECKS=2 %s -o %t.level2 && %t.level2 | FileCheck %s
// The portable group matching (word arithmetic) that targets without SSE2 use:
// RUN: %clang %sg_cflags %sg_inc %sanitize -DSG_MAP_NO_SIMD %s -o %t.swar && %t.swar | FileCheck %s
//
// CHECK: universe=64 ops=200000 ranges={{[1-9][0-9]*}} ok
// CHECK: universe=1024 ops=200000 ranges={{[1-9][0-9]*}} ok
// CHECK: universe=100000 ops=300000 ranges={{[1-9][0-9]*}} ok
// CHECK: string keys ok
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_MAP u64map
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#include <sliceguard/map.h>

#define SG_MAP strmap
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

#define REQUIRE(cond)                                                          \
  do {                                                                         \
    if (!(cond)) {                                                             \
      printf("FAILED at line %d: %s (step %ld)\n", __LINE__, #cond, step);     \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

static long step;
static uint64_t rng = 0x2545f4914f6cdd1dULL;
static uint64_t next_random(void) { /* xorshift64: reproducible sequences */
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* The model: key k (< universe) is present iff present[k]. */
typedef struct {
  size_t universe;
  bool *present;
  uint64_t *value;
  ptrdiff_t len;
} model;

static void model_put(model *md, uint64_t k, uint64_t v) {
  md->len += !md->present[k];
  md->present[k] = true;
  md->value[k] = v;
}
static void model_del(model *md, uint64_t k) {
  md->len -= md->present[k];
  md->present[k] = false;
}

static void check_all(u64map m, const model *md) {
  REQUIRE(u64map_len(m) == md->len);
  for (uint64_t k = 0; k < md->universe; k++) {
    uint64_t v = 12345;
    bool ok = u64map_lookup(m, k, &v);
    REQUIRE(ok == md->present[k]);
    REQUIRE(v == (ok ? md->value[k] : 0));
  }
}

/* One range over m.  While walking it mutates the map at random (delete,
 * update, insert new keys: enough inserts to grow the table), keeping the
 * model in step, and checks Go's range guarantees. */
static void checked_range(u64map m, model *md, int mutate_percent) {
  size_t u = md->universe;
  /* 0: not produced yet, 1: produced; stable: existed throughout. */
  unsigned char *produced = calloc(u, 1), *stable = calloc(u, 1);
  for (size_t k = 0; k < u; k++)
    stable[k] = md->present[k];
  sg_range(u64map, m, it) {
    REQUIRE(it.key < u);
    REQUIRE(!produced[it.key]);           /* never twice */
    REQUIRE(md->present[it.key]);         /* exists now */
    REQUIRE(it.val == md->value[it.key]); /* latest value */
    produced[it.key] = 1;
    if ((int)(next_random() % 100) < mutate_percent) {
      uint64_t k = next_random() % u;
      switch (next_random() % 4) {
      case 0: /* delete some key, maybe one not reached yet */
        u64map_del(m, k);
        model_del(md, k);
        stable[k] = 0;
        break;
      case 1: /* update some key */
        if (md->present[k]) {
          u64map_put(m, k, next_random());
          md->value[k] = u64map_get(m, k);
        }
        break;
      default: /* insert new keys: the map grows under the range */
        for (int j = 0; j < 3; j++) {
          uint64_t n = next_random() % u;
          if (!md->present[n]) {
            uint64_t v = next_random();
            u64map_put(m, n, v);
            model_put(md, n, v);
            stable[n] = 0; /* new during the range: may or may not come */
            /* A key produced, deleted and put again is a new entry: Go
             * may produce it once more (golang/go#46097). */
            produced[n] = 0;
          }
        }
      }
    }
  }
  for (size_t k = 0; k < u; k++)
    REQUIRE(!stable[k] || produced[k]); /* everything that stayed came */
  free(produced);
  free(stable);
}

static void run(size_t universe, long ops) {
  sg_arena *a = sg_arena_new();
  model md = {universe, calloc(universe, sizeof(bool)),
              calloc(universe, sizeof(uint64_t)), 0};
  u64map m = u64map_make(a, (ptrdiff_t)(next_random() % 3 ? 0 : universe / 2));
  long ranges = 0;
  for (step = 0; step < ops; step++) {
    uint64_t k = next_random() % universe, r = next_random() % 1000;
    if (r < 450) {
      uint64_t v = next_random();
      u64map_put(m, k, v);
      model_put(&md, k, v);
    } else if (r < 750) {
      REQUIRE(u64map_del(m, k) == md.present[k]);
      model_del(&md, k);
    } else if (r < 900) {
      REQUIRE(u64map_get(m, k) == (md.present[k] ? md.value[k] : 0));
    } else if (r < 990) {
      uint64_t *p = u64map_ref(m, k);
      REQUIRE((p != NULL) == md.present[k]);
      if (p)
        *p = md.value[k] = next_random();
    } else if (r < 999) {
      if (universe <= 5000) { /* big maps: see below, ranges are O(n) */
        checked_range(m, &md, (int)(next_random() % 60));
        ranges++;
      }
    } else {
      u64map_clear(m);
      for (size_t j = 0; j < universe; j++)
        model_del(&md, j);
    }
    if (universe > 5000 && step % 50000 == 25000) {
      checked_range(m, &md, 20);
      ranges++;
    }
    REQUIRE(u64map_len(m) == md.len);
    if (universe <= 5000 ? step % 997 == 0 : step % 60000 == 0)
      check_all(m, &md);
  }
  check_all(m, &md);
  printf("universe=%zu ops=%ld ranges=%ld ok\n", universe, ops, ranges);
  free(md.present);
  free(md.value);
  sg_arena_free(a);
}

/* String keys built into a pool: equal content at different addresses must
 * be the same key. */
static void run_strings(void) {
  enum { N = 3000 };
  sg_arena *a = sg_arena_new();
  static char pool[2][N][16];
  static int model_val[N];
  static bool present[N];
  strmap m = strmap_make(a, 0);
  for (step = 0; step < 100000; step++) {
    int i = (int)(next_random() % N), copy = (int)(next_random() % 2);
    int len = snprintf(pool[copy][i], sizeof pool[copy][i], "key-%d", i * 7919);
    sg_str k = sg_str_make(pool[copy][i], len);
    if (next_random() % 3) {
      strmap_put(m, k, i + (int)step);
      model_val[i] = i + (int)step;
      present[i] = true;
    } else {
      REQUIRE(strmap_del(m, k) == present[i]);
      present[i] = false;
    }
    int v = -1;
    REQUIRE(strmap_lookup(m, k, &v) == present[i]);
    REQUIRE(v == (present[i] ? model_val[i] : 0));
  }
  ptrdiff_t count = 0;
  sg_range(strmap, m, it) {
    count++;
    int i = atoi(it.key.ptr + 4) / 7919;
    REQUIRE(present[i] && model_val[i] == it.val);
  }
  REQUIRE(count == strmap_len(m));
  printf("string keys ok\n");
  sg_arena_free(a);
}

int main(void) {
  run(64, 200000);
  run(1024, 200000);
  run(100000, 300000);
  run_strings();
  return 0;
}
