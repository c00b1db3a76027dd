/* A bug sliceguard catches: inserting new keys while ranging over the map
 * (Go leaves it unspecified whether the range sees them). */
#include "words.h"

void add_plurals(wordcount m);

void add_plurals(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, sg_str_from("plural"), it.val);
  }
}
