#include "common.h"
struct spec {
  strs mounts;
};
void aa_struct_field(sg_arena *a, struct spec *orig, struct spec *cp) {
  *cp = *orig;
  cp->mounts = strs_append(a, orig->mounts, SG_STR("/cfg"));
  orig->mounts = strs_append(a, orig->mounts, SG_STR("/data"));
}
