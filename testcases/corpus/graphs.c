// Three classic structures over slices and maps: a trie whose nodes live in
// one slice (children kept sorted by the SliceTricks insert), a union-find
// with path compression and union by rank, and Kahn's topological sort over
// a map of adjacency slices.  Port of graphs.go.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/graphs.go > %t.go.out
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

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

/* ---- trie ---- */

typedef struct trieNode {
  char label;
  bool terminal;
  ptrdiff_t count;
  ints children; // indices into Trie.nodes, sorted by label
} trieNode;

#define SG_SLICE trieNodes
#define SG_ELEM trieNode
#include <sliceguard/slice.h>

typedef struct Trie {
  trieNodes nodes;
} Trie;

static Trie *NewTrie(sg_arena *a) {
  Trie *t = sg_arena_alloc(a, sizeof *t);
  t->nodes = trieNodes_append(a, t->nodes, (trieNode){0});
  return t;
}

// child returns the index in n.children where label is or would be.
static ptrdiff_t child(Trie *t, ptrdiff_t n, char label, bool *ok) {
  ints ch = trieNodes_get(t->nodes, n).children;
  ptrdiff_t lo = 0, hi = ch.len;
  while (lo < hi) {
    ptrdiff_t m = (ptrdiff_t)((size_t)(lo + hi) >> 1);
    if (trieNodes_get(t->nodes, ints_get(ch, m)).label < label)
      lo = m + 1;
    else
      hi = m;
  }
  *ok = lo < ch.len && trieNodes_get(t->nodes, ints_get(ch, lo)).label == label;
  return lo;
}

static bool Insert(sg_arena *a, Trie *t, sg_str word) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < word.len; i++) {
    char c = word.ptr[i];
    bool ok;
    ptrdiff_t pos = child(t, n, c, &ok);
    if (!ok) {
      t->nodes = trieNodes_append(a, t->nodes, (trieNode){.label = c});
      ptrdiff_t id = t->nodes.len - 1;
      ints ch = trieNodes_get(t->nodes, n).children;
      ch = ints_append(a, ch, 0);
      ints_copy(ints_slice(ch, pos + 1, ch.len), ints_slice(ch, pos, ch.len));
      ints_set(ch, pos, id);
      trieNodes_at(t->nodes, n)->children = ch;
    }
    n = ints_get(trieNodes_get(t->nodes, n).children, pos);
    trieNodes_at(t->nodes, n)->count++;
  }
  if (trieNodes_get(t->nodes, n).terminal)
    return false;
  trieNodes_at(t->nodes, n)->terminal = true;
  return true;
}

static ptrdiff_t find(Trie *t, sg_str prefix) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < prefix.len; i++) {
    bool ok;
    ptrdiff_t pos = child(t, n, prefix.ptr[i], &ok);
    if (!ok)
      return -1;
    n = ints_get(trieNodes_get(t->nodes, n).children, pos);
  }
  return n;
}

// string(b): a fresh string with a copy of the bytes.
static sg_str string_of(sg_arena *a, bytes b) {
  bytes c = bytes_clone(a, b);
  return sg_str_make(c.ptr, c.len);
}

// The state the closure walk of WithPrefix captures.
typedef struct walker {
  sg_arena *a;
  Trie *t;
  strs out;
  bytes buf;
} walker;

static void walk(walker *w, ptrdiff_t n) {
  if (trieNodes_get(w->t->nodes, n).terminal)
    w->out = strs_append(w->a, w->out, string_of(w->a, w->buf));
  ints children = trieNodes_get(w->t->nodes, n).children;
  for (ptrdiff_t i = 0; i < children.len; i++) {
    ptrdiff_t c = ints_get(children, i);
    w->buf = bytes_append(w->a, w->buf, trieNodes_get(w->t->nodes, c).label);
    walk(w, c);
    w->buf = bytes_slice(w->buf, 0, w->buf.len - 1);
  }
}

// WithPrefix lists the words under prefix in order, reusing one buffer.
static strs WithPrefix(sg_arena *a, Trie *t, sg_str prefix) {
  ptrdiff_t n = find(t, prefix);
  if (n < 0)
    return (strs){0};
  walker w = {.a = a, .t = t};
  w.buf = bytes_append_n(a, w.buf, prefix.ptr, prefix.len);
  walk(&w, n);
  return w.out;
}

static ptrdiff_t CountPrefix(Trie *t, sg_str prefix) {
  ptrdiff_t n = find(t, prefix);
  if (n <= 0) {
    if (n == 0)
      return trieNodes_get(t->nodes, 0).count;
    return 0;
  }
  return trieNodes_get(t->nodes, n).count;
}

/* ---- union-find ---- */

