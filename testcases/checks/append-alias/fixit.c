// The fix-it clones the base of the append that made the alias; after it
// is applied the file compiles without the finding.  FIXED lines are
// anchored with {{^}} so they cannot match their own comment in the fixed
// copy.
// REQUIRES: plugin
// RUN: cp %s %t.c
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -fdiagnostics-parseable-fixits %t.c 2>&1 | FileCheck %s --check-prefix=FIXITS
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin -Xclang -fixit %t.c 2>/dev/null
// RUN: FileCheck %s --check-prefix=FIXED < %t.c
// RUN: %clang -fsyntax-only %sg_inc %sg_plugin %t.c 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP labels
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

void run(strs argv);

void start(sg_arena *arena, strs common) {
  strs server = strs_append(arena, common, SG_STR("--server"));
  strs client = strs_append(arena, common, SG_STR("--client"));
  run(server);
  run(client);
}
// FIXITS: fix-it:"{{.*}}":{[[@LINE-5]]:36-[[@LINE-5]]:42}:"strs_clone(arena, common)"
// FIXED: {{^}}  strs server = strs_append(arena, strs_clone(arena, common), SG_STR("--server"));
// FIXED-NEXT: {{^}}  strs client = strs_append(arena, common, SG_STR("--client"));

struct spec {
  strs mounts;
};

void add_mounts(sg_arena *a, struct spec *orig, struct spec *copy) {
  *copy = *orig;
  copy->mounts = strs_append(a, orig->mounts, SG_STR("/cfg"));
  orig->mounts = strs_append(a, orig->mounts, SG_STR("/data"));
}
// FIXED: {{^}}  copy->mounts = strs_append(a, strs_clone(a, orig->mounts), SG_STR("/cfg"));

void tags_per_service(sg_arena *a, labels out, strs base, strs names) {
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str name = strs_get(names, i);
    strs tags = strs_append(a, base, name);
    labels_put(out, name, tags);
  }
}
// FIXED: {{^}}    strs tags = strs_append(a, strs_clone(a, base), name);

// QUIET-NOT: warning:
