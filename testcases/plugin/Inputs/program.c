/* Compiled, linked and run with the plugin loaded. */
#include <stdio.h>
#include "maps.h"

sg_str rename_key(sg_str s) { return s; }

int main(void) {
  sg_arena *a = sg_arena_new();
  groups g = groups_make(a, 0);
  groups_put(g, SG_STR("kept"), ints_make(a, 0, 0));
  groups_put(g, SG_STR("lost"), ints_make(a, 0, 0));
  ints kept = groups_get(g, SG_STR("kept"));
  kept = ints_append(a, kept, 1);
  groups_put(g, SG_STR("kept"), kept);
  ints v = groups_get(g, SG_STR("lost"));
  v = ints_append(a, v, 1);
  printf("stored %td lost %td\n", groups_get(g, SG_STR("kept")).len,
         groups_get(g, SG_STR("lost")).len);
  sg_arena_free(a);
  return 0;
}
