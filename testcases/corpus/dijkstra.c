// Dijkstra's shortest paths over a map of adjacency slices, with a
// container/heap priority queue that supports decrease-key (heap.Fix).
// Port of dijkstra.go; container/heap's Init, Push, Pop, Remove, Fix, up
// and down are ported over the queue's slice (heap.go, Go 1.19).
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/dijkstra.go > %t.go.out
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

typedef struct edge {
  sg_str to;
  ptrdiff_t weight;
} edge;

#define SG_SLICE edges
#define SG_ELEM edge
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP adjmap
#define SG_KEY sg_str
#define SG_VAL edges
#include <sliceguard/map.h>

#define SG_MAP distmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

#define SG_MAP prevmap
#define SG_KEY sg_str
#define SG_VAL sg_str
#include <sliceguard/map.h>

#define SG_MAP setmap
#define SG_KEY sg_str
#define SG_VAL bool
#include <sliceguard/map.h>

// An Item is something we manage in a priority queue.
typedef struct Item {
  sg_str node;
  ptrdiff_t dist;
  ptrdiff_t index; // maintained by the heap methods
} Item;

#define SG_SLICE PriorityQueue
#define SG_ELEM Item *
#include <sliceguard/slice.h>

#define SG_MAP itemmap
#define SG_KEY sg_str
#define SG_VAL Item *
#include <sliceguard/map.h>

typedef struct Graph {
  adjmap adj;
  strs nodes;
} Graph;

static Graph *NewGraph(sg_arena *a) {
  Graph *g = sg_arena_alloc(a, sizeof *g);
  g->adj = adjmap_make(a, 0);
  return g;
}

static void addNode(sg_arena *a, Graph *g, sg_str n) {
  if (!adjmap_lookup(g->adj, n, NULL)) {
    adjmap_put(g->adj, n, (edges){0});
    g->nodes = strs_append(a, g->nodes, n);
  }
}

static void AddEdge(sg_arena *a, Graph *g, sg_str from, sg_str to,
                    ptrdiff_t w) {
  addNode(a, g, from);
  addNode(a, g, to);
  adjmap_put(g->adj, from,
             edges_append(a, adjmap_get(g->adj, from), (edge){to, w}));
}

/* The heap.Interface methods of *PriorityQueue. */

static ptrdiff_t pq_Len(PriorityQueue *pq) { return pq->len; }

static bool pq_Less(PriorityQueue *pq, ptrdiff_t i, ptrdiff_t j) {
  Item *x = PriorityQueue_get(*pq, i), *y = PriorityQueue_get(*pq, j);
  if (x->dist != y->dist)
    return x->dist < y->dist;
  return sg_str_cmp(x->node, y->node) < 0;
}

static void pq_Swap(PriorityQueue *pq, ptrdiff_t i, ptrdiff_t j) {
  Item *t = PriorityQueue_get(*pq, i);
  PriorityQueue_set(*pq, i, PriorityQueue_get(*pq, j));
  PriorityQueue_set(*pq, j, t);
  PriorityQueue_get(*pq, i)->index = i;
  PriorityQueue_get(*pq, j)->index = j;
}

static void pq_Push(sg_arena *a, PriorityQueue *pq, Item *item) {
  ptrdiff_t n = pq->len;
  item->index = n;
  *pq = PriorityQueue_append(a, *pq, item);
}

static Item *pq_Pop(PriorityQueue *pq) {
  PriorityQueue old = *pq;
  ptrdiff_t n = old.len;
  Item *item = PriorityQueue_get(old, n - 1);
  PriorityQueue_set(old, n - 1, NULL);
  item->index = -1;
  *pq = PriorityQueue_slice(old, 0, n - 1);
  return item;
}

/* container/heap over that interface. */

static void heap_up(PriorityQueue *h, ptrdiff_t j) {
  for (;;) {
    ptrdiff_t i = (j - 1) / 2; // parent
    if (i == j || !pq_Less(h, j, i))
      break;
    pq_Swap(h, i, j);
    j = i;
  }
}

