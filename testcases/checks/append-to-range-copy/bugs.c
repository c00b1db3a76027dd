// Growing a copy of a map value that never goes back into the map.
// RUN: %sg_verify %s -I%S/Inputs
// RUN: %sg_verify %s -I%S/Inputs -DSG_CHECKS=3
// REQUIRES: plugin
#include "maps.h"

// linkedin/Burrow #47: the ring of a topic is grown in a local copy; the
// map keeps the short one.
void burrow_add_offset(sg_arena *a, groups topics, sg_str topic, int partitions,
                       int p, int offset) {
  ints ring;
  if (!groups_lookup(topics, topic, &ring)) { // expected-note {{'ring' was copied out of the map here}}
    ring = ints_make(a, 0, 0);
    groups_put(topics, topic, ring);
  }
  for (ptrdiff_t i = ring.len; i < partitions; i++)
    ring = ints_append(a, ring, 0); // expected-warning {{appending to 'ring', a copy of a map value that is never stored back; the map keeps the old slice and the appended elements are lost [sliceguard-append-to-range-copy]}}
  ints_set(ring, p, offset);
}

// for k, v := range m { v = append(v, x) }
void tag_all(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range over the map begun here}}
    ints v = it.val;
    v = ints_append(a, v, 1); // expected-warning {{appending to 'v', a copy of a map value that is never stored back}}
  }
}

// The iterator's own copy.
void tag_iter(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'it.val' is a copy of the value of the range}}
    it.val = ints_append(a, it.val, 1); // expected-warning {{appending to 'it.val', a copy of a map value}}
  }
}

// v := m[k]; v = append(v, x); only its length is used afterwards.
int grow_get(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k); // expected-note {{'v' was copied out of the map here}}
  v = ints_append(a, v, 7); // expected-warning {{appending to 'v', a copy of a map value that is never stored back}}
  return (int)v.len;
}

// Deep in the loop body, with extend.
void grow_nested(sg_arena *a, groups g, ints more, int n) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range}}
    ints v = it.val;
    for (int i = 0; i < n; i++) {
      if (i % 2) {
        while (n-- > 0)
          v = ints_extend(a, v, more); // expected-warning {{appending to 'v', a copy of a map value}}
      }
    }
  }
}

// Through a macro the user wrote.
#define PUSH(s, x) s = ints_append(a, s, x)
void grow_macro(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range}}
    ints v = it.val;
    PUSH(v, 3); // expected-warning {{appending to 'v', a copy of a map value}}
  }
}

// The copy lives in a struct field.
struct holder {
  ints v;
};
void grow_field(sg_arena *a, groups g, sg_str k) {
  struct holder h;
  h.v = groups_get(g, k); // expected-note {{'h.v' was copied out of the map here}}
  h.v = ints_append(a, h.v, 1); // expected-warning {{appending to 'h.v', a copy of a map value}}
}

// A slice field of a struct map value.
void grow_struct_value(sg_arena *a, parts ps) {
  sg_range(parts, ps, it) { // expected-note {{'e.offsets' is a copy of the value of the range}}
    struct entry e = it.val;
    e.offsets = ints_append(a, e.offsets, 1); // expected-warning {{appending to 'e.offsets', a copy of a map value}}
    e.owner = 1;
  }
}

// Passing the grown copy to a function that cannot reach the map does not
// store it back.
void grow_then_consume(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range}}
    ints v = it.val;
    v = ints_append(a, v, 1); // expected-warning {{appending to 'v', a copy of a map value}}
    consume(v);
  }
}

// Grown by a same-file helper through a pointer to the copy.
static void push(sg_arena *a, ints *s, int x) { *s = ints_append(a, *s, x); }
void grow_by_helper(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range}}
    ints v = it.val;
    push(a, &v, 1); // expected-warning {{call to 'push' appends to 'v', a copy of a map value that is never stored back}}
  }
}

// A helper that returns append(param, ...), assigned back to the copy.
static ints with(sg_arena *a, ints s, int x) { return ints_append(a, s, x); }
void grow_by_returning_helper(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k); // expected-note {{'v' was copied out of the map here}}
  v = with(a, v, 2); // expected-warning {{call to 'with' appends to 'v', a copy of a map value that is never stored back}}
  consume(v);
}

// Grown twice and never stored: reported once, at the first append.
void grow_twice_unstored(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k); // expected-note {{'v' was copied out of the map here}}
  v = ints_append(a, v, 1); // expected-warning {{appending to 'v', a copy of a map value that is never stored back}}
  v = ints_append(a, v, 2);
  consume(v);
}

// A range value is a new value in each iteration, but a grown copy that
// never goes back is still lost (the near miss of appending to it.val and
// putting it back under it.key).
void grown_range_value_dropped(sg_arena *a, groups m, int x) {
  sg_range(groups, m, it) { // expected-note {{'v' is a copy of the value of the range over the map begun here}}
    ints v = it.val;
    v = ints_append(a, v, x); // expected-warning {{appending to 'v', a copy of a map value that is never stored back}}
    consume(v);
  }
}
