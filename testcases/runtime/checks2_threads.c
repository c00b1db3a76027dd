// SG_CHECKS=2: Go's concurrent-misuse detector, with real threads.  One
// thread writes the map in a loop while another iterates, reads or writes
// it; each run stops at the first detection, which Go reports as a fatal
// error with these exact words.  The loops are bounded: if nothing is ever
// detected the program exits 0 and `not --crash` fails the test.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %pthread -DSG_CHECKS=2 %s -o %t
// RUN: not --crash %t iterate 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not --crash %t read 2>&1 | FileCheck %s --check-prefix=READ
// RUN: not --crash %t write 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: %gcc %sg_cflags %sg_inc -O2 -g %pthread -DSG_CHECKS=2 %s -o %t.gcc
// RUN: not --crash %t.gcc iterate 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not --crash %t.gcc write 2>&1 | FileCheck %s --check-prefix=WRITE
// A single thread never trips the detector.
// RUN: %t single | FileCheck %s --check-prefix=SINGLE
//
// ITER: sliceguard: fatal error: concurrent map iteration and map write
// READ: sliceguard: fatal error: concurrent map read and map write
// WRITE: sliceguard: fatal error: concurrent map writes
// SINGLE: single-threaded: no report
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <sliceguard/arena.h>

#define SG_MAP u64map
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#include <sliceguard/map.h>

enum { KEYS = 4096 };
static u64map shared;
static volatile int started;

/* Overwrites existing keys forever: every put sets the map's writing flag,
 * and the map never grows, so the racing reader stays memory-safe. */
static void *writer(void *arg) {
  (void)arg;
  started = 1;
  for (uint64_t i = 0;; i++)
    u64map_put(shared, i % KEYS, i);
  return NULL;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "single";
  sg_arena *a = sg_arena_new();
  shared = u64map_make(a, KEYS);
  for (uint64_t k = 0; k < KEYS; k++)
    u64map_put(shared, k, k);
  if (strcmp(mode, "single") == 0) {
    uint64_t sum = 0;
    for (int r = 0; r < 10; r++) {
      sg_range(u64map, shared, it) {
        sum += it.val + u64map_get(shared, it.key);
        u64map_put(shared, it.key, it.val + 1);
      }
    }
    printf("single-threaded: no report (%llu)\n", (unsigned long long)sum);
    return 0;
  }
  pthread_t t;
  pthread_create(&t, NULL, writer, NULL);
  while (!started) {
  }
  uint64_t sink = 0;
  for (long round = 0; round < 5000; round++) {
    if (strcmp(mode, "iterate") == 0) {
      sg_range(u64map, shared, it) sink += it.val;
    } else if (strcmp(mode, "read") == 0) {
      for (uint64_t k = 0; k < KEYS; k++)
        sink += u64map_get(shared, k);
    } else {
      for (uint64_t k = 0; k < KEYS; k++)
        u64map_put(shared, k, k);
    }
  }
  printf("never detected (%llu)\n", (unsigned long long)sink);
  return 0;
}
