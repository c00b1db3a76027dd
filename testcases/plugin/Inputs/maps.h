/* Instantiations for the plugin suite, written against DESIGN.md only. */
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP wordcount /* map[string]int */
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

#define SG_MAP groups /* map[string][]int */
#define SG_KEY sg_str
#define SG_VAL ints
#include <sliceguard/map.h>

sg_str rename_key(sg_str s);

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP idset /* map[int]bool */
#define SG_KEY int
#define SG_VAL bool
#include <sliceguard/map.h>

sg_str to_lower(sg_arena *a, sg_str s);
