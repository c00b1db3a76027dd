/* A user's header of convenience macros over the runtime: the operations
 * are spelled here, the findings belong at the line that uses the macro. */
#include "maps.h"

#define COUNT_WORD(m, w) wordcount_put((m), (w), wordcount_get((m), (w)) + 1)
#define EACH_WORD(m, it) sg_range(wordcount, m, it)
#define GROW(a, v, x) ((v) = ints_append((a), (v), (x)))
