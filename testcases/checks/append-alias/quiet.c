// Ownership moved, clones, and a = append(a, ...): nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_SLICE argvs
#define SG_ELEM strs
#include <sliceguard/slice.h>

#define SG_MAP labels
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

void use_ints(ints s);
void use_two(ints x, ints y);
void use_strs(strs s);

/* a = append(a, ...) is the normal form. */
ints accumulate(sg_arena *a, ints in) {
  ints out = {0};
  for (ptrdiff_t i = 0; i < in.len; i++)
    out = ints_append(a, out, ints_get(in, i));
  out = ints_append(a, out, 0);
  return out;
}

/* Ownership moves: base is never touched again. */
ints ownership_moves(sg_arena *a, ints base) {
  ints grown = ints_append(a, base, 1);
  grown = ints_append(a, grown, 2);
  return grown;
}

/* The base is cloned first. */
void clone_first(sg_arena *a, ints base) {
  ints x = ints_append(a, ints_clone(a, base), 1);
  ints y = ints_append(a, ints_clone(a, base), 2);
  use_two(x, y);
}

/* The first result is dead before the second append. */
void first_result_dead(sg_arena *a, ints base) {
  ints x = ints_append(a, base, 1);
  use_ints(x);
  ints y = ints_append(a, base, 2);
  use_ints(y);
}

/* The result replaced the base: base = grown. */
void result_becomes_base(sg_arena *a, ints base) {
  ints grown = ints_append(a, base, 1);
  base = grown;
  base = ints_append(a, base, 2);
  use_ints(base);
}

/* Loop that stores a clone of each result. */
void tags_cloned(sg_arena *a, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str name = strs_get(names, i);
    strs tags = strs_append(a, strs_clone(a, base), name);
    labels_put(out, name, tags);
  }
}

/* Loop that stores results built from a fresh slice each time. */
void tags_fresh(sg_arena *a, labels out, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str name = strs_get(names, i);
    strs tags = strs_make(a, 0, 2);
    tags = strs_append(a, tags, name);
    labels_put(out, name, tags);
  }
}

/* Loop whose results are only consumed, never kept. */
void tags_printed(sg_arena *a, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    strs tags = strs_append(a, base, strs_get(names, i));
    use_strs(tags);
  }
}

/* Loop that grows the accumulator it stores into. */
argvs grow_rows(sg_arena *a, strs names) {
  argvs rows = {0};
  strs row = {0};
  for (ptrdiff_t i = 0; i < names.len; i++) {
    row = strs_append(a, row, strs_get(names, i));
    rows = argvs_append(a, rows, strs_clone(a, row));
  }
  return rows;
}

/* Writes to the base only before the append. */
void write_before(sg_arena *a, ints base) {
  ints_set(base, 0, 1);
  ints grown = ints_append(a, base, 2);
  use_ints(grown);
}

/* Struct field appended in place. */
struct spec {
  strs mounts;
};

void in_place(sg_arena *a, struct spec *s) {
  s->mounts = strs_append(a, s->mounts, SG_STR("/cfg"));
  s->mounts = strs_append(a, s->mounts, SG_STR("/data"));
}

/* Deep copy before appending. */
void deep_copy(sg_arena *a, struct spec *orig, struct spec *copy) {
  *copy = *orig;
  copy->mounts = strs_append(a, strs_clone(a, orig->mounts), SG_STR("/cfg"));
  orig->mounts = strs_append(a, orig->mounts, SG_STR("/data"));
}

/* Two appends in one call, on a clone each. */
void clones_in_one_call(sg_arena *a, ints path) {
  use_two(ints_append(a, ints_clone(a, path), 1),
          ints_append(a, ints_clone(a, path), 2));
}

/* Two appends in one call, to different slices. */
void different_slices_in_one_call(sg_arena *a, ints p, ints q) {
  use_two(ints_append(a, p, 1), ints_append(a, q, 2));
}

/* Same-file helper that clones. */
static strs with_flag_copy(sg_arena *a, strs args, sg_str flag) {
  return strs_append(a, strs_clone(a, args), flag);
}

void helper_clones(sg_arena *a, strs common) {
  strs server = with_flag_copy(a, common, SG_STR("--server"));
  strs client = with_flag_copy(a, common, SG_STR("--client"));
  use_strs(server);
  use_strs(client);
}

/* Recursion that passes each extension down before making the next. */
void dfs(sg_arena *a, ints path, int depth) {
  if (depth == 0)
    return;
  dfs(a, ints_append(a, path, 0), depth - 1);
  dfs(a, ints_append(a, path, 1), depth - 1);
}
