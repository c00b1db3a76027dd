// A port of fmt's formatting core (Go 1.19, src/fmt/format.go): the fmt
// state with its flags and intbuf, writePadding (which grows the shared
// *buffer by hand: make(cap*2+n), copy, then *f.buf = buf[:newLen]), pad,
// padString, fmtBoolean, fmtUnicode, fmtInteger, truncateString, truncate,
// fmtS, fmtBs, fmtSbx/fmtSx/fmtBx (appending straight to *f.buf), fmtQ,
// fmtC, fmtQc; print.go's buffer type (write, writeString, writeByte
// through a pointer receiver; writeRune is left out, only badVerb uses
// it) and the part of doPrintf, parsenum and the fmtInteger, fmtString,
// fmtBytes and fmtBool dispatch that single-verb formats use.  Quoting
// uses strconv's ASCII path (AppendQuoteToASCII and friends, with
// CanBackquote); plain %q and %#U are exercised on ASCII only, where
// IsPrint needs no tables.  The Go original of main is fmtverbs.go; both
// must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/fmtverbs.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE buffer
#define SG_ELEM char
#include <sliceguard/slice.h>

typedef buffer bytes; /* []byte and fmt's buffer share one slice type */

typedef int32_t rune;

static sg_arena *heap;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* ---- unicode/utf8 ------------------------------------------------------ */

enum { RuneError = 0xFFFD, RuneSelf = 0x80, MaxRune = 0x10FFFF, UTFMax = 4 };

static rune DecodeRuneInString(sg_str s, ptrdiff_t *size) {
  if (s.len < 1) {
    *size = 0;
    return RuneError;
  }
  const unsigned char *p = (const unsigned char *)s.ptr;
  unsigned c0 = p[0];
  if (c0 < RuneSelf) {
    *size = 1;
    return (rune)c0;
  }
  int need;
  rune r;
  unsigned lo = 0x80, hi = 0xBF;
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    need = 2;
    r = (rune)(c0 & 0x1F);
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    need = 3;
    r = (rune)(c0 & 0x0F);
    lo = c0 == 0xE0 ? 0xA0 : 0x80;
    hi = c0 == 0xED ? 0x9F : 0xBF;
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    need = 4;
    r = (rune)(c0 & 0x07);
    lo = c0 == 0xF0 ? 0x90 : 0x80;
    hi = c0 == 0xF4 ? 0x8F : 0xBF;
  } else {
    *size = 1;
    return RuneError;
  }
  if (s.len < need) {
    *size = 1;
    return RuneError;
  }
  for (int i = 1; i < need; i++) {
    unsigned c = p[i];
    if (c < lo || c > hi) {
      *size = 1;
      return RuneError;
    }
    lo = 0x80;
    hi = 0xBF;
    r = (r << 6) | (rune)(c & 0x3F);
  }
  *size = need;
  return r;
}

static sg_str str_view(bytes b) { return sg_str_make(b.ptr, b.len); }

static ptrdiff_t RuneCountInString(sg_str s) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < s.len; n++) {
    ptrdiff_t size;
    DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    i += size;
  }
  return n;
}

static ptrdiff_t RuneCount(bytes b) { return RuneCountInString(str_view(b)); }

static bool ValidRune(rune r) {
  return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune);
}

static ptrdiff_t RuneLen(rune r) {
  if (r < 0)
    return -1;
  if (r < 0x80)
    return 1;
  if (r < 0x800)
    return 2;
  if (0xD800 <= r && r <= 0xDFFF)
    return -1;
  if (r < 0x10000)
    return 3;
  if (r <= MaxRune)
    return 4;
  return -1;
}

static ptrdiff_t EncodeRune(bytes p, rune r) {
  uint32_t i = (uint32_t)r;
  if (i <= 0x7F) {
    buffer_set(p, 0, (char)r);
    return 1;
  }
  if (i <= 0x7FF) {
    buffer_set(p, 0, (char)(0xC0 | (r >> 6)));
    buffer_set(p, 1, (char)(0x80 | (r & 0x3F)));
    return 2;
  }
  if (i > MaxRune || (0xD800 <= i && i <= 0xDFFF))
    r = RuneError;
  if ((uint32_t)r <= 0xFFFF) {
    buffer_set(p, 0, (char)(0xE0 | (r >> 12)));
    buffer_set(p, 1, (char)(0x80 | ((r >> 6) & 0x3F)));
    buffer_set(p, 2, (char)(0x80 | (r & 0x3F)));
    return 3;
  }
  buffer_set(p, 0, (char)(0xF0 | (r >> 18)));
  buffer_set(p, 1, (char)(0x80 | ((r >> 12) & 0x3F)));
  buffer_set(p, 2, (char)(0x80 | ((r >> 6) & 0x3F)));
  buffer_set(p, 3, (char)(0x80 | (r & 0x3F)));
  return 4;
}

/* ---- strconv's ASCII quoting ------------------------------------------- */

