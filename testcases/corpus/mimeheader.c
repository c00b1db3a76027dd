// A port of net/textproto's header reading (Go 1.19,
// src/net/textproto/reader.go and header.go): Reader.ReadLine,
// readLineSlice, readContinuedLineSlice (the reused r.buf for folded
// lines), skipSpace, readMIMEHeader (whose single values are carved out
// of one preallocated []string as strs[:1:1], so that a later append
// copies instead of overwriting the next key's value), upcomingHeaderKeys,
// canonicalMIMEHeaderKey (upper-casing in place, the commonHeader map) and
// MIMEHeader's Add, Set, Get, Values, Del; with the bufio.Reader it reads
// from (src/bufio/bufio.go: fill, Peek, ReadSlice, ReadLine, ReadByte,
// UnreadByte).  The DotReader state (closeDot) is not ported: nothing
// here reads dot-encoded bodies.  The Go original of main is
// mimeheader.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/mimeheader.go > %t.go.out
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

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP MIMEHeader
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

#define SG_MAP strmap
#define SG_KEY sg_str
#define SG_VAL sg_str
#include <sliceguard/map.h>

#define P(s) (int)(s).len, (s).ptr

static sg_arena *heap;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

static bytes bytes_view(sg_str s) {
  bytes b = {(unsigned char *)s.ptr, s.len, s.len};
  return b;
}

/* string(b): a copy. */
static sg_str string_of(bytes b) {
  bytes c = bytes_clone(heap, b);
  return sg_str_make((const char *)c.ptr, c.len);
}

/* []byte(s): a fresh copy. */
static bytes bytes_of(sg_str s) {
  bytes b = bytes_make(heap, s.len, s.len);
  bytes_copy(b, bytes_view(s));
  return b;
}

/* ---- errors ------------------------------------------------------------ */

typedef const char *error; /* NULL is nil; sentinels compared by address */

static const char io_EOF[] = "EOF";
static const char ErrNoProgress[] =
    "multiple Read calls return no data or error";
static const char ErrBufferFull[] = "bufio: buffer full";
static const char ErrNegativeCount[] = "bufio: negative count";
static const char ErrInvalidUnreadByte[] = "bufio: invalid use of UnreadByte";

// A ProtocolError describes a protocol violation such as an invalid
// response or a hung-up connection.
static error ProtocolError(sg_str prefix, sg_str detail) {
  char *p = sg_arena_alloc(heap, (size_t)(prefix.len + detail.len + 1));
  memcpy(p, prefix.ptr, (size_t)prefix.len);
  memcpy(p + prefix.len, detail.ptr, (size_t)detail.len);
  return p;
}

/* ---- io.Reader, strings.Reader ----------------------------------------- */

typedef struct Reader_io {
  void *self;
  ptrdiff_t (*Read)(void *self, bytes p, error *err);
} Reader_io;

typedef struct stringsReader {
  sg_str s;
  ptrdiff_t i;
} stringsReader;

static ptrdiff_t stringsReader_Read(void *self, bytes b, error *err) {
  stringsReader *r = self;
  *err = NULL;
  if (r->i >= r->s.len) {
    *err = io_EOF;
    return 0;
  }
  ptrdiff_t n = bytes_copy(b, bytes_view(sg_str_slice(r->s, r->i, r->s.len)));
  r->i += n;
  return n;
}

/* ---- bufio.Reader ------------------------------------------------------ */

enum { minReadBufferSize = 16, maxConsecutiveEmptyReads = 100 };

typedef struct bufioReader {
  bytes buf;
  Reader_io rd;   // reader provided by the client
  ptrdiff_t r, w; // buf read and write positions
  error err;
  ptrdiff_t lastByte;     // last byte read for UnreadByte; -1 means invalid
  ptrdiff_t lastRuneSize; // size of last rune read for UnreadRune; -1 means
                          // invalid
} bufioReader;

