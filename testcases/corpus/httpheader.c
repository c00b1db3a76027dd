// A port of net/http.Header (Go 1.19, src/net/http/header.go): Add, Set,
// Get, Values, Del (through textproto.MIMEHeader and its canonical keys),
// get, has, Clone (one shared backing array for all value lists, each
// carved out as sv[:n:n] while ranging over the map), sortedKeyValues (a
// pooled headerSorter whose kvs slice is reused as kvs[:0] and appended
// while ranging), writeSubset (exclude map, headerNewlineToSpace, which is
// a strings byteReplacer, textproto.TrimString, httpguts'
// ValidHeaderFieldName, io.StringWriter or a stringWriter wrapper).  The
// pool's sort.Sort becomes qsort: keys are unique, so the order is the
// same.  The Go original of main is httpheader.go; both must print the
// same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/httpheader.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics
// The analysis should stay quiet on this correct code, but today two
// checks warn on it (false alarms, see FALSE_ALARMS.md: lines 310 and
// 528); the quiet check comes back here once they are fixed.

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

#define SG_MAP Header
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

#define SG_MAP boolmap
#define SG_KEY sg_str
#define SG_VAL bool
#include <sliceguard/map.h>

#define P(s) (int)(s).len, (s).ptr

static sg_arena *heap;

typedef const char *error; /* NULL is nil */

static sg_str string_of(bytes b) {
  bytes c = bytes_clone(heap, b);
  return sg_str_make(c.ptr, c.len);
}

static bytes bytes_of(sg_str s) {
  bytes b = bytes_make(heap, s.len, s.len);
  bytes_copy(b, (bytes){(char *)s.ptr, s.len, s.len});
  return b;
}

/* ---- io.Writer / io.StringWriter --------------------------------------- */

typedef struct Writer_io {
  void *self;
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
  ptrdiff_t (*WriteString)(void *self, sg_str s, error *err); /* optional */
} Writer_io;

/* ---- net/textproto: canonical keys and TrimString ---------------------- */

static const bool isTokenTable[127] = {
    ['!'] = true,  ['#'] = true, ['$'] = true, ['%'] = true, ['&'] = true,
    ['\''] = true, ['*'] = true, ['+'] = true, ['-'] = true, ['.'] = true,
    ['0'] = true,  ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
    ['5'] = true,  ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
    ['A'] = true,  ['B'] = true, ['C'] = true, ['D'] = true, ['E'] = true,
    ['F'] = true,  ['G'] = true, ['H'] = true, ['I'] = true, ['J'] = true,
    ['K'] = true,  ['L'] = true, ['M'] = true, ['N'] = true, ['O'] = true,
    ['P'] = true,  ['Q'] = true, ['R'] = true, ['S'] = true, ['T'] = true,
    ['U'] = true,  ['W'] = true, ['V'] = true, ['X'] = true, ['Y'] = true,
    ['Z'] = true,  ['^'] = true, ['_'] = true, ['`'] = true, ['a'] = true,
    ['b'] = true,  ['c'] = true, ['d'] = true, ['e'] = true, ['f'] = true,
    ['g'] = true,  ['h'] = true, ['i'] = true, ['j'] = true, ['k'] = true,
    ['l'] = true,  ['m'] = true, ['n'] = true, ['o'] = true, ['p'] = true,
    ['q'] = true,  ['r'] = true, ['s'] = true, ['t'] = true, ['u'] = true,
    ['v'] = true,  ['w'] = true, ['x'] = true, ['y'] = true, ['z'] = true,
    ['|'] = true,  ['~'] = true,
};

static bool validHeaderFieldByte(unsigned char b) {
  return b < 127 && isTokenTable[b];
}

enum { toLower = 'a' - 'A' };

// canonicalMIMEHeaderKey is like CanonicalMIMEHeaderKey but is allowed to
// mutate the provided byte slice before returning the string.  (The
// commonHeader interning only saves allocations; it is left out.)
static sg_str canonicalMIMEHeaderKey(bytes a) {
  for (ptrdiff_t i = 0; i < a.len; i++) {
    if (validHeaderFieldByte((unsigned char)bytes_get(a, i)))
      continue;
    // Don't canonicalize.
    return string_of(a);
  }
  bool upper = true;
  for (ptrdiff_t i = 0; i < a.len; i++) {
    char c = bytes_get(a, i);
    if (upper && 'a' <= c && c <= 'z')
      c -= toLower;
    else if (!upper && 'A' <= c && c <= 'Z')
      c += toLower;
    bytes_set(a, i, c);
    upper = c == '-'; // for next time
  }
  return string_of(a);
}

