// Everyday slice code (merge sort on views, split into views, BFS queue,
// backtracking with clones, in-place dedupe, reverse, builders that re-take
// pointers, chunking, insert by copy, copy-on-write, filter into a new slice)
// must draw nothing from any of the four aliasing checks.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include "../Inputs/slice_types.h"
/* merge sort with views */
static ints merge(sg_arena *ar, ints l, ints r) {
  ints out = ints_make(ar, 0, l.len + r.len);
  ptrdiff_t i = 0, j = 0;
  while (i < l.len && j < r.len) {
    if (ints_get(l, i) <= ints_get(r, j))
      out = ints_append(ar, out, ints_get(l, i++));
    else
      out = ints_append(ar, out, ints_get(r, j++));
  }
  out = ints_extend(ar, out, ints_slice(l, i, l.len));
  out = ints_extend(ar, out, ints_slice(r, j, r.len));
  return out;
}
ints msort(sg_arena *ar, ints s) {
  if (s.len < 2)
    return s;
  ptrdiff_t mid = s.len / 2;
  ints l = msort(ar, ints_slice(s, 0, mid));
  ints r = msort(ar, ints_slice(s, mid, s.len));
  return merge(ar, l, r);
}
/* tokenizer: token views into input, kept */
intss split(sg_arena *ar, ints in, int sep) {
  intss out = {0};
  ptrdiff_t start = 0;
  for (ptrdiff_t i = 0; i < in.len; i++) {
    if (ints_get(in, i) == sep) {
      out = intss_append(ar, out, ints_slice(in, start, i));
      start = i + 1;
    }
  }
  out = intss_append(ar, out, ints_slice(in, start, in.len));
  return out;
}
/* BFS with queue of ints */
ints bfs(sg_arena *ar, intss adj, int start) {
  ints order = {0};
  ints queue = {0};
  queue = ints_append(ar, queue, start);
  while (queue.len > 0) {
    int v = ints_get(queue, 0);
    queue = ints_slice(queue, 1, queue.len);
    order = ints_append(ar, order, v);
    ints next = intss_get(adj, v);
    for (ptrdiff_t i = 0; i < next.len; i++)
      queue = ints_append(ar, queue, ints_get(next, i));
  }
  return order;
}
/* backtracking with clone */
void perms(sg_arena *ar, ints cur, ints rest, intss *out) {
  if (rest.len == 0) {
    *out = intss_append(ar, *out, ints_clone(ar, cur));
    return;
  }
  for (ptrdiff_t i = 0; i < rest.len; i++) {
    ints next = ints_append(ar, cur, ints_get(rest, i));
    ints others = ints_clone(ar, ints_slice(rest, 0, i));
    others = ints_extend(ar, others, ints_slice(rest, i + 1, rest.len));
    perms(ar, next, others, out);
  }
}
/* dedupe sorted in place */
ints dedupe(sg_arena *ar, ints s) {
  if (s.len == 0)
    return s;
  ints out = ints_slice(s, 0, 1);
  for (ptrdiff_t i = 1; i < s.len; i++)
    if (ints_get(s, i) != ints_get(out, out.len - 1))
      out = ints_append(ar, out, ints_get(s, i));
  return out;
}
/* reverse in place via pointers */
void reverse(ints s) {
  for (int *l = s.ptr, *r = s.ptr + s.len - 1; l < r; l++, r--) {
    int t = *l;
    *l = *r;
    *r = t;
  }
}
/* group into map of slices, appending to a fresh result */
void group(sg_arena *ar, groups g, ints keys, ints vals) {
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    int k = ints_get(keys, i);
    ints cur = groups_get(g, k);
    cur = ints_append(ar, cur, ints_get(vals, i));
    groups_put(g, k, cur);
  }
}
/* string builder style: buffer grows, pointer re-fetched */
ints build(sg_arena *ar, int n) {
  ints b = {0};
  for (int i = 0; i < n; i++) {
    b = ints_append(ar, b, i);
    int *last = ints_at(b, b.len - 1);
    *last *= 2;
  }
  return b;
}
/* chunking with 3-index */
intss chunks(sg_arena *ar, ints s, ptrdiff_t n) {
  intss out = {0};
  while (s.len > n) {
    out = intss_append(ar, out, ints_slice3(s, 0, n, n));
    s = ints_slice(s, n, s.len);
  }
  if (s.len > 0)
    out = intss_append(ar, out, s);
  return out;
}
/* insert sorted via append + copy */
ints insert_sorted(sg_arena *ar, ints s, int v) {
  ptrdiff_t i = 0;
  while (i < s.len && ints_get(s, i) < v)
    i++;
  s = ints_append(ar, s, 0);
  ints_copy(ints_slice(s, i + 1, s.len), ints_slice(s, i, s.len));
  ints_set(s, i, v);
  return s;
}
/* stack of frames with pointer to top re-taken */
void frames(sg_arena *ar, nodes *st, int n) {
  for (int i = 0; i < n; i++) {
    *st = nodes_append(ar, *st, (struct node){i, 0});
    struct node *top = nodes_at(*st, st->len - 1);
    top->w = i * 2;
    if (i % 3 == 0) {
      *st = nodes_slice(*st, 0, st->len - 1);
    }
  }
}
/* copy-on-write: b = append(a[:len:len]) */
void cow(sg_arena *ar, ints a) {
  ints b = ints_append(ar, ints_slice3(a, 0, a.len, a.len), 1);
  ints c = ints_append(ar, ints_slice3(a, 0, a.len, a.len), 2);
  use_two(b, c);
}
/* pop last and push twice */
void popush(sg_arena *ar, ints *s) {
  int v = ints_get(*s, s->len - 1);
  *s = ints_slice(*s, 0, s->len - 1);
  *s = ints_append(ar, *s, v);
  *s = ints_append(ar, *s, v);
}
/* filter into new slice, then original reused */
ints evens(sg_arena *ar, ints s) {
  ints out = {0};
  for (int *p = s.ptr; p < s.ptr + s.len; p++)
    if (*p % 2 == 0)
      out = ints_append(ar, out, *p);
  return out;
}
