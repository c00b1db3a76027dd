// A port of backtrack.go: backtracking searches written the way Go
// programmers write them, keeping results that share prefixes safely:
// results copied with append([]int(nil), cur...) (permutations, n
// queens) or built by extending a capped prefix append(p[:len(p):len(p)],
// x) so that sibling branches never overwrite each other (subsets,
// combination sums), BFS paths in a map-based graph copied on every
// extension, and capped views whose two appends must copy.  Go's closures
// become functions over a context struct.  Both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/backtrack.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_SLICE intss
#define SG_ELEM ints
#include <sliceguard/slice.h>

#define SG_SLICE bools
#define SG_ELEM bool
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_SLICE paths
#define SG_ELEM strs
#include <sliceguard/slice.h>

#define SG_MAP graphmap
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

#define P(s) (int)(s).len, (s).ptr

static sg_arena *heap;

/* ---- permutations ------------------------------------------------------ */

typedef struct permState {
  ints xs;
  intss out;
  bools used;
  ints cur;
} permState;

static void permRec(permState *st) {
  if (st->cur.len == st->xs.len) {
    st->out =
        intss_append(heap, st->out, ints_extend(heap, (ints){0}, st->cur));
    return;
  }
  for (ptrdiff_t i = 0; i < st->xs.len; i++) {
    if (bools_get(st->used, i))
      continue;
    bools_set(st->used, i, true);
    st->cur = ints_append(heap, st->cur, ints_get(st->xs, i));
    permRec(st);
    st->cur = ints_slice(st->cur, 0, st->cur.len - 1);
    bools_set(st->used, i, false);
  }
}

static intss permutations(ints xs) {
  permState st = {
      xs, {0}, bools_make(heap, xs.len, xs.len), ints_make(heap, 0, xs.len)};
  permRec(&st);
  return st.out;
}

/* ---- subsets ----------------------------------------------------------- */

// subsets extends a capped prefix, so both children of a node may share
// it.
static intss subsets(ints xs) {
  intss out = intss_append(heap, (intss){0}, ints_make(heap, 0, 0)); /* {{}} */
  for (ptrdiff_t k = 0; k < xs.len; k++) {
    ptrdiff_t x = ints_get(xs, k);
    ptrdiff_t n = out.len;
    for (ptrdiff_t i = 0; i < n; i++) {
      ints p = intss_get(out, i);
      out = intss_append(heap, out,
                         ints_append(heap, ints_slice3(p, 0, p.len, p.len), x));
    }
  }
  return out;
}

/* ---- combination sums -------------------------------------------------- */

static int cmpint(const void *a, const void *b) {
  ptrdiff_t x = *(const ptrdiff_t *)a, y = *(const ptrdiff_t *)b;
  return (x > y) - (x < y);
}

typedef struct comboState {
  ints cands;
  intss out;
} comboState;

static void comboRec(comboState *st, ptrdiff_t start, ptrdiff_t left,
                     ints path) {
  if (left == 0) {
    st->out = intss_append(heap, st->out, path);
    return;
  }
  for (ptrdiff_t i = start; i < st->cands.len && ints_get(st->cands, i) <= left;
       i++)
    comboRec(st, i, left - ints_get(st->cands, i),
             ints_append(heap, ints_slice3(path, 0, path.len, path.len),
                         ints_get(st->cands, i)));
}

static intss combinationSum(ints cands, ptrdiff_t target) {
  if (cands.len > 1) /* sort.Ints */
    qsort(cands.ptr, (size_t)cands.len, sizeof(ptrdiff_t), cmpint);
  comboState st = {cands, {0}};
  comboRec(&st, 0, target, (ints){0});
  return st.out;
}

/* ---- n queens ---------------------------------------------------------- */

typedef struct queenState {
  ptrdiff_t n;
  intss out;
  ints cols;
} queenState;

static bool queenOK(queenState *st, ptrdiff_t c) {
  ptrdiff_t r = st->cols.len;
  for (ptrdiff_t pr = 0; pr < st->cols.len; pr++) {
    ptrdiff_t pc = ints_get(st->cols, pr);
    if (pc == c || pr - pc == r - c || pr + pc == r + c)
      return false;
  }
  return true;
}

static void queenRec(queenState *st) {
  if (st->cols.len == st->n) {
    st->out =
        intss_append(heap, st->out, ints_extend(heap, (ints){0}, st->cols));
    return;
  }
  for (ptrdiff_t c = 0; c < st->n; c++) {
    if (queenOK(st, c)) {
      st->cols = ints_append(heap, st->cols, c);
      queenRec(st);
      st->cols = ints_slice(st->cols, 0, st->cols.len - 1);
    }
  }
}

static intss nQueens(ptrdiff_t n) {
  queenState st = {n, {0}, ints_make(heap, 0, n)};
  queenRec(&st);
  return st.out;
}