static const char lowerhex[] = "0123456789abcdef";

/* strconv.IsPrint, for the ASCII runes it is asked about here. */
static bool IsPrint(rune r) {
  if (r >= RuneSelf)
    go_panic("strconv.IsPrint beyond ASCII is not ported");
  return 0x20 <= r && r < 0x7F;
}

static bytes appendStr(bytes b, sg_str s) {
  return buffer_append_n(heap, b, s.ptr, s.len);
}

static bytes appendEscapedRune(bytes buf, rune r, char quote) {
  if (r == (rune)quote || r == '\\') { // always backslashed
    buf = buffer_append(heap, buf, '\\');
    return buffer_append(heap, buf, (char)r);
  }
  if (r < RuneSelf && IsPrint(r)) /* ASCIIonly */
    return buffer_append(heap, buf, (char)r);
  switch (r) {
  case '\a':
    return appendStr(buf, SG_STR("\\a"));
  case '\b':
    return appendStr(buf, SG_STR("\\b"));
  case '\f':
    return appendStr(buf, SG_STR("\\f"));
  case '\n':
    return appendStr(buf, SG_STR("\\n"));
  case '\r':
    return appendStr(buf, SG_STR("\\r"));
  case '\t':
    return appendStr(buf, SG_STR("\\t"));
  case '\v':
    return appendStr(buf, SG_STR("\\v"));
  }
  if (r < ' ' || r == 0x7f) {
    buf = appendStr(buf, SG_STR("\\x"));
    buf = buffer_append(heap, buf, lowerhex[(uint8_t)r >> 4]);
    return buffer_append(heap, buf, lowerhex[(uint8_t)r & 0xF]);
  }
  if (!ValidRune(r))
    r = 0xFFFD;
  if (r < 0x10000) {
    buf = appendStr(buf, SG_STR("\\u"));
    for (int s = 12; s >= 0; s -= 4)
      buf = buffer_append(heap, buf, lowerhex[r >> (unsigned)s & 0xF]);
    return buf;
  }
  buf = appendStr(buf, SG_STR("\\U"));
  for (int s = 28; s >= 0; s -= 4)
    buf = buffer_append(heap, buf, lowerhex[r >> (unsigned)s & 0xF]);
  return buf;
}

static bytes AppendQuoteToASCII(bytes buf, sg_str s) {
  if (buf.cap - buf.len < s.len) {
    bytes nBuf = buffer_make(heap, buf.len, buf.len + 1 + s.len + 1);
    buffer_copy(nBuf, buf);
    buf = nBuf;
  }
  buf = buffer_append(heap, buf, '"');
  for (ptrdiff_t width = 0; s.len > 0; s = sg_str_slice(s, width, s.len)) {
    rune r = (unsigned char)s.ptr[0];
    width = 1;
    if (r >= RuneSelf)
      r = DecodeRuneInString(s, &width);
    if (width == 1 && r == RuneError) {
      buf = appendStr(buf, SG_STR("\\x"));
      buf = buffer_append(heap, buf, lowerhex[(unsigned char)s.ptr[0] >> 4]);
      buf = buffer_append(heap, buf, lowerhex[(unsigned char)s.ptr[0] & 0xF]);
      continue;
    }
    buf = appendEscapedRune(buf, r, '"');
  }
  return buffer_append(heap, buf, '"');
}

static bytes AppendQuoteRuneToASCII(bytes buf, rune r) {
  buf = buffer_append(heap, buf, '\'');
  if (!ValidRune(r))
    r = RuneError;
  buf = appendEscapedRune(buf, r, '\'');
  return buffer_append(heap, buf, '\'');
}

// CanBackquote reports whether the string s can be represented unchanged
// as a single-line backquoted string without control characters other
// than tab.
static bool CanBackquote(sg_str s) {
  while (s.len > 0) {
    ptrdiff_t wid;
    rune r = DecodeRuneInString(s, &wid);
    s = sg_str_slice(s, wid, s.len);
    if (wid > 1) {
      if (r == 0xFEFF)
        return false; // BOMs are invisible and should not be quoted.
      continue;       // All other multibyte runes are correctly encoded and
                      // assumed printable.
    }
    if (r == RuneError)
      return false;
    if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
      return false;
  }
  return true;
}

/* ---- print.go: buffer -------------------------------------------------- */

static void buffer_write(buffer *b, bytes p) {
  *b = buffer_extend(heap, *b, p);
}

static void buffer_writeString(buffer *b, sg_str s) {
  *b = buffer_append_n(heap, *b, s.ptr, s.len);
}

static void buffer_writeByte(buffer *b, char c) {
  *b = buffer_append(heap, *b, c);
}

/* ---- format.go --------------------------------------------------------- */

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

enum { isSignedTrue = 1, isSignedFalse = 0 };

