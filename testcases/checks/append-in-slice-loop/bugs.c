// Appending to a slice inside a loop that walks it with an element pointer:
// the pointer stays in the old array once append moves it.
// REQUIRES: plugin
// RUN: %sg_verify %s

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

int want_copy(const struct track *t);

/* microsoft/winrtc #49: adding to the collection being walked. */
void duplicate_tracks(sg_arena *a, tracks *list) {
  for (struct track *t = list->ptr; t != list->ptr + list->len; t++) { // expected-note {{'t' walks '*list' from here}}
    if (want_copy(t))
      *list = tracks_append(a, *list, *t); // expected-warning {{append to '*list' inside a loop that walks it with pointer 't'; the pointer stays in the old array [sliceguard-append-in-slice-loop]}}
  }
}

/* Begin/end pointers computed once. */
void double_all(sg_arena *a, ints s) {
  int *end = s.ptr + s.len;
  for (int *p = s.ptr; p < end; ++p) // expected-note {{'p' walks 's' from here}}
    s = ints_append(a, s, *p * 2); // expected-warning {{append to 's' inside a loop that walks it with pointer 'p'}}
}

/* A while loop over at(). */
void while_walk(sg_arena *a, ints s) {
  int *p = ints_at(s, 0); // expected-note {{'p' walks 's' from here}}
  while (p < s.ptr + s.len) {
    if (*p > 10)
      s = ints_append(a, s, *p - 10); // expected-warning {{append to 's' inside a loop that walks it with pointer 'p'}}
    p++;
  }
}

/* The append is hidden in a same-file helper. */
static void add_track(sg_arena *a, tracks *l, int id) {
  *l = tracks_append(a, *l, (struct track){id, 0});
}

void via_helper(sg_arena *a, tracks l) {
  for (struct track *t = l.ptr; t < l.ptr + l.len; t++) // expected-note {{'t' walks 'l' from here}}
    if (t->muted)
      add_track(a, &l, t->id + 100); // expected-warning {{append to 'l' inside a loop that walks it with pointer 't'}}
}

/* A struct field walked and grown. */
struct mixer {
  tracks all;
};

void mixer_expand(sg_arena *a, struct mixer *m) {
  for (struct track *t = &m->all.ptr[0]; t < &m->all.ptr[m->all.len]; t++) // expected-note {{'t' walks 'm->all' from here}}
    m->all = tracks_append(a, m->all, *t); // expected-warning {{append to 'm->all' inside a loop that walks it with pointer 't'}}
}
