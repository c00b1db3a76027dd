// Index loops over a saved length, pointers re-based after the append,
// snapshots, loops that leave after appending, appends to another slice:
// nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include <sliceguard/arena.h>
#include <sliceguard/str.h>
#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>
#define SG_SLICE intss
#define SG_ELEM ints
#include <sliceguard/slice.h>
#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>
#define SG_MAP groups
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>
#define SG_MAP labels
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>
struct node { int id; int w; };
#define SG_SLICE nodes
#define SG_ELEM struct node
#include <sliceguard/slice.h>
void use_ints(ints s);
void use_int(int v);
void use_two(ints x, ints y);
void use_strs(strs s);
void use_node(struct node *n);
int keep(int v);
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
