/* fuzz_slice.c - libFuzzer target: sliceguard slices against a model of
 * Go's slice semantics.
 *
 * The input is a program over six slice variables (make, append, append_n,
 * extend, s[lo:hi], s[lo:hi:max], copy, clone, get, set, a write through
 * at(), assignment, nil).  The model keeps backing arrays as first-class
 * objects, so it knows which variables share one: a write through one view
 * must show in every other view of that array, up to each view's capacity,
 * and must not show anywhere else.  Growth must give Go's capacity
 * (nextslicecap, then the malloc size class), computed here independently
 * of the runtime.  Out-of-range operations must panic with Go's exact text.
 *
 * Growing always moves to a new array, as in Go: the model has no
 * exception for the arena's newest allocation.  (It notices an array that
 * wrongly grew in place only through a later write that shows where it
 * must not; testcases/differential/ compares memory sharing directly.)
 *
 * Four element types cover the sizes whose growth sequences Go specifies:
 * 1, 8, 24 and 40 bytes.
 *
 * REQUIRES: libfuzzer
 * RUN: rm -rf %t.dir && mkdir -p %t.dir/new
 * RUN: %clang -std=c11 -g -O1 %sg_inc -fsanitize=fuzzer,address,undefined \
 * RUN:   -fno-sanitize-recover=all %s -o %t.dir/fuzz_slice
 * Replay the committed corpus, then fuzz briefly from it (the per-input
 * -timeout only catches hangs: a loaded CI machine must not trip it):
 * RUN: %t.dir/fuzz_slice -runs=0 %S/corpus/fuzz_slice 2>&1 | FileCheck %s
 * RUN: %t.dir/fuzz_slice -max_total_time=8 -timeout=600 -rss_limit_mb=2048 \
 * RUN:   -print_final_stats=1 %t.dir/new %S/corpus/fuzz_slice 2>&1 \
 * RUN:   | FileCheck %s --check-prefix=FUZZ
 * CHECK: INITED
 * CHECK: Done {{[0-9]+}} runs
 * FUZZ: Done {{[0-9]+}} runs
 * FUZZ: stat::number_of_executed_units:
 */
#include "fuzz_support.h"

#include <sliceguard/arena.h>

/* ---- Go's growth rule, written from Go's runtime, not from sliceguard ---- */

#define FZ_GO_MAX_ALLOC ((uint64_t)1 << 48) /* maxAlloc on linux/amd64 */

static ptrdiff_t fz_go_nextslicecap(ptrdiff_t newlen, ptrdiff_t oldcap) {
  ptrdiff_t newcap = oldcap, doublecap = oldcap + oldcap;
  if (newlen > doublecap)
    return newlen;
  if (oldcap < 256)
    return doublecap;
  while (0 < newcap && newcap < newlen)
    newcap += (newcap + 3 * 256) >> 2;
  return newcap <= 0 ? newlen : newcap;
}

/* runtime/sizeclasses.go: the object sizes of Go's small size classes. */
static uint64_t fz_go_roundupsize(uint64_t size) {
  static const uint32_t classes[] = {
      8,     16,    24,    32,    48,    64,    80,    96,    112,   128,
      144,   160,   176,   192,   208,   224,   240,   256,   288,   320,
      352,   384,   416,   448,   480,   512,   576,   640,   704,   768,
      896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,  2688,
      3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,
      8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384, 18432,
      19072, 20480, 21760, 24576, 27264, 28672, 32768};
  if (size == 0)
    return 0;
  if (size <= 32768) {
    for (size_t i = 0;; i++)
      if (classes[i] >= size)
        return classes[i];
  }
  return (size + 8191) / 8192 * 8192; /* large objects: whole pages */
}

static ptrdiff_t fz_go_growcap(ptrdiff_t newlen, ptrdiff_t oldcap,
                               size_t size) {
  ptrdiff_t newcap = fz_go_nextslicecap(newlen, oldcap);
  return (ptrdiff_t)(fz_go_roundupsize((uint64_t)newcap * size) / size);
}

/* ---- Go's panics (runtime/error.go boundsError, makeslice, growslice) ---- */

static bool fz_go_index_error(char *buf, size_t size, ptrdiff_t i,
                              ptrdiff_t len) {
  if (i >= 0 && i < len)
    return false;
  if (i < 0)
    fz_runtime_error(buf, size, "index out of range [%td]", i);
  else
    fz_runtime_error(buf, size, "index out of range [%td] with length %td", i,
                     len);
  return true;
}