static bufioReader *NewReaderSize(Reader_io rd, ptrdiff_t size) {
  if (size < minReadBufferSize)
    size = minReadBufferSize;
  bufioReader *r = sg_arena_alloc(heap, sizeof *r);
  *r = (bufioReader){bytes_make(heap, size, size), rd, 0, 0, NULL, -1, -1};
  return r;
}

// fill reads a new chunk into the buffer.
static void bufioReader_fill(bufioReader *b) {
  // Slide existing data to beginning.
  if (b->r > 0) {
    bytes_copy(b->buf, bytes_slice(b->buf, b->r, b->w));
    b->w -= b->r;
    b->r = 0;
  }
  if (b->w >= b->buf.len)
    go_panic("bufio: tried to fill full buffer");

  // Read new data: try a limited number of times.
  for (int i = maxConsecutiveEmptyReads; i > 0; i--) {
    error err;
    ptrdiff_t n =
        b->rd.Read(b->rd.self, bytes_slice(b->buf, b->w, b->buf.len), &err);
    if (n < 0)
      go_panic("bufio: reader returned negative count from Read");
    b->w += n;
    if (err != NULL) {
      b->err = err;
      return;
    }
    if (n > 0)
      return;
  }
  b->err = ErrNoProgress;
}

static error bufioReader_readErr(bufioReader *b) {
  error err = b->err;
  b->err = NULL;
  return err;
}

static ptrdiff_t bufioReader_Buffered(bufioReader *b) { return b->w - b->r; }

// Peek returns the next n bytes without advancing the reader.  The bytes
// stop being valid at the next read call.
static bytes bufioReader_Peek(bufioReader *b, ptrdiff_t n, error *err) {
  *err = NULL;
  if (n < 0) {
    *err = ErrNegativeCount;
    return (bytes){0};
  }

  b->lastByte = -1;
  b->lastRuneSize = -1;

  while (b->w - b->r < n && b->w - b->r < b->buf.len && b->err == NULL)
    bufioReader_fill(b); // b.w-b.r < len(b.buf) => buffer is not full

  if (n > b->buf.len) {
    *err = ErrBufferFull;
    return bytes_slice(b->buf, b->r, b->w);
  }

  // 0 <= n <= len(b.buf)
  ptrdiff_t avail = b->w - b->r;
  if (avail < n) {
    // not enough data in buffer
    n = avail;
    *err = bufioReader_readErr(b);
    if (*err == NULL)
      *err = ErrBufferFull;
  }
  return bytes_slice(b->buf, b->r, b->r + n);
}

static unsigned char bufioReader_ReadByte(bufioReader *b, error *err) {
  b->lastRuneSize = -1;
  *err = NULL;
  while (b->r == b->w) {
    if (b->err != NULL) {
      *err = bufioReader_readErr(b);
      return 0;
    }
    bufioReader_fill(b); // buffer is empty
  }
  unsigned char c = bytes_get(b->buf, b->r);
  b->r++;
  b->lastByte = c;
  return c;
}

static error bufioReader_UnreadByte(bufioReader *b) {
  if (b->lastByte < 0 || (b->r == 0 && b->w > 0))
    return ErrInvalidUnreadByte;
  // b.r > 0 || b.w == 0
  if (b->r > 0)
    b->r--;
  else
    // b.r == 0 && b.w == 0
    b->w = 1;
  bytes_set(b->buf, b->r, (unsigned char)b->lastByte);
  b->lastByte = -1;
  b->lastRuneSize = -1;
  return NULL;
}

static ptrdiff_t IndexByte(bytes b, unsigned char c) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    if (bytes_get(b, i) == c)
      return i;
  return -1;
}

