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
