// Index loops, worklists that re-read len and loops over a snapshot:
// nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

struct track {
  int id;
  int muted;
};

#define SG_SLICE tracks
#define SG_ELEM struct track
#include <sliceguard/slice.h>

/* Worklist: the index loop re-reads len, so new items are visited too. */
ints closure(sg_arena *a, ints work) {
  for (ptrdiff_t i = 0; i < work.len; i++) {
    int v = ints_get(work, i);
    if (v > 1)
      work = ints_append(a, work, v / 2);
  }
  return work;
}

/* Index loop that takes a fresh pointer each iteration. */
void index_loop(sg_arena *a, tracks *l) {
  for (ptrdiff_t i = 0; i < l->len; i++) {
    struct track *t = tracks_at(*l, i);
    if (t->muted)
      *l = tracks_append(a, *l, (struct track){t->id + 1, 0});
  }
}

/* Loop over a snapshot; appends go to the live slice. */
void snapshot(sg_arena *a, ints s) {
  ints snap = s;
  for (int *p = snap.ptr; p < snap.ptr + snap.len; p++)
    s = ints_append(a, s, *p);
}

/* Loop over a clone. */
void clone_walk(sg_arena *a, tracks *l) {
  tracks old = tracks_clone(a, *l);
  for (struct track *t = old.ptr; t != old.ptr + old.len; t++)
    *l = tracks_append(a, *l, *t);
}

/* Pointer walk of one slice, appends to another. */
ints doubled(sg_arena *a, ints in) {
  ints out = {0};
  for (const int *p = in.ptr; p < in.ptr + in.len; p++)
    out = ints_append(a, out, *p * 2);
  return out;
}

/* The append comes after the loop. */
void after_loop(sg_arena *a, ints s) {
  int sum = 0;
  for (int *p = s.ptr; p < s.ptr + s.len; p++)
    sum += *p;
  s = ints_append(a, s, sum);
}

/* Pointer loop that leaves right after appending. */
void append_then_break(sg_arena *a, ints *s) {
  for (int *p = s->ptr; p < s->ptr + s->len; p++) {
    if (*p == 0) {
      *s = ints_append(a, *s, 1);
      break;
    }
  }
}
