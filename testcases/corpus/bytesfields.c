// A port of bytes.Fields, FieldsFunc, Split, SplitN, SplitAfter,
// SplitAfterN (genSplit, explode), Count, Index (with internal/bytealg's
// brute force and Rabin-Karp), Join and Repeat (Go 1.19,
// src/bytes/bytes.go).  Unlike their strings twins these return 3-index
// slices of the input (s[lo:hi:hi]), so that a caller's append to one
// field copies instead of overwriting the next; main appends to fields
// and pieces and shows the input intact.  The Go original of main is
// bytesfields.go; both must print the same, capacities included.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/bytesfields.go > %t.go.out
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
#define SG_ELEM unsigned char
#include <sliceguard/slice.h>

#define SG_SLICE byteslices
#define SG_ELEM bytes
#include <sliceguard/slice.h>

typedef int32_t rune;

#define PB(b) (int)(b).len, (const char *)(b).ptr

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* []byte(s): a fresh copy, never nil.  Go's rawbyteslice rounds the
 * capacity up to the allocation size class, as growing a nil slice by
 * len(s) does here; the capacities of the 3-index pieces show it. */
static bytes bytes_of(sg_arena *ar, sg_str s) {
  if (s.len == 0)
    return bytes_make(ar, 0, 0);
  return bytes_append_n(ar, (bytes){0}, (const unsigned char *)s.ptr, s.len);
}

/* ---- unicode, unicode/utf8 --------------------------------------------- */

enum { RuneError = 0xFFFD, RuneSelf = 0x80 };

static rune DecodeRune(bytes p, ptrdiff_t *size) {
  if (p.len < 1) {
    *size = 0;
    return RuneError;
  }
  unsigned c0 = p.ptr[0];
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
  if (p.len < need) {
    *size = 1;
    return RuneError;
  }
  for (int i = 1; i < need; i++) {
    unsigned c = p.ptr[i];
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

static ptrdiff_t RuneCount(bytes p) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < p.len; n++) {
    ptrdiff_t size;
    DecodeRune(bytes_slice(p, i, p.len), &size);
    i += size;
  }
  return n;
}

static bool IsSpace(rune r) {
  if ((uint32_t)r <= 0xFF) {
    switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
      return true;
    }
    return false;
  }
  if (r == 0x1680 || (r >= 0x2000 && r <= 0x200A))
    return true;
  return r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F ||
         r == 0x3000;
}

/* ---- internal/bytealg -------------------------------------------------- */

enum { MaxBruteForce = 64, MaxLen = 63 };
static const uint32_t PrimeRK = 16777619;

static bool Equal(bytes a, bytes b) {
  return a.len == b.len &&
         (a.len == 0 || memcmp(a.ptr, b.ptr, (size_t)a.len) == 0);
}

static ptrdiff_t IndexByte(bytes b, unsigned char c) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    if (bytes_get(b, i) == c)
      return i;
  return -1;
}

static ptrdiff_t CountByte(bytes b, unsigned char c) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < b.len; i++)
    if (bytes_get(b, i) == c)
      n++;
  return n;
}

/* bytealg.Index (assembly in Go): brute force. */
static ptrdiff_t bytealgIndex(bytes a, bytes b) {
  for (ptrdiff_t i = 0; i + b.len <= a.len; i++)
    if (Equal(bytes_slice(a, i, i + b.len), b))
      return i;
  return -1;
}

static ptrdiff_t Cutover(ptrdiff_t n) { return (n + 16) / 8; }

static void HashStrBytes(bytes sep, uint32_t *hash, uint32_t *pow) {
  uint32_t h = 0;
  for (ptrdiff_t i = 0; i < sep.len; i++)
    h = h * PrimeRK + bytes_get(sep, i);
  uint32_t p = 1, sq = PrimeRK;
  for (ptrdiff_t i = sep.len; i > 0; i >>= 1) {
    if (i & 1)
      p *= sq;
    sq *= sq;
  }
  *hash = h;
  *pow = p;
}

static ptrdiff_t IndexRabinKarpBytes(bytes s, bytes sep) {
  // Rabin-Karp search
  uint32_t hashsep, pow;
  HashStrBytes(sep, &hashsep, &pow);
  ptrdiff_t n = sep.len;
  uint32_t h = 0;
  for (ptrdiff_t i = 0; i < n; i++)
    h = h * PrimeRK + bytes_get(s, i);
  if (h == hashsep && Equal(bytes_slice(s, 0, n), sep))
    return 0;
  for (ptrdiff_t i = n; i < s.len;) {
    h *= PrimeRK;
    h += bytes_get(s, i);
    h -= pow * bytes_get(s, i - n);
    i++;
    if (h == hashsep && Equal(bytes_slice(s, i - n, i), sep))
      return i - n;
  }
  return -1;
}

