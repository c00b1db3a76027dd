// A port of container/heap (Go 1.19, src/container/heap/heap.go): Init,
// Push, Pop, Remove, Fix, up and down over heap.Interface, which becomes a
// struct of function pointers; `any` becomes a pointer to a boxed value.
// main runs the package's priority-queue example (a slice of *Item kept
// through a pointer receiver), an int heap with Remove and Fix, Dijkstra
// over a map of edge slices and a k-way merge.  The Go original of main
// is heap.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/heap.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

typedef void *any;

/* ---- container/heap ---------------------------------------------------- */

// The Interface type describes the requirements for a type using the
// routines in this package.  Note that Push and Pop in this interface are
// for package heap's implementation to call.  To add and remove things
// from the heap, use heap.Push and heap.Pop.
typedef struct Interface {
  void *self;
  ptrdiff_t (*Len)(void *self);
  bool (*Less)(void *self, ptrdiff_t i, ptrdiff_t j);
  void (*Swap)(void *self, ptrdiff_t i, ptrdiff_t j);
  void (*Push)(void *self, any x); // add x as element Len()
  any (*Pop)(void *self);          // remove and return element Len() - 1.
} Interface;

#define LEN(h) ((h).Len((h).self))
#define LESS(h, i, j) ((h).Less((h).self, (i), (j)))
#define SWAP(h, i, j) ((h).Swap((h).self, (i), (j)))

static void up(Interface h, ptrdiff_t j) {
  for (;;) {
    ptrdiff_t i = (j - 1) / 2; // parent
    if (i == j || !LESS(h, j, i))
      break;
    SWAP(h, i, j);
    j = i;
  }
}

static bool down(Interface h, ptrdiff_t i0, ptrdiff_t n) {
  ptrdiff_t i = i0;
  for (;;) {
    ptrdiff_t j1 = 2 * i + 1;
    if (j1 >= n || j1 < 0) // j1 < 0 after int overflow
      break;
    ptrdiff_t j = j1; // left child
    ptrdiff_t j2 = j1 + 1;
    if (j2 < n && LESS(h, j2, j1))
      j = j2; // = 2*i + 2  // right child
    if (!LESS(h, j, i))
      break;
    SWAP(h, i, j);
    i = j;
  }
  return i > i0;
}

// Init establishes the heap invariants required by the other routines in
// this package.  The complexity is O(n) where n = h.Len().
static void Init(Interface h) {
  // heapify
  ptrdiff_t n = LEN(h);
  for (ptrdiff_t i = n / 2 - 1; i >= 0; i--)
    down(h, i, n);
}

// Push pushes the element x onto the heap.
static void Push(Interface h, any x) {
  h.Push(h.self, x);
  up(h, LEN(h) - 1);
}

// Pop removes and returns the minimum element (according to Less) from
// the heap.  Pop is equivalent to Remove(h, 0).
static any Pop(Interface h) {
  ptrdiff_t n = LEN(h) - 1;
  SWAP(h, 0, n);
  down(h, 0, n);
  return h.Pop(h.self);
}

// Remove removes and returns the element at index i from the heap.
static any Remove(Interface h, ptrdiff_t i) {
  ptrdiff_t n = LEN(h) - 1;
  if (n != i) {
    SWAP(h, i, n);
    if (!down(h, i, n))
      up(h, i);
  }
  return h.Pop(h.self);
}

// Fix re-establishes the heap ordering after the element at index i has
// changed its value.
static void Fix(Interface h, ptrdiff_t i) {
  if (!down(h, i, LEN(h)))
    up(h, i);
}

/* ---- the priority queue of the package example ------------------------- */

// An Item is something we manage in a priority queue.
typedef struct Item {
  sg_str value;       // The value of the item; arbitrary.
  ptrdiff_t priority; // The priority of the item in the queue.
  // The index is needed by update and is maintained by the heap.Interface
  // methods.
  ptrdiff_t index; // The index of the item in the heap.
} Item;

#define SG_SLICE PriorityQueue
#define SG_ELEM Item *
#include <sliceguard/slice.h>