// flags placed in a separate struct for easy clearing.
typedef struct fmtFlags {
  bool widPresent;
  bool precPresent;
  bool minus;
  bool plus;
  bool sharp;
  bool space;
  bool zero;

  // For the formats %+v %#v, we set the plusV/sharpV flags and clear the
  // plus/sharp flags since %+v and %#v are in effect different, flagless
  // formats set at the top level.
  bool plusV;
  bool sharpV;
} fmtFlags;

// A fmt is the raw formatter used by Printf etc.  It prints into a buffer
// that must be set up separately.
typedef struct fmt {
  buffer *buf;

  fmtFlags flags;
  ptrdiff_t wid;  // width
  ptrdiff_t prec; // precision

  // intbuf is large enough to store %b of an int64 with a sign and avoids
  // padding at the end of the struct on 32 bit architectures.
  char intbuf[68];
} fmt;

static void fmt_clearflags(fmt *f) { f->flags = (fmtFlags){0}; }

static void fmt_init(fmt *f, buffer *buf) {
  f->buf = buf;
  fmt_clearflags(f);
}

// writePadding generates n bytes of padding.
static void fmt_writePadding(fmt *f, ptrdiff_t n) {
  if (n <= 0) // No padding bytes needed.
    return;
  buffer buf = *f->buf;
  ptrdiff_t oldLen = buf.len;
  ptrdiff_t newLen = oldLen + n;
  // Make enough room for padding.
  if (newLen > buf.cap) {
    buf = buffer_make(heap, buf.cap * 2 + n, buf.cap * 2 + n);
    buffer_copy(buf, *f->buf);
  }
  // Decide which byte the padding should be filled with.
  char padByte = ' ';
  if (f->flags.zero)
    padByte = '0';
  // Fill padding with padByte.
  buffer padding = buffer_slice(buf, oldLen, newLen);
  for (ptrdiff_t i = 0; i < padding.len; i++)
    buffer_set(padding, i, padByte);
  *f->buf = buffer_slice(buf, 0, newLen);
}

// pad appends b to f.buf, padded on left (!f.minus) or right (f.minus).
static void fmt_pad(fmt *f, bytes b) {
  if (!f->flags.widPresent || f->wid == 0) {
    buffer_write(f->buf, b);
    return;
  }
  ptrdiff_t width = f->wid - RuneCount(b);
  if (!f->flags.minus) {
    // left padding
    fmt_writePadding(f, width);
    buffer_write(f->buf, b);
  } else {
    // right padding
    buffer_write(f->buf, b);
    fmt_writePadding(f, width);
  }
}

// padString appends s to f.buf, padded on left (!f.minus) or right
// (f.minus).
static void fmt_padString(fmt *f, sg_str s) {
  if (!f->flags.widPresent || f->wid == 0) {
    buffer_writeString(f->buf, s);
    return;
  }
  ptrdiff_t width = f->wid - RuneCountInString(s);
  if (!f->flags.minus) {
    // left padding
    fmt_writePadding(f, width);
    buffer_writeString(f->buf, s);
  } else {
    // right padding
    buffer_writeString(f->buf, s);
    fmt_writePadding(f, width);
  }
}

// fmtBoolean formats a boolean.
static void fmt_fmtBoolean(fmt *f, bool v) {
  if (v)
    fmt_padString(f, SG_STR("true"));
  else
    fmt_padString(f, SG_STR("false"));
}

// fmtUnicode formats a uint64 as "U+0078" or with f.sharp set as
// "U+0078 'x'".
static void fmt_fmtUnicode(fmt *f, uint64_t u) {
  buffer buf = {f->intbuf, 68, 68};

  // With default precision set the maximum needed buf length is 18 for
  // formatting -1 with %#U ("U+FFFFFFFFFFFFFFFF") which fits into the
  // already allocated intbuf with a capacity of 68 bytes.
  ptrdiff_t prec = 4;
  if (f->flags.precPresent && f->prec > 4) {
    prec = f->prec;
    // Compute space needed for "U+" , number, " '", character, "'".
    ptrdiff_t width = 2 + prec + 2 + UTFMax + 1;
    if (width > buf.len)
      buf = buffer_make(heap, width, width);
  }

  // Format into buf, ending at buf[i].  Formatting numbers is easier
  // right-to-left.
  ptrdiff_t i = buf.len;

  // For %#U we want to add a space and a quoted character at the end of
  // the buffer.
  if (f->flags.sharp && u <= MaxRune && IsPrint((rune)u)) {
    i--;
    buffer_set(buf, i, '\'');
    i -= RuneLen((rune)u);
    EncodeRune(buffer_slice(buf, i, buf.len), (rune)u);
    i--;
    buffer_set(buf, i, '\'');
    i--;
    buffer_set(buf, i, ' ');
  }
  // Format the Unicode code point u as a hexadecimal number.
  while (u >= 16) {
    i--;
    buffer_set(buf, i, udigits[u & 0xF]);
    prec--;
    u >>= 4;
  }
  i--;
  buffer_set(buf, i, udigits[u]);
  prec--;
  // Add zeros in front of the number until requested precision is
  // reached.
  while (prec > 0) {
    i--;
    buffer_set(buf, i, '0');
    prec--;
  }
  // Add a leading "U+".
  i--;
  buffer_set(buf, i, '+');
  i--;
  buffer_set(buf, i, 'U');

  bool oldZero = f->flags.zero;
  f->flags.zero = false;
  fmt_pad(f, buffer_slice(buf, i, buf.len));
  f->flags.zero = oldZero;
}