static sg_str CanonicalMIMEHeaderKey(sg_str s) {
  // Quick check for canonical encoding.
  bool upper = true;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (!validHeaderFieldByte(c))
      return s;
    if (upper && 'a' <= c && c <= 'z')
      return canonicalMIMEHeaderKey(bytes_of(s));
    if (!upper && 'A' <= c && c <= 'Z')
      return canonicalMIMEHeaderKey(bytes_of(s));
    upper = c == '-';
  }
  return s;
}

static bool isASCIISpace(char b) {
  return b == ' ' || b == '\t' || b == '\n' || b == '\r';
}

// TrimString returns s without leading and trailing ASCII space.
static sg_str TrimString(sg_str s) {
  while (s.len > 0 && isASCIISpace(s.ptr[0]))
    s = sg_str_slice(s, 1, s.len);
  while (s.len > 0 && isASCIISpace(s.ptr[s.len - 1]))
    s = sg_str_slice(s, 0, s.len - 1);
  return s;
}

/* ---- strings.NewReplacer("\n", " ", "\r", " "): a byteReplacer --------- */

typedef struct byteReplacer {
  unsigned char r[256];
} byteReplacer;

static sg_str byteReplacer_Replace(const byteReplacer *r, sg_str s) {
  bytes buf = {0}; // lazily allocated
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char b = (unsigned char)s.ptr[i];
    if (r->r[b] != b) {
      if (buf.ptr == NULL)
        buf = bytes_of(s);
      bytes_set(buf, i, (char)r->r[b]);
    }
  }
  if (buf.ptr == NULL)
    return s;
  return string_of(buf);
}

static byteReplacer headerNewlineToSpace;

static void initHeaderNewlineToSpace(void) {
  for (int i = 0; i < 256; i++)
    headerNewlineToSpace.r[i] = (unsigned char)i;
  headerNewlineToSpace.r['\r'] = ' ';
  headerNewlineToSpace.r['\n'] = ' ';
}

/* ---- golang.org/x/net/http/httpguts ------------------------------------ */

// ValidHeaderFieldName reports whether v is a valid HTTP/1.x header name.
// (Every byte of a multi-byte rune is >= 0x80 and so, like the rune, not
// a token: testing bytes gives the same answer as ranging over runes.)
static bool ValidHeaderFieldName(sg_str v) {
  if (v.len == 0)
    return false;
  for (ptrdiff_t i = 0; i < v.len; i++)
    if (!validHeaderFieldByte((unsigned char)v.ptr[i]))
      return false;
  return true;
}

/* ---- net/http.Header --------------------------------------------------- */

// Add adds the key, value pair to the header.  It appends to any existing
// values associated with key.  The key is case insensitive; it is
// canonicalized by CanonicalHeaderKey.
static void Header_Add(Header h, sg_str key, sg_str value) {
  key = CanonicalMIMEHeaderKey(key);
  Header_put(h, key, strs_append(heap, Header_get(h, key), value));
}

// Set sets the header entries associated with key to the single element
// value.  It replaces any existing values associated with key.
static void Header_Set(Header h, sg_str key, sg_str value) {
  Header_put(h, CanonicalMIMEHeaderKey(key),
             strs_append(heap, (strs){0}, value));
}

// Get gets the first value associated with the given key.
static sg_str Header_Get(Header h, sg_str key) {
  if (h == NULL)
    return SG_STR("");
  strs v = Header_get(h, CanonicalMIMEHeaderKey(key));
  if (v.len == 0)
    return SG_STR("");
  return strs_get(v, 0);
}

// Values returns all values associated with the given key.
static strs Header_Values(Header h, sg_str key) {
  if (h == NULL)
    return (strs){0};
  return Header_get(h, CanonicalMIMEHeaderKey(key));
}

