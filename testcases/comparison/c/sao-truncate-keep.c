#include "common.h"
void sao_truncate_keep(sg_arena *a, groups out, ints in) {
  ints buf = ints_make(a, 0, 16);
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf = ints_slice(buf, 0, 0);
    buf = ints_append(a, buf, ints_get(in, i));
    groups_put(out, (int)i, buf);
  }
}