static bytes bufioReader_ReadSlice(bufioReader *b, unsigned char delim,
                                   error *err) {
  ptrdiff_t s = 0; // search start index
  bytes line;
  *err = NULL;
  for (;;) {
    // Search buffer.
    ptrdiff_t i = IndexByte(bytes_slice(b->buf, b->r + s, b->w), delim);
    if (i >= 0) {
      i += s;
      line = bytes_slice(b->buf, b->r, b->r + i + 1);
      b->r += i + 1;
      break;
    }
    // Pending error?
    if (b->err != NULL) {
      line = bytes_slice(b->buf, b->r, b->w);
      b->r = b->w;
      *err = bufioReader_readErr(b);
      break;
    }
    // Buffer full?
    if (bufioReader_Buffered(b) >= b->buf.len) {
      b->r = b->w;
      line = b->buf;
      *err = ErrBufferFull;
      break;
    }
    s = b->w - b->r;     // do not rescan area we scanned before
    bufioReader_fill(b); // buffer is not full
  }
  // Handle last byte, if any.
  ptrdiff_t i = line.len - 1;
  if (i >= 0) {
    b->lastByte = bytes_get(line, i);
    b->lastRuneSize = -1;
  }
  return line;
}

// ReadLine is a low-level line-reading primitive.  If the line was too
// long for the buffer then isPrefix is set and the beginning of the line
// is returned.  The rest of the line will be returned from future calls.
static bytes bufioReader_ReadLine(bufioReader *b, bool *isPrefix, error *err) {
  *isPrefix = false;
  bytes line = bufioReader_ReadSlice(b, '\n', err);
  if (*err == ErrBufferFull) {
    // Handle the case where "\r\n" straddles the buffer.
    if (line.len > 0 && bytes_get(line, line.len - 1) == '\r') {
      // Put the '\r' back on buf and drop it from line.  Let the next call
      // to ReadLine check for "\r\n".
      if (b->r == 0)
        // should be unreachable
        go_panic("bufio: tried to rewind past start of buffer");
      b->r--;
      line = bytes_slice(line, 0, line.len - 1);
    }
    *isPrefix = true;
    *err = NULL;
    return line;
  }

  if (line.len == 0) {
    if (*err != NULL)
      line = (bytes){0};
    return line;
  }
  *err = NULL;

  if (bytes_get(line, line.len - 1) == '\n') {
    ptrdiff_t drop = 1;
    if (line.len > 1 && bytes_get(line, line.len - 2) == '\r')
      drop = 2;
    line = bytes_slice(line, 0, line.len - drop);
  }
  return line;
}

/* ---- net/textproto ----------------------------------------------------- */

// A Reader implements convenience methods for reading requests or
// responses from a text protocol network connection.
typedef struct Reader {
  bufioReader *R;
  bytes buf; // a re-usable buffer for readContinuedLineSlice
} Reader;

static Reader *NewReader(bufioReader *r) {
  Reader *tr = sg_arena_alloc(heap, sizeof *tr);
  tr->R = r;
  return tr;
}

static bytes Reader_readLineSlice(Reader *r, error *err) {
  bytes line = {0};
  for (;;) {
    bool more;
    bytes l = bufioReader_ReadLine(r->R, &more, err);
    if (*err != NULL)
      return (bytes){0};
    // Avoid the copy if the first call produced a full line.
    if (line.ptr == NULL && !more)
      return l;
    line = bytes_extend(heap, line, l);
    if (!more)
      break;
  }
  return line;
}

// ReadLine reads a single line from r, eliding the final \n or \r\n from
// the returned string.
static sg_str Reader_ReadLine(Reader *r, error *err) {
  bytes line = Reader_readLineSlice(r, err);
  return string_of(line);
}

// trim returns s with leading and trailing spaces and tabs removed.  It
// does not assume Unicode or UTF-8.
static bytes trim(bytes s) {
  ptrdiff_t i = 0;
  while (i < s.len && (bytes_get(s, i) == ' ' || bytes_get(s, i) == '\t'))
    i++;
  ptrdiff_t n = s.len;
  while (n > i && (bytes_get(s, n - 1) == ' ' || bytes_get(s, n - 1) == '\t'))
    n--;
  return bytes_slice(s, i, n);
}

static bool isASCIILetter(unsigned char b) {
  b |= 0x20; // make lower case
  return 'a' <= b && b <= 'z';
}

