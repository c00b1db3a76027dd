#include "tables.h"

/* Appends to a copy of each list and never stores it back (a bug). */
void grow_all(sg_arena *a, lists m) {
  sg_range(lists, m, it) {
    ints v = it.val;
    v = ints_append(a, v, 0);
  }
}