static ptrdiff_t pq_Len(void *self) { return ((PriorityQueue *)self)->len; }

static bool pq_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  PriorityQueue pq = *(PriorityQueue *)self;
  // We want Pop to give us the highest, not lowest, priority so we use
  // greater than here.
  return PriorityQueue_get(pq, i)->priority >
         PriorityQueue_get(pq, j)->priority;
}

static void pq_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  PriorityQueue pq = *(PriorityQueue *)self;
  Item *t = PriorityQueue_get(pq, i);
  PriorityQueue_set(pq, i, PriorityQueue_get(pq, j));
  PriorityQueue_set(pq, j, t);
  PriorityQueue_get(pq, i)->index = i;
  PriorityQueue_get(pq, j)->index = j;
}

/* The receiver: the slice first, so that the value-receiver methods
 * (Len, Less, Swap) read it through self; Push and Pop also need the
 * arena, as Go's append needs the heap. */
typedef struct pqRecv {
  PriorityQueue pq;
  sg_arena *ar;
} pqRecv;

static void pq_Push(void *self, any x) {
  pqRecv *r = self;
  ptrdiff_t n = r->pq.len;
  Item *item = x;
  item->index = n;
  r->pq = PriorityQueue_append(r->ar, r->pq, item);
}

static any pq_Pop(void *self) {
  pqRecv *r = self;
  PriorityQueue old = r->pq;
  ptrdiff_t n = old.len;
  Item *item = PriorityQueue_get(old, n - 1);
  PriorityQueue_set(old, n - 1, NULL); // avoid memory leak
  item->index = -1;                    // for safety
  r->pq = PriorityQueue_slice(old, 0, n - 1);
  return item;
}

static Interface pq_heap(pqRecv *r) {
  Interface h = {r, pq_Len, pq_Less, pq_Swap, pq_Push, pq_Pop};
  return h;
}

// update modifies the priority and value of an Item in the queue.
static void pq_update(pqRecv *r, Item *item, sg_str value, ptrdiff_t priority) {
  item->value = value;
  item->priority = priority;
  Fix(pq_heap(r), item->index);
}

/* ---- an int heap ------------------------------------------------------- */

#define SG_SLICE IntHeap
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

typedef struct intRecv {
  IntHeap h; /* first: Len/Less/Swap read the slice through self */
  sg_arena *ar;
} intRecv;

static ptrdiff_t ih_Len(void *self) { return ((IntHeap *)self)->len; }
static bool ih_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  IntHeap h = *(IntHeap *)self;
  return IntHeap_get(h, i) < IntHeap_get(h, j);
}
static void ih_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  IntHeap h = *(IntHeap *)self;
  ptrdiff_t t = IntHeap_get(h, i);
  IntHeap_set(h, i, IntHeap_get(h, j));
  IntHeap_set(h, j, t);
}
static void ih_Push(void *self, any x) {
  intRecv *r = self;
  r->h = IntHeap_append(r->ar, r->h, *(ptrdiff_t *)x);
}
static any ih_Pop(void *self) {
  intRecv *r = self;
  IntHeap old = r->h;
  ptrdiff_t n = old.len;
  ptrdiff_t *x = sg_arena_alloc(r->ar, sizeof *x);
  *x = IntHeap_get(old, n - 1);
  r->h = IntHeap_slice(old, 0, n - 1);
  return x;
}
static Interface ih_heap(intRecv *r) {
  Interface h = {r, ih_Len, ih_Less, ih_Swap, ih_Push, ih_Pop};
  return h;
}

static any box_int(sg_arena *ar, ptrdiff_t v) {
  ptrdiff_t *p = sg_arena_alloc(ar, sizeof *p);
  *p = v;
  return p;
}

/* ---- Dijkstra ---------------------------------------------------------- */

typedef struct edge {
  sg_str to;
  ptrdiff_t cost;
} edge;

#define SG_SLICE edges
#define SG_ELEM edge
#include <sliceguard/slice.h>

