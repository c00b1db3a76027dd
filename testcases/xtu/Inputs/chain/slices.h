#include <sliceguard/arena.h>
#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>
void grow(sg_arena *a, ints *s);       /* leaf.c */
void grow_twice(sg_arena *a, ints *s); /* mid.c: calls grow */
