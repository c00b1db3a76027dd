// Correct code near the append-alias shapes: early return after storing,
// the append([:0:0], a...) clone, bases that are fresh or replaced each
// iteration, reads (not writes) of the base, clones kept in structs, helpers
// that build fresh slices, copies that are deep, accumulate or die first,
// copies of a different element each iteration: nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include "../Inputs/slice_types.h"
void qa1(sg_arena *ar, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    if (strs_get(names, i).len == 0) {
      strs v = strs_append(ar, base, strs_get(names, i));
      labels_put(out, strs_get(names, i), v);
      return;
    }
  }
}
void qa2(sg_arena *ar, ints a) {
  ints b = ints_extend(ar, ints_slice3(a, 0, 0, 0), a);
  a = ints_append(ar, a, 1);
  use_two(a, b);
}
void qa3(sg_arena *ar, ints a) {
  ints b = ints_append(ar, a, 1);
  use_int(ints_get(a, 0));
  use_ints(b);
}
/* base reassigned each iteration before append */
void qa4(sg_arena *ar, labels out, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    strs base = strs_make(ar, 0, 4);
    base = strs_append(ar, base, SG_STR("x"));
    strs v = strs_append(ar, base, strs_get(names, i));
    labels_put(out, strs_get(names, i), v);
  }
}
/* b = append(a); a = b; a = append(a) in a loop */
ints qa5(sg_arena *ar, ints a, int n) {
  for (int i = 0; i < n; i++) {
    ints b = ints_append(ar, a, i);
    a = b;
  }
  return a;
}
/* struct copy then in-place append of own field */
struct spec { strs mounts; };
void qa6(sg_arena *ar, struct spec *s, struct spec *t) {
  t->mounts = strs_clone(ar, s->mounts);
  t->mounts = strs_append(ar, t->mounts, SG_STR("/x"));
  s->mounts = strs_append(ar, s->mounts, SG_STR("/y"));
}
/* write through base before the append, result stored */
void qa7(sg_arena *ar, groups g, ints base) {
  ints_set(base, 0, 1);
  ints r = ints_append(ar, base, 2);
  groups_put(g, 1, r);
}
/* two appends in one call, one to a clone */
void qa8(sg_arena *ar, ints p) {
  use_two(ints_append(ar, p, 1), ints_append(ar, ints_clone(ar, p), 2));
}
/* result returned, base unchanged afterwards */
ints qa9(sg_arena *ar, ints base) {
  ints r = ints_append(ar, base, 1);
  use_int((int)base.len);
  return r;
}
/* loop appends to accumulator stored after the loop */
void qa10(sg_arena *ar, groups g, ints in) {
  ints acc = {0};
  for (ptrdiff_t i = 0; i < in.len; i++)
    acc = ints_append(ar, acc, ints_get(in, i));
  groups_put(g, 0, acc);
}
/* row is append(prefix) kept, then prefix replaced (prefix = row) */
intss qa11(sg_arena *ar, ints in) {
  intss out = {0};
  ints prefix = {0};
  for (ptrdiff_t i = 0; i < in.len; i++) {
    ints row = ints_append(ar, prefix, ints_get(in, i));
    out = intss_append(ar, out, ints_clone(ar, row));
    prefix = row;
  }
  return out;
}
/* append result goes into a field, base dead */
struct job { ints argv; };
void qa12(sg_arena *ar, struct job *j, ints base) {
  j->argv = ints_append(ar, base, 1);
  j->argv = ints_append(ar, j->argv, 2);
}
struct reg { strs tags; int port; };
#define SG_SLICE regs
#define SG_ELEM struct reg
#include <sliceguard/slice.h>
/* Each kept struct gets a clone. */
regs q1(sg_arena *ar, strs common, strs names) {
  regs out = {0};
  for (ptrdiff_t i = 0; i < names.len; i++) {
    struct reg r;
    r.port = (int)i;
    r.tags = strs_append(ar, strs_clone(ar, common), strs_get(names, i));
    out = regs_append(ar, out, r);
  }
  return out;
}
/* Helpers that build a fresh slice or a clone before appending. */
static strs fresh(sg_arena *ar, strs args) {
  strs out = strs_make(ar, 0, args.len + 1);
  out = strs_extend(ar, out, args);
  return out;
}
static strs cloned(sg_arena *ar, strs args) {
  strs out = strs_clone(ar, args);
  out = strs_append(ar, out, SG_STR("x"));
  return out;
}
void helpers_fresh(sg_arena *ar, strs base) {
  strs a = fresh(ar, base);
  strs b = fresh(ar, base);
  strs c = cloned(ar, base);
  strs d = cloned(ar, base);
  use_strs(a); use_strs(b); use_strs(c); use_strs(d);
}
/* One append and one clone in a struct literal. */
struct lr { ints left, right; };
void take(struct lr t);
void literal_with_clone(sg_arena *ar, ints path) {
  take((struct lr){ints_append(ar, path, 0), ints_clone(ar, path)});
}
/* Copies that are not appended to twice, accumulate, or are deep. */
struct spec2 { strs mounts; };
struct coll { struct spec2 spec; int replicas; };
void use_coll(struct coll c);
void deep_copy_nested(sg_arena *ar, struct coll *orig) {
  struct coll cp = *orig;
  cp.spec.mounts = strs_clone(ar, orig->spec.mounts);
  cp.spec.mounts = strs_append(ar, cp.spec.mounts, SG_STR("/cfg"));
  orig->spec.mounts = strs_append(ar, orig->spec.mounts, SG_STR("/data"));
  use_coll(cp);
}
void snapshot_kept(sg_arena *ar, ints a) {
  ints old = a;
  a = ints_append(ar, a, 2);
  use_two(a, old);
}
void through_temp(sg_arena *ar, ints *p) {
  ints tmp = *p;
  tmp = ints_append(ar, tmp, 1);
  tmp = ints_append(ar, tmp, 2);
  *p = tmp;
  *p = ints_append(ar, *p, 3);
}
void copy_dead_first(sg_arena *ar, ints a) {
  ints b = a;
  b = ints_append(ar, b, 1);
  use_ints(b);
  a = ints_append(ar, a, 2);
  use_ints(a);
}
void copy_in_loop_used(sg_arena *ar, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    strs tags = base;
    tags = strs_append(ar, tags, strs_get(names, i));
    use_strs(tags);
  }
}
void copy_of_each_element(sg_arena *ar, intss rows, groups out) {
  for (ptrdiff_t i = 0; i < rows.len; i++) {
    ints r = intss_get(rows, i);
    r = ints_append(ar, r, 0);
    groups_put(out, (int)i, r);
  }
}
