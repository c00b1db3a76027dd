// Variations of the shapes in bugs.c: field addresses, struct fields
// through pointers and locals, helpers that append through a struct pointer,
// macros, helpers that return an element pointer, pointer copies, pointers
// kept in a map or a slice of pointers, a struct whose pointer field is set
// into its slice field in another function (aws-c-cal #219), pointers taken
// inside index loops.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include "../Inputs/slice_types.h"
/* R1: &s.ptr[i].field */
void r1(sg_arena *ar, nodes ns) {
  int *w = &ns.ptr[0].w; // expected-note {{'w' points into 'ns' from here}}
  ns = nodes_append(ar, ns, (struct node){1, 2}); // expected-note {{'ns' may be reallocated by this append}}
  *w = 3; // expected-warning {{'w' may point into the old backing array of 'ns' after an append [sliceguard-ref-across-append]}}
}
/* R2: pointer from at on struct field slice via pointer */
struct graph { nodes all; struct node *root; };
void r2(sg_arena *ar, struct graph *g) {
  struct node *n = nodes_at(g->all, 0); // expected-note {{'n' points into 'g->all' from here}}
  g->all = nodes_append(ar, g->all, (struct node){0, 0}); // expected-note {{'g->all' may be reallocated by this append}}
  use_node(n); // expected-warning {{'n' may point into the old backing array of 'g->all' after an append [sliceguard-ref-across-append]}}
}
/* R3: aws-c-cal #219 local struct */
struct pile { nodes planes; struct node *top; };
void r3(sg_arena *ar, struct pile g) {
  g.top = nodes_at(g.planes, 0); // expected-note {{'g.top' points into 'g.planes' from here}} // expected-note {{'top' is set to point into 'planes' here; set it again after the append, or keep an offset instead}}
  g.planes = nodes_append(ar, g.planes, (struct node){0, 0}); // expected-note {{'g.planes' may be reallocated by this append}}
  use_node(g.top); // expected-warning {{'g.top' may point into the old backing array of 'g.planes' after an append [sliceguard-ref-across-append]}}
}
/* R4: helper taking pointer to struct, appending to its field */
static void add_node(sg_arena *ar, struct graph *g, int id) {
  g->all = nodes_append(ar, g->all, (struct node){id, 0});
}
void r4(sg_arena *ar, struct graph *g) {
  struct node *first = nodes_at(g->all, 0); // expected-note {{'first' points into 'g->all' from here}}
  add_node(ar, g, 5); // expected-note {{'g->all' may be reallocated by this append}}
  first->w = 1; // expected-warning {{'first' may point into the old backing array of 'g->all' after an append [sliceguard-ref-across-append]}}
}
/* R5: notcurses: a helper grows the pile, the pile's own top pointer is
 * used afterwards */
static void add_plane(sg_arena *ar, struct pile *p, int id) {
  p->planes = nodes_append(ar, p->planes, (struct node){id, 0}); // expected-warning {{append to 'p->planes' may move its array while 'p->top' still points into it [sliceguard-ref-across-append]}}
}
void r5(sg_arena *ar, struct pile *p) {
  p->top = nodes_at(p->planes, 0); // expected-note {{'p->top' points into 'p->planes' from here}}
  add_plane(ar, p, 5); // expected-note {{'p->planes' may be reallocated by this append}}
  p->top->w = 2; // expected-warning {{'p->top' may point into the old backing array of 'p->planes' after an append [sliceguard-ref-across-append]}}
}
/* R6: pointer in nested block, append in if */
void r6(sg_arena *ar, ints s, int c) {
  int *p = ints_at(s, 1); // expected-note {{'p' points into 's' from here}}
  if (c) {
    s = ints_append(ar, s, c); // expected-note {{'s' may be reallocated by this append}}
  }
  {
    use_int(*p); // expected-warning {{'p' may point into the old backing array of 's' after an append [sliceguard-ref-across-append]}}
  }
}
/* R7: pointer via macro */
#define AT(s, i) (&(s).ptr[(i)])
void r7(sg_arena *ar, ints s) {
  int *p = AT(s, 0); // expected-note {{'p' points into 's' from here}}
  s = ints_append(ar, s, 1); // expected-note {{'s' may be reallocated by this append}}
  use_int(p[0]); // expected-warning {{'p' may point into the old backing array of 's' after an append [sliceguard-ref-across-append]}}
}
/* R8: SPIRV - pointer returned by a same-file helper */
static struct node *first_of(nodes ns) { return nodes_at(ns, 0); }
void r8(sg_arena *ar, nodes ns) {
  struct node *f = first_of(ns); // expected-note {{'f' points into 'ns' from here}}
  ns = nodes_append(ar, ns, (struct node){1, 1}); // expected-note {{'ns' may be reallocated by this append}}
  use_node(f); // expected-warning {{'f' may point into the old backing array of 'ns' after an append [sliceguard-ref-across-append]}}
}
/* R9: extend */
void r9(sg_arena *ar, ints s, ints t) {
  int *p = s.ptr; // expected-note {{'p' points into 's' from here}}
  s = ints_extend(ar, s, t); // expected-note {{'s' may be reallocated by this append}}
  p[0] = 1; // expected-warning {{'p' may point into the old backing array of 's' after an append [sliceguard-ref-across-append]}}
}
/* R10: pointer passed to function after append */
void r10(sg_arena *ar, nodes ns) {
  struct node *n = &ns.ptr[ns.len - 1]; // expected-note {{'n' points into 'ns' from here}}
  ns = nodes_append(ar, ns, *n); // expected-note {{'ns' may be reallocated by this append}}
  use_node(n); // expected-warning {{'n' may point into the old backing array of 'ns' after an append [sliceguard-ref-across-append]}}
}
/* R11: a copy of the pointer is what survives */
void r11(sg_arena *ar, ints s) {
  int *p = ints_at(s, 0);
  int *q = p + 1; // expected-note {{'q' points into 's' from here}}
  s = ints_append(ar, s, 1); // expected-note {{'s' may be reallocated by this append}}
  *q = 2; // expected-warning {{'q' may point into the old backing array of 's' after an append [sliceguard-ref-across-append]}}
}
/* R12: the helper takes a pointer to the slice */
static int *top_of(ints *st) { return &st->ptr[st->len - 1]; }
void r12(sg_arena *ar, ints *st) {
  int *top = top_of(st); // expected-note {{'top' points into '*st' from here}}
  *st = ints_append(ar, *st, 0); // expected-note {{'*st' may be reallocated by this append}}
  use_int(*top); // expected-warning {{'top' may point into the old backing array of '*st' after an append [sliceguard-ref-across-append]}}
}
/* The byid-of-pointers loop: each append may move the items the earlier
 * pointers point into. */
