#include "common.h"
void aisl_pointer_walk(sg_arena *a, tracks *list) {
  for (struct track *t = list->ptr; t != list->ptr + list->len; t++)
    if (t->muted)
      *list = tracks_append(a, *list, *t);
}
