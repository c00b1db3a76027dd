/* The slice and map instantiations the aliasing-check variant tests share,
 * written only against the runtime contract of DESIGN.md, and the opaque
 * functions they hand values to. */
#ifndef SLICEGUARD_TEST_SLICE_TYPES_H
#define SLICEGUARD_TEST_SLICE_TYPES_H
#include <sliceguard/arena.h>
#include <sliceguard/str.h>
#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>
#define SG_SLICE intss
#define SG_ELEM ints
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
struct node { int id; int w; };
#define SG_SLICE nodes
#define SG_ELEM struct node
#include <sliceguard/slice.h>
void use_ints(ints s);
void use_int(int v);
void use_two(ints x, ints y);
void use_strs(strs s);
void use_node(struct node *n);
int keep(int v);
#endif