/* ---- bytes ------------------------------------------------------------- */

// Index returns the index of the first instance of sep in s, or -1 if sep
// is not present in s.
static ptrdiff_t Index(bytes s, bytes sep) {
  ptrdiff_t n = sep.len;
  if (n == 0)
    return 0;
  if (n == 1)
    return IndexByte(s, bytes_get(sep, 0));
  if (n == s.len)
    return Equal(sep, s) ? 0 : -1;
  if (n > s.len)
    return -1;
  if (n <= MaxLen) {
    // Use brute force when s and sep both are small
    if (s.len <= MaxBruteForce)
      return bytealgIndex(s, sep);
    unsigned char c0 = bytes_get(sep, 0), c1 = bytes_get(sep, 1);
    ptrdiff_t i = 0, t = s.len - n + 1, fails = 0;
    while (i < t) {
      if (bytes_get(s, i) != c0) {
        // IndexByte is faster than bytealg.Index, so use it as long as
        // we're not getting lots of false positives.
        ptrdiff_t o = IndexByte(bytes_slice(s, i + 1, t), c0);
        if (o < 0)
          return -1;
        i += o + 1;
      }
      if (bytes_get(s, i + 1) == c1 && Equal(bytes_slice(s, i, i + n), sep))
        return i;
      fails++;
      i++;
      // Switch to bytealg.Index when IndexByte produces too many false
      // positives.
      if (fails > Cutover(i)) {
        ptrdiff_t r = bytealgIndex(bytes_slice(s, i, s.len), sep);
        if (r >= 0)
          return r + i;
        return -1;
      }
    }
    return -1;
  }
  unsigned char c0 = bytes_get(sep, 0), c1 = bytes_get(sep, 1);
  ptrdiff_t i = 0, fails = 0, t = s.len - n + 1;
  while (i < t) {
    if (bytes_get(s, i) != c0) {
      ptrdiff_t o = IndexByte(bytes_slice(s, i + 1, t), c0);
      if (o < 0)
        break;
      i += o + 1;
    }
    if (bytes_get(s, i + 1) == c1 && Equal(bytes_slice(s, i, i + n), sep))
      return i;
    i++;
    fails++;
    if (fails >= 4 + (i >> 4) && i < t) {
      // Give up on IndexByte, it isn't skipping ahead far enough to be
      // better than Rabin-Karp.
      ptrdiff_t j = IndexRabinKarpBytes(bytes_slice(s, i, s.len), sep);
      if (j < 0)
        return -1;
      return i + j;
    }
  }
  return -1;
}

// Count counts the number of non-overlapping instances of sep in s.  If
// sep is empty, Count returns 1 + the number of UTF-8-encoded code points
// in s.
static ptrdiff_t Count(bytes s, bytes sep) {
  // special case
  if (sep.len == 0)
    return RuneCount(s) + 1;
  if (sep.len == 1)
    return CountByte(s, bytes_get(sep, 0));
  ptrdiff_t n = 0;
  for (;;) {
    ptrdiff_t i = Index(s, sep);
    if (i == -1)
      return n;
    n++;
    s = bytes_slice(s, i + sep.len, s.len);
  }
}

// explode splits s into a slice of UTF-8 sequences, one per Unicode code
// point (still slices of bytes), up to a maximum of n byte slices.
// Invalid UTF-8 sequences are chopped into individual bytes.
static byteslices explode(sg_arena *ar, bytes s, ptrdiff_t n) {
  if (n <= 0 || n > s.len)
    n = s.len;
  byteslices a = byteslices_make(ar, n, n);
  ptrdiff_t size;
  ptrdiff_t na = 0;
  while (s.len > 0) {
    if (na + 1 >= n) {
      byteslices_set(a, na, s);
      na++;
      break;
    }
    DecodeRune(s, &size);
    byteslices_set(a, na, bytes_slice3(s, 0, size, size));
    s = bytes_slice(s, size, s.len);
    na++;
  }
  return byteslices_slice(a, 0, na);
}