// skipSpace skips R over all spaces and returns the number of bytes
// skipped.
static ptrdiff_t Reader_skipSpace(Reader *r) {
  ptrdiff_t n = 0;
  for (;;) {
    error err;
    unsigned char c = bufioReader_ReadByte(r->R, &err);
    if (err != NULL)
      // Bufio will keep err until next read.
      break;
    if (c != ' ' && c != '\t') {
      bufioReader_UnreadByte(r->R);
      break;
    }
    n++;
  }
  return n;
}

// readContinuedLineSlice reads continued lines from the reader buffer,
// returning a byte slice with all lines.  The validateFirstLine function
// is run on the first read line, and if it returns an error then this
// error is returned from readContinuedLineSlice.
static bytes Reader_readContinuedLineSlice(Reader *r,
                                           error (*validateFirstLine)(bytes),
                                           error *err) {
  if (validateFirstLine == NULL) {
    *err = "missing validateFirstLine func";
    return (bytes){0};
  }

  // Read the first line.
  bytes line = Reader_readLineSlice(r, err);
  if (*err != NULL)
    return (bytes){0};
  if (line.len == 0) // blank line - no continuation
    return line;

  *err = validateFirstLine(line);
  if (*err != NULL)
    return (bytes){0};

  // Optimistically assume that we have started to buffer the next line
  // and it starts with an ASCII letter (the next header key), or a blank
  // line, so we can avoid copying that buffered data around in memory and
  // skipping over non-existent whitespace.
  if (bufioReader_Buffered(r->R) > 1) {
    error perr;
    bytes peek = bufioReader_Peek(r->R, 2, &perr);
    if ((peek.len > 0 &&
         (isASCIILetter(bytes_get(peek, 0)) || bytes_get(peek, 0) == '\n')) ||
        (peek.len == 2 && bytes_get(peek, 0) == '\r' &&
         bytes_get(peek, 1) == '\n'))
      return trim(line);
  }

  // ReadByte or the next readLineSlice will flush the read buffer; copy
  // the slice into buf.
  r->buf = bytes_extend(heap, bytes_slice(r->buf, 0, 0), trim(line));

  // Read continuation lines.
  while (Reader_skipSpace(r) > 0) {
    error lerr;
    bytes more = Reader_readLineSlice(r, &lerr);
    if (lerr != NULL)
      break;
    r->buf = bytes_append(heap, r->buf, ' ');
    r->buf = bytes_extend(heap, r->buf, trim(more));
  }
  return r->buf;
}

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

// validHeaderFieldByte reports whether b is a valid byte in a header
// field name.
static bool validHeaderFieldByte(unsigned char b) {
  return b < 127 && isTokenTable[b];
}

// commonHeader interns common header strings.
static strmap commonHeader;

static void initCommonHeader(void) {
  static const char *const common[] = {"Accept",
                                       "Accept-Charset",
                                       "Accept-Encoding",
                                       "Accept-Language",
                                       "Accept-Ranges",
                                       "Cache-Control",
                                       "Cc",
                                       "Connection",
                                       "Content-Id",
                                       "Content-Language",
                                       "Content-Length",
                                       "Content-Transfer-Encoding",
                                       "Content-Type",
                                       "Cookie",
                                       "Date",
                                       "Dkim-Signature",
                                       "Etag",
                                       "Expires",
                                       "From",
                                       "Host",
                                       "If-Modified-Since",
                                       "If-None-Match",
                                       "In-Reply-To",
                                       "Last-Modified",
                                       "Location",
                                       "Message-Id",
                                       "Mime-Version",
                                       "Pragma",
                                       "Received",
                                       "Return-Path",
                                       "Server",
                                       "Set-Cookie",
                                       "Subject",
                                       "To",
                                       "User-Agent",
                                       "Via",
                                       "X-Forwarded-For",
                                       "X-Imforwards",
                                       "X-Powered-By"};
  commonHeader = strmap_make(heap, 0);
  for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
    sg_str v = sg_str_from(common[i]);
    strmap_put(commonHeader, v, v);
  }
}

enum { toLower = 'a' - 'A' };

