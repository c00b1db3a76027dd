#include "slice_types.h"
#ifdef BROKEN
int broken(void) { return missing_name; }
#endif
void insert_while_ranging(groups g) {
  sg_range(groups, g, it) { groups_put(g, it.key + 1, it.val); }
}
ints grow_view(sg_arena *a, ints s) {
  ints head = ints_slice(s, 0, 1);
  head = ints_append(a, head, 9);
  use_ints(s);
  return head;
}
