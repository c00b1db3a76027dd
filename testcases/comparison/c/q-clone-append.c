#include "common.h"
void q_clone_append(sg_arena *a, ints base) {
  ints x = ints_append(a, ints_clone(a, base), 1);
  ints y = ints_append(a, ints_clone(a, base), 2);
  use_two(x, y);
}
