#include "common.h"
void q_full_slice(sg_arena *a, ints base) {
  ints mid = ints_slice3(base, 2, 4, 4);
  mid = ints_append(a, mid, 99);
  use_ints(base);
  use_ints(mid);
}
