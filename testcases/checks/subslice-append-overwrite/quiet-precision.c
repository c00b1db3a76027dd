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

// Helpers that return fresh storage (a clone, a make filled by copy) are
// told apart from views of their parameter: keeping their result while the
// buffer is reused keeps nothing of the buffer.
static ints fresh_copy(sg_arena *a, ints b) {
  ints c = ints_make(a, b.len, b.len);
  ints_copy(c, b);
  return c;
}
void tokens_kept_fresh(sg_arena *a, ints src, intss *rows) {
  ints buf = {0};
  for (ptrdiff_t i = 0; i < src.len; i++) {
    int c = ints_get(src, i);
    if (c == 0) {
      *rows = intss_append(a, *rows, keep_copy(a, buf));
      *rows = intss_append(a, *rows, fresh_copy(a, buf));
      buf = ints_slice(buf, 0, 0);
      continue;
    }
    buf = ints_append(a, buf, c);
  }
}

// Filter in place over a range value (from a corpus port of a task
// tracker): an owner's kept tasks are put back or the owner is deleted;
// the next iteration filters another owner's array.
void prune_done(sg_arena *a, groups owners) {
  sg_range(groups, owners, it) {
    ints ts = it.val;
    ints kept = ints_slice(ts, 0, 0);
    for (ptrdiff_t i = 0; i < ts.len; i++)
      if (ints_get(ts, i) >= 0)
        kept = ints_append(a, kept, ints_get(ts, i));
    if (kept.len == 0) {
      groups_del(owners, it.key);
      continue;
    }
    groups_put(owners, it.key, kept);
  }
}

// A pooled buffer reused through a struct in the caller's memory (from a
// corpus port of net/http's header sorter): the old contents kept in
// pool->items are overwritten, but pool->items is replaced by the result
// before anything reads it.
struct pool {
  ints items;
};
ints sorted_keys(sg_arena *a, struct pool *pool, groups m) {
  if (pool->items.cap < groups_len(m))
    pool->items = ints_make(a, 0, groups_len(m));
  ints keys = ints_slice(pool->items, 0, 0);
  sg_range(groups, m, it) keys = ints_append(a, keys, it.key);
  pool->items = keys;
  return keys;
}

// A view reaching the known length of its base (a constant make): the
// append writes past everything the base can see (corpus backtrack.c).
void view_to_known_length(sg_arena *a) {
  ints roomy = ints_make(a, 3, 10);
  ints c = ints_append(a, ints_slice(roomy, 0, 3), 1);
  use_ints(roomy);
  use_ints(c);
}
