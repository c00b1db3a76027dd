// The screen before the flow analysis (plugin/HazardScreen.cpp): a function
// needs the CFG only if a change to an array or table (an append, an
// insert, a write) can follow a second reference to it (a view, a pointer,
// an iterator, a copy).  Every function here uses the runtime; the ones in
// the first group never need the analysis, the second group always does.
//
// RUN: %clang -fsyntax-only %sg_inc -I%S/../checks/Inputs %sg_plugin \
// RUN:   -fplugin-arg-sliceguard-stats -Xclang -verify %s 2>&1 | FileCheck %s
// CHECK: sliceguard: 37 functions use the runtime, 17 needed the flow analysis, 9 findings
//
// The differential test (hazard-screen.test) shows that what the screen
// skips never holds a finding.
#include "slice_types.h"

/* ---- screened out ------------------------------------------------ */

ints build(sg_arena *a, int n) {
  ints s = {0};
  for (int i = 0; i < n; i++)
    s = ints_append(a, s, i);
  return s;
}

/* The pointer is taken after the last append: nothing can move it. */
long append_then_point(sg_arena *a, int n) {
  nodes ps = nodes_make(a, 0, 4);
  for (int i = 0; i < n; i++)
    ps = nodes_append(a, ps, (struct node){i, i});
  long sum = 0;
  for (ptrdiff_t i = 0; i < ps.len; i++)
    sum += nodes_at(ps, i)->w;
  return sum;
}

int pop_all(sg_arena *a, int depth) {
  ints stack = {0};
  for (int i = 0; i < depth; i++)
    stack = ints_append(a, stack, i);
  int top = 0;
  while (stack.len > 0) {
    top += ints_get(stack, stack.len - 1);
    stack = ints_slice(stack, 0, stack.len - 1);
  }
  return top;
}

ints grow_clone(sg_arena *a, ints src) {
  ints c = ints_clone(a, src);
  ints_copy(c, src);
  return ints_append(a, c, 1);
}

void count(groups g, ints keys) {
  for (ptrdiff_t i = 0; i < keys.len; i++)
    groups_put(g, ints_get(keys, i), (ints){0});
}

ints returned_append(sg_arena *a, ints s, int v) {
  s = ints_append(a, s, v);
  return ints_append(a, s, v + 1);
}

int read_only(groups g, int k) { return (int)groups_get(g, k).len; }

/* A same-file helper that keeps no reference (returned_append) is as
 * harmless as the append it wraps. */
ints via_helper(sg_arena *a, ints s) {
  ints out = ints_clone(a, s);
  for (int i = 0; i < 3; i++)
    out = returned_append(a, out, i);
  return out;
}

ints head_of(ints s) { return ints_slice(s, 0, 1); }

/* A change only stales references to its own array or table: inserting
 * into m (through a helper) and appending to a fresh slice while ranging
 * over m never meet. */
void bump(groups g, int k) {
  if (groups_get(g, k).len == 0)
    groups_put(g, k, (ints){0});
}
ints keys_after_bump(sg_arena *a, groups g, ints keys) {
  for (ptrdiff_t i = 0; i < keys.len; i++)
    bump(g, ints_get(keys, i));
  ints out = ints_make(a, 0, groups_len(g));
  sg_range(groups, g, it) {
    out = ints_append(a, out, it.key);
  }
  return out;
}

/* Putting the current key updates it in place, as Go allows; a delete in
 * the other branch of the same if never runs first. */
void prune_or_update(groups g) {
  sg_range(groups, g, it) {
    if (it.val.len == 0)
      groups_del(g, it.key);
    else
      groups_put(g, it.key, (ints){0});
  }
}

/* A slice read out of a map, grown and put back under the same key goes
 * where it came from: Go's m[k] = append(m[k], v), in a range too. */
void group_under(sg_arena *a, groups g, ints keys) {
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    int key = ints_get(keys, i) % 4;
    ints members = groups_get(g, key);
    members = ints_append(a, members, key);
    groups_put(g, key, members);
  }
}
void bucket_append(sg_arena *a, groups g, int k) {
  ints members = groups_get(g, k);
  members = ints_append(a, members, k);
  groups_put(g, k, members);
}
void grow_each(sg_arena *a, groups g) {
  sg_range(groups, g, it) {
    ints v = it.val;
    v = ints_append(a, v, it.key * 2);
    groups_put(g, it.key, v);
  }
}

/* A helper that takes a reference and drops it returns only a number. */
long slot_len(groups g, int k) {
  ints *p = groups_ref(g, k);
  return p ? p->len : 0;
}
long sum_then_grow(groups g, ints keys) {
  long total = 0;
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    total += slot_len(g, ints_get(keys, i));
    groups_put(g, ints_get(keys, i), (ints){0});
  }
  return total;
}

/* ---- analysed ---------------------------------------------------- */

ints subslice_then_append(sg_arena *a, ints s) {
  ints head = ints_slice(s, 0, 1); // expected-note {{'head' is a 2-index slice of 's' made here}}
  head = ints_append(a, head, 9); // expected-warning {{append to 'head' may overwrite}}
  use_ints(s);
  return head;
}

