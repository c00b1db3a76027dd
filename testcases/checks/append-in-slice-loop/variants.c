// Variations of the winrtc #49 shape: while and do loops, struct fields,
// a FOREACH macro, nested loops, helpers growing a struct's slice.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include "../Inputs/slice_types.h"
int want(const struct node *n);
/* L1: while loop, end pointer re-read, pointer param */
void l1(sg_arena *ar, nodes *ns) {
  struct node *it = ns->ptr; // expected-note {{'it' walks '*ns' from here}}
  while (it != ns->ptr + ns->len) {
    if (want(it))
      *ns = nodes_append(ar, *ns, *it); // expected-warning {{append to '*ns' inside a loop that walks it with pointer 'it'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
    ++it;
  }
}
/* L2: struct field, arrow walk */
struct g { nodes all; };
void l2(sg_arena *ar, struct g *gr) {
  for (struct node *n = gr->all.ptr; n < gr->all.ptr + gr->all.len; ++n) // expected-note {{'n' walks 'gr->all' from here}}
    if (n->w > 0)
      gr->all = nodes_append(ar, gr->all, (struct node){n->id, 0}); // expected-warning {{append to 'gr->all' inside a loop that walks it with pointer 'n'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
}
/* L3: macro foreach */
#define FOREACH(T, p, s) for (T *p = (s).ptr; p < (s).ptr + (s).len; p++)
void l3(sg_arena *ar, ints s) {
  FOREACH(int, p, s) { // expected-note {{'p' walks 's' from here}}
    if (*p > 0)
      s = ints_append(ar, s, -*p); // expected-warning {{append to 's' inside a loop that walks it with pointer 'p'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
  }
  use_ints(s);
}
/* L4: do-while */
void l4(sg_arena *ar, ints s) {
  int *p = s.ptr; // expected-note {{'p' walks 's' from here}}
  do {
    s = ints_append(ar, s, *p); // expected-warning {{append to 's' inside a loop that walks it with pointer 'p'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
    p++;
  } while (p < s.ptr + s.len);
}
/* L5: nested loop: outer walks, inner appends */
void l5(sg_arena *ar, ints s) {
  for (int *p = s.ptr; p < s.ptr + s.len; p++) // expected-note {{'p' walks 's' from here}}
    for (int k = 0; k < *p; k++)
      s = ints_append(ar, s, k); // expected-warning {{append to 's' inside a loop that walks it with pointer 'p'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
}
/* L6: helper appends through pointer to struct */
static void grow(sg_arena *ar, struct g *gr, int id) {
  gr->all = nodes_append(ar, gr->all, (struct node){id, 0});
}
void l6(sg_arena *ar, struct g *gr) {
  for (struct node *n = gr->all.ptr; n != gr->all.ptr + gr->all.len; n++) // expected-note {{'n' walks 'gr->all' from here}}
    if (want(n))
      grow(ar, gr, n->id); // expected-warning {{append to 'gr->all' inside a loop that walks it with pointer 'n'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
}
/* L7: for with at() */
void l7(sg_arena *ar, ints s) {
  for (int *p = ints_at(s, 0); p < s.ptr + s.len; p++) // expected-note {{'p' walks 's' from here}}
    s = ints_append(ar, s, 0); // expected-warning {{append to 's' inside a loop that walks it with pointer 'p'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
}
