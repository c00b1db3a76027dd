// Variations of the shapes in bugs.c: struct values, helpers calling
// helpers, helpers written other ways, slices of slices, caller memory,
// macros, append_n, results kept inside structs, struct literals, shallow
// copies that append to their own copy of the slice.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include "../Inputs/slice_types.h"
/* A1: struct by value fields */
struct cfg { strs args; strs env; };
struct cfg a1(sg_arena *ar, struct cfg base) {
  struct cfg out = base;
  out.args = strs_append(ar, base.args, SG_STR("-x")); // expected-note {{'out.args' was appended from 'base.args' here and may share its backing array}}
  base.args = strs_append(ar, base.args, SG_STR("-y")); // expected-warning {{append to 'base.args' may overwrite 'out.args', which may share its backing array [sliceguard-append-alias]}}
  use_strs(base.args);
  return out;
}
/* A2: helper returning append(param) via another helper */
static ints add1(sg_arena *ar, ints s) { return ints_append(ar, s, 1); }
static ints add1b(sg_arena *ar, ints s) { return add1(ar, s); }
void a2(sg_arena *ar, ints base) {
  ints x = add1b(ar, base); // expected-note {{'x' was appended from 'base' here and may share its backing array}}
  ints y = add1b(ar, base); // expected-warning {{append to 'base' may overwrite 'x', which may share its backing array [sliceguard-append-alias]}}
  use_two(x, y);
}
/* A3: loop stored in slice of slices via set */
void a3(sg_arena *ar, intss rows, ints prefix) {
  for (ptrdiff_t i = 0; i < rows.len; i++) {
    ints r = ints_append(ar, prefix, (int)i); // expected-warning {{append to 'prefix' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}}
    intss_set(rows, i, r); // expected-note {{result kept here outlives the iteration}}
  }
}
/* A4: loop over map range, stored to map via put */
void a4(sg_arena *ar, labels in, labels out, strs common) {
  sg_range(labels, in, it) {
    strs v = strs_append(ar, common, it.key); // expected-warning {{append to 'common' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}}
    labels_put(out, it.key, v); // expected-note {{result kept here outlives the iteration}}
  }
}
/* A5: loop stored to caller memory (array element) */
void a5(sg_arena *ar, ints *outs, int n, ints base) {
  for (int i = 0; i < n; i++)
    outs[i] = ints_append(ar, base, i); // expected-warning {{append to 'base' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}} // expected-note {{result kept here outlives the iteration}}
}
/* A6: loop stored to struct field of pointer array */
struct job { ints argv; };
void a6(sg_arena *ar, struct job *jobs, int n, ints base) {
  for (int i = 0; i < n; i++) {
    ints argv = ints_append(ar, base, i); // expected-warning {{append to 'base' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}}
    jobs[i].argv = argv; // expected-note {{result kept here outlives the iteration}}
  }
}
/* A7: one call, macro */
#define ADD(s, v) ints_append(ar, (s), (v))
void a7(sg_arena *ar, ints p) {
  use_two(ADD(p, 1), ADD(p, 2)); // expected-warning {{append to 'p' may overwrite the other append to 'p' in the same call; both results may share its backing array [sliceguard-append-alias]}} // expected-note {{the other result was appended from 'p' here}}
}
/* A8: write via ints_at on base */
void a8(sg_arena *ar, ints base) {
  ints g = ints_append(ar, base, 1); // expected-note {{'g' was appended from 'base' here and may share its backing array}}
  *ints_at(base, 0) = 3; // expected-warning {{write through 'base' may change 'g', which may share its backing array [sliceguard-append-alias]}}
  use_ints(g);
}
/* A9: the open-telemetry shape with local pointer copies */
struct spec { strs mounts; };
void a9(sg_arena *ar, struct spec *in) {
  struct spec *copy = in + 1;
  copy->mounts = strs_append(ar, in->mounts, SG_STR("/a")); // expected-note {{'copy->mounts' was appended from 'in->mounts' here and may share its backing array}}
  in->mounts = strs_append(ar, in->mounts, SG_STR("/b")); // expected-warning {{append to 'in->mounts' may overwrite 'copy->mounts', which may share its backing array [sliceguard-append-alias]}}
}
/* A10: results returned in a struct (kept by caller) */
struct two { ints a, b; };
struct two a10(sg_arena *ar, ints base) {
  struct two t;
  t.a = ints_append(ar, base, 1); // expected-note {{'t.a' was appended from 'base' here and may share its backing array}}
  t.b = ints_append(ar, base, 2); // expected-warning {{append to 'base' may overwrite 't.a', which may share its backing array [sliceguard-append-alias]}}
  return t;
}
/* A11: append_n to base */
void a11(sg_arena *ar, ints base, const int *p) {
  ints x = ints_append_n(ar, base, p, 2); // expected-note {{'x' was appended from 'base' here and may share its backing array}}
  ints y = ints_append_n(ar, base, p + 2, 2); // expected-warning {{append to 'base' may overwrite 'x', which may share its backing array [sliceguard-append-alias]}}
  use_two(x, y);
}
/* A12: kubernetes: helper returning append(param) used in loop stored */
static strs with(sg_arena *ar, strs a, sg_str f) { return strs_append(ar, a, f); }
void a12(sg_arena *ar, labels out, strs common, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++)
    labels_put(out, strs_get(names, i), with(ar, common, strs_get(names, i))); // expected-warning {{append to 'common' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}} // expected-note {{result kept here outlives the iteration}}
}
/* marathon-consul #247 as Go writes it: the result goes into a struct that
 * is kept (by value, as a literal, through an element pointer, into an
 * array of structs). */
