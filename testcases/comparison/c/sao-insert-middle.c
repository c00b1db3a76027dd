#include "common.h"
ints sao_insert_middle(sg_arena *a, ints s, int x) {
  return ints_extend(a, ints_append(a, ints_slice(s, 0, 1), x),
                     ints_slice(s, 1, s.len));
}
