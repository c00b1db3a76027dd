/* Instantiations shared by the map-ref-across-insert tests, written only
 * against the runtime contract of DESIGN.md. */
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP wordcount /* map[string]int */
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

struct stats {
  long hits;
  long misses;
};

#define SG_MAP users /* map[int]stats */
#define SG_KEY int
#define SG_VAL struct stats
#include <sliceguard/map.h>
