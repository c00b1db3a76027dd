// Go's range rules in fixed scenarios: growth under the iterator, delete
// and clear during range, updated values, nil and empty maps, random order.
//
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t && %t | FileCheck %s
// RUN: %gcc %sg_cflags %sg_inc -O2 %s -o %t.gcc && %t.gcc | FileCheck %s
#include <stdio.h>
#include <string.h>

#include <sliceguard/arena.h>

#define SG_MAP imap
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

enum { MAXK = 1 << 16 };
static int seen[MAXK];

static imap numbers(sg_arena *a, int n) {
  imap m = imap_make(a, 0);
  for (int i = 0; i < n; i++)
    imap_put(m, i, i * 10);
  return m;
}

/* How many of keys [0, n) were produced exactly once, and any repeats. */
static void tally(const char *what, int n) {
  int once = 0, repeats = 0;
  for (int k = 0; k < MAXK; k++) {
    once += k < n && seen[k] == 1;
    repeats += seen[k] > 1;
  }
  printf("%s: once=%d repeats=%d\n", what, once, repeats);
  memset(seen, 0, sizeof seen);
}

int main(void) {
  sg_arena *a = sg_arena_new();

  /* Growth during range: the first iteration inserts 5000 new keys (the
   * table grows several times); every original key still comes once. */
  imap m = numbers(a, 100);
  ptrdiff_t groups_before = (ptrdiff_t)m->gmask + 1;
  int first = 1;
  sg_range(imap, m, it) {
    seen[it.key]++;
    if (first)
      for (int k = 1000; k < 6000; k++)
        imap_put(m, k, k);
    first = 0;
  }
  printf("grew=%d\n", (ptrdiff_t)m->gmask + 1 > 4 * groups_before);
  // CHECK: grew=1
  tally("growth", 100);
  // CHECK-NEXT: growth: once=100 repeats=0

  /* Growth, then deletes of keys not reached yet: those never come.  (New
   * keys may come: the first ones land in the old table before it grows.) */
  m = numbers(a, 200);
  int produced = 0, deleted_seen = 0;
  first = 1;
  sg_range(imap, m, it) {
    produced++;
    deleted_seen += it.key < 200 && it.key % 2 == 1 && !first;
    if (first) {
      for (int k = 1000; k < 3000; k++)
        imap_put(m, k, k);
      for (int k = 1; k < 200; k += 2)
        if (k != it.key)
          imap_del(m, k);
    }
    first = 0;
  }
  printf("odd keys after delete=%d\n", deleted_seen);
  // CHECK-NEXT: odd keys after delete=0

  /* Delete everything in the first iteration: nothing else comes. */
  m = numbers(a, 300);
  produced = 0;
  sg_range(imap, m, it) {
    produced++;
    for (int k = 0; k < 300; k++)
      imap_del(m, k);
  }
  printf("delete all: produced=%d len=%td\n", produced, imap_len(m));
  // CHECK-NEXT: delete all: produced=1 len=0

  /* clear during range stops old entries, on the same table... */
  m = numbers(a, 300);
  produced = 0;
  sg_range(imap, m, it) {
    produced++;
    imap_clear(m);
  }
  printf("clear: produced=%d\n", produced);
  // CHECK-NEXT: clear: produced=1
  /* ... and after the map grew away from the range's table. */
  m = numbers(a, 300);
  produced = 0;
  sg_range(imap, m, it) {
    produced++;
    if (produced == 1) {
      for (int k = 1000; k < 3000; k++)
        imap_put(m, k, k);
      imap_clear(m);
    }
  }
  printf("grow+clear: produced=%d\n", produced);
  // CHECK-NEXT: grow+clear: produced=1

  /* A modified entry shows its latest value, before and after growth. */
  for (int grow = 0; grow < 2; grow++) {
    m = numbers(a, 100);
    int stale = 0;
    first = 1;
    sg_range(imap, m, it) {
      if (first) {
        for (int k = 0; k < 100; k++)
          imap_put(m, k, -k);
        if (grow)
          for (int k = 1000; k < 3000; k++)
            imap_put(m, k, k);
      } else {
        stale += it.key < 100 && it.val != -it.key; /* not the new keys */
      }
      first = 0;
    }
    printf("grow=%d stale values=%d\n", grow, stale);
  }
  // CHECK-NEXT: grow=0 stale values=0
  // CHECK-NEXT: grow=1 stale values=0

  /* it.key and it.val are copies: changing them changes nothing. */
  m = numbers(a, 10);
  sg_range(imap, m, it) {
    it.val = 7;
    it.key = -1;
  }
  printf("copies: m[3]=%d len=%td\n", imap_get(m, 3), imap_len(m));
  // CHECK-NEXT: copies: m[3]=30 len=10

  /* Order differs between ranges (random start group and slot order). */
  m = numbers(a, 100);
  int orders[20][100], distinct = 1;
  for (int r = 0; r < 20; r++) {
    int i = 0;
    sg_range(imap, m, it) orders[r][i++] = it.key;
    if (r > 0 && memcmp(orders[r], orders[0], sizeof orders[0]) != 0)
      distinct = 2;
  }
  printf("orders differ=%d\n", distinct == 2);
  // CHECK-NEXT: orders differ=1
  /* Two maps with the same keys have different seeds, so the keys sit in
   * different slots: even the set of first keys differs. */
  int firsts[64], differ = 0;
  for (int r = 0; r < 64; r++) {
    imap n = numbers(a, 50);
    sg_range(imap, n, it) {
      firsts[r] = it.key;
      break;
    }
    differ += r > 0 && firsts[r] != firsts[0];
  }
  printf("first keys differ=%d\n", differ > 0);
  // CHECK-NEXT: first keys differ=1

  /* Nil map: reads, len, delete, clear and range all work. */
  imap nil = NULL;
  int v = 99;
  bool ok = imap_lookup(nil, 1, &v);
  produced = 0;
  sg_range(imap, nil, it) produced++;
  imap_clear(nil);
  printf("nil: get=%d lookup=%d,%d ref=%p del=%d len=%td range=%d\n",
         imap_get(nil, 1), ok, v, (void *)imap_ref(nil, 1), imap_del(nil, 1),
         imap_len(nil), produced);
  // CHECK-NEXT: nil: get=0 lookup=0,0 ref=(nil) del=0 len=0 range=0

  /* Empty map: inserting during a range is allowed. */
  imap e = imap_make(a, 0);
  produced = 0;
  sg_range(imap, e, it) produced++;
  imap_put(e, 1, 1);
  sg_range(imap, e, it) {
    produced++;
    imap_put(e, 2, 2);
  }
  printf("empty: produced=%d len=%td\n", produced >= 1, imap_len(e));
  // CHECK-NEXT: empty: produced=1 len=2

  /* A pointer from ref stays readable after the map grows (the old table
   * stays in the arena); it is stale: it no longer tracks the map. */
  m = numbers(a, 4);
  int *r = imap_ref(m, 3);
  for (int k = 100; k < 5000; k++)
    imap_put(m, k, k);
  imap_put(m, 3, 333);
  printf("stale ref=%d map=%d\n", *r, imap_get(m, 3));
  // CHECK-NEXT: stale ref=30 map=333

  /* make with a hint sizes the table up front. */
  imap h = imap_make(a, 1000);
  ptrdiff_t before = (ptrdiff_t)h->gmask;
  for (int k = 0; k < 1000; k++)
    imap_put(h, k, k);
  printf("hint: no growth=%d\n", before == (ptrdiff_t)h->gmask);
  // CHECK-NEXT: hint: no growth=1
  sg_arena_free(a);
  return 0;
}
