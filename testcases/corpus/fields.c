// A port of strings.Fields and strings.FieldsFunc (Go 1.19,
// src/strings/strings.go) with the pieces of unicode and unicode/utf8 they
// use.  The Go original of main is fields.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/fields.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

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

enum { RuneError = 0xFFFD, RuneSelf = 0x80, MaxRune = 0x10FFFF };

/* utf8.DecodeRuneInString: the rune at the start of s and its width; an
 * invalid encoding is (RuneError, 1), an empty string (RuneError, 0). */
static rune decode_rune(sg_str s, int *size) {
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
    if (c0 == 0xE0)
      lo = 0xA0;
    else if (c0 == 0xED)
      hi = 0x9F;
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    need = 4;
    r = (rune)(c0 & 0x07);
    if (c0 == 0xF0)
      lo = 0x90;
    else if (c0 == 0xF4)
      hi = 0x8F;
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

/* ---- unicode ----------------------------------------------------------- */

/* unicode.IsSpace: the White_Space property. */
static bool unicode_is_space(rune r) {
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

/* ---- strings ----------------------------------------------------------- */

static const uint8_t asciiSpace[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1};

static strs FieldsFunc(sg_arena *ar, sg_str s, bool (*f)(rune));

/* Fields splits s around each run of white space (unicode.IsSpace). */
static strs Fields(sg_arena *ar, sg_str s) {
  // First count the fields.
  // This is an exact count if s is ASCII, otherwise it is an approximation.
  ptrdiff_t n = 0;
  int wasSpace = 1;
  // setBits is used to track which bits are set in the bytes of s.
  uint8_t setBits = 0;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    uint8_t r = (uint8_t)s.ptr[i];
    setBits |= r;
    int isSpace = asciiSpace[r];
    n += wasSpace & ~isSpace;
    wasSpace = isSpace;
  }

  if (setBits >= RuneSelf) {
    // Some runes in the input string are not ASCII.
    return FieldsFunc(ar, s, unicode_is_space);
  }
  // ASCII fast path
  strs a = strs_make(ar, n, n);
  ptrdiff_t na = 0;
  ptrdiff_t fieldStart = 0;
  ptrdiff_t i = 0;
  // Skip spaces in the front of the input.
  while (i < s.len && asciiSpace[(uint8_t)s.ptr[i]] != 0)
    i++;
  fieldStart = i;
  while (i < s.len) {
    if (asciiSpace[(uint8_t)s.ptr[i]] == 0) {
      i++;
      continue;
    }
    strs_set(a, na, sg_str_slice(s, fieldStart, i));
    na++;
    i++;
    // Skip spaces in between fields.
    while (i < s.len && asciiSpace[(uint8_t)s.ptr[i]] != 0)
      i++;
    fieldStart = i;
  }
  if (fieldStart < s.len) // Last field might end at EOF.
    strs_set(a, na, sg_str_slice(s, fieldStart, s.len));
  return a;
}

// A span is used to record a slice of s of the form s[start:end].
// The start index is inclusive and the end index is exclusive.
typedef struct span {
  ptrdiff_t start;
  ptrdiff_t end;
} span;

#define SG_SLICE spans
#define SG_ELEM span
#include <sliceguard/slice.h>

/* FieldsFunc splits s at each run of code points c satisfying f(c). */
static strs FieldsFunc(sg_arena *ar, sg_str s, bool (*f)(rune)) {
  spans sp = spans_make(ar, 0, 32);

  // Find the field start and end indices.
  ptrdiff_t start = -1; // valid span start if >= 0
  for (ptrdiff_t end = 0; end < s.len;) {
    int size;
    rune r = decode_rune(sg_str_slice(s, end, s.len), &size);
    if (f(r)) {
      if (start >= 0) {
        sp = spans_append(ar, sp, (span){start, end});
        // Set start to a negative value.
        start = ~start;
      }
    } else {
      if (start < 0)
        start = end;
    }
    end += size;
  }

  // Last field might end at EOF.
  if (start >= 0)
    sp = spans_append(ar, sp, (span){start, s.len});

  // Create strings from recorded field indices.
  strs a = strs_make(ar, sp.len, sp.len);
  for (ptrdiff_t i = 0; i < sp.len; i++) {
    span one = spans_get(sp, i);
    strs_set(a, i, sg_str_slice(s, one.start, one.end));
  }
  return a;
}

/* ---- the program ------------------------------------------------------- */

static void show(const char *tag, int idx, strs fs) {
  if (idx >= 0)
    printf("%s %d: %d fields\n", tag, idx, (int)fs.len);
  else
    printf("%s: %d fields\n", tag, (int)fs.len);
  for (ptrdiff_t i = 0; i < fs.len; i++) {
    sg_str f = strs_get(fs, i);
    printf("  %d [%.*s] len=%d\n", (int)i, (int)f.len, f.ptr, (int)f.len);
  }
}

static bool isSep(rune r) { return r == ',' || r == ';' || r == ':'; }

static bool notDigit(rune r) { return r < '0' || r > '9'; }

/* fmt.Fprintf(&sb, ...) into a growing byte slice. */
static bytes appendf(sg_arena *ar, bytes b, const char *fmt, int v) {
  char tmp[64];
  int n = snprintf(tmp, sizeof tmp, fmt, v);
  return bytes_append_n(ar, b, tmp, n);
}

/* strings.Replace(s, old, new, -1) for a non-empty old, into a new string. */
static sg_str replace_all(sg_arena *ar, sg_str s, sg_str old, sg_str new) {
  bytes b = {0};
  ptrdiff_t i = 0;
  while (i < s.len) {
    if (i + old.len <= s.len &&
        sg_str_eq(sg_str_slice(s, i, i + old.len), old)) {
      b = bytes_append_n(ar, b, new.ptr, new.len);
      i += old.len;
    } else {
      b = bytes_append(ar, b, s.ptr[i]);
      i++;
    }
  }
  return sg_str_make(b.ptr, b.len);
}

static int atoi_field(sg_str f) {
  int n = 0;
  for (ptrdiff_t i = 0; i < f.len; i++)
    n = n * 10 + (f.ptr[i] - '0');
  return n;
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  static const char *const inputs[] = {
      "",
      "   ",
      "a",
      "  foo bar  baz   ",
      "one\ttwo\nthree\vfour\ffive\rsix",
      "trailing field",
      "\u00a0non\u2003ascii\u3000spaces\xc2\x85here",
      "caf\u00e9 na\u00efve r\u00e9sum\u00e9",
      "bad\xffutf8 \xc3( x",
      "\u2028\u2029",
  };
  for (int i = 0; i < (int)(sizeof inputs / sizeof inputs[0]); i++)
    show("Fields", i, Fields(ar, sg_str_from(inputs[i])));

  // Many fields: more than the 32 spans FieldsFunc starts with.
  bytes sb = {0};
  for (int i = 0; i < 100; i++)
    sb = appendf(ar, sb, "w%d \u00a0", i);
  sg_str lng = sg_str_make(sb.ptr, sb.len);
  strs fs = Fields(ar, lng);
  sg_str first = strs_get(fs, 0), last = strs_get(fs, fs.len - 1);
  printf("long: %d fields, first %.*s last %.*s\n", (int)fs.len, (int)first.len,
         first.ptr, (int)last.len, last.ptr);
  ptrdiff_t total = 0;
  for (ptrdiff_t i = 0; i < fs.len; i++)
    total += strs_get(fs, i).len;
  printf("long: %d bytes in fields\n", (int)total);
  sg_str ascii = replace_all(ar, lng, SG_STR("\u00a0"), SG_STR("\t"));
  fs = Fields(ar, ascii);
  sg_str f57 = strs_get(fs, 57);
  printf("ascii long: %d fields, field 57 %.*s\n", (int)fs.len, (int)f57.len,
         f57.ptr);

  static const char *const funcInputs[] = {
      "",         ",,,",           "a,b;c:d",
      ";;x;;y;;", "no separators", "\u00e9,\u00e8;",
      "a,,b,,,c,"};
  for (int i = 0; i < (int)(sizeof funcInputs / sizeof funcInputs[0]); i++)
    show("FieldsFunc sep", i,
         FieldsFunc(ar, sg_str_from(funcInputs[i]), isSep));
  show("FieldsFunc digits", -1,
       FieldsFunc(ar, SG_STR("ab12cd345e6\u00e978"), notDigit));
  show("FieldsFunc space", -1,
       FieldsFunc(ar, SG_STR("  x \u00a0 y\u2003z "), unicode_is_space));
  bytes nums = {0};
  for (int i = 0; i < 70; i++)
    nums = appendf(ar, nums, "%d;", i * 7);
  fs = FieldsFunc(ar, sg_str_make(nums.ptr, nums.len), isSep);
  int sum = 0;
  for (ptrdiff_t i = 0; i < fs.len; i++)
    sum += atoi_field(strs_get(fs, i));
  last = strs_get(fs, fs.len - 1);
  printf("FieldsFunc nums: %d fields, sum %d, last %.*s\n", (int)fs.len, sum,
         (int)last.len, last.ptr);
  sg_arena_free(ar);
  return 0;
}