// fmtInteger formats signed and unsigned integers.
static void fmt_fmtInteger(fmt *f, uint64_t u, int base, bool isSigned,
                           rune verb, const char *digits) {
  bool negative = isSigned && (int64_t)u < 0;
  if (negative)
    u = -u;

  buffer buf = {f->intbuf, 68, 68};
  // The already allocated f.intbuf with a capacity of 68 bytes is large
  // enough for integer formatting when no precision or width is set.
  if (f->flags.widPresent || f->flags.precPresent) {
    // Account 3 extra bytes for possible addition of a sign and "0x".
    ptrdiff_t width = 3 + f->wid + f->prec; // wid and prec are always
                                            // positive.
    if (width > buf.len)
      // We're going to need a bigger boat.
      buf = buffer_make(heap, width, width);
  }

  // Two ways to ask for extra leading zero digits: %.3d or %03d.  If both
  // are specified the f.zero flag is ignored and padding with spaces is
  // used instead.
  ptrdiff_t prec = 0;
  if (f->flags.precPresent) {
    prec = f->prec;
    // Precision of 0 and value of 0 means "print nothing" but padding.
    if (prec == 0 && u == 0) {
      bool oldZero = f->flags.zero;
      f->flags.zero = false;
      fmt_writePadding(f, f->wid);
      f->flags.zero = oldZero;
      return;
    }
  } else if (f->flags.zero && f->flags.widPresent) {
    prec = f->wid;
    if (negative || f->flags.plus || f->flags.space)
      prec--; // leave room for sign
  }

  // Because printing is easier right-to-left: format u into buf, ending at
  // buf[i].  We could make things marginally faster by splitting the
  // 32-bit case out into a separate block but it's not worth the
  // duplication, so u has 64 bits.
  ptrdiff_t i = buf.len;
  // Use constants for the division and modulo for more efficient code.
  // Switch cases ordered by popularity.
  switch (base) {
  case 10:
    while (u >= 10) {
      i--;
      uint64_t next = u / 10;
      buffer_set(buf, i, (char)('0' + u - next * 10));
      u = next;
    }
    break;
  case 16:
    while (u >= 16) {
      i--;
      buffer_set(buf, i, digits[u & 0xF]);
      u >>= 4;
    }
    break;
  case 8:
    while (u >= 8) {
      i--;
      buffer_set(buf, i, (char)('0' + (u & 7)));
      u >>= 3;
    }
    break;
  case 2:
    while (u >= 2) {
      i--;
      buffer_set(buf, i, (char)('0' + (u & 1)));
      u >>= 1;
    }
    break;
  default:
    go_panic("fmt: unknown base; can't happen");
  }
  i--;
  buffer_set(buf, i, digits[u]);
  while (i > 0 && prec > buf.len - i) {
    i--;
    buffer_set(buf, i, '0');
  }

  // Various prefixes: 0x, -, etc.
  if (f->flags.sharp) {
    switch (base) {
    case 2:
      // Add a leading 0b.
      i--;
      buffer_set(buf, i, 'b');
      i--;
      buffer_set(buf, i, '0');
      break;
    case 8:
      if (buffer_get(buf, i) != '0') {
        i--;
        buffer_set(buf, i, '0');
      }
      break;
    case 16:
      // Add a leading 0x or 0X.
      i--;
      buffer_set(buf, i, digits[16]);
      i--;
      buffer_set(buf, i, '0');
      break;
    }
  }
  if (verb == 'O') {
    i--;
    buffer_set(buf, i, 'o');
    i--;
    buffer_set(buf, i, '0');
  }

  if (negative) {
    i--;
    buffer_set(buf, i, '-');
  } else if (f->flags.plus) {
    i--;
    buffer_set(buf, i, '+');
  } else if (f->flags.space) {
    i--;
    buffer_set(buf, i, ' ');
  }

  // Left padding with zeros has already been handled like precision
  // earlier or the f.zero flag is ignored due to an explicit precision.
  bool oldZero = f->flags.zero;
  f->flags.zero = false;
  fmt_pad(f, buffer_slice(buf, i, buf.len));
  f->flags.zero = oldZero;
}

// truncateString truncates the string s to the specified precision, if
// present.
static sg_str fmt_truncateString(fmt *f, sg_str s) {
  if (f->flags.precPresent) {
    ptrdiff_t n = f->prec;
    for (ptrdiff_t i = 0; i < s.len;) {
      n--;
      if (n < 0)
        return sg_str_slice(s, 0, i);
      ptrdiff_t size;
      DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
      i += size;
    }
  }
  return s;
}

