#include "tables.h"

void twice(counts m) {
  sg_range(counts, m, it) {
    /* «×2» */ counts_put(m, it.key * 2, it.val);
  }
}
