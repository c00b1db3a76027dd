// Inserting a key other than the current one into the map being ranged.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
#include "maps.h"

// go-redis #3398: lower-cased keys inserted while ranging over the same map.
void normalize_keys(sg_arena *a, wordcount headers) {
  sg_range(wordcount, headers, it) { // expected-note {{range over map 'headers' begins here}}
    wordcount_put(headers, to_lower(a, it.key), it.val); // expected-warning {{inserting into map 'headers' while ranging over it; a new key may or may not be produced by this range [sliceguard-map-insert-in-range]}}
  }
}

// golang/go#46097: delete, then re-insert under a new name, inside the range.
void rename_all(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_del(m, it.key);
    wordcount_put(m, rename_key(it.key), it.val); // expected-warning {{inserting into map 'm' while ranging over it}}
  }
}

// Delete-then-reinsert of the very same key: the entry is new again.
void reinsert_current(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    wordcount_del(m, it.key); // expected-note {{current key deleted here}}
    wordcount_put(m, it.key, it.val + 1); // expected-warning {{after deleting the current key, while ranging over it; the re-inserted entry is new and may be produced again}}
  }
}

// A second variable holding the same map.
void through_alias(wordcount m) {
  wordcount same = m;
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    sg_str k = rename_key(it.key);
    wordcount_put(same, k, 1); // expected-warning {{inserting into map 'same' while ranging over it}}
  }
}

// Deep inside the loop body.
void deeply_nested(wordcount m, int n) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    for (int i = 0; i < n; i++) {
      if (it.val > i) {
        while (n > 0) {
          switch (n) {
          case 1:
            wordcount_put(m, SG_STR("one"), 1); // expected-warning {{inserting into map 'm' while ranging over it}}
            break;
          default:
            break;
          }
          n--;
        }
      }
    }
  }
}

// Through a struct field reached through a pointer.
struct registry {
  wordcount names;
  idset ids;
};

void field_map(struct registry *r) {
  sg_range(wordcount, r->names, it) { // expected-note {{range over map 'r->names' begins here}}
    wordcount_put(r->names, rename_key(it.key), 0); // expected-warning {{inserting into map 'r->names' while ranging over it}}
  }
}

// Nested ranges over different maps: inserting into the outer one.
void nested_outer(wordcount outer, idset inner) {
  sg_range(wordcount, outer, o) { // expected-note {{range over map 'outer' begins here}}
    sg_range(idset, inner, i) {
      if (i.val)
        wordcount_put(outer, SG_STR("seen"), i.key); // expected-warning {{inserting into map 'outer' while ranging over it}}
    }
  }
}

// The range written out by hand instead of with sg_range.
void manual_range(idset s) {
  idset_iter it = idset_range_begin(s); // expected-note {{range over map 's' begins here}}
  while (idset_range_next(&it)) {
    idset_put(s, it.key + 1, true); // expected-warning {{inserting into map 's' while ranging over it}}
  }
}

// The map reached through a pointer to it.
void through_pointer(idset s) {
  idset *p = &s;
  sg_range(idset, s, it) { // expected-note {{range over map 's' begins here}}
    idset_put(*p, it.key * 2, false); // expected-warning {{inserting into map 's' while ranging over it}}
  }
}
