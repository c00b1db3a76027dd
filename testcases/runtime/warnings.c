// Every header, every check level, gcc and clang (14, 19, 22 where
// installed), -std=c11 and -std=gnu11, -Wall -Wextra -Wpedantic -Werror: no
// warnings.  Two translation units share the panic handler and link
// without a runtime library.
//
// RUN: %clang %sg_cflags %sg_inc -fsyntax-only %s
// RUN: %clang %sg_cflags %sg_inc -fsyntax-only -DSG_CHECKS=0 %s
// RUN: %clang %sg_cflags %sg_inc -fsyntax-only -DSG_CHECKS=2 %s
// RUN: %clang %sg_cflags %sg_inc -fsyntax-only -DSG_CHECKS=3 %s
// RUN: %clang -std=gnu11 -Wall -Wextra -Werror %sg_inc -fsyntax-only -DSG_CHECKS=3 %s
// RUN: %clang -std=gnu11 -Wall -Wextra -Wpedantic -Werror %sg_inc -fsyntax-only %s
// RUN: %clang %sg_cflags %sg_inc -Wconversion -Wshadow -Wcast-qual -Wstrict-prototypes -Wmissing-prototypes -fsyntax-only -DSG_CHECKS=3 %s
// RUN: %gcc %sg_cflags %sg_inc -fsyntax-only %s
// RUN: %gcc %sg_cflags %sg_inc -O2 -fsyntax-only -DSG_CHECKS=0 %s
// RUN: %gcc %sg_cflags %sg_inc -O2 -c -DSG_CHECKS=2 %s -o %t.o
// RUN: %gcc %sg_cflags %sg_inc -O2 -c -DSG_CHECKS=3 %s -o %t.o
// RUN: %gcc -std=gnu11 -Wall -Wextra -Wpedantic -Werror %sg_inc -O2 -c %s -o %t.o
// RUN: %gcc %sg_cflags %sg_inc -Wshadow -Wcast-qual -Wstrict-prototypes -Wmissing-prototypes -fsyntax-only %s
// RUN: %if clang-14 %{ %clang14 %sg_cflags %sg_inc -fsyntax-only -DSG_CHECKS=3 %s %}
// RUN: %if clang-22 %{ %clang22 %sg_cflags %sg_inc -fsyntax-only -DSG_CHECKS=3 %s %}
// Two translation units, one program.
// RUN: %clang %sg_cflags %sg_inc -DSECOND_TU -c %s -o %t.second.o
// RUN: %clang %sg_cflags %sg_inc -DSG_MAIN -c %s -o %t.main.o
// RUN: %clang %t.main.o %t.second.o -o %t.exe && %t.exe | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -DSECOND_TU -c %s -o %t.gsecond.o
// RUN: %gcc %sg_cflags %sg_inc -DSG_MAIN -c %s -o %t.gmain.o
// RUN: %gcc %t.gmain.o %t.gsecond.o -o %t.gexe && %t.gexe | FileCheck %s
// CHECK: handler seen by the other unit: 1
// CHECK: panic in other unit: panic: runtime error: index out of range [9] with length 1
#include <setjmp.h>
#include <stdio.h>

#include <sliceguard/arena.h>
#include <sliceguard/core.h>
#include <sliceguard/markers.h>
#include <sliceguard/str.h>

typedef struct {
  int x, y;
} point;

#define SG_SLICE points
#define SG_ELEM point
#include <sliceguard/slice.h>

#define SG_SLICE cstrs
#define SG_ELEM const char *
#include <sliceguard/slice.h>

/* Types that are not one declarator-free name (function pointers, arrays)
 * go through a typedef, as with any C template container. */
typedef void (*callback)(void);
#define SG_SLICE callbacks
#define SG_ELEM callback
#include <sliceguard/slice.h>

#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

#define SG_MAP by_point
#define SG_KEY point
#define SG_VAL double
#include <sliceguard/map.h>

#define SG_MAP ptr_set
#define SG_KEY const void *
#define SG_VAL bool
#include <sliceguard/map.h>

#define SG_MAP point_groups
#define SG_KEY int
#define SG_VAL points
#include <sliceguard/map.h>

/* Including a header twice is harmless (shared parts are guarded). */
#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#ifdef SECOND_TU
bool handler_installed(void);
int index_past_end(void);
bool handler_installed(void) { return sg_set_panic_handler(NULL) != NULL; }
int index_past_end(void) {
  sg_arena *a = sg_arena_new();
  points p = points_make(a, 1, 1);
  return points_get(p, 9).x;
}
#elif defined(SG_MAIN)
bool handler_installed(void);
int index_past_end(void);
static jmp_buf back;
static void report(const char *message, const char *location) {
  (void)location;
  printf("panic in other unit: %s\n", message);
  longjmp(back, 1);
}
int main(void) {
  sg_set_panic_handler(report);
  printf("handler seen by the other unit: %d\n", handler_installed());
  sg_set_panic_handler(report);
  if (!setjmp(back))
    return index_past_end();
  return 0;
}
#else
void use_everything(void);
void use_everything(void) {
  sg_arena *a = sg_arena_new();
  points p = points_make(a, 0, 4);
  point pt = {1, 2};
  p = points_append(a, p, pt);
  cstrs c = {0};
  c = cstrs_append(a, c, "x");
  callbacks cb = {0};
  cb = callbacks_append(a, cb, use_everything);
  wordcount w = wordcount_make(a, 0);
  wordcount_put(w, SG_STR("a"), 1);
  by_point bp = by_point_make(a, 0);
  by_point_put(bp, pt, 1.5);
  ptr_set ps = ptr_set_make(a, 0);
  ptr_set_put(ps, a, true);
  point_groups g = point_groups_make(a, 0);
  point_groups_put(g, 1, p);
  sg_range(point_groups, g, it) {
    points v = it.val;
    v = points_append(a, v, pt);
    point_groups_put(g, it.key, v);
  }
  sg_arena_free(a);
}
#endif
