#include <sliceguard/arena.h>
#include <sliceguard/str.h>
#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>
/* Static: a function of this file only, whatever another file calls. */
static void remember(wordcount m, sg_str k) { wordcount_put(m, k, 1); }
void keep_it(wordcount m, sg_str k) { remember(m, k); }
