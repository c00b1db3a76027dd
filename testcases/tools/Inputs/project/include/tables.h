/* Types shared by the test project's files. */
#ifndef TABLES_H
#define TABLES_H
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP counts /* map[int]int */
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

#define SG_MAP lists /* map[int][]int */
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>
#endif