/* s[lo:hi] on a slice: hi is checked against cap first, then lo <= hi. */
static bool fz_go_slice_error(char *buf, size_t size, ptrdiff_t lo,
                              ptrdiff_t hi, ptrdiff_t cap) {
  if (hi < 0)
    fz_runtime_error(buf, size, "slice bounds out of range [:%td]", hi);
  else if (hi > cap)
    fz_runtime_error(buf, size,
                     "slice bounds out of range [:%td] with capacity %td", hi,
                     cap);
  else if (lo < 0)
    fz_runtime_error(buf, size, "slice bounds out of range [%td:]", lo);
  else if (lo > hi)
    fz_runtime_error(buf, size, "slice bounds out of range [%td:%td]", lo, hi);
  else
    return false;
  return true;
}

/* s[lo:hi:max]: max against cap, then hi <= max, then lo <= hi. */
static bool fz_go_slice3_error(char *buf, size_t size, ptrdiff_t lo,
                               ptrdiff_t hi, ptrdiff_t max, ptrdiff_t cap) {
  if (max < 0)
    fz_runtime_error(buf, size, "slice bounds out of range [::%td]", max);
  else if (max > cap)
    fz_runtime_error(buf, size,
                     "slice bounds out of range [::%td] with capacity %td", max,
                     cap);
  else if (hi < 0)
    fz_runtime_error(buf, size, "slice bounds out of range [:%td:]", hi);
  else if (hi > max)
    fz_runtime_error(buf, size, "slice bounds out of range [:%td:%td]", hi,
                     max);
  else if (lo < 0)
    fz_runtime_error(buf, size, "slice bounds out of range [%td::]", lo);
  else if (lo > hi)
    fz_runtime_error(buf, size, "slice bounds out of range [%td:%td:]", lo, hi);
  else
    return false;
  return true;
}

/* makeslice: a bad cap is blamed on len when len is bad as well. */
static bool fz_go_makeslice_error(char *buf, size_t size, ptrdiff_t len,
                                  ptrdiff_t cap, size_t elem) {
  bool cap_bad = cap < 0 || (uint64_t)cap > FZ_GO_MAX_ALLOC / elem;
  if (!cap_bad && len >= 0 && len <= cap)
    return false;
  bool len_bad = len < 0 || (uint64_t)len > FZ_GO_MAX_ALLOC / elem;
  fz_runtime_error(buf, size, "makeslice: %s out of range",
                   len_bad ? "len" : "cap");
  return true;
}

/* append of n elements to a slice of length len and capacity cap. */
static bool fz_go_growslice_error(char *buf, size_t size, ptrdiff_t len,
                                  ptrdiff_t n, ptrdiff_t cap, size_t elem) {
  if (n <= cap - len)
    return false; /* fits: no growth, no check */
  bool bad = n > PTRDIFF_MAX - len;
  if (!bad) {
    ptrdiff_t newcap = fz_go_nextslicecap(len + n, cap);
    bad = (uint64_t)newcap > FZ_GO_MAX_ALLOC / elem ||
          fz_go_roundupsize((uint64_t)newcap * elem) > FZ_GO_MAX_ALLOC;
  }
  if (bad)
    fz_runtime_error(buf, size, "growslice: len out of range");
  return bad;
}

/* ---- the model ----------------------------------------------------------- */

enum {
  FZ_VIEWS = 6,            /* slice variables in play */
  FZ_MAX_ELEMS = 2048,     /* longest slice an operation may produce */
  FZ_MAX_ARRAYS = 256,     /* arrays per input */
  FZ_ELEM_BUDGET = 1 << 16 /* elements allocated per input */
};

/* A backing array: the model's contents and where the runtime put it. */
typedef struct fz_array {
  uint64_t *vals;
  ptrdiff_t cap;
  const void *base;
} fz_array;

/* A slice variable: which array, where in it, how long.  arr is -1 when
 * cap is 0 (no element is reachable, only nil-ness is observable). */
typedef struct fz_view {
  int arr;
  bool nil;
  ptrdiff_t off, len, cap;
} fz_view;

typedef struct fz_state {
  sg_arena *arena;
  fz_array arrays[FZ_MAX_ARRAYS];
  int narrays;
  ptrdiff_t elems_allocated;
  fz_view views[FZ_VIEWS];
  uint64_t counter;
  unsigned long moving_growths;
} fz_state;

static int fz_array_new(fz_state *st, ptrdiff_t cap, const void *base) {
  fz_array *a = &st->arrays[st->narrays];
  a->vals = calloc((size_t)cap, sizeof *a->vals);
  if (!a->vals)
    abort();
  a->cap = cap;
  a->base = base;
  st->elems_allocated += cap;
  return st->narrays++;
}

