// SG_CHECKS=2: Go's concurrent-misuse detector, with real threads.
//
// Forced interleavings (forced-*): the writer thread stops inside a put, at
// the hash of one chosen key (the map's SG_HASH hook), and says so; only
// then does the main thread iterate, read or write the map.  The two
// operations overlap by construction, so the detector must report every
// time, whatever the scheduler does.  The same handshake with the write
// finished first (sequential) must report nothing.
//
// The real race (iterate, read, write): a writer overwrites keys in a loop
// while the main thread iterates, reads or writes, from the moment the
// writer has started, until the detector reports.  Like Go's, the detector
// only catches a race when the two operations happen to overlap; the loop
// runs until they do.  Its bound (60 s, or the rounds given as a second
// argument, for measuring) only keeps a broken detector from hanging the
// suite: docs/runtime.md gives how many rounds detection takes, idle and
// under load.  If nothing is ever detected the program exits 0 and
// `not --crash` fails the test.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %pthread -DSG_CHECKS=2 %s -o %t
// RUN: not --crash %t forced-iterate 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not --crash %t forced-read 2>&1 | FileCheck %s --check-prefix=READ
// RUN: not --crash %t forced-write 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: %t sequential | FileCheck %s --check-prefix=SEQ
// RUN: not --crash %t iterate 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not --crash %t read 2>&1 | FileCheck %s --check-prefix=READ
// RUN: not --crash %t write 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: %gcc %sg_cflags %sg_inc -O2 -g %pthread -DSG_CHECKS=2 %s -o %t.gcc
// RUN: not --crash %t.gcc forced-iterate 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not --crash %t.gcc forced-read 2>&1 | FileCheck %s --check-prefix=READ
// RUN: not --crash %t.gcc forced-write 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: %t.gcc sequential | FileCheck %s --check-prefix=SEQ
// RUN: not --crash %t.gcc iterate 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: not --crash %t.gcc write 2>&1 | FileCheck %s --check-prefix=WRITE
// A single thread never trips the detector.
// RUN: %t single | FileCheck %s --check-prefix=SINGLE
//
// ITER: sliceguard: fatal error: concurrent map iteration and map write
// READ: sliceguard: fatal error: concurrent map read and map write
// WRITE: sliceguard: fatal error: concurrent map writes
// SEQ: after the write: no report
// SINGLE: single-threaded: no report
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sliceguard/arena.h>

enum { KEYS = 4096, PAUSE_KEY = 7, BOUND_SECONDS = 60 };

/* The forced interleavings' hook: in the writer thread, when `pausing`
 * says so, hashing PAUSE_KEY marks the writer as inside its put (the map's
 * writing flag is set by then) and holds it there until the process ends.
 * Other threads hash PAUSE_KEY without stopping. */
static volatile int pausing;
static _Thread_local int is_writer;
static int inside_write; /* __atomic: the writer is held inside a put */
static int write_done;   /* __atomic: the writer's put returned */

static uint64_t pause_hash(uint64_t k) {
  if (k == PAUSE_KEY && pausing && is_writer) {
    __atomic_store_n(&inside_write, 1, __ATOMIC_RELEASE);
    time_t start = time(NULL);
    while (time(NULL) - start < 2 * BOUND_SECONDS)
      sched_yield();
  }
  return k;
}

#define SG_MAP u64map
#define SG_KEY uint64_t
#define SG_VAL uint64_t
#define SG_HASH(k) pause_hash(k)
#include <sliceguard/map.h>

static u64map shared;
static int started; /* __atomic: the racing writer is in its loop */

/* Overwrites existing keys forever: every put sets the map's writing flag,
 * and the map never grows, so the racing reader stays memory-safe. */
static void *racing_writer(void *arg) {
  (void)arg;
  __atomic_store_n(&started, 1, __ATOMIC_RELEASE);
  for (uint64_t i = 0;; i++)
    u64map_put(shared, i % KEYS, i);
  return NULL;
}

/* One put of PAUSE_KEY, held inside the put when `pausing` is set. */
static void *one_write(void *arg) {
  (void)arg;
  is_writer = 1;
  u64map_put(shared, PAUSE_KEY, 1);
  __atomic_store_n(&write_done, 1, __ATOMIC_RELEASE);
  return NULL;
}

/* Waits for *flag with a bound that only a hung writer reaches. */
static int wait_for(int *flag) {
  time_t start = time(NULL);
  while (!__atomic_load_n(flag, __ATOMIC_ACQUIRE)) {
    if (time(NULL) - start > BOUND_SECONDS)
      return 0;
    sched_yield();
  }
  return 1;
}

/* One round of the main thread's operation: a whole range, a read of
 * every key, or a write of every key. */
static uint64_t one_round(const char *op) {
  uint64_t sink = 0;
  if (strcmp(op, "iterate") == 0) {
    sg_range(u64map, shared, it) sink += it.val;
  } else if (strcmp(op, "read") == 0) {
    for (uint64_t k = 0; k < KEYS; k++)
      sink += u64map_get(shared, k);
  } else {
    for (uint64_t k = 0; k < KEYS; k++)
      u64map_put(shared, k, k);
  }
  return sink;
}

static int single_threaded(void) {
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

/* forced-<op>: op overlaps a write that is held open. */
static int forced(const char *op) {
  pthread_t t;
  pausing = 1;
  pthread_create(&t, NULL, one_write, NULL);
  if (!wait_for(&inside_write)) {
    printf("the writer never entered its put\n");
    return 0;
  }
  uint64_t sink = one_round(op);
  printf("never detected (%llu)\n", (unsigned long long)sink);
  return 0;
}

/* The same write, finished before the other operations start. */
static int sequential(void) {
  pthread_t t;
  pthread_create(&t, NULL, one_write, NULL);
  if (!wait_for(&write_done)) {
    printf("the write never finished\n");
    return 0;
  }
  pthread_join(t, NULL);
  uint64_t sink = one_round("iterate") + one_round("read");
  one_round("write");
  printf("after the write: no report (%llu)\n", (unsigned long long)sink);
  return 0;
}

/* The main thread's round of the race, for the report of the detection
 * (which the runtime then prints and aborts on, as always). */
static volatile long round_now;
static void count_rounds(const char *message, const char *location) {
  (void)location;
  fprintf(stderr, "detected in round %ld: %s\n", round_now + 1, message);
}

/* The real race, until it is detected (or max_rounds, or the bound). */
static int race(const char *op, long max_rounds) {
  sg_set_panic_handler(count_rounds);
  pthread_t t;
  pthread_create(&t, NULL, racing_writer, NULL);
  if (!wait_for(&started)) {
    printf("the writer never started\n");
    return 0;
  }
  uint64_t sink = 0;
  time_t start = time(NULL);
  long round = 0;
  for (; max_rounds <= 0 || round < max_rounds; round++) {
    if (time(NULL) - start > BOUND_SECONDS)
      break;
    round_now = round;
    sink += one_round(op);
  }
  printf("never detected in %ld rounds (%llu)\n", round,
         (unsigned long long)sink);
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "single";
  long max_rounds = argc > 2 ? atol(argv[2]) : 0;
  sg_arena *a = sg_arena_new();
  shared = u64map_make(a, KEYS);
  for (uint64_t k = 0; k < KEYS; k++)
    u64map_put(shared, k, k);
  if (strcmp(mode, "single") == 0)
    return single_threaded();
  if (strcmp(mode, "sequential") == 0)
    return sequential();
  if (strncmp(mode, "forced-", 7) == 0)
    return forced(mode + 7);
  return race(mode, max_rounds);
}
