#include "common.h"
void sao_basic(sg_arena *a) {
  ints base = ints_make(a, 5, 8);
  ints mid = ints_slice(base, 2, 4);
  mid = ints_append(a, mid, 99);
  use_int(ints_get(base, 4));
  use_ints(mid);
}
