#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP lists /* map[int][]int */
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>

/* astral characters: 𝄞 😀 */
void grow_all(sg_arena *a, lists m) {
  /* 😀 */ sg_range(lists, m, it) {
    ints v = it.val;
    /* 😀𐍈 ü */ v = ints_append(a, v, 0);
  }
}

int seen_by_clangd = not_declared_anywhere;