#define SG_MAP graphmap
#define SG_KEY sg_str
#define SG_VAL edges
#include <sliceguard/map.h>

#define SG_MAP distmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

typedef struct visit {
  sg_str node;
  ptrdiff_t dist;
} visit;

#define SG_SLICE visits
#define SG_ELEM visit
#include <sliceguard/slice.h>

typedef struct visitRecv {
  visits v;
  sg_arena *ar;
} visitRecv;

static ptrdiff_t v_Len(void *self) { return ((visits *)self)->len; }
static bool v_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  visits v = *(visits *)self;
  visit a = visits_get(v, i), b = visits_get(v, j);
  return a.dist < b.dist ||
         (a.dist == b.dist && sg_str_cmp(a.node, b.node) < 0);
}
static void v_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  visits v = *(visits *)self;
  visit t = visits_get(v, i);
  visits_set(v, i, visits_get(v, j));
  visits_set(v, j, t);
}
static void v_Push(void *self, any x) {
  visitRecv *r = self;
  r->v = visits_append(r->ar, r->v, *(visit *)x);
}
static any v_Pop(void *self) {
  visitRecv *r = self;
  visits old = r->v;
  visit *x = sg_arena_alloc(r->ar, sizeof *x);
  *x = visits_get(old, old.len - 1);
  r->v = visits_slice(old, 0, old.len - 1);
  return x;
}

static distmap dijkstra(sg_arena *ar, graphmap graph, sg_str src) {
  distmap dist = distmap_make(ar, 0);
  distmap_put(dist, src, 0);
  visitRecv r = {{0}, ar};
  r.v = visits_append(ar, r.v, (visit){src, 0});
  Interface h = {&r, v_Len, v_Less, v_Swap, v_Push, v_Pop};
  while (LEN(h) > 0) {
    visit cur = *(visit *)Pop(h);
    ptrdiff_t d;
    if (distmap_lookup(dist, cur.node, &d) && d < cur.dist)
      continue;
    edges es = graphmap_get(graph, cur.node);
    for (ptrdiff_t i = 0; i < es.len; i++) {
      edge e = edges_get(es, i);
      ptrdiff_t nd = cur.dist + e.cost;
      if (!distmap_lookup(dist, e.to, &d) || nd < d) {
        distmap_put(dist, e.to, nd);
        visit *v = sg_arena_alloc(ar, sizeof *v);
        *v = (visit){e.to, nd};
        Push(h, v);
      }
    }
  }
  return dist;
}

static void addEdge(sg_arena *ar, graphmap graph, sg_str a, sg_str b,
                    ptrdiff_t c) {
  graphmap_put(graph, a,
               edges_append(ar, graphmap_get(graph, a), (edge){b, c}));
  graphmap_put(graph, b,
               edges_append(ar, graphmap_get(graph, b), (edge){a, c}));
}

/* ---- k-way merge ------------------------------------------------------- */

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_SLICE intlists
#define SG_ELEM ints
#include <sliceguard/slice.h>

typedef struct cursor {
  ints list;
  ptrdiff_t pos;
} cursor;

#define SG_SLICE cursors
#define SG_ELEM cursor *
#include <sliceguard/slice.h>

typedef struct cursorRecv {
  cursors c;
  sg_arena *ar;
} cursorRecv;

static ptrdiff_t c_Len(void *self) { return ((cursors *)self)->len; }
static bool c_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  cursors c = *(cursors *)self;
  cursor *a = cursors_get(c, i), *b = cursors_get(c, j);
  return ints_get(a->list, a->pos) < ints_get(b->list, b->pos);
}
static void c_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  cursors c = *(cursors *)self;
  cursor *t = cursors_get(c, i);
  cursors_set(c, i, cursors_get(c, j));
  cursors_set(c, j, t);
}
static void c_Push(void *self, any x) {
  cursorRecv *r = self;
  r->c = cursors_append(r->ar, r->c, x);
}
static any c_Pop(void *self) {
  cursorRecv *r = self;
  cursors old = r->c;
  cursor *x = cursors_get(old, old.len - 1);
  r->c = cursors_slice(old, 0, old.len - 1);
  return x;
}

