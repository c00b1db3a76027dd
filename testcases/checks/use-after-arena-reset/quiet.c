// Arena idioms that never touch memory after its arena was reset or freed.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP counts /* map[int]int */
#define SG_KEY int
#define SG_VAL int
#include <sliceguard/map.h>

void use_int(int v);
int next_request(void);

/* A different arena is reset. */
int other_arena(sg_arena *a, sg_arena *b) {
  ints s = ints_make(a, 4, 4);
  sg_arena_reset(b);
  return ints_get(s, 0);
}

/* The value is made again after the reset. */
int rebuilt(sg_arena *a) {
  ints s = ints_make(a, 4, 4);
  use_int(ints_get(s, 0));
  sg_arena_reset(a);
  s = ints_make(a, 2, 2);
  return ints_get(s, 1);
}

/* The per-request loop: reset at the top, everything made inside. */
void per_request(sg_arena *scratch) {
  for (;;) {
    sg_arena_reset(scratch);
    int req = next_request();
    if (req < 0)
      break;
    ints fields = ints_make(scratch, 0, 8);
    fields = ints_append(scratch, fields, req);
    counts seen = counts_make(scratch, 0);
    counts_put(seen, req, 1);
    use_int(ints_get(fields, 0) + counts_get(seen, req));
  }
}

/* A variable declared outside the loop but always made before its use. */
void per_frame(sg_arena *frame, int frames) {
  ints draw = {0};
  for (int i = 0; i < frames; i++) {
    sg_arena_reset(frame);
    draw = ints_make(frame, 0, 4);
    draw = ints_append(frame, draw, i);
    use_int(ints_get(draw, 0));
  }
}

/* Copied out to another arena before the reset. */
int copied_out(sg_arena *scratch, sg_arena *keep) {
  ints tmp = ints_make(scratch, 0, 4);
  tmp = ints_append(scratch, tmp, 7);
  ints kept = ints_clone(keep, tmp);
  sg_arena_reset(scratch);
  return ints_get(kept, 0);
}

/* An element read out before the reset is a copy. */
int element_copied(sg_arena *a) {
  ints s = ints_make(a, 4, 4);
  int first = ints_get(s, 0);
  sg_arena_free(a);
  return first;
}

/* Used only before the free; the variable is cleared after it. */
void cleared_after_free(sg_arena *a) {
  counts m = counts_make(a, 0);
  counts_put(m, 1, 1);
  use_int(counts_len(m));
  sg_arena_free(a);
  m = NULL;
  (void)m;
}

/* A helper that resets an arena it owns, not its parameter. */
static void churn(sg_arena *unused) {
  (void)unused;
  sg_arena *own = sg_arena_new();
  sg_arena_reset(own);
  sg_arena_free(own);
}

int helper_resets_own_arena(sg_arena *a) {
  ints s = ints_make(a, 4, 4);
  churn(a);
  return ints_get(s, 0);
}

/* A helper that resets the other arena parameter. */
static void end_frame(sg_arena *keep, sg_arena *frame) {
  (void)keep;
  sg_arena_reset(frame);
}

int helper_resets_other(sg_arena *a, sg_arena *scratch) {
  ints s = ints_make(a, 4, 4);
  end_frame(a, scratch);
  return ints_get(s, 0);
}
