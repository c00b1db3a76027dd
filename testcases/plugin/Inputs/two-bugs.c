/* One map-insert-in-range and one map-ref-across-insert finding. */
#include "maps.h"

void insert_in_range(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), it.val);
  }
}

int ref_across_insert(wordcount m) {
  int *p = wordcount_ref(m, SG_STR("a"));
  wordcount_put(m, SG_STR("b"), 1);
  return p ? *p : 0;
}