// has reports whether h has the provided key defined, even if it's set to
// 0-length slice.
static bool Header_has(Header h, sg_str key) {
  return Header_lookup(h, key, NULL);
}

// Del deletes the values associated with key.
static void Header_Del(Header h, sg_str key) {
  Header_del(h, CanonicalMIMEHeaderKey(key));
}

// Clone returns a copy of h or nil if h is nil.
static Header Header_Clone(Header h) {
  if (h == NULL)
    return NULL;

  // Find total number of values.
  ptrdiff_t nv = 0;
  sg_range(Header, h, it) nv += it.val.len;
  strs sv = strs_make(heap, nv, nv); // shared backing array for headers'
                                     // values
  Header h2 = Header_make(heap, Header_len(h));
  sg_range(Header, h, it) {
    if (it.val.ptr == NULL) {
      // Preserve nil values.  ReverseProxy distinguishes between nil and
      // zero-length header values.
      Header_put(h2, it.key, (strs){0});
      continue;
    }
    ptrdiff_t n = strs_copy(sv, it.val);
    Header_put(h2, it.key, strs_slice3(sv, 0, n, n));
    sv = strs_slice(sv, n, sv.len);
  }
  return h2;
}

typedef struct keyValues {
  sg_str key;
  strs values;
} keyValues;

#define SG_SLICE kvslice
#define SG_ELEM keyValues
#include <sliceguard/slice.h>

// A headerSorter implements sort.Interface by sorting a []keyValues by
// key.  It's used as a pointer, so it can fit in a sort.Interface
// interface value without allocation.
typedef struct headerSorter {
  kvslice kvs;
} headerSorter;

/* headerSorterPool: sync.Pool's reuse, one sorter deep. */
static headerSorter *headerSorterPool;

static headerSorter *pool_Get(void) {
  headerSorter *hs = headerSorterPool;
  headerSorterPool = NULL;
  if (hs == NULL)
    hs = sg_arena_alloc(heap, sizeof *hs);
  return hs;
}

static void pool_Put(headerSorter *hs) { headerSorterPool = hs; }

static int byKey(const void *a, const void *b) {
  return sg_str_cmp(((const keyValues *)a)->key, ((const keyValues *)b)->key);
}

// sortedKeyValues returns h's keys sorted in the returned kvs slice.  The
// headerSorter used to sort is also returned, for possible return to
// headerSorterCache.
static kvslice Header_sortedKeyValues(Header h, boolmap exclude,
                                      headerSorter **hsOut) {
  headerSorter *hs = pool_Get();
  if (hs->kvs.cap < Header_len(h))
    hs->kvs = kvslice_make(heap, 0, Header_len(h));
  kvslice kvs = kvslice_slice(hs->kvs, 0, 0);
  sg_range(Header, h, it) {
    if (!boolmap_get(exclude, it.key))
      kvs = kvslice_append(heap, kvs, (keyValues){it.key, it.val});
  }
  hs->kvs = kvs;
  if (hs->kvs.len > 1) /* sort.Sort(hs) */
    qsort(hs->kvs.ptr, (size_t)hs->kvs.len, sizeof(keyValues), byKey);
  *hsOut = hs;
  return kvs;
}

typedef struct stringWriter {
  Writer_io w;
} stringWriter;

static ptrdiff_t ws_WriteString(Writer_io w, sg_str s, error *err) {
  if (w.WriteString != NULL)
    return w.WriteString(w.self, s, err);
  /* stringWriter{w}.WriteString */
  return w.Write(w.self, bytes_of(s), err);
}

static error Header_writeSubset(Header h, Writer_io w, boolmap exclude) {
  headerSorter *sorter;
  kvslice kvs = Header_sortedKeyValues(h, exclude, &sorter);
  for (ptrdiff_t i = 0; i < kvs.len; i++) {
    keyValues kv = kvslice_get(kvs, i);
    if (!ValidHeaderFieldName(kv.key))
      // This could be an error.  In the common case of writing response
      // headers, however, we have no good way to provide the error back
      // to the caller, so just drop invalid headers instead.
      continue;
    for (ptrdiff_t j = 0; j < kv.values.len; j++) {
      sg_str v = strs_get(kv.values, j);
      v = byteReplacer_Replace(&headerNewlineToSpace, v);
      v = TrimString(v);
      const sg_str parts[4] = {kv.key, SG_STR(": "), v, SG_STR("\r\n")};
      for (int k = 0; k < 4; k++) {
        error err;
        ws_WriteString(w, parts[k], &err);
        if (err != NULL) {
          pool_Put(sorter);
          return err;
        }
      }
    }
  }
  pool_Put(sorter);
  return NULL;
}

