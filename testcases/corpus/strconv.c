// A port of strconv's integer and quoting code (Go 1.19,
// src/strconv/itoa.go, quote.go, atoi.go): formatBits (digits written
// backwards into a fixed [65]byte, then appended to dst or copied into a
// string), FormatInt, FormatUint, Itoa, AppendInt, AppendUint, small;
// appendQuotedWith and appendEscapedRune on their ASCII-only path
// (QuoteToASCII, AppendQuoteToASCII, QuoteRuneToASCII), UnquoteChar,
// Unquote/unquote (buf grown by append, raw strings without \r);
// ParseUint, ParseInt, Atoi, underscoreOK and NumError.  (IsPrint beyond
// ASCII is not needed on the ASCII-only path and is not ported; NumError
// quotes with QuoteToASCII, equal to Quote on the ASCII inputs used.)  The
// Go original of main is strconv.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/strconv.go > %t.go.out
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

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

typedef int32_t rune;

static sg_arena *heap;

#define P(s) (int)(s).len, (s).ptr

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* string(b): a copy. */
static sg_str string_of(bytes b) {
  bytes c = bytes_clone(heap, b);
  return sg_str_make(c.ptr, c.len);
}

/* append(dst, s...) */
static bytes append_str(bytes dst, sg_str s) {
  return bytes_append_n(heap, dst, s.ptr, s.len);
}

/* ---- unicode/utf8 ------------------------------------------------------ */

enum {
  RuneError = 0xFFFD,
  RuneSelf = 0x80,
  MaxRune = 0x10FFFF,
  UTFMax = 4,
};

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

static bool ValidRune(rune r) {
  return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune);
}

static bool ValidString(sg_str s) {
  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    rune r = DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    if (r == RuneError && size == 1)
      return false;
    i += size;
  }
  return true;
}

static ptrdiff_t EncodeRune(char *p, rune r) {
  uint32_t i = (uint32_t)r;
  if (i <= 0x7F) {
    p[0] = (char)r;
    return 1;
  }
  if (i <= 0x7FF) {
    p[0] = (char)(0xC0 | (r >> 6));
    p[1] = (char)(0x80 | (r & 0x3F));
    return 2;
  }
  if (i > MaxRune || (0xD800 <= i && i <= 0xDFFF))
    r = RuneError;
  if ((uint32_t)r <= 0xFFFF) {
    p[0] = (char)(0xE0 | (r >> 12));
    p[1] = (char)(0x80 | ((r >> 6) & 0x3F));
    p[2] = (char)(0x80 | (r & 0x3F));
    return 3;
  }
  p[0] = (char)(0xF0 | (r >> 18));
  p[1] = (char)(0x80 | ((r >> 12) & 0x3F));
  p[2] = (char)(0x80 | ((r >> 6) & 0x3F));
  p[3] = (char)(0x80 | (r & 0x3F));
  return 4;
}

/* ---- itoa.go ----------------------------------------------------------- */

enum { nSmalls = 100 };
static const char smallsString[] = "00010203040506070809"
                                   "10111213141516171819"
                                   "20212223242526272829"
                                   "30313233343536373839"
                                   "40414243444546474849"
                                   "50515253545556575859"
                                   "60616263646566676869"
                                   "70717273747576777879"
                                   "80818283848586878889"
                                   "90919293949596979899";
static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// small returns the string for an i with 0 <= i < nSmalls.
static sg_str small(int i) {
  if (i < 10)
    return sg_str_make(digits + i, 1);
  return sg_str_make(smallsString + i * 2, 2);
}

static bool isPowerOfTwo(int x) { return (x & (x - 1)) == 0; }

