// A port of strings.Split, SplitN, SplitAfter, SplitAfterN (genSplit and
// explode), Count, Index (with internal/bytealg's brute force and
// Rabin-Karp), Join and the strings.Builder that Join writes into (Go 1.19,
// src/strings/strings.go and builder.go).  The Go original of main is
// split.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/split.go > %t.go.out
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

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

typedef int32_t rune;

/* ---- unicode/utf8 ------------------------------------------------------ */

enum { RuneError = 0xFFFD, RuneSelf = 0x80 };

/* utf8.DecodeRuneInString: the first rune of s and its width; an invalid
 * encoding is (RuneError, 1), the empty string (RuneError, 0). */
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

static ptrdiff_t RuneCountInString(sg_str s) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < s.len; n++) {
    ptrdiff_t size;
    DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    i += size;
  }
  return n;
}

/* string(utf8.RuneError): its three-byte encoding. */
static const sg_str RuneErrorString = {"\xef\xbf\xbd", 3};

/* ---- internal/bytealg -------------------------------------------------- */

enum { MaxBruteForce = 64, MaxLen = 63 };
static const uint32_t PrimeRK = 16777619;

static ptrdiff_t IndexByteString(sg_str s, char c) {
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == c)
      return i;
  return -1;
}

static ptrdiff_t CountString(sg_str s, char c) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == c)
      n++;
  return n;
}

/* bytealg.IndexString (assembly in Go): brute force. */
static ptrdiff_t IndexString(sg_str a, sg_str b) {
  for (ptrdiff_t i = 0; i + b.len <= a.len; i++)
    if (sg_str_eq(sg_str_slice(a, i, i + b.len), b))
      return i;
  return -1;
}

static ptrdiff_t Cutover(ptrdiff_t n) {
  // 1 error per 8 characters, plus a few slop to start.
  return (n + 16) / 8;
}

static void HashStr(sg_str sep, uint32_t *hash, uint32_t *pow) {
  uint32_t h = 0;
  for (ptrdiff_t i = 0; i < sep.len; i++)
    h = h * PrimeRK + (uint32_t)(unsigned char)sep.ptr[i];
  uint32_t p = 1, sq = PrimeRK;
  for (ptrdiff_t i = sep.len; i > 0; i >>= 1) {
    if (i & 1)
      p *= sq;
    sq *= sq;
  }
  *hash = h;
  *pow = p;
}

static ptrdiff_t IndexRabinKarp(sg_str s, sg_str substr) {
  // Rabin-Karp search
  uint32_t hashss, pow;
  HashStr(substr, &hashss, &pow);
  ptrdiff_t n = substr.len;
  uint32_t h = 0;
  for (ptrdiff_t i = 0; i < n; i++)
    h = h * PrimeRK + (uint32_t)(unsigned char)s.ptr[i];
  if (h == hashss && sg_str_eq(sg_str_slice(s, 0, n), substr))
    return 0;
  for (ptrdiff_t i = n; i < s.len;) {
    h *= PrimeRK;
    h += (uint32_t)(unsigned char)s.ptr[i];
    h -= pow * (uint32_t)(unsigned char)s.ptr[i - n];
    i++;
    if (h == hashss && sg_str_eq(sg_str_slice(s, i - n, i), substr))
      return i - n;
  }
  return -1;
}

/* ---- strings ----------------------------------------------------------- */

/* Index returns the index of the first instance of substr in s, or -1. */
static ptrdiff_t Index(sg_str s, sg_str substr) {
  ptrdiff_t n = substr.len;
  if (n == 0)
    return 0;
  if (n == 1)
    return IndexByteString(s, substr.ptr[0]);
  if (n == s.len)
    return sg_str_eq(substr, s) ? 0 : -1;
  if (n > s.len)
    return -1;
  if (n <= MaxLen) {
    // Use brute force when s and substr both are small
    if (s.len <= MaxBruteForce)
      return IndexString(s, substr);
    char c0 = substr.ptr[0];
    char c1 = substr.ptr[1];
    ptrdiff_t i = 0;
    ptrdiff_t t = s.len - n + 1;
    ptrdiff_t fails = 0;
    while (i < t) {
      if (s.ptr[i] != c0) {
        // IndexByte is faster than bytealg.IndexString, so use it as long
        // as we're not getting lots of false positives.
        ptrdiff_t o = IndexByteString(sg_str_slice(s, i + 1, t), c0);
        if (o < 0)
          return -1;
        i += o + 1;
      }
      if (s.ptr[i + 1] == c1 && sg_str_eq(sg_str_slice(s, i, i + n), substr))
        return i;
      fails++;
      i++;
      // Switch to bytealg.IndexString when IndexByte produces too many
      // false positives.
      if (fails > Cutover(i)) {
        ptrdiff_t r = IndexString(sg_str_slice(s, i, s.len), substr);
        if (r >= 0)
          return r + i;
        return -1;
      }
    }
    return -1;
  }
  char c0 = substr.ptr[0];
  char c1 = substr.ptr[1];
  ptrdiff_t i = 0;
  ptrdiff_t t = s.len - n + 1;
  ptrdiff_t fails = 0;
  while (i < t) {
    if (s.ptr[i] != c0) {
      ptrdiff_t o = IndexByteString(sg_str_slice(s, i + 1, t), c0);
      if (o < 0)
        return -1;
      i += o + 1;
    }
    if (s.ptr[i + 1] == c1 && sg_str_eq(sg_str_slice(s, i, i + n), substr))
      return i;
    i++;
    fails++;
    if (fails >= 4 + (i >> 4) && i < t) {
      ptrdiff_t j = IndexRabinKarp(sg_str_slice(s, i, s.len), substr);
      if (j < 0)
        return -1;
      return i + j;
    }
  }
  return -1;
}

