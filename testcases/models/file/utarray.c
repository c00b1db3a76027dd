// uthash's utarray, modelled by share/models/utarray.yaml alone, against
// the real /usr/include/utarray.h: its growth macros expand to a realloc of
// the storage field, so element pointers dangle after them.  Without the
// model file nothing is found.
// REQUIRES: plugin, utarray
// RUN: %sg_verify -fplugin-arg-sliceguard-model=%S/../../../share/models/utarray.yaml %s
// RUN: %sg_verify=off %s
// off-no-diagnostics

#include <utarray.h>

int eltptr_across_push(UT_array *a, int v) {
  int *p = (int *)utarray_eltptr(a, 0); // expected-note {{'p' points into '*a' from here}}
  utarray_push_back(a, &v); // expected-note {{'*a' may be reallocated by this append}}
  return *p; // expected-warning {{'p' may point into the old backing array of '*a' after an append}}
}

int back_across_extend(UT_array *a) {
  int *last = (int *)utarray_back(a); // expected-note {{'last' points into '*a' from here}}
  utarray_extend_back(a); // expected-note {{'*a' may be reallocated by this append}}
  return *last; // expected-warning {{'last' may point into the old backing array of '*a' after an append}}
}

int front_across_resize(UT_array *a) {
  int *first = (int *)utarray_front(a); // expected-note {{'first' points into '*a' from here}}
  utarray_resize(a, 100); // expected-note {{'*a' may be reallocated by this append}}
  return *first; // expected-warning {{'first' may point into the old backing array of '*a' after an append}}
}

void walk_while_pushing(UT_array *a) {
  for (int *p = (int *)utarray_front(a); p != NULL; p = (int *)utarray_next(a, p)) // expected-note {{'p' walks '*a' from here}}
    if (*p > 0) {
      int twice = 2 * *p;
      utarray_push_back(a, &twice); // expected-warning {{append to '*a' inside a loop that walks it with pointer 'p'; the pointer stays in the old array}}
    }
}