struct reg { strs tags; int port; };
#define SG_SLICE regs
#define SG_ELEM struct reg
#include <sliceguard/slice.h>
regs t1(sg_arena *ar, strs common, strs names) {
  regs out = {0};
  for (ptrdiff_t i = 0; i < names.len; i++) {
    struct reg r;
    r.port = (int)i;
    r.tags = strs_append(ar, common, strs_get(names, i)); // expected-warning {{append to 'common' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}}
    out = regs_append(ar, out, r); // expected-note {{result kept here outlives the iteration}}
  }
  return out;
}
regs t2(sg_arena *ar, strs common, strs names) {
  regs out = {0};
  for (ptrdiff_t i = 0; i < names.len; i++)
    out = regs_append(ar, out, (struct reg){.tags = strs_append(ar, common, strs_get(names, i)), .port = 1}); // expected-warning {{append to 'common' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}} // expected-note {{result kept here outlives the iteration}}
  return out;
}
void t3(sg_arena *ar, regs out, strs common, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    struct reg *r = regs_at(out, i);
    r->tags = strs_append(ar, common, strs_get(names, i)); // expected-warning {{append to 'common' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}} // expected-note {{result kept here outlives the iteration}}
  }
}
void t4(sg_arena *ar, struct reg *out, strs common, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    struct reg r = {0};
    r.tags = strs_append(ar, common, strs_get(names, i)); // expected-warning {{append to 'common' in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}}
    out[i] = r; // expected-note {{result kept here outlives the iteration}}
  }
}
/* kubernetes #70678 with the helper written other ways: growing its
 * parameter in place, returning it unchanged on one path, through a local. */
