// A helper that keeps its slice argument (appends it to caller memory,
// puts it in a map) is a store, as if the caller kept it itself.  The
// combination-sum search hands each child path to itself recursively; a
// loop that grows one parent path for every child overwrites the children
// already kept (Go code caps with path[:len(path):len(path)]).
// REQUIRES: plugin
// RUN: %sg_verify %s
#include "../Inputs/slice_types.h"

typedef struct search {
  ints cands;
  intss out;
} search;

static void combo(sg_arena *a, search *st, ptrdiff_t start, int left,
                  ints path) {
  if (left == 0) {
    st->out = intss_append(a, st->out, path);
    return;
  }
  for (ptrdiff_t i = start; i < st->cands.len && ints_get(st->cands, i) <= left; i++)
    combo(a, st, i, left - ints_get(st->cands, i), ints_append(a, ints_slice(path, 0, path.len), ints_get(st->cands, i))); // expected-warning {{append to a slice of 'path' may overwrite elements of 'path' past the end of the slice, which are also kept elsewhere}} expected-note {{this 2-index slice of 'path' keeps the capacity past its length}} expected-note {{'path' is kept here}}
}

static void keep_row(sg_arena *a, intss *rows, ints row) {
  *rows = intss_append(a, *rows, row);
}

// Not recursive: the helper keeps each grown copy of one base.
void rows_from_base(sg_arena *a, ints base, ints xs, intss *rows) {
  for (ptrdiff_t i = 0; i < xs.len; i++)
    keep_row(a, rows, ints_append(a, ints_slice(base, 0, base.len), ints_get(xs, i))); // expected-warning {{append to a slice of 'base' may overwrite elements of 'base' past the end of the slice, which are also kept elsewhere}} expected-note {{this 2-index slice of 'base' keeps the capacity past its length}} expected-note {{'base' is kept here}}
}

// ---- quiet ---------------------------------------------------------------

static void combo_capped(sg_arena *a, search *st, ptrdiff_t start, int left,
                         ints path) {
  if (left == 0) {
    st->out = intss_append(a, st->out, path);
    return;
  }
  for (ptrdiff_t i = start; i < st->cands.len && ints_get(st->cands, i) <= left; i++)
    combo_capped(a, st, i, left - ints_get(st->cands, i), ints_append(a, ints_slice3(path, 0, path.len, path.len), ints_get(st->cands, i)));
}

static int total(ints row) {
  int t = 0;
  for (ptrdiff_t i = 0; i < row.len; i++)
    t += ints_get(row, i);
  return t;
}

// The helper only reads its argument.
int totals_from_base(sg_arena *a, ints base, ints xs) {
  int t = 0;
  for (ptrdiff_t i = 0; i < xs.len; i++)
    t += total(ints_append(a, ints_slice(base, 0, base.len), ints_get(xs, i)));
  return t;
}

// The base changes every iteration: each append grows the previous one's
// result, which is what is kept.
void rows_growing(sg_arena *a, ints base, ints xs, intss *rows) {
  for (ptrdiff_t i = 0; i < xs.len; i++) {
    base = ints_append(a, ints_slice(base, 0, base.len), ints_get(xs, i));
    keep_row(a, rows, ints_clone(a, base));
  }
}
