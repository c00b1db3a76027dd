// A port of strings.Builder (Go 1.19, src/strings/builder.go: copyCheck,
// grow, Grow, Write, WriteByte, WriteRune, WriteString, String, Len, Cap,
// Reset), strings.Map (src/strings/strings.go, which builds lazily: only
// once a rune changes) and strings.Repeat (which doubles by writing the
// Builder's own String into itself), with utf8.EncodeRune, RuneLen and
// DecodeRuneInString.  The Go original of main is builder.go; both must
// print the same, capacities included.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/builder.go > %t.go.out
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

#define P(s) (int)(s).len, (s).ptr

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* ---- unicode/utf8 ------------------------------------------------------ */

enum {
  RuneError = 0xFFFD,
  RuneSelf = 0x80,
  MaxRune = 0x10FFFF,
  UTFMax = 4,
  surrogateMin = 0xD800,
  surrogateMax = 0xDFFF,
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

static ptrdiff_t RuneLen(rune r) {
  if (r < 0)
    return -1;
  if (r < 0x80)
    return 1;
  if (r < 0x800)
    return 2;
  if (surrogateMin <= r && r <= surrogateMax)
    return -1;
  if (r < 0x10000)
    return 3;
  if (r <= MaxRune)
    return 4;
  return -1;
}

// EncodeRune writes into p (which must be large enough) the UTF-8 encoding
// of the rune.  If the rune is out of range, it writes the encoding of
// RuneError.  It returns the number of bytes written.
static ptrdiff_t EncodeRune(bytes p, rune r) {
  // Negative values are erroneous.  Making it unsigned addresses the
  // problem.
  uint32_t i = (uint32_t)r;
  if (i <= 0x7F) {
    bytes_set(p, 0, (char)r);
    return 1;
  }
  if (i <= 0x7FF) {
    bytes_set(p, 0, (char)(0xC0 | (r >> 6)));
    bytes_set(p, 1, (char)(0x80 | (r & 0x3F)));
    return 2;
  }
  if (i > MaxRune || (surrogateMin <= i && i <= surrogateMax)) {
    r = RuneError;
    i = (uint32_t)r;
  }
  if (i <= 0xFFFF) {
    bytes_set(p, 0, (char)(0xE0 | (r >> 12)));
    bytes_set(p, 1, (char)(0x80 | ((r >> 6) & 0x3F)));
    bytes_set(p, 2, (char)(0x80 | (r & 0x3F)));
    return 3;
  }
  bytes_set(p, 0, (char)(0xF0 | (r >> 18)));
  bytes_set(p, 1, (char)(0x80 | ((r >> 12) & 0x3F)));
  bytes_set(p, 2, (char)(0x80 | ((r >> 6) & 0x3F)));
  bytes_set(p, 3, (char)(0x80 | (r & 0x3F)));
  return 4;
}

/* ---- strings.Builder --------------------------------------------------- */

// A Builder is used to efficiently build a string using Write methods.  It
// minimizes memory copying.  The zero value is ready to use.  Do not copy
// a non-zero Builder.
typedef struct Builder {
  sg_arena *ar;
  struct Builder *addr; // of receiver, to detect copies by value
  bytes buf;
} Builder;

static void Builder_copyCheck(Builder *b) {
  if (b->addr == NULL)
    b->addr = b;
  else if (b->addr != b)
    go_panic("strings: illegal use of non-zero Builder copied by value");
}

// String returns the accumulated string.  Like Go's unsafe conversion, it
// shares the Builder's bytes.
static sg_str Builder_String(Builder *b) {
  return sg_str_make(b->buf.ptr, b->buf.len);
}

// Len returns the number of accumulated bytes; b.Len() ==
// len(b.String()).
static ptrdiff_t Builder_Len(Builder *b) { return b->buf.len; }

// Cap returns the capacity of the builder's underlying byte slice.
static ptrdiff_t Builder_Cap(Builder *b) { return b->buf.cap; }

// Reset resets the Builder to be empty.
static void Builder_Reset(Builder *b) {
  b->addr = NULL;
  b->buf = (bytes){0};
}

// grow copies the buffer to a new, larger buffer so that there are at
// least n bytes of capacity beyond len(b.buf).
static void Builder_grow(Builder *b, ptrdiff_t n) {
  bytes buf = bytes_make(b->ar, b->buf.len, 2 * b->buf.cap + n);
  bytes_copy(buf, b->buf);
  b->buf = buf;
}

// Grow grows b's capacity, if necessary, to guarantee space for another n
// bytes.
static void Builder_Grow(Builder *b, ptrdiff_t n) {
  Builder_copyCheck(b);
  if (n < 0)
    go_panic("strings.Builder.Grow: negative count");
  if (b->buf.cap - b->buf.len < n)
    Builder_grow(b, n);
}

// Write appends the contents of p to b's buffer.
static ptrdiff_t Builder_Write(Builder *b, bytes p) {
  Builder_copyCheck(b);
  b->buf = bytes_extend(b->ar, b->buf, p);
  return p.len;
}

// WriteByte appends the byte c to b's buffer.
static void Builder_WriteByte(Builder *b, char c) {
  Builder_copyCheck(b);
  b->buf = bytes_append(b->ar, b->buf, c);
}

// WriteRune appends the UTF-8 encoding of Unicode code point r to b's
// buffer.
static ptrdiff_t Builder_WriteRune(Builder *b, rune r) {
  Builder_copyCheck(b);
  // Compare as uint32 to correctly handle negative runes.
  if ((uint32_t)r < RuneSelf) {
    b->buf = bytes_append(b->ar, b->buf, (char)r);
    return 1;
  }
  ptrdiff_t l = b->buf.len;
  if (b->buf.cap - l < UTFMax)
    Builder_grow(b, UTFMax);
  ptrdiff_t n = EncodeRune(bytes_slice(b->buf, l, l + UTFMax), r);
  b->buf = bytes_slice(b->buf, 0, l + n);
  return n;
}

// WriteString appends the contents of s to b's buffer.
static ptrdiff_t Builder_WriteString(Builder *b, sg_str s) {
  Builder_copyCheck(b);
  b->buf = bytes_append_n(b->ar, b->buf, s.ptr, s.len);
  return s.len;
}

/* ---- strings.Map and strings.Repeat ------------------------------------ */

// Map returns a copy of the string s with all its characters modified
// according to the mapping function.  If mapping returns a negative value,
// the character is dropped from the string with no replacement.
static sg_str Map(sg_arena *ar, rune (*mapping)(rune), sg_str s) {
  // In the worst case, the string can grow when mapped, making things
  // unpleasant.  But it's so rare we barge in assuming it's fine.  It
  // could also shrink but that falls out naturally.

  // The output buffer b is initialized on demand, the first time a
  // character differs.
  Builder b = {ar, NULL, {0}};

  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    rune c = DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    rune r = mapping(c);
    if (r == c && c != RuneError) {
      i += size;
      continue;
    }

    ptrdiff_t width;
    if (c == RuneError) {
      c = DecodeRuneInString(sg_str_slice(s, i, s.len), &width);
      if (width != 1 && r == c) {
        i += size;
        continue;
      }
    } else {
      width = RuneLen(c);
    }

    Builder_Grow(&b, s.len + UTFMax);
    Builder_WriteString(&b, sg_str_slice(s, 0, i));
    if (r >= 0)
      Builder_WriteRune(&b, r);

    s = sg_str_slice(s, i + width, s.len);
    break;
  }

