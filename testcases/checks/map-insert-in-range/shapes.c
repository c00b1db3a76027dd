// More shapes: macros, struct fields, globals, pointer parameters, helpers
// that delete and re-insert; also with SG_CHECKS=3's range shape.
// RUN: %sg_verify %s -I%S/Inputs
// RUN: %sg_verify %s -I%S/Inputs -DSG_CHECKS=3
// REQUIRES: plugin
#include "maps.h"

#define PUT(m, k, v) wordcount_put(m, k, v)
#define FOR_EACH(m, it) sg_range(wordcount, m, it)

void macro_put(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    PUT(m, rename_key(it.key), 1); // expected-warning {{inserting into map 'm' while ranging over it; a new key may or may not be produced by this range [sliceguard-map-insert-in-range]}}
  }
}

void macro_range(wordcount m) {
  FOR_EACH(m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_put(m, SG_STR("x"), it.val); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

struct cfg {
  wordcount hdrs;
  int n;
};
struct server {
  struct cfg c;
};

void by_value_field(struct cfg c) {
  sg_range(wordcount, c.hdrs, it) { // expected-note {{range over map 'c.hdrs' begins here}}
    wordcount_put(c.hdrs, SG_STR("x"), 1); // expected-warning {{inserting into map 'c.hdrs' while ranging over it}}
  }
}

void nested_field(struct server *s) {
  sg_range(wordcount, s->c.hdrs, it) { // expected-note {{range over map 's->c.hdrs' begins here}}
    wordcount_put(s->c.hdrs, rename_key(it.key), 1); // expected-warning {{inserting into map 's->c.hdrs' while ranging over it}}
  }
}

// Ranging over a local copy of a field, inserting through the field.
void copy_of_field(struct cfg *c) {
  wordcount h = c->hdrs;
  sg_range(wordcount, h, it) { // expected-note {{range over map 'h' begins here}}
    wordcount_put(c->hdrs, SG_STR("x"), 1); // expected-warning {{inserting into map 'c->hdrs' while ranging over it}}
  }
}

wordcount global_counts;
void global_map(void) {
  sg_range(wordcount, global_counts, it) { // expected-note {{range over map 'global_counts' begins here}}
    wordcount_put(global_counts, SG_STR("x"), 1); // expected-warning {{inserting into map 'global_counts' while ranging over it}}
  }
}

void pointer_to_map(wordcount *pm) {
  sg_range(wordcount, *pm, it) { // expected-note {{range over map '*pm' begins here}}
    wordcount_put(*pm, SG_STR("x"), 1); // expected-warning {{inserting into map '*pm' while ranging over it}}
  }
}

// A key that is the current one only on some paths.
void maybe_lowered(sg_arena *a, wordcount m, int fold) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    sg_str k = fold ? to_lower(a, it.key) : it.key;
    wordcount_put(m, k, it.val); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

// Helpers: through a pointer to the map, through a struct, ignoring the key.
static void add_via(wordcount *pm, sg_str k) {
  wordcount_put(*pm, k, 1); // expected-note {{'add_via' inserts into its map parameter here}}
}
void helper_pointer(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    add_via(&m, rename_key(it.key)); // expected-warning {{call to 'add_via' inserts into map 'm' while ranging over it}}
  }
}

static void add_cfg(struct cfg *c, sg_str k) {
  wordcount_put(c->hdrs, k, 1); // expected-note {{'add_cfg' inserts into its map parameter here}}
  c->n++;
}
void helper_struct(struct cfg *c) {
  sg_range(wordcount, c->hdrs, it) { // expected-note {{range over map 'c->hdrs' begins here}}
    add_cfg(c, rename_key(it.key)); // expected-warning {{call to 'add_cfg' inserts into map 'c->hdrs' while ranging over it}}
  }
}

static void add_fixed(wordcount m, sg_str k) {
  (void)k;
  wordcount_put(m, SG_STR("fixed"), 1); // expected-note {{'add_fixed' inserts into its map parameter here}}
}
void helper_ignores_key(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    add_fixed(m, it.key); // expected-warning {{call to 'add_fixed' inserts into map 'm' while ranging over it}}
  }
}

