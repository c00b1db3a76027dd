// Same-file helpers that insert into their map parameter.
// RUN: %sg_verify %s -I%S/Inputs
// REQUIRES: plugin
#include "maps.h"

static void count(wordcount m, sg_str word) {
  int n = wordcount_get(m, word);
  wordcount_put(m, word, n + 1); // expected-note 2 {{'count' inserts into its map parameter here}}
}

void count_lowered(sg_arena *a, wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    count(m, to_lower(a, it.key)); // expected-warning {{call to 'count' inserts into map 'm' while ranging over it; a new key may or may not be produced by this range [sliceguard-map-insert-in-range]}}
  }
}

// The helper puts its key parameter: given the current key it only updates.
void count_current(wordcount m) {
  sg_range(wordcount, m, it) {
    count(m, it.key);
  }
}

struct index {
  wordcount words;
};

// Two levels of helpers, the map reached through a struct pointer.
static void remember(struct index *ix, sg_str w) { count(ix->words, w); }

void reindex(struct index *ix) {
  sg_range(wordcount, ix->words, it) { // expected-note {{range over map 'ix->words' begins here}}
    remember(ix, rename_key(it.key)); // expected-warning {{call to 'remember' inserts into map 'ix->words' while ranging over it}}
  }
}

// A helper that inserts twice is one finding at its call.
static void count_both(wordcount m, sg_str w) {
  wordcount_put(m, w, 1); // expected-note {{'count_both' inserts into its map parameter here}}
  wordcount_put(m, rename_key(w), 1);
}
void count_pairs(wordcount m) {
  sg_range(wordcount, m, it) { // expected-note {{range over map 'm' begins here}}
    count_both(m, rename_key(it.key)); // expected-warning {{call to 'count_both' inserts into map 'm' while ranging over it}}
  }
}
