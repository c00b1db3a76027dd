// Precision rules of the flow (issue 12): idioms that must stay quiet.
// Each has a near miss that is still reported in precision.c.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics
#include "../Inputs/slice_types.h"

// Filter in place over a range value, stored back under its key: the next
// iteration's it.val is another value, so nothing reads the overwritten
// elements.
void filter_range_value(sg_arena *a, groups m) {
  sg_range(groups, m, it) {
    ints v = it.val;
    ints out = ints_slice(v, 0, 0);
    for (ptrdiff_t i = 0; i < v.len; i++)
      if (ints_get(v, i) > 0)
        out = ints_append(a, out, ints_get(v, i));
    groups_put(m, it.key, out);
  }
}

// The same written on it.val directly.
void filter_range_value_direct(sg_arena *a, groups m) {
  sg_range(groups, m, it) {
    ints out = ints_slice(it.val, 0, 0);
    for (ptrdiff_t i = 0; i < it.val.len; i++)
      if (ints_get(it.val, i) % 2 == 0)
        out = ints_append(a, out, ints_get(it.val, i));
    groups_put(m, it.key, out);
  }
}

// A buffer reused through a pointer parameter is tracked like a local: the
// copy kept in *buf is the slice the append grows in place, and each token
// keeps a clone made by a helper.
static ints keep_copy(sg_arena *a, ints b) { return ints_clone(a, b); }
void split_zero(sg_arena *a, ints *buf, ints src, intss *rows) {
  *buf = ints_slice(*buf, 0, 0);
  for (ptrdiff_t i = 0; i < src.len; i++) {
    int c = ints_get(src, i);
    if (c == 0) {
      *rows = intss_append(a, *rows, keep_copy(a, *buf));
      *buf = ints_slice(*buf, 0, 0);
      continue;
    }
    *buf = ints_append(a, *buf, c);
  }
}
