#include "common.h"
struct spec {
  strs mounts;
};
ints q_self_append(sg_arena *a, struct spec *s, ints in) {
  ints out = {0};
  for (ptrdiff_t i = 0; i < in.len; i++)
    out = ints_append(a, out, ints_get(in, i) * 2);
  s->mounts = strs_append(a, s->mounts, SG_STR("/cfg"));
  s->mounts = strs_append(a, s->mounts, SG_STR("/data"));
  return out;
}
