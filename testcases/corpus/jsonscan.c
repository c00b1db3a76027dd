// encoding/json's scanner (Go 1.19 encoding/json/scanner.go): the state
// machine of step functions, the parse-state stack (a slice pushed with
// append, popped by reslicing, reset to [0:0] and reused through a pool of
// scanners), SyntaxError offsets, quoteChar; and indent.go's compact and
// Indent over a bytes.Buffer (a byte slice with Write and Truncate).
// Marshal(RawMessage) is compact with HTML escaping behind the
// MarshalerError message.  jsonscan.go runs the real package.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/jsonscan.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %sg_verify %sg_cflags %s
// expected-no-diagnostics
// clang-format on

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE bytes
#define SG_ELEM uint8_t
#include <sliceguard/slice.h>

#define SG_SLICE ints
#define SG_ELEM int
#include <sliceguard/slice.h>

static sg_arena *A;

#define S(x) (int)(x).len, (const char *)(x).ptr

/* ---- bytes.Buffer ---- */

typedef struct Buffer {
  bytes buf;
} Buffer;

static ptrdiff_t Len(Buffer *b) { return b->buf.len; }
static void Write(Buffer *b, bytes p) { b->buf = bytes_extend(A, b->buf, p); }
static void WriteByte(Buffer *b, uint8_t c) {
  b->buf = bytes_append(A, b->buf, c);
}
static void WriteString(Buffer *b, sg_str s) {
  b->buf = bytes_append_n(A, b->buf, (const uint8_t *)s.ptr, s.len);
}
static void Truncate(Buffer *b, ptrdiff_t n) {
  b->buf = bytes_slice(b->buf, 0, n);
}
static void Reset(Buffer *b) { b->buf = bytes_slice(b->buf, 0, 0); }

/* ---- scanner.go ---- */

// A SyntaxError is a description of a JSON syntax error.
typedef struct SyntaxError {
  sg_str msg;     // description of error
  int64_t Offset; // error occurred after reading Offset bytes
} SyntaxError;

typedef struct scanner scanner;
typedef int (*stepFunc)(scanner *, uint8_t);

// A scanner is a JSON scanning state machine.
struct scanner {
  // The step is a func to be called to execute the next transition.
  stepFunc step;
  // Reached end of top-level value.
  bool endTop;
  // Stack of what we're in the middle of - array values, object keys,
  // object values.
  ints parseState;
  // Error that happened, if any.
  SyntaxError *err;
  // total bytes consumed, updated by decoder.Decode (and deliberately not
  // set to zero by scan.reset)
  int64_t bytes;
};

// scannerPool: a pool of one, which is what a sequential program gets
// from sync.Pool.
static scanner *scannerPool;

enum {
  // Continue.
  scanContinue,     // uninteresting byte
  scanBeginLiteral, // end implied by next result != scanContinue
  scanBeginObject,  // begin object
  scanObjectKey,    // just finished object key (string)
  scanObjectValue,  // just finished non-last object value
  scanEndObject,    // end object (implies scanObjectValue if possible)
  scanBeginArray,   // begin array
  scanArrayValue,   // just finished array value
  scanEndArray,     // end array (implies scanArrayValue if possible)
  scanSkipSpace,    // space byte; can skip; known to be last "continue" result
  // Stop.
  scanEnd, // top-level value ended *before* this byte; known to be first "stop"
           // result
  scanError, // hit an error, scanner.err.
};

enum {
  parseObjectKey,   // parsing object key (before colon)
  parseObjectValue, // parsing object value (after colon)
  parseArrayValue,  // parsing array value
};

// This limits the max nesting depth to prevent stack overflow.
enum { maxNestingDepth = 10000 };

