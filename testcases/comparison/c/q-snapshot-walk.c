#include "common.h"
void q_snapshot_walk(sg_arena *a, tracks *list) {
  tracks old = *list;
  for (struct track *t = old.ptr; t != old.ptr + old.len; t++)
    if (t->muted)
      *list = tracks_append(a, *list, *t);
}
