#include "common.h"
int q_push_pop(sg_arena *a, ints in) {
  ints stack = {0};
  int last = 0;
  for (ptrdiff_t i = 0; i < in.len; i++) {
    int v = ints_get(in, i);
    if (v < 0 && stack.len > 0) {
      last = ints_get(stack, stack.len - 1);
      stack = ints_slice(stack, 0, stack.len - 1);
    } else {
      stack = ints_append(a, stack, v);
    }
  }
  return last + (int)stack.len;
}