// golang/go#46097 inside one helper: delete, then put the same key back.
static void reinsert(wordcount m, sg_str k, int v) {
  wordcount_del(m, k); // expected-note {{current key deleted here}}
  wordcount_put(m, k, v); // expected-note {{'reinsert' inserts into its map parameter here}}
}
void helper_reinsert(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    reinsert(m, it.key, it.val + 1); // expected-warning {{call to 'reinsert' inserts into map 'm' after deleting the current key}}
  }
}

// A map of slices.
void map_of_slices(sg_arena *a, wordlists w) {
  sg_range(wordlists, w, it) { // expected-note {{range over map 'w' begins here}}
    wordlists_put(w, to_lower(a, it.key), it.val); // expected-warning {{inserting into map 'w' while ranging over it}}
  }
}

// The insert comes on a path that goes round the loop again.
void insert_then_continue(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    if (it.val > 10) {
      wordcount_put(m, SG_STR("big"), 1); // expected-warning {{inserting into map 'm' while ranging over it}}
      continue;
    }
    if (it.val < 0)
      break;
  }
}

// A getter: the map comes from a same-file function returning a field.
struct request {
  wordcount hdrs;
};
static wordcount headers(struct request *r) { return r->hdrs; }
void canonicalize(sg_arena *a, struct request *r) {
  sg_range(wordcount, headers(r), it) { // expected-note {{range over map 'headers(r)' begins here}}
    wordcount_put(r->hdrs, to_lower(a, it.key), it.val); // expected-warning {{inserting into map 'r->hdrs' while ranging over it}}
  }
}
void canonicalize2(sg_arena *a, struct request *r) {
  sg_range(wordcount, headers(r), it) { // expected-note {{range over map 'headers(r)' begins here}}
    wordcount_put(headers(r), to_lower(a, it.key), it.val); // expected-warning {{inserting into map 'headers(r)' while ranging over it}}
  }
}

// A hand-written range whose condition is the first statement of the body.
void manual_forever(idset s) {
  idset_iter it = idset_range_begin(s); // expected-note {{range over map 's' begins here}}
  for (;;) {
    if (!idset_range_next(&it))
      break;
    idset_put(s, it.key + 1, true); // expected-warning {{inserting into map 's' while ranging over it}}
  }
}

// A helper handed the iterator, inserting a key of its own.
static void add_neighbour(idset s, const idset_iter *it) {
  idset_put(s, it->key + 1, it->val); // expected-note {{'add_neighbour' inserts into its map parameter here}}
}
void helper_with_iterator(idset s) {
  sg_range(idset, s, it) { // expected-note {{range over map 's' begins here}}
    add_neighbour(s, &it); // expected-warning {{call to 'add_neighbour' inserts into map 's' while ranging over it}}
  }
}

// Guarded by the key's *absence*, or by its presence in another map, or
// with another key: new keys after all.
void add_if_missing(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    sg_str k = rename_key(it.key);
    int x;
    if (!wordcount_lookup(m, k, &x))
      wordcount_put(m, k, 1); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

void add_if_null(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    sg_str k = rename_key(it.key);
    int *p = wordcount_ref(m, k);
    if (p == NULL)
      wordcount_put(m, k, 1); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

void present_elsewhere(wordcount m, wordcount other) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    sg_str k = rename_key(it.key);
    int x;
    if (wordcount_lookup(other, k, &x))
      wordcount_put(m, k, x); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

void present_but_other_key(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    sg_str k = rename_key(it.key);
    int x;
    if (wordcount_lookup(m, k, &x))
      wordcount_put(m, rename_key(k), x); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}
