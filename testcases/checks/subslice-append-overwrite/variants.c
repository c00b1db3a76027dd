// Variations of the shapes in bugs.c: other names, nested blocks, struct
// fields of locals, macros, while loops, other grow ops, the base used after
// an in-place compaction, a view field set in another function, truncation
// spelled buf.len = 0, fields of anonymous members.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include "../Inputs/slice_types.h"
/* V1: different names, view in nested block, base read via .ptr */
void v1(sg_arena *ar, ints data) {
  if (data.len > 3) {
    ints pre = ints_slice(data, 0, 2); // expected-note {{'pre' is a 2-index slice of 'data' made here; its capacity extends past its length}}
    {
      pre = ints_append(ar, pre, 5); // expected-warning {{append to 'pre' may overwrite elements of 'data' past the end of the slice, and 'data' is still used [sliceguard-subslice-append-overwrite]}}
    }
    use_int(data.ptr[2]);
  }
}
/* V2: struct local holding both */
struct pair { ints all; ints part; };
void v2(sg_arena *ar, ints xs) {
  struct pair p;
  p.all = xs;
  p.part = ints_slice(p.all, 1, 2); // expected-note {{'p.part' is a 2-index slice of 'p.all' made here; its capacity extends past its length}}
  p.part = ints_append(ar, p.part, 3); // expected-warning {{append to 'p.part' may overwrite elements of 'p.all' past the end of the slice, and 'p.all' is still used [sliceguard-subslice-append-overwrite]}}
  use_ints(p.all);
}
/* V3: insert in the middle with index i */
ints v3(sg_arena *ar, ints s, ptrdiff_t i, int x) {
  s = ints_extend(ar, ints_append(ar, ints_slice(s, 0, i), x), ints_slice(s, i, s.len)); // expected-warning {{append to a slice of 's' may overwrite elements of 's' past the end of the slice, and 's' is still used [sliceguard-subslice-append-overwrite]}} // expected-note {{this 2-index slice of 's' keeps the capacity past its length}}
  return s;
}
/* V4: insert in middle, named, with variable */
ints v4(sg_arena *ar, ints s, ptrdiff_t i, int x) {
  ints head = ints_slice(s, 0, i); // expected-note {{'head' is a 2-index slice of 's' made here; its capacity extends past its length}}
  ints tail = ints_slice(s, i, s.len);
  head = ints_append(ar, head, x); // expected-warning {{append to 'head' may overwrite elements of 's' past the end of the slice, and 'tail' still reads them [sliceguard-subslice-append-overwrite]}}
  return ints_extend(ar, head, tail);
}
/* V5: truncate-reuse with struct field buffer kept into slice of slices */
struct rd { ints buf; };
intss v5(sg_arena *ar, struct rd *r, ints in) {
  intss out = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    r->buf = ints_slice(r->buf, 0, 0);
    r->buf = ints_append(ar, r->buf, ints_get(in, i)); // expected-warning {{append to 'r->buf' may overwrite an earlier view of its backing array that is still kept; the truncated slice reuses the same array [sliceguard-subslice-append-overwrite]}}
    out = intss_append(ar, out, r->buf); // expected-note {{a view of 'r->buf' is kept here}}
  }
  return out;
}
/* V6: truncate-reuse, while loop, ints_set on map */
void v6(sg_arena *ar, groups g, ints in) {
  ints line = {0};
  ptrdiff_t i = 0;
  while (i < in.len) {
    line = ints_slice(line, 0, 0);
    line = ints_append(ar, line, ints_get(in, i)); // expected-warning {{append to 'line' may overwrite an earlier view of its backing array that is still kept; the truncated slice reuses the same array [sliceguard-subslice-append-overwrite]}}
    groups_put(g, (int)i, line); // expected-note {{a view of 'line' is kept here}}
    i++;
  }
}
/* V7: macro wrapper for slicing */
#define HEAD(s, n) ints_slice((s), 0, (n))
void v7(sg_arena *ar, ints s) {
  ints h = HEAD(s, 2); // expected-note {{'h' is a 2-index slice of 's' made here; its capacity extends past its length}}
  h = ints_append(ar, h, 1); // expected-warning {{append to 'h' may overwrite elements of 's' past the end of the slice, and 's' is still used [sliceguard-subslice-append-overwrite]}}
  use_ints(s);
}
/* V8: append_n / extend on view */
void v8(sg_arena *ar, ints s, ints extra) {
  ints h = ints_slice(s, 1, 3); // expected-note {{'h' is a 2-index slice of 's' made here; its capacity extends past its length}}
  h = ints_extend(ar, h, extra); // expected-warning {{append to 'h' may overwrite elements of 's' past the end of the slice, and 's' is still used [sliceguard-subslice-append-overwrite]}}
  use_ints(h);
  use_int(ints_get(s, 3));
}
/* V9: base stored in global-ish out param */
void v9(sg_arena *ar, ints *out, ints s) {
  *out = s; // expected-note {{'s' is kept here}}
  ints h = ints_slice(s, 0, 1); // expected-note {{'h' is a 2-index slice of 's' made here; its capacity extends past its length}}
  h = ints_append(ar, h, 1); // expected-warning {{append to 'h' may overwrite elements of 's' past the end of the slice, which are also kept elsewhere [sliceguard-subslice-append-overwrite]}}
  use_ints(h);
}
/* In-place dedupe whose input is still shown afterwards: it was compacted. */
void show(ints s);
ints dedupe_then_show(sg_arena *ar, ints s) {
  ints out = ints_slice(s, 0, 1); // expected-note {{'out' is a 2-index slice of 's' made here; its capacity extends past its length}}
  for (ptrdiff_t i = 1; i < s.len; i++)
    if (ints_get(s, i) != ints_get(out, out.len - 1))
      out = ints_append(ar, out, ints_get(s, i)); // expected-warning {{append to 'out' may overwrite elements of 's' past the end of the slice, and 's' is still used [sliceguard-subslice-append-overwrite]}}
  show(s);
  return out;
}
/* The view field is set in one function and grown in another. */
struct shelf { ints items; ints head; };
void shelf_set_head(struct shelf *h) { h->head = ints_slice(h->items, 0, 2); } // expected-note {{'head' is made a 2-index slice of 'items' here; its capacity extends past its length}}
void shelf_push_head(sg_arena *ar, struct shelf *h, int x) {
  h->head = ints_append(ar, h->head, x); // expected-warning {{append to 'h->head' may overwrite elements of 'h->items' past the end of the slice, and 'h->items' is still used [sliceguard-subslice-append-overwrite]}}
}
/* Truncate-and-reuse spelled buf.len = 0, earlier rows kept. */
void k1(sg_arena *ar, groups out, ints in) {
  ints buf = ints_make(ar, 0, 16);
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf.len = 0; // expected-note {{'buf' is truncated here}}
    buf = ints_append(ar, buf, ints_get(in, i)); // expected-warning {{append to 'buf' may overwrite an earlier view of its backing array that is still kept; the truncated slice reuses the same array [sliceguard-subslice-append-overwrite]}}
    groups_put(out, (int)i, buf); // expected-note {{a view of 'buf' is kept here}}
  }
}
intss k2(sg_arena *ar, ints in) {
  intss rows = {0};
  ints row = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    for (ptrdiff_t j = 0; j <= i; j++)
      row = ints_append(ar, row, ints_get(in, j)); // expected-warning {{append to 'row' may overwrite an earlier view of its backing array that is still kept; the truncated slice reuses the same array [sliceguard-subslice-append-overwrite]}}
    rows = intss_append(ar, rows, row); // expected-note {{a view of 'row' is kept here}}
    row.len = 0; // expected-note {{'row' is truncated here}}
  }
  return rows;
}
/* Fields of anonymous struct and union members read as the parent's. */
struct anon { struct { ints items; ints head; }; int *cur; union { ints u; int z; }; };
void a1(struct anon *h) { h->head = ints_slice(h->items, 0, 2); h->cur = h->items.ptr; } // expected-note {{'head' is made a 2-index slice of 'items' here; its capacity extends past its length}}
void a2(sg_arena *a, struct anon *h, int x) {
  h->head = ints_append(a, h->head, x); // expected-warning {{append to 'h->head' may overwrite elements of 'h->items' past the end of the slice, and 'h->items' is still used [sliceguard-subslice-append-overwrite]}}
  h->items = ints_append(a, h->items, x);
  h->u = ints_append(a, h->u, x);
  int *p = &h->u.ptr[0]; // expected-note {{'p' points into 'h->u' from here}}
  h->u = ints_append(a, h->u, x); // expected-note {{'h->u' may be reallocated by this append}}
  use_int(*p); // expected-warning {{'p' may point into the old backing array of 'h->u' after an append [sliceguard-ref-across-append]}}
}
