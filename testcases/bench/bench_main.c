/* bench_main.c - runs sliceguard's slices and maps side by side with their
 * peers and prints one table per (key type, size) plus ratios and a verdict
 * on each target of issue 2.
 *
 * Usage: sg_runtime_bench [--sizes=1000,100000,1000000] [--samples=N]
 *                         [--seed=N] [--ops=1048576] [--quick]
 *
 * Keys come from splitmix64 with a fixed seed, which is a bijection of its
 * counter: the 2n keys drawn are distinct, so the first n are hits and the
 * last n are guaranteed misses.  Every phase is summed over the rounds of a
 * sample; the best (smallest) sample per phase is reported in ns per
 * operation.  Checksums from every implementation are compared with the
 * closed-form expectation, so a benchmark can never report a fast wrong
 * answer. */
#include "bench.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIZES 8

typedef struct options {
  size_t sizes[MAX_SIZES];
  int nsizes;
  int samples;
  uint64_t seed;
  size_t ops_per_sample; /* rounds per sample = max(1, this / n) */
} options;

static const bench_impl *const map_impls[] = {
    &bench_sliceguard_c1, &bench_sliceguard_c0, &bench_sliceguard_c2,
    &bench_absl,          &bench_boost,         &bench_uthash,
    &bench_glib,          &bench_stb,
};
enum { N_MAP_IMPLS = sizeof map_impls / sizeof map_impls[0] };
/* Indices into map_impls that the targets refer to. */
enum { SG = 0, SG_C0 = 1, SG_C2 = 2, ABSL = 3, BOOST = 4, FIRST_C_PEER = 5 };

static const bench_impl *const push_impls[] = {
    &bench_sliceguard_c1, &bench_sliceguard_c0, &bench_sliceguard_c2,
    &bench_floor,         &bench_glib,          &bench_stb,
    &bench_std_vector,
};
enum { N_PUSH_IMPLS = sizeof push_impls / sizeof push_impls[0] };
enum { FLOOR = 3 };

static const char *const op_names[BENCH_OP_COUNT] = {
    "insert", "lookup-hit", "lookup-miss", "iterate", "erase"};

static int targets_met, targets_missed;
static double level_cost_sum[3];
static int level_cost_count;

/* ---- inputs --------------------------------------------------------- */

