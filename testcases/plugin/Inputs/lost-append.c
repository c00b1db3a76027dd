#include "maps.h"

void tag_all(sg_arena *a, groups g) {
  sg_range(groups, g, it) {
    ints v = it.val;
    v = ints_append(a, v, 1);
  }
}

void add_offset(sg_arena *a, groups topics, sg_str topic, int offset) {
  ints ring = groups_get(topics, topic);
  ring = ints_append(a, ring, offset);
}

/* No fix-it: a statement cannot follow the append inside if/else. */
void maybe_tag(sg_arena *a, groups g, int c) {
  sg_range(groups, g, it) {
    ints v = it.val;
    if (c)
      v = ints_append(a, v, 1);
    else
      c = 0;
  }
}
