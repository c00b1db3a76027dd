// The three shapes of the issue with the helpers in the same file: the
// element pointer a helper returns after appending to *s is reported too.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include "Inputs/two-file/util.h"

int *slot_for(sg_arena *a, ints *s) {
  *s = ints_append(a, *s, 0);
  return ints_at(*s, s->len - 1);
}

int *last_of(ints *s) { return ints_at(*s, s->len - 1); }

void slots(sg_arena *a, ints s) {
  int *p = slot_for(a, &s); // expected-note {{'p' points into 's' from here}}
  int *q = slot_for(a, &s); // expected-note {{'s' may be reallocated by this append}}
  *p = 1; // expected-warning {{'p' may point into the old backing array of 's' after an append}}
  *q = 2;
}

void slots_taken_again(sg_arena *a, ints s) {
  int *p = slot_for(a, &s);
  *p = 1;
  int *q = slot_for(a, &s);
  *q = 2;
}

void last_without_append(ints s) {
  int *p = last_of(&s);
  int *q = last_of(&s);
  *p = 1;
  *q = 2;
}
