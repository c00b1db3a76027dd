#include "slices.h"
void use_first(sg_arena *a, ints s) {
  int *first = ints_at(s, 0);
  grow_twice(a, &s);
  *first = 9; // BUG: ref-across-append, two files away
}
void first_after(sg_arena *a, ints s) {
  grow_twice(a, &s);
  int *first = ints_at(s, 0);
  *first = 9;
}