// truncate truncates the byte slice b as a string of the specified
// precision, if present.
static bytes fmt_truncate(fmt *f, bytes b) {
  if (f->flags.precPresent) {
    ptrdiff_t n = f->prec;
    for (ptrdiff_t i = 0; i < b.len;) {
      n--;
      if (n < 0)
        return buffer_slice(b, 0, i);
      ptrdiff_t wid = 1;
      if ((unsigned char)buffer_get(b, i) >= RuneSelf)
        DecodeRuneInString(str_view(buffer_slice(b, i, b.len)), &wid);
      i += wid;
    }
  }
  return b;
}

// fmtS formats a string.
static void fmt_fmtS(fmt *f, sg_str s) {
  s = fmt_truncateString(f, s);
  fmt_padString(f, s);
}

// fmtBs formats the byte slice b as if it was formatted as string with
// fmtS.
static void fmt_fmtBs(fmt *f, bytes b) {
  b = fmt_truncate(f, b);
  fmt_pad(f, b);
}

// fmtSbx formats a string or byte slice as a hexadecimal encoding of its
// bytes.
static void fmt_fmtSbx(fmt *f, sg_str s, bytes b, const char *digits) {
  ptrdiff_t length = b.len;
  if (b.ptr == NULL)
    // No byte slice present.  Assume string s should be encoded.
    length = s.len;
  // Set length to not process more bytes than the precision demands.
  if (f->flags.precPresent && f->prec < length)
    length = f->prec;
  // Compute width of the encoding taking into account the f.sharp and
  // f.space flag.
  ptrdiff_t width = 2 * length;
  if (width > 0) {
    if (f->flags.space) {
      // Each element encoded by two hexadecimals will get a leading 0x or
      // 0X.
      if (f->flags.sharp)
        width *= 2;
      // Elements will be separated by a space.
      width += length - 1;
    } else if (f->flags.sharp) {
      // Only a leading 0x or 0X will be added for the whole string.
      width += 2;
    }
  } else { // The byte slice or string that should be encoded is empty.
    if (f->flags.widPresent)
      fmt_writePadding(f, f->wid);
    return;
  }
  // Handle padding to the left.
  if (f->flags.widPresent && f->wid > width && !f->flags.minus)
    fmt_writePadding(f, f->wid - width);
  // Write the encoding directly into the output buffer.
  buffer buf = *f->buf;
  if (f->flags.sharp) {
    // Add leading 0x or 0X.
    buf = buffer_append(heap, buf, '0');
    buf = buffer_append(heap, buf, digits[16]);
  }
  for (ptrdiff_t i = 0; i < length; i++) {
    if (f->flags.space && i > 0) {
      // Separate elements with a space.
      buf = buffer_append(heap, buf, ' ');
      if (f->flags.sharp) {
        // Add leading 0x or 0X for each element.
        buf = buffer_append(heap, buf, '0');
        buf = buffer_append(heap, buf, digits[16]);
      }
    }
    unsigned char c;
    if (b.ptr != NULL)
      c = (unsigned char)buffer_get(b, i); // Take a byte from the input
                                           // byte slice.
    else
      c = (unsigned char)s.ptr[i]; // Take a byte from the input string.
    // Encode each byte as two hexadecimal digits.
    buf = buffer_append(heap, buf, digits[c >> 4]);
    buf = buffer_append(heap, buf, digits[c & 0xF]);
  }
  *f->buf = buf;
  // Handle padding to the right.
  if (f->flags.widPresent && f->wid > width && f->flags.minus)
    fmt_writePadding(f, f->wid - width);
}

static void fmt_fmtSx(fmt *f, sg_str s, const char *digits) {
  fmt_fmtSbx(f, s, (bytes){0}, digits);
}

static void fmt_fmtBx(fmt *f, bytes b, const char *digits) {
  fmt_fmtSbx(f, SG_STR(""), b, digits);
}

// fmtQ formats a string as a double-quoted, escaped Go string constant.
// If f.sharp is set a raw (backquoted) string may be returned instead if
// the string does not contain any control characters other than tab.
static void fmt_fmtQ(fmt *f, sg_str s) {
  s = fmt_truncateString(f, s);
  if (f->flags.sharp && CanBackquote(s)) {
    buffer q = buffer_append(heap, (buffer){0}, '`');
    q = appendStr(q, s);
    q = buffer_append(heap, q, '`');
    fmt_padString(f, str_view(q));
    return;
  }
  buffer buf = {f->intbuf, 0, 68};
  /* f.plus: AppendQuoteToASCII; otherwise AppendQuote, which is the same
   * on the ASCII strings it gets here. */
  fmt_pad(f, AppendQuoteToASCII(buf, s));
}