// canonicalMIMEHeaderKey is like CanonicalMIMEHeaderKey but is allowed to
// mutate the provided byte slice before returning the string.
static sg_str canonicalMIMEHeaderKey(bytes a) {
  // See if a looks like a header key.  If not, return it unchanged.
  for (ptrdiff_t i = 0; i < a.len; i++) {
    if (validHeaderFieldByte(bytes_get(a, i)))
      continue;
    // Don't canonicalize.
    return string_of(a);
  }

  bool upper = true;
  for (ptrdiff_t i = 0; i < a.len; i++) {
    unsigned char c = bytes_get(a, i);
    // Canonicalize: first letter upper case and upper case after each
    // dash.  (Host, User-Agent, If-Modified-Since).  MIME headers are
    // ASCII only, so no Unicode issues.
    if (upper && 'a' <= c && c <= 'z')
      c -= toLower;
    else if (!upper && 'A' <= c && c <= 'Z')
      c += toLower;
    bytes_set(a, i, c);
    upper = c == '-'; // for next time
  }
  if (commonHeader == NULL)
    initCommonHeader();
  // The compiler recognizes m[string(byteSlice)] as a special case, so a
  // copy of a's bytes into a new string does not happen in this map
  // lookup:
  sg_str v = strmap_get(commonHeader, sg_str_make((const char *)a.ptr, a.len));
  if (v.len != 0)
    return v;
  return string_of(a);
}

// CanonicalMIMEHeaderKey returns the canonical format of the MIME header
// key s.  The canonicalization converts the first letter and any letter
// following a hyphen to upper case; the rest are converted to lowercase.
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

/* %q for the ASCII lines of these headers. */
static sg_str quote(bytes line) {
  bytes q = bytes_append(heap, (bytes){0}, '"');
  for (ptrdiff_t i = 0; i < line.len; i++) {
    unsigned char c = bytes_get(line, i);
    if (c == '"' || c == '\\') {
      q = bytes_append(heap, q, '\\');
      q = bytes_append(heap, q, c);
    } else if (c < 0x20 || c >= 0x7f) {
      char hex[8];
      int n = snprintf(hex, sizeof hex, "\\x%02x", c);
      q = bytes_extend(heap, q, bytes_view(sg_str_make(hex, n)));
    } else {
      q = bytes_append(heap, q, c);
    }
  }
  q = bytes_append(heap, q, '"');
  return sg_str_make((const char *)q.ptr, q.len);
}

static error mustHaveFieldNameColon(bytes line) {
  if (IndexByte(line, ':') < 0)
    return ProtocolError(SG_STR("malformed MIME header: missing colon: "),
                         quote(line));
  return NULL;
}

// upcomingHeaderKeys returns an approximation of the number of keys that
// will be in this header.  If it gets confused, it returns 0.
static ptrdiff_t Reader_upcomingHeaderKeys(Reader *r) {
  // Try to determine the 'hint' size.
  ptrdiff_t n = 0;
  error err;
  bufioReader_Peek(r->R, 1, &err); // force a buffer load if empty
  ptrdiff_t s = bufioReader_Buffered(r->R);
  if (s == 0)
    return n;
  bytes peek = bufioReader_Peek(r->R, s, &err);
  while (peek.len > 0 && n < 1000) {
    bytes line; /* line, peek, _ = bytes.Cut(peek, nl) */
    ptrdiff_t i = IndexByte(peek, '\n');
    if (i >= 0) {
      line = bytes_slice(peek, 0, i);
      peek = bytes_slice(peek, i + 1, peek.len);
    } else {
      line = peek;
      peek = (bytes){0};
    }
    if (line.len == 0 || (line.len == 1 && bytes_get(line, 0) == '\r'))
      // Blank line separating headers from the body.
      break;
    if (bytes_get(line, 0) == ' ' || bytes_get(line, 0) == '\t')
      // Folded continuation of the previous line.
      continue;
    n++;
  }
  return n;
}

/* bytes.TrimLeft(s, " \t"): nil when everything is trimmed. */
static bytes TrimLeftSpaceTab(bytes s) {
  if (s.len == 0)
    return (bytes){0};
  while (s.len > 0) {
    unsigned char c = bytes_get(s, 0);
    if (c != ' ' && c != '\t')
      break;
    s = bytes_slice(s, 1, s.len);
  }
  if (s.len == 0)
    // This is what we've historically done.
    return (bytes){0};
  return s;
}

static MIMEHeader readMIMEHeader(Reader *r, int64_t maxMemory,
                                 int64_t maxHeaders, error *errOut) {
  // Avoid lots of small slice allocations later by allocating one large
  // one ahead of time which we'll cut up into smaller slices.  If this
  // isn't big enough later, we allocate small ones.
  strs strsv = {0};
  ptrdiff_t hint = Reader_upcomingHeaderKeys(r);
  if (hint > 0) {
    if (hint > 1000)
      hint = 1000; // set a cap to avoid overallocation
    strsv = strs_make(heap, hint, hint);
  }

  MIMEHeader m = MIMEHeader_make(heap, hint);

  // The first line cannot start with a leading space.
  maxMemory -= 400;
  const int64_t mapEntryOverhead = 200;
  *errOut = NULL;

  error perr;
  bytes buf = bufioReader_Peek(r->R, 1, &perr);
  if (perr == NULL && (bytes_get(buf, 0) == ' ' || bytes_get(buf, 0) == '\t')) {
    error err;
    bytes line = Reader_readLineSlice(r, &err);
    if (err != NULL) {
      *errOut = err;
      return m;
    }
    *errOut = ProtocolError(SG_STR("malformed MIME header initial line: "),
                            string_of(line));
    return m;
  }

  for (;;) {
    error err;
    bytes kv = Reader_readContinuedLineSlice(r, mustHaveFieldNameColon, &err);
    if (kv.len == 0) {
      *errOut = err;
      return m;
    }

    // Key ends at first colon.
    ptrdiff_t colon = IndexByte(kv, ':');
    if (colon < 0) {
      *errOut =
          ProtocolError(SG_STR("malformed MIME header line: "), string_of(kv));
      return m;
    }
    bytes k = bytes_slice(kv, 0, colon), v = bytes_slice(kv, colon + 1, kv.len);
    sg_str key = canonicalMIMEHeaderKey(k);

    // As per RFC 7230 field-name is a token, tokens consist of one or more
    // chars.  We could return a ProtocolError here, but better to be
    // liberal in what we accept, so if we get an empty key, skip it.
    if (key.len == 0)
      continue;

    maxHeaders--;
    if (maxHeaders < 0) {
      *errOut = "message too large";
      return NULL;
    }

    // Skip initial spaces in value.
    sg_str value = string_of(TrimLeftSpaceTab(v));

    strs vv = MIMEHeader_get(m, key);
    if (vv.ptr == NULL) {
      maxMemory -= key.len;
      maxMemory -= mapEntryOverhead;
    }
    maxMemory -= value.len;
    if (maxMemory < 0) {
      // TODO: This should be a distinguishable error (ErrMessageTooLarge)
      // to allow mime/multipart to detect it.
      *errOut = "message too large";
      return m;
    }
    if (vv.ptr == NULL && strsv.len > 0) {
      // More than likely this will be a single-element key.  Most headers
      // aren't multi-valued.  Set the capacity on strs[0] to 1, so any
      // future append won't extend the slice into the other strings.
      vv = strs_slice3(strsv, 0, 1, 1);
      strsv = strs_slice(strsv, 1, strsv.len);
      strs_set(vv, 0, value);
      MIMEHeader_put(m, key, vv);
    } else {
      MIMEHeader_put(m, key, strs_append(heap, vv, value));
    }

    if (err != NULL) {
      *errOut = err;
      return m;
    }
  }
}

// ReadMIMEHeader reads a MIME-style header from r.  The header is a
// sequence of possibly continued Key: Value lines ending in a blank line.
static MIMEHeader Reader_ReadMIMEHeader(Reader *r, error *err) {
  return readMIMEHeader(r, INT64_MAX, INT64_MAX, err);
}

