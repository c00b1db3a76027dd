/* Instantiations shared by the append-to-range-copy tests, written only
 * against the runtime contract of DESIGN.md. */
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP groups /* map[string][]int */
#define SG_KEY sg_str
#define SG_VAL ints
#include <sliceguard/map.h>

struct entry {
  ints offsets;
  int owner;
};

#define SG_MAP parts /* map[int]entry */
#define SG_KEY int
#define SG_VAL struct entry
#include <sliceguard/map.h>

#define SG_MAP owners /* map[int]*entry */
#define SG_KEY int
#define SG_VAL struct entry *
#include <sliceguard/map.h>

void consume(ints v);
