#include "common.h"
int raa_direct(sg_arena *a, insts code) {
  struct inst *def = insts_at(code, 0);
  code = insts_append(a, code, (struct inst){1, 2});
  def->result = (int)code.len;
  return def->op;
}