// fmtC formats an integer as a Unicode character.  If the character is
// not valid Unicode, it will print '\ufffd'.
static void fmt_fmtC(fmt *f, uint64_t c) {
  rune r = (rune)c;
  if (c > MaxRune)
    r = RuneError;
  buffer buf = {f->intbuf, 0, 68};
  ptrdiff_t w = EncodeRune(buffer_slice(buf, 0, UTFMax), r);
  fmt_pad(f, buffer_slice(buf, 0, w));
}

// fmtQc formats an integer as a single-quoted, escaped Go character
// constant.  If the character is not valid Unicode, it will print
// '\ufffd'.
static void fmt_fmtQc(fmt *f, uint64_t c) {
  rune r = (rune)c;
  if (c > MaxRune)
    r = RuneError;
  buffer buf = {f->intbuf, 0, 68};
  fmt_pad(f, AppendQuoteRuneToASCII(buf, r));
}

/* ---- print.go: the dispatch -------------------------------------------- */

typedef enum argKind { kInt, kUint, kRune, kString, kBytes, kBool } argKind;

typedef struct arg {
  argKind kind;
  int64_t i;
  uint64_t u;
  sg_str s;
  bytes b;
  bool t;
} arg;

typedef struct pp {
  buffer buf;
  fmt fmt;
} pp;

static void pp_fmtInteger(pp *p, uint64_t v, bool isSigned, rune verb) {
  switch (verb) {
  case 'v':
  case 'd':
    fmt_fmtInteger(&p->fmt, v, 10, isSigned, verb, ldigits);
    break;
  case 'b':
    fmt_fmtInteger(&p->fmt, v, 2, isSigned, verb, ldigits);
    break;
  case 'o':
  case 'O':
    fmt_fmtInteger(&p->fmt, v, 8, isSigned, verb, ldigits);
    break;
  case 'x':
    fmt_fmtInteger(&p->fmt, v, 16, isSigned, verb, ldigits);
    break;
  case 'X':
    fmt_fmtInteger(&p->fmt, v, 16, isSigned, verb, udigits);
    break;
  case 'c':
    fmt_fmtC(&p->fmt, v);
    break;
  case 'q':
    fmt_fmtQc(&p->fmt, v);
    break;
  case 'U':
    fmt_fmtUnicode(&p->fmt, v);
    break;
  default:
    go_panic("bad verb (not ported)");
  }
}

static void pp_fmtString(pp *p, sg_str v, rune verb) {
  switch (verb) {
  case 'v':
    if (p->fmt.flags.sharpV)
      fmt_fmtQ(&p->fmt, v);
    else
      fmt_fmtS(&p->fmt, v);
    break;
  case 's':
    fmt_fmtS(&p->fmt, v);
    break;
  case 'x':
    fmt_fmtSx(&p->fmt, v, ldigits);
    break;
  case 'X':
    fmt_fmtSx(&p->fmt, v, udigits);
    break;
  case 'q':
    fmt_fmtQ(&p->fmt, v);
    break;
  default:
    go_panic("bad verb (not ported)");
  }
}

static void pp_fmtBytes(pp *p, bytes v, rune verb) {
  switch (verb) {
  case 's':
    fmt_fmtBs(&p->fmt, v);
    break;
  case 'x':
    fmt_fmtBx(&p->fmt, v, ldigits);
    break;
  case 'X':
    fmt_fmtBx(&p->fmt, v, udigits);
    break;
  default:
    go_panic("bad verb (not ported)");
  }
}

static void pp_fmtBool(pp *p, bool v, rune verb) {
  if (verb == 't' || verb == 'v')
    fmt_fmtBoolean(&p->fmt, v);
  else
    go_panic("bad verb (not ported)");
}

static void pp_printArg(pp *p, arg a, rune verb) {
  switch (a.kind) {
  case kInt:
    pp_fmtInteger(p, (uint64_t)a.i, isSignedTrue, verb);
    break;
  case kRune: /* int32, sign-extended as print.go's uint64(f) does */
    pp_fmtInteger(p, (uint64_t)(int64_t)(rune)a.i, isSignedTrue, verb);
    break;
  case kUint:
    pp_fmtInteger(p, a.u, isSignedFalse, verb);
    break;
  case kString:
    pp_fmtString(p, a.s, verb);
    break;
  case kBytes:
    pp_fmtBytes(p, a.b, verb);
    break;
  case kBool:
    pp_fmtBool(p, a.t, verb);
    break;
  }
}

// tooLarge reports whether the magnitude of the integer is too large to
// be used as a formatting width or precision.
static bool tooLarge(ptrdiff_t x) {
  const ptrdiff_t max = 1e6;
  return x > max || x < -max;
}

