#include "common.h"
#define SG_MAP byid
#define SG_KEY int
#define SG_VAL struct inst *
#include <sliceguard/map.h>
byid raa_kept_in_map(sg_arena *a, insts *items, ints ids) {
  byid index = byid_make(a, 0);
  for (ptrdiff_t i = 0; i < ids.len; i++) {
    int id = ints_get(ids, i);
    *items = insts_append(a, *items, (struct inst){id, 0});
    byid_put(index, id, insts_at(*items, items->len - 1));
  }
  return index;
}