typedef struct UnionFind {
  ints parent;
  ints rank;
  ptrdiff_t sets;
} UnionFind;

static UnionFind *NewUnionFind(sg_arena *a, ptrdiff_t n) {
  UnionFind *u = sg_arena_alloc(a, sizeof *u);
  *u = (UnionFind){
      .parent = ints_make(a, n, n), .rank = ints_make(a, n, n), .sets = n};
  for (ptrdiff_t i = 0; i < u->parent.len; i++)
    ints_set(u->parent, i, i);
  return u;
}

static ptrdiff_t Find(UnionFind *u, ptrdiff_t x) {
  ptrdiff_t root = x;
  while (ints_get(u->parent, root) != root)
    root = ints_get(u->parent, root);
  while (ints_get(u->parent, x) != root) {
    ptrdiff_t next = ints_get(u->parent, x);
    ints_set(u->parent, x, root);
    x = next;
  }
  return root;
}

static bool Union(UnionFind *u, ptrdiff_t a, ptrdiff_t b) {
  ptrdiff_t ra = Find(u, a), rb = Find(u, b);
  if (ra == rb)
    return false;
  if (ints_get(u->rank, ra) < ints_get(u->rank, rb)) {
    ptrdiff_t t = ra;
    ra = rb;
    rb = t;
  }
  ints_set(u->parent, rb, ra);
  if (ints_get(u->rank, ra) == ints_get(u->rank, rb))
    (*ints_at(u->rank, ra))++;
  u->sets--;
  return true;
}

// Add grows the structure by one singleton set.
static ptrdiff_t Add(sg_arena *a, UnionFind *u) {
  u->parent = ints_append(a, u->parent, u->parent.len);
  u->rank = ints_append(a, u->rank, 0);
  u->sets++;
  return u->parent.len - 1;
}

#define SG_MAP groupmap
#define SG_KEY ptrdiff_t
#define SG_VAL ints
#include <sliceguard/map.h>

static groupmap Groups(sg_arena *a, UnionFind *u) {
  groupmap g = groupmap_make(a, 0);
  for (ptrdiff_t i = 0; i < u->parent.len; i++) {
    ptrdiff_t r = Find(u, i);
    groupmap_put(g, r, ints_append(a, groupmap_get(g, r), i));
  }
  return g;
}

/* ---- topological sort ---- */

#define SG_MAP succmap
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

#define SG_MAP degmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

typedef struct DAG {
  succmap succ;
  degmap indeg;
} DAG;

static DAG *NewDAG(sg_arena *a) {
  DAG *d = sg_arena_alloc(a, sizeof *d);
  *d = (DAG){.succ = succmap_make(a, 0), .indeg = degmap_make(a, 0)};
  return d;
}

static void Edge(sg_arena *a, DAG *d, sg_str from, sg_str to) {
  if (!degmap_lookup(d->indeg, from, NULL))
    degmap_put(d->indeg, from, 0);
  succmap_put(d->succ, from, strs_append(a, succmap_get(d->succ, from), to));
  degmap_put(d->indeg, to, degmap_get(d->indeg, to) + 1);
}

// sort.SearchStrings
static ptrdiff_t SearchStrings(strs q, sg_str s) {
  ptrdiff_t lo = 0, hi = q.len;
  while (lo < hi) {
    ptrdiff_t h = (ptrdiff_t)((size_t)(lo + hi) >> 1);
    if (sg_str_cmp(strs_get(q, h), s) < 0)
      lo = h + 1;
    else
      hi = h;
  }
  return lo;
}

// insertSorted keeps the ready queue ordered so the result is unique.
static strs insertSorted(sg_arena *a, strs q, sg_str s) {
  ptrdiff_t i = SearchStrings(q, s);
  q = strs_append(a, q, SG_STR(""));
  strs_copy(strs_slice(q, i + 1, q.len), strs_slice(q, i, q.len));
  strs_set(q, i, s);
  return q;
}

static int cmp_strs(const void *x, const void *y) {
  return sg_str_cmp(*(const sg_str *)x, *(const sg_str *)y);
}

// sort.Strings (qsort must not see the nil slice's NULL pointer).
static void sort_Strings(strs s) {
  if (s.len > 1)
    qsort(s.ptr, (size_t)s.len, sizeof(sg_str), cmp_strs);
}