// parsenum converts ASCII to integer.  num is 0 (and isnum is false) if no
// number present.
static ptrdiff_t parsenum(sg_str s, ptrdiff_t start, ptrdiff_t end, bool *isnum,
                          ptrdiff_t *newi) {
  ptrdiff_t num = 0;
  *isnum = false;
  if (start >= end) {
    *newi = end;
    return 0;
  }
  for (*newi = start; *newi < end && '0' <= s.ptr[*newi] && s.ptr[*newi] <= '9';
       (*newi)++) {
    if (tooLarge(num)) {
      *isnum = false;
      *newi = end;
      return 0; // Overflow; crazy long number most likely.
    }
    num = num * 10 + (s.ptr[*newi] - '0');
    *isnum = true;
  }
  return num;
}

/* doPrintf for formats with one argument and no [n] or * (the flags,
 * width, precision and verb parsing as print.go has it). */
static void pp_doPrintf(pp *p, sg_str format, arg a) {
  ptrdiff_t end = format.len;
  int argNum = 0;
  for (ptrdiff_t i = 0; i < end;) {
    ptrdiff_t lasti = i;
    while (i < end && format.ptr[i] != '%')
      i++;
    if (i > lasti)
      buffer_writeString(&p->buf, sg_str_slice(format, lasti, i));
    if (i >= end)
      // done processing format string
      break;

    // Process one verb
    i++;

    // Do we have flags?
    fmt_clearflags(&p->fmt);
    for (; i < end; i++) {
      char c = format.ptr[i];
      bool done = false;
      switch (c) {
      case '#':
        p->fmt.flags.sharp = true;
        break;
      case '0':
        p->fmt.flags.zero = !p->fmt.flags.minus; // Only allow zero padding
                                                 // to the left.
        break;
      case '+':
        p->fmt.flags.plus = true;
        break;
      case '-':
        p->fmt.flags.minus = true;
        p->fmt.flags.zero = false; // Do not pad with zeros to the right.
        break;
      case ' ':
        p->fmt.flags.space = true;
        break;
      default:
        done = true;
      }
      if (done)
        break;
    }

    // Do we have width?
    p->fmt.wid = parsenum(format, i, end, &p->fmt.flags.widPresent, &i);

    // Do we have precision?
    if (i + 1 < end && format.ptr[i] == '.') {
      i++;
      p->fmt.prec = parsenum(format, i, end, &p->fmt.flags.precPresent, &i);
      if (!p->fmt.flags.precPresent) {
        p->fmt.prec = 0;
        p->fmt.flags.precPresent = true;
      }
    }

    if (i >= end) {
      buffer_writeString(&p->buf, SG_STR("%!(NOVERB)"));
      break;
    }

    rune verb = (unsigned char)format.ptr[i];
    i++;

    if (verb == '%') { // Percent does not absorb operands and ignores
                       // f.wid and f.prec.
      buffer_writeByte(&p->buf, '%');
      continue;
    }
    if (argNum >= 1)
      go_panic("only one argument per format is ported");
    if (verb == 'v') {
      // Go syntax
      p->fmt.flags.sharpV = p->fmt.flags.sharp;
      p->fmt.flags.sharp = false;
      // Struct-field syntax
      p->fmt.flags.plusV = p->fmt.flags.plus;
      p->fmt.flags.plus = false;
    }
    pp_printArg(p, a, verb);
    argNum++;
  }
}

/* fmt.Sprintf into a pp whose buffer is reused: p.buf = p.buf[:0]. */
static sg_str Sprintf(pp *p, sg_str format, arg a) {
  p->buf = buffer_slice(p->buf, 0, 0);
  fmt_init(&p->fmt, &p->buf);
  pp_doPrintf(p, format, a);
  return str_view(buffer_clone(heap, p->buf));
}

/* ---- the program ------------------------------------------------------- */

#define P(s) (int)(s).len, (s).ptr

/* Write s as is (printf's %.*s would stop at a NUL byte). */
static void out(sg_str s) { fwrite(s.ptr, 1, (size_t)s.len, stdout); }

/* " [" + f + "]" as one format. */
static sg_str bracketed(const char *f) {
  buffer b = appendStr((buffer){0}, SG_STR(" ["));
  b = appendStr(b, sg_str_from(f));
  b = buffer_append(heap, b, ']');
  return str_view(b);
}

static void printLabel(pp *p, const char *f) {
  arg a = {kString, 0, 0, sg_str_from(f), {0}, false};
  sg_str l = Sprintf(p, SG_STR("%-8s"), a);
  fputs("", stdout);
  printf("%.*s", P(l));
}