// Add adds the key, value pair to the header.  It appends to any existing
// values associated with key.
static void MIMEHeader_Add(MIMEHeader h, sg_str key, sg_str value) {
  key = CanonicalMIMEHeaderKey(key);
  MIMEHeader_put(h, key, strs_append(heap, MIMEHeader_get(h, key), value));
}

// Set sets the header entries associated with key to the single element
// value.  It replaces any existing values associated with key.
static void MIMEHeader_Set(MIMEHeader h, sg_str key, sg_str value) {
  MIMEHeader_put(h, CanonicalMIMEHeaderKey(key),
                 strs_append(heap, (strs){0}, value));
}

// Get gets the first value associated with the given key.
static sg_str MIMEHeader_Get(MIMEHeader h, sg_str key) {
  if (h == NULL)
    return SG_STR("");
  strs v = MIMEHeader_get(h, CanonicalMIMEHeaderKey(key));
  if (v.len == 0)
    return SG_STR("");
  return strs_get(v, 0);
}

// Values returns all values associated with the given key.
static strs MIMEHeader_Values(MIMEHeader h, sg_str key) {
  if (h == NULL)
    return (strs){0};
  return MIMEHeader_get(h, CanonicalMIMEHeaderKey(key));
}

// Del deletes the values associated with key.
static void MIMEHeader_Del(MIMEHeader h, sg_str key) {
  MIMEHeader_del(h, CanonicalMIMEHeaderKey(key));
}

/* ---- the program ------------------------------------------------------- */

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

static void printList(strs v) {
  printf("[");
  for (ptrdiff_t i = 0; i < v.len; i++)
    printf("%s%.*s", i ? " " : "", P(strs_get(v, i)));
  printf("]");
}

static void dump(const char *tag, MIMEHeader h, error err) {
  strs keys = strs_make(heap, 0, MIMEHeader_len(h));
  sg_range(MIMEHeader, h, it) keys = strs_append(heap, keys, it.key);
  if (keys.len > 1)
    qsort(keys.ptr, (size_t)keys.len, sizeof(sg_str), cmpstr);
  printf("== %s: %d keys, err=%s\n", tag, (int)MIMEHeader_len(h),
         err ? err : "<nil>");
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    sg_str k = strs_get(keys, i);
    strs v = MIMEHeader_get(h, k);
    printf("  %.*s: %d ", P(k), (int)v.len);
    for (ptrdiff_t j = 0; j < v.len; j++)
      printf("%s%.*s", j ? " | " : "", P(strs_get(v, j)));
    printf("\n");
  }
}

static Reader *parse(const char *tag, sg_str input, ptrdiff_t size,
                     MIMEHeader *h) {
  stringsReader *sr = sg_arena_alloc(heap, sizeof *sr);
  sr->s = input;
  Reader *r =
      NewReader(NewReaderSize((Reader_io){sr, stringsReader_Read}, size));
  error err;
  *h = Reader_ReadMIMEHeader(r, &err);
  dump(tag, *h, err);
  return r;
}

static sg_str concat(bytes b) { return string_of(b); }

