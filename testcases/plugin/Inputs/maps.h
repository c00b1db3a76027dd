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