static void integers(pp *p) {
  static const int64_t ints[] = {0,    7,         -7,        42,       255,
                                 -255, 1LL << 40, INT64_MIN, INT64_MAX};
  static const char *const intFormats[] = {
      "%d",   "%5d", "%-5d|", "%05d",   "%+d",   "% d",   "%.3d",  "%8.3d",
      "%.0d", "%x",  "%X",    "%#x",    "%#X",   "%o",    "%#o",   "%O",
      "%b",   "%#b", "%+08d", "%-08d|", "% 06d", "%020b", "%#10x", "%-#10o|"};
  for (size_t k = 0; k < sizeof intFormats / sizeof intFormats[0]; k++) {
    printLabel(p, intFormats[k]);
    for (int j = 0; j < 9; j++) {
      arg a = {kInt, ints[j], 0, {0}, {0}, false};
      out(Sprintf(p, bracketed(intFormats[k]), a));
    }
    printf("\n");
  }
  static const uint64_t us[] = {0, 1, UINT64_MAX};
  static const char *const uFormats[] = {"%d", "%x", "%#o", "%b", "%25d"};
  for (int k = 0; k < 5; k++) {
    printLabel(p, uFormats[k]);
    for (int j = 0; j < 3; j++) {
      arg a = {kUint, 0, us[j], {0}, {0}, false};
      out(Sprintf(p, bracketed(uFormats[k]), a));
    }
    printf("\n");
  }
}

static void runes(pp *p) {
  static const int64_t rs[] = {'a',    'Z',     ' ',      '\n', 0xe9,
                               0x4e16, 0x1F600, 0x110000, -1};
  static const char *const rFormats[] = {"%c",   "%5c",  "%-3c|", "%U", "%#U",
                                         "%.6U", "%10U", "%q",    "%+q"};
  for (int k = 0; k < 9; k++) {
    const char *f = rFormats[k];
    printLabel(p, f);
    for (int j = 0; j < 9; j++) {
      int64_t r = rs[j];
      if (strcmp(f, "%#U") == 0 && (r >= 0x80 || r < 0x20))
        continue; // non-ASCII needs IsPrint tables
      if (strcmp(f, "%q") == 0 && (r >= 0x80 || r < 0))
        continue;
      arg a = {kRune, r, 0, {0}, {0}, false};
      out(Sprintf(p, bracketed(f), a));
    }
    printf("\n");
  }
}

static void strings(pp *p) {
  static const char *const strs[] = {"",          "a",
                                     "hello",     "h\u00e9llo w\u00f6rld",
                                     "tab\there", "quote\"back\\slash",
                                     "`raw`"};
  static const char *const sFormats[] = {
      "%s",  "%10s", "%-10s|", "%.3s", "%8.2s", "%x",     "%X",
      "% x", "%#x",  "% #X",   "%.2x", "%12x",  "%-12x|", "%q",
      "%+q", "%#q",  "%10q",   "%v",   "%010s"};
  for (size_t k = 0; k < sizeof sFormats / sizeof sFormats[0]; k++) {
    const char *f = sFormats[k];
    printLabel(p, f);
    for (int j = 0; j < 7; j++) {
      if ((strcmp(f, "%q") == 0 || strcmp(f, "%10q") == 0) && j == 3)
        continue; // non-ASCII needs IsPrint tables
      arg a = {kString, 0, 0, sg_str_from(strs[j]), {0}, false};
      out(Sprintf(p, bracketed(f), a));
    }
    printf("\n");
  }
  bytes bs[3] = {{0},
                 appendStr((buffer){0}, SG_STR("bytes")),
                 appendStr((buffer){0}, SG_STR("\x00\xff\x10"))};
  static const char *const bFormats[] = {"%s",  "%x",   "% X",  "%#x",
                                         "%8s", "%.2s", "%-8x|"};
  for (int k = 0; k < 7; k++) {
    printLabel(p, bFormats[k]);
    for (int j = 0; j < 3; j++) {
      arg a = {kBytes, 0, 0, {0}, bs[j], false};
      out(Sprintf(p, bracketed(bFormats[k]), a));
    }
    printf("\n");
  }
  static const char *const tFormats[] = {"%t", "%v", "%6t", "%-6t|"};
  for (int k = 0; k < 4; k++) {
    sg_str f = sg_str_from(tFormats[k]);
    arg yes = {kBool, 0, 0, {0}, {0}, true};
    arg no = {kBool, 0, 0, {0}, {0}, false};
    printLabel(p, tFormats[k]);
    sg_str a = Sprintf(p, f, yes);
    sg_str b = Sprintf(p, f, no);
    printf(" [");
    out(a);
    printf("] [");
    out(b);
    printf("]\n");
  }
}

static void wide(pp *p) {
  // Wide padding grows the buffer past its capacity several times.
  arg one = {kInt, 1, 0, {0}, {0}, false};
  printf("%.*s\n", P(Sprintf(p, SG_STR("[%300d]"), one)));
  arg left = {kString, 0, 0, SG_STR("left"), {0}, false};
  arg hex = {kInt, 0xabc, 0, {0}, {0}, false};
  sg_str a = Sprintf(p, SG_STR("[%-200s|"), left);
  sg_str b = Sprintf(p, SG_STR("%150x]"), hex);
  printf("%.*s%.*s\n", P(a), P(b));
}

int main(void) {
  heap = sg_arena_new();
  pp p = {{0}, {0}};
  integers(&p);
  runes(&p);
  strings(&p);
  wide(&p);
  sg_arena_free(heap);
  return 0;
}