// formatBits computes the string representation of u in the given base.
// If neg is set, u is treated as negative int64 value.  If append_ is set,
// the string is appended to dst and the resulting byte slice is returned
// as the first result value; otherwise the string is returned as the
// second result value.
static bytes formatBits(bytes dst, uint64_t u, int base, bool neg, bool append_,
                        sg_str *s) {
  if (base < 2 || base > (int)sizeof digits - 1)
    go_panic("strconv: illegal AppendInt/FormatInt base");
  // 2 <= base && base <= len(digits)

  char a[64 + 1]; // +1 for sign of 64bit value in base 2
  bytes av = {a, 65, 65};
  ptrdiff_t i = av.len;

  if (neg)
    u = -u;

  // convert bits
  // We use uint values where we can because those will fit into a single
  // register even on a 32bit machine.
  if (base == 10) {
    // common case: use constants for / because the compiler can optimize
    // it into a multiply+shift (64bit hosts: no 1e9 split needed)
    uint64_t us = u;
    while (us >= 100) {
      unsigned is = (unsigned)(us % 100 * 2);
      us /= 100;
      i -= 2;
      bytes_set(av, i + 1, smallsString[is + 1]);
      bytes_set(av, i + 0, smallsString[is + 0]);
    }

    // us < 100
    unsigned is = (unsigned)(us * 2);
    i--;
    bytes_set(av, i, smallsString[is + 1]);
    if (us >= 10) {
      i--;
      bytes_set(av, i, smallsString[is]);
    }

  } else if (isPowerOfTwo(base)) {
    // Use shifts and masks instead of / and %.  Base is a power of 2 and
    // 2 <= base <= len(digits) where len(digits) is 36.
    unsigned shift = (unsigned)__builtin_ctz((unsigned)base) & 7;
    uint64_t b = (uint64_t)base;
    unsigned m = (unsigned)base - 1; // == 1<<shift - 1
    while (u >= b) {
      i--;
      bytes_set(av, i, digits[(unsigned)u & m]);
      u >>= shift;
    }
    // u < base
    i--;
    bytes_set(av, i, digits[(unsigned)u]);
  } else {
    // general case
    uint64_t b = (uint64_t)base;
    while (u >= b) {
      i--;
      // Avoid using r = a%b in addition to q = a/b since 64bit division
      // and modulo operations are calculated by runtime functions on
      // 32bit machines.
      uint64_t q = u / b;
      bytes_set(av, i, digits[(unsigned)(u - q * b)]);
      u = q;
    }
    // u < base
    i--;
    bytes_set(av, i, digits[(unsigned)u]);
  }

  // add sign, if any
  if (neg) {
    i--;
    bytes_set(av, i, '-');
  }

  if (append_)
    return bytes_extend(heap, dst, bytes_slice(av, i, av.len));
  *s = string_of(bytes_slice(av, i, av.len));
  return dst;
}

// FormatUint returns the string representation of i in the given base,
// for 2 <= base <= 36.
static sg_str FormatUint(uint64_t i, int base) {
  if (i < nSmalls && base == 10)
    return small((int)i);
  sg_str s;
  formatBits((bytes){0}, i, base, false, false, &s);
  return s;
}

// FormatInt returns the string representation of i in the given base,
// for 2 <= base <= 36.
static sg_str FormatInt(int64_t i, int base) {
  if (0 <= i && i < nSmalls && base == 10)
    return small((int)i);
  sg_str s;
  formatBits((bytes){0}, (uint64_t)i, base, i < 0, false, &s);
  return s;
}

// Itoa is equivalent to FormatInt(int64(i), 10).
static sg_str Itoa(ptrdiff_t i) { return FormatInt((int64_t)i, 10); }

// AppendInt appends the string form of the integer i, as generated by
// FormatInt, to dst and returns the extended buffer.
static bytes AppendInt(bytes dst, int64_t i, int base) {
  if (0 <= i && i < nSmalls && base == 10)
    return append_str(dst, small((int)i));
  sg_str unused;
  return formatBits(dst, (uint64_t)i, base, i < 0, true, &unused);
}

// AppendUint appends the string form of the unsigned integer i, as
// generated by FormatUint, to dst and returns the extended buffer.
static bytes AppendUint(bytes dst, uint64_t i, int base) {
  if (i < nSmalls && base == 10)
    return append_str(dst, small((int)i));
  sg_str unused;
  return formatBits(dst, i, base, false, true, &unused);
}

/* ---- quote.go (the ASCII-only path) ------------------------------------ */

static const char lowerhex[] = "0123456789abcdef";

/* IsPrint for r < utf8.RuneSelf, the only case the ASCII path asks. */
static bool IsPrintASCII(rune r) { return 0x20 <= r && r < 0x7F; }

static bytes appendEscapedRune(bytes buf, rune r, char quote, bool ASCIIonly) {
  if (r == (rune)quote || r == '\\') { // always backslashed
    buf = bytes_append(heap, buf, '\\');
    buf = bytes_append(heap, buf, (char)r);
    return buf;
  }
  if (ASCIIonly) {
    if (r < RuneSelf && IsPrintASCII(r)) {
      buf = bytes_append(heap, buf, (char)r);
      return buf;
    }
  } else {
    go_panic("strconv: the non-ASCII path (IsPrint tables) is not ported");
  }
  switch (r) {
  case '\a':
    buf = append_str(buf, SG_STR("\\a"));
    break;
  case '\b':
    buf = append_str(buf, SG_STR("\\b"));
    break;
  case '\f':
    buf = append_str(buf, SG_STR("\\f"));
    break;
  case '\n':
    buf = append_str(buf, SG_STR("\\n"));
    break;
  case '\r':
    buf = append_str(buf, SG_STR("\\r"));
    break;
  case '\t':
    buf = append_str(buf, SG_STR("\\t"));
    break;
  case '\v':
    buf = append_str(buf, SG_STR("\\v"));
    break;
  default:
    if (r < ' ' || r == 0x7f) {
      buf = append_str(buf, SG_STR("\\x"));
      buf = bytes_append(heap, buf, lowerhex[(uint8_t)r >> 4]);
      buf = bytes_append(heap, buf, lowerhex[(uint8_t)r & 0xF]);
      break;
    }
    if (!ValidRune(r))
      r = 0xFFFD;
    if (r < 0x10000) {
      buf = append_str(buf, SG_STR("\\u"));
      for (int s = 12; s >= 0; s -= 4)
        buf = bytes_append(heap, buf, lowerhex[r >> (unsigned)s & 0xF]);
    } else {
      buf = append_str(buf, SG_STR("\\U"));
      for (int s = 28; s >= 0; s -= 4)
        buf = bytes_append(heap, buf, lowerhex[r >> (unsigned)s & 0xF]);
    }
  }
  return buf;
}