/* ---- BFS paths --------------------------------------------------------- */

static paths allPaths(graphmap graph, sg_str from, sg_str to) {
  paths out = {0};
  paths queue =
      paths_append(heap, (paths){0}, strs_append(heap, (strs){0}, from));
  while (queue.len > 0) {
    strs p = paths_get(queue, 0);
    queue = paths_slice(queue, 1, queue.len);
    sg_str last = strs_get(p, p.len - 1);
    if (sg_str_eq(last, to)) {
      out = paths_append(heap, out, p);
      continue;
    }
    strs nexts = graphmap_get(graph, last);
    for (ptrdiff_t k = 0; k < nexts.len; k++) {
      sg_str next = strs_get(nexts, k);
      bool seen = false;
      for (ptrdiff_t i = 0; i < p.len; i++)
        if (sg_str_eq(strs_get(p, i), next))
          seen = true;
      if (!seen) {
        strs np = strs_make(heap, p.len, p.len + 1);
        strs_copy(np, p);
        queue = paths_append(heap, queue, strs_append(heap, np, next));
      }
    }
  }
  return out;
}

/* ---- the program ------------------------------------------------------- */

static void printInts(ints r) {
  printf("[");
  for (ptrdiff_t i = 0; i < r.len; i++)
    printf("%s%ld", i ? " " : "", (long)ints_get(r, i));
  printf("]");
}

static void show(const char *tag, intss rs) {
  printf("%s: %d", tag, (int)rs.len);
  for (ptrdiff_t i = 0; i < rs.len; i++) {
    if (i == 12) {
      printf(" ...");
      break;
    }
    printf(" ");
    printInts(intss_get(rs, i));
  }
  printf("\n");
}

static ints list(int n, const ptrdiff_t *xs) {
  return ints_append_n(heap, (ints){0}, xs, n);
}

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

static void graphs(void) {
  graphmap graph = graphmap_make(heap, 0);
  static const char *const edges[][2] = {{"a", "b"}, {"a", "c"}, {"b", "d"},
                                         {"c", "d"}, {"b", "c"}, {"d", "e"},
                                         {"c", "e"}, {"e", "f"}};
  for (int k = 0; k < 8; k++) {
    sg_str x = sg_str_from(edges[k][0]), y = sg_str_from(edges[k][1]);
    graphmap_put(graph, x, strs_append(heap, graphmap_get(graph, x), y));
    graphmap_put(graph, y, strs_append(heap, graphmap_get(graph, y), x));
  }
  paths ps = allPaths(graph, SG_STR("a"), SG_STR("f"));
  strs lines = {0};
  for (ptrdiff_t i = 0; i < ps.len; i++) {
    strs p = paths_get(ps, i);
    char buf[64];
    int n = 0;
    for (ptrdiff_t j = 0; j < p.len; j++)
      n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%.*s", j ? ">" : "",
                    P(strs_get(p, j)));
    char *s = sg_arena_alloc(heap, (size_t)n);
    memcpy(s, buf, (size_t)n);
    lines = strs_append(heap, lines, sg_str_make(s, n));
  }
  if (lines.len > 1) /* sort.Strings */
    qsort(lines.ptr, (size_t)lines.len, sizeof(sg_str), cmpstr);
  printf("paths a..f: %d\n", (int)lines.len);
  for (ptrdiff_t i = 0; i < lines.len; i++)
    printf("  %.*s\n", P(strs_get(lines, i)));
}

int main(void) {
  heap = sg_arena_new();
  static const ptrdiff_t p4[] = {1, 2, 3, 4}, s5[] = {1, 2, 3, 4, 5},
                         c7[] = {2, 3, 6, 7}, c16[] = {2, 3, 5};
  show("perms", permutations(list(4, p4)));
  show("perms empty", permutations((ints){0}));
  intss subs = subsets(list(5, s5));
  show("subsets", subs);
  intss last = intss_slice(subs, subs.len - 3, subs.len);
  printf("last subsets: [");
  for (ptrdiff_t i = 0; i < last.len; i++) {
    if (i)
      printf(" ");
    printInts(intss_get(last, i));
  }
  printf("]\n");
  show("combos 7", combinationSum(list(4, c7), 7));
  show("combos 16", combinationSum(list(3, c16), 16));
  show("queens 6", nQueens(6));
  printf("queens 8: %d\n", (int)nQueens(8).len);
  graphs();

  // Capped views: each append must copy, so c and d stay independent.
  ints roomy = ints_make(heap, 3, 10);
  ints c = ints_append(heap, ints_slice3(roomy, 0, 3, 3), 1);
  ints d = ints_append(heap, ints_slice3(roomy, 0, 3, 3), 2);
  printf("capped: ");
  printInts(roomy);
  printf(" ");
  printInts(c);
  printf(" ");
  printInts(d);
  printf("\n");
  sg_arena_free(heap);
  return 0;
}
