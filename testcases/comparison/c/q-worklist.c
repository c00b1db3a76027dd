#include "common.h"
ints q_worklist(sg_arena *a, ints work) {
  for (ptrdiff_t i = 0; i < work.len; i++) {
    int v = ints_get(work, i);
    if (v > 1)
      work = ints_append(a, work, v / 2);
  }
  return work;
}
