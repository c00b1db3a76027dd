#include "tables.h"

/* Deleting during a range is fine in Go and here. */
void drop_odd(counts m) {
  sg_range(counts, m, it) {
    if (it.key % 2)
      counts_del(m, it.key);
  }
}

/* Writing the current key back is fine too. */
void bump(counts m) {
  sg_range(counts, m, it) { counts_put(m, it.key, it.val + 1); }
}
