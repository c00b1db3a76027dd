/* A user header with a finding of its own: reported only when the
 * header filter selects this header. */
#include "maps.h"

static inline void header_insert_in_range(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, rename_key(it.key), 1);
  }
}
