#include "util.h"

sg_str rename_key(sg_str s);
void use(strs x, strs y);

void ranges(wordcount m) {
  sg_range(wordcount, m, it) {
    add_alias(m, rename_key(it.key)); // BUG: map-insert-in-range
  }
}

void suffixes(sg_arena *a, strs base) {
  strs x = with_suffix(a, base, SG_STR("x"));
  strs y = with_suffix(a, base, SG_STR("y")); // BUG: append-alias
  use(x, y);
}

void slots(sg_arena *a, ints s) {
  int *p = slot_for(a, &s);
  int *q = slot_for(a, &s);
  *p = 1; // BUG: ref-across-append
  *q = 2;
}

/* Quiet: the same shapes where nothing is shared or grown. */
void ranges_current_key(wordcount m) {
  sg_range(wordcount, m, it) {
    add_alias(m, it.key); // the current key: an update, not a new key
  }
}

void ranges_reading(wordcount m, int *total) {
  sg_range(wordcount, m, it) {
    *total += count_of(m, rename_key(it.key));
  }
}

void suffixes_copied(sg_arena *a, strs base) {
  strs x = with_suffix_copy(a, base, SG_STR("x"));
  strs y = with_suffix_copy(a, base, SG_STR("y"));
  use(x, y);
}

void slots_taken_again(sg_arena *a, ints s) {
  int *p = slot_for(a, &s);
  *p = 1;
  int *q = slot_for(a, &s);
  *q = 2;
}

void last_without_append(ints s) {
  int *p = last_of(&s);
  int *q = last_of(&s);
  *p = 1;
  *q = 2;
}
