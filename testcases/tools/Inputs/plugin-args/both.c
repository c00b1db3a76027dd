/* One finding of each family: which ones sliceguard-check reports depends
 * on the plugin arguments in this file's compile command. */
#include "tables.h" /* the test project's, see write_db.py */

void double_keys(counts m) {
  sg_range(counts, m, it) {
    counts_put(m, it.key * 2, it.val);
  }
}

void grow_all(sg_arena *a, lists m) {
  sg_range(lists, m, it) {
    ints v = it.val;
    v = ints_append(a, v, 0);
  }
}
