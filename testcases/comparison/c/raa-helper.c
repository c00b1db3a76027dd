#include "common.h"
static void push(sg_arena *a, insts *v, struct inst x) {
  *v = insts_append(a, *v, x);
}
void raa_helper(sg_arena *a, insts code) {
  struct inst *first = insts_at(code, 0);
  push(a, &code, (struct inst){3, 4});
  first->op = 9;
}