/* Count counts the non-overlapping instances of substr in s; an empty
 * substr counts 1 + the number of code points. */
static ptrdiff_t Count(sg_str s, sg_str substr) {
  // special case
  if (substr.len == 0)
    return RuneCountInString(s) + 1;
  if (substr.len == 1)
    return CountString(s, substr.ptr[0]);
  ptrdiff_t n = 0;
  for (;;) {
    ptrdiff_t i = Index(s, substr);
    if (i == -1)
      return n;
    n++;
    s = sg_str_slice(s, i + substr.len, s.len);
  }
}

/* explode splits s into a slice of UTF-8 strings, one per code point (an
 * invalid byte becomes U+FFFD), up to a maximum of n (n < 0 means no
 * limit). */
static strs explode(sg_arena *ar, sg_str s, ptrdiff_t n) {
  ptrdiff_t l = RuneCountInString(s);
  if (n < 0 || n > l)
    n = l;
  strs a = strs_make(ar, n, n);
  for (ptrdiff_t i = 0; i < n - 1; i++) {
    ptrdiff_t size;
    rune ch = DecodeRuneInString(s, &size);
    strs_set(a, i, sg_str_slice(s, 0, size));
    s = sg_str_slice(s, size, s.len);
    if (ch == RuneError)
      strs_set(a, i, RuneErrorString);
  }
  if (n > 0)
    strs_set(a, n - 1, s);
  return a;
}

// Generic split: splits after each instance of sep,
// including sepSave bytes of sep in the subarrays.
static strs genSplit(sg_arena *ar, sg_str s, sg_str sep, ptrdiff_t sepSave,
                     ptrdiff_t n) {
  if (n == 0)
    return (strs){0};
  if (sep.len == 0)
    return explode(ar, s, n);
  if (n < 0)
    n = Count(s, sep) + 1;

  if (n > s.len + 1)
    n = s.len + 1;
  strs a = strs_make(ar, n, n);
  n--;
  ptrdiff_t i = 0;
  while (i < n) {
    ptrdiff_t m = Index(s, sep);
    if (m < 0)
      break;
    strs_set(a, i, sg_str_slice(s, 0, m + sepSave));
    s = sg_str_slice(s, m + sep.len, s.len);
    i++;
  }
  strs_set(a, i, s);
  return strs_slice(a, 0, i + 1);
}

static strs SplitN(sg_arena *ar, sg_str s, sg_str sep, ptrdiff_t n) {
  return genSplit(ar, s, sep, 0, n);
}

static strs SplitAfterN(sg_arena *ar, sg_str s, sg_str sep, ptrdiff_t n) {
  return genSplit(ar, s, sep, sep.len, n);
}

static strs Split(sg_arena *ar, sg_str s, sg_str sep) {
  return genSplit(ar, s, sep, 0, -1);
}

static strs SplitAfter(sg_arena *ar, sg_str s, sg_str sep) {
  return genSplit(ar, s, sep, sep.len, -1);
}

/* ---- strings.Builder --------------------------------------------------- */

typedef struct Builder {
  struct Builder *addr; // of receiver, to detect copies by value
  bytes buf;
} Builder;

static void copyCheck(Builder *b) {
  if (b->addr == NULL)
    b->addr = b;
  else if (b->addr != b) {
    fprintf(stderr, "strings: illegal use of non-zero Builder copied by "
                    "value\n");
    abort();
  }
}