static int stateBeginValue(scanner *s, uint8_t c);
static int stateBeginValueOrEmpty(scanner *s, uint8_t c);
static int stateBeginStringOrEmpty(scanner *s, uint8_t c);
static int stateBeginString(scanner *s, uint8_t c);
static int stateEndValue(scanner *s, uint8_t c);
static int stateEndTop(scanner *s, uint8_t c);
static int stateInString(scanner *s, uint8_t c);
static int stateInStringEsc(scanner *s, uint8_t c);
static int stateInStringEscU(scanner *s, uint8_t c);
static int stateInStringEscU1(scanner *s, uint8_t c);
static int stateInStringEscU12(scanner *s, uint8_t c);
static int stateInStringEscU123(scanner *s, uint8_t c);
static int stateNeg(scanner *s, uint8_t c);
static int state1(scanner *s, uint8_t c);
static int state0(scanner *s, uint8_t c);
static int stateDot(scanner *s, uint8_t c);
static int stateDot0(scanner *s, uint8_t c);
static int stateE(scanner *s, uint8_t c);
static int stateESign(scanner *s, uint8_t c);
static int stateE0(scanner *s, uint8_t c);
static int stateT(scanner *s, uint8_t c);
static int stateTr(scanner *s, uint8_t c);
static int stateTru(scanner *s, uint8_t c);
static int stateF(scanner *s, uint8_t c);
static int stateFa(scanner *s, uint8_t c);
static int stateFal(scanner *s, uint8_t c);
static int stateFals(scanner *s, uint8_t c);
static int stateN(scanner *s, uint8_t c);
static int stateNu(scanner *s, uint8_t c);
static int stateNul(scanner *s, uint8_t c);
static int stateError(scanner *s, uint8_t c);
static int scan_error(scanner *s, uint8_t c, const char *context);

// reset prepares the scanner for use.  It must be called before calling
// s.step.
static void reset(scanner *s) {
  s->step = stateBeginValue;
  s->parseState = ints_slice(s->parseState, 0, 0);
  s->err = NULL;
  s->endTop = false;
}

static scanner *newScanner(void) {
  scanner *scan = scannerPool;
  scannerPool = NULL;
  if (scan == NULL)
    scan = sg_arena_alloc(A, sizeof *scan);
  scan->bytes = 0;
  reset(scan);
  return scan;
}

static void freeScanner(scanner *scan) {
  // Avoid hanging on to too much memory in extreme cases.
  if (scan->parseState.len > 1024)
    scan->parseState = (ints){0};
  scannerPool = scan;
}

// eof tells the scanner that the end of input has been reached.  It
// returns a scan status just as s.step does.
static int eof(scanner *s) {
  if (s->err != NULL)
    return scanError;
  if (s->endTop)
    return scanEnd;
  s->step(s, ' ');
  if (s->endTop)
    return scanEnd;
  if (s->err == NULL) {
    s->err = sg_arena_alloc(A, sizeof *s->err);
    *s->err = (SyntaxError){SG_STR("unexpected end of JSON input"), s->bytes};
  }
  return scanError;
}

// pushParseState pushes a new parse state p onto the parse stack.  An
// error state is returned if maxNestingDepth was exceeded, otherwise
// successState is returned.
static int pushParseState(scanner *s, uint8_t c, int newParseState,
                          int successState) {
  s->parseState = ints_append(A, s->parseState, newParseState);
  if (s->parseState.len <= maxNestingDepth)
    return successState;
  return scan_error(s, c, "exceeded max depth");
}

// popParseState pops a parse state (already obtained) off the stack and
// updates s.step accordingly.
static void popParseState(scanner *s) {
  ptrdiff_t n = s->parseState.len - 1;
  s->parseState = ints_slice(s->parseState, 0, n);
  if (n == 0) {
    s->step = stateEndTop;
    s->endTop = true;
  } else {
    s->step = stateEndValue;
  }
}

static bool isSpace(uint8_t c) {
  return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
}

