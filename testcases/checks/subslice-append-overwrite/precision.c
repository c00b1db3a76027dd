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

// Near misses of the fresh-storage helpers: what is kept is a view of the
// buffer, made by the runtime or by a helper (on one of its returns).
static ints view_of(ints b) { return ints_slice(b, 0, b.len); }
static ints maybe_copy(sg_arena *a, ints b, int copy) {
  if (copy)
    return ints_clone(a, b);
  return b;
}
void tokens_kept_views(sg_arena *a, ints src, intss *rows, intss *more,
                       intss *last) {
  ints buf = {0};
  for (ptrdiff_t i = 0; i < src.len; i++) {
    int c = ints_get(src, i);
    if (c == 0) {
      *rows = intss_append(a, *rows, ints_slice(buf, 0, buf.len)); // expected-note {{a view of its backing array is kept here}}
      buf = ints_slice(buf, 0, 0);
      continue;
    }
    buf = ints_append(a, buf, c); // expected-warning {{append to 'buf' may overwrite an earlier view of its backing array that is still kept}}
  }
  ints b2 = {0};
  for (ptrdiff_t i = 0; i < src.len; i++) {
    if (ints_get(src, i) == 0) {
      *more = intss_append(a, *more, view_of(b2)); // expected-note {{a view of its backing array is kept here}}
      b2 = ints_slice(b2, 0, 0);
      continue;
    }
    b2 = ints_append(a, b2, ints_get(src, i)); // expected-warning {{append to 'b2' may overwrite an earlier view}}
  }
  ints b3 = {0};
  for (ptrdiff_t i = 0; i < src.len; i++) {
    if (ints_get(src, i) == 0) {
      *last = intss_append(a, *last, maybe_copy(a, b3, (int)i)); // expected-note {{a view of its backing array is kept here}}
      b3 = ints_slice(b3, 0, 0);
      continue;
    }
    b3 = ints_append(a, b3, ints_get(src, i)); // expected-warning {{append to 'b3' may overwrite an earlier view}}
  }
}

struct pool {
  ints items;
};

// Near miss of the pooled buffer: the pool's old contents are read while
// the appends overwrite them.
ints sorted_keys_reads_pool(sg_arena *a, struct pool *pool, groups m) {
  if (pool->items.cap < groups_len(m))
    pool->items = ints_make(a, 0, groups_len(m)); // expected-note {{a view of its backing array is kept here}}
  ints keys = ints_slice(pool->items, 0, 0);
  sg_range(groups, m, it) {
    keys = ints_append(a, keys, it.key); // expected-warning {{append to 'keys' may overwrite an earlier view of its backing array that is still kept}}
    use_ints(pool->items);
  }
  pool->items = keys;
  return keys;
}

// The near miss: the view stops short of the known length, so the append
// overwrites roomy[2], which roomy still reads.
void view_short_of_known_length(sg_arena *a) {
  ints roomy = ints_make(a, 3, 10);
  ints c = ints_append(a, ints_slice(roomy, 0, 2), 1); // expected-warning {{append to a slice of 'roomy' may overwrite elements of 'roomy' past the end of the slice, and 'roomy' is still used}} expected-note {{this 2-index slice of 'roomy' keeps the capacity past its length; a 3-index slice caps it}}
  use_ints(roomy);
  use_ints(c);
}

// The base's length is changed before the view: its make no longer says.
void view_after_len_write(sg_arena *a, ptrdiff_t n) {
  ints roomy = ints_make(a, 3, 10);
  roomy.len = n;
  ints c = ints_append(a, ints_slice(roomy, 0, 3), 1); // expected-warning {{append to a slice of 'roomy' may overwrite elements of 'roomy' past the end of the slice, and 'roomy' is still used}} expected-note {{this 2-index slice of 'roomy' keeps the capacity past its length; a 3-index slice caps it}}
  use_ints(roomy);
  use_ints(c);
}
