#include "util.h"

void add_alias(wordcount m, sg_str k) {
  wordcount_put(m, k, 1);
}

strs with_suffix(sg_arena *a, strs base, sg_str s) {
  return strs_append(a, base, s);
}

int *slot_for(sg_arena *a, ints *s) {
  *s = ints_append(a, *s, 0);
  return ints_at(*s, s->len - 1);
}

strs with_suffix_copy(sg_arena *a, strs base, sg_str s) {
  return strs_append(a, strs_clone(a, base), s);
}

int *last_of(ints *s) {
  return ints_at(*s, s->len - 1);
}

int count_of(wordcount m, sg_str k) {
  return wordcount_get(m, k);
}
