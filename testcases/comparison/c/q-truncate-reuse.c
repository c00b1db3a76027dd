#include "common.h"
int q_truncate_reuse(sg_arena *a, ints in) {
  ints buf = ints_make(a, 0, 16);
  int total = 0;
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf = ints_slice(buf, 0, 0);
    buf = ints_append(a, buf, ints_get(in, i));
    buf = ints_append(a, buf, 1);
    use_ints(buf);
    total += ints_get(buf, 0);
  }
  return total;
}
