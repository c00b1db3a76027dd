// A port of mime's media-type code (Go 1.19, src/mime/mediatype.go and
// grammar.go): ParseMediaType, which collects RFC 2231 continuation
// pieces in a map of maps (created on first use, each inner map
// get-or-inserted per base name) and then assembles them while ranging
// over it into the params map, with checkMediaTypeDisposition,
// consumeToken, consumeValue, consumeMediaParam, decode2231Enc,
// percentHexUnescape; FormatMediaType with its sorted attributes,
// needsEncoding (encodedword.go) and percent/quote escaping; and the
// strings functions they call (Cut, SplitN, TrimSpace, TrimLeftFunc,
// IndexFunc, ToLower on its ASCII path: every string lowered here is
// ASCII).  The Go original of main is mediatype.go; both must print the
// same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/mediatype.go > %t.go.out
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

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP strmap
#define SG_KEY sg_str
#define SG_VAL sg_str
#include <sliceguard/map.h>

#define SG_MAP contmap
#define SG_KEY sg_str
#define SG_VAL strmap
#include <sliceguard/map.h>

typedef int32_t rune;
typedef const char *error; /* NULL is nil */

#define P(s) (int)(s).len, (s).ptr

static sg_arena *heap;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* ---- a strings.Builder ------------------------------------------------- */

typedef struct Builder {
  bytes buf;
} Builder;

static void Builder_WriteString(Builder *b, sg_str s) {
  b->buf = bytes_append_n(heap, b->buf, s.ptr, s.len);
}

static void Builder_WriteByte(Builder *b, char c) {
  b->buf = bytes_append(heap, b->buf, c);
}

static void Builder_Reset(Builder *b) { b->buf = (bytes){0}; }

/* String shares the bytes, as strings.Builder's does. */
static sg_str Builder_String(Builder *b) {
  return sg_str_make(b->buf.ptr, b->buf.len);
}

/* ---- unicode, unicode/utf8 --------------------------------------------- */

enum { RuneError = 0xFFFD, RuneSelf = 0x80 };

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

/* ---- strings ----------------------------------------------------------- */

static ptrdiff_t Index(sg_str s, sg_str sep) {
  for (ptrdiff_t i = 0; i + sep.len <= s.len; i++)
    if (sg_str_eq(sg_str_slice(s, i, i + sep.len), sep))
      return i;
  return -1;
}

static bool HasPrefix(sg_str s, sg_str prefix) {
  return s.len >= prefix.len &&
         sg_str_eq(sg_str_slice(s, 0, prefix.len), prefix);
}

static bool ContainsRune(sg_str s, rune r) {
  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    if (DecodeRuneInString(sg_str_slice(s, i, s.len), &size) == r)
      return true;
    i += size;
  }
  return false;
}

// Cut slices s around the first instance of sep, returning the text
// before and after sep.
static bool Cut(sg_str s, sg_str sep, sg_str *before, sg_str *after) {
  ptrdiff_t i = Index(s, sep);
  if (i >= 0) {
    *before = sg_str_slice(s, 0, i);
    *after = sg_str_slice(s, i + sep.len, s.len);
    return true;
  }
  *before = s;
  *after = SG_STR("");
  return false;
}

// IndexFunc returns the index into s of the first Unicode code point
// satisfying f(c), or -1 if none do.
static ptrdiff_t IndexFunc(sg_str s, bool (*f)(rune)) {
  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    rune r = DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    if (f(r))
      return i;
    i += size;
  }
  return -1;
}

static bool notSpace(rune r) { return !IsSpace(r); }

// TrimLeftFunc(s, unicode.IsSpace)
static sg_str TrimLeftSpace(sg_str s) {
  ptrdiff_t i = IndexFunc(s, notSpace);
  if (i == -1)
    return SG_STR("");
  return sg_str_slice(s, i, s.len);
}

// TrimSpace returns a slice of the string s, with all leading and
// trailing white space removed, as defined by Unicode.
static sg_str TrimSpace(sg_str s) {
  s = TrimLeftSpace(s);
  ptrdiff_t end = s.len;
  while (end > 0) {
    /* utf8.DecodeLastRuneInString, for the spaces this can meet */
    ptrdiff_t start = end - 1;
    while (start > 0 && ((unsigned char)s.ptr[start] & 0xC0) == 0x80 &&
           end - start < 4)
      start--;
    ptrdiff_t size;
    rune r = DecodeRuneInString(sg_str_slice(s, start, end), &size);
    if (size != end - start) {
      start = end - 1;
      r = RuneError;
    }
    if (!IsSpace(r))
      break;
    end = start;
  }
  return sg_str_slice(s, 0, end);
}

// ToLower returns s with all letters mapped to lower case (the ASCII
// path; the Unicode one is not ported).
static sg_str ToLower(sg_str s) {
  bool isASCII = true, hasUpper = false;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (c >= RuneSelf) {
      isASCII = false;
      break;
    }
    hasUpper = hasUpper || ('A' <= c && c <= 'Z');
  }
  if (!isASCII)
    go_panic("strings.ToLower beyond ASCII is not ported");
  if (!hasUpper)
    return s;
  Builder b = {bytes_make(heap, 0, s.len)}; /* b.Grow(len(s)) */
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    if ('A' <= c && c <= 'Z')
      c += 'a' - 'A';
    Builder_WriteByte(&b, c);
  }
  return Builder_String(&b);
}

/* strings.SplitN(s, sep, n) for a non-empty sep and n > 0. */
static strs SplitN(sg_str s, sg_str sep, ptrdiff_t n) {
  if (n > s.len + 1)
    n = s.len + 1;
  strs a = strs_make(heap, n, n);
  n--;
  ptrdiff_t i = 0;
  while (i < n) {
    ptrdiff_t m = Index(s, sep);
    if (m < 0)
      break;
    strs_set(a, i, sg_str_slice(s, 0, m));
    s = sg_str_slice(s, m + sep.len, s.len);
    i++;
  }
  strs_set(a, i, s);
  return strs_slice(a, 0, i + 1);
}

/* ---- grammar.go -------------------------------------------------------- */

// isTSpecial reports whether rune is in 'tspecials' as defined by RFC
// 1521 and RFC 2045.
static bool isTSpecial(rune r) {
  return ContainsRune(SG_STR("()<>@,;:\\\"/[]?="), r);
}

// isTokenChar reports whether rune is in 'token' as defined by RFC 1521
// and RFC 2045.
static bool isTokenChar(rune r) {
  // token := 1*<any (US-ASCII) CHAR except SPACE, CTLs,
  //             or tspecials>
  return r > 0x20 && r < 0x7f && !isTSpecial(r);
}

static bool isNotTokenChar(rune r) { return !isTokenChar(r); }

// isToken reports whether s is a 'token' as defined by RFC 1521 and RFC
// 2045.
static bool isToken(sg_str s) {
  if (s.len == 0)
    return false;
  return IndexFunc(s, isNotTokenChar) < 0;
}

/* ---- mediatype.go ------------------------------------------------------ */

static const char upperhex[] = "0123456789ABCDEF";

static bool needsEncoding(sg_str s) {
  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    rune b = DecodeRuneInString(sg_str_slice(s, i, s.len), &size);
    if ((b < ' ' || b > '~') && b != '\t')
      return true;
    i += size;
  }
  return false;
}

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

// FormatMediaType serializes mediatype t and the parameters param as a
// media type conforming to RFC 2045 and RFC 2616.  The type and parameter
// names are written in lower-case.  When any of the arguments result in a
// standard violation then FormatMediaType returns the empty string.
static sg_str FormatMediaType(sg_str t, strmap param) {
  Builder b = {{0}};
  sg_str major, sub;
  if (!Cut(t, SG_STR("/"), &major, &sub)) {
    if (!isToken(t))
      return SG_STR("");
    Builder_WriteString(&b, ToLower(t));
  } else {
    if (!isToken(major) || !isToken(sub))
      return SG_STR("");
    Builder_WriteString(&b, ToLower(major));
    Builder_WriteByte(&b, '/');
    Builder_WriteString(&b, ToLower(sub));
  }

  strs attrs = strs_make(heap, 0, strmap_len(param));
  sg_range(strmap, param, it) attrs = strs_append(heap, attrs, it.key);
  if (attrs.len > 1) /* sort.Strings(attrs) */
    qsort(attrs.ptr, (size_t)attrs.len, sizeof(sg_str), cmpstr);

  for (ptrdiff_t k = 0; k < attrs.len; k++) {
    sg_str attribute = strs_get(attrs, k);
    sg_str value = strmap_get(param, attribute);
    Builder_WriteByte(&b, ';');
    Builder_WriteByte(&b, ' ');
    if (!isToken(attribute))
      return SG_STR("");
    Builder_WriteString(&b, ToLower(attribute));

    bool needEnc = needsEncoding(value);
    if (needEnc)
      // RFC 2231 section 4
      Builder_WriteByte(&b, '*');
    Builder_WriteByte(&b, '=');

    if (needEnc) {
      Builder_WriteString(&b, SG_STR("utf-8''"));

      ptrdiff_t offset = 0;
      for (ptrdiff_t index = 0; index < value.len; index++) {
        unsigned char ch = (unsigned char)value.ptr[index];
        // {RFC 2231 section 7}
        // attribute-char := <any (US-ASCII) CHAR except SPACE, CTLs, "*",
        // "'", "%", or tspecials>
        if (ch <= ' ' || ch >= 0x7F || ch == '*' || ch == '\'' || ch == '%' ||
            isTSpecial(ch)) {
          Builder_WriteString(&b, sg_str_slice(value, offset, index));
          offset = index + 1;

          Builder_WriteByte(&b, '%');
          Builder_WriteByte(&b, upperhex[ch >> 4]);
          Builder_WriteByte(&b, upperhex[ch & 0x0F]);
        }
      }
      Builder_WriteString(&b, sg_str_slice(value, offset, value.len));
      continue;
    }

    if (isToken(value)) {
      Builder_WriteString(&b, value);
      continue;
    }

    Builder_WriteByte(&b, '"');
    ptrdiff_t offset = 0;
    for (ptrdiff_t index = 0; index < value.len; index++) {
      char character = value.ptr[index];
      if (character == '"' || character == '\\') {
        Builder_WriteString(&b, sg_str_slice(value, offset, index));
        offset = index;
        Builder_WriteByte(&b, '\\');
      }
    }
    Builder_WriteString(&b, sg_str_slice(value, offset, value.len));
    Builder_WriteByte(&b, '"');
  }
  return Builder_String(&b);
}

// consumeToken consumes a token from the beginning of provided string,
// per RFC 2045 section 5.1 (referenced from 2183), and return the token
// consumed and the rest of the string.  Returns ("", v) on failure to
// consume at least one character.
static sg_str consumeToken(sg_str v, sg_str *rest) {
  ptrdiff_t notPos = IndexFunc(v, isNotTokenChar);
  if (notPos == -1) {
    *rest = SG_STR("");
    return v;
  }
  if (notPos == 0) {
    *rest = v;
    return SG_STR("");
  }
  *rest = sg_str_slice(v, notPos, v.len);
  return sg_str_slice(v, 0, notPos);
}

static error checkMediaTypeDisposition(sg_str s) {
  sg_str rest;
  sg_str typ = consumeToken(s, &rest);
  if (typ.len == 0)
    return "mime: no media type";
  if (rest.len == 0)
    return NULL;
  if (!HasPrefix(rest, SG_STR("/")))
    return "mime: expected slash after first token";
  sg_str subtype = consumeToken(sg_str_slice(rest, 1, rest.len), &rest);
  if (subtype.len == 0)
    return "mime: expected token after slash";
  if (rest.len != 0)
    return "mime: unexpected content after media subtype";
  return NULL;
}

// ErrInvalidMediaParameter is returned by ParseMediaType if the media
// type value was found but there was an error parsing the optional
// parameters
static const char ErrInvalidMediaParameter[] = "mime: invalid media parameter";

// consumeValue consumes a "value" per RFC 2045, where a value is either a
// 'token' or a 'quoted-string'.  On success, consumeValue returns the
// value consumed (and de-quoted/escaped, if a quoted-string) and the rest
// of the string.  On failure, returns ("", v).
static sg_str consumeValue(sg_str v, sg_str *rest) {
  *rest = SG_STR("");
  if (v.len == 0)
    return SG_STR("");
  if (v.ptr[0] != '"')
    return consumeToken(v, rest);

  // parse a quoted-string
  Builder *buffer = sg_arena_alloc(heap, sizeof *buffer);
  for (ptrdiff_t i = 1; i < v.len; i++) {
    char r = v.ptr[i];
    if (r == '"') {
      *rest = sg_str_slice(v, i + 1, v.len);
      return Builder_String(buffer);
    }
    // When MSIE sends a full file path (in "intranet mode"), it does not
    // escape backslashes: "C:\dev\go\foo.txt", not "C:\\dev\\go\\foo.txt".
    //
    // No known MIME generators emit unnecessary backslash escapes for
    // simple token characters like numbers and letters.
    //
    // If we see an unnecessary backslash escape, assume it is from MSIE
    // and intended as a literal backslash.  This makes Go servers deal
    // better with MSIE without affecting the way they handle conforming
    // MIME generators.
    if (r == '\\' && i + 1 < v.len && isTSpecial((unsigned char)v.ptr[i + 1])) {
      Builder_WriteByte(buffer, v.ptr[i + 1]);
      i++;
      continue;
    }
    if (r == '\r' || r == '\n') {
      *rest = v;
      return SG_STR("");
    }
    Builder_WriteByte(buffer, v.ptr[i]);
  }
  // Did not find end quote.
  *rest = v;
  return SG_STR("");
}

static sg_str consumeMediaParam(sg_str v, sg_str *value, sg_str *restOut) {
  *value = SG_STR("");
  *restOut = v;
  sg_str rest = TrimLeftSpace(v);
  if (!HasPrefix(rest, SG_STR(";")))
    return SG_STR("");
  rest = sg_str_slice(rest, 1, rest.len); // consume semicolon
  rest = TrimLeftSpace(rest);
  sg_str param = consumeToken(rest, &rest);
  param = ToLower(param);
  if (param.len == 0)
    return SG_STR("");

  rest = TrimLeftSpace(rest);
  if (!HasPrefix(rest, SG_STR("=")))
    return SG_STR("");
  rest = sg_str_slice(rest, 1, rest.len); // consume equals sign
  rest = TrimLeftSpace(rest);
  sg_str rest2;
  sg_str val = consumeValue(rest, &rest2);
  if (val.len == 0 && sg_str_eq(rest2, rest))
    return SG_STR("");
  *value = val;
  *restOut = rest2;
  return param;
}

static bool ishex(char c) {
  return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') ||
         ('A' <= c && c <= 'F');
}

static unsigned char unhex(char c) {
  if ('0' <= c && c <= '9')
    return (unsigned char)(c - '0');
  if ('a' <= c && c <= 'f')
    return (unsigned char)(c - 'a' + 10);
  if ('A' <= c && c <= 'F')
    return (unsigned char)(c - 'A' + 10);
  return 0;
}

static sg_str percentHexUnescape(sg_str s, error *err) {
  *err = NULL;
  // Count %, check that they're well-formed.
  ptrdiff_t percents = 0;
  for (ptrdiff_t i = 0; i < s.len;) {
    if (s.ptr[i] != '%') {
      i++;
      continue;
    }
    percents++;
    if (i + 2 >= s.len || !ishex(s.ptr[i + 1]) || !ishex(s.ptr[i + 2])) {
      *err = "mime: bogus characters after %";
      return SG_STR("");
    }
    i += 3;
  }
  if (percents == 0)
    return s;

  bytes t = bytes_make(heap, s.len - 2 * percents, s.len - 2 * percents);
  ptrdiff_t j = 0;
  for (ptrdiff_t i = 0; i < s.len;) {
    if (s.ptr[i] == '%') {
      bytes_set(t, j, (char)(unhex(s.ptr[i + 1]) << 4 | unhex(s.ptr[i + 2])));
      j++;
      i += 3;
    } else {
      bytes_set(t, j, s.ptr[i]);
      j++;
      i++;
    }
  }
  bytes c = bytes_clone(heap, t); /* string(t) */
  return sg_str_make(c.ptr, c.len);
}

static bool decode2231Enc(sg_str v, sg_str *out) {
  strs sv = SplitN(v, SG_STR("'"), 3);
  if (sv.len != 3)
    return false;
  // TODO: ignoring lang in sv[1] for now.  If anybody needs it we'll need
  // to decide how to expose it in the API.  But I'm not sure anybody uses
  // it in practice.
  sg_str charset = ToLower(strs_get(sv, 0));
  if (charset.len == 0)
    return false;
  if (!sg_str_eq(charset, SG_STR("us-ascii")) &&
      !sg_str_eq(charset, SG_STR("utf-8")))
    // TODO: unsupported encoding
    return false;
  error err;
  sg_str encv = percentHexUnescape(strs_get(sv, 2), &err);
  if (err != NULL)
    return false;
  *out = encv;
  return true;
}

/* key + suffix, into a new string */
static sg_str concat(sg_str a, sg_str b) {
  bytes c = bytes_append_n(heap, (bytes){0}, a.ptr, a.len);
  c = bytes_append_n(heap, c, b.ptr, b.len);
  return sg_str_make(c.ptr, c.len);
}

// ParseMediaType parses a media type value and any optional parameters,
// per RFC 1521.  Media types are the values in Content-Type and
// Content-Disposition headers (RFC 2183).  On success, ParseMediaType
// returns the media type converted to lowercase and trimmed of white space
// and a non-nil map.
static sg_str ParseMediaType(sg_str v, strmap *paramsOut, error *err) {
  sg_str base, unused;
  Cut(v, SG_STR(";"), &base, &unused);
  sg_str mediatype = TrimSpace(ToLower(base));
  *paramsOut = NULL;

  *err = checkMediaTypeDisposition(mediatype);
  if (*err != NULL)
    return SG_STR("");

  strmap params = strmap_make(heap, 0);

  // Map of base parameter name -> parameter name -> value for parameters
  // containing a '*' character.  Lazily initialized.
  contmap continuation = NULL;

  v = sg_str_slice(v, base.len, v.len);
  while (v.len > 0) {
    v = TrimLeftSpace(v);
    if (v.len == 0)
      break;
    sg_str value, rest;
    sg_str key = consumeMediaParam(v, &value, &rest);
    if (key.len == 0) {
      if (sg_str_eq(TrimSpace(rest), SG_STR(";")))
        // Ignore trailing semicolons.  Not an error.
        break;
      // Parse error.
      *paramsOut = NULL;
      *err = ErrInvalidMediaParameter;
      return mediatype;
    }

    strmap pmap = params;
    sg_str baseName, after;
    if (Cut(key, SG_STR("*"), &baseName, &after)) {
      if (continuation == NULL)
        continuation = contmap_make(heap, 0);
      if (!contmap_lookup(continuation, baseName, &pmap)) {
        contmap_put(continuation, baseName, strmap_make(heap, 0));
        pmap = contmap_get(continuation, baseName);
      }
    }
    if (strmap_lookup(pmap, key, NULL)) {
      // Duplicate parameter name is bogus.
      *err = "mime: duplicate parameter name";
      return SG_STR("");
    }
    strmap_put(pmap, key, value);
    v = rest;
  }

  // Stitch together any continuations or things with stars (i.e. RFC 2231
  // things with stars: "foo*0" or "foo*")
  Builder buf = {{0}};
  sg_range(contmap, continuation, it) {
    sg_str key = it.key;
    strmap pieceMap = it.val;
    sg_str singlePartKey = concat(key, SG_STR("*"));
    sg_str sv;
    if (strmap_lookup(pieceMap, singlePartKey, &sv)) {
      sg_str decv;
      if (decode2231Enc(sv, &decv))
        strmap_put(params, key, decv);
      continue;
    }

    Builder_Reset(&buf);
    bool valid = false;
    for (int n = 0;; n++) {
      char num[24];
      int nl = snprintf(num, sizeof num, "*%d", n);
      sg_str simplePart = concat(key, sg_str_make(num, nl));
      if (strmap_lookup(pieceMap, simplePart, &sv)) {
        valid = true;
        Builder_WriteString(&buf, sv);
        continue;
      }
      sg_str encodedPart = concat(simplePart, SG_STR("*"));
      if (!strmap_lookup(pieceMap, encodedPart, &sv))
        break;
      valid = true;
      if (n == 0) {
        sg_str decv;
        if (decode2231Enc(sv, &decv))
          Builder_WriteString(&buf, decv);
      } else {
        error perr;
        sg_str decv = percentHexUnescape(sv, &perr);
        Builder_WriteString(&buf, decv);
      }
    }
    if (valid)
      strmap_put(params, key, Builder_String(&buf));
  }

  *paramsOut = params;
  return mediatype;
}

/* ---- the program ------------------------------------------------------- */

static void parsing(void) {
  static const char *const inputs[] = {
      "text/html",
      "text/html; charset=utf-8",
      "TEXT/HTML; CHARSET=UTF-8",
      "  text/plain ; format=flowed; delsp=yes  ",
      "attachment; filename=\"foo bar.txt\"",
      "form-data; name=\"field\\\"quoted\\\\\"; filename=\"a;b.txt\"",
      "message/external-body; access-type=URL; URL*0=\"ftp://\"; "
      "URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
      "application/x-stuff; "
      "title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
      "application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; "
      "title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\"",
      "attachment; filename*=utf-8''caf%C3%A9.txt",
      "attachment; filename*=iso-8859-1''bad.txt",
      "attachment; filename*=utf-8''bad%zz",
      "attachment; filename*0=a; filename*2=c",
      "attachment; filename*1=b",
      "text/plain; a=1; a=2",
      "text/plain; a*0=1; a*0=2",
      "text/plain;",
      "text/plain; ;",
      "text/plain; =bad",
      "text/plain; noequals",
      "text/plain; a=\"unterminated",
      "text/plain; a=\"new\nline\"",
      "",
      "/html",
      "text/",
      "text/html junk",
      "form-data",
      "text/plain; x=\u00e9t\u00e9",
      "multipart/mixed; boundary=\"----=_Part_0_12345.67890\"; "
      "charset=us-ascii",
  };
  for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
    sg_str in = sg_str_from(inputs[k]);
    strmap params;
    error err;
    sg_str mt = ParseMediaType(in, &params, &err);
    strs keys = strs_make(heap, 0, strmap_len(params));
    sg_range(strmap, params, it) keys = strs_append(heap, keys, it.key);
    if (keys.len > 1)
      qsort(keys.ptr, (size_t)keys.len, sizeof(sg_str), cmpstr);
    printf("[%.*s] -> [%.*s] err=%s nil=%s", P(in), P(mt), err ? err : "<nil>",
           params == NULL ? "true" : "false");
    for (ptrdiff_t i = 0; i < keys.len; i++) {
      sg_str key = strs_get(keys, i);
      printf(" %.*s=[%.*s]", P(key), P(strmap_get(params, key)));
    }
    printf("\n");
  }
}

typedef struct formatCase {
  const char *t;
  const char *kv[5]; /* key, value, ..., NULL */
  bool nilMap;
} formatCase;

static void formatting(void) {
  static const formatCase formats[] = {
      {"text/html", {NULL}, true},
      {"TEXT/HTML", {"CHARSET", "UTF-8", NULL}, false},
      {"attachment", {"filename", "foo bar.txt", "size", "42", NULL}, false},
      {"form-data", {"name", "quo\"te\\back", NULL}, false},
      {"attachment", {"filename", "caf\u00e9 (1).txt", NULL}, false},
      {"text/plain", {"tab", "a\tb", "star", "x*y", NULL}, false},
      {"noslash", {"a", "b", NULL}, false},
      {"bad type/x", {NULL}, true},
      {"text/plain", {"bad key", "v", NULL}, false},
      {"text/plain", {"empty", "", NULL}, false},
  };
  for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
    strmap p = NULL;
    if (!formats[k].nilMap) {
      p = strmap_make(heap, 0);
      for (int i = 0; formats[k].kv[i] != NULL; i += 2)
        strmap_put(p, sg_str_from(formats[k].kv[i]),
                   sg_str_from(formats[k].kv[i + 1]));
    }
    sg_str t = sg_str_from(formats[k].t);
    printf("Format(%.*s) = [%.*s]\n", P(t), P(FormatMediaType(t, p)));
  }
}

int main(void) {
  heap = sg_arena_new();
  parsing();
  formatting();
  sg_arena_free(heap);
  return 0;
}
