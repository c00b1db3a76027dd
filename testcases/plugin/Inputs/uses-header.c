#include "helper-bug.h"

void main_file_insert(wordcount m) {
  sg_range(wordcount, m, it) {
    wordcount_put(m, SG_STR("new"), 1);
  }
}
