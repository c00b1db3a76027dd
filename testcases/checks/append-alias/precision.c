// Precision rules of the flow (issue 12): the near misses of the idioms in
// quiet-precision.c, still reported.
// REQUIRES: plugin
// RUN: %sg_verify %s
#include "../Inputs/slice_types.h"

// Two appends to one iteration's range value, both results live: they
// share it.val's array within the iteration.
void range_value_appended_twice(sg_arena *a, groups m, int x) {
  sg_range(groups, m, it) {
    ints v = ints_append(a, it.val, x); // expected-note {{'v' was appended from 'it.val' here}}
    ints w = ints_append(a, it.val, x + 1); // expected-warning {{append to 'it.val' may overwrite 'v', which may share its backing array}}
    use_two(v, w);
  }
}

// A base that is the same in every iteration is still overwritten by the
// next iteration's append.
void invariant_base_in_range(sg_arena *a, groups m, groups out, ints base) {
  sg_range(groups, m, it) {
    ints v = ints_append(a, base, it.key); // expected-warning {{append to 'base' in a loop may overwrite results kept from earlier iterations}}
    groups_put(out, it.key, v); // expected-note {{result kept here outlives the iteration}}
  }
}

// Capacities known, with room: the second append surely overwrites the
// first result ("will", not "may").
void room_make_appended_twice(sg_arena *a) {
  ints base = ints_make(a, 0, 8);
  ints x = ints_append(a, base, 1); // expected-note {{'x' was appended from 'base' here}}
  ints y = ints_append(a, base, 2); // expected-warning {{append to 'base' will overwrite 'x', which shares its backing array}}
  use_two(x, y);
}

// A guard that says there is room.
void guarded_room(sg_arena *a, ints base) {
  if (base.len < base.cap) {
    ints x = ints_append(a, base, 1); // expected-note {{'x' was appended from 'base' here}}
    ints y = ints_append(a, base, 2); // expected-warning {{append to 'base' will overwrite 'x', which shares its backing array}}
    use_two(x, y);
  }
}

// Full when made, but truncated since: the capacity is unknown again.
void full_then_truncated(sg_arena *a) {
  ints base = ints_make(a, 3, 3);
  base.len = 1;
  ints x = ints_append(a, base, 1); // expected-note {{'x' was appended from 'base' here}}
  ints y = ints_append(a, base, 2); // expected-warning {{append to 'base' may overwrite 'x', which may share its backing array}}
  use_two(x, y);
}

// Full on one path only: the join keeps nothing.
void full_on_one_path(sg_arena *a, ints s, int fresh) {
  ints base = fresh ? ints_make(a, 2, 2) : s;
  ints x = ints_append(a, base, 1); // expected-note {{'x' was appended from 'base' here}}
  ints y = ints_append(a, base, 2); // expected-warning {{append to 'base' may overwrite 'x', which may share its backing array}}
  use_two(x, y);
}

// The first append reserved room (a 2-index slice of a full slice keeps
// nothing past its length only when hi is the capacity): a slice3 with a
// larger max has room, and the clone of a slice may have spare capacity
// too (append rounds it up), so both stay reported.
void capped_with_room_and_clone(sg_arena *a, ints s) {
  ints base = ints_slice3(s, 0, 1, 3);
  ints x = ints_append(a, base, 1); // expected-note {{'x' was appended from 'base' here}}
  ints y = ints_append(a, base, 2); // expected-warning {{append to 'base' may overwrite 'x'}}
  use_two(x, y);
  ints c = ints_clone(a, s);
  ints p = ints_append(a, c, 1); // expected-note {{'p' was appended from 'c' here}}
  ints q = ints_append(a, c, 2); // expected-warning {{append to 'c' may overwrite 'p'}}
  use_two(p, q);
}
