#include "maps.h"

void f(wordcount m) {
  sg_range(wordcount, m, it) {
    int unused;
    (void)it;
    wordcount_put(m, SG_STR("x"), 1);
  }
}
