// The fix-it turns the 2-index slice into a 3-index one; after it is
// applied the file compiles without the finding.  FIXED lines are anchored
// with {{^}} so they cannot match their own comment in the fixed copy.
// REQUIRES: plugin
// RUN: cp %s %t.c
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -fdiagnostics-parseable-fixits %t.c 2>&1 | FileCheck %s --check-prefix=FIXITS
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -Xclang -fixit %t.c 2>/dev/null
// RUN: FileCheck %s --check-prefix=FIXED < %t.c
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin %t.c 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

void use_ints(ints s);
void use_int(int v);

void view_then_base_used(sg_arena *a) {
  ints base = ints_make(a, 5, 8);
  ints mid = ints_slice(base, 2, 4);
  mid = ints_append(a, mid, 99);
  use_int(ints_get(base, 4));
}
// FIXITS: fix-it:"{{.*}}":{[[@LINE-4]]:14-[[@LINE-4]]:24}:"ints_slice3"
// FIXITS: fix-it:"{{.*}}":{[[@LINE-5]]:35-[[@LINE-5]]:35}:", 4"
// FIXED: {{^}}  ints mid = ints_slice3(base, 2, 4, 4);

ints insert_in_middle(sg_arena *a, ints s, ptrdiff_t i, int x) {
  return ints_extend(a, ints_append(a, ints_slice(s, 0, i), x),
                     ints_slice(s, i, s.len));
}
// FIXED: {{^}}  return ints_extend(a, ints_append(a, ints_slice3(s, 0, i, i), x),
// FIXED-NEXT: {{^}}                     ints_slice(s, i, s.len));

/* Bounds with spaces and calls are copied as written. */
void spaced_bound(sg_arena *a, ints all) {
  ints head = ints_slice(all, 0, all.len - 1);
  head = ints_append(a, head, 4);
  use_ints(all);
}
// FIXED: {{^}}  ints head = ints_slice3(all, 0, all.len - 1, all.len - 1);

// QUIET-NOT: warning:
