// html.EscapeString and html.UnescapeString (Go 1.19 html/escape.go), with
// the strings.Replacer they use (its byteStringReplacer, strings/replace.go)
// and utf8.EncodeRune.  The entity table is a subset of html/entity.go that
// covers every entity html.go's inputs name; the lookups, the prefix search
// for legacy names without ';' and the in-place unescape over one []byte are
// Go's.  html.go runs the real package on the same inputs.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/html.go > %t.go.out
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

typedef int32_t rune;

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

typedef struct rune2 {
  rune r[2];
} rune2;

#define SG_MAP entmap
#define SG_KEY sg_str
#define SG_VAL rune
#include <sliceguard/map.h>

#define SG_MAP ent2map
#define SG_KEY sg_str
#define SG_VAL rune2
#include <sliceguard/map.h>

#define SG_MAP countmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

/* ---- unicode/utf8 ---- */

enum {
  RuneError = 0xFFFD,
  MaxRune = 0x10FFFF,
  surrogateMin = 0xD800,
  surrogateMax = 0xDFFF,
  t2 = 0xC0,
  t3 = 0xE0,
  t4 = 0xF0,
  tx = 0x80,
  maskx = 0x3F,
  rune1Max = (1 << 7) - 1,
  rune2Max = (1 << 11) - 1,
  rune3Max = (1 << 16) - 1,
};

static ptrdiff_t EncodeRune(bytes p, rune r) {
  uint32_t i = (uint32_t)r;
  if (i <= rune1Max) {
    bytes_set(p, 0, (char)r);
    return 1;
  }
  if (i <= rune2Max) {
    (void)bytes_get(p, 1); // eliminate bounds checks
    bytes_set(p, 0, (char)(t2 | (r >> 6)));
    bytes_set(p, 1, (char)(tx | (r & maskx)));
    return 2;
  }
  if (i > MaxRune || (surrogateMin <= i && i <= surrogateMax))
    r = RuneError;
  if ((uint32_t)r <= rune3Max) {
    (void)bytes_get(p, 2);
    bytes_set(p, 0, (char)(t3 | (r >> 12)));
    bytes_set(p, 1, (char)(tx | ((r >> 6) & maskx)));
    bytes_set(p, 2, (char)(tx | (r & maskx)));
    return 3;
  }
  (void)bytes_get(p, 3);
  bytes_set(p, 0, (char)(t4 | (r >> 18)));
  bytes_set(p, 1, (char)(tx | ((r >> 12) & maskx)));
  bytes_set(p, 2, (char)(tx | ((r >> 6) & maskx)));
  bytes_set(p, 3, (char)(tx | (r & maskx)));
  return 4;
}

/* ---- strings ---- */

static ptrdiff_t IndexByte(sg_str s, char c) {
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == c)
      return i;
  return -1;
}

static ptrdiff_t Count(sg_str s, sg_str sep) {
  // Only single-byte separators reach Count from the byte replacer.
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == sep.ptr[0])
      n++;
  return n;
}

static sg_str string_of(sg_arena *a, bytes b) {
  bytes c = bytes_clone(a, b);
  return sg_str_make(c.ptr, c.len);
}

static bytes bytes_of(sg_arena *a, sg_str s) {
  return bytes_append_n(a, (bytes){0}, s.ptr, s.len);
}

enum { countCutOff = 8 };

// byteStringReplacer is the implementation that's used when all the "old"
// values are single ASCII bytes but the "new" values vary in size.
typedef struct byteStringReplacer {
  bytes replacements[256];
  bool present[256]; // replacements[b] != nil
  strs toReplace;
} byteStringReplacer;

static byteStringReplacer *NewReplacer(sg_arena *a, strs oldnew) {
  byteStringReplacer *r = sg_arena_alloc(a, sizeof *r);
  r->toReplace = strs_make(a, 0, oldnew.len / 2);
  for (ptrdiff_t i = oldnew.len - 2; i >= 0; i -= 2) {
    unsigned char o = (unsigned char)strs_get(oldnew, i).ptr[0];
    sg_str n = strs_get(oldnew, i + 1);
    if (!r->present[o])
      r->toReplace =
          strs_append(a, r->toReplace, sg_str_slice(strs_get(oldnew, i), 0, 1));
    r->replacements[o] = bytes_of(a, n);
    r->present[o] = true;
  }
  return r;
}

