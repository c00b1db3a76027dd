#include <sliceguard/arena.h>
#include <sliceguard/str.h>
#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>
sg_str rename_key(sg_str s);
void remember(wordcount m, sg_str k); /* some other remember: no body seen */
void keep_it(wordcount m, sg_str k);
void f(wordcount m) {
  sg_range(wordcount, m, it) {
    remember(m, rename_key(it.key)); // quiet: helpers.c's is static
  }
}
void g(wordcount m) {
  sg_range(wordcount, m, it) {
    keep_it(m, rename_key(it.key)); // BUG: through the static helper
  }
}
