/* fuzz_map.c - libFuzzer target: sliceguard maps against a model of Go's
 * map semantics, ranges included.
 *
 * The input is a program over one map variable: put, get, lookup (with
 * and without a destination), ref (and a write through it), delete, len,
 * clear, runs of inserts or deletes that make the table grow and fill with
 * tombstones, make with odd hints, the nil map, and ranges whose bodies
 * delete the current key, delete keys not yet reached, update, insert new
 * keys (enough to grow the table mid-range), clear, run a nested range, or
 * break.  Go's range rules are checked on every step (map_model.inc).
 *
 * Three instantiations: uint64 keys with the default hash; sg_str keys of
 * lengths 0 to 40 (looked up through a second copy of the bytes); and
 * uint64 keys whose hash has only four values, so every probe sequence is
 * long and the 7/8 load, tombstone and full-group paths all run.
 *
 * REQUIRES: libfuzzer
 * RUN: rm -rf %t.dir && mkdir -p %t.dir/new
 * RUN: %clang -std=c11 -g -O1 %sg_inc -fsanitize=fuzzer,address,undefined \
 * RUN:   -fno-sanitize-recover=all %s -o %t.dir/fuzz_map
 * Replay the committed corpus, then fuzz briefly from it (the per-input
 * -timeout only catches hangs: a loaded CI machine must not trip it):
 * RUN: %t.dir/fuzz_map -runs=0 %S/corpus/fuzz_map 2>&1 | FileCheck %s
 * RUN: %t.dir/fuzz_map -max_total_time=8 -timeout=600 -rss_limit_mb=2048 \
 * RUN:   -print_final_stats=1 %t.dir/new %S/corpus/fuzz_map 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=FUZZ
 * The portable group matching (no SSE2) replays the corpus too:
 * RUN: %clang -std=c11 -g -O1 %sg_inc -DSG_MAP_NO_SIMD \
 * RUN:   -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all %s \
 * RUN:   -o %t.dir/fuzz_map_swar
 * RUN: %t.dir/fuzz_map_swar -runs=0 %S/corpus/fuzz_map 2>&1 | FileCheck %s
 * CHECK: INITED
 * CHECK: Done {{[0-9]+}} runs
 * FUZZ: Done {{[0-9]+}} runs
 * FUZZ: stat::number_of_executed_units:
 */
#include "fuzz_support.h"

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

enum { FZ_KEYS = 512 }; /* the key space: small enough to collide often */

typedef struct fz_mstate {
  sg_arena *arena;
  bool nil;
  bool present[FZ_KEYS];
  uint64_t val[FZ_KEYS];
  uint32_t epoch[FZ_KEYS]; /* bumped each time the key is (re)inserted */
  ptrdiff_t len;
  uint64_t counter;
  unsigned long ranges, range_steps;
} fz_mstate;

/* Distinct non-zero values: zero is what get returns for a missing key. */
static uint64_t fz_next_value(fz_mstate *st) { return ++st->counter; }

/* ---- uint64 keys: k times an odd constant, a bijection ------------------ */

#define FZ_KMUL UINT64_C(0x9e3779b97f4a7c15)
static uint64_t fz_kinv; /* FZ_KMUL's inverse modulo 2^64 */

static uint64_t fz_u64_key(int k) { return (uint64_t)k * FZ_KMUL; }
static int fz_u64_index(uint64_t key) {
  uint64_t k = key * fz_kinv;
  return k < FZ_KEYS ? (int)k : -1;
}

/* ---- string keys: "" for 0, else k in decimal padded with 'x' ----------- */

static char fz_text[2][FZ_KEYS][48];
static sg_str fz_strs[2][FZ_KEYS];

static void fz_init_strings(void) {
  for (int c = 0; c < 2; c++)
    for (int k = 0; k < FZ_KEYS; k++) {
      int n = 0;
      if (k > 0)
        n = snprintf(fz_text[c][k], sizeof fz_text[c][k], "%d%.*s", k, k % 38,
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      fz_strs[c][k] = sg_str_make(fz_text[c][k], n);
    }
}

static int fz_str_index(sg_str s) {
  int k = 0;
  for (ptrdiff_t i = 0; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9'; i++)
    if ((k = k * 10 + (s.ptr[i] - '0')) >= FZ_KEYS)
      return -1;
  return sg_str_eq(s, fz_strs[0][k]) ? k : -1;
}

/* ---- the instantiations ---------------------------------------------------
 */

#define SG_MAP fz_u64map
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#include <sliceguard/map.h>

#define SG_MAP fz_strmap
#define SG_KEY sg_str
#define SG_VAL uint64_t
#include <sliceguard/map.h>

/* Four hash values for 512 keys: the worst case a user's hash can cause. */
#define SG_MAP fz_badmap
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#define SG_HASH(k) ((k) & 3)
#include <sliceguard/map.h>

#define FZ_M fz_u64map
#define FZ_KEY(k, c) fz_u64_key(k)
#define FZ_INDEX(key) fz_u64_index(key)
#define FZ_RUN fz_run_u64
#include "map_model.inc"

#define FZ_M fz_strmap
#define FZ_KEY(k, c) fz_strs[(c) & 1][k]
#define FZ_INDEX(key) fz_str_index(key)
#define FZ_RUN fz_run_str
#include "map_model.inc"

#define FZ_M fz_badmap
#define FZ_KEY(k, c) fz_u64_key(k)
#define FZ_INDEX(key) fz_u64_index(key)
#define FZ_RUN fz_run_bad
#include "map_model.inc"

/* ---- libFuzzer entry points -----------------------------------------------
 */

static unsigned long fz_total_ranges, fz_total_steps;

static void fz_print_stats(void) {
  if (getenv("FZ_STATS"))
    fprintf(stderr,
            "fuzz_map: panics checked %lu, ranges %lu, range steps %lu\n",
            fz_panics_caught, fz_total_ranges, fz_total_steps);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fz_init_panics();
  fz_init_strings();
  /* Newton's iteration doubles the correct low bits each step. */
  uint64_t inv = FZ_KMUL;
  for (int i = 0; i < 6; i++)
    inv *= 2 - FZ_KMUL * inv;
  fz_kinv = inv;
  atexit(fz_print_stats);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static fz_mstate st; /* large: keep it off the stack */
  memset(&st, 0, sizeof st);
  st.arena = sg_arena_new();
  fz_input in = {data, data + size};
  switch (fz_byte(&in) % 3) {
  case 0:
    fz_run_u64(&st, &in);
    break;
  case 1:
    fz_run_str(&st, &in);
    break;
  default:
    fz_run_bad(&st, &in);
    break;
  }
  fz_total_ranges += st.ranges;
  fz_total_steps += st.range_steps;
  sg_arena_free(st.arena);
  return 0;
}