static sg_str Replace(sg_arena *a, byteStringReplacer *r, sg_str s) {
  ptrdiff_t newSize = s.len;
  bool anyChanges = false;
  if (r->toReplace.len * countCutOff <= s.len) {
    for (ptrdiff_t k = 0; k < r->toReplace.len; k++) {
      sg_str x = strs_get(r->toReplace, k);
      ptrdiff_t c = Count(s, x);
      if (c != 0) {
        // The -1 is because we are replacing 1 byte with len(replacements[b])
        // bytes.
        newSize += c * (r->replacements[(unsigned char)x.ptr[0]].len - 1);
        anyChanges = true;
      }
    }
  } else {
    for (ptrdiff_t i = 0; i < s.len; i++) {
      unsigned char b = (unsigned char)s.ptr[i];
      if (r->present[b]) {
        newSize += r->replacements[b].len - 1;
        anyChanges = true;
      }
    }
  }
  if (!anyChanges)
    return s;
  bytes buf = bytes_make(a, newSize, newSize);
  ptrdiff_t j = 0;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char b = (unsigned char)s.ptr[i];
    if (r->present[b]) {
      j += bytes_copy(bytes_slice(buf, j, buf.len), r->replacements[b]);
    } else {
      bytes_set(buf, j, (char)b);
      j++;
    }
  }
  return string_of(a, buf);
}

/* ---- html/entity.go (subset) ---- */

enum { longestEntityWithoutSemicolon = 6 };

static entmap entity;
static ent2map entity2;
static bool populated;

static void populateMaps(sg_arena *a) {
  static const struct {
    const char *name;
    rune r;
  } table[] = {
      {"AMP;", 0x26},      {"AMP", 0x26},      {"amp;", 0x26},
      {"amp", 0x26},       {"apos;", 0x27},    {"copy;", 0xA9},
      {"copy", 0xA9},      {"eacute;", 0xE9},  {"eacute", 0xE9},
      {"euro;", 0x20AC},   {"frac12;", 0xBD},  {"frac12", 0xBD},
      {"gt;", 0x3E},       {"gt", 0x3E},       {"hearts;", 0x2665},
      {"hellip;", 0x2026}, {"larr;", 0x2190},  {"lt;", 0x3C},
      {"lt", 0x3C},        {"mdash;", 0x2014}, {"nbsp;", 0xA0},
      {"nbsp", 0xA0},      {"not;", 0xAC},     {"not", 0xAC},
      {"notin;", 0x2209},  {"quot;", 0x22},    {"quot", 0x22},
  };
  entity = entmap_make(a, (ptrdiff_t)(sizeof table / sizeof table[0]));
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    entmap_put(entity, sg_str_from(table[i].name), table[i].r);
  entity2 = ent2map_make(a, 1);
  ent2map_put(entity2, SG_STR("NotEqualTilde;"), (rune2){{0x2242, 0x0338}});
}

/* ---- html/escape.go ---- */

static const rune replacementTable[] = {
    0x20AC, // First entry is what 0x80 should be replaced with.
    0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6,
    0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E,
    0x0178, // Last entry is 0x9F.
};

static bool is_alnum(char c) {
  return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') ||
         ('0' <= c && c <= '9');
}

