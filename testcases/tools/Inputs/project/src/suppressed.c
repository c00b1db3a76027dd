#include "tables.h"

/* Known and accepted: the new keys may or may not be visited. */
void mirror(counts m) {
  sg_range(counts, m, it) {
    counts_put(m, -it.key, it.val); // sliceguard-ignore: map-insert-in-range
  }
}