static bytes appendQuotedWith(bytes buf, sg_str s, char quote, bool ASCIIonly) {
  // Often called with big strings, so preallocate.  If there's quoting,
  // this is conservative but still helps a lot.
  if (buf.cap - buf.len < s.len) {
    bytes nBuf = bytes_make(heap, buf.len, buf.len + 1 + s.len + 1);
    bytes_copy(nBuf, buf);
    buf = nBuf;
  }
  buf = bytes_append(heap, buf, quote);
  for (ptrdiff_t width = 0; s.len > 0; s = sg_str_slice(s, width, s.len)) {
    rune r = (unsigned char)s.ptr[0];
    width = 1;
    if (r >= RuneSelf)
      r = DecodeRuneInString(s, &width);
    if (width == 1 && r == RuneError) {
      buf = append_str(buf, SG_STR("\\x"));
      buf = bytes_append(heap, buf, lowerhex[(unsigned char)s.ptr[0] >> 4]);
      buf = bytes_append(heap, buf, lowerhex[(unsigned char)s.ptr[0] & 0xF]);
      continue;
    }
    buf = appendEscapedRune(buf, r, quote, ASCIIonly);
  }
  buf = bytes_append(heap, buf, quote);
  return buf;
}

static bytes appendQuotedRuneWith(bytes buf, rune r, char quote,
                                  bool ASCIIonly) {
  buf = bytes_append(heap, buf, quote);
  if (!ValidRune(r))
    r = RuneError;
  buf = appendEscapedRune(buf, r, quote, ASCIIonly);
  buf = bytes_append(heap, buf, quote);
  return buf;
}

static sg_str quoteWith(sg_str s, char quote, bool ASCIIonly) {
  return string_of(appendQuotedWith(bytes_make(heap, 0, 3 * s.len / 2), s,
                                    quote, ASCIIonly));
}

static sg_str quoteRuneWith(rune r, char quote, bool ASCIIonly) {
  return string_of(appendQuotedRuneWith((bytes){0}, r, quote, ASCIIonly));
}

// QuoteToASCII returns a double-quoted Go string literal representing s.
// The returned string uses Go escape sequences (\t, \n, \xFF, \u0100) for
// non-ASCII characters and non-printable characters as defined by
// IsPrint.
static sg_str QuoteToASCII(sg_str s) { return quoteWith(s, '"', true); }

// AppendQuoteToASCII appends a double-quoted Go string literal
// representing s, as generated by QuoteToASCII, to dst and returns the
// extended buffer.
static bytes AppendQuoteToASCII(bytes dst, sg_str s) {
  return appendQuotedWith(dst, s, '"', true);
}

// QuoteRuneToASCII returns a single-quoted Go character literal
// representing the rune.
static sg_str QuoteRuneToASCII(rune r) { return quoteRuneWith(r, '\'', true); }

typedef const char *error; /* NULL is nil; compared by address */

// ErrSyntax indicates that a value does not have the right syntax for the
// target type.
static const char ErrSyntax[] = "invalid syntax";
// ErrRange indicates that a value is out of range for the target type.
static const char ErrRange[] = "value out of range";

static bool unhex(char b, rune *v) {
  rune c = (unsigned char)b;
  if ('0' <= c && c <= '9') {
    *v = c - '0';
    return true;
  }
  if ('a' <= c && c <= 'f') {
    *v = c - 'a' + 10;
    return true;
  }
  if ('A' <= c && c <= 'F') {
    *v = c - 'A' + 10;
    return true;
  }
  *v = 0;
  return false;
}