// Write writes a header in wire format.
static error Header_Write(Header h, Writer_io w) {
  return Header_writeSubset(h, w, NULL);
}

// WriteSubset writes a header in wire format.  If exclude is not nil,
// keys where exclude[key] == true are not written.
static error Header_WriteSubset(Header h, Writer_io w, boolmap exclude) {
  return Header_writeSubset(h, w, exclude);
}

/* ---- the program ------------------------------------------------------- */

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

/* fmt's %q for the ASCII strings here. */
static void printQuoted(sg_str s) {
  putchar('"');
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (c == '\n')
      fputs("\\n", stdout);
    else if (c == '\r')
      fputs("\\r", stdout);
    else if (c == '\t')
      fputs("\\t", stdout);
    else if (c == '"' || c == '\\')
      printf("\\%c", c);
    else if (c < 0x20 || c >= 0x7f)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
  putchar('"');
}

static void printQuotedList(strs v) {
  printf("[");
  for (ptrdiff_t i = 0; i < v.len; i++) {
    if (i)
      printf(" ");
    printQuoted(strs_get(v, i));
  }
  printf("]");
}

static void dump(const char *tag, Header h) {
  strs keys = strs_make(heap, 0, Header_len(h));
  sg_range(Header, h, it) keys = strs_append(heap, keys, it.key);
  if (keys.len > 1)
    qsort(keys.ptr, (size_t)keys.len, sizeof(sg_str), cmpstr);
  printf("%s (%d):", tag, (int)Header_len(h));
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    sg_str k = strs_get(keys, i);
    printf(" %.*s=", P(k));
    printQuotedList(Header_get(h, k));
  }
  printf("\n");
}

/* A strings.Builder: Write and WriteString. */
typedef struct Builder {
  bytes buf;
} Builder;

static ptrdiff_t Builder_Write(void *self, bytes p, error *err) {
  Builder *b = self;
  b->buf = bytes_extend(heap, b->buf, p);
  *err = NULL;
  return p.len;
}

static ptrdiff_t Builder_WriteString(void *self, sg_str s, error *err) {
  Builder *b = self;
  b->buf = bytes_append_n(heap, b->buf, s.ptr, s.len);
  *err = NULL;
  return s.len;
}

typedef struct failWriter {
  ptrdiff_t left;
} failWriter;

static ptrdiff_t failWriter_Write(void *self, bytes p, error *err) {
  failWriter *f = self;
  *err = NULL;
  if (p.len > f->left) {
    *err = "disk full";
    return 0;
  }
  f->left -= p.len;
  return p.len;
}

static sg_str sprint(const char *format, int v) {
  char tmp[32];
  int n = snprintf(tmp, sizeof tmp, format, v);
  return string_of((bytes){tmp, n, n});
}

static void building(Header h) {
  Header_Add(h, SG_STR("content-type"), SG_STR("text/html"));
  Header_Add(h, SG_STR("Accept"), SG_STR("text/plain"));
  Header_Add(h, SG_STR("accept"), SG_STR("application/json"));
  Header_Set(h, SG_STR("X-Request-Id"), SG_STR("abc123"));
  Header_Add(h, SG_STR("Cache-Control"), SG_STR("no-cache"));
  Header_Add(h, SG_STR("Cache-Control"), SG_STR("no-store"));
  Header_Add(h, SG_STR("X-Multi-Line"), SG_STR("first\nsecond\r\nthird"));
  Header_Add(h, SG_STR("X-Padded"), SG_STR("  spaced out \t"));
  Header_put(h, SG_STR("bad key"),
             strs_append(heap, (strs){0}, SG_STR("skipped")));
  Header_put(h, SG_STR("Empty-List"), strs_make(heap, 0, 0));
  Header_put(h, SG_STR("Nil-List"), (strs){0});
  printf("get: %.*s %.*s %s ", P(Header_Get(h, SG_STR("CONTENT-TYPE"))),
         P(Header_Get(h, SG_STR("accept"))),
         Header_Get(h, SG_STR("missing")).len == 0 ? "true" : "false");
  strs cc = Header_Values(h, SG_STR("Cache-Control"));
  printf("[");
  for (ptrdiff_t i = 0; i < cc.len; i++)
    printf("%s%.*s", i ? " " : "", P(strs_get(cc, i)));
  printf("]\n");
  dump("h", h);
}