static uint64_t splitmix64(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static void *xmalloc(size_t bytes) {
  void *p = malloc(bytes ? bytes : 1);
  if (!p) {
    fprintf(stderr, "sg_runtime_bench: out of memory\n");
    exit(2);
  }
  return p;
}

/* Realistic string keys of several lengths: a prefix picked by the key's
 * top bits, then the key in hex.  Prefixes differ in length, so keys stay
 * distinct whenever the numbers are. */
static const char *const prefixes[4] = {"", "user:", "session/",
                                        "https://example.org/item/"};

typedef struct owned_input {
  bench_input in;
  uint64_t *u64; /* keys, hit_order, hit_vals, miss: 4n */
  bench_str *str;
  char *text;
} owned_input;

static void make_strings(owned_input *o, const uint64_t *src, bench_str *dst,
                         char **cursor, size_t n) {
  for (size_t i = 0; i < n; i++) {
    int len = sprintf(*cursor, "%s%016" PRIx64, prefixes[src[i] >> 62], src[i]);
    dst[i].ptr = *cursor;
    dst[i].len = (size_t)len;
    *cursor += len + 1;
  }
  (void)o;
}

static owned_input make_input(size_t n, uint64_t seed) {
  owned_input o;
  memset(&o, 0, sizeof o);
  o.u64 = xmalloc(4 * n * sizeof *o.u64);
  uint64_t *keys = o.u64, *hit = keys + n, *vals = hit + n, *miss = vals + n;
  uint64_t state = seed;
  for (size_t i = 0; i < n; i++)
    keys[i] = splitmix64(&state);
  for (size_t i = 0; i < n; i++)
    miss[i] = splitmix64(&state);

  /* Lookups and erases visit the keys in a fixed random order. */
  size_t *perm = xmalloc(n * sizeof *perm);
  for (size_t i = 0; i < n; i++)
    perm[i] = i;
  for (size_t i = n; i > 1; i--) {
    size_t j = (size_t)(splitmix64(&state) % i);
    size_t tmp = perm[i - 1];
    perm[i - 1] = perm[j];
    perm[j] = tmp;
  }
  for (size_t i = 0; i < n; i++) {
    hit[i] = keys[perm[i]];
    vals[i] = perm[i] + 1;
  }

  size_t longest = strlen(prefixes[3]) + 16 + 1;
  o.text = xmalloc(2 * n * longest);
  o.str = xmalloc(3 * n * sizeof *o.str);
  char *cursor = o.text;
  make_strings(&o, keys, o.str, &cursor, n);
  make_strings(&o, miss, o.str + 2 * n, &cursor, n);
  for (size_t i = 0; i < n; i++)
    o.str[n + i] = o.str[perm[i]];
  free(perm);

  o.in.n = n;
  o.in.keys = keys;
  o.in.hit_order = hit;
  o.in.hit_vals = vals;
  o.in.miss = miss;
  o.in.skeys = o.str;
  o.in.shit_order = o.str + n;
  o.in.smiss = o.str + 2 * n;
  o.in.iter_passes = n >= 16384 ? 1 : (int)(16384 / n);
  return o;
}

static void free_input(owned_input *o) {
  free(o->u64);
  free(o->str);
  free(o->text);
}

/* ---- measuring ------------------------------------------------------ */

typedef struct measured {
  double ns_per_op[BENCH_OP_COUNT];
  bool ok;
} measured;

static size_t rounds_for(const options *opt, size_t n) {
  size_t r = opt->ops_per_sample / n;
  return r ? r : 1;
}

static bool verify(const char *what, const char *impl, const bench_round *r,
                   const uint64_t *expect, int nops) {
  bool ok = true;
  for (int op = 0; op < nops; op++) {
    if (r->check[op] != expect[op]) {
      fprintf(stderr,
              "sg_runtime_bench: %s %s %s: checksum %" PRIu64
              ", expected %" PRIu64 "\n",
              impl, what, op_names[op], r->check[op], expect[op]);
      ok = false;
    }
  }
  return ok;
}

static void measured_init(measured *m) {
  m->ok = true;
  for (int op = 0; op < BENCH_OP_COUNT; op++)
    m->ns_per_op[op] = INFINITY;
}

/* One sample of a map implementation, folded into m (best so far). */
static void sample_map(const options *opt, const bench_input *in,
                       bench_map_round_fn fn, const char *impl,
                       const char *what, measured *m) {
  size_t rounds = rounds_for(opt, in->n);
  uint64_t n = in->n, tri = n * (n + 1) / 2;
  const uint64_t expect[BENCH_OP_COUNT] = {
      n * rounds, tri * rounds, 0, tri * (uint64_t)in->iter_passes * rounds,
      n * rounds};
  bench_round r;
  memset(&r, 0, sizeof r);
  for (size_t i = 0; i < rounds; i++)
    fn(in, &r);
  m->ok &= verify(what, impl, &r, expect, BENCH_OP_COUNT);
  for (int op = 0; op < BENCH_OP_COUNT; op++) {
    double ops = (double)n * (double)rounds;
    if (op == BENCH_ITER)
      ops *= in->iter_passes;
    m->ns_per_op[op] = fmin(m->ns_per_op[op], (double)r.ns[op] / ops);
  }
}

/* One sample of an append implementation, folded into m. */
static void sample_push(const options *opt, const bench_input *in,
                        bench_append_round_fn fn, const char *impl,
                        measured *m) {
  size_t rounds = rounds_for(opt, in->n);
  uint64_t n = in->n;
  const uint64_t expect[1] = {n * (n + 1) / 2 * rounds};
  bench_round r;
  memset(&r, 0, sizeof r);
  for (size_t i = 0; i < rounds; i++)
    fn(in, &r);
  m->ok &= verify("append", impl, &r, expect, 1);
  m->ns_per_op[BENCH_INSERT] =
      fmin(m->ns_per_op[BENCH_INSERT],
           (double)r.ns[BENCH_INSERT] / ((double)n * (double)rounds));
}

/* ---- reporting ------------------------------------------------------ */

static const char *verdict(bool met) {
  if (met)
    targets_met++;
  else
    targets_missed++;
  return met ? "ok" : "MISS";
}

static void print_map_table(const char *what, size_t n,
                            const measured m[N_MAP_IMPLS]) {
  printf("\n%s, n=%zu  (ns/op, best of samples)\n", what, n);
  printf("%-12s", "op");
  for (int i = 0; i < N_MAP_IMPLS; i++)
    printf(" %9s", map_impls[i]->name);
  printf(" | %9s %6s %4s | %10s %4s\n", "sg/best", "target", "", "C-peer/sg",
         "");
  for (int op = 0; op < BENCH_OP_COUNT; op++) {
    printf("%-12s", op_names[op]);
    for (int i = 0; i < N_MAP_IMPLS; i++)
      printf(" %9.2f", m[i].ns_per_op[op]);
    double sg = m[SG].ns_per_op[op];
    double best = fmin(m[ABSL].ns_per_op[op], m[BOOST].ns_per_op[op]);
    double worst = fmax(m[ABSL].ns_per_op[op], m[BOOST].ns_per_op[op]);
    double best_c = INFINITY;
    for (int i = FIRST_C_PEER; i < N_MAP_IMPLS; i++)
      best_c = fmin(best_c, m[i].ns_per_op[op]);
    /* Iteration must be no slower than either; erase has no Swiss-table
     * target, only the C-peer one. */
    if (op == BENCH_ITER)
      printf(" | %9.2f %6s %4s", sg / worst, "<=1.00", verdict(sg <= worst));
    else if (op == BENCH_ERASE)
      printf(" | %9.2f %6s %4s", sg / best, "-", "");
    else
      printf(" | %9.2f %6s %4s", sg / best, "<=1.25",
             verdict(sg <= 1.25 * best));
    printf(" | %10.2f %4s\n", best_c / sg, verdict(sg < best_c));
    level_cost_sum[0] += log(m[SG_C0].ns_per_op[op] / sg);
    level_cost_sum[2] += log(m[SG_C2].ns_per_op[op] / sg);
    level_cost_count++;
  }
}

static void print_push_table(size_t n, const measured m[N_PUSH_IMPLS]) {
  printf("\nappend uint64, n=%zu  (ns/op, best of samples)\n", n);
  printf("%-12s", "op");
  for (int i = 0; i < N_PUSH_IMPLS; i++)
    printf(" %11s", push_impls[i]->name);
  printf(" | %9s %6s\n", "sg/floor", "target");
  printf("%-12s", "append");
  for (int i = 0; i < N_PUSH_IMPLS; i++)
    printf(" %11.2f", m[i].ns_per_op[BENCH_INSERT]);
  double ratio =
      m[SG].ns_per_op[BENCH_INSERT] / m[FLOOR].ns_per_op[BENCH_INSERT];
  printf(" | %9.2f %6s %s\n", ratio, "<=1.10", verdict(ratio <= 1.10));
  level_cost_sum[0] +=
      log(m[SG_C0].ns_per_op[BENCH_INSERT] / m[SG].ns_per_op[BENCH_INSERT]);
  level_cost_sum[2] +=
      log(m[SG_C2].ns_per_op[BENCH_INSERT] / m[SG].ns_per_op[BENCH_INSERT]);
  level_cost_count++;
}

/* ---- driver --------------------------------------------------------- */

/* Samples are interleaved across implementations, so a burst of load from
 * elsewhere on a shared machine hits every implementation alike instead of
 * whichever one happened to be running.  Each sample also starts the
 * round-robin at the next implementation: what runs first after another
 * phase meets the allocator in a different state (glibc's heap trimmed,
 * its mmap threshold moved, fresh pages to fault in), and that must not
 * always be the same implementation. */
static bool run_size(const options *opt, size_t n) {
  bool ok = true;
  owned_input o = make_input(n, opt->seed);
  measured u64[N_MAP_IMPLS], str[N_MAP_IMPLS], push[N_PUSH_IMPLS];
  for (int i = 0; i < N_MAP_IMPLS; i++) {
    measured_init(&u64[i]);
    measured_init(&str[i]);
  }
  for (int i = 0; i < N_PUSH_IMPLS; i++)
    measured_init(&push[i]);

  for (int s = 0; s < opt->samples; s++) {
    for (int k = 0; k < N_MAP_IMPLS; k++) {
      int i = (k + s) % N_MAP_IMPLS;
      sample_map(opt, &o.in, map_impls[i]->u64, map_impls[i]->name, "uint64",
                 &u64[i]);
    }
    for (int k = 0; k < N_MAP_IMPLS; k++) {
      int i = (k + s) % N_MAP_IMPLS;
      sample_map(opt, &o.in, map_impls[i]->str, map_impls[i]->name, "string",
                 &str[i]);
    }
    for (int k = 0; k < N_PUSH_IMPLS; k++) {
      int i = (k + s) % N_PUSH_IMPLS;
      sample_push(opt, &o.in, push_impls[i]->push, push_impls[i]->name,
                  &push[i]);
    }
  }
  for (int i = 0; i < N_MAP_IMPLS; i++)
    ok &= u64[i].ok && str[i].ok;
  for (int i = 0; i < N_PUSH_IMPLS; i++)
    ok &= push[i].ok;
  print_map_table("uint64 -> uint64", n, u64);
  print_map_table("string -> uint64", n, str);
  print_push_table(n, push);
  fflush(stdout);
  free_input(&o);
  return ok;
}

static void usage(void) {
  fprintf(stderr, "usage: sg_runtime_bench [--sizes=N,N,...] [--samples=N] "
                  "[--seed=N] [--ops=N] [--quick]\n");
  exit(2);
}

static void parse_sizes(options *opt, const char *list) {
  opt->nsizes = 0;
  while (*list) {
    char *end;
    unsigned long long v = strtoull(list, &end, 10);
    if (end == list || v == 0 || opt->nsizes == MAX_SIZES)
      usage();
    opt->sizes[opt->nsizes++] = (size_t)v;
    list = *end == ',' ? end + 1 : end;
    if (*end && *end != ',')
      usage();
  }
  if (opt->nsizes == 0)
    usage();
}

static options parse_options(int argc, char **argv) {
  options opt = {.sizes = {1000, 100000, 1000000},
                 .nsizes = 3,
                 .samples = 5,
                 .seed = 20240601,
                 .ops_per_sample = 1u << 20};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strncmp(a, "--sizes=", 8))
      parse_sizes(&opt, a + 8);
    else if (!strncmp(a, "--samples=", 10))
      opt.samples = atoi(a + 10);
    else if (!strncmp(a, "--seed=", 7))
      opt.seed = strtoull(a + 7, NULL, 10);
    else if (!strncmp(a, "--ops=", 6))
      opt.ops_per_sample = strtoull(a + 6, NULL, 10);
    else if (!strcmp(a, "--quick")) {
      opt.sizes[0] = 1000;
      opt.nsizes = 1;
      opt.samples = 1;
      opt.ops_per_sample = 1u << 14;
    } else
      usage();
  }
  if (opt.samples < 1 || opt.ops_per_sample < 1)
    usage();
  return opt;
}

int main(int argc, char **argv) {
  options opt = parse_options(argc, argv);
  printf("sliceguard runtime benchmark: seed %" PRIu64 ", best of %d samples, "
         "~%zu ops per sample\n",
         opt.seed, opt.samples, opt.ops_per_sample);
  printf("sg = sliceguard at SG_CHECKS=1 (default); sg-c0 / sg-c2 = levels 0 "
         "and 2.\nsg/best: ratio to the faster of absl and boost (iterate: to "
         "the slower).\nC-peer/sg: how many times faster sg is than the best "
         "of uthash, glib, stb_ds.\n");
  bool ok = true;
  for (int i = 0; i < opt.nsizes; i++)
    ok &= run_size(&opt, opt.sizes[i]);
  printf("\ntargets met: %d, missed: %d\n", targets_met, targets_missed);
  if (level_cost_count)
    printf("check-level cost (geometric mean over every row, relative to "
           "SG_CHECKS=1): level 0 %.3fx, level 2 %.3fx\n",
           exp(level_cost_sum[0] / level_cost_count),
           exp(level_cost_sum[2] / level_cost_count));
  if (!ok) {
    fprintf(stderr, "sg_runtime_bench: checksum mismatch (see above)\n");
    return 1;
  }
  return 0;
}