// UnquoteChar decodes the first character or byte in the escaped string or
// character literal represented by the string s.
static rune UnquoteChar(sg_str s, char quote, bool *multibyte, sg_str *tail,
                        error *err) {
  rune value = 0;
  *multibyte = false;
  *tail = SG_STR("");
  *err = NULL;
  // easy cases
  if (s.len == 0) {
    *err = ErrSyntax;
    return value;
  }
  unsigned char c0 = (unsigned char)s.ptr[0];
  if (c0 == (unsigned char)quote && (quote == '\'' || quote == '"')) {
    *err = ErrSyntax;
    return value;
  }
  if (c0 >= RuneSelf) {
    ptrdiff_t size;
    rune r = DecodeRuneInString(s, &size);
    *multibyte = true;
    *tail = sg_str_slice(s, size, s.len);
    return r;
  }
  if (c0 != '\\') {
    *tail = sg_str_slice(s, 1, s.len);
    return c0;
  }

  // hard case: c is backslash
  if (s.len <= 1) {
    *err = ErrSyntax;
    return value;
  }
  char c = s.ptr[1];
  s = sg_str_slice(s, 2, s.len);

  switch (c) {
  case 'a':
    value = '\a';
    break;
  case 'b':
    value = '\b';
    break;
  case 'f':
    value = '\f';
    break;
  case 'n':
    value = '\n';
    break;
  case 'r':
    value = '\r';
    break;
  case 't':
    value = '\t';
    break;
  case 'v':
    value = '\v';
    break;
  case 'x':
  case 'u':
  case 'U': {
    ptrdiff_t n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    rune v = 0;
    if (s.len < n) {
      *err = ErrSyntax;
      return value;
    }
    for (ptrdiff_t j = 0; j < n; j++) {
      rune x;
      if (!unhex(s.ptr[j], &x)) {
        *err = ErrSyntax;
        return value;
      }
      v = v << 4 | x;
    }
    s = sg_str_slice(s, n, s.len);
    if (c == 'x') {
      // single-byte string, possibly not UTF-8
      value = v;
      break;
    }
    if (!ValidRune(v)) {
      *err = ErrSyntax;
      return value;
    }
    value = v;
    *multibyte = true;
    break;
  }
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7': {
    rune v = c - '0';
    if (s.len < 2) {
      *err = ErrSyntax;
      return value;
    }
    for (int j = 0; j < 2; j++) { // one digit already; two more
      rune x = s.ptr[j] - '0';
      if (x < 0 || x > 7) {
        *err = ErrSyntax;
        return value;
      }
      v = (v << 3) | x;
    }
    s = sg_str_slice(s, 2, s.len);
    if (v > 255) {
      *err = ErrSyntax;
      return value;
    }
    value = v;
    break;
  }
  case '\\':
    value = '\\';
    break;
  case '\'':
  case '"':
    if (c != quote) {
      *err = ErrSyntax;
      return value;
    }
    value = c;
    break;
  default:
    *err = ErrSyntax;
    return value;
  }
  *tail = s;
  return value;
}

static ptrdiff_t indexByte(sg_str s, char c) {
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == c)
      return i;
  return -1;
}

static bool contains(sg_str s, char c) { return indexByte(s, c) != -1; }

// unquote parses a quoted string at the start of the input, returning the
// parsed prefix, the remaining suffix, and any parse errors.  If unescape
// is true, the parsed prefix is unescaped, otherwise the input prefix is
// provided verbatim.
static sg_str unquote(sg_str in, bool unescape, sg_str *rem, error *err) {
  *err = NULL;
  // Determine the quote form and optimistically find the terminating
  // quote.
  if (in.len < 2) {
    *rem = in;
    *err = ErrSyntax;
    return SG_STR("");
  }
  char quote = in.ptr[0];
  ptrdiff_t end = indexByte(sg_str_slice(in, 1, in.len), quote);
  if (end < 0) {
    *rem = in;
    *err = ErrSyntax;
    return SG_STR("");
  }
  end += 2; // position after terminating quote; may be wrong if escape
            // sequences are present

  sg_str out;
  switch (quote) {
  case '`': // `...`
    if (!unescape) {
      out = sg_str_slice(in, 0, end); // include quotes
    } else if (!contains(sg_str_slice(in, 0, end), '\r')) {
      out = sg_str_slice(in, 1, end - 1); // exclude quotes
    } else {
      // Carriage return characters ('\r') inside raw string literals are
      // discarded from the raw string value.
      bytes buf = bytes_make(heap, 0, end - 1 - 1 - 1);
      for (ptrdiff_t i = 1; i < end - 1; i++)
        if (in.ptr[i] != '\r')
          buf = bytes_append(heap, buf, in.ptr[i]);
      out = string_of(buf);
    }
    // NOTE: Prior implementations did not verify that raw strings consist
    // of valid UTF-8 characters and we continue to not verify it as such.
    *rem = sg_str_slice(in, end, in.len);
    return out;
  case '"':  // "..."
  case '\'': // '...'
  {
    // Handle quoted strings without any escape sequences.
    if (!contains(sg_str_slice(in, 0, end), '\\') &&
        !contains(sg_str_slice(in, 0, end), '\n')) {
      bool valid = false;
      if (quote == '"') {
        valid = ValidString(sg_str_slice(in, 1, end - 1));
      } else {
        ptrdiff_t n;
        rune r = DecodeRuneInString(sg_str_slice(in, 1, end - 1), &n);
        valid = 1 + n + 1 == end && (r != RuneError || n != 1);
      }
      if (valid) {
        out = sg_str_slice(in, 0, end);
        if (unescape)
          out = sg_str_slice(out, 1, end - 1); // exclude quotes
        *rem = sg_str_slice(in, end, in.len);
        return out;
      }
    }

    // Handle quoted strings with escape sequences.
    bytes buf = {0};
    sg_str in0 = in;
    in = sg_str_slice(in, 1, in.len); // skip starting quote
    if (unescape)
      buf = bytes_make(heap, 0, 3 * end / 2); // try to avoid more allocations
    while (in.len > 0 && in.ptr[0] != quote) {
      // Process the next character, rejecting any unescaped newline
      // characters which are invalid.
      bool multibyte;
      sg_str rest;
      error cerr;
      rune r = UnquoteChar(in, quote, &multibyte, &rest, &cerr);
      if (in.ptr[0] == '\n' || cerr != NULL) {
        *rem = in0;
        *err = ErrSyntax;
        return SG_STR("");
      }
      in = rest;

      // Append the character if unescaping the input.
      if (unescape) {
        if (r < RuneSelf || !multibyte) {
          buf = bytes_append(heap, buf, (char)r);
        } else {
          char arr[UTFMax];
          ptrdiff_t n = EncodeRune(arr, r);
          buf = bytes_append_n(heap, buf, arr, n);
        }
      }

      // Single quoted strings must be a single character.
      if (quote == '\'')
        break;
    }

    // Verify that the string ends with a terminating quote.
    if (!(in.len > 0 && in.ptr[0] == quote)) {
      *rem = in0;
      *err = ErrSyntax;
      return SG_STR("");
    }
    in = sg_str_slice(in, 1, in.len); // skip terminating quote

    *rem = in;
    if (unescape)
      return string_of(buf);
    return sg_str_slice(in0, 0, in0.len - in.len);
  }
  default:
    *rem = in;
    *err = ErrSyntax;
    return SG_STR("");
  }
}