static bool heap_down(PriorityQueue *h, ptrdiff_t i0, ptrdiff_t n) {
  ptrdiff_t i = i0;
  for (;;) {
    ptrdiff_t j1 = 2 * i + 1;
    if (j1 >= n || j1 < 0)
      break;
    ptrdiff_t j = j1; // left child
    ptrdiff_t j2 = j1 + 1;
    if (j2 < n && pq_Less(h, j2, j1))
      j = j2; // right child
    if (!pq_Less(h, j, i))
      break;
    pq_Swap(h, i, j);
    i = j;
  }
  return i > i0;
}

static void heap_Init(PriorityQueue *h) {
  ptrdiff_t n = pq_Len(h);
  for (ptrdiff_t i = n / 2 - 1; i >= 0; i--)
    heap_down(h, i, n);
}

static void heap_Push(sg_arena *a, PriorityQueue *h, Item *x) {
  pq_Push(a, h, x);
  heap_up(h, pq_Len(h) - 1);
}

static Item *heap_Pop(PriorityQueue *h) {
  ptrdiff_t n = pq_Len(h) - 1;
  pq_Swap(h, 0, n);
  heap_down(h, 0, n);
  return pq_Pop(h);
}

static Item *heap_Remove(PriorityQueue *h, ptrdiff_t i) {
  ptrdiff_t n = pq_Len(h) - 1;
  if (n != i) {
    pq_Swap(h, i, n);
    if (!heap_down(h, i, n))
      heap_up(h, i);
  }
  return pq_Pop(h);
}

static void heap_Fix(PriorityQueue *h, ptrdiff_t i) {
  if (!heap_down(h, i, pq_Len(h)))
    heap_up(h, i);
}

typedef struct Result {
  distmap dist;
  prevmap prev;
  ptrdiff_t pops;
  ptrdiff_t fixes;
} Result;

static Item *new_item(sg_arena *a, sg_str node, ptrdiff_t dist) {
  Item *it = sg_arena_alloc(a, sizeof *it);
  *it = (Item){.node = node, .dist = dist};
  return it;
}

static Result Dijkstra(sg_arena *a, Graph *g, sg_str src) {
  Result res = {.dist = distmap_make(a, 0), .prev = prevmap_make(a, 0)};
  itemmap items = itemmap_make(a, 0);
  PriorityQueue pq = PriorityQueue_make(a, 0, g->nodes.len);
  distmap_put(res.dist, src, 0);
  Item *it = new_item(a, src, 0);
  itemmap_put(items, src, it);
  heap_Push(a, &pq, it);
  setmap done = setmap_make(a, 0);
  while (pq_Len(&pq) > 0) {
    Item *u = heap_Pop(&pq);
    res.pops++;
    setmap_put(done, u->node, true);
    edges adj = adjmap_get(g->adj, u->node);
    for (ptrdiff_t i = 0; i < adj.len; i++) {
      edge e = edges_get(adj, i);
      if (setmap_get(done, e.to))
        continue;
      ptrdiff_t nd = u->dist + e.weight;
      ptrdiff_t d;
      if (distmap_lookup(res.dist, e.to, &d) && d <= nd)
        continue;
      distmap_put(res.dist, e.to, nd);
      prevmap_put(res.prev, e.to, u->node);
      Item *v;
      if (itemmap_lookup(items, e.to, &v)) {
        v->dist = nd;
        heap_Fix(&pq, v->index);
        res.fixes++;
      } else {
        v = new_item(a, e.to, nd);
        itemmap_put(items, e.to, v);
        heap_Push(a, &pq, v);
      }
    }
  }
  return res;
}

