#include "common.h"
void aa_one_call(sg_arena *a, ints path) {
  use_two(ints_append(a, path, 1), ints_append(a, path, 2));
}
