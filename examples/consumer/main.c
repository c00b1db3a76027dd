/* wordfreq: counts the words of its arguments and prints them by count. */
#include "words.h"
#include <stdio.h>

#ifdef CONSUMER_WITH_BUG
void add_plurals(wordcount m);
#endif

static words sorted_keys(sg_arena *a, wordcount m) {
  words keys = words_make(a, 0, wordcount_len(m));
  sg_range(wordcount, m, it) { keys = words_append(a, keys, it.key); }
  /* insertion sort: by count, descending, then by word */
  for (ptrdiff_t i = 1; i < keys.len; i++) {
    sg_str k = words_get(keys, i);
    ptrdiff_t j = i;
    while (j > 0) {
      sg_str prev = words_get(keys, j - 1);
      int dc = wordcount_get(m, prev) - wordcount_get(m, k);
      if (dc > 0 || (dc == 0 && sg_str_cmp(prev, k) <= 0))
        break;
      words_set(keys, j, prev);
      j--;
    }
    words_set(keys, j, k);
  }
  return keys;
}

int main(int argc, char **argv) {
  sg_arena *a = sg_arena_new();
  wordcount m = wordcount_make(a, 0);
  for (int i = 1; i < argc; i++) {
    sg_str w = sg_str_from(argv[i]);
    wordcount_put(m, w, wordcount_get(m, w) + 1);
  }
#ifdef CONSUMER_WITH_BUG
  add_plurals(m);
#endif
  words keys = sorted_keys(a, m);
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    sg_str k = words_get(keys, i);
    printf("%.*s %d\n", (int)k.len, k.ptr, wordcount_get(m, k));
  }
  sg_arena_free(a);
  return 0;
}
