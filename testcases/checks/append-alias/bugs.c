// b = append(a, ...) with b distinct from a: a and b may share one array, so
// the next append to a (or a write through a) changes b.
// REQUIRES: plugin
// RUN: %sg_verify %s

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

/* The textbook case: two appends to one base. */
void two_appends(sg_arena *a, ints base) {
  ints x = ints_append(a, base, 1); // expected-note {{'x' was appended from 'base' here and may share its backing array}}
  ints y = ints_append(a, base, 2); // expected-warning {{append to 'base' may overwrite 'x', which may share its backing array [sliceguard-append-alias]}}
  use_two(x, y);
}

/* Assignment form, the later append writes back into base. */
void append_then_grow_base(sg_arena *a, ints base) {
  ints snapshot;
  snapshot = ints_append(a, base, 1); // expected-note {{'snapshot' was appended from 'base' here}}
  base = ints_append(a, base, 2); // expected-warning {{append to 'base' may overwrite 'snapshot'}}
  use_ints(base);
  use_ints(snapshot);
}

/* A write through the base is visible in the result. */
void write_through_base(sg_arena *a, ints base) {
  ints grown = ints_append(a, base, 1); // expected-note {{'grown' was appended from 'base' here}}
  ints_set(base, 0, 42); // expected-warning {{write through 'base' may change 'grown', which may share its backing array}}
  use_ints(grown);
}

void write_through_base_ptr(sg_arena *a, ints base) {
  ints grown = ints_append(a, base, 1); // expected-note {{'grown' was appended from 'base' here}}
  base.ptr[0] = 7; // expected-warning {{write through 'base' may change 'grown'}}
  use_ints(grown);
}

/* open-telemetry-operator #4954: a shallow copy of a struct gets its own
 * mounts by appending to the original's. */
struct spec {
  strs mounts;
  strs args;
};

void add_mounts(sg_arena *a, struct spec *orig, struct spec *copy) {
  *copy = *orig;
  copy->mounts = strs_append(a, orig->mounts, SG_STR("/cfg")); // expected-note {{'copy->mounts' was appended from 'orig->mounts' here}}
  orig->mounts = strs_append(a, orig->mounts, SG_STR("/data")); // expected-warning {{append to 'orig->mounts' may overwrite 'copy->mounts'}}
}

/* kubernetes #70678: a same-file helper returns append(param, ...). */
static strs with_flag(sg_arena *a, strs args, sg_str flag) {
  return strs_append(a, args, flag);
}

void build_commands(sg_arena *a, strs common) {
  strs server = with_flag(a, common, SG_STR("--server")); // expected-note {{'server' was appended from 'common' here}}
  strs client = with_flag(a, common, SG_STR("--client")); // expected-warning {{append to 'common' may overwrite 'server'}}
  use_strs(server);
  use_strs(client);
}

/* marathon-consul #247: the loop stores each result, and every iteration
 * appends to the same base. */
void tags_per_service(sg_arena *a, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str name = strs_get(names, i);
    strs tags = strs_append(a, base, name); // expected-warning {{append to 'base' in a loop may overwrite results kept from earlier iterations}}
    labels_put(out, name, tags); // expected-note {{result kept here}}
  }
}

/* cluster-api #5670: the append inside a map range, the result appended to
 * a slice of slices. */
argvs commands_for(sg_arena *a, labels machines, strs base_args) {
  argvs cmds = {0};
  sg_range(labels, machines, it) {
    strs args = strs_append(a, base_args, it.key); // expected-warning {{append to 'base_args' in a loop may overwrite results kept from earlier iterations}}
    cmds = argvs_append(a, cmds, args); // expected-note {{result kept here}}
  }
  return cmds;
}

/* The same when the append result is stored without a name. */
void stored_directly(sg_arena *a, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++)
    labels_put(out, strs_get(names, i), strs_append(a, base, strs_get(names, i))); // expected-warning {{append to 'base' in a loop may overwrite results kept from earlier iterations}} expected-note {{result kept here}}
}

/* jhump/protoreflect #242: both appends are arguments of one call. */
void both_in_one_call(sg_arena *a, ints path) {
  use_two(ints_append(a, path, 1), // expected-note {{appended from 'path' here}}
          ints_append(a, path, 2)); // expected-warning {{append to 'path' may overwrite the other append to 'path' in the same call}}
}

/* Through a struct field of a local. */
struct cmd {
  strs argv;
};

void local_struct(sg_arena *a, strs base) {
  struct cmd c1, c2;
  c1.argv = strs_append(a, base, SG_STR("-v")); // expected-note {{'c1.argv' was appended from 'base' here}}
  c2.argv = strs_append(a, base, SG_STR("-q")); // expected-warning {{append to 'base' may overwrite 'c1.argv'}}
  use_strs(c1.argv);
  use_strs(c2.argv);
}

/* A recursion path that is extended twice. */
void visit(sg_arena *a, ints path, int depth) {
  if (depth == 0)
    return;
  ints left = ints_append(a, path, 0); // expected-note {{'left' was appended from 'path' here}}
  ints right = ints_append(a, path, 1); // expected-warning {{append to 'path' may overwrite 'left'}}
  visit(a, left, depth - 1);
  visit(a, right, depth - 1);
}
