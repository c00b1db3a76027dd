#include "common.h"
void aa_loop_stored(sg_arena *a, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str name = strs_get(names, i);
    strs tags = strs_append(a, base, name);
    labels_put(out, name, tags);
  }
}
