#include "common.h"
void aa_two_appends(sg_arena *a, ints base) {
  ints x = ints_append(a, base, 1);
  ints y = ints_append(a, base, 2);
  use_two(x, y);
}
