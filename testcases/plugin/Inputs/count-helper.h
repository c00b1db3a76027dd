/* A user's header of helper functions (not selected by a header filter). */
#include "maps.h"

static inline void count_word(wordcount m, sg_str w) {
  wordcount_put(m, w, wordcount_get(m, w) + 1);
}
