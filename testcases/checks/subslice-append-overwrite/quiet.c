// SliceTricks idioms and correct code: nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE intss
#define SG_ELEM ints
#include <sliceguard/slice.h>

#define SG_MAP groups
#define SG_KEY int
#define SG_VAL ints
#include <sliceguard/map.h>

void use_ints(ints s);
void use_int(int v);
static int keep(int v) { return v % 2 == 0; }

/* The fix: a 3-index slice has no spare capacity, append reallocates. */
void full_slice_expression(sg_arena *a, ints base) {
  ints mid = ints_slice3(base, 2, 4, 4);
  mid = ints_append(a, mid, 99);
  use_ints(base);
  use_ints(mid);
}

/* A clone owns its array. */
void clone_then_append(sg_arena *a, ints base) {
  ints head = ints_clone(a, ints_slice(base, 0, 2));
  head = ints_append(a, head, 1);
  use_ints(base);
  use_ints(head);
}

/* The base is dead after the append: nobody can observe the overwrite. */
ints base_dead_afterwards(sg_arena *a, ints base) {
  ints head = ints_slice(base, 0, 2);
  head = ints_append(a, head, 1);
  return head;
}

/* Filter in place: b := a[:0]. */
ints filter_in_place(sg_arena *a, ints s) {
  ints kept = ints_slice(s, 0, 0);
  for (ptrdiff_t i = 0; i < s.len; i++) {
    int v = ints_get(s, i);
    if (keep(v))
      kept = ints_append(a, kept, v);
  }
  return kept;
}

/* Filter in place, pointer walk. */
void filter_in_place_ptr(sg_arena *a, ints *s) {
  ints out = ints_slice(*s, 0, 0);
  for (int *p = s->ptr; p < s->ptr + s->len; p++)
    if (keep(*p))
      out = ints_append(a, out, *p);
  *s = out;
}

/* Truncate and reuse when no earlier view survives. */
int sum_lines(sg_arena *a, ints in) {
  ints buf = ints_make(a, 0, 16);
  int total = 0;
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf = ints_slice(buf, 0, 0);
    buf = ints_append(a, buf, ints_get(in, i));
    buf = ints_append(a, buf, 1);
    use_ints(buf);
    total += ints_get(buf, 0);
  }
  return total;
}

/* Truncate and reuse where the kept copy is a clone. */
void truncate_and_clone(sg_arena *a, groups out, ints in) {
  ints buf = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    buf = ints_slice(buf, 0, 0);
    buf = ints_append(a, buf, ints_get(in, i));
    groups_put(out, (int)i, ints_clone(a, buf));
  }
}

/* Truncate and reuse where the buffer is made fresh every iteration. */
void fresh_every_time(sg_arena *a, groups out, ints in) {
  for (ptrdiff_t i = 0; i < in.len; i++) {
    ints buf = ints_make(a, 0, 4);
    buf = ints_append(a, buf, ints_get(in, i));
    groups_put(out, (int)i, buf);
  }
}

/* Push / pop stack. */
int stack_ops(sg_arena *a, ints in) {
  ints stack = {0};
  int last = 0;
  for (ptrdiff_t i = 0; i < in.len; i++) {
    int v = ints_get(in, i);
    if (v < 0 && stack.len > 0) {
      last = ints_get(stack, stack.len - 1);
      stack = ints_slice(stack, 0, stack.len - 1);
    } else {
      stack = ints_append(a, stack, v);
    }
  }
  return last + (int)stack.len;
}

/* Delete at i: a = append(a[:i], a[i+1:]...). */
ints delete_at(sg_arena *a, ints s, ptrdiff_t i) {
  s = ints_extend(a, ints_slice(s, 0, i), ints_slice(s, i + 1, s.len));
  return s;
}

/* Insert on a clone: the tail is copied before the front is extended. */
ints insert_at(sg_arena *a, ints s, ptrdiff_t i, int x) {
  ints tail = ints_clone(a, ints_slice(s, i, s.len));
  s = ints_append(a, ints_slice(s, 0, i), x);
  s = ints_extend(a, s, tail);
  return s;
}

/* Insert via append-then-copy. */
ints insert_by_copy(sg_arena *a, ints s, ptrdiff_t i, int x) {
  s = ints_append(a, s, 0);
  ints_copy(ints_slice(s, i + 1, s.len), ints_slice(s, i, s.len));
  ints_set(s, i, x);
  return s;
}

/* A view that spans the whole length: appending writes past s.len, which
 * s never reads. */
void whole_length_view(sg_arena *a, ints s) {
  ints all = ints_slice(s, 0, s.len);
  all = ints_append(a, all, 1);
  use_ints(s);
  use_ints(all);
}

/* The base is reassigned before it is read again. */
void base_reassigned(sg_arena *a, ints s) {
  ints head = ints_slice(s, 0, 1);
  head = ints_append(a, head, 5);
  s = head;
  use_ints(s);
}

/* Reading the base only before the append. */
int read_before(sg_arena *a, ints s) {
  ints head = ints_slice(s, 0, 1);
  int last = ints_get(s, s.len - 1);
  head = ints_append(a, head, last);
  return ints_get(head, 0);
}

/* The view is only read, never appended. */
int views_only_read(ints s) {
  ints head = ints_slice(s, 0, 2);
  ints tail = ints_slice(s, 2, s.len);
  return ints_get(head, 0) + ints_get(tail, 0);
}
