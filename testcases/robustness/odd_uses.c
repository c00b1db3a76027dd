// The runtime used in the odd places real C puts it: pointers to slices of
// slices, maps of maps, maps of slices, slices inside unions, runtime calls
// inside macros and statement expressions, K&R definitions, VLAs of
// slices, computed goto, _Generic and function pointers.  Every use here is
// correct Go-style code, so the plugin must neither crash nor report.  The
// sweep (--files) also cuts and mutates this file.
//
// REQUIRES: plugin
// RUN: %sg_verify -std=gnu17 -Wno-unknown-warning-option -Wno-deprecated-non-prototype %s
// RUN: %crashcheck %clang -fsyntax-only -std=gnu17 %sg_inc %sg_plugin \
// RUN:   -Wno-unknown-warning-option -Wno-deprecated-non-prototype %s | FileCheck %s
// CHECK-NOT: [sliceguard-
// CHECK: crashcheck: ok (exit 0)
// expected-no-diagnostics
#include <stddef.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE intss
#define SG_ELEM ints
#include <sliceguard/slice.h>

#define SG_MAP intmap
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

#define SG_MAP mapmap
#define SG_KEY int
#define SG_VAL intmap
#include <sliceguard/map.h>

#define SG_MAP slmap
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>

union punned {
  ints s;
  intmap m;
  long raw[3];
};

#define PUSH(a, s, v) ((s) = ints_append((a), (s), (v)))
#define TOTAL(m, acc) sg_range(intmap, m, it_)(acc) += it_.val

// A pointer to a slice of slices: grow the outer one, then an inner one,
// always storing the result back.
void grow_nested(sg_arena *a, intss *rows, int v) {
  *rows = intss_append(a, *rows, (ints){0});
  ints *last = intss_at(*rows, rows->len - 1);
  *last = ints_append(a, *last, v);
}

// A map of maps: the inner map is a pointer, so writing through the value
// read from the outer map changes the stored map (no store-back needed).
void count_pair(sg_arena *a, mapmap mm, int k1, int k2) {
  intmap inner = mapmap_get(mm, k1);
  if (!inner) {
    inner = intmap_make(a, 0);
    mapmap_put(mm, k1, inner);
  }
  intmap_put(inner, k2, intmap_get(inner, k2) + 1);
}

// Ranging over the outer map and writing into each inner map is fine:
// the range is over `mm`, the inserts go to other maps.
long touch_all(mapmap mm) {
  long n = 0;
  sg_range(mapmap, mm, it) {
    intmap_put(it.val, it.key, 1);
    TOTAL(it.val, n);
  }
  return n;
}

// A map of slices, with the appended slice stored back under its key.
void add_to_bucket(sg_arena *a, slmap m, int k, int v) {
  ints bucket = slmap_get(m, k);
  bucket = ints_append(a, bucket, v);
  slmap_put(m, k, bucket);
}

// A slice inside a union, appended through the union member.
ptrdiff_t through_union(sg_arena *a, union punned *u) {
  u->s = ints_append(a, u->s, 7);
  return u->s.len;
}

// Runtime calls inside a macro and a statement expression.
ptrdiff_t in_expressions(sg_arena *a, ints s) {
  PUSH(a, s, 1);
  ptrdiff_t n = ({
    ints t_ = ints_clone(a, s);
    t_ = ints_append(a, t_, 2);
    t_.len;
  });
  return n + s.len;
}

// K&R definitions with runtime parameter types.
long knr_sum(a, s, m)
sg_arena *a;
ints s;
intmap m;
{
  s = ints_append(a, s, (int)intmap_len(m));
  long total = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    total += ints_get(s, i);
  return total;
}

// A VLA of slices, each grown in place in the array.
long vla_of_slices(sg_arena *a, int n) {
  ints rows[n > 0 ? n : 1];
  long total = 0;
  for (int i = 0; i < n; i++) {
    rows[i] = ints_make(a, 0, 2);
    rows[i] = ints_append(a, rows[i], i);
    total += rows[i].len;
  }
  return total;
}

// Computed goto around runtime calls: an indirect jump the CFG cannot
// resolve exactly.
ptrdiff_t computed_goto(sg_arena *a, ints s, int flag) {
  void *target = flag ? &&skip : &&grow;
  goto *target;
grow:
  s = ints_append(a, s, 3);
skip:
  return s.len;
}

// _Generic dispatch and a function pointer to a runtime operation.
#define LEN(x) _Generic((x), ints: ints_len_, intmap: intmap_len)(x)
static ptrdiff_t ints_len_(ints s) { return s.len; }

ptrdiff_t via_pointers(sg_arena *a, ints s, intmap m) {
  ints (*push)(sg_arena *, ints, int) = ints_append;
  s = push(a, s, 4);
  return LEN(s) + LEN(m);
}
