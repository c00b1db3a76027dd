#include "slices.h"
void grow(sg_arena *a, ints *s) {
  *s = ints_append(a, *s, 1);
}
