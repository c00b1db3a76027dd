#include "slices.h"
void grow_twice(sg_arena *a, ints *s) {
  grow(a, s);
  grow(a, s);
}
