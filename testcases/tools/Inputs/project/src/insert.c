#include "tables.h"

/* Doubles every key: inserts while ranging (a bug). */
void double_keys(counts m) {
  sg_range(counts, m, it) {
    counts_put(m, it.key * 2, it.val);
  }
}
