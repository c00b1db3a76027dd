// Index loops over a saved length, pointers re-based after the append,
// snapshots, loops that leave after appending, appends to another slice:
// nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include "../Inputs/slice_types.h"
int want(const struct node *n);
void lq1(sg_arena *ar, ints s) {
  ptrdiff_t n = s.len;
  for (ptrdiff_t i = 0; i < n; i++)
    s = ints_append(ar, s, ints_get(s, i));
  use_ints(s);
}
void lq2(sg_arena *ar, ints s) {
  for (int *p = s.ptr; p < s.ptr + s.len; p++) {
    if (*p < 0) {
      ptrdiff_t off = p - s.ptr;
      s = ints_append(ar, s, -*p);
      p = s.ptr + off;
    }
  }
  use_ints(s);
}
void lq3(sg_arena *ar, nodes *ns) {
  nodes old = *ns;
  for (struct node *n = old.ptr; n < old.ptr + old.len; n++)
    if (want(n))
      *ns = nodes_append(ar, *ns, *n);
}
void lq4(sg_arena *ar, ints s) {
  for (int *p = s.ptr; p < s.ptr + s.len; p++) {
    if (*p == 7) {
      s = ints_append(ar, s, 8);
      return;
    }
  }
}
/* pointer loop over one slice appending into another field */
struct two { ints a, b; };
void lq5(sg_arena *ar, struct two *t) {
  for (int *p = t->a.ptr; p < t->a.ptr + t->a.len; p++)
    t->b = ints_append(ar, t->b, *p);
}
/* worklist with pointer param and len re-read */
void lq6(sg_arena *ar, nodes *work) {
  for (ptrdiff_t i = 0; i < work->len; i++) {
    struct node n = nodes_get(*work, i);
    if (n.w > 0)
      *work = nodes_append(ar, *work, (struct node){n.id, n.w - 1});
  }
}
