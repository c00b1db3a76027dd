// A pointer to a slice element stays in the old array when append moves it.
// REQUIRES: plugin
// RUN: %sg_verify %s

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

/* SPIRV-Tools #226: a reference to an instruction kept across a push. */
int direct(sg_arena *a, insts code) {
  struct inst *def = insts_at(code, 0); // expected-note {{'def' points into 'code' from here}}
  code = insts_append(a, code, (struct inst){1, 2}); // expected-note {{'code' may be reallocated by this append}}
  return def->result; // expected-warning {{'def' may point into the old backing array of 'code' after an append [sliceguard-ref-across-append]}}
}

/* &s.ptr[i] is the same as at(). */
void address_of_element(sg_arena *a, ints s) {
  int *last = &s.ptr[s.len - 1]; // expected-note {{'last' points into 's' from here}}
  s = ints_append(a, s, 0); // expected-note {{'s' may be reallocated by this append}}
  *last = 5; // expected-warning {{'last' may point into the old backing array of 's'}}
  use_int((int)s.len);
}

/* Pointer arithmetic on .ptr. */
void pointer_arithmetic(sg_arena *a, ints s, ptrdiff_t i) {
  int *p = s.ptr + i; // expected-note {{'p' points into 's' from here}}
  s = ints_extend(a, s, s); // expected-note {{'s' may be reallocated by this append}}
  use_int(*p); // expected-warning {{'p' may point into the old backing array of 's'}}
}

/* redpanda-operator #1587 / notcurses #2280: a same-file helper appends
 * through a pointer to the slice. */
static void push(sg_arena *a, insts *v, struct inst x) {
  *v = insts_append(a, *v, x);
}

static void emit_two(sg_arena *a, insts *v, int op) {
  push(a, v, (struct inst){op, 0});
  push(a, v, (struct inst){op, 1});
}

void through_helper(sg_arena *a, insts code) {
  struct inst *first = insts_at(code, 0); // expected-note {{'first' points into 'code' from here}}
  push(a, &code, (struct inst){3, 4}); // expected-note {{'code' may be reallocated by this append}}
  first->opcode = 9; // expected-warning {{'first' may point into the old backing array of 'code'}}
}

void through_two_helpers(sg_arena *a, insts code) {
  struct inst *first = insts_at(code, 0); // expected-note {{'first' points into 'code' from here}}
  emit_two(a, &code, 7); // expected-note {{'code' may be reallocated by this append}}
  use_int(first->opcode); // expected-warning {{'first' may point into the old backing array of 'code'}}
}

/* The slice is reached through a pointer parameter. */
void through_param_pointer(sg_arena *a, insts *code) {
  struct inst *top = insts_at(*code, code->len - 1); // expected-note {{'top' points into '*code' from here}}
  *code = insts_append(a, *code, (struct inst){0, 0}); // expected-note {{'*code' may be reallocated by this append}}
  top->result = 1; // expected-warning {{'top' may point into the old backing array of '*code'}}
}

/* aws-c-cal #219: a struct keeps a pointer into its own slice field. */
struct parser {
  ints buf;
  int *cursor;
};

void parser_feed(sg_arena *a, struct parser *ps, int byte) {
  ps->cursor = ints_at(ps->buf, 0); // expected-note {{'ps->cursor' points into 'ps->buf' from here}}
  ps->buf = ints_append(a, ps->buf, byte); // expected-warning {{append to 'ps->buf' may move its array while 'ps->cursor' still points into it}}
}

/* The pointer is used on the next loop iteration, after the append. */
void loop_carried(sg_arena *a, ints s, int n) {
  int *mark = ints_at(s, 0); // expected-note {{'mark' points into 's' from here}}
  for (int i = 0; i < n; i++) {
    *mark += i; // expected-warning {{'mark' may point into the old backing array of 's'}}
    s = ints_append(a, s, i); // expected-note {{'s' may be reallocated by this append}}
  }
}