// Generic split: splits after each instance of sep, including sepSave
// bytes of sep in the subslices.
static byteslices genSplit(sg_arena *ar, bytes s, bytes sep, ptrdiff_t sepSave,
                           ptrdiff_t n) {
  if (n == 0)
    return (byteslices){0};
  if (sep.len == 0)
    return explode(ar, s, n);
  if (n < 0)
    n = Count(s, sep) + 1;
  if (n > s.len + 1)
    n = s.len + 1;

  byteslices a = byteslices_make(ar, n, n);
  n--;
  ptrdiff_t i = 0;
  while (i < n) {
    ptrdiff_t m = Index(s, sep);
    if (m < 0)
      break;
    byteslices_set(a, i, bytes_slice3(s, 0, m + sepSave, m + sepSave));
    s = bytes_slice(s, m + sep.len, s.len);
    i++;
  }
  byteslices_set(a, i, s);
  return byteslices_slice(a, 0, i + 1);
}

static byteslices SplitN(sg_arena *ar, bytes s, bytes sep, ptrdiff_t n) {
  return genSplit(ar, s, sep, 0, n);
}
static byteslices SplitAfterN(sg_arena *ar, bytes s, bytes sep, ptrdiff_t n) {
  return genSplit(ar, s, sep, sep.len, n);
}
static byteslices Split(sg_arena *ar, bytes s, bytes sep) {
  return genSplit(ar, s, sep, 0, -1);
}
static byteslices SplitAfter(sg_arena *ar, bytes s, bytes sep) {
  return genSplit(ar, s, sep, sep.len, -1);
}

static const uint8_t asciiSpace[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1};

static byteslices FieldsFunc(sg_arena *ar, bytes s, bool (*f)(rune));

// Fields interprets s as a sequence of UTF-8-encoded code points.  It
// splits the slice s around each instance of one or more consecutive
// white space characters, as defined by unicode.IsSpace.
static byteslices Fields(sg_arena *ar, bytes s) {
  // First count the fields.
  // This is an exact count if s is ASCII, otherwise it is an
  // approximation.
  ptrdiff_t n = 0;
  int wasSpace = 1;
  // setBits is used to track which bits are set in the bytes of s.
  uint8_t setBits = 0;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    uint8_t r = bytes_get(s, i);
    setBits |= r;
    int isSpace = asciiSpace[r];
    n += wasSpace & ~isSpace;
    wasSpace = isSpace;
  }

  if (setBits >= RuneSelf)
    // Some runes in the input slice are not ASCII.
    return FieldsFunc(ar, s, IsSpace);

  // ASCII fast path
  byteslices a = byteslices_make(ar, n, n);
  ptrdiff_t na = 0, fieldStart = 0, i = 0;
  // Skip spaces in the front of the input.
  while (i < s.len && asciiSpace[bytes_get(s, i)] != 0)
    i++;
  fieldStart = i;
  while (i < s.len) {
    if (asciiSpace[bytes_get(s, i)] == 0) {
      i++;
      continue;
    }
    byteslices_set(a, na, bytes_slice3(s, fieldStart, i, i));
    na++;
    i++;
    // Skip spaces in between fields.
    while (i < s.len && asciiSpace[bytes_get(s, i)] != 0)
      i++;
    fieldStart = i;
  }
  if (fieldStart < s.len) // Last field might end at EOF.
    byteslices_set(a, na, bytes_slice3(s, fieldStart, s.len, s.len));
  return a;
}

typedef struct span {
  ptrdiff_t start;
  ptrdiff_t end;
} span;

#define SG_SLICE spans
#define SG_ELEM span
#include <sliceguard/slice.h>

// FieldsFunc interprets s as a sequence of UTF-8-encoded code points.  It
// splits the slice s at each run of code points c satisfying f(c) and
// returns a slice of subslices of s.
static byteslices FieldsFunc(sg_arena *ar, bytes s, bool (*f)(rune)) {
  // A span is used to record a slice of s of the form s[start:end].
  spans sp = spans_make(ar, 0, 32);

  // Find the field start and end indices.
  ptrdiff_t start = -1; // valid span start if >= 0
  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size = 1;
    rune r = bytes_get(s, i);
    if (r >= RuneSelf)
      r = DecodeRune(bytes_slice(s, i, s.len), &size);
    if (f(r)) {
      if (start >= 0) {
        sp = spans_append(ar, sp, (span){start, i});
        start = -1;
      }
    } else {
      if (start < 0)
        start = i;
    }
    i += size;
  }

  // Last field might end at EOF.
  if (start >= 0)
    sp = spans_append(ar, sp, (span){start, s.len});

  // Create subslices from recorded field indices.
  byteslices a = byteslices_make(ar, sp.len, sp.len);
  for (ptrdiff_t i = 0; i < sp.len; i++) {
    span one = spans_get(sp, i);
    byteslices_set(a, i, bytes_slice3(s, one.start, one.end, one.end));
  }
  return a;
}