static void writing(Header h) {
  Builder b = {{0}};
  Writer_io w = {&b, Builder_Write, Builder_WriteString};
  error err = Header_Write(h, w);
  printf("write err=%s\n%.*s", err ? err : "<nil>", (int)b.buf.len, b.buf.ptr);
  b.buf = (bytes){0};
  boolmap exclude = boolmap_make(heap, 0);
  boolmap_put(exclude, SG_STR("Accept"), true);
  boolmap_put(exclude, SG_STR("X-Padded"), true);
  boolmap_put(exclude, SG_STR("Nope"), true);
  err = Header_WriteSubset(h, w, exclude);
  printf("subset err=%s\n%.*s", err ? err : "<nil>", (int)b.buf.len, b.buf.ptr);
}

static void cloning(Header h) {
  // Clone shares one backing array between all value lists; each list is
  // capped, so appending to one copies.
  Header c = Header_Clone(h);
  Header_Add(c, SG_STR("Accept"), SG_STR("text/csv"));
  Header_Add(c, SG_STR("X-Request-Id"), SG_STR("def456"));
  Header_Set(c, SG_STR("Content-Type"), SG_STR("text/xml"));
  strs_set(Header_get(c, SG_STR("Cache-Control")), 0, SG_STR("private"));
  dump("clone", c);
  dump("original", h);
  printf("nil clone: %s nil list kept: %s %d\n",
         Header_Clone(NULL) == NULL ? "true" : "false",
         Header_get(c, SG_STR("Nil-List")).ptr == NULL &&
                 Header_has(c, SG_STR("Nil-List"))
             ? "true"
             : "false",
         (int)Header_get(c, SG_STR("Empty-List")).len);

  Header_Del(h, SG_STR("accept"));
  Header_Del(h, SG_STR("X-Multi-Line"));
  dump("after del", h);
}

static void bigOnes(Header h) {
  Header big = Header_make(heap, 0);
  for (int i = 0; i < 50; i++)
    Header_Add(big, sprint("x-key-%02d", i % 17), sprint("v%d", i));
  Header bc = Header_Clone(big);
  sg_range(Header, bc, it)
      Header_put(bc, it.key, strs_append(heap, it.val, SG_STR("added")));
  Builder b = {{0}};
  Header_Write(big, (Writer_io){&b, Builder_Write, Builder_WriteString});
  ptrdiff_t eol = 0;
  while (eol + 1 < b.buf.len &&
         !(bytes_get(b.buf, eol) == '\r' && bytes_get(b.buf, eol + 1) == '\n'))
    eol++;
  printf("big: %d keys, %d bytes written, first line \"%.*s\"\n",
         (int)Header_len(big), (int)b.buf.len, (int)eol, b.buf.ptr);
  strs k3 = Header_get(bc, SG_STR("X-Key-03"));
  printf("big clone grown: %d %d [", (int)k3.len,
         (int)Header_get(big, SG_STR("X-Key-03")).len);
  for (ptrdiff_t i = 0; i < k3.len; i++)
    printf("%s%.*s", i ? " " : "", P(strs_get(k3, i)));
  printf("]\n");
  failWriter f = {30};
  error err = Header_Write(h, (Writer_io){&f, failWriter_Write, NULL});
  printf("failing write: %s\n", err ? err : "<nil>");
}

int main(void) {
  heap = sg_arena_new();
  initHeaderNewlineToSpace();
  Header h = Header_make(heap, 0);
  building(h);
  writing(h);
  cloning(h);
  bigOnes(h);
  sg_arena_free(heap);
  return 0;
}