static strs Sort(sg_arena *a, DAG *d, strs *cyclicp) {
  degmap indeg = degmap_make(a, degmap_len(d->indeg));
  sg_range(degmap, d->indeg, it) { degmap_put(indeg, it.key, it.val); }
  strs queue = {0};
  sg_range(degmap, indeg, it) {
    if (it.val == 0)
      queue = insertSorted(a, queue, it.key);
  }
  strs order = {0};
  while (queue.len > 0) {
    sg_str n = strs_get(queue, 0);
    queue = strs_slice(queue, 1, queue.len);
    order = strs_append(a, order, n);
    strs succ = succmap_get(d->succ, n);
    for (ptrdiff_t i = 0; i < succ.len; i++) {
      sg_str m = strs_get(succ, i);
      degmap_put(indeg, m, degmap_get(indeg, m) - 1);
      if (degmap_get(indeg, m) == 0)
        queue = insertSorted(a, queue, m);
    }
  }
  strs cyclic = {0};
  sg_range(degmap, indeg, it) {
    if (it.val > 0)
      cyclic = strs_append(a, cyclic, it.key);
  }
  sort_Strings(cyclic);
  *cyclicp = cyclic;
  return order;
}

static uint32_t seed = 99;

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

static void print_ints(ints s) {
  printf("[");
  for (ptrdiff_t i = 0; i < s.len; i++)
    printf("%s%td", i ? " " : "", ints_get(s, i));
  printf("]");
}

static int cmp_ints(const void *x, const void *y) {
  ptrdiff_t a = *(const ptrdiff_t *)x, b = *(const ptrdiff_t *)y;
  return (a > b) - (a < b);
}

int main(void) {
  sg_arena *a = sg_arena_new();
  Trie *t = NewTrie(a);
  sg_str letters = SG_STR("abcde");
  ptrdiff_t added = 0;
  for (ptrdiff_t i = 0; i < 300; i++) {
    ptrdiff_t l = 1 + rnd(5);
    bytes w = {0};
    for (ptrdiff_t j = 0; j < l; j++)
      w = bytes_append(a, w, letters.ptr[rnd(letters.len)]);
    if (Insert(a, t, string_of(a, w)))
      added++;
  }
  printf("trie: added=%td nodes=%td\n", added, t->nodes.len);
  sg_str prefixes[] = {SG_STR(""),    SG_STR("a"),  SG_STR("ab"), SG_STR("cab"),
                       SG_STR("eee"), SG_STR("zz"), SG_STR("dd")};
  for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
    sg_str p = prefixes[k];
    strs words = WithPrefix(a, t, p);
    if (words.len > 12)
      words = strs_slice(words, 0, 12);
    printf("prefix \"%.*s\": count=%td first=", (int)p.len, p.ptr,
           CountPrefix(t, p));
    print_joined(words, ",");
    printf("\n");
  }

  UnionFind *u = NewUnionFind(a, 30);
  ptrdiff_t merged = 0;
  for (ptrdiff_t i = 0; i < 24; i++) {
    if (i % 10 == 9)
      Add(a, u);
    ptrdiff_t x = rnd(u->parent.len), y = rnd(u->parent.len);
    if (Union(u, x, y))
      merged++;
  }
  groupmap groups = Groups(a, u);
  ints roots = {0};
  sg_range(groupmap, groups, it) { roots = ints_append(a, roots, it.key); }
  qsort(roots.ptr, (size_t)roots.len, sizeof(ptrdiff_t), cmp_ints);
  printf("union-find: n=%td merged=%td sets=%td groups=%td\n", u->parent.len,
         merged, u->sets, groupmap_len(groups));
  for (ptrdiff_t i = 0; i < roots.len; i++) {
    ptrdiff_t r = ints_get(roots, i);
    printf("  %td: ", r);
    print_ints(groupmap_get(groups, r));
    printf("\n");
  }

  DAG *d = NewDAG(a);
  sg_str names[] = {SG_STR("lex"),     SG_STR("parse"), SG_STR("ast"),
                    SG_STR("types"),   SG_STR("ir"),    SG_STR("opt"),
                    SG_STR("codegen"), SG_STR("link"),  SG_STR("std"),
                    SG_STR("rt"),      SG_STR("asm"),   SG_STR("docs")};
  ptrdiff_t nnames = (ptrdiff_t)(sizeof names / sizeof names[0]);
  for (ptrdiff_t i = 1; i < nnames; i++) {
    for (int k = 0; k < 2; k++) {
      ptrdiff_t j = rnd(i);
      Edge(a, d, names[j], names[i]);
    }
  }
  strs cyclic;
  strs order = Sort(a, d, &cyclic);
  printf("topo: ");
  print_joined(order, " ");
  printf(" cyclic=[");
  print_joined(cyclic, " ");
  printf("]\n");
  Edge(a, d, SG_STR("docs"), SG_STR("opt"));
  Edge(a, d, SG_STR("opt"), SG_STR("docs"));
  order = Sort(a, d, &cyclic);
  printf("topo: ");
  print_joined(order, " ");
  printf(" cyclic=[");
  print_joined(cyclic, " ");
  printf("]\n");
  sg_arena_free(a);
  return 0;
}