// unescapeEntity reads an entity like "&lt;" from b[src:] and writes the
// corresponding "<" to b[dst:], returning the incremented dst and src
// cursors.  Precondition: b[src] == '&' && dst <= src.
static void unescapeEntity(bytes b, ptrdiff_t dst, ptrdiff_t src,
                           ptrdiff_t *dst1, ptrdiff_t *src1) {
  const bool attribute = false;
  ptrdiff_t i = 1;
  bytes s = bytes_slice(b, src, b.len);
  if (s.len <= 1) {
    bytes_set(b, dst, bytes_get(b, src));
    *dst1 = dst + 1, *src1 = src + 1;
    return;
  }
  if (bytes_get(s, i) == '#') {
    if (s.len <= 3) { // We need to have at least "&#.".
      bytes_set(b, dst, bytes_get(b, src));
      *dst1 = dst + 1, *src1 = src + 1;
      return;
    }
    i++;
    char c = bytes_get(s, i);
    bool hex = false;
    if (c == 'x' || c == 'X') {
      hex = true;
      i++;
    }
    rune x = 0;
    while (i < s.len) {
      c = bytes_get(s, i);
      i++;
      if (hex) {
        if ('0' <= c && c <= '9') {
          x = 16 * x + (rune)c - '0';
          continue;
        } else if ('a' <= c && c <= 'f') {
          x = 16 * x + (rune)c - 'a' + 10;
          continue;
        } else if ('A' <= c && c <= 'F') {
          x = 16 * x + (rune)c - 'A' + 10;
          continue;
        }
      } else if ('0' <= c && c <= '9') {
        x = 10 * x + (rune)c - '0';
        continue;
      }
      if (c != ';')
        i--;
      break;
    }
    if (i <= 3) { // No characters matched.
      bytes_set(b, dst, bytes_get(b, src));
      *dst1 = dst + 1, *src1 = src + 1;
      return;
    }
    if (0x80 <= x && x <= 0x9F)
      x = replacementTable[x - 0x80];
    else if (x == 0 || (0xD800 <= x && x <= 0xDFFF) || x > 0x10FFFF)
      x = 0xFFFD;
    *dst1 = dst + EncodeRune(bytes_slice(b, dst, b.len), x);
    *src1 = src + i;
    return;
  }

  // Consume the maximum number of characters possible, with the consumed
  // characters matching one of the named references.
  while (i < s.len) {
    char c = bytes_get(s, i);
    i++;
    if (is_alnum(c))
      continue;
    if (c != ';')
      i--;
    break;
  }

  bytes entityName = bytes_slice(s, 1, i);
  sg_str name = sg_str_make(entityName.ptr, entityName.len);
  rune x;
  rune2 x2;
  if (entityName.len == 0) {
    // No-op.
  } else if (attribute && bytes_get(entityName, entityName.len - 1) != ';' &&
             s.len > i && bytes_get(s, i) == '=') {
    // No-op.
  } else if ((x = entmap_get(entity, name)) != 0) {
    *dst1 = dst + EncodeRune(bytes_slice(b, dst, b.len), x);
    *src1 = src + i;
    return;
  } else if ((x2 = ent2map_get(entity2, name)).r[0] != 0) {
    ptrdiff_t d1 = dst + EncodeRune(bytes_slice(b, dst, b.len), x2.r[0]);
    *dst1 = d1 + EncodeRune(bytes_slice(b, d1, b.len), x2.r[1]);
    *src1 = src + i;
    return;
  } else if (!attribute) {
    ptrdiff_t maxLen = entityName.len - 1;
    if (maxLen > longestEntityWithoutSemicolon)
      maxLen = longestEntityWithoutSemicolon;
    for (ptrdiff_t j = maxLen; j > 1; j--) {
      if ((x = entmap_get(entity, sg_str_slice(name, 0, j))) != 0) {
        *dst1 = dst + EncodeRune(bytes_slice(b, dst, b.len), x);
        *src1 = src + j + 1;
        return;
      }
    }
  }

  *dst1 = dst + i, *src1 = src + i;
  bytes_copy(bytes_slice(b, dst, *dst1), bytes_slice(b, src, *src1));
}

static byteStringReplacer *htmlEscaper;

static sg_str EscapeString(sg_arena *a, sg_str s) {
  if (!htmlEscaper) {
    sg_str oldnew[] = {
        SG_STR("&"),  SG_STR("&amp;"),
        SG_STR("'"),  SG_STR("&#39;"), // shorter than "&apos;"
        SG_STR("<"),  SG_STR("&lt;"),
        SG_STR(">"),  SG_STR("&gt;"),
        SG_STR("\""), SG_STR("&#34;"), // shorter than "&quot;"
    };
    strs on = strs_append_n(a, (strs){0}, oldnew,
                            (ptrdiff_t)(sizeof oldnew / sizeof oldnew[0]));
    htmlEscaper = NewReplacer(a, on);
  }
  return Replace(a, htmlEscaper, s);
}

static sg_str UnescapeString(sg_arena *a, sg_str s) {
  if (!populated) {
    populateMaps(a);
    populated = true;
  }
  ptrdiff_t i = IndexByte(s, '&');
  if (i < 0)
    return s;

  bytes b = bytes_of(a, s);
  ptrdiff_t dst, src;
  unescapeEntity(b, i, i, &dst, &src);
  while (sg_str_slice(s, src, s.len).len > 0) {
    if (s.ptr[src] == '&')
      i = 0;
    else
      i = IndexByte(sg_str_slice(s, src, s.len), '&');
    if (i < 0) {
      sg_str rest = sg_str_slice(s, src, s.len);
      dst += bytes_copy(bytes_slice(b, dst, b.len),
                        (bytes){(char *)rest.ptr, rest.len, rest.len});
      break;
    }
    if (i > 0) {
      sg_str part = sg_str_slice(s, src, src + i);
      bytes_copy(bytes_slice(b, dst, b.len),
                 (bytes){(char *)part.ptr, part.len, part.len});
    }
    unescapeEntity(b, dst + i, src + i, &dst, &src);
  }
  return string_of(a, bytes_slice(b, 0, dst));
}