  // Fast path for unchanged input
  if (Builder_Cap(&b) == 0) // didn't call b.Grow above
    return s;

  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    rune c = DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    rune r = mapping(c);

    if (r >= 0) {
      // common case
      // Due to inlining, it is more performant to determine if
      // WriteByte should be invoked rather than always call WriteRune
      if (r < RuneSelf)
        Builder_WriteByte(&b, (char)r);
      else
        // r is not a ASCII rune.
        Builder_WriteRune(&b, r);
    }
    i += size;
  }

  return Builder_String(&b);
}

// Repeat returns a new string consisting of count copies of the string s.
static sg_str Repeat(sg_arena *ar, sg_str s, ptrdiff_t count) {
  if (count == 0)
    return SG_STR("");

  // Since we cannot return an error on overflow, we should panic if the
  // repeat will generate an overflow.
  if (count < 0)
    go_panic("strings: negative Repeat count");
  else if (s.len * count / count != s.len)
    go_panic("strings: Repeat count causes overflow");

  ptrdiff_t n = s.len * count;
  Builder b = {ar, NULL, {0}};
  Builder_Grow(&b, n);
  Builder_WriteString(&b, s);
  while (Builder_Len(&b) < n) {
    if (Builder_Len(&b) <= n / 2) {
      Builder_WriteString(&b, Builder_String(&b));
    } else {
      Builder_WriteString(
          &b, sg_str_slice(Builder_String(&b), 0, n - Builder_Len(&b)));
      break;
    }
  }
  return Builder_String(&b);
}

/* ---- the program ------------------------------------------------------- */

static rune rot13(rune r) {
  if (r >= 'a' && r <= 'z')
    return 'a' + (r - 'a' + 13) % 26;
  if (r >= 'A' && r <= 'Z')
    return 'A' + (r - 'A' + 13) % 26;
  return r;
}

static rune dropVowels(rune r) {
  static const char vowels[] = "aeiouAEIOU";
  for (const char *v = vowels; *v; v++)
    if (r == *v)
      return -1;
  return r;
}

static rune upperASCII(rune r) {
  if (r >= 'a' && r <= 'z')
    return r - 'a' + 'A';
  return r;
}

static rune identity(rune r) { return r; }

static rune widen(rune r) {
  if (r >= 'a' && r <= 'z')
    return r - 'a' + 0xFF41; // fullwidth Latin
  return r;
}

