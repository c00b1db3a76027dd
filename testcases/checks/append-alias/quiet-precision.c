// Precision rules of the flow (issue 12): idioms that must stay quiet.
// Each has a near miss that is still reported in precision.c.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics
#include "../Inputs/slice_types.h"

// Range variables are new values in every iteration: the append to it.val
// grows this iteration's copy, which is stored back under its own key.
void range_value_grown_and_stored(sg_arena *a, groups m, int x) {
  sg_range(groups, m, it) {
    ints v = ints_append(a, it.val, x);
    groups_put(m, it.key, v);
  }
}

// The same with the grown value kept in another map.
void range_value_grown_into_other(sg_arena *a, groups m, groups out, int x) {
  sg_range(groups, m, it) {
    ints v = ints_append(a, it.val, x);
    groups_put(out, it.key, v);
  }
}

// Capacities known: an append to a full slice always copies (Go guarantees
// it), so two appends from make(a, 3, 3) share nothing.
void full_make_appended_twice(sg_arena *a) {
  ints base = ints_make(a, 3, 3);
  ints x = ints_append(a, base, 1);
  ints y = ints_append(a, base, 2);
  use_two(x, y);
}

// The same with a length and capacity that are one variable, and a
// 3-index slice capped at its length.
void full_by_construction(sg_arena *a, ints s, ptrdiff_t n) {
  ints base = ints_make(a, n, n);
  ints x = ints_append(a, base, 1);
  ints y = ints_append(a, base, 2);
  use_two(x, y);
  ints capped = ints_slice3(s, 0, 2, 2);
  ints p = ints_append(a, capped, 1);
  ints q = ints_append(a, capped, 2);
  use_two(p, q);
}

// In a loop, the appends to a full base each copy: the kept results are
// all distinct arrays.
void full_base_in_loop(sg_arena *a, intss *rows, ints src) {
  ints base = ints_slice3(src, 0, src.len, src.len);
  for (int i = 0; i < 4; i++)
    *rows = intss_append(a, *rows, ints_append(a, base, i));
}

// A guard that says the slice is full: the append copies.
void guarded_full(sg_arena *a, ints base) {
  if (base.len == base.cap) {
    ints x = ints_append(a, base, 1);
    ints y = ints_append(a, base, 2);
    use_two(x, y);
  }
  if (base.len < base.cap)
    return;
  ints z = ints_append(a, base, 3);
  ints w = ints_append(a, base, 4);
  use_two(z, w);
}
