/* fuzz_support.h - what the runtime fuzzers share: reading operations out
 * of the fuzzer's bytes, catching the runtime's panics, and failing loudly.
 *
 * A fuzz target interprets its input as a program: one byte picks an
 * operation, the following bytes its operands.  When the bytes run out the
 * program ends, so every input is valid and libFuzzer's mutations always
 * mean something.
 */
#ifndef SLICEGUARD_FUZZ_SUPPORT_H
#define SLICEGUARD_FUZZ_SUPPORT_H

/* setenv is POSIX; this header must come before any system header. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <sliceguard/core.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- input ------------------------------------------------------------- */

typedef struct fz_input {
  const uint8_t *p, *end;
} fz_input;

static inline bool fz_more(const fz_input *in) { return in->p < in->end; }

/* The next byte, or 0 once the input is used up. */
static inline uint8_t fz_byte(fz_input *in) {
  return in->p < in->end ? *in->p++ : 0;
}

static inline uint16_t fz_u16(fz_input *in) {
  uint16_t lo = fz_byte(in);
  return (uint16_t)(lo | (uint16_t)fz_byte(in) << 8);
}

/* Values no sane program uses, to reach every bounds and overflow check. */
static inline ptrdiff_t fz_wild(fz_input *in) {
  static const ptrdiff_t wild[] = {-1,
                                   -2,
                                   -1000,
                                   PTRDIFF_MIN,
                                   PTRDIFF_MIN + 1,
                                   PTRDIFF_MAX,
                                   PTRDIFF_MAX - 1,
                                   (ptrdiff_t)1 << 40,
                                   (ptrdiff_t)1 << 62,
                                   -((ptrdiff_t)1 << 40)};
  return wild[fz_byte(in) % (sizeof wild / sizeof wild[0])];
}

/* An index near [0, limit]: mostly inside, sometimes just past the end,
 * rarely wild. */
static inline ptrdiff_t fz_near(fz_input *in, ptrdiff_t limit) {
  uint8_t b = fz_byte(in);
  if (b >= 240)
    return fz_wild(in);
  if (limit < 0 || limit > ((ptrdiff_t)1 << 40))
    return b & 3; /* limit is itself wild */
  if (b >= 224)
    return limit + (b & 3);
  return (ptrdiff_t)(b % ((size_t)limit + 2));
}

/* ---- failures ---------------------------------------------------------- */

/* A disagreement with the reference model: print it and crash so libFuzzer
 * saves the input. */
__attribute__((noreturn, format(printf, 1, 2))) static inline void
fz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "\nFUZZ MODEL MISMATCH: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  abort();
}

#define FZ_CHECK(cond, ...)                                                    \
  do {                                                                         \
    if (!(cond))                                                               \
      fz_fail(__VA_ARGS__);                                                    \
  } while (0)

/* ---- panics -------------------------------------------------------------
 * The runtime's panic handler longjmps back to the operation that was
 * expected to panic.  A panic nobody expected is a finding. */

static jmp_buf *fz_panic_target;
static char fz_panic_message[512];
static unsigned long fz_panics_caught;

static void fz_on_panic(const char *message, const char *location) {
  snprintf(fz_panic_message, sizeof fz_panic_message, "%s", message);
  if (!fz_panic_target)
    fz_fail("unexpected panic: %s (at %s)", message, location);
  fz_panics_caught++;
  longjmp(*fz_panic_target, 1);
}

/* Installs the handler and turns off the symbolizer, which would otherwise
 * start addr2line for every panic the fuzzer provokes on purpose. */
static inline void fz_init_panics(void) {
  setenv("SLICEGUARD_SYMBOLIZER", "off", 1);
  sg_set_panic_handler(fz_on_panic);
}

/* Runs STMT, which must panic with exactly EXPECTED (a full message such as
 * "panic: runtime error: index out of range [3] with length 2").  Anything
 * STMT assigns is lost, as in Go after a recovered panic. */
#define FZ_EXPECT_PANIC(expected, stmt)                                        \
  do {                                                                         \
    jmp_buf fz_jb_;                                                            \
    fz_panic_target = &fz_jb_;                                                 \
    if (!setjmp(fz_jb_)) {                                                     \
      stmt;                                                                    \
      fz_panic_target = NULL;                                                  \
      fz_fail("expected a panic: %s", (expected));                             \
    }                                                                          \
    fz_panic_target = NULL;                                                    \
    FZ_CHECK(strcmp(fz_panic_message, (expected)) == 0,                        \
             "wrong panic message:\n  got:  %s\n  want: %s", fz_panic_message, \
             (expected));                                                      \
  } while (0)

/* "panic: runtime error: " + printf(fmt, ...) into buf. */
__attribute__((format(printf, 3, 4))) static inline void
fz_runtime_error(char *buf, size_t size, const char *fmt, ...) {
  int n = snprintf(buf, size, "panic: runtime error: ");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf + n, size - (size_t)n, fmt, ap);
  va_end(ap);
}

#endif /* SLICEGUARD_FUZZ_SUPPORT_H */
