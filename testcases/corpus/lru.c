// An LRU cache: a map from key to slot plus a doubly linked list threaded
// through a slice of entries, with a free list of slots.  Port of lru.go:
// the same functions, the same slice and map operations.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/lru.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %sg_verify %sg_cflags %s
// expected-no-diagnostics
// clang-format on

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

enum { none = -1 };

typedef struct entry {
  sg_str key;
  ptrdiff_t val;
  ptrdiff_t prev, next;
} entry;

#define SG_SLICE entries
#define SG_ELEM entry
#include <sliceguard/slice.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP slotmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

#define SG_MAP bucketmap
#define SG_KEY ptrdiff_t
#define SG_VAL strs
#include <sliceguard/map.h>

typedef struct LRU {
  sg_arena *a;
  ptrdiff_t capacity;
  slotmap index;
  entries entries;
  ints free;
  ptrdiff_t head, tail;
  ptrdiff_t hits, misses, evictions;
} LRU;

static LRU *NewLRU(sg_arena *a, ptrdiff_t capacity) {
  LRU *c = sg_arena_alloc(a, sizeof *c);
  *c = (LRU){.a = a,
             .capacity = capacity,
             .index = slotmap_make(a, 0),
             .head = none,
             .tail = none};
  return c;
}

static void unlink_entry(LRU *c, ptrdiff_t i) {
  entry *e = entries_at(c->entries, i);
  if (e->prev != none)
    entries_at(c->entries, e->prev)->next = e->next;
  else
    c->head = e->next;
  if (e->next != none)
    entries_at(c->entries, e->next)->prev = e->prev;
  else
    c->tail = e->prev;
  e->prev = none;
  e->next = none;
}

static void pushFront(LRU *c, ptrdiff_t i) {
  entry *e = entries_at(c->entries, i);
  e->prev = none;
  e->next = c->head;
  if (c->head != none)
    entries_at(c->entries, c->head)->prev = i;
  c->head = i;
  if (c->tail == none)
    c->tail = i;
}

static bool Get(LRU *c, sg_str key, ptrdiff_t *val) {
  ptrdiff_t i;
  if (!slotmap_lookup(c->index, key, &i)) {
    c->misses++;
    *val = 0;
    return false;
  }
  c->hits++;
  unlink_entry(c, i);
  pushFront(c, i);
  *val = entries_get(c->entries, i).val;
  return true;
}

static ptrdiff_t alloc_slot(LRU *c, sg_str key, ptrdiff_t val) {
  ptrdiff_t n = c->free.len;
  if (n > 0) {
    ptrdiff_t i = ints_get(c->free, n - 1);
    c->free = ints_slice(c->free, 0, n - 1);
    entries_set(c->entries, i,
                (entry){.key = key, .val = val, .prev = none, .next = none});
    return i;
  }
  c->entries = entries_append(
      c->a, c->entries,
      (entry){.key = key, .val = val, .prev = none, .next = none});
  return c->entries.len - 1;
}

static void release(LRU *c, ptrdiff_t i) {
  unlink_entry(c, i);
  slotmap_del(c->index, entries_get(c->entries, i).key);
  entries_set(c->entries, i, (entry){.prev = none, .next = none});
  c->free = ints_append(c->a, c->free, i);
}

static void evict(LRU *c) {
  if (c->tail == none)
    return;
  release(c, c->tail);
  c->evictions++;
}

static void Put(LRU *c, sg_str key, ptrdiff_t val) {
  ptrdiff_t i;
  if (slotmap_lookup(c->index, key, &i)) {
    entries_at(c->entries, i)->val = val;
    unlink_entry(c, i);
    pushFront(c, i);
    return;
  }
  while (slotmap_len(c->index) >= c->capacity)
    evict(c);
  i = alloc_slot(c, key, val);
  slotmap_put(c->index, key, i);
  pushFront(c, i);
}

static bool Remove(LRU *c, sg_str key) {
  ptrdiff_t i;
  if (!slotmap_lookup(c->index, key, &i))
    return false;
  release(c, i);
  return true;
}

static strs Keys(LRU *c) {
  strs keys = strs_make(c->a, 0, slotmap_len(c->index));
  for (ptrdiff_t i = c->head; i != none; i = entries_get(c->entries, i).next)
    keys = strs_append(c->a, keys, entries_get(c->entries, i).key);
  return keys;
}

static void Resize(LRU *c, ptrdiff_t n) {
  c->capacity = n;
  while (slotmap_len(c->index) > n)
    evict(c);
}