/* String shares the builder's bytes, as Go's unsafe conversion does. */
static sg_str Builder_String(const Builder *b) {
  return sg_str_make(b->buf.ptr, b->buf.len);
}

static void Builder_grow(sg_arena *ar, Builder *b, ptrdiff_t n) {
  bytes buf = bytes_make(ar, b->buf.len, 2 * b->buf.cap + n);
  bytes_copy(buf, b->buf);
  b->buf = buf;
}

static void Builder_Grow(sg_arena *ar, Builder *b, ptrdiff_t n) {
  copyCheck(b);
  if (n < 0) {
    fprintf(stderr, "strings.Builder.Grow: negative count\n");
    abort();
  }
  if (b->buf.cap - b->buf.len < n)
    Builder_grow(ar, b, n);
}

static ptrdiff_t Builder_WriteString(sg_arena *ar, Builder *b, sg_str s) {
  copyCheck(b);
  b->buf = bytes_append_n(ar, b->buf, s.ptr, s.len);
  return s.len;
}

/* Join concatenates the elements of elems with sep between them. */
static sg_str Join(sg_arena *ar, strs elems, sg_str sep) {
  switch (elems.len) {
  case 0:
    return SG_STR("");
  case 1:
    return strs_get(elems, 0);
  }
  ptrdiff_t n = sep.len * (elems.len - 1);
  for (ptrdiff_t i = 0; i < elems.len; i++)
    n += strs_get(elems, i).len;

  Builder b = {0};
  Builder_Grow(ar, &b, n);
  Builder_WriteString(ar, &b, strs_get(elems, 0));
  strs rest = strs_slice(elems, 1, elems.len);
  for (ptrdiff_t i = 0; i < rest.len; i++) {
    Builder_WriteString(ar, &b, sep);
    Builder_WriteString(ar, &b, strs_get(rest, i));
  }
  return Builder_String(&b);
}

/* ---- the program ------------------------------------------------------- */

static void show(const char *tag, int idx, strs a) {
  if (idx >= 0)
    printf("%s %d: n=%d nil=%s", tag, idx, (int)a.len,
           a.ptr == NULL ? "true" : "false");
  else
    printf("%s: n=%d nil=%s", tag, (int)a.len,
           a.ptr == NULL ? "true" : "false");
  for (ptrdiff_t i = 0; i < a.len; i++) {
    sg_str e = strs_get(a, i);
    printf(" [%.*s]", (int)e.len, e.ptr);
  }
  printf("\n");
}

/* fmt.Fprintf(&b, format, v) for one integer. */
static void fprintf_builder(sg_arena *ar, Builder *b, const char *format,
                            int v) {
  char tmp[64];
  int n = snprintf(tmp, sizeof tmp, format, v);
  Builder_WriteString(ar, b, sg_str_make(tmp, n));
}

/* strings.Repeat, as a Builder loop. */
static sg_str Repeat(sg_arena *ar, sg_str s, int count) {
  Builder b = {0};
  Builder_Grow(ar, &b, s.len * count);
  for (int i = 0; i < count; i++)
    Builder_WriteString(ar, &b, s);
  return Builder_String(&b);
}

/* s1 + s2 + ... into a fresh string. */
static sg_str concat(sg_arena *ar, const sg_str *parts, int n) {
  bytes b = {0};
  for (int i = 0; i < n; i++)
    b = bytes_append_n(ar, b, parts[i].ptr, parts[i].len);
  return sg_str_make(b.ptr, b.len);
}

typedef struct tc {
  const char *s, *sep;
  int n;
} tc;