static strs path(sg_arena *a, Result res, sg_str dst) {
  strs p = {0};
  for (sg_str n = dst;;) {
    p = strs_append(a, p, n);
    sg_str prev;
    if (!prevmap_lookup(res.prev, n, &prev))
      break;
    n = prev;
  }
  for (ptrdiff_t i = 0, j = p.len - 1; i < j; i++, j--) {
    sg_str t = strs_get(p, i);
    strs_set(p, i, strs_get(p, j));
    strs_set(p, j, t);
  }
  return p;
}

static uint32_t seed = 2024;

static ptrdiff_t rnd(ptrdiff_t n) {
  seed = seed * 1664525u + 1013904223u;
  return (ptrdiff_t)((seed >> 8) % (uint32_t)n);
}

// sprintf_str is fmt.Sprintf for short strings: a fresh string in the arena.
static sg_str sprintf_str(sg_arena *a, const char *fmt, ptrdiff_t x, sg_str s) {
  char tmp[64];
  int len = snprintf(tmp, sizeof tmp, fmt, x, (int)s.len, s.ptr);
  char *p = sg_arena_alloc(a, (size_t)len);
  memcpy(p, tmp, (size_t)len);
  return sg_str_make(p, len);
}

static sg_str name(sg_arena *a, ptrdiff_t i) {
  return sprintf_str(a, "n%02td%.*s", i, SG_STR(""));
}

static int cmp_strs(const void *x, const void *y) {
  return sg_str_cmp(*(const sg_str *)x, *(const sg_str *)y);
}

static void print_joined(strs s, const char *sep) {
  for (ptrdiff_t i = 0; i < s.len; i++) {
    sg_str k = strs_get(s, i);
    printf("%s%.*s", i ? sep : "", (int)k.len, k.ptr);
  }
}

int main(void) {
  sg_arena *a = sg_arena_new();
  Graph *g = NewGraph(a);
  enum { N = 40 };
  for (ptrdiff_t i = 0; i < N; i++)
    addNode(a, g, name(a, i));
  for (ptrdiff_t i = 0; i < N * 4; i++) {
    ptrdiff_t x = rnd(N), y = rnd(N);
    if (x == y)
      continue;
    AddEdge(a, g, name(a, x), name(a, y), 1 + rnd(50));
  }
  for (ptrdiff_t i = 0; i + 1 < N; i += 3)
    AddEdge(a, g, name(a, i), name(a, i + 1), 100);
  printf("nodes=%td\n", g->nodes.len);
  sg_str srcs[] = {SG_STR("n00"), SG_STR("n07"), SG_STR("n33")};
  for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
    sg_str src = srcs[s];
    Result res = Dijkstra(a, g, src);
    strs keys = {0};
    sg_range(distmap, res.dist, it) { keys = strs_append(a, keys, it.key); }
    qsort(keys.ptr, (size_t)keys.len, sizeof(sg_str), cmp_strs);
    printf("from %.*s: reached=%td pops=%td fixes=%td\n", (int)src.len, src.ptr,
           keys.len, res.pops, res.fixes);
    for (ptrdiff_t i = 0; i < keys.len; i++) {
      sg_str k = strs_get(keys, i);
      printf("  %.*s %td ", (int)k.len, k.ptr, distmap_get(res.dist, k));
      print_joined(path(a, res, k), ">");
      printf("\n");
    }
  }
  // Heap sanity: heap.Init over a shuffled slice and pop everything.
  PriorityQueue pq = PriorityQueue_make(a, 0, 0);
  for (ptrdiff_t i = 0; i < 25; i++) {
    Item *it = new_item(a, name(a, i), rnd(30));
    it->index = i;
    pq = PriorityQueue_append(a, pq, it);
  }
  heap_Init(&pq);
  heap_Remove(&pq, 5);
  strs out = {0};
  while (pq_Len(&pq) > 0) {
    Item *it = heap_Pop(&pq);
    out = strs_append(a, out, sprintf_str(a, "%td:%.*s", it->dist, it->node));
  }
  print_joined(out, " ");
  printf("\n");
  sg_arena_free(a);
  return 0;
}