static ints merge(sg_arena *ar, intlists lists) {
  cursorRecv r = {{0}, ar};
  for (ptrdiff_t i = 0; i < lists.len; i++) {
    ints l = intlists_get(lists, i);
    if (l.len > 0) {
      cursor *c = sg_arena_alloc(ar, sizeof *c);
      c->list = l;
      r.c = cursors_append(ar, r.c, c);
    }
  }
  Interface h = {&r, c_Len, c_Less, c_Swap, c_Push, c_Pop};
  Init(h);
  ints out = {0};
  while (LEN(h) > 0) {
    cursor *c = cursors_get(r.c, 0);
    out = ints_append(ar, out, ints_get(c->list, c->pos));
    c->pos++;
    if (c->pos == c->list.len)
      Pop(h);
    else
      Fix(h, 0);
  }
  return out;
}

/* ---- the program ------------------------------------------------------- */

static sg_str sprint(sg_arena *ar, const char *format, long v) {
  char tmp[32];
  int n = snprintf(tmp, sizeof tmp, format, v);
  char *p = sg_arena_alloc(ar, (size_t)n);
  memcpy(p, tmp, (size_t)n);
  return sg_str_make(p, n);
}

static void printInts(const char *tag, ints v) {
  printf("%s [", tag);
  for (ptrdiff_t i = 0; i < v.len; i++)
    printf("%s%ld", i ? " " : "", (long)ints_get(v, i));
  printf("]\n");
}

#define SG_MAP fruitmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

static void example(sg_arena *ar) {
  // Some items and their priorities.
  fruitmap items = fruitmap_make(ar, 0);
  fruitmap_put(items, SG_STR("banana"), 3);
  fruitmap_put(items, SG_STR("apple"), 2);
  fruitmap_put(items, SG_STR("pear"), 4);

  // Create a priority queue, put the items in it, and establish the
  // priority queue (heap) invariants.
  pqRecv pq = {PriorityQueue_make(ar, fruitmap_len(items), fruitmap_len(items)),
               ar};
  ptrdiff_t i = 0;
  sg_range(fruitmap, items, it) {
    Item *item = sg_arena_alloc(ar, sizeof *item);
    *item = (Item){it.key, it.val, i};
    PriorityQueue_set(pq.pq, i, item);
    i++;
  }
  Init(pq_heap(&pq));

  // Insert a new item and then modify its priority.
  Item *item = sg_arena_alloc(ar, sizeof *item);
  *item = (Item){SG_STR("orange"), 1, 0};
  Push(pq_heap(&pq), item);
  pq_update(&pq, item, item->value, 5);

  // Take the items out; they arrive in decreasing priority order.
  while (pq.pq.len > 0) {
    Item *top = Pop(pq_heap(&pq));
    printf("%.2ld:%.*s ", (long)top->priority, (int)top->value.len,
           top->value.ptr);
  }
  printf("\n");
}

static void intheap(sg_arena *ar) {
  // An int heap grown one push at a time, with Remove and Fix.
  intRecv r = {{0}, ar};
  static const ptrdiff_t start[] = {5, 2, 8};
  r.h = IntHeap_append_n(ar, r.h, start, 3);
  Interface h = ih_heap(&r);
  Init(h);
  Push(h, box_int(ar, 3));
  printf("minimum: %ld len=%ld\n", (long)IntHeap_get(r.h, 0), (long)LEN(h));
  uint32_t seed = 7;
  for (int i = 0; i < 200; i++) {
    seed = seed * 1664525u + 1013904223u;
    Push(h, box_int(ar, (ptrdiff_t)(seed >> 20)));
  }
  ptrdiff_t removed = *(ptrdiff_t *)Remove(h, 17);
  IntHeap_set(r.h, 40, -1);
  Fix(h, 40);
  IntHeap_set(r.h, 0, 99999);
  Fix(h, 0);
  printf("removed %ld, len=%ld, top=%ld\n", (long)removed, (long)LEN(h),
         (long)IntHeap_get(r.h, 0));
  strs popped = {0};
  ptrdiff_t prev = -2;
  bool ordered = true;
  while (LEN(h) > 0) {
    ptrdiff_t x = *(ptrdiff_t *)Pop(h);
    if (x < prev)
      ordered = false;
    prev = x;
    if (popped.len < 12)
      popped = strs_append(ar, popped, sprint(ar, "%ld", (long)x));
  }
  printf("popped in order=%s first:", ordered ? "true" : "false");
  for (ptrdiff_t i = 0; i < popped.len; i++) {
    sg_str s = strs_get(popped, i);
    printf(" %.*s", (int)s.len, s.ptr);
  }
  printf(" last=%ld\n", (long)prev);
  Init(h);
  printf("empty init len=%ld\n", (long)LEN(h));
}

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

