// Slices, maps and pointers from an arena used after the arena was reset
// or freed: the memory is gone, or handed out again.
// REQUIRES: plugin
// RUN: %sg_verify %s

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP counts /* map[int]int */
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

void use_int(int v);
void use_ints(ints s);

/* Issue 15's first example. */
int issue_example(sg_arena *a) {
  ints s = ints_make(a, 0, 4);
  s = ints_append(a, s, 1); // expected-note {{'s' holds memory allocated from 'a' here}}
  sg_arena_reset(a); // expected-note {{'a' is reset here; make the value again after this, or clone it into another arena before}}
  return ints_get(s, 0); // expected-warning {{'s' is used after arena 'a' was reset; its memory may be reused [sliceguard-use-after-arena-reset]}}
}

/* Issue 15's second example: a map read after its arena is freed. */
int map_after_free(void) {
  sg_arena *a = sg_arena_new();
  counts m = counts_make(a, 0); // expected-note {{'m' holds memory allocated from 'a' here}}
  counts_put(m, 1, 2);
  sg_arena_free(a); // expected-note {{'a' is freed here}}
  return counts_get(m, 1); // expected-warning {{'m' is used after arena 'a' was freed}}
}

/* A view of an arena slice dangles with it. */
int view_after_reset(sg_arena *a) {
  ints s = ints_make(a, 8, 8); // expected-note {{'t' holds memory allocated from 'a' here}}
  ints t = ints_slice(s, 2, 4);
  sg_arena_reset(a); // expected-note {{'a' is reset here}}
  return ints_get(t, 0); // expected-warning {{'t' is used after arena 'a' was reset}}
}

/* So does a copy of the slice header. */
void copy_after_reset(sg_arena *a) {
  ints s = ints_make(a, 8, 8); // expected-note {{'t' holds memory allocated from 'a' here}}
  ints t = s;
  sg_arena_reset(a); // expected-note {{'a' is reset here}}
  use_ints(t); // expected-warning {{'t' is used after arena 'a' was reset}}
}

/* And an element pointer into it. */
int pointer_after_free(sg_arena *a) {
  ints s = ints_make(a, 8, 8); // expected-note {{'p' holds memory allocated from 'a' here}}
  int *p = ints_at(s, 3);
  sg_arena_free(a); // expected-note {{'a' is freed here}}
  return *p; // expected-warning {{'p' is used after arena 'a' was freed}}
}

/* A map_ref pointer into an arena map. */
void map_ref_after_reset(sg_arena *a) {
  counts m = counts_make(a, 0); // expected-note {{'v' holds memory allocated from 'a' here}}
  counts_put(m, 1, 0);
  int *v = counts_ref(m, 1);
  sg_arena_reset(a); // expected-note {{'a' is reset here}}
  *v += 1; // expected-warning {{'v' is used after arena 'a' was reset}}
}

/* A struct field keeps the slice past the reset. */
struct request {
  ints body;
  int status;
};

int field_after_reset(sg_arena *a, struct request *r) {
  r->body = ints_make(a, 0, 16); // expected-note {{'r->body' holds memory allocated from 'a' here}}
  r->status = 200;
  sg_arena_reset(a); // expected-note {{'a' is reset here}}
  return (int)r->body.len; // expected-warning {{'r->body' is used after arena 'a' was reset}}
}

/* Only some paths reset: on those, the read is stale. */
int reset_on_one_path(sg_arena *a, int full) {
  ints s = ints_make(a, 4, 4); // expected-note {{'s' holds memory allocated from 'a' here}}
  if (full)
    sg_arena_reset(a); // expected-note {{'a' is reset here}}
  return ints_get(s, 0); // expected-warning {{'s' is used after arena 'a' was reset}}
}

/* The per-request loop that carries last iteration's value across the
 * reset at its top. */
void carried_across_iterations(sg_arena *scratch, int n) {
  ints prev = {0};
  for (int i = 0; i < n; i++) {
    sg_arena_reset(scratch); // expected-note {{'scratch' is reset here}}
    if (prev.len > 0) // expected-warning {{'prev' is used after arena 'scratch' was reset}}
      use_int(ints_get(prev, 0));
    prev = ints_make(scratch, 1, 1); // expected-note {{'prev' holds memory allocated from 'scratch' here}}
  }
}

/* A same-file helper that resets its arena parameter. */
static void end_frame(sg_arena *frame, int *frames) {
  *frames += 1;
  sg_arena_reset(frame); // expected-note {{'end_frame' resets its arena parameter here}}
}

int reset_in_helper(sg_arena *a, int *frames) {
  ints s = ints_make(a, 4, 4); // expected-note {{'s' holds memory allocated from 'a' here}}
  end_frame(a, frames); // expected-note {{'a' is reset here}}
  return ints_get(s, 1); // expected-warning {{'s' is used after arena 'a' was reset}}
}

/* ... or frees it, through a second helper. */
static void release(sg_arena *x) { sg_arena_free(x); } // expected-note {{'release' frees its arena parameter here}}
static void shutdown(sg_arena *y) { release(y); }

int free_in_nested_helper(sg_arena *a) {
  counts m = counts_make(a, 4); // expected-note {{'m' holds memory allocated from 'a' here}}
  shutdown(a); // expected-note {{'a' is freed here}}
  return counts_len(m); // expected-warning {{'m' is used after arena 'a' was freed}}
}

/* An arena held in a struct field. */
struct server {
  sg_arena *scratch;
  ints pending;
};

void field_arena(struct server *srv) {
  srv->pending = ints_make(srv->scratch, 0, 8); // expected-note {{'srv->pending' holds memory allocated from 'srv->scratch' here}}
  sg_arena_reset(srv->scratch); // expected-note {{'srv->scratch' is reset here}}
  srv->pending = ints_append(srv->scratch, srv->pending, 1); // expected-warning {{'srv->pending' is used after arena 'srv->scratch' was reset}}
}