// stateBeginValueOrEmpty is the state after reading `[`.
static int stateBeginValueOrEmpty(scanner *s, uint8_t c) {
  if (isSpace(c))
    return scanSkipSpace;
  if (c == ']')
    return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

// stateBeginValue is the state at the beginning of the input.
static int stateBeginValue(scanner *s, uint8_t c) {
  if (isSpace(c))
    return scanSkipSpace;
  switch (c) {
  case '{':
    s->step = stateBeginStringOrEmpty;
    return pushParseState(s, c, parseObjectKey, scanBeginObject);
  case '[':
    s->step = stateBeginValueOrEmpty;
    return pushParseState(s, c, parseArrayValue, scanBeginArray);
  case '"':
    s->step = stateInString;
    return scanBeginLiteral;
  case '-':
    s->step = stateNeg;
    return scanBeginLiteral;
  case '0': // beginning of 0.123
    s->step = state0;
    return scanBeginLiteral;
  case 't': // beginning of true
    s->step = stateT;
    return scanBeginLiteral;
  case 'f': // beginning of false
    s->step = stateF;
    return scanBeginLiteral;
  case 'n': // beginning of null
    s->step = stateN;
    return scanBeginLiteral;
  }
  if ('1' <= c && c <= '9') { // beginning of 1234.5
    s->step = state1;
    return scanBeginLiteral;
  }
  return scan_error(s, c, "looking for beginning of value");
}

// stateBeginStringOrEmpty is the state after reading `{`.
static int stateBeginStringOrEmpty(scanner *s, uint8_t c) {
  if (isSpace(c))
    return scanSkipSpace;
  if (c == '}') {
    ptrdiff_t n = s->parseState.len;
    ints_set(s->parseState, n - 1, parseObjectValue);
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

// stateBeginString is the state after reading `{"key": value,`.
static int stateBeginString(scanner *s, uint8_t c) {
  if (isSpace(c))
    return scanSkipSpace;
  if (c == '"') {
    s->step = stateInString;
    return scanBeginLiteral;
  }
  return scan_error(s, c, "looking for beginning of object key string");
}

// stateEndValue is the state after completing a value, such as after
// reading `{}` or `true` or `["x"`.
static int stateEndValue(scanner *s, uint8_t c) {
  ptrdiff_t n = s->parseState.len;
  if (n == 0) {
    // Completed top-level before the current byte.
    s->step = stateEndTop;
    s->endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s->step = stateEndValue;
    return scanSkipSpace;
  }
  int ps = ints_get(s->parseState, n - 1);
  switch (ps) {
  case parseObjectKey:
    if (c == ':') {
      ints_set(s->parseState, n - 1, parseObjectValue);
      s->step = stateBeginValue;
      return scanObjectKey;
    }
    return scan_error(s, c, "after object key");
  case parseObjectValue:
    if (c == ',') {
      ints_set(s->parseState, n - 1, parseObjectKey);
      s->step = stateBeginString;
      return scanObjectValue;
    }
    if (c == '}') {
      popParseState(s);
      return scanEndObject;
    }
    return scan_error(s, c, "after object key:value pair");
  case parseArrayValue:
    if (c == ',') {
      s->step = stateBeginValue;
      return scanArrayValue;
    }
    if (c == ']') {
      popParseState(s);
      return scanEndArray;
    }
    return scan_error(s, c, "after array element");
  }
  return scan_error(s, c, "");
}

// stateEndTop is the state after finishing the top-level value, such as
// after reading `{}` or `[1,2,3]`.  Only space characters should be seen
// now.
static int stateEndTop(scanner *s, uint8_t c) {
  if (!isSpace(c))
    // Complain about non-space byte on next call.
    scan_error(s, c, "after top-level value");
  return scanEnd;
}

// stateInString is the state after reading `"`.
static int stateInString(scanner *s, uint8_t c) {
  if (c == '"') {
    s->step = stateEndValue;
    return scanContinue;
  }
  if (c == '\\') {
    s->step = stateInStringEsc;
    return scanContinue;
  }
  if (c < 0x20)
    return scan_error(s, c, "in string literal");
  return scanContinue;
}

// stateInStringEsc is the state after reading `"\` during a quoted string.
static int stateInStringEsc(scanner *s, uint8_t c) {
  switch (c) {
  case 'b':
  case 'f':
  case 'n':
  case 'r':
  case 't':
  case '\\':
  case '/':
  case '"':
    s->step = stateInString;
    return scanContinue;
  case 'u':
    s->step = stateInStringEscU;
    return scanContinue;
  }
  return scan_error(s, c, "in string escape code");
}

static bool ishex(uint8_t c) {
  return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') ||
         ('A' <= c && c <= 'F');
}

// stateInStringEscU is the state after reading `"\u` during a quoted
// string.
static int stateInStringEscU(scanner *s, uint8_t c) {
  if (ishex(c)) {
    s->step = stateInStringEscU1;
    return scanContinue;
  }
  // numbers
  return scan_error(s, c, "in \\u hexadecimal character escape");
}

// stateInStringEscU1 is the state after reading `"\u1` during a quoted
// string.
static int stateInStringEscU1(scanner *s, uint8_t c) {
  if (ishex(c)) {
    s->step = stateInStringEscU12;
    return scanContinue;
  }
  return scan_error(s, c, "in \\u hexadecimal character escape");
}

// stateInStringEscU12 is the state after reading `"\u12` during a quoted
// string.
static int stateInStringEscU12(scanner *s, uint8_t c) {
  if (ishex(c)) {
    s->step = stateInStringEscU123;
    return scanContinue;
  }
  return scan_error(s, c, "in \\u hexadecimal character escape");
}

// stateInStringEscU123 is the state after reading `"\u123` during a
// quoted string.
static int stateInStringEscU123(scanner *s, uint8_t c) {
  if (ishex(c)) {
    s->step = stateInString;
    return scanContinue;
  }
  return scan_error(s, c, "in \\u hexadecimal character escape");
}

// stateNeg is the state after reading `-` during a number.
static int stateNeg(scanner *s, uint8_t c) {
  if (c == '0') {
    s->step = state0;
    return scanContinue;
  }
  if ('1' <= c && c <= '9') {
    s->step = state1;
    return scanContinue;
  }
  return scan_error(s, c, "in numeric literal");
}

// state1 is the state after reading a non-zero integer during a number,
// such as after reading `1` or `100` but not `0`.
static int state1(scanner *s, uint8_t c) {
  if ('0' <= c && c <= '9') {
    s->step = state1;
    return scanContinue;
  }
  return state0(s, c);
}

// state0 is the state after reading `0` during a number.
static int state0(scanner *s, uint8_t c) {
  if (c == '.') {
    s->step = stateDot;
    return scanContinue;
  }
  if (c == 'e' || c == 'E') {
    s->step = stateE;
    return scanContinue;
  }
  return stateEndValue(s, c);
}

// stateDot is the state after reading the integer and decimal point in a
// number, such as after reading `1.`.
static int stateDot(scanner *s, uint8_t c) {
  if ('0' <= c && c <= '9') {
    s->step = stateDot0;
    return scanContinue;
  }
  return scan_error(s, c, "after decimal point in numeric literal");
}

// stateDot0 is the state after reading the integer, decimal point, and
// subsequent digits of a number, such as after reading `3.14`.
static int stateDot0(scanner *s, uint8_t c) {
  if ('0' <= c && c <= '9')
    return scanContinue;
  if (c == 'e' || c == 'E') {
    s->step = stateE;
    return scanContinue;
  }
  return stateEndValue(s, c);
}

// stateE is the state after reading the mantissa and e in a number, such
// as after reading `314e` or `0.314e`.
static int stateE(scanner *s, uint8_t c) {
  if (c == '+' || c == '-') {
    s->step = stateESign;
    return scanContinue;
  }
  return stateESign(s, c);
}

// stateESign is the state after reading the mantissa, e, and sign in a
// number, such as after reading `314e-` or `0.314e+`.
static int stateESign(scanner *s, uint8_t c) {
  if ('0' <= c && c <= '9') {
    s->step = stateE0;
    return scanContinue;
  }
  return scan_error(s, c, "in exponent of numeric literal");
}

// stateE0 is the state after reading the mantissa, e, optional sign, and
// at least one digit of the exponent in a number, such as after reading
// `314e-2` or `0.314e+1` or `3.14e0`.
static int stateE0(scanner *s, uint8_t c) {
  if ('0' <= c && c <= '9')
    return scanContinue;
  return stateEndValue(s, c);
}

// stateT is the state after reading `t`.
static int stateT(scanner *s, uint8_t c) {
  if (c == 'r') {
    s->step = stateTr;
    return scanContinue;
  }
  return scan_error(s, c, "in literal true (expecting 'r')");
}

// stateTr is the state after reading `tr`.
static int stateTr(scanner *s, uint8_t c) {
  if (c == 'u') {
    s->step = stateTru;
    return scanContinue;
  }
  return scan_error(s, c, "in literal true (expecting 'u')");
}

// stateTru is the state after reading `tru`.
static int stateTru(scanner *s, uint8_t c) {
  if (c == 'e') {
    s->step = stateEndValue;
    return scanContinue;
  }
  return scan_error(s, c, "in literal true (expecting 'e')");
}

// stateF is the state after reading `f`.
static int stateF(scanner *s, uint8_t c) {
  if (c == 'a') {
    s->step = stateFa;
    return scanContinue;
  }
  return scan_error(s, c, "in literal false (expecting 'a')");
}

// stateFa is the state after reading `fa`.
static int stateFa(scanner *s, uint8_t c) {
  if (c == 'l') {
    s->step = stateFal;
    return scanContinue;
  }
  return scan_error(s, c, "in literal false (expecting 'l')");
}

// stateFal is the state after reading `fal`.
static int stateFal(scanner *s, uint8_t c) {
  if (c == 's') {
    s->step = stateFals;
    return scanContinue;
  }
  return scan_error(s, c, "in literal false (expecting 's')");
}

// stateFals is the state after reading `fals`.
static int stateFals(scanner *s, uint8_t c) {
  if (c == 'e') {
    s->step = stateEndValue;
    return scanContinue;
  }
  return scan_error(s, c, "in literal false (expecting 'e')");
}

// stateN is the state after reading `n`.
static int stateN(scanner *s, uint8_t c) {
  if (c == 'u') {
    s->step = stateNu;
    return scanContinue;
  }
  return scan_error(s, c, "in literal null (expecting 'u')");
}

// stateNu is the state after reading `nu`.
static int stateNu(scanner *s, uint8_t c) {
  if (c == 'l') {
    s->step = stateNul;
    return scanContinue;
  }
  return scan_error(s, c, "in literal null (expecting 'l')");
}

// stateNul is the state after reading `nul`.
static int stateNul(scanner *s, uint8_t c) {
  if (c == 'l') {
    s->step = stateEndValue;
    return scanContinue;
  }
  return scan_error(s, c, "in literal null (expecting 'l')");
}

// stateError is the state after reaching a syntax error, such as after
// reading `[1}` or `5.1.2`.
static int stateError(scanner *s, uint8_t c) {
  (void)s;
  (void)c;
  return scanError;
}

// quoteChar formats c as a quoted character literal (strconv.Quote of
// string(c), whose rune is U+00c).
static sg_str quoteChar(uint8_t c) {
  // special cases - different from quoted strings
  if (c == '\'')
    return SG_STR("'\\''");
  if (c == '"')
    return SG_STR("'\"'");
  char tmp[16];
  static const char esc[] = "abtnvfr";
  if (c >= 7 && c <= 13)
    snprintf(tmp, sizeof tmp, "'\\%c'", esc[c - 7]);
  else if (c == '\\')
    snprintf(tmp, sizeof tmp, "'\\\\'");
  else if (c < 0x20 || c == 0x7f)
    snprintf(tmp, sizeof tmp, "'\\x%02x'", c);
  else if (c < 0x80)
    snprintf(tmp, sizeof tmp, "'%c'", c);
  else if (c <= 0xa0 || c == 0xad) // not printable
    snprintf(tmp, sizeof tmp, "'\\u%04x'", c);
  else
    snprintf(tmp, sizeof tmp, "'%c%c'", 0xC0 | (c >> 6), 0x80 | (c & 0x3F));
  size_t n = strlen(tmp);
  char *p = sg_arena_alloc(A, n);
  memcpy(p, tmp, n);
  return sg_str_make(p, (ptrdiff_t)n);
}

// error records an error and switches to the error state.
static int scan_error(scanner *s, uint8_t c, const char *context) {
  s->step = stateError;
  sg_str q = quoteChar(c);
  size_t n = (size_t)q.len + strlen(context) + 32;
  char *p = sg_arena_alloc(A, n);
  int len = snprintf(p, n, "invalid character %.*s %s", S(q), context);
  s->err = sg_arena_alloc(A, sizeof *s->err);
  *s->err = (SyntaxError){sg_str_make(p, len), s->bytes};
  return scanError;
}

// checkValid verifies that data is valid JSON-encoded data.  scan is
// passed in for use by checkValid to avoid an allocation.
static SyntaxError *checkValid(bytes data, scanner *scan) {
  reset(scan);
  for (ptrdiff_t i = 0; i < data.len; i++) {
    uint8_t c = bytes_get(data, i);
    scan->bytes++;
    if (scan->step(scan, c) == scanError)
      return scan->err;
  }
  if (eof(scan) == scanError)
    return scan->err;
  return NULL;
}

// Valid reports whether data is a valid JSON encoding.
static bool Valid(bytes data) {
  scanner *scan = newScanner();
  bool ok = checkValid(data, scan) == NULL;
  freeScanner(scan);
  return ok;
}

/* ---- indent.go ---- */

static const char hex[] = "0123456789abcdef";

static SyntaxError *compact(Buffer *dst, bytes src, bool escape) {
  ptrdiff_t origLen = Len(dst);
  scanner *scan = newScanner();
  ptrdiff_t start = 0;
  for (ptrdiff_t i = 0; i < src.len; i++) {
    uint8_t c = bytes_get(src, i);
    if (escape && (c == '<' || c == '>' || c == '&')) {
      if (start < i)
        Write(dst, bytes_slice(src, start, i));
      WriteString(dst, SG_STR("\\u00"));
      WriteByte(dst, (uint8_t)hex[c >> 4]);
      WriteByte(dst, (uint8_t)hex[c & 0xF]);
      start = i + 1;
    }
    // Convert U+2028 and U+2029 (E2 80 A8 and E2 80 A9).
    if (escape && c == 0xE2 && i + 2 < src.len &&
        bytes_get(src, i + 1) == 0x80 && (bytes_get(src, i + 2) & ~1) == 0xA8) {
      if (start < i)
        Write(dst, bytes_slice(src, start, i));
      WriteString(dst, SG_STR("\\u202"));
      WriteByte(dst, (uint8_t)hex[bytes_get(src, i + 2) & 0xF]);
      start = i + 3;
    }
    int v = scan->step(scan, c);
    if (v >= scanSkipSpace) {
      if (v == scanError)
        break;
      if (start < i)
        Write(dst, bytes_slice(src, start, i));
      start = i + 1;
    }
  }
  if (eof(scan) == scanError) {
    Truncate(dst, origLen);
    SyntaxError *err = scan->err;
    freeScanner(scan);
    return err;
  }
  if (start < src.len)
    Write(dst, bytes_slice(src, start, src.len));
  freeScanner(scan);
  return NULL;
}

// Compact appends to dst the JSON-encoded src with insignificant space
// characters elided.
static SyntaxError *Compact(Buffer *dst, bytes src) {
  return compact(dst, src, false);
}

static void newline(Buffer *dst, sg_str prefix, sg_str indent, int depth) {
  WriteByte(dst, '\n');
  WriteString(dst, prefix);
  for (int i = 0; i < depth; i++)
    WriteString(dst, indent);
}

// Indent appends to dst an indented form of the JSON-encoded src.
static SyntaxError *Indent(Buffer *dst, bytes src, sg_str prefix,
                           sg_str indent) {
  ptrdiff_t origLen = Len(dst);
  scanner *scan = newScanner();
  bool needIndent = false;
  int depth = 0;
  for (ptrdiff_t i = 0; i < src.len; i++) {
    uint8_t c = bytes_get(src, i);
    scan->bytes++;
    int v = scan->step(scan, c);
    if (v == scanSkipSpace)
      continue;
    if (v == scanError)
      break;
    if (needIndent && v != scanEndObject && v != scanEndArray) {
      needIndent = false;
      depth++;
      newline(dst, prefix, indent, depth);
    }

    // Emit semantically uninteresting bytes (in particular, punctuation
    // in strings) unmodified.
    if (v == scanContinue) {
      WriteByte(dst, c);
      continue;
    }

    // Add spacing around real punctuation.
    switch (c) {
    case '{':
    case '[':
      // delay indent so that empty object and array are formatted as {}
      // and [].
      needIndent = true;
      WriteByte(dst, c);
      break;
    case ',':
      WriteByte(dst, c);
      newline(dst, prefix, indent, depth);
      break;
    case ':':
      WriteByte(dst, c);
      WriteByte(dst, ' ');
      break;
    case '}':
    case ']':
      if (needIndent) {
        // suppress indent in empty object/array
        needIndent = false;
      } else {
        depth--;
        newline(dst, prefix, indent, depth);
      }
      WriteByte(dst, c);
      break;
    default:
      WriteByte(dst, c);
    }
  }
  if (eof(scan) == scanError) {
    Truncate(dst, origLen);
    SyntaxError *err = scan->err;
    freeScanner(scan);
    return err;
  }
  freeScanner(scan);
  return NULL;
}

// Marshal(RawMessage(src)): compact with HTML escaping into the encoder's
// buffer; a failure is a MarshalerError around the SyntaxError.
static SyntaxError *MarshalRaw(bytes src, bytes *out) {
  Buffer e = {0};
  *out = (bytes){0};
  SyntaxError *err = compact(&e, src, true);
  if (err)
    return err;
  *out = bytes_clone(A, e.buf);
  return NULL;
}

/* ---- the program (jsonscan.go) ---- */

// Go's %q of an ASCII or UTF-8 string, as far as these messages need.
static void printQuoted(sg_str s) {
  putchar('"');
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (c == '"' || c == '\\')
      printf("\\%c", c);
    else
      putchar(c);
  }
  putchar('"');
}

static void report(const char *what, bytes out, SyntaxError *err,
                   bool marshal) {
  if (out.len > 200) {
    bytes head = bytes_slice(out, 0, 100);
    bytes tail = bytes_slice(out, out.len - 100, out.len);
    bytes joined =
        bytes_extend(A, bytes_clone(A, head),
                     bytes_append_n(A, (bytes){0}, (const uint8_t *)"...", 3));
    out = bytes_extend(A, joined, tail);
  }
  if (err) {
    printf("  %s: error ", what);
    sg_str msg = err->msg;
    if (marshal) {
      sg_str pre =
          SG_STR("json: error calling MarshalJSON for type json.RawMessage: ");
      bytes m =
          bytes_append_n(A, (bytes){0}, (const uint8_t *)pre.ptr, pre.len);
      m = bytes_append_n(A, m, (const uint8_t *)msg.ptr, msg.len);
      msg = sg_str_make((const char *)m.ptr, m.len);
    }
    printQuoted(msg);
    printf(" at %lld; out=[", (long long)err->Offset);
  } else {
    printf("  %s: [", what);
  }
  fwrite(out.ptr, 1, (size_t)out.len, stdout);
  printf("]\n");
}

static bytes bytes_of(sg_str s) {
  return bytes_append_n(A, (bytes){0}, (const uint8_t *)s.ptr, s.len);
}

static bytes repeat(bytes b, char c, int n) {
  for (int i = 0; i < n; i++)
    b = bytes_append(A, b, (uint8_t)c);
  return b;
}

#define SG_SLICE docs
#define SG_ELEM bytes
#include <sliceguard/slice.h>

int main(void) {
  A = sg_arena_new();
  static const sg_str list[] = {
      SG_STR("{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}"),
      SG_STR("  [ 1 , -2.5e+3 , 0.125 , 1E2 , -0 , 7e-1 ]  "),
      SG_STR("{\"html\":\"<b>&amp;</b>\",\"ls\":\"\xe2\x80\xa8\xe2\x80\xa9\"}"),
      SG_STR("\"just a string with \\\"escapes\\\" \\\\ \\/ \\b\\f\\n\\r\\t "
             "\\u00e9\\u20AC\""),
      SG_STR("[]"),
      SG_STR("{}"),
      SG_STR("[{}, [], [[]], {\"\":\"\"}]"),
      SG_STR("0"),
      SG_STR("-"),
      SG_STR("01"),
      SG_STR("1."),
      SG_STR("1.e3"),
      SG_STR("1e"),
      SG_STR("1e+"),
      SG_STR("[1,]"),
      SG_STR("{\"a\" 1}"),
      SG_STR("{\"a\":1,}"),
      SG_STR("{\"a\":1 \"b\":2}"),
      SG_STR("{1:2}"),
      SG_STR("[1 2]"),
      SG_STR("tru"),
      SG_STR("trux"),
      SG_STR("fals"),
      SG_STR("nul"),
      SG_STR("nulx"),
      SG_STR("\"unterminated"),
      SG_STR("\"ctl\x01"
             "char\""),
      SG_STR("\"\\x\""),
      SG_STR("\"\\u12g4\""),
      SG_STR("[1] [2]"),
      SG_STR("{\"a\":[1,2}"),
      SG_STR("]"),
      SG_STR(""),
      SG_STR("   "),
      SG_STR("\xff"),
      SG_STR("'single'"),
      SG_STR("{\"deep\":[[[[[[[[[[1]]]]]]]]]]}"),
      SG_STR("[ \"tab\tin string\" ]"),
      SG_STR("\n{\n\t\"k\" : [ 1 ,\n 2 ] \r\n}\n"),
  };
  docs inputs = {0};
  for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
    inputs = docs_append(A, inputs, bytes_of(list[i]));
  inputs = docs_append(A, inputs,
                       repeat(repeat((bytes){0}, '[', 10001), ']', 10001));
  bytes nested = repeat((bytes){0}, '[', 500);
  nested = bytes_append(A, nested, '1');
  inputs = docs_append(A, inputs, repeat(nested, ']', 500));

  Buffer buf = {0}; // reused across inputs, as callers reuse buffers
  for (ptrdiff_t n = 0; n < inputs.len; n++) {
    bytes in = docs_get(inputs, n);
    bytes show = in;
    if (show.len > 60)
      show = bytes_extend(A, bytes_clone(A, bytes_slice(show, 0, 60)),
                          bytes_of(SG_STR("...")));
    printf("%td [", n);
    fwrite(show.ptr, 1, (size_t)show.len, stdout);
    printf("] valid=%s\n", Valid(in) ? "true" : "false");
    Reset(&buf);
    WriteString(&buf, SG_STR("prefix:"));
    SyntaxError *err = Compact(&buf, in);
    report("compact", buf.buf, err, false);
    if (in.len < 5000) { // the 10001-deep input would indent to 100 MB
      Reset(&buf);
      err = Indent(&buf, in, SG_STR(">"), SG_STR("  "));
      report("indent", buf.buf, err, false);
    }
    bytes out;
    err = MarshalRaw(in, &out);
    report("marshal", out, err, true);
  }
  sg_arena_free(A);
  return 0;
}