int main(void) {
  sg_arena *ar = sg_arena_new();
  static const tc cases[] = {
      {"a,b,c", ",", -1},
      {"a,b,c", ",", 0},
      {"a,b,c", ",", 1},
      {"a,b,c", ",", 2},
      {"a,b,c", ",", 10},
      {"", ",", -1},
      {"", "", -1},
      {"abc", "", -1},
      {"abc", "", 2},
      {"h\u00e9llo", "", -1},
      {"bad\xff"
       "byte",
       "", -1},
      {"a--b--c--", "--", -1},
      {"--", "--", -1},
      {"aaaa", "aa", -1},
      {"no match here", "xyz", -1},
      {"1 2 3 4 5", " ", 3},
      {"\u00e9t\u00e9,\u00e9t\u00e9", "\u00e9", -1},
  };
  for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
    sg_str s = sg_str_from(cases[i].s), sep = sg_str_from(cases[i].sep);
    show("SplitN", i, SplitN(ar, s, sep, cases[i].n));
    show("SplitAfterN", i, SplitAfterN(ar, s, sep, cases[i].n));
  }
  show("Split", -1, Split(ar, SG_STR("x::y::z"), SG_STR("::")));
  show("SplitAfter", -1, SplitAfter(ar, SG_STR("x::y::z"), SG_STR("::")));

  // Long inputs take Index's other paths: more than 64 bytes (no brute
  // force), a separator longer than 63 bytes, many false starts.
  Builder b = {0};
  for (int i = 0; i < 40; i++)
    fprintf_builder(ar, &b, "item%02d<sep>", i);
  sg_str lng = Builder_String(&b);
  strs parts = Split(ar, lng, SG_STR("<sep>"));
  sg_str p0 = strs_get(parts, 0), p39 = strs_get(parts, 39),
         p40 = strs_get(parts, 40);
  printf("long: %d parts, [%.*s] [%.*s] [%.*s]\n", (int)parts.len, (int)p0.len,
         p0.ptr, (int)p39.len, p39.ptr, (int)p40.len, p40.ptr);
  strs after = SplitAfterN(ar, lng, SG_STR("<sep>"), 5);
  printf("long after: %d parts, last has %d bytes\n", (int)after.len,
         (int)strs_get(after, 4).len);
  sg_str bigSep = Repeat(ar, SG_STR("="), 70);
  sg_str pieces[] = {SG_STR("left"),   bigSep,
                     SG_STR("middle"), bigSep,
                     SG_STR("right"),  sg_str_slice(bigSep, 0, 69)};
  sg_str s = concat(ar, pieces, 6);
  show("big sep", -1, Split(ar, s, bigSep));
  sg_str noisyParts[] = {Repeat(ar, SG_STR("ab"), 200), SG_STR("abc"),
                         Repeat(ar, SG_STR("ab"), 50), SG_STR("abc")};
  sg_str noisy = concat(ar, noisyParts, 4);
  strs ps = Split(ar, noisy, SG_STR("abc"));
  printf("noisy: %d parts, lens %d %d %d\n", (int)ps.len,
         (int)strs_get(ps, 0).len, (int)strs_get(ps, 1).len,
         (int)strs_get(ps, 2).len);
  printf("count: %d %d %d %d\n", (int)Count(noisy, SG_STR("abc")),
         (int)Count(noisy, SG_STR("ab")), (int)Count(SG_STR(""), SG_STR("")),
         (int)Count(SG_STR("h\u00e9"), SG_STR("")));

  // Join: empty, one, many; and Split undone by Join.
  sg_str j0 = Join(ar, (strs){0}, SG_STR(","));
  printf("join0 [%.*s]\n", (int)j0.len, j0.ptr);
  strs one = strs_append(ar, (strs){0}, SG_STR("only"));
  sg_str j1 = Join(ar, one, SG_STR(","));
  printf("join1 [%.*s]\n", (int)j1.len, j1.ptr);
  sg_str three[] = {SG_STR("a"), SG_STR(""), SG_STR("c")};
  sg_str j3 = Join(ar, strs_append_n(ar, (strs){0}, three, 3), SG_STR(", "));
  printf("join3 [%.*s]\n", (int)j3.len, j3.ptr);
  sg_str xyz[] = {SG_STR("x"), SG_STR("y"), SG_STR("z")};
  sg_str jx = Join(ar, strs_append_n(ar, (strs){0}, xyz, 3), SG_STR(""));
  printf("join sep-less [%.*s]\n", (int)jx.len, jx.ptr);
  sg_str back = Join(ar, parts, SG_STR("<sep>"));
  printf("round trip: %s %d\n", sg_str_eq(back, lng) ? "true" : "false",
         (int)back.len);
  strs words = {0};
  for (int i = 0; i < 300; i++) {
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "w%d", i % 17);
    bytes w = bytes_append_n(ar, (bytes){0}, tmp, n);
    words = strs_append(ar, words, sg_str_make(w.ptr, w.len));
  }
  sg_str j = Join(ar, words, SG_STR("/"));
  sg_str head = sg_str_slice(j, 0, 20),
         tail = sg_str_slice(j, j.len - 12, j.len);
  printf("join300: %d bytes, %.*s...%.*s\n", (int)j.len, (int)head.len,
         head.ptr, (int)tail.len, tail.ptr);
  strs again = Split(ar, j, SG_STR("/"));
  bool same = again.len == words.len;
  for (ptrdiff_t i = 0; i < again.len; i++)
    if (!sg_str_eq(strs_get(again, i), strs_get(words, i)))
      same = false;
  printf("split300: %d %s\n", (int)again.len, same ? "true" : "false");
  sg_arena_free(ar);
  return 0;
}