static void fz_array_copy(fz_state *st, int arr, ptrdiff_t at,
                          const uint64_t *src, ptrdiff_t n) {
  if (n > 0)
    memmove(&st->arrays[arr].vals[at], src, (size_t)n * sizeof *src);
}

/* Distinct non-zero values (zero is what fresh memory holds). */
static uint64_t fz_next_value(fz_state *st, uint64_t mask) {
  return 1 + st->counter++ % mask;
}

/* ---- element types --------------------------------------------------------
 * Wide elements carry redundant words, so a torn or shifted copy decodes to
 * a value the model never wrote; all-zero memory decodes to 0. */

static uint64_t fz_rotl(uint64_t x, int r) { return x << r | x >> (64 - r); }
#define FZ_K UINT64_C(0x9e3779b97f4a7c15)

typedef struct fz_e24 {
  uint64_t a, b, c;
} fz_e24;
typedef struct fz_e40 {
  uint64_t a, b, c, d, e;
} fz_e40;

static fz_e24 fz_e24_of(uint64_t v) {
  fz_e24 e = {v, fz_rotl(v, 17), v * FZ_K};
  return e;
}
static uint64_t fz_e24_value(fz_e24 e) {
  return e.b == fz_rotl(e.a, 17) && e.c == e.a * FZ_K ? e.a : ~e.a;
}
static fz_e40 fz_e40_of(uint64_t v) {
  fz_e40 e = {v, fz_rotl(v, 17), v * FZ_K, v ^ fz_rotl(v, 31), v + (v >> 3)};
  return e;
}
static uint64_t fz_e40_value(fz_e40 e) {
  fz_e40 want = fz_e40_of(e.a);
  return memcmp(&want, &e, sizeof e) == 0 ? e.a : ~e.a;
}

#define SG_SLICE fz_u8s
#define SG_ELEM uint8_t
#include <sliceguard/slice.h>
#define SG_SLICE fz_u64s
#define SG_ELEM uint64_t
#include <sliceguard/slice.h>
#define SG_SLICE fz_e24s
#define SG_ELEM fz_e24
#include <sliceguard/slice.h>
#define SG_SLICE fz_e40s
#define SG_ELEM fz_e40
#include <sliceguard/slice.h>

#define FZ_T fz_u8s
#define FZ_E uint8_t
#define FZ_ENCODE(v) ((uint8_t)(v))
#define FZ_DECODE(e) ((uint64_t)(e))
#define FZ_MASK UINT64_C(0xff)
#define FZ_RUN fz_run_u8
#include "slice_model.inc"

#define FZ_T fz_u64s
#define FZ_E uint64_t
#define FZ_ENCODE(v) (v)
#define FZ_DECODE(e) (e)
#define FZ_MASK UINT64_MAX
#define FZ_RUN fz_run_u64
#include "slice_model.inc"

#define FZ_T fz_e24s
#define FZ_E fz_e24
#define FZ_ENCODE(v) fz_e24_of(v)
#define FZ_DECODE(e) fz_e24_value(e)
#define FZ_MASK UINT64_MAX
#define FZ_RUN fz_run_e24
#include "slice_model.inc"

#define FZ_T fz_e40s
#define FZ_E fz_e40
#define FZ_ENCODE(v) fz_e40_of(v)
#define FZ_DECODE(e) fz_e40_value(e)
#define FZ_MASK UINT64_MAX
#define FZ_RUN fz_run_e40
#include "slice_model.inc"

/* ---- libFuzzer entry points ---------------------------------------------- */

static unsigned long fz_total_moving;

static void fz_print_stats(void) {
  if (getenv("FZ_STATS"))
    fprintf(stderr, "fuzz_slice: panics checked %lu, growths %lu\n",
            fz_panics_caught, fz_total_moving);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fz_init_panics();
  atexit(fz_print_stats);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static fz_state st; /* large: keep it off the stack */
  memset(&st, 0, sizeof st);
  for (int k = 0; k < FZ_VIEWS; k++)
    st.views[k] = (fz_view){.arr = -1, .nil = true};
  st.arena = sg_arena_new();
  fz_input in = {data, data + size};
  switch (fz_byte(&in) % 4) {
  case 0:
    fz_run_u8(&st, &in);
    break;
  case 1:
    fz_run_u64(&st, &in);
    break;
  case 2:
    fz_run_e24(&st, &in);
    break;
  default:
    fz_run_e40(&st, &in);
    break;
  }
  fz_total_moving += st.moving_growths;
  for (int i = 0; i < st.narrays; i++)
    free(st.arrays[i].vals);
  sg_arena_free(st.arena);
  return 0;
}
