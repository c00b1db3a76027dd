/* Shared instantiations for the comparison shapes (C, sliceguard runtime):
 * the check tests' ones (ints, strs, groups, labels and the opaque sinks),
 * plus the element types only these shapes use. */
#include "../../checks/Inputs/slice_types.h"

struct inst {
  int op, result;
};
#define SG_SLICE insts
#define SG_ELEM struct inst
#include <sliceguard/slice.h>

struct track {
  int id, muted;
};
#define SG_SLICE tracks
#define SG_ELEM struct track
#include <sliceguard/slice.h>
