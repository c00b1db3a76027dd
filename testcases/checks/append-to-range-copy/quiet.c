// Idioms that must stay quiet.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
// expected-no-diagnostics
#include "maps.h"

// Stored back with put of the same key.
void tag_all(sg_arena *a, groups g) {
  sg_range(groups, g, it) {
    ints v = it.val;
    v = ints_append(a, v, 1);
    groups_put(g, it.key, v);
  }
}

// ... through a local copy of the key, after a loop of appends.
void tag_many(sg_arena *a, groups g, int n) {
  sg_range(groups, g, it) {
    sg_str k = it.key;
    ints v = it.val;
    for (int i = 0; i < n; i++)
      v = ints_append(a, v, i);
    groups_put(g, k, v);
  }
}

// v := m[k]; v = append(v, x); m[k] = v  (the Burrow #47 fix).
void add_offset(sg_arena *a, groups topics, sg_str topic, int offset) {
  ints ring;
  if (!groups_lookup(topics, topic, &ring))
    ring = ints_make(a, 0, 4);
  ring = ints_append(a, ring, offset);
  groups_put(topics, topic, ring);
}

// Written through the pointer to the map's own slot.
void grow_in_place(sg_arena *a, groups g, sg_str k) {
  ints *slot = groups_ref(g, k);
  if (slot)
    *slot = ints_append(a, *slot, 1);
}

void grow_then_ref(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k);
  v = ints_append(a, v, 1);
  ints *slot = groups_ref(g, k);
  if (slot)
    *slot = v;
}

// Handed on: returned, stored elsewhere, put into another map.
ints extended(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k);
  v = ints_append(a, v, 1);
  return v;
}

struct bag {
  ints all;
};
void collect(sg_arena *a, groups g, struct bag *out) {
  sg_range(groups, g, it) {
    ints v = it.val;
    v = ints_append(a, v, 0);
    out->all = v;
  }
}

void regroup(sg_arena *a, groups from, groups to) {
  sg_range(groups, from, it) {
    ints v = it.val;
    v = ints_append(a, v, 1);
    groups_put(to, it.key, v);
  }
}

// A clone is the function's own slice, not a copy of the map's.
void scratch(sg_arena *a, groups g) {
  sg_range(groups, g, it) {
    ints v = ints_clone(a, it.val);
    v = ints_append(a, v, 1);
    consume(v);
  }
}

// Map values that are pointers: the append writes the shared struct.
void grow_shared(sg_arena *a, owners o) {
  sg_range(owners, o, it) {
    it.val->offsets = ints_append(a, it.val->offsets, 1);
  }
}

// Struct value stored back whole.
void grow_struct_value(sg_arena *a, parts ps) {
  sg_range(parts, ps, it) {
    struct entry e = it.val;
    e.offsets = ints_append(a, e.offsets, 1);
    parts_put(ps, it.key, e);
  }
}

// A map in a global: any function may store the value back.
groups registry;
void save(sg_str k, ints v);
void grow_global(sg_arena *a, sg_str k) {
  ints v = groups_get(registry, k);
  v = ints_append(a, v, 1);
  save(k, v);
}

// Appending to a slice that merely sits next to the map value.
void unrelated(sg_arena *a, groups g, ints acc) {
  sg_range(groups, g, it) {
    acc = ints_append(a, acc, (int)it.val.len);
  }
  consume(acc);
}

// Grown by a helper, then stored back; or by a helper that gets the map.
static void push(sg_arena *a, ints *s, int x) { *s = ints_append(a, *s, x); }
void grow_by_helper(sg_arena *a, groups g) {
  sg_range(groups, g, it) {
    ints v = it.val;
    push(a, &v, 1);
    groups_put(g, it.key, v);
  }
}

static void push_and_store(sg_arena *a, groups g, sg_str k, ints *s) {
  *s = ints_append(a, *s, 1);
  groups_put(g, k, *s);
}
void grow_and_store(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k);
  push_and_store(a, g, k, &v);
}

static ints with(sg_arena *a, ints s, int x) { return ints_append(a, s, x); }
void grow_by_returning_helper(sg_arena *a, groups g, sg_str k) {
  ints v = groups_get(g, k);
  v = with(a, v, 2);
  groups_put(g, k, v);
}

// Grown twice (or grown and extended) before it is stored back: the second
// append carries the first one's elements into what is stored.
void tag_twice(sg_arena *a, groups g) {
  sg_range(groups, g, it) {
    ints v = it.val;
    v = ints_append(a, v, 1);
    v = ints_append(a, v, 2);
    groups_put(g, it.key, v);
  }
}
void grow_then_extend(sg_arena *a, groups g, sg_str k, ints more) {
  ints v = groups_get(g, k);
  v = ints_append(a, v, 1);
  v = ints_extend(a, v, more);
  groups_put(g, k, v);
}
