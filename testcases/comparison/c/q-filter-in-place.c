#include "common.h"
ints q_filter_in_place(sg_arena *a, ints s) {
  ints kept = ints_slice(s, 0, 0);
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (keep(ints_get(s, i)))
      kept = ints_append(a, kept, ints_get(s, i));
  return kept;
}