static void shortest(sg_arena *ar) {
  // Dijkstra over a graph kept as a map of edge slices.
  graphmap graph = graphmap_make(ar, 0);
  addEdge(ar, graph, SG_STR("a"), SG_STR("b"), 7);
  addEdge(ar, graph, SG_STR("a"), SG_STR("c"), 9);
  addEdge(ar, graph, SG_STR("a"), SG_STR("f"), 14);
  addEdge(ar, graph, SG_STR("b"), SG_STR("c"), 10);
  addEdge(ar, graph, SG_STR("b"), SG_STR("d"), 15);
  addEdge(ar, graph, SG_STR("c"), SG_STR("d"), 11);
  addEdge(ar, graph, SG_STR("c"), SG_STR("f"), 2);
  addEdge(ar, graph, SG_STR("d"), SG_STR("e"), 6);
  addEdge(ar, graph, SG_STR("e"), SG_STR("f"), 9);
  addEdge(ar, graph, SG_STR("g"), SG_STR("h"), 1);
  for (long i = 0; i < 30; i++) {
    addEdge(ar, graph, sprint(ar, "n%ld", i),
            sprint(ar, "n%ld", (i * 7 + 3) % 30), i % 5 + 1);
    if (i % 3 == 0)
      addEdge(ar, graph, sprint(ar, "n%ld", i), sprint(ar, "n%ld", i + 1), 2);
  }
  addEdge(ar, graph, SG_STR("e"), SG_STR("n0"), 4);
  distmap dist = dijkstra(ar, graph, SG_STR("a"));
  strs names = {0};
  sg_range(distmap, dist, it) names = strs_append(ar, names, it.key);
  qsort(names.ptr, (size_t)names.len, sizeof(sg_str),
        cmpstr); /* sort.Strings */
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str n = strs_get(names, i);
    printf("%.*s=%ld ", (int)n.len, n.ptr, (long)distmap_get(dist, n));
  }
  printf("\nreached %ld of %ld\n", (long)distmap_len(dist),
         (long)graphmap_len(graph));
}

static void merges(sg_arena *ar) {
  // k-way merge of sorted lists.
  static const ptrdiff_t l0[] = {1, 4, 9, 16}, l2[] = {2, 3, 5, 7, 11, 13},
                         l3[] = {0}, l4[] = {6, 8, 10, 12, 14, 15, 17};
  intlists lists = {0};
  lists = intlists_append(ar, lists, ints_append_n(ar, (ints){0}, l0, 4));
  lists = intlists_append(ar, lists, (ints){0});
  lists = intlists_append(ar, lists, ints_append_n(ar, (ints){0}, l2, 6));
  lists = intlists_append(ar, lists, ints_append_n(ar, (ints){0}, l3, 1));
  lists = intlists_append(ar, lists, ints_append_n(ar, (ints){0}, l4, 7));
  printInts("merged:", merge(ar, lists));
  printInts("merged none:", merge(ar, (intlists){0}));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  example(ar);
  intheap(ar);
  shortest(ar);
  merges(ar);
  sg_arena_free(ar);
  return 0;
}
