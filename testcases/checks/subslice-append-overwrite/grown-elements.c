// An element of a slice of slices, grown and appended to the same slice of
// slices: when the element had room, the new element shares its array,
// and the next append to the element overwrites the new one's last value
// (the subsets and combination-sum bug; Go code caps with p[:len(p):len(p)]).
// REQUIRES: plugin
// RUN: %sg_verify %s
#include "../Inputs/slice_types.h"

intss subsets(sg_arena *a, ints xs) {
  intss out = intss_append(a, (intss){0}, ints_make(a, 0, 0));
  for (ptrdiff_t k = 0; k < xs.len; k++) {
    ptrdiff_t n = out.len;
    for (ptrdiff_t i = 0; i < n; i++) {
      ints p = intss_get(out, i);
      out = intss_append(a, out, ints_append(a, ints_slice(p, 0, p.len), ints_get(xs, k))); // expected-warning {{append to an element of 'out' is kept in 'out' next to it: the two may share the element's array, and the next append to that element overwrites the kept one}} expected-note {{kept here}}
    }
  }
  return out;
}

// The quiet twins.
// ---- quiet ---------------------------------------------------------------

// The capped view: every append copies (the original subsets).
intss subsets_capped(sg_arena *a, ints xs) {
  intss out = intss_append(a, (intss){0}, ints_make(a, 0, 0));
  for (ptrdiff_t k = 0; k < xs.len; k++) {
    ptrdiff_t n = out.len;
    for (ptrdiff_t i = 0; i < n; i++) {
      ints p = intss_get(out, i);
      out = intss_append(a, out, ints_append(a, ints_slice3(p, 0, p.len, p.len), ints_get(xs, k)));
    }
  }
  return out;
}

// Each index visited once: no element is appended to twice here.
intss extend_all(sg_arena *a, intss rows, int x) {
  ptrdiff_t n = rows.len;
  for (ptrdiff_t i = 0; i < n; i++)
    rows = intss_append(a, rows, ints_append(a, intss_get(rows, i), x));
  return rows;
}

// Still a bug: the index starts over with a plain assignment in the outer
// loop.
intss rounds(sg_arena *a, intss rows, ints xs) {
  ptrdiff_t i;
  for (ptrdiff_t k = 0; k < xs.len; k++) {
    ptrdiff_t n = rows.len;
    for (i = 0; i < n; i++)
      rows = intss_append(a, rows, ints_append(a, intss_get(rows, i), ints_get(xs, k))); // expected-warning {{append to an element of 'rows' is kept in 'rows' next to it}} expected-note {{kept here}}
  }
  return rows;
}

// A clone owns its array.
intss extend_clones(sg_arena *a, intss rows, int x) {
  ptrdiff_t n = rows.len;
  for (ptrdiff_t i = 0; i < n; i++)
    rows = intss_append(a, rows, ints_append(a, ints_clone(a, intss_get(rows, i)), x));
  return rows;
}

// The grown element replaces the element itself.
void grow_in_place(sg_arena *a, intss rows, int x) {
  for (ptrdiff_t i = 0; i < rows.len; i++)
    intss_set(rows, i, ints_append(a, intss_get(rows, i), x));
}

// Kept in another slice of slices.
intss grown_elsewhere(sg_arena *a, intss rows, int x) {
  intss out = {0};
  for (ptrdiff_t i = 0; i < rows.len; i++)
    out = intss_append(a, out, ints_append(a, intss_get(rows, i), x));
  return out;
}
