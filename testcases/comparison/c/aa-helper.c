#include "common.h"
static strs with_flag(sg_arena *a, strs args, sg_str flag) {
  return strs_append(a, args, flag);
}
void aa_helper(sg_arena *a, strs common) {
  strs server = with_flag(a, common, SG_STR("--server"));
  strs client = with_flag(a, common, SG_STR("--client"));
  use_strs(server);
  use_strs(client);
}