// Join concatenates the elements of s to create a new byte slice.  The
// separator sep is placed between elements in the resulting slice.
static bytes Join(sg_arena *ar, byteslices s, bytes sep) {
  if (s.len == 0)
    return bytes_make(ar, 0, 0); /* []byte{} */
  if (s.len == 1)
    // Just return a copy.
    return bytes_extend(ar, (bytes){0}, byteslices_get(s, 0));
  ptrdiff_t n = sep.len * (s.len - 1);
  for (ptrdiff_t i = 0; i < s.len; i++)
    n += byteslices_get(s, i).len;

  bytes b = bytes_make(ar, n, n);
  ptrdiff_t bp = bytes_copy(b, byteslices_get(s, 0));
  byteslices rest = byteslices_slice(s, 1, s.len);
  for (ptrdiff_t i = 0; i < rest.len; i++) {
    bp += bytes_copy(bytes_slice(b, bp, b.len), sep);
    bp += bytes_copy(bytes_slice(b, bp, b.len), byteslices_get(rest, i));
  }
  return b;
}

// Repeat returns a new byte slice consisting of count copies of b.
static bytes Repeat(sg_arena *ar, bytes b, ptrdiff_t count) {
  if (count == 0)
    return bytes_make(ar, 0, 0); /* []byte{} */
  // Since we cannot return an error on overflow, we should panic if the
  // repeat will generate an overflow.
  if (count < 0)
    go_panic("bytes: negative Repeat count");
  else if (b.len * count / count != b.len)
    go_panic("bytes: Repeat count causes overflow");

  bytes nb = bytes_make(ar, b.len * count, b.len * count);
  ptrdiff_t bp = bytes_copy(nb, b);
  while (bp < nb.len) {
    bytes_copy(bytes_slice(nb, bp, nb.len), bytes_slice(nb, 0, bp));
    bp *= 2;
  }
  return nb;
}

/* ---- the program ------------------------------------------------------- */

static void show(const char *tag, int idx, byteslices a) {
  if (idx >= 0)
    printf("%s %d", tag, idx);
  else
    printf("%s", tag);
  printf(": n=%d nil=%s", (int)a.len, a.ptr == NULL ? "true" : "false");
  for (ptrdiff_t i = 0; i < a.len; i++) {
    bytes e = byteslices_get(a, i);
    printf(" [%.*s]/%d", PB(e), (int)e.cap);
  }
  printf("\n");
}

static bool isSep(rune r) { return r == ',' || r == ';' || IsSpace(r); }

typedef struct tc {
  const char *s, *sep;
  ptrdiff_t n;
} tc;

static void splitting(sg_arena *ar) {
  static const char *const inputs[] = {"",
                                       "  ",
                                       "a",
                                       " foo  bar\tbaz\n",
                                       "x y z ",
                                       "caf\u00e9 \u00a0na\u00efve\u2003end",
                                       "bad\xff utf8"};
  for (int i = 0; i < (int)(sizeof inputs / sizeof inputs[0]); i++) {
    sg_str in = sg_str_from(inputs[i]);
    show("Fields", i, Fields(ar, bytes_of(ar, in)));
    bytes withSeps =
        bytes_extend(ar, bytes_of(ar, in), bytes_of(ar, SG_STR(",;x")));
    show("FieldsFunc", i, FieldsFunc(ar, withSeps, isSep));
  }
  static const tc cases[] = {
      {"a,b,c", ",", -1},       {"a,b,c", ",", 0},
      {"a,b,c", ",", 2},        {"", ",", -1},
      {"abc", "", -1},          {"abc", "", 2},
      {"h\u00e9\xffz", "", -1}, {"a--b--", "--", -1},
      {"aaaa", "aa", -1},       {"1 2 3 4", " ", 3},
  };
  for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
    bytes s = bytes_of(ar, sg_str_from(cases[i].s));
    bytes sep = bytes_of(ar, sg_str_from(cases[i].sep));
    show("SplitN", i, SplitN(ar, s, sep, cases[i].n));
    show("SplitAfterN", i, SplitAfterN(ar, s, sep, cases[i].n));
  }
}