// Unquote interprets s as a single-quoted, double-quoted, or backquoted Go
// string literal, returning the string value that s quotes.
static sg_str Unquote(sg_str s, error *err) {
  sg_str rem;
  sg_str out = unquote(s, true, &rem, err);
  if (rem.len > 0) {
    *err = ErrSyntax;
    return SG_STR("");
  }
  return out;
}

/* ---- atoi.go ----------------------------------------------------------- */

// lower(c) is a lower-case letter if and only if c is either that
// lower-case letter or the equivalent upper-case letter.
static unsigned char lower(unsigned char c) { return c | ('x' - 'X'); }

// A NumError records a failed conversion.
typedef struct NumError {
  const char *Func; // the failing function (ParseInt, ParseUint, Atoi)
  sg_str Num;       // the input
  error Err;        // the reason the conversion failed
} NumError;

static sg_str NumError_Error(const NumError *e) {
  bytes b = append_str((bytes){0}, SG_STR("strconv."));
  b = append_str(b, sg_str_from(e->Func));
  b = append_str(b, SG_STR(": parsing "));
  b = append_str(b, QuoteToASCII(e->Num));
  b = append_str(b, SG_STR(": "));
  b = append_str(b, sg_str_from(e->Err));
  return sg_str_make(b.ptr, b.len);
}

static NumError *newNumError(const char *fn, sg_str str, error err) {
  NumError *e = sg_arena_alloc(heap, sizeof *e);
  e->Func = fn;
  e->Num = str;
  e->Err = err;
  return e;
}

static NumError *syntaxError(const char *fn, sg_str str) {
  return newNumError(fn, str, ErrSyntax);
}

static NumError *rangeError(const char *fn, sg_str str) {
  return newNumError(fn, str, ErrRange);
}

/* errors.New("invalid base " + Itoa(base)) and the bit size twin */
static error joinedError(sg_str prefix, ptrdiff_t v) {
  bytes b = append_str((bytes){0}, prefix);
  b = append_str(b, Itoa(v));
  b = bytes_append(heap, b, '\0');
  return b.ptr;
}

static NumError *baseError(const char *fn, sg_str str, int base) {
  return newNumError(fn, str, joinedError(SG_STR("invalid base "), base));
}

static NumError *bitSizeError(const char *fn, sg_str str, int bitSize) {
  return newNumError(fn, str,
                     joinedError(SG_STR("invalid bit size "), bitSize));
}

enum { IntSize = 64 };
static const uint64_t maxUint64 = UINT64_MAX;

