// utarray idioms that stay valid: the pointer taken again after growth,
// an index kept instead, another array, shrinking, a realloc that is not
// of a modelled container's storage.
// REQUIRES: plugin, utarray
// RUN: %sg_verify -fplugin-arg-sliceguard-model=%S/../../../share/models/utarray.yaml %s
// expected-no-diagnostics

#include <utarray.h>
#include <stdlib.h>

int retaken(UT_array *a, int v) {
  int *p = (int *)utarray_eltptr(a, 0);
  if (p)
    *p = 1;
  utarray_push_back(a, &v);
  p = (int *)utarray_eltptr(a, 0);
  return p ? *p : 0;
}

int by_index(UT_array *a, int v) {
  unsigned i = utarray_len(a);
  utarray_push_back(a, &v);
  return *(int *)utarray_eltptr(a, i);
}

int other_array(UT_array *a, UT_array *b, int v) {
  int *p = (int *)utarray_front(a);
  utarray_push_back(b, &v);
  return p ? *p : 0;
}

int shrinking(UT_array *a) {
  int *p = (int *)utarray_front(a);
  utarray_pop_back(a);
  return p ? *p : 0;
}

struct buf { char *data; int *cursor; };
int own_realloc(struct buf *b, int *elems, size_t n) {
  int *first = &elems[0];
  b->data = realloc(b->data, n);
  return *first;
}

void walk_by_index(UT_array *a) {
  for (unsigned i = 0; i < utarray_len(a); i++) {
    int twice = 2 * *(int *)utarray_eltptr(a, i);
    utarray_push_back(a, &twice);
  }
}
