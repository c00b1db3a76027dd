/* Shared instantiations for the comparison shapes (C, sliceguard runtime). */
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP groups
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>

#define SG_MAP labels
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

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

void use_ints(ints s);
void use_int(int v);
void use_two(ints x, ints y);
void use_strs(strs s);
int keep(int v);