// underscoreOK reports whether the underscores in s are allowed.  Checking
// them in this one function lets all the parsers skip over them simply.
// Underscore must appear only between digits or between a base prefix and
// a digit.
static bool underscoreOK(sg_str s) {
  // saw tracks the last character (class) we saw:
  // ^ for beginning of number,
  // 0 for a digit or base prefix,
  // _ for an underscore,
  // ! for none of the above.
  char saw = '^';
  ptrdiff_t i = 0;

  // Optional sign.
  if (s.len >= 1 && (s.ptr[0] == '-' || s.ptr[0] == '+'))
    s = sg_str_slice(s, 1, s.len);

  // Optional base prefix.
  bool hex = false;
  if (s.len >= 2 && s.ptr[0] == '0' &&
      (lower(s.ptr[1]) == 'b' || lower(s.ptr[1]) == 'o' ||
       lower(s.ptr[1]) == 'x')) {
    i = 2;
    saw = '0'; // base prefix counts as a digit for "underscore as digit
               // separator"
    hex = lower(s.ptr[1]) == 'x';
  }

  // Number proper.
  for (; i < s.len; i++) {
    // Digits are always okay.
    if (('0' <= s.ptr[i] && s.ptr[i] <= '9') ||
        (hex && 'a' <= lower(s.ptr[i]) && lower(s.ptr[i]) <= 'f')) {
      saw = '0';
      continue;
    }
    // Underscore must follow digit.
    if (s.ptr[i] == '_') {
      if (saw != '0')
        return false;
      saw = '_';
      continue;
    }
    // Underscore must also be followed by digit.
    if (saw == '_')
      return false;
    // Saw non-digit, non-underscore.
    saw = '!';
  }
  return saw != '_';
}