// Compact moves the live entries to the front of a fresh slice in list
// order, drops the free list and renumbers the index in place.
static void Compact(LRU *c) {
  ints remap = ints_make(c->a, c->entries.len, c->entries.len);
  entries fresh = entries_make(c->a, 0, slotmap_len(c->index));
  for (ptrdiff_t i = c->head; i != none; i = entries_get(c->entries, i).next) {
    ints_set(remap, i, fresh.len);
    fresh = entries_append(c->a, fresh, entries_get(c->entries, i));
  }
  for (ptrdiff_t j = 0; j < fresh.len; j++) {
    entry *e = entries_at(fresh, j);
    e->prev = j - 1;
    e->next = j + 1;
  }
  if (fresh.len > 0) {
    entries_at(fresh, fresh.len - 1)->next = none;
    c->head = 0;
    c->tail = fresh.len - 1;
  } else {
    c->head = none;
    c->tail = none;
  }
  sg_range(slotmap, c->index, it) {
    slotmap_put(c->index, it.key, ints_get(remap, it.val));
  }
  c->entries = fresh;
  c->free = ints_slice(c->free, 0, 0);
}

// Buckets groups the keys by val/width, most recent first in each bucket.
static bucketmap Buckets(LRU *c, ptrdiff_t width) {
  bucketmap out = bucketmap_make(c->a, 0);
  for (ptrdiff_t i = c->head; i != none; i = entries_get(c->entries, i).next) {
    ptrdiff_t b = entries_get(c->entries, i).val / width;
    bucketmap_put(out, b,
                  strs_append(c->a, bucketmap_get(out, b),
                              entries_get(c->entries, i).key));
  }
  return out;
}

static const char *check(LRU *c) {
  ptrdiff_t n = 0;
  ptrdiff_t prev = none;
  for (ptrdiff_t i = c->head; i != none; i = entries_get(c->entries, i).next) {
    if (entries_get(c->entries, i).prev != prev)
      return "broken prev link";
    ptrdiff_t j;
    if (!slotmap_lookup(c->index, entries_get(c->entries, i).key, &j) || j != i)
      return "index mismatch";
    prev = i;
    n++;
  }
  if (prev != c->tail || n != slotmap_len(c->index))
    return "broken list";
  return "ok";
}

static uint32_t seed = 12345;

static ptrdiff_t rnd(ptrdiff_t n) {
  seed = seed * 1103515245u + 12345u;
  return (ptrdiff_t)((seed >> 16) % (uint32_t)n);
}

static void print_joined(strs s, const char *sep) {
  for (ptrdiff_t i = 0; i < s.len; i++) {
    sg_str k = strs_get(s, i);
    printf("%s%.*s", i ? sep : "", (int)k.len, k.ptr);
  }
}

static void show(LRU *c) {
  printf("keys=[");
  print_joined(Keys(c), " ");
  printf("] len=%td cap=%td slots=%td free=%td %s\n", slotmap_len(c->index),
         c->capacity, c->entries.len, c->free.len, check(c));
}

// sprintf_key is fmt.Sprintf("k%d", n): a fresh string in the arena.
static sg_str sprintf_key(sg_arena *a, ptrdiff_t n) {
  char tmp[32];
  int len = snprintf(tmp, sizeof tmp, "k%td", n);
  char *p = sg_arena_alloc(a, (size_t)len);
  memcpy(p, tmp, (size_t)len);
  return sg_str_make(p, len);
}

static int cmp_ints(const void *x, const void *y) {
  ptrdiff_t a = *(const ptrdiff_t *)x, b = *(const ptrdiff_t *)y;
  return (a > b) - (a < b);
}

int main(void) {
  sg_arena *a = sg_arena_new();
  LRU *c = NewLRU(a, 8);
  ptrdiff_t sum = 0;
  for (ptrdiff_t step = 0; step < 3000; step++) {
    sg_str key = sprintf_key(a, rnd(24));
    ptrdiff_t op = rnd(10);
    if (op < 5) {
      ptrdiff_t v;
      if (Get(c, key, &v))
        sum += v;
    } else if (op < 9) {
      Put(c, key, step);
    } else {
      if (Remove(c, key))
        sum -= 1;
    }
    if (step == 1000)
      Resize(c, 4);
    if (step == 2000) {
      Resize(c, 12);
      Compact(c);
    }
    if (step % 250 == 0) {
      printf("step %td: ", step);
      show(c);
    }
  }
  printf("hits=%td misses=%td evictions=%td sum=%td\n", c->hits, c->misses,
         c->evictions, sum);
  Compact(c);
  show(c);
  bucketmap buckets = Buckets(c, 50);
  ints ids = {0};
  sg_range(bucketmap, buckets, it) { ids = ints_append(a, ids, it.key); }
  qsort(ids.ptr, (size_t)ids.len, sizeof(ptrdiff_t), cmp_ints);
  for (ptrdiff_t i = 0; i < ids.len; i++) {
    ptrdiff_t b = ints_get(ids, i);
    printf("bucket %td: ", b);
    print_joined(bucketmap_get(buckets, b), ",");
    printf("\n");
  }
  Resize(c, 0);
  show(c);
  sg_arena_free(a);
  return 0;
}