static rune toError(rune r) {
  if (r == 'x')
    return RuneError;
  return r;
}

static void state(const char *tag, Builder *b) {
  printf("%s: len=%d cap=%d [%.*s]\n", tag, (int)Builder_Len(b),
         (int)Builder_Cap(b), P(Builder_String(b)));
}

/* fmt.Fprintf(&b, "%d,", v): one Write. */
static void fprintf_builder(Builder *b, int v) {
  char tmp[16];
  int n = snprintf(tmp, sizeof tmp, "%d,", v);
  Builder_Write(b, (bytes){tmp, n, n});
}

static void building(sg_arena *ar) {
  Builder b = {ar, NULL, {0}};
  state("zero", &b);
  Builder_WriteString(&b, SG_STR("hello"));
  state("write", &b);
  Builder_WriteByte(&b, ',');
  Builder_WriteRune(&b, ' ');
  Builder_WriteRune(&b, 0xE9);
  Builder_WriteRune(&b, 0x4E16);
  Builder_WriteRune(&b, 0x1F600);
  Builder_WriteRune(&b, -5);
  Builder_WriteRune(&b, 0xD800);
  Builder_Write(&b, (bytes){"!", 1, 1});
  state("runes", &b);
  sg_str s1 = Builder_String(&b);
  Builder_Grow(&b, 100);
  state("grow100", &b);
  Builder_Grow(&b, 10);
  state("grow10", &b);
  for (int i = 0; i < 60; i++) {
    fprintf_builder(&b, i);
    if (i % 20 == 0)
      printf("at %d: len=%d cap=%d\n", i, (int)Builder_Len(&b),
             (int)Builder_Cap(&b));
  }
  printf("earlier string still [%.*s]\n", P(s1));
  Builder_Reset(&b);
  state("reset", &b);
  Builder_WriteString(&b, SG_STR("again"));
  state("again", &b);

  Builder small = {ar, NULL, {0}};
  for (int i = 0; i < 40; i++) {
    Builder_WriteRune(&small, 'a' + i % 26);
    if (i % 8 == 7)
      printf("small %d: len=%d cap=%d\n", i, (int)Builder_Len(&small),
             (int)Builder_Cap(&small));
  }
  Builder unicode = {ar, NULL, {0}};
  for (int i = 0; i < 30; i++)
    Builder_WriteRune(&unicode, 0x3b1 + i % 24);
  printf("greek: len=%d cap=%d [%.*s]\n", (int)Builder_Len(&unicode),
         (int)Builder_Cap(&unicode), P(Builder_String(&unicode)));
}

typedef struct namedMap {
  const char *name;
  rune (*f)(rune);
} namedMap;

static void mapping(sg_arena *ar) {
  static const char *const inputs[] = {"",
                                       "Hello, World!",
                                       "abcxyz ABCXYZ",
                                       "h\u00e9llo w\u00f6rld",
                                       "bad\xff\x62yte x",
                                       "aeiou",
                                       "no change 123"};
  static const namedMap maps[] = {
      {"rot13", rot13},       {"dropVowels", dropVowels}, {"upper", upperASCII},
      {"identity", identity}, {"widen", widen},           {"toError", toError}};
  for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++) {
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
      sg_str in = sg_str_from(inputs[k]);
      sg_str out = Map(ar, maps[m].f, in);
      printf("Map %s [%.*s] -> [%.*s] %d bytes\n", maps[m].name, P(in), P(out),
             (int)out.len);
    }
  }
  sg_str lng = Repeat(ar, SG_STR("abc\u00e9"), 300);
  printf("Map long: %d -> %d\n", (int)lng.len, (int)Map(ar, widen, lng).len);
}

typedef struct repeatCase {
  const char *s;
  ptrdiff_t n;
} repeatCase;

static ptrdiff_t countByte(sg_str s, char c) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    n += s.ptr[i] == c;
  return n;
}

static void repeating(sg_arena *ar) {
  static const repeatCase cases[] = {{"", 5},      {"x", 0},  {"x", 1},
                                     {"ab", 3},    {"-", 10}, {"abc", 7},
                                     {"\u00e9", 4}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sg_str s = sg_str_from(cases[i].s);
    sg_str r = Repeat(ar, s, cases[i].n);
    printf("Repeat [%.*s] %d -> [%.*s] %d\n", P(s), (int)cases[i].n, P(r),
           (int)r.len);
  }
  sg_str big = Repeat(ar, SG_STR("0123456789"), 1000);
  printf("Repeat big: %d bytes, ends [%.*s]\n", (int)big.len,
         P(sg_str_slice(big, big.len - 12, big.len)));
  sg_str odd = Repeat(ar, SG_STR("abcdefg"), 77);
  printf("Repeat odd: %d bytes, count of g %d\n", (int)odd.len,
         (int)countByte(odd, 'g'));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  building(ar);
  mapping(ar);
  repeating(ar);
  sg_arena_free(ar);
  return 0;
}
