#include "common.h"
int q_pointer_retaken(sg_arena *a, insts code) {
  struct inst *def = insts_at(code, 0);
  def->op = 1;
  code = insts_append(a, code, (struct inst){1, 2});
  def = insts_at(code, 0);
  return def->result;
}
