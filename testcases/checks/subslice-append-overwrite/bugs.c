// Appending to a 2-index view writes into the spare capacity past its end,
// which other views of the same backing array still read.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE intss
#define SG_ELEM ints
#include <sliceguard/slice.h>

#define SG_MAP groups
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>

void use_ints(ints s);
void use_int(int v);

struct holder {
  ints items;
  ints head;
};

/* The seed's fact: base[2:4] then append overwrites base[4]. */
void view_then_base_used(sg_arena *a) {
  ints base = ints_make(a, 5, 8);
  ints mid = ints_slice(base, 2, 4); // expected-note {{'mid' is a 2-index slice of 'base'}}
  mid = ints_append(a, mid, 99); // expected-warning {{append to 'mid' may overwrite elements of 'base' past the end of the slice, and 'base' is still used [sliceguard-subslice-append-overwrite]}}
  use_int(ints_get(base, 4));
}

/* The view is appended into directly, as an argument. */
void append_to_slice_expression(sg_arena *a, ints s) {
  ints prefix = ints_append(a, ints_slice(s, 0, 1), 7); // expected-warning {{append to a slice of 's' may overwrite elements of 's'}} expected-note {{2-index slice of 's'}}
  use_ints(prefix);
  use_ints(s);
}

/* golang/go#14352: insert in the middle, the inner append clobbers s[1]
 * before the outer one copies s[1:]. */
ints insert_in_middle(sg_arena *a, ints s, int x) {
  return ints_extend(a, ints_append(a, ints_slice(s, 0, 1), x), // expected-warning {{append to a slice of 's' may overwrite elements of 's'}} expected-note {{2-index slice of 's'}}
                     ints_slice(s, 1, s.len));
}

/* The same through named temporaries. */
ints insert_in_middle_named(sg_arena *a, ints s, int x) {
  ints front = ints_slice(s, 0, 1); // expected-note {{'front' is a 2-index slice of 's'}}
  ints back = ints_slice(s, 1, s.len);
  front = ints_append(a, front, x); // expected-warning {{append to 'front' may overwrite elements of 's'}}
  return ints_extend(a, front, back);
}

/* The other view is a struct field of an object the caller still sees. */
void view_of_field(sg_arena *a, struct holder *h, int x) {
  h->head = ints_slice(h->items, 0, 2); // expected-note {{'h->head' is a 2-index slice of 'h->items'}}
  h->head = ints_append(a, h->head, x); // expected-warning {{append to 'h->head' may overwrite elements of 'h->items'}}
}

/* The base was stored in a map before the view was made. */
void base_stored_in_map(sg_arena *a, groups g, ints all, int x) {
  groups_put(g, 1, all); // expected-note {{'all' is kept here}}
  ints first = ints_slice(all, 0, 1); // expected-note {{'first' is a 2-index slice of 'all'}}
  first = ints_append(a, first, x); // expected-warning {{append to 'first' may overwrite elements of 'all'}}
  groups_put(g, 2, first);
}

/* A view returned by a same-file helper is still a view. */
static ints take_front(ints s, ptrdiff_t n) { return ints_slice(s, 0, n); }

void view_through_helper(sg_arena *a, ints s) {
  ints f = take_front(s, 2); // expected-note {{'f' is a 2-index slice of 's'}}
  f = ints_append(a, f, 1); // expected-warning {{append to 'f' may overwrite elements of 's'}}
  use_ints(s);
}

/* Truncate-and-reuse whose earlier results are retained: every stored row
 * shares `buf`'s array and the next iteration overwrites it. */
void truncate_and_keep(sg_arena *a, groups out, ints in) {
  ints buf = ints_make(a, 0, 16);
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf = ints_slice(buf, 0, 0);
    buf = ints_append(a, buf, ints_get(in, i)); // expected-warning {{append to 'buf' may overwrite an earlier view of its backing array that is still kept}}
    groups_put(out, (int)i, buf); // expected-note {{a view of 'buf' is kept here}}
  }
}

/* The same with a slice of slices as the keeper. */
intss rows_share_buffer(sg_arena *a, ints in) {
  intss rows = {0};
  ints row = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    row = ints_slice(row, 0, 0);
    for (ptrdiff_t j = 0; j <= i; j++)
      row = ints_append(a, row, ints_get(in, j)); // expected-warning {{append to 'row' may overwrite an earlier view of its backing array that is still kept}}
    rows = intss_append(a, rows, row); // expected-note {{a view of 'row' is kept here}}
  }
  return rows;
}

/* A macro that hides the append still reports at the user's line. */
#define PUSH(arena, s, v) ((s) = ints_append((arena), (s), (v)))

void through_macro(sg_arena *a, ints all) {
  ints head = ints_slice(all, 0, 3); // expected-note {{'head' is a 2-index slice of 'all'}}
  PUSH(a, head, 4); // expected-warning {{append to 'head' may overwrite elements of 'all'}}
  use_ints(all);
}