/* Quiet, but the view comes before the append: the flow must decide. */
ints filter_in_place(sg_arena *a, ints s) {
  ints kept = ints_slice(s, 0, 0);
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (ints_get(s, i) > 0)
      kept = ints_append(a, kept, ints_get(s, i));
  return kept;
}

/* A field may be a view made elsewhere (a struct invariant). */
struct shelf { ints items; };
void push_field(sg_arena *a, struct shelf *sh, int v) {
  sh->items = ints_append(a, sh->items, v);
}

/* head_of returns a view: its result is a second name for s's array. */
ints grow_head(sg_arena *a, ints s) {
  ints h = head_of(s); // expected-note {{'h' is a 2-index slice of 's' made here}}
  h = ints_append(a, h, 1); // expected-warning {{append to 'h' may overwrite elements of 's'}}
  use_ints(s);
  return h;
}

/* t = append(s, x) in a loop: each iteration's t shares s's array. */
void kept_in_loop(sg_arena *a, groups g, ints base) {
  for (int i = 0; i < 3; i++) {
    ints t = ints_append(a, base, i);
    use_ints(t);
  }
}

/* References flow through helpers that hand them back. */
int *first_of(ints s) { return ints_at(s, 0); }
int via_pointer_helper(sg_arena *a, ints s) {
  int *p = first_of(s); // expected-note {{'p' points into 's' from here}}
  s = ints_append(a, s, 1); // expected-note {{'s' may be reallocated by this append}}
  return *p; // expected-warning {{'p' may point into the old backing array of 's'}}
}

ints *slot_of(groups g, int k) { return groups_ref(g, k); }
long via_ref_helper(groups g) {
  ints *p = slot_of(g, 1); // expected-note {{}}
  groups_put(g, 2, (ints){0}); // expected-note {{}}
  return p ? p->len : 0; // expected-warning {{'p' points into map 'g' from before an insert}}
}

/* Deleting the current key first makes the put an insert: in the same
 * pass, in a nested loop's next pass, or inside a helper. */
void put_back_deleted(groups g) {
  sg_range(groups, g, it) { // expected-note {{range over map 'g' begins here}}
    groups_del(g, it.key); // expected-note {{}}
    groups_put(g, it.key, it.val); // expected-warning {{after deleting the current key}}
  }
}

void put_delete_inner(groups g) {
  sg_range(groups, g, it) { // expected-note {{range over map 'g' begins here}}
    for (int j = 0; j < 2; j++) {
      groups_put(g, it.key, it.val); // expected-warning {{after deleting the current key}}
      groups_del(g, it.key); // expected-note {{}}
    }
  }
}

void drop(groups g, int k) { groups_del(g, k); } // expected-note {{current key deleted here}}
void put_after_helper_delete(groups g) {
  sg_range(groups, g, it) { // expected-note {{range over map 'g' begins here}}
    drop(g, it.key);
    groups_put(g, it.key, it.val); // expected-warning {{after deleting the current key}}
  }
}

/* Once the iterator is moved by hand, its key is not the range's. */
void moved_iterator(groups g, groups h) {
  sg_range(groups, g, it) { // expected-note {{range over map 'g' begins here}}
    groups_iter other = groups_range_begin(h);
    if (groups_range_next(&other))
      it = other;
    groups_put(g, it.key, it.val); // expected-warning {{inserting into map 'g' while ranging over it}}
  }
}

/* Shapes close to a write-back that are not one: the analysis decides. */
void put_under_other_key(sg_arena *a, groups g, int k) {
  ints v = groups_get(g, k);
  v = ints_append(a, v, 1);
  groups_put(g, k + 1, v);
}
void grown_after_put(sg_arena *a, groups g, int k) {
  ints v = groups_get(g, k);
  v = ints_append(a, v, 1);
  groups_put(g, k, v);
  v = ints_append(a, v, 2);
  use_ints(v);
}
void append_calls_out(sg_arena *a, groups g, int k) {
  ints v = groups_get(g, k);
  v = ints_append(a, v, keep(k));
  groups_put(g, k, v);
}
/* A slice read out of a map is a second name for the stored array. */
void never_put_back(sg_arena *a, groups g) {
  sg_range(groups, g, it) { // expected-note {{'v' is a copy of the value of the range over the map begun here}}
    ints v = it.val;
    v = ints_append(a, v, 1); // expected-warning {{appending to 'v', a copy of a map value that is never stored back}}
    use_ints(v);
  }
}
void put_into_other_map(sg_arena *a, groups g, groups h) {
  sg_range(groups, g, it) {
    ints v = it.val;
    v = ints_append(a, v, 1);
    groups_put(h, it.key, v);
  }
}
void declared_outside(sg_arena *a, groups g, int k) {
  ints v;
  v = groups_get(g, k);
  v = ints_append(a, v, 1);
  groups_put(g, k, v);
}
