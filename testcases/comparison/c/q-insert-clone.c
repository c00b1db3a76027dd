#include "common.h"
ints q_insert_clone(sg_arena *a, ints s, ptrdiff_t i, int x) {
  ints tail = ints_clone(a, ints_slice(s, i, s.len));
  s = ints_append(a, ints_slice(s, 0, i), x);
  return ints_extend(a, s, tail);
}
