// Pointers re-taken after the append, used only before it, or into slices
// that are not appended to: nothing to report.
// REQUIRES: plugin
// RUN: %sg_verify %s
// expected-no-diagnostics

#include <sliceguard/arena.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

struct inst {
  int opcode;
  int result;
};

#define SG_SLICE insts
#define SG_ELEM struct inst
#include <sliceguard/slice.h>

void use_int(int v);

int retaken(sg_arena *a, insts code) {
  struct inst *def = insts_at(code, 0);
  def->opcode = 1;
  code = insts_append(a, code, (struct inst){1, 2});
  def = insts_at(code, 0);
  return def->result;
}

int used_before_only(sg_arena *a, insts code) {
  struct inst *def = insts_at(code, 0);
  int r = def->result;
  code = insts_append(a, code, (struct inst){r, 2});
  return (int)code.len;
}

/* The append goes to an unrelated slice. */
void unrelated(sg_arena *a, ints s, ints t) {
  int *p = ints_at(s, 0);
  t = ints_append(a, t, 1);
  *p = (int)t.len;
}

/* The append result goes elsewhere: s itself does not move. */
void result_elsewhere(sg_arena *a, ints s) {
  int *p = ints_at(s, 0);
  ints t = ints_append(a, s, 1);
  *p = 3;
  use_int((int)t.len);
}

/* Index instead of pointer across the append. */
void keep_index(sg_arena *a, insts code) {
  ptrdiff_t at = code.len - 1;
  code = insts_append(a, code, (struct inst){0, 0});
  insts_at(code, at)->result = 5;
}

/* Copy of the element value, not a pointer. */
int value_copy(sg_arena *a, insts code) {
  struct inst saved = insts_get(code, 0);
  code = insts_append(a, code, saved);
  return saved.result;
}

/* A same-file helper that only reads through the pointer. */
static ptrdiff_t count(const insts *v) { return v->len; }

void reading_helper(insts code) {
  struct inst *first = insts_at(code, 0);
  use_int((int)count(&code));
  first->opcode = 2;
}

/* The struct re-takes its pointer after growing. */
struct parser {
  ints buf;
  int *cursor;
};

void parser_feed(sg_arena *a, struct parser *ps, int byte) {
  ptrdiff_t off = ps->cursor - ps->buf.ptr;
  ps->buf = ints_append(a, ps->buf, byte);
  ps->cursor = ps->buf.ptr + off;
}

/* Pointer taken fresh in every iteration after the append. */
void per_iteration(sg_arena *a, ints s, int n) {
  for (int i = 0; i < n; i++) {
    s = ints_append(a, s, i);
    int *last = ints_at(s, s.len - 1);
    *last += 1;
  }
}