// ParseUint is like ParseInt but for unsigned numbers.  A sign prefix is
// not permitted.
static uint64_t ParseUint(sg_str s, int base, int bitSize, NumError **err) {
  const char *fnParseUint = "ParseUint";
  *err = NULL;

  if (s.len == 0) {
    *err = syntaxError(fnParseUint, s);
    return 0;
  }

  bool base0 = base == 0;

  sg_str s0 = s;
  if (2 <= base && base <= 36) {
    // valid base; nothing to do
  } else if (base == 0) {
    // Look for octal, hex prefix.
    base = 10;
    if (s.ptr[0] == '0') {
      if (s.len >= 3 && lower(s.ptr[1]) == 'b') {
        base = 2;
        s = sg_str_slice(s, 2, s.len);
      } else if (s.len >= 3 && lower(s.ptr[1]) == 'o') {
        base = 8;
        s = sg_str_slice(s, 2, s.len);
      } else if (s.len >= 3 && lower(s.ptr[1]) == 'x') {
        base = 16;
        s = sg_str_slice(s, 2, s.len);
      } else {
        base = 8;
        s = sg_str_slice(s, 1, s.len);
      }
    }
  } else {
    *err = baseError(fnParseUint, s0, base);
    return 0;
  }

  if (bitSize == 0) {
    bitSize = IntSize;
  } else if (bitSize < 0 || bitSize > 64) {
    *err = bitSizeError(fnParseUint, s0, bitSize);
    return 0;
  }

  // Cutoff is the smallest number such that cutoff*base > maxUint64.  Use
  // compile-time constants for common cases.
  uint64_t cutoff;
  if (base == 10)
    cutoff = maxUint64 / 10 + 1;
  else if (base == 16)
    cutoff = maxUint64 / 16 + 1;
  else
    cutoff = maxUint64 / (uint64_t)base + 1;

  uint64_t maxVal = bitSize == 64 ? maxUint64 : ((uint64_t)1 << bitSize) - 1;

  bool underscores = false;
  uint64_t n = 0;
  for (ptrdiff_t k = 0; k < s.len; k++) {
    unsigned char c = (unsigned char)s.ptr[k];
    unsigned char d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if ('0' <= c && c <= '9') {
      d = c - '0';
    } else if ('a' <= lower(c) && lower(c) <= 'z') {
      d = lower(c) - 'a' + 10;
    } else {
      *err = syntaxError(fnParseUint, s0);
      return 0;
    }

    if (d >= (unsigned char)base) {
      *err = syntaxError(fnParseUint, s0);
      return 0;
    }

    if (n >= cutoff) {
      // n*base overflows
      *err = rangeError(fnParseUint, s0);
      return maxVal;
    }
    n *= (uint64_t)base;

    uint64_t n1 = n + d;
    if (n1 < n || n1 > maxVal) {
      // n+d overflows
      *err = rangeError(fnParseUint, s0);
      return maxVal;
    }
    n = n1;
  }

  if (underscores && !underscoreOK(s0)) {
    *err = syntaxError(fnParseUint, s0);
    return 0;
  }

  return n;
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit
// size (0 to 64) and returns the corresponding value i.
static int64_t ParseInt(sg_str s, int base, int bitSize, NumError **err) {
  const char *fnParseInt = "ParseInt";
  *err = NULL;

  if (s.len == 0) {
    *err = syntaxError(fnParseInt, s);
    return 0;
  }

  // Pick off leading sign.
  sg_str s0 = s;
  bool neg = false;
  if (s.ptr[0] == '+') {
    s = sg_str_slice(s, 1, s.len);
  } else if (s.ptr[0] == '-') {
    neg = true;
    s = sg_str_slice(s, 1, s.len);
  }

  // Convert unsigned and check range.
  uint64_t un = ParseUint(s, base, bitSize, err);
  if (*err != NULL && (*err)->Err != ErrRange) {
    (*err)->Func = fnParseInt;
    (*err)->Num = s0;
    return 0;
  }

  if (bitSize == 0)
    bitSize = IntSize;

  uint64_t cutoff = (uint64_t)1 << (unsigned)(bitSize - 1);
  if (!neg && un >= cutoff) {
    *err = rangeError(fnParseInt, s0);
    return (int64_t)(cutoff - 1);
  }
  if (neg && un > cutoff) {
    *err = rangeError(fnParseInt, s0);
    return -(int64_t)(cutoff - 1) - 1;
  }
  *err = NULL;
  if (neg) /* n = -n, wrapping as Go's does for -1<<63 */
    un = 0 - un;
  int64_t n = (int64_t)un;
  return n;
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
static ptrdiff_t Atoi(sg_str s, NumError **err) {
  const char *fnAtoi = "Atoi";
  *err = NULL;

  ptrdiff_t sLen = s.len;
  if (0 < sLen && sLen < 19) {
    // Fast path for small integers that fit int type.
    sg_str s0 = s;
    if (s.ptr[0] == '-' || s.ptr[0] == '+') {
      s = sg_str_slice(s, 1, s.len);
      if (s.len < 1) {
        *err = newNumError(fnAtoi, s0, ErrSyntax);
        return 0;
      }
    }

    ptrdiff_t n = 0;
    for (ptrdiff_t k = 0; k < s.len; k++) {
      unsigned char ch = (unsigned char)(s.ptr[k] - '0');
      if (ch > 9) {
        *err = newNumError(fnAtoi, s0, ErrSyntax);
        return 0;
      }
      n = n * 10 + ch;
    }
    if (s0.ptr[0] == '-')
      n = -n;
    return n;
  }

  // Slow path for invalid, big, or underscored integers.
  int64_t i64 = ParseInt(s, 10, 0, err);
  if (*err != NULL)
    (*err)->Func = fnAtoi;
  return (ptrdiff_t)i64;
}

/* ---- the program ------------------------------------------------------- */

static void formatting(void) {
  static const int64_t ints[] = {0,
                                 7,
                                 42,
                                 99,
                                 100,
                                 -1,
                                 -99,
                                 12345,
                                 -9876543210LL,
                                 (1LL << 62) + 12345,
                                 INT64_MIN,
                                 INT64_MAX};
  for (size_t k = 0; k < sizeof ints / sizeof ints[0]; k++) {
    int64_t v = ints[k];
    printf("%lld: %.*s %.*s %.*s %.*s %.*s\n", (long long)v,
           P(FormatInt(v, 10)), P(FormatInt(v, 2)), P(FormatInt(v, 16)),
           P(FormatInt(v, 36)), P(FormatInt(v, 7)));
  }
  static const uint64_t us[] = {0, 5, 99, UINT64_MAX, 1ULL << 32};
  for (size_t k = 0; k < 5; k++)
    printf("u%.*s %.*s %.*s\n", P(FormatUint(us[k], 10)),
           P(FormatUint(us[k], 8)), P(FormatUint(us[k], 32)));
  printf("%.*s %.*s\n", P(Itoa(-2022)), P(Itoa(64)));

  // AppendInt into one reused buffer, and growing one across appends.
  bytes buf = bytes_make(heap, 0, 8);
  static const int64_t rs[] = {3, -45, 123456789012LL, 0};
  for (int k = 0; k < 4; k++) {
    buf = AppendInt(bytes_slice(buf, 0, 0), rs[k], 10);
    printf("reused [%.*s] cap=%d\n", (int)buf.len, buf.ptr, (int)buf.cap);
  }
  bytes line = {0};
  for (int64_t i = 0; i < 40; i++) {
    line = AppendInt(line, i * i * i - 500, 10);
    line = bytes_append(heap, line, ',');
    line = AppendUint(line, (uint64_t)i * 0x9e3779b97f4a7c15ULL, 16);
    line = bytes_append(heap, line, ' ');
  }
  printf("line %d bytes: %.*s...%.*s\n", (int)line.len, 30, line.ptr, 30,
         line.ptr + line.len - 30);
}

static void quoting(void) {
  static const sg_str quotes[] = {
      {"", 0},
      {"plain", 5},
      {"with \"quotes\" and \\backslash", 28},
      {"tab\tnewline\ncr\r", 15},
      {"bell\a\b\f\v", 8},
      {"\x00\x01\x7f", 3},
      {"caf\xc3\xa9", 5},
      {"\xe4\xb8\x96\xe7\x95\x8c", 6},
      {"\xf0\x9f\x98\x80 smile", 10},
      {"bad\xffutf8\xc3", 9},
      {"'single'", 8},
  };
  for (size_t k = 0; k < sizeof quotes / sizeof quotes[0]; k++)
    printf("%.*s\n", P(QuoteToASCII(quotes[k])));
  bytes prefix = append_str((bytes){0}, SG_STR("quoted="));
  prefix = AppendQuoteToASCII(prefix, SG_STR("\u00e9\n"));
  printf("%.*s\n", (int)prefix.len, prefix.ptr);
  static const rune runes[] = {'a',     '\'', '"',      '\n',  0xe9,
                               0x1F600, -1,   0x110000, 0xD800};
  for (int k = 0; k < 9; k++)
    printf("%.*s ", P(QuoteRuneToASCII(runes[k])));
  printf("\n");
}

static void unquoting(void) {
  static const char *const unq[] = {"\"abc\"",
                                    "\"a\\tb\\nc\"",
                                    "\"\\x41\\u00e9\\U0001F600\\101\"",
                                    "\"\\\"\"",
                                    "\"\\'\"",
                                    "'\\''",
                                    "'a'",
                                    "'ab'",
                                    "'\\u00e9'",
                                    "`raw\\n`",
                                    "`with\r\ncr`",
                                    "\"unterminated",
                                    "\"bad \\q\"",
                                    "\"\\400\"",
                                    "\"\\uD800\"",
                                    "\"new\nline\"",
                                    "\"\"",
                                    "''",
                                    "x",
                                    "\"tail\" x",
                                    "\"caf\u00e9\"",
                                    "\"\\xff\""};
  for (size_t k = 0; k < sizeof unq / sizeof unq[0]; k++) {
    sg_str s = sg_str_from(unq[k]);
    error err;
    sg_str out = Unquote(s, &err);
    printf("Unquote(%.*s) = %.*s %s\n", P(QuoteToASCII(s)),
           P(QuoteToASCII(out)), err ? err : "<nil>");
  }
  static const char *const chars[] = {"\\n rest", "\\x7fz",  "\\u263a!", "\\'",
                                      "\\\"",     "\u00e9x", "\\",       ""};
  for (int k = 0; k < 8; k++) {
    sg_str s = sg_str_from(chars[k]);
    bool mb;
    sg_str tail;
    error err;
    rune v = UnquoteChar(s, '"', &mb, &tail, &err);
    printf("UnquoteChar(%.*s) = %d %s %.*s %s\n", P(QuoteToASCII(s)), (int)v,
           mb ? "true" : "false", P(QuoteToASCII(tail)), err ? err : "<nil>");
  }
}

typedef struct parseCase {
  const char *s;
  int base, bitSize;
} parseCase;

static const char *numErr(NumError *e) {
  if (e == NULL)
    return "<nil>";
  sg_str s = NumError_Error(e);
  char *c = sg_arena_alloc(heap, (size_t)s.len + 1);
  memcpy(c, s.ptr, (size_t)s.len);
  return c;
}

static void parsing(void) {
  static const parseCase parses[] = {
      {"0", 10, 64},
      {"123", 10, 64},
      {"-123", 10, 64},
      {"+7", 10, 8},
      {"127", 10, 8},
      {"128", 10, 8},
      {"-128", 10, 8},
      {"-129", 10, 8},
      {"ff", 16, 64},
      {"0xff", 0, 64},
      {"0b1011", 0, 64},
      {"0o17", 0, 64},
      {"017", 0, 64},
      {"1_000_000", 0, 64},
      {"1__0", 0, 64},
      {"_1", 0, 64},
      {"1_000", 10, 64},
      {"zz", 36, 64},
      {"9223372036854775807", 10, 64},
      {"9223372036854775808", 10, 64},
      {"-9223372036854775808", 10, 64},
      {"18446744073709551616", 10, 64},
      {"", 10, 64},
      {"12a", 10, 64},
      {"1", 1, 64},
      {"1", 10, 65},
  };
  for (size_t k = 0; k < sizeof parses / sizeof parses[0]; k++) {
    sg_str s = sg_str_from(parses[k].s);
    NumError *err, *uerr;
    int64_t i = ParseInt(s, parses[k].base, parses[k].bitSize, &err);
    uint64_t u = ParseUint(s, parses[k].base, parses[k].bitSize, &uerr);
    printf("Parse(%.*s,%d,%d): %lld %s | %llu %s\n", P(QuoteToASCII(s)),
           parses[k].base, parses[k].bitSize, (long long)i, numErr(err),
           (unsigned long long)u, numErr(uerr));
  }
  static const char *const atois[] = {"42",
                                      "-42",
                                      "+",
                                      "-",
                                      "",
                                      "123456789012345678",
                                      "1234567890123456789",
                                      "99999999999999999999",
                                      "4x"};
  for (int k = 0; k < 9; k++) {
    sg_str s = sg_str_from(atois[k]);
    NumError *err;
    ptrdiff_t n = Atoi(s, &err);
    printf("Atoi(%.*s) = %ld %s\n", P(QuoteToASCII(s)), (long)n, numErr(err));
  }
}

int main(void) {
  heap = sg_arena_new();
  formatting();
  quoting();
  unquoting();
  parsing();
  sg_arena_free(heap);
  return 0;
}
