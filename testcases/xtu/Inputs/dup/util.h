/* The two-file project: helpers in util.c, callers in main.c. */
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

void add_alias(wordcount m, sg_str k);
strs with_suffix(sg_arena *a, strs base, sg_str s);
int *slot_for(sg_arena *a, ints *s);
/* Their harmless twins. */
strs with_suffix_copy(sg_arena *a, strs base, sg_str s);
int *last_of(ints *s);
int count_of(wordcount m, sg_str k);
