/* impl_floor.c - the append floor: what a careful C programmer writes by
 * hand for "push onto a growable array that lives in an arena".
 *
 * A bump arena of chained blocks; the array doubles when full, extending in
 * place when it is the newest allocation and its block has room, and
 * otherwise moving to fresh space with memcpy (the old copy is left for the
 * arena to free, exactly as sliceguard's append does).  The push itself is
 * one compare and one store.  Nothing here is generic or checked, which is
 * what makes it a floor. */
#include "bench.h"

#include <stdlib.h>
#include <string.h>

typedef struct floor_block {
  struct floor_block *prev;
  char *top, *end;
  char data[];
} floor_block;

typedef struct floor_arena {
  floor_block *head;
} floor_arena;

static floor_block *floor_block_new(floor_block *prev, size_t bytes) {
  floor_block *b = malloc(sizeof *b + bytes);
  if (!b)
    abort();
  b->prev = prev;
  b->top = b->data;
  b->end = b->data + bytes;
  return b;
}

static void *floor_alloc(floor_arena *a, size_t bytes) {
  bytes = (bytes + 15) & ~(size_t)15;
  floor_block *b = a->head;
  if (!b || (size_t)(b->end - b->top) < bytes) {
    size_t size = b ? (size_t)(b->end - b->data) * 2 : 4096;
    while (size < bytes)
      size *= 2;
    b = a->head = floor_block_new(b, size);
  }
  void *p = b->top;
  b->top += bytes;
  return p;
}

static void floor_arena_free(floor_arena *a) {
  for (floor_block *b = a->head, *prev; b; b = prev) {
    prev = b->prev;
    free(b);
  }
  a->head = NULL;
}

typedef struct floor_vec {
  uint64_t *ptr;
  size_t len, cap;
} floor_vec;

/* Kept out of line so the push loop stays a compare and a store. */
static __attribute__((noinline)) void floor_grow(floor_arena *a, floor_vec *v) {
  size_t old_bytes = v->cap * sizeof *v->ptr;
  size_t new_cap = v->cap ? v->cap * 2 : 8;
  size_t new_bytes = new_cap * sizeof *v->ptr;
  floor_block *b = a->head;
  if (b && (char *)v->ptr + ((old_bytes + 15) & ~(size_t)15) == b->top &&
      (size_t)(b->end - (char *)v->ptr) >= new_bytes) {
    b->top = (char *)v->ptr + ((new_bytes + 15) & ~(size_t)15);
  } else {
    uint64_t *p = floor_alloc(a, new_bytes);
    if (v->len)
      memcpy(p, v->ptr, v->len * sizeof *p);
    v->ptr = p;
  }
  v->cap = new_cap;
}

static void push_round(const bench_input *in, bench_round *r) {
  const size_t n = in->n;
  floor_arena arena = {0};
  uint64_t t = bench_now();
  floor_vec v = {0};
  for (size_t i = 0; i < n; i++) {
    if (v.len == v.cap)
      floor_grow(&arena, &v);
    v.ptr[v.len++] = i + 1;
  }
  bench_lap(r, BENCH_INSERT, t);
  uint64_t sum = 0;
  for (size_t i = 0; i < v.len; i++)
    sum += v.ptr[i];
  r->check[BENCH_INSERT] += sum;
  floor_arena_free(&arena);
}

const bench_impl bench_floor = {"floor", NULL, NULL, push_round};
