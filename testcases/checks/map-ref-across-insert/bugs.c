// A pointer from map_ref used after an insert that may have grown the map.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
#include "maps.h"

int direct(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a")); // expected-note {{pointer taken here}}
  wordcount_put(m, SG_STR("b"), 1); // expected-note {{insert into map 'm' here}}
  return *p; // expected-warning {{'p' points into map 'm' from before an insert that may have grown it and moved its entries; the pointer is stale [sliceguard-map-ref-across-insert]}}
}

// Written through after the insert: the write is lost.
void write_through(wordcount m, sg_str k, sg_str other) {
  int *p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  if (!p)
    return;
  wordcount_put(m, other, 1); // expected-note {{insert into map 'm' here}}
  *p += 1; // expected-warning {{'p' points into map 'm' from before an insert}}
}

// The insert goes through another variable holding the same map.
void through_alias(wordcount m) {
  wordcount same = m;
  int *p = wordcount_ref(m, SG_STR("a")); // expected-note {{pointer taken here}}
  wordcount_put(same, SG_STR("b"), 1); // expected-note {{insert into map 'same' here}}
  if (p)
    *p = 2; // expected-warning {{'p' points into map 'm' from before an insert}}
}

// The insert happens in a same-file helper.
static void add(wordcount m, sg_str k) {
  wordcount_put(m, k, 0); // expected-note {{'add' inserts into its map parameter here}}
}
void through_helper(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a")); // expected-note {{pointer taken here}}
  add(m, SG_STR("b")); // expected-note {{insert into map 'm' here}}
  if (p)
    *p = 2; // expected-warning {{'p' points into map 'm' from before an insert (in 'add')}}
}

// A running total kept by pointer while new keys go in.
void count_words(wordcount m, strs words) {
  int *total = wordcount_ref(m, SG_STR("total")); // expected-note {{pointer taken here}}
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    wordcount_put(m, w, wordcount_get(m, w) + 1); // expected-note {{insert into map 'm' here}}
    if (total)
      *total += 1; // expected-warning {{'total' points into map 'm' from before an insert}}
  }
}

// Copied pointer, struct field map, pointer kept in a struct.
void copied(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a")); // expected-note {{pointer taken here}}
  int *q = p;
  wordcount_put(m, SG_STR("b"), 1); // expected-note {{insert into map 'm' here}}
  *q = 1; // expected-warning {{'q' points into map 'm' from before an insert}}
}

struct index {
  wordcount counts;
};
void field_map(struct index *ix) {
  int *p = wordcount_ref(ix->counts, SG_STR("a")); // expected-note {{pointer taken here}}
  wordcount_put(ix->counts, SG_STR("b"), 1); // expected-note {{insert into map 'ix->counts' here}}
  (*p)++; // expected-warning {{'p' points into map 'ix->counts' from before an insert}}
}

struct cursor {
  int *slot;
};
void kept_in_struct(wordcount m) {
  struct cursor c;
  c.slot = wordcount_ref(m, SG_STR("a")); // expected-note {{pointer taken here}}
  wordcount_put(m, SG_STR("b"), 1); // expected-note {{insert into map 'm' here}}
  *c.slot = 3; // expected-warning {{'c.slot' points into map 'm' from before an insert}}
}

// Struct values: a field written through a stale pointer.
void struct_value(users u, int id, int newcomer) {
  struct stats *st = users_ref(u, id); // expected-note {{pointer taken here}}
  users_put(u, newcomer, (struct stats){0, 0}); // expected-note {{insert into map 'u' here}}
  if (st)
    st->hits++; // expected-warning {{'st' points into map 'u' from before an insert}}
}

// Through a macro the user wrote.
#define BUMP(p) (*(p) += 1)
void through_macro(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a")); // expected-note {{pointer taken here}}
  wordcount_put(m, SG_STR("b"), 1); // expected-note {{insert into map 'm' here}}
  if (p)
    BUMP(p); // expected-warning {{'p' points into map 'm' from before an insert}}
}

// A get-or-insert helper around map_ref: the second call may grow the map
// under the first pointer.
static int *slot(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k);
  if (!p) {
    wordcount_put(m, k, 0); // expected-note {{'slot' inserts into its map parameter here}}
    p = wordcount_ref(m, k);
  }
  return p;
}
void parent_and_child(wordcount m, sg_str parent, sg_str child) {
  int *pp = slot(m, parent); // expected-note {{pointer into map 'm' returned by 'slot' here}}
  int *cp = slot(m, child); // expected-note {{insert into map 'm' here}}
  *cp += 1;
  *pp += 1; // expected-warning {{'pp' points into map 'm' from before an insert (in 'slot')}}
}

// Deleted, then put back under the same key: a new entry, maybe elsewhere.
void delete_and_reput(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  if (!p)
    return;
  wordcount_del(m, k);
  wordcount_put(m, k, 1); // expected-note {{insert into map 'm' here}}
  *p = 2; // expected-warning {{'p' points into map 'm' from before an insert}}
}

void clear_and_reput(wordcount m, sg_str k) {
  int *p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  if (!p)
    return;
  wordcount_clear(m);
  wordcount_put(m, k, 1); // expected-note {{insert into map 'm' here}}
  *p = 2; // expected-warning {{'p' points into map 'm' from before an insert}}
}

// Near misses of the get-or-insert idiom (branch refinement on null tests).
// The old pointer is used after an insert on the path where it was not NULL
// (and so is the one taken again on the other path).
void get_or_insert_then_insert(wordcount m, sg_str k, sg_str copy,
                               sg_str other) {
  int *p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  if (!p) {
    wordcount_put(m, copy, 0);
    p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  }
  wordcount_put(m, other, 1); // expected-note 2 {{insert into map 'm' here}}
  *p += 1; // expected-warning 2 {{'p' points into map 'm' from before an insert}}
}

// The insert is on the non-NULL branch, where the pointer is live.
void insert_when_found(wordcount m, sg_str k, sg_str other) {
  int *p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  if (p != NULL) {
    wordcount_put(m, other, 1); // expected-note {{insert into map 'm' here}}
    *p += 1; // expected-warning {{'p' points into map 'm' from before an insert}}
  }
}

// Re-taken on only one of two inserting paths.
void retaken_on_one_path(wordcount m, sg_str k, sg_str other, int grow) {
  int *p = wordcount_ref(m, k); // expected-note {{pointer taken here}}
  if (grow) {
    wordcount_put(m, other, 1);
    p = wordcount_ref(m, k);
  } else {
    wordcount_put(m, other, 2); // expected-note {{insert into map 'm' here}}
  }
  if (p)
    *p += 1; // expected-warning {{'p' points into map 'm' from before an insert}}
}
