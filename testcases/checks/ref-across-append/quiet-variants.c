// Pointers re-taken (also through helpers), pointers into other slices or
// clones, pointers dead before the append, pointers kept only after the last
// append, a struct cursor kept as an offset across the append or cleared
// after a scan: nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include "../Inputs/slice_types.h"
/* pointer re-taken via helper */
static struct node *last_of(nodes ns) { return nodes_at(ns, ns.len - 1); }
void rq1(sg_arena *ar, nodes ns) {
  struct node *n = last_of(ns);
  n->w = 1;
  ns = nodes_append(ar, ns, (struct node){0, 0});
  n = last_of(ns);
  n->w = 2;
}
/* pointer into a different slice */
void rq2(sg_arena *ar, nodes a, nodes b) {
  struct node *n = nodes_at(a, 0);
  b = nodes_append(ar, b, *n);
  use_node(n);
  use_node(nodes_at(b, 0));
}
/* struct field pointer re-taken */
struct graph { nodes all; struct node *root; };
void rq3(sg_arena *ar, struct graph *g) {
  g->all = nodes_append(ar, g->all, (struct node){0, 0});
  g->root = nodes_at(g->all, 0);
}
/* pointer copied, used before append only */
void rq4(sg_arena *ar, ints s) {
  int *p = ints_at(s, 0);
  int *q = p + 1;
  use_int(*q);
  s = ints_append(ar, s, *p);
  use_ints(s);
}
/* pointer to an element of a clone */
void rq5(sg_arena *ar, ints s) {
  ints c = ints_clone(ar, s);
  int *p = ints_at(c, 0);
  s = ints_append(ar, s, 1);
  *p = 2;
  use_ints(c);
}
/* set to NULL after append before any use */
void rq6(sg_arena *ar, ints s) {
  int *p = ints_at(s, 0);
  use_int(*p);
  s = ints_append(ar, s, 1);
  p = 0;
  use_int(p != 0);
}
/* reserve first: the append cannot move... we can't know; pointer taken after */
void rq7(sg_arena *ar, nodes *ns) {
  *ns = nodes_append(ar, *ns, (struct node){0, 0});
  struct node *n = nodes_at(*ns, ns->len - 1);
  n->id = 4;
}
/* pointer used in loop then loop appends after break */
void rq8(sg_arena *ar, ints s) {
  for (int *p = s.ptr; p < s.ptr + s.len; p++) {
    if (*p == 0) {
      s = ints_append(ar, s, 1);
      break;
    }
  }
  use_ints(s);
}
/* Pointers kept only after the last append, or into another slice. */
#define SG_MAP byid
#define SG_KEY int
#define SG_VAL struct node *
#include <sliceguard/map.h>
void q1(sg_arena *ar, byid idx, nodes *items, ints ids) {
  for (ptrdiff_t i = 0; i < ids.len; i++)
    *items = nodes_append(ar, *items, (struct node){ints_get(ids, i), 0});
  for (ptrdiff_t i = 0; i < items->len; i++)
    byid_put(idx, nodes_get(*items, i).id, nodes_at(*items, i));
}
void q2(sg_arena *ar, byid idx, nodes all, nodes *items, ints ids) {
  for (ptrdiff_t i = 0; i < ids.len; i++) {
    *items = nodes_append(ar, *items, (struct node){ints_get(ids, i), 0});
    byid_put(idx, ints_get(ids, i), nodes_at(all, i));
  }
}
void q3(sg_arena *ar, byid idx, nodes items, ints ids) {
  items = nodes_append(ar, items, (struct node){0, 0});
  byid_put(idx, 0, nodes_at(items, 0));
}
/* The cursor is kept as an offset across the append, then set again. */
struct lexer { ints buf; int *cursor; };
void lexer_init(sg_arena *ar, struct lexer *lx) {
  lx->buf = ints_make(ar, 0, 4);
  lx->cursor = &lx->buf.ptr[0];
}
void lexer_feed(sg_arena *ar, struct lexer *lx, int byte) {
  ptrdiff_t off = lx->cursor - lx->buf.ptr;
  lx->buf = ints_append(ar, lx->buf, byte);
  lx->cursor = lx->buf.ptr + off;
}
/* A lexer on the stack whose cursor is never used. */
int lexer_count(sg_arena *ar, ints in) {
  struct lexer lx = {0};
  for (ptrdiff_t i = 0; i < in.len; i++)
    lx.buf = ints_append(ar, lx.buf, ints_get(in, i));
  return (int)lx.buf.len;
}
/* The pointer used before the helper grows the slice. */
static void add(sg_arena *ar, nodes *l, int id) {
  *l = nodes_append(ar, *l, (struct node){id, 0});
}
void use_then_grow(sg_arena *ar, nodes *list) {
  for (ptrdiff_t i = 0; i < list->len; i++) {
    struct node *n = nodes_at(*list, i);
    if (n->w > 0) {
      n->w = 0;
      add(ar, list, n->id + 1);
    }
  }
}
/* A scan cursor that is cleared when the scan ends keeps no invariant. */
struct scanner { ints buf; int *cur; };
int scan(struct scanner *sc) {
  int sum = 0;
  for (sc->cur = sc->buf.ptr; sc->cur < sc->buf.ptr + sc->buf.len; sc->cur++)
    sum += *sc->cur;
  sc->cur = NULL;
  return sum;
}
void scanner_feed(sg_arena *ar, struct scanner *sc, int x) {
  sc->buf = ints_append(ar, sc->buf, x);
}
