// Append grows capacity exactly as Go does: nextslicecap, then rounding the
// byte size up to Go's malloc size classes.  The expected numbers are Go
// 1.19's own output for Inputs/growth.go (element sizes 1, 8, 24, 40; then
// five elements per append, and slices.Clone of lengths 0..10).
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc %s -o %t.gcc && %t.gcc | FileCheck %s
//
// CHECK:      size=1: 8 16 32 64 128 256 512 896 1408 2048 3072 4096 5376
// CHECK-NEXT: size=8: 1 2 4 8 16 32 64 128 256 512 848 1280 1792 2560 3408 5120
// CHECK-NEXT: size=24: 1 2 4 8 16 32 64 128 256 512 853 1365 2048 3072 4096 5461
// CHECK-NEXT: size=40: 1 2 4 8 16 32 67 134 272 544 1024 1638 2252 3072 4096 5324
// CHECK-NEXT: bulk8: 6 12 24 48 96 192 384 672 1184 1696 2384 3408 5120
// CHECK-NEXT: clone8: 0 1 2 3 4 6 6 8 8 10 10
// CHECK-NEXT: done
#include <stdio.h>

#include <sliceguard/arena.h>

typedef struct {
  long long a, b, c;
} e24;
typedef struct {
  long long a, b, c, d, e;
} e40;

#define SG_SLICE bytes
#define SG_ELEM unsigned char
#include <sliceguard/slice.h>
#define SG_SLICE i64s
#define SG_ELEM long long
#include <sliceguard/slice.h>
#define SG_SLICE e24s
#define SG_ELEM e24
#include <sliceguard/slice.h>
#define SG_SLICE e40s
#define SG_ELEM e40
#include <sliceguard/slice.h>

enum { APPENDS = 5000 };

/* Prints the capacity each time it changes, like Inputs/growth.go. */
#define TRACK(T, zero)                                                         \
  do {                                                                         \
    T s = {0};                                                                 \
    ptrdiff_t last = 0;                                                        \
    printf("size=%zu:", sizeof(*s.ptr));                                       \
    for (int i = 0; i < APPENDS; i++) {                                        \
      s = T##_append(a, s, zero);                                              \
      if (s.cap != last)                                                       \
        printf(" %td", last = s.cap);                                          \
    }                                                                          \
    printf("\n");                                                              \
  } while (0)

int main(void) {
  sg_arena *a = sg_arena_new();
  e24 z24 = {0, 0, 0};
  e40 z40 = {0, 0, 0, 0, 0};
  TRACK(bytes, 1);
  TRACK(i64s, 1);
  TRACK(e24s, z24);
  TRACK(e40s, z40);

  long long five[5] = {1, 2, 3, 4, 5};
  i64s s = {0};
  ptrdiff_t last = 0;
  printf("bulk8:");
  for (int i = 0; i < 1000; i++) {
    s = i64s_append_n(a, s, five, 5);
    if (s.cap != last)
      printf(" %td", last = s.cap);
  }
  printf("\n");

  /* slices.Clone of lengths 0..10: the length rounded up to a size class. */
  printf("clone8:");
  for (int n = 0; n <= 10; n++)
    printf(" %td", i64s_clone(a, i64s_slice(s, 0, n)).cap);
  printf("\n");
  sg_arena_free(a);
  printf("done\n");
  return 0;
}
