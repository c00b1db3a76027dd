// Everyday map code (counting, grouping, graphs, caches, pruning, merging):
// every check stays quiet on it.
// RUN: %sg_verify %s -I%S/Inputs -Wall
// REQUIRES: plugin
// expected-no-diagnostics
#include "maps.h"
#include <stdio.h>
#define SG_MAP graph /* map[int][]int */
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>

// word count with ref
void count_words(wordcount m, strs words) {
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    int *c = wordcount_ref(m, w);
    if (c) { (*c)++; continue; }
    wordcount_put(m, w, 1);
  }
}
// group by
void group(sg_arena *a, groups g, strs keys, ints vals) {
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    sg_str k = strs_get(keys, i);
    ints cur = groups_get(g, k);
    cur = ints_append(a, cur, ints_get(vals, i));
    groups_put(g, k, cur);
  }
}
// add edge both ways
void add_edge(sg_arena *a, graph gr, int u, int v) {
  ints *adj = graph_ref(gr, u);
  if (!adj) { graph_put(gr, u, ints_make(a, 0, 4)); adj = graph_ref(gr, u); }
  *adj = ints_append(a, *adj, v);
  ints back = graph_get(gr, v);
  back = ints_append(a, back, u);
  graph_put(gr, v, back);
}
// BFS over graph with visited set
int bfs(sg_arena *a, graph gr, int start) {
  idset seen = idset_make(a, 0);
  ints queue = ints_append(a, (ints){0}, start);
  idset_put(seen, start, true);
  int n = 0;
  for (ptrdiff_t i = 0; i < queue.len; i++) {
    int u = ints_get(queue, i);
    n++;
    ints adj = graph_get(gr, u);
    for (ptrdiff_t j = 0; j < adj.len; j++) {
      int v = ints_get(adj, j);
      if (idset_get(seen, v)) continue;
      idset_put(seen, v, true);
      queue = ints_append(a, queue, v);
    }
  }
  return n;
}
// invert map into another
void invert(sg_arena *a, wordcount m, graph out) {
  sg_range(wordcount, m, it) {
    ints ws = graph_get(out, it.val);
    ws = ints_append(a, ws, (int)it.key.len);
    graph_put(out, it.val, ws);
  }
}
// prune while ranging, and decrement
void decay(wordcount m) {
  sg_range(wordcount, m, it) {
    if (it.val <= 1) wordcount_del(m, it.key);
    else wordcount_put(m, it.key, it.val / 2);
  }
}
// merge b into a (different maps)
void merge(wordcount dst, wordcount src) {
  sg_range(wordcount, src, it) {
    wordcount_put(dst, it.key, wordcount_get(dst, it.key) + it.val);
  }
}
// sum of list lengths
long total(graph gr) { long t = 0; sg_range(graph, gr, it) t += it.val.len; return t; }
// dedup keys into set, snapshot keys then modify
void snapshot_then_add(sg_arena *a, wordcount m) {
  strs keys = {0};
  sg_range(wordcount, m, it) keys = strs_append(a, keys, it.key);
  for (ptrdiff_t i = 0; i < keys.len; i++) wordcount_put(m, to_lower(a, strs_get(keys, i)), 1);
}
// find first and stop after insert
int find_or_mark(wordcount m) {
  sg_range(wordcount, m, it) {
    if (it.val < 0) { wordcount_put(m, SG_STR("__neg__"), 1); return 1; }
  }
  return 0;
}
// copy slice values then sort locally (no append)
int max_len(graph gr) { int best = 0; sg_range(graph, gr, it) { ints v = it.val; if (v.len > best) best = (int)v.len; } return best; }
// cache pattern: ref, compute, put same key
int memo(wordcount cache, sg_str k) {
  int *hit = wordcount_ref(cache, k);
  if (hit) return *hit;
  int v = (int)k.len * 2;
  wordcount_put(cache, k, v);
  return v;
}
// append to a local accumulator built from map values
ints flatten(sg_arena *a, graph gr) {
  ints out = {0};
  sg_range(graph, gr, it) out = ints_extend(a, out, it.val);
  return out;
}
// counters in struct pointer
struct stats { wordcount hits; long total; };
void hit(struct stats *s, sg_str k) {
  int *c = wordcount_ref(s->hits, k);
  s->total++;
  if (c) *c += 1; else wordcount_put(s->hits, k, 1);
}