static strs add_flags(sg_arena *ar, strs args) {
  args = strs_append(ar, args, SG_STR("-a"));
  args = strs_append(ar, args, SG_STR("-b"));
  return args;
}
static strs maybe_flag(sg_arena *ar, strs args, int on) {
  if (!on)
    return args;
  return strs_append(ar, args, SG_STR("--on"));
}
static strs via_local(sg_arena *ar, strs args, sg_str x) {
  strs out = strs_append(ar, args, x);
  out = strs_append(ar, out, SG_STR("--"));
  return out;
}
void u1(sg_arena *ar, strs base) {
  strs a = add_flags(ar, base); // expected-note {{'a' was appended from 'base' here and may share its backing array}}
  strs b = add_flags(ar, base); // expected-warning {{append to 'base' may overwrite 'a', which may share its backing array [sliceguard-append-alias]}}
  use_strs(a); use_strs(b);
}
void u2(sg_arena *ar, strs base) {
  strs a = maybe_flag(ar, base, 1); // expected-note {{'a' was appended from 'base' here and may share its backing array}}
  strs b = maybe_flag(ar, base, 0); // expected-warning {{append to 'base' may overwrite 'a', which may share its backing array [sliceguard-append-alias]}}
  use_strs(a); use_strs(b);
}
void u3(sg_arena *ar, strs base) {
  strs a = via_local(ar, base, SG_STR("1")); // expected-note {{'a' was appended from 'base' here and may share its backing array}}
  strs b = via_local(ar, base, SG_STR("2")); // expected-warning {{append to 'base' may overwrite 'a', which may share its backing array [sliceguard-append-alias]}}
  use_strs(a); use_strs(b);
}
/* protoreflect #242 with a struct literal instead of a call. */
struct lr { ints left, right; };
void take(struct lr t);
void s1(sg_arena *ar, ints path) {
  take((struct lr){ints_append(ar, path, 0), ints_append(ar, path, 1)}); // expected-warning {{append to 'path' may overwrite the other append to 'path' in the same struct literal; both results may share its backing array [sliceguard-append-alias]}} // expected-note {{the other result was appended from 'path' here}}
}
struct lr s2(sg_arena *ar, ints path) {
  struct lr t = {ints_append(ar, path, 0), ints_append(ar, path, 1)}; // expected-warning {{append to 'path' may overwrite the other append to 'path' in the same struct literal; both results may share its backing array [sliceguard-append-alias]}} // expected-note {{the other result was appended from 'path' here}}
  return t;
}
/* open-telemetry-operator #4954 as written: a shallow copy of the struct
 * appends to its own (shared) field, then the original appends to its. */
struct spec2 { strs mounts; strs args; };
struct coll { struct spec2 spec; int replicas; };
void use_coll(struct coll c);
void shallow_copy_nested(sg_arena *ar, struct coll *orig) {
  struct coll cp = *orig;
  cp.spec.mounts = strs_append(ar, orig->spec.mounts, SG_STR("/cfg")); // expected-note {{'cp.spec.mounts' was appended from 'orig->spec.mounts' here and may share its backing array}}
  orig->spec.mounts = strs_append(ar, orig->spec.mounts, SG_STR("/data")); // expected-warning {{append to 'orig->spec.mounts' may overwrite 'cp.spec.mounts', which may share its backing array [sliceguard-append-alias]}}
  use_coll(cp);
}
void shallow_copy_self_append(sg_arena *ar, struct coll *orig) {
  struct coll cp = *orig;
  cp.spec.mounts = strs_append(ar, cp.spec.mounts, SG_STR("/cfg")); // expected-note {{'cp.spec.mounts', a copy of 'orig->spec.mounts', was appended to here and may still share its backing array; clone it first to give it its own}}
  orig->spec.mounts = strs_append(ar, orig->spec.mounts, SG_STR("/data")); // expected-warning {{append to 'orig->spec.mounts' may overwrite 'cp.spec.mounts', which may share its backing array [sliceguard-append-alias]}}
  use_coll(cp);
}
struct coll by_value_copy(sg_arena *ar, struct coll orig) {
  struct coll cp = orig;
  cp.spec.args = strs_append(ar, cp.spec.args, SG_STR("-v")); // expected-note {{'cp.spec.args', a copy of 'orig.spec.args', was appended to here and may still share its backing array; clone it first to give it its own}}
  orig.spec.args = strs_append(ar, orig.spec.args, SG_STR("-q")); // expected-warning {{append to 'orig.spec.args' may overwrite 'cp.spec.args', which may share its backing array [sliceguard-append-alias]}}
  use_coll(orig);
  return cp;
}
/* b = a; b = append(b, x): the same as b = append(a, x). */
void copy_then_append(sg_arena *ar, ints a) {
  ints b = a;
  b = ints_append(ar, b, 1); // expected-note {{'b', a copy of 'a', was appended to here and may still share its backing array; clone it first to give it its own}}
  a = ints_append(ar, a, 2); // expected-warning {{append to 'a' may overwrite 'b', which may share its backing array [sliceguard-append-alias]}}
  use_two(a, b);
}
void copy_in_loop(sg_arena *ar, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    strs tags = base;
    tags = strs_append(ar, tags, strs_get(names, i)); // expected-warning {{append to 'tags' (a copy of 'base') in a loop may overwrite results kept from earlier iterations; they all share its backing array [sliceguard-append-alias]}}
    labels_put(out, strs_get(names, i), tags); // expected-note {{result kept here outlives the iteration}}
  }
}
