// More SliceTricks idioms (queue, cut, delete, batching, shrink and regrow,
// truncate via len = 0) written other ways, and view fields set elsewhere
// safely: nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include "../Inputs/slice_types.h"
/* queue: pop front then push back */
ints q1(sg_arena *ar, ints q, int x) {
  int head = ints_get(q, 0);
  q = ints_slice(q, 1, q.len);
  q = ints_append(ar, q, x + head);
  return q;
}
/* truncate at i then append */
ints q2(sg_arena *ar, ints s, ptrdiff_t i, int x) {
  s = ints_append(ar, ints_slice(s, 0, i), x);
  return s;
}
/* filter in place through pointer param */
void q3(sg_arena *ar, ints *s) {
  ints out = ints_slice(*s, 0, 0);
  for (ptrdiff_t i = 0; i < s->len; i++)
    if (keep(ints_get(*s, i)))
      out = ints_append(ar, out, ints_get(*s, i));
  *s = out;
}
/* filter in place, struct field */
struct bag { ints items; };
void q4(sg_arena *ar, struct bag *b) {
  ints kept = ints_slice(b->items, 0, 0);
  for (ptrdiff_t i = 0; i < b->items.len; i++) {
    int v = ints_get(b->items, i);
    if (keep(v))
      kept = ints_append(ar, kept, v);
  }
  b->items = kept;
}
/* truncate-reuse; only the final buffer kept after the loop */
void q5(sg_arena *ar, groups g, ints in) {
  ints buf = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf = ints_slice(buf, 0, 0);
    buf = ints_append(ar, buf, ints_get(in, i));
    use_ints(buf);
  }
  groups_put(g, 0, buf);
}
/* cut: a = append(a[:i], a[j:]...) */
ints q6(sg_arena *ar, ints s, ptrdiff_t i, ptrdiff_t j) {
  return ints_extend(ar, ints_slice(s, 0, i), ints_slice(s, j, s.len));
}
/* delete at i via named */
ints q7(sg_arena *ar, ints s, ptrdiff_t i) {
  ints rest = ints_slice(s, i + 1, s.len);
  s = ints_slice(s, 0, i);
  s = ints_extend(ar, s, rest);
  return s;
}
/* insert via clone of tail, pointer param */
void q8(sg_arena *ar, ints *s, ptrdiff_t i, int x) {
  ints tail = ints_clone(ar, ints_slice(*s, i, s->len));
  *s = ints_append(ar, ints_slice(*s, 0, i), x);
  *s = ints_extend(ar, *s, tail);
}
/* stack with pointer param */
int q9(sg_arena *ar, ints *st, int v) {
  *st = ints_append(ar, *st, v);
  int top = ints_get(*st, st->len - 1);
  *st = ints_slice(*st, 0, st->len - 1);
  return top;
}
/* batching with 3-index */
intss q10(sg_arena *ar, ints actions, ptrdiff_t n) {
  intss batches = {0};
  while (n < actions.len) {
    batches = intss_append(ar, batches, ints_slice3(actions, 0, n, n));
    actions = ints_slice(actions, n, actions.len);
  }
  batches = intss_append(ar, batches, actions);
  return batches;
}
/* view appended, base reassigned to result */
void q11(sg_arena *ar, ints s) {
  ints head = ints_slice(s, 0, 1);
  head = ints_append(ar, head, 2);
  s = head;
  use_ints(s);
}
/* view used read-only, base appended */
void q12(sg_arena *ar, ints s) {
  ints head = ints_slice(s, 0, 1);
  s = ints_append(ar, s, 3);
  use_ints(head);
  use_ints(s);
}
/* reset in loop with scratch buffer sent to a consumer only */
void q13(sg_arena *ar, strs names) {
  ints scratch = ints_make(ar, 0, 8);
  for (ptrdiff_t i = 0; i < names.len; i++) {
    scratch = ints_slice(scratch, 0, 0);
    for (ptrdiff_t j = 0; j < 3; j++)
      scratch = ints_append(ar, scratch, (int)j);
    use_ints(scratch);
  }
}
/* prepend: append([]T{x}, a...) */
ints q14(sg_arena *ar, ints a, int x) {
  ints one = ints_make(ar, 1, 1 + a.len);
  ints_set(one, 0, x);
  return ints_extend(ar, one, a);
}
/* pop front used as a queue, worklist */
void q15(sg_arena *ar, ints work) {
  while (work.len > 0) {
    int v = ints_get(work, 0);
    work = ints_slice(work, 1, work.len);
    if (v > 1)
      work = ints_append(ar, work, v / 2);
  }
}
/* shrink then regrow the same slice */
void q16(sg_arena *ar, ints *s) {
  *s = ints_slice(*s, 0, s->len - 1);
  *s = ints_append(ar, *s, 0);
}
/* truncate-reuse via s.len = 0 */
void q17(sg_arena *ar, ints in) {
  ints buf = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf.len = 0;
    buf = ints_append(ar, buf, ints_get(in, i));
    use_ints(buf);
  }
}
/* View fields set elsewhere with a 3-index slice, to the whole length, or
 * replaced by a fresh slice before growing. */
struct capped { ints items; ints head; };
void set_capped(struct capped *h) { h->head = ints_slice3(h->items, 0, 2, 2); }
void push_capped(sg_arena *ar, struct capped *h, int x) {
  h->head = ints_append(ar, h->head, x);
}
struct tail { ints items; ints rest; ints head; };
void set_rest(struct tail *t) {
  t->rest = ints_slice(t->items, 1, t->items.len);
  t->head = ints_slice(t->items, 0, 1);
}
void push_rest(sg_arena *ar, struct tail *t, int x) {
  t->rest = ints_append(ar, t->rest, x);
}
void push_fresh_head(sg_arena *ar, struct tail *t, int x) {
  t->head = ints_make(ar, 0, 4);
  t->head = ints_append(ar, t->head, x);
}
/* Truncate-and-reuse spelled buf.len = 0 with clones kept, or nothing kept. */
void len_reset_clone_kept(sg_arena *ar, groups out, ints in) {
  ints buf = ints_make(ar, 0, 16);
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf.len = 0;
    buf = ints_append(ar, buf, ints_get(in, i));
    groups_put(out, (int)i, ints_clone(ar, buf));
  }
}
void len_reset_nothing_kept(sg_arena *ar, ints in) {
  ints buf = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf.len = 0;
    buf = ints_append(ar, buf, ints_get(in, i));
    use_ints(buf);
  }
}
