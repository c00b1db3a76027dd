// Precision rules of the flow (issue 12): the near misses of the idioms in
// quiet-precision.c, still reported.
// REQUIRES: plugin
// RUN: %sg_verify %s
#include "../Inputs/slice_types.h"

// The range value is read again in the same iteration, after the filter
// overwrote it.
void filter_range_value_then_read(sg_arena *a, groups m) {
  sg_range(groups, m, it) {
    ints v = it.val;
    ints head = ints_slice(v, 0, 1); // expected-note {{'head' is a 2-index slice of 'v' made here}}
    head = ints_append(a, head, 7); // expected-warning {{append to 'head' may overwrite elements of 'v' past the end of the slice}}
    use_ints(v);
    groups_put(m, it.key, head);
  }
}

// The near miss of the reused buffer: each token keeps the buffer itself,
// not a clone, so the next token overwrites it.
void split_zero_keeps_buffer(sg_arena *a, ints *buf, ints src, intss *rows) {
  *buf = ints_slice(*buf, 0, 0);
  for (ptrdiff_t i = 0; i < src.len; i++) {
    int c = ints_get(src, i);
    if (c == 0) {
      *rows = intss_append(a, *rows, *buf); // expected-note {{a view of '*buf' is kept here}}
      *buf = ints_slice(*buf, 0, 0);
      continue;
    }
    *buf = ints_append(a, *buf, c); // expected-warning {{append to '*buf' may overwrite an earlier view of its backing array that is still kept}}
  }
}