/* ---- the program (html.go) ---- */

static sg_str Repeat(sg_arena *a, sg_str s, int n) {
  bytes b = bytes_make(a, 0, s.len * n);
  for (int i = 0; i < n; i++)
    b = bytes_append_n(a, b, s.ptr, s.len);
  return sg_str_make(b.ptr, b.len);
}

static bool is_name_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '#';
}

// entityNames counts the names after each '&' (up to ';' or a non-letter).
static void entityNames(sg_str s, countmap counts) {
  for (;;) {
    ptrdiff_t i = IndexByte(s, '&');
    if (i < 0)
      return;
    s = sg_str_slice(s, i + 1, s.len);
    ptrdiff_t j = 0;
    while (j < s.len && is_name_byte(s.ptr[j]))
      j++;
    if (j > 0) {
      sg_str k = sg_str_slice(s, 0, j);
      countmap_put(counts, k, countmap_get(counts, k) + 1);
    }
  }
}

static int cmp_strs(const void *x, const void *y) {
  return sg_str_cmp(*(const sg_str *)x, *(const sg_str *)y);
}

static void pr(ptrdiff_t n, const char *tag, sg_str s) {
  printf("%td %s[%.*s]", n, tag, (int)s.len, s.ptr);
}

int main(void) {
  sg_arena *a = sg_arena_new();
  sg_str list[] = {
      SG_STR(""),
      SG_STR("no entities at all"),
      SG_STR("a < b && c > d"),
      SG_STR("He said \"it's\" fine"),
      SG_STR("&amp;lt; is &lt; and &amp;gt is &gt"),
      SG_STR("&#65;&#x42;&#X43;&#0;&#128;&#x9F;&#xD800;&#1114112;&#;&#x;&#12"),
      SG_STR("caf&eacute; &eacute &copy2024 &nbsp;x &notin; &notit; &noti"),
      SG_STR("&NotEqualTilde; &hellip; &mdash; &euro; &frac12 &hearts; "
             "&larr; &zzz; & &; &&amp;"),
      SG_STR("&AMP; &AMP &quot;q&quot &apos;s&apos"),
      SG_STR("trailing &"),
      SG_STR("&"),
      SG_STR("&#"),
      SG_STR("&#x"),
      SG_STR("&#9731;&#128512;&#x1F600;&#x10FFFF;"),
      SG_STR("<p class=\"x\">Tom & Jerry's <b>'show'</b></p> <<>> &&& "
             "\"\"''"),
      {0},
  };
  ptrdiff_t ninputs = (ptrdiff_t)(sizeof list / sizeof list[0]);
  list[ninputs - 1] = Repeat(a, SG_STR("<a href='?x=1&y=2'>"), 4);
  strs inputs = strs_append_n(a, (strs){0}, list, ninputs);

  countmap counts = countmap_make(a, 0);
  ptrdiff_t roundTrips = 0;
  for (ptrdiff_t n = 0; n < inputs.len; n++) {
    sg_str in = strs_get(inputs, n);
    sg_str esc = EscapeString(a, in);
    sg_str un = UnescapeString(a, in);
    sg_str back = UnescapeString(a, esc);
    if (sg_str_eq(back, in))
      roundTrips++;
    pr(n, "in   ", in);
    printf("\n");
    pr(n, "esc  ", esc);
    printf("\n");
    pr(n, "unesc", un);
    printf(" %td bytes\n", un.len);
    pr(n, "twice", UnescapeString(a, EscapeString(a, un)));
    printf("\n");
    entityNames(in, counts);
  }
  printf("round trips: %td of %td\n", roundTrips, inputs.len);
  strs names = strs_make(a, 0, countmap_len(counts));
  sg_range(countmap, counts, it) { names = strs_append(a, names, it.key); }
  if (names.len > 1)
    qsort(names.ptr, (size_t)names.len, sizeof(sg_str), cmp_strs);
  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str k = strs_get(names, i);
    printf("%.*s=%td ", (int)k.len, k.ptr, countmap_get(counts, k));
  }
  printf("\n");
  sg_arena_free(a);
  return 0;
}
