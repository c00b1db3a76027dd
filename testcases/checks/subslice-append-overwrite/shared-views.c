// A helper fills a container (a slice of slices, a map of slices) with
// 2-index views of one array, as bytes.Split would without its 3-index
// slice: each view's capacity runs over the next one.  An append to an
// element read back from the container, in the caller or in another
// helper, overwrites its neighbour.  The 3-index form caps each view and
// stays quiet, as does a container whose views are never appended to.
// REQUIRES: plugin
// RUN: %sg_verify %s
#include "../Inputs/slice_types.h"

// Split at each zero, keeping the pieces as views of s.
static intss split_views(sg_arena *a, ints s) {
  intss out = intss_make(a, 0, 4);
  ptrdiff_t start = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (ints_get(s, i) == 0) {
      out = intss_append(a, out, ints_slice(s, start, i)); // expected-note {{this 2-index view, kept in what 'split_views' returns, keeps the capacity past its length; a 3-index slice caps it}} expected-note {{this 2-index view, kept in what 'split_all' returns}}
      start = i + 1;
    }
  return intss_append(a, out, ints_slice(s, start, s.len));
}

static intss split_capped(sg_arena *a, ints s) {
  intss out = intss_make(a, 0, 4);
  ptrdiff_t start = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (ints_get(s, i) == 0) {
      out = intss_append(a, out, ints_slice3(s, start, i, i));
      start = i + 1;
    }
  return intss_append(a, out, ints_slice(s, start, s.len));
}

// Through a second helper that returns the first one's result.
static intss split_all(sg_arena *a, ints s) { return split_views(a, s); }

void grow_first(sg_arena *a, ints line) {
  intss parts = split_views(a, line);
  ints first = ints_append(a, intss_get(parts, 0), 9); // expected-warning {{append to an element of 'parts' may overwrite another element or the array it was cut from: 'split_views' keeps 2-index views of one array in it}}
  use_ints(first);
  use_ints(intss_get(parts, 1));
}

void grow_each(sg_arena *a, ints line) {
  intss parts = split_all(a, line);
  for (ptrdiff_t i = 0; i < parts.len; i++)
    intss_set(parts, i, ints_append(a, intss_get(parts, i), 9)); // expected-warning {{append to an element of 'parts' may overwrite another element}}
  use_ints(intss_get(parts, 0));
}

// A map of views, carved one after the other from one array.
static groups carve(sg_arena *a, ints lens) {
  ptrdiff_t total = 0;
  for (ptrdiff_t i = 0; i < lens.len; i++)
    total += ints_get(lens, i);
  ints all = ints_make(a, total, total);
  groups m = groups_make(a, 0);
  for (ptrdiff_t i = 0; i < lens.len; i++) {
    ptrdiff_t n = ints_get(lens, i);
    groups_put(m, (int)i, ints_slice(all, 0, n)); // expected-note 2 {{this 2-index view, kept in what 'carve' returns, keeps the capacity past its length}}
    all = ints_slice(all, n, all.len);
  }
  return m;
}

// The append happens in a helper that grows a value of its map parameter.
static void add(sg_arena *a, groups m, int k, int v) {
  groups_put(m, k, ints_append(a, groups_get(m, k), v)); // expected-note {{the append to an element is here}}
}

void add_to_carved(sg_arena *a, ints lens) {
  groups m = carve(a, lens);
  add(a, m, 0, 7); // expected-warning {{'add' appends to an element of 'm', which may overwrite another element or the array it was cut from: 'carve' keeps 2-index views of one array in it}}
  use_ints(groups_get(m, 1));
}

void grow_range_values(sg_arena *a, ints lens) {
  groups m = carve(a, lens);
  sg_range(groups, m, it)
      groups_put(m, it.key, ints_append(a, it.val, 1)); // expected-warning {{append to an element of 'm' may overwrite another element}}
  use_ints(groups_get(m, 0));
}

// ---- quiet ---------------------------------------------------------------

// Capped views: every append copies.
void grow_capped(sg_arena *a, ints line) {
  intss parts = split_capped(a, line);
  ints first = ints_append(a, intss_get(parts, 0), 9);
  use_ints(first);
  use_ints(intss_get(parts, 1));
}

// Views read but never appended to.
void read_views(sg_arena *a, ints line) {
  intss parts = split_views(a, line);
  for (ptrdiff_t i = 0; i < parts.len; i++)
    use_ints(intss_get(parts, i));
}

// A clone of the element owns its array.
void grow_clone(sg_arena *a, ints line) {
  intss parts = split_views(a, line);
  ints first = ints_append(a, ints_clone(a, intss_get(parts, 0)), 9);
  use_ints(first);
  use_ints(intss_get(parts, 1));
}

// Views that span to the end of what they were cut from, and empty
// views: an append writes only where nothing else looks.
static intss tails(sg_arena *a, ints s) {
  intss out = intss_make(a, 0, 4);
  for (ptrdiff_t i = 0; i < s.len; i++)
    out = intss_append(a, out, ints_slice(s, i, s.len));
  out = intss_append(a, out, ints_slice(s, 0, 0));
  return out;
}
void grow_tails(sg_arena *a, ints line) {
  intss parts = tails(a, line);
  ints first = ints_append(a, intss_get(parts, 0), 9);
  use_ints(first);
  use_ints(intss_get(parts, 1));
}

// The container is dead after the append.
void grow_last_use(sg_arena *a, ints line) {
  intss parts = split_views(a, line);
  ints first = ints_append(a, intss_get(parts, 0), 9);
  use_ints(first);
}