#define SG_MAP byid
#define SG_KEY int
#define SG_VAL struct node *
#include <sliceguard/map.h>
#define SG_SLICE nodeps
#define SG_ELEM struct node *
#include <sliceguard/slice.h>
void t1(sg_arena *ar, byid idx, nodes *items, ints ids) {
  for (ptrdiff_t i = 0; i < ids.len; i++) {
    *items = nodes_append(ar, *items, (struct node){ints_get(ids, i), 0}); // expected-warning {{append to '*items' may move its array while a pointer into it is kept in 'idx' [sliceguard-ref-across-append]}}
    byid_put(idx, ints_get(ids, i), nodes_at(*items, items->len - 1)); // expected-note {{a pointer into '*items' is kept here; keep an index instead}}
  }
}
nodeps t2(sg_arena *ar, nodes items, ints ids) {
  nodeps out = {0};
  for (ptrdiff_t i = 0; i < ids.len; i++) {
    items = nodes_append(ar, items, (struct node){ints_get(ids, i), 0}); // expected-warning {{append to 'items' may move its array while a pointer into it is kept in 'out' [sliceguard-ref-across-append]}}
    out = nodeps_append(ar, out, &items.ptr[items.len - 1]); // expected-note {{a pointer into 'items' is kept here; keep an index instead}}
  }
  return out;
}
/* aws-c-cal #219 across functions: the init function makes the cursor
 * point into the buffer; a later append leaves it in the old array. */
struct lexer { ints buf; int *cursor; };
void lexer_init(sg_arena *ar, struct lexer *lx) {
  lx->buf = ints_make(ar, 0, 4);
  lx->cursor = lx->buf.ptr; // expected-note {{'cursor' is set to point into 'buf' here; set it again after the append, or keep an offset instead}} // expected-note {{'cursor' is set to point into 'buf' here; set it again after the append, or keep an offset instead}}
}
void lexer_feed(sg_arena *ar, struct lexer *lx, int byte) {
  lx->buf = ints_append(ar, lx->buf, byte); // expected-warning {{append to 'lx->buf' may move its array while 'lx->cursor' still points into it [sliceguard-ref-across-append]}}
}
int lexer_feed_and_peek(sg_arena *ar, struct lexer *lx, int byte) {
  if (byte > 0) {
    lx->buf = ints_append(ar, lx->buf, byte); // expected-warning {{append to 'lx->buf' may move its array while 'lx->cursor' still points into it [sliceguard-ref-across-append]}}
  }
  return *lx->cursor;
}
/* redpanda-operator #1587 inside an index loop: the pointer taken this
 * iteration is used after a helper grew the slice. */
static void add(sg_arena *ar, nodes *l, int id) {
  *l = nodes_append(ar, *l, (struct node){id, 0});
}
void grow_in_index_loop(sg_arena *ar, nodes *list) {
  for (ptrdiff_t i = 0; i < list->len; i++) {
    struct node *n = nodes_at(*list, i); // expected-note {{'n' points into '*list' from here}}
    if (n->w > 0) {
      add(ar, list, n->id + 1); // expected-note {{'*list' may be reallocated by this append}}
      n->w = 0; // expected-warning {{'n' may point into the old backing array of '*list' after an append [sliceguard-ref-across-append]}}
    }
  }
}
struct registry { nodes items; };
static void reg_add(sg_arena *ar, struct registry *r, int id) {
  r->items = nodes_append(ar, r->items, (struct node){id, 0});
}
void grow_struct_in_index_loop(sg_arena *ar, struct registry *r) {
  for (ptrdiff_t i = 0; i < r->items.len; i++) {
    struct node *n = &r->items.ptr[i]; // expected-note {{'n' points into 'r->items' from here}}
    if (n->w > 0) {
      reg_add(ar, r, n->id); // expected-note {{'r->items' may be reallocated by this append}}
      use_node(n); // expected-warning {{'n' may point into the old backing array of 'r->items' after an append [sliceguard-ref-across-append]}}
    }
  }
}
