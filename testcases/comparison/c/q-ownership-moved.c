#include "common.h"
ints q_ownership_moved(sg_arena *a, ints base) {
  ints grown = ints_append(a, base, 1);
  grown = ints_append(a, grown, 2);
  return grown;
}