static void mail(void) {
  sg_str text = SG_STR("From: alice@example.com\r\n"
                       "to: bob@example.com\r\n"
                       "Subject: a long subject\r\n"
                       "  folded onto\r\n"
                       "\ttwo more lines\r\n"
                       "Received: by relay1\r\n"
                       "Received: by relay2\r\n"
                       "x-custom-header: one\r\n"
                       "X-CUSTOM-HEADER: two\r\n"
                       "content-type:text/plain;  charset=utf-8  \r\n"
                       "Empty:\r\n"
                       "weird_key: kept as is\r\n"
                       "mIxEd-CaSe-KeY: v\r\n"
                       "\r\n"
                       "body line 1\r\n"
                       "body line 2\n");
  MIMEHeader h;
  Reader *r = parse("mail", text, 4096, &h);
  for (;;) {
    error err;
    sg_str line = Reader_ReadLine(r, &err);
    if (err != NULL) {
      printf("  body end: %s\n", err);
      break;
    }
    printf("  body [%.*s]\n", P(line));
  }

  // The single values share one preallocated array, each capped at one
  // element: appending to one must not overwrite the next.
  MIMEHeader_Add(h, SG_STR("from"), SG_STR("carol@example.com"));
  MIMEHeader_Add(h, SG_STR("New-Key"), SG_STR("fresh"));
  printf("after Add: From = ");
  printList(MIMEHeader_Values(h, SG_STR("From")));
  printf(" To = ");
  printList(MIMEHeader_Values(h, SG_STR("To")));
  printf(" Subject = %.*s\n", P(MIMEHeader_Get(h, SG_STR("subject"))));
  MIMEHeader_Set(h, SG_STR("received"), SG_STR("replaced"));
  MIMEHeader_Del(h, SG_STR("X-Custom-Header"));
  printf("after Set/Del: ");
  printList(MIMEHeader_Values(h, SG_STR("Received")));
  printf(" %s %d\n",
         MIMEHeader_Get(h, SG_STR("x-custom-header")).len == 0 ? "true"
                                                               : "false",
         (int)MIMEHeader_len(h));
  dump("mail after edits", h, NULL);
}

static void others(void) {
  // A small buffer: long lines come back in pieces (ReadLine's isPrefix)
  // and are joined.
  bytes lng = bytes_of(SG_STR("Long-Header: "));
  for (int i = 0; i < 8; i++)
    lng = bytes_extend(heap, lng, bytes_view(SG_STR("0123456789")));
  lng = bytes_extend(heap, lng, bytes_view(SG_STR("\nCont: a\n ")));
  for (int i = 0; i < 40; i++)
    lng = bytes_append(heap, lng, 'b');
  lng = bytes_extend(heap, lng, bytes_view(SG_STR("\n c\nShort: s\n\n")));
  MIMEHeader h;
  parse("small buffer", concat(lng), 16, &h);

  parse("lf only", SG_STR("A: 1\nB: 2\nA: 3\n\n"), 4096, &h);
  parse("no blank line", SG_STR("A: 1\nB: 2"), 4096, &h);
  parse("empty", SG_STR(""), 4096, &h);
  parse("just blank", SG_STR("\r\n"), 4096, &h);
  parse("leading space", SG_STR(" A: 1\n\n"), 4096, &h);
  parse("missing colon", SG_STR("A: 1\nnocolon\n\n"), 4096, &h);
  parse("empty key", SG_STR(": novalue\nB: 2\n\n"), 4096, &h);
  parse("space in key", SG_STR("Bad Key: 1\nGood: 2\n\n"), 4096, &h);
  bytes many = {0};
  for (int i = 0; i < 60; i++) {
    char line[32];
    int n = snprintf(line, sizeof line, "k%d: v%d\n", i % 23, i);
    many = bytes_extend(heap, many, bytes_view(sg_str_make(line, n)));
  }
  many = bytes_append(heap, many, '\n');
  MIMEHeader mh;
  parse("many", concat(many), 4096, &mh);
  printf("k5 = ");
  printList(MIMEHeader_Values(mh, SG_STR("K5")));
  printf("\n");
}

static void canonical(void) {
  static const char *const keys[] = {"content-type", "CONTENT-TYPE",
                                     "Content-Type", "x-forwarded-for",
                                     "a-b-c",        "-lead",
                                     "trail-",       "under_score",
                                     "sp ace",       "",
                                     "user-agent",   "dkim-signature",
                                     "foo--bar"};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    sg_str k = sg_str_from(keys[i]);
    sg_str c = CanonicalMIMEHeaderKey(k);
    printf("canonical \"%.*s\" -> \"%.*s\"\n", P(k), P(c));
  }
  MIMEHeader nilh = NULL;
  printf("nil header: [%.*s] %s\n", P(MIMEHeader_Get(nilh, SG_STR("a"))),
         MIMEHeader_Values(nilh, SG_STR("a")).ptr == NULL ? "true" : "false");
}

int main(void) {
  heap = sg_arena_new();
  mail();
  others();
  canonical();
  sg_arena_free(heap);
  return 0;
}
