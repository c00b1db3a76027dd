#include "common.h"
void aa_write_through(sg_arena *a, ints base) {
  ints grown = ints_append(a, base, 1);
  ints_set(base, 0, 42);
  use_ints(grown);
}