static void appending(sg_arena *ar) {
  // Appending to a field must not write into the input or its neighbour.
  bytes line = bytes_of(ar, SG_STR("alpha beta gamma delta"));
  byteslices fs = Fields(ar, line);
  for (ptrdiff_t i = 0; i < fs.len; i++)
    byteslices_set(fs, i, bytes_append(ar, byteslices_get(fs, i), '!'));
  bytes j = Join(ar, fs, bytes_of(ar, SG_STR("/")));
  printf("appended fields: %.*s | line intact: [%.*s]\n", PB(j), PB(line));
  bytes csv = bytes_of(ar, SG_STR("k1=v1;k2=v2;k3=v3"));
  byteslices parts = Split(ar, csv, bytes_of(ar, SG_STR(";")));
  bytes first =
      bytes_extend(ar, byteslices_get(parts, 0), bytes_of(ar, SG_STR("-more")));
  printf("first [%.*s] second [%.*s] input [%.*s]\n", PB(first),
         PB(byteslices_get(parts, 1)), PB(csv));
  byteslices after = SplitAfter(ar, csv, bytes_of(ar, SG_STR(";")));
  byteslices_set(after, 0, bytes_append(ar, byteslices_get(after, 0), 'X'));
  printf("after [%.*s] [%.*s] input [%.*s]\n", PB(byteslices_get(after, 0)),
         PB(byteslices_get(after, 1)), PB(csv));
  byteslices runes =
      Split(ar, bytes_of(ar, SG_STR("\u00e9t\u00e9")), (bytes){0});
  byteslices_set(runes, 0, bytes_append(ar, byteslices_get(runes, 0), '#'));
  printf("runes [%.*s] [%.*s] [%.*s]\n", PB(byteslices_get(runes, 0)),
         PB(byteslices_get(runes, 1)), PB(byteslices_get(runes, 2)));
}

static void longInputs(sg_arena *ar) {
  // Long input: Index's non-brute-force paths, Count.
  bytes lng = {0};
  for (int i = 0; i < 50; i++) {
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "rec%02d<-->", i);
    lng = bytes_append_n(ar, lng, (const unsigned char *)tmp, n);
  }
  bytes arrow = bytes_of(ar, SG_STR("<-->"));
  byteslices recs = Split(ar, lng, arrow);
  printf("long: %d recs, [%.*s] [%.*s] [%.*s] count=%d\n", (int)recs.len,
         PB(byteslices_get(recs, 0)), PB(byteslices_get(recs, 49)),
         PB(byteslices_get(recs, 50)), (int)Count(lng, arrow));
  bytes big = Repeat(ar, bytes_of(ar, SG_STR("ab")), 300);
  big = bytes_extend(ar, big, bytes_of(ar, SG_STR("abc")));
  printf("index abc=%d count ab=%d count empty=%d\n",
         (int)Index(big, bytes_of(ar, SG_STR("abc"))),
         (int)Count(big, bytes_of(ar, SG_STR("ab"))),
         (int)Count(bytes_of(ar, SG_STR("h\u00e9")), (bytes){0}));
  bytes sep70 = Repeat(ar, bytes_of(ar, SG_STR("=")), 70);
  byteslices three = {0};
  three = byteslices_append(ar, three, bytes_of(ar, SG_STR("L")));
  three = byteslices_append(ar, three, bytes_of(ar, SG_STR("M")));
  three = byteslices_append(ar, three, bytes_of(ar, SG_STR("R")));
  bytes joined = Join(ar, three, sep70);
  show("big sep", -1, Split(ar, joined, sep70));
}

static void joining(sg_arena *ar) {
  // Join and Repeat.
  bytes comma = bytes_of(ar, SG_STR(","));
  bytes j0 = Join(ar, (byteslices){0}, comma);
  printf("join0 [%.*s] nil=%s\n", PB(j0), j0.ptr == NULL ? "true" : "false");
  byteslices one =
      byteslices_append(ar, (byteslices){0}, bytes_of(ar, SG_STR("solo")));
  bytes j1 = Join(ar, one, comma);
  bytes_set(j1, 0, 'S');
  printf("join1 [%.*s] original [%.*s]\n", PB(j1), PB(byteslices_get(one, 0)));
  byteslices three = {0};
  three = byteslices_append(ar, three, bytes_of(ar, SG_STR("a")));
  three = byteslices_append(ar, three, (bytes){0});
  three = byteslices_append(ar, three, bytes_of(ar, SG_STR("c")));
  bytes j3 = Join(ar, three, bytes_of(ar, SG_STR(", ")));
  printf("join3 [%.*s]\n", PB(j3));
  static const ptrdiff_t counts[] = {0, 1, 2, 5, 16};
  for (int i = 0; i < 5; i++) {
    bytes r = Repeat(ar, bytes_of(ar, SG_STR("xyz")), counts[i]);
    printf("repeat %d: [%.*s] len=%d nil=%s\n", (int)counts[i], PB(r),
           (int)r.len, r.ptr == NULL ? "true" : "false");
  }
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  splitting(ar);
  appending(ar);
  longInputs(ar);
  joining(ar);
  sg_arena_free(ar);
  return 0;
}
