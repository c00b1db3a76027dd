// A port of bytes.Buffer (Go 1.19, src/bytes/buffer.go): the growth logic
// (tryGrowByReslice, grow, growSlice), writes, reads, Next's views,
// ReadBytes / ReadString, Truncate and Reset, ReadFrom and WriteTo, with
// the unicode/utf8 pieces it needs.  io.Reader and io.Writer become
// structs of function pointers; errors are static strings compared by
// address, as Go compares error values.  The Go original of main is
// buffer.go; both must print the same (capacities included).
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/buffer.go > %t.go.out
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

typedef int32_t rune;
typedef const char *error; /* NULL is nil; compared by address */

static const char EOF_[] = "EOF";
static const char ErrShortWrite[] = "short write";
static const error EOF_error = EOF_;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* A view of s as bytes: only ever read (copy's source). */
static bytes bytes_view(sg_str s) {
  bytes b = {(unsigned char *)s.ptr, s.len, s.len};
  return b;
}

static sg_str str_view(bytes b) {
  return sg_str_make((const char *)b.ptr, b.len);
}

/* string(b): a copy. */
static sg_str string_of(sg_arena *ar, bytes b) {
  return str_view(bytes_clone(ar, b));
}

/* ---- unicode/utf8 ------------------------------------------------------ */

enum { RuneError = 0xFFFD, RuneSelf = 0x80, UTFMax = 4, MaxRune = 0x10FFFF };

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

/* utf8.EncodeRune writes the encoding of r into p (which must be large
 * enough) and returns the number of bytes written. */
static ptrdiff_t EncodeRune(bytes p, rune r) {
  uint32_t i = (uint32_t)r;
  if (i <= 0x7F) {
    bytes_set(p, 0, (unsigned char)r);
    return 1;
  }
  if (i <= 0x7FF) {
    bytes_set(p, 0, (unsigned char)(0xC0 | (r >> 6)));
    bytes_set(p, 1, (unsigned char)(0x80 | (r & 0x3F)));
    return 2;
  }
  if (i > MaxRune || (i >= 0xD800 && i <= 0xDFFF))
    r = RuneError;
  if ((uint32_t)r <= 0xFFFF) {
    bytes_set(p, 0, (unsigned char)(0xE0 | (r >> 12)));
    bytes_set(p, 1, (unsigned char)(0x80 | ((r >> 6) & 0x3F)));
    bytes_set(p, 2, (unsigned char)(0x80 | (r & 0x3F)));
    return 3;
  }
  bytes_set(p, 0, (unsigned char)(0xF0 | (r >> 18)));
  bytes_set(p, 1, (unsigned char)(0x80 | ((r >> 12) & 0x3F)));
  bytes_set(p, 2, (unsigned char)(0x80 | ((r >> 6) & 0x3F)));
  bytes_set(p, 3, (unsigned char)(0x80 | (r & 0x3F)));
  return 4;
}

static ptrdiff_t IndexByte(bytes b, unsigned char c) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    if (bytes_get(b, i) == c)
      return i;
  return -1;
}

/* ---- io ---------------------------------------------------------------- */

typedef struct Reader {
  void *self;
  ptrdiff_t (*Read)(void *self, bytes p, error *err);
} Reader;

typedef struct Writer {
  void *self;
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
} Writer;

/* ---- bytes.Buffer ------------------------------------------------------ */

// smallBufferSize is an initial allocation minimal capacity.
enum { smallBufferSize = 64 };

// The readOp constants describe the last action performed on the buffer,
// so that UnreadRune and UnreadByte can check for invalid usage.
typedef signed char readOp;
enum {
  opRead = -1,     // Any other read operation.
  opInvalid = 0,   // Non-read operation.
  opReadRune1 = 1, // Read rune of size 1.
};

// A Buffer is a variable-sized buffer of bytes with Read and Write
// methods.  The zero value for Buffer is an empty buffer ready to use.
typedef struct Buffer {
  bytes buf;       // contents are the bytes buf[off : len(buf)]
  ptrdiff_t off;   // read at &buf[off], write at &buf[len(buf)]
  readOp lastRead; // last read operation, so that Unread* can work.
} Buffer;

static const char ErrTooLarge[] = "bytes.Buffer: too large";
static const char errNegativeRead[] =
    "bytes.Buffer: reader returned negative count from Read";
static const char errUnreadByte[] =
    "bytes.Buffer: UnreadByte: previous operation was not a successful read";
static const char errUnreadRune[] = "bytes.Buffer: UnreadRune: previous "
                                    "operation was not a successful ReadRune";

#define maxInt PTRDIFF_MAX

// Bytes returns a slice holding the unread portion of the buffer, valid
// only until the next buffer modification.
static bytes Buffer_Bytes(Buffer *b) {
  return bytes_slice(b->buf, b->off, b->buf.len);
}

// String returns the contents of the unread portion of the buffer as a
// string.  If the Buffer is a nil pointer, it returns "<nil>".
static sg_str Buffer_String(sg_arena *ar, Buffer *b) {
  if (b == NULL)
    return SG_STR("<nil>");
  return string_of(ar, bytes_slice(b->buf, b->off, b->buf.len));
}

static bool Buffer_empty(Buffer *b) { return b->buf.len <= b->off; }

static ptrdiff_t Buffer_Len(Buffer *b) { return b->buf.len - b->off; }

static ptrdiff_t Buffer_Cap(Buffer *b) { return b->buf.cap; }

static void Buffer_Reset(Buffer *b) {
  b->buf = bytes_slice(b->buf, 0, 0);
  b->off = 0;
  b->lastRead = opInvalid;
}

// Truncate discards all but the first n unread bytes from the buffer but
// continues to use the same allocated storage.
static void Buffer_Truncate(Buffer *b, ptrdiff_t n) {
  if (n == 0) {
    Buffer_Reset(b);
    return;
  }
  b->lastRead = opInvalid;
  if (n < 0 || n > Buffer_Len(b))
    go_panic("bytes.Buffer: truncation out of range");
  b->buf = bytes_slice(b->buf, 0, b->off + n);
}

// tryGrowByReslice is a inlineable version of grow for the fast-case
// where the internal buffer only needs to be resliced.  It returns the
// index where bytes should be written and whether it succeeded.
static bool Buffer_tryGrowByReslice(Buffer *b, ptrdiff_t n, ptrdiff_t *at) {
  ptrdiff_t l = b->buf.len;
  if (n <= b->buf.cap - l) {
    b->buf = bytes_slice(b->buf, 0, l + n);
    *at = l;
    return true;
  }
  *at = 0;
  return false;
}

// growSlice grows b by n, preserving the original content of b.
static bytes growSlice(sg_arena *ar, bytes b, ptrdiff_t n) {
  // TODO(http://golang.org/issue/51462): We should rely on the append-make
  // pattern so that the compiler can call runtime.growslice.
  ptrdiff_t c = b.len + n; // ensure enough space for n elements
  if (c < 2 * b.cap)
    // The growth rate has historically always been 2x.
    c = 2 * b.cap;
  bytes b2 = bytes_extend(ar, (bytes){0}, bytes_make(ar, c, c));
  bytes_copy(b2, b);
  return bytes_slice(b2, 0, b.len);
}

// grow grows the buffer to guarantee space for n more bytes.  It returns
// the index where bytes should be written.
static ptrdiff_t Buffer_grow(sg_arena *ar, Buffer *b, ptrdiff_t n) {
  ptrdiff_t m = Buffer_Len(b);
  // If buffer is empty, reset to recover space.
  if (m == 0 && b->off != 0)
    Buffer_Reset(b);
  // Try to grow by means of a reslice.
  ptrdiff_t i;
  if (Buffer_tryGrowByReslice(b, n, &i))
    return i;
  if (b->buf.ptr == NULL && n <= smallBufferSize) {
    b->buf = bytes_make(ar, n, smallBufferSize);
    return 0;
  }
  ptrdiff_t c = b->buf.cap;
  if (n <= c / 2 - m) {
    // We can slide things down instead of allocating a new slice. We only
    // need m+n <= c to slide, but we instead let capacity get twice as
    // large so we don't spend all our time copying.
    bytes_copy(b->buf, bytes_slice(b->buf, b->off, b->buf.len));
  } else if (c > maxInt - c - n) {
    go_panic(ErrTooLarge);
  } else {
    // Add b.off to account for b.buf[:b.off] being sliced off the front.
    b->buf = growSlice(ar, bytes_slice(b->buf, b->off, b->buf.len), b->off + n);
  }
  // Restore b.off and len(b.buf).
  b->off = 0;
  b->buf = bytes_slice(b->buf, 0, m + n);
  return m;
}

// Grow grows the buffer's capacity, if necessary, to guarantee space for
// another n bytes.
static void Buffer_Grow(sg_arena *ar, Buffer *b, ptrdiff_t n) {
  if (n < 0)
    go_panic("bytes.Buffer.Grow: negative count");
  ptrdiff_t m = Buffer_grow(ar, b, n);
  b->buf = bytes_slice(b->buf, 0, m);
}

static ptrdiff_t Buffer_Write(sg_arena *ar, Buffer *b, bytes p, error *err) {
  b->lastRead = opInvalid;
  ptrdiff_t m;
  if (!Buffer_tryGrowByReslice(b, p.len, &m))
    m = Buffer_grow(ar, b, p.len);
  *err = NULL;
  return bytes_copy(bytes_slice(b->buf, m, b->buf.len), p);
}

static ptrdiff_t Buffer_WriteString(sg_arena *ar, Buffer *b, sg_str s,
                                    error *err) {
  b->lastRead = opInvalid;
  ptrdiff_t m;
  if (!Buffer_tryGrowByReslice(b, s.len, &m))
    m = Buffer_grow(ar, b, s.len);
  *err = NULL;
  return bytes_copy(bytes_slice(b->buf, m, b->buf.len), bytes_view(s));
}

// MinRead is the minimum slice size passed to a Read call by
// Buffer.ReadFrom.
enum { MinRead = 512 };

// ReadFrom reads data from r until EOF and appends it to the buffer,
// growing the buffer as needed.
static int64_t Buffer_ReadFrom(sg_arena *ar, Buffer *b, Reader r, error *err) {
  b->lastRead = opInvalid;
  int64_t n = 0;
  for (;;) {
    ptrdiff_t i = Buffer_grow(ar, b, MinRead);
    b->buf = bytes_slice(b->buf, 0, i);
    error e;
    ptrdiff_t m = r.Read(r.self, bytes_slice(b->buf, i, b->buf.cap), &e);
    if (m < 0)
      go_panic(errNegativeRead);

    b->buf = bytes_slice(b->buf, 0, i + m);
    n += m;
    if (e == EOF_error) {
      *err = NULL; // e is EOF, so return nil explicitly
      return n;
    }
    if (e != NULL) {
      *err = e;
      return n;
    }
  }
}

// WriteTo writes data to w until the buffer is drained or an error
// occurs.
static int64_t Buffer_WriteTo(Buffer *b, Writer w, error *err) {
  b->lastRead = opInvalid;
  int64_t n = 0;
  ptrdiff_t nBytes = Buffer_Len(b);
  if (nBytes > 0) {
    error e;
    ptrdiff_t m = w.Write(w.self, bytes_slice(b->buf, b->off, b->buf.len), &e);
    if (m > nBytes)
      go_panic("bytes.Buffer.WriteTo: invalid Write count");
    b->off += m;
    n = m;
    if (e != NULL) {
      *err = e;
      return n;
    }
    // all bytes should have been written, by definition of Write method
    // in io.Writer
    if (m != nBytes) {
      *err = ErrShortWrite;
      return n;
    }
  }
  // Buffer is now empty; reset.
  Buffer_Reset(b);
  *err = NULL;
  return n;
}

static error Buffer_WriteByte(sg_arena *ar, Buffer *b, unsigned char c) {
  b->lastRead = opInvalid;
  ptrdiff_t m;
  if (!Buffer_tryGrowByReslice(b, 1, &m))
    m = Buffer_grow(ar, b, 1);
  bytes_set(b->buf, m, c);
  return NULL;
}

static ptrdiff_t Buffer_WriteRune(sg_arena *ar, Buffer *b, rune r) {
  // Compare as uint32 to correctly handle negative runes.
  if ((uint32_t)r < RuneSelf) {
    Buffer_WriteByte(ar, b, (unsigned char)r);
    return 1;
  }
  b->lastRead = opInvalid;
  ptrdiff_t m;
  if (!Buffer_tryGrowByReslice(b, UTFMax, &m))
    m = Buffer_grow(ar, b, UTFMax);
  ptrdiff_t n = EncodeRune(bytes_slice(b->buf, m, m + UTFMax), r);
  b->buf = bytes_slice(b->buf, 0, m + n);
  return n;
}

// Read reads the next len(p) bytes from the buffer or until the buffer is
// drained.
static ptrdiff_t Buffer_Read(Buffer *b, bytes p, error *err) {
  b->lastRead = opInvalid;
  *err = NULL;
  if (Buffer_empty(b)) {
    // Buffer is empty, reset to recover space.
    Buffer_Reset(b);
    if (p.len == 0)
      return 0;
    *err = EOF_error;
    return 0;
  }
  ptrdiff_t n = bytes_copy(p, bytes_slice(b->buf, b->off, b->buf.len));
  b->off += n;
  if (n > 0)
    b->lastRead = opRead;
  return n;
}

// Next returns a slice containing the next n bytes from the buffer,
// advancing the buffer as if the bytes had been returned by Read.  The
// slice is only valid until the next call to a read or write method.
static bytes Buffer_Next(Buffer *b, ptrdiff_t n) {
  b->lastRead = opInvalid;
  ptrdiff_t m = Buffer_Len(b);
  if (n > m)
    n = m;
  bytes data = bytes_slice(b->buf, b->off, b->off + n);
  b->off += n;
  if (n > 0)
    b->lastRead = opRead;
  return data;
}

static unsigned char Buffer_ReadByte(Buffer *b, error *err) {
  if (Buffer_empty(b)) {
    // Buffer is empty, reset to recover space.
    Buffer_Reset(b);
    *err = EOF_error;
    return 0;
  }
  unsigned char c = bytes_get(b->buf, b->off);
  b->off++;
  b->lastRead = opRead;
  *err = NULL;
  return c;
}

static rune Buffer_ReadRune(Buffer *b, ptrdiff_t *size, error *err) {
  *err = NULL;
  if (Buffer_empty(b)) {
    // Buffer is empty, reset to recover space.
    Buffer_Reset(b);
    *size = 0;
    *err = EOF_error;
    return 0;
  }
  unsigned char c = bytes_get(b->buf, b->off);
  if (c < RuneSelf) {
    b->off++;
    b->lastRead = opReadRune1;
    *size = 1;
    return c;
  }
  ptrdiff_t n;
  rune r = DecodeRune(bytes_slice(b->buf, b->off, b->buf.len), &n);
  b->off += n;
  b->lastRead = (readOp)n;
  *size = n;
  return r;
}

static error Buffer_UnreadRune(Buffer *b) {
  if (b->lastRead <= opInvalid)
    return errUnreadRune;
  if (b->off >= (ptrdiff_t)b->lastRead)
    b->off -= b->lastRead;
  b->lastRead = opInvalid;
  return NULL;
}

static error Buffer_UnreadByte(Buffer *b) {
  if (b->lastRead == opInvalid)
    return errUnreadByte;
  b->lastRead = opInvalid;
  if (b->off > 0)
    b->off--;
  return NULL;
}

// readSlice is like ReadBytes but returns a reference to internal buffer
// data.
static bytes Buffer_readSlice(Buffer *b, unsigned char delim, error *err) {
  ptrdiff_t i = IndexByte(bytes_slice(b->buf, b->off, b->buf.len), delim);
  ptrdiff_t end = b->off + i + 1;
  *err = NULL;
  if (i < 0) {
    end = b->buf.len;
    *err = EOF_error;
  }
  bytes line = bytes_slice(b->buf, b->off, end);
  b->off = end;
  b->lastRead = opRead;
  return line;
}

// ReadBytes reads until the first occurrence of delim in the input,
// returning a slice containing the data up to and including the
// delimiter.
static bytes Buffer_ReadBytes(sg_arena *ar, Buffer *b, unsigned char delim,
                              error *err) {
  bytes slice = Buffer_readSlice(b, delim, err);
  // return a copy of slice. The buffer's backing array may
  // be overwritten by later calls.
  bytes line = {0};
  line = bytes_extend(ar, line, slice);
  return line;
}

static sg_str Buffer_ReadString(sg_arena *ar, Buffer *b, unsigned char delim,
                                error *err) {
  bytes slice = Buffer_readSlice(b, delim, err);
  return string_of(ar, slice);
}

// NewBuffer creates and initializes a new Buffer using buf as its initial
// contents.
static Buffer *NewBuffer(sg_arena *ar, bytes buf) {
  Buffer *b = sg_arena_alloc(ar, sizeof *b);
  b->buf = buf;
  return b;
}

static Buffer *NewBufferString(sg_arena *ar, sg_str s) {
  Buffer *b = sg_arena_alloc(ar, sizeof *b);
  bytes copied = bytes_make(ar, s.len, s.len); /* []byte(s) */
  bytes_copy(copied, bytes_view(s));
  b->buf = copied;
  return b;
}

/* ---- the program ------------------------------------------------------- */

// chunkReader hands out its string a few bytes per Read, as a socket
// would.
typedef struct chunkReader {
  sg_str s;
  ptrdiff_t chunk;
} chunkReader;

static ptrdiff_t chunkReader_Read(void *self, bytes p, error *err) {
  chunkReader *r = self;
  *err = NULL;
  if (r->s.len == 0) {
    *err = EOF_error;
    return 0;
  }
  ptrdiff_t n = r->chunk;
  if (n > p.len)
    n = p.len;
  if (n > r->s.len)
    n = r->s.len;
  bytes_copy(p, bytes_view(sg_str_slice(r->s, 0, n)));
  r->s = sg_str_slice(r->s, n, r->s.len);
  return n;
}

// sink keeps what is written to it, at most limit bytes per Write.
typedef struct sink {
  sg_arena *ar;
  bytes got;
  ptrdiff_t limit;
} sink;

static ptrdiff_t sink_Write(void *self, bytes p, error *err) {
  sink *w = self;
  *err = NULL;
  if (w->limit > 0 && p.len > w->limit) {
    w->got = bytes_extend(w->ar, w->got, bytes_slice(p, 0, w->limit));
    return w->limit;
  }
  w->got = bytes_extend(w->ar, w->got, p);
  return p.len;
}

static const char *errstr(error e) { return e ? e : "<nil>"; }

static void state(sg_arena *ar, const char *tag, Buffer *b) {
  sg_str s = Buffer_String(ar, b);
  printf("%s: len=%d cap=%d [%.*s]\n", tag, (int)Buffer_Len(b),
         (int)Buffer_Cap(b), (int)s.len, s.ptr);
}

/* fmt.Fprintf(&b, format, v): formats, then one Write. */
static void fprintf_buffer(sg_arena *ar, Buffer *b, const char *format, int v) {
  char tmp[64];
  int n = snprintf(tmp, sizeof tmp, format, v);
  error err;
  Buffer_Write(ar, b, bytes_view(sg_str_make(tmp, n)), &err);
}

static bytes Repeat(sg_arena *ar, unsigned char c, ptrdiff_t count) {
  bytes b = bytes_make(ar, count, count);
  for (ptrdiff_t i = 0; i < count; i++)
    bytes_set(b, i, c);
  return b;
}

static void reading(sg_arena *ar, Buffer *b) {
  // Reading: Next gives views, Read copies, ReadByte / ReadRune step.
  bytes head = Buffer_Next(b, 5);
  printf("next5 [%.*s] len=%d\n", (int)head.len, (const char *)head.ptr,
         (int)Buffer_Len(b));
  error err;
  unsigned char c = Buffer_ReadByte(b, &err);
  printf("readbyte '%c' %s\n", c, errstr(err));
  printf("unreadbyte %s\n", errstr(Buffer_UnreadByte(b)));
  printf("unreadbyte again %s\n", errstr(Buffer_UnreadByte(b)));
  bytes p = bytes_make(ar, 7, 7);
  ptrdiff_t n = Buffer_Read(b, p, &err);
  printf("read %d [%.*s] %s\n", (int)n, (int)n, (const char *)p.ptr,
         errstr(err));
  for (int i = 0; i < 5; i++) {
    ptrdiff_t size;
    rune r = Buffer_ReadRune(b, &size, &err);
    printf("rune %d size %d %s\n", (int)r, (int)size, errstr(err));
  }
  printf("unreadrune %s\n", errstr(Buffer_UnreadRune(b)));
  printf("unreadrune again %s\n", errstr(Buffer_UnreadRune(b)));
  ptrdiff_t size;
  rune r = Buffer_ReadRune(b, &size, &err);
  printf("rune again %d size %d\n", (int)r, (int)size);
}

static void lines(sg_arena *ar, Buffer *b) {
  error err;
  Buffer_WriteString(ar, b,
                     SG_STR("line one\nline two\n\nlast line without "
                            "newline"),
                     &err);
  for (;;) {
    bytes line = Buffer_ReadBytes(ar, b, '\n', &err);
    sg_str s = string_of(ar, line);
    if (s.len > 0 && s.ptr[s.len - 1] == '\n') /* strings.TrimSuffix */
      s = sg_str_slice(s, 0, s.len - 1);
    printf("readbytes [%.*s] %d %s\n", (int)s.len, s.ptr, (int)line.len,
           errstr(err));
    if (err != NULL)
      break;
  }
  state(ar, "drained", b);
  Buffer_WriteString(ar, b, SG_STR("a,b,,c"), &err);
  for (;;) {
    sg_str s = Buffer_ReadString(ar, b, ',', &err);
    printf("readstring [%.*s] %s\n", (int)s.len, s.ptr, errstr(err));
    if (err != NULL)
      break;
  }
  bytes p = bytes_make(ar, 7, 7);
  ptrdiff_t n = Buffer_Read(b, p, &err);
  printf("read empty %d %s\n", (int)n, errstr(err));
  n = Buffer_Read(b, (bytes){0}, &err);
  printf("read nil %d %s\n", (int)n, errstr(err));
  Buffer_ReadByte(b, &err);
  printf("readbyte empty %s\n", errstr(err));
}

static void streams(sg_arena *ar) {
  // ReadFrom in small chunks, then WriteTo a writer with short writes.
  Buffer big = {0};
  for (int i = 0; i < 300; i++)
    fprintf_buffer(ar, &big, "%03d|", i);
  sg_str bigs = Buffer_String(ar, &big);
  Buffer rb = {0};
  chunkReader cr = {bigs, 37};
  error err;
  int64_t m = Buffer_ReadFrom(ar, &rb, (Reader){&cr, chunkReader_Read}, &err);
  printf("readfrom %d %s len=%d cap=%d\n", (int)m, errstr(err),
         (int)Buffer_Len(&rb), (int)Buffer_Cap(&rb));
  sink w = {ar, {0}, 0};
  m = Buffer_WriteTo(&rb, (Writer){&w, sink_Write}, &err);
  printf("writeto %d %s same=%s len=%d\n", (int)m, errstr(err),
         sg_str_eq(string_of(ar, w.got), bigs) ? "true" : "false",
         (int)Buffer_Len(&rb));
  Buffer_WriteString(ar, &rb, SG_STR("short write"), &err);
  sink shortw = {ar, {0}, 5};
  m = Buffer_WriteTo(&rb, (Writer){&shortw, sink_Write}, &err);
  sg_str left = Buffer_String(ar, &rb);
  printf("short writeto %d %s left=[%.*s]\n", (int)m, errstr(err),
         (int)left.len, left.ptr);
}

static void constructors(sg_arena *ar) {
  // NewBuffer over an existing slice shares it; NewBufferString copies.
  bytes backing = bytes_make(ar, 3, 10);
  bytes_copy(backing, bytes_view(SG_STR("xyz")));
  Buffer *nb = NewBuffer(ar, backing);
  error err;
  Buffer_WriteString(ar, nb, SG_STR("123"), &err);
  sg_str s = Buffer_String(ar, nb);
  bytes b6 = bytes_slice(backing, 0, 6);
  printf("newbuffer [%.*s] backing[:6]=[%.*s] cap=%d\n", (int)s.len, s.ptr,
         (int)b6.len, (const char *)b6.ptr, (int)Buffer_Cap(nb));
  Buffer_WriteString(ar, nb, SG_STR("4567890"), &err);
  bytes_set(Buffer_Bytes(nb), 0, 'X');
  s = Buffer_String(ar, nb);
  b6 = bytes_slice(backing, 0, 6);
  printf("outgrown [%.*s] backing=[%.*s]\n", (int)s.len, s.ptr, (int)b6.len,
         (const char *)b6.ptr);
  Buffer *ns = NewBufferString(ar, SG_STR("from string"));
  Buffer_Truncate(ns, 4);
  s = Buffer_String(ar, ns);
  printf("newbufferstring: len=%d [%.*s]\n", (int)Buffer_Len(ns), (int)s.len,
         s.ptr);
  Buffer *nilBuf = NULL;
  s = Buffer_String(ar, nilBuf);
  printf("nil buffer [%.*s]\n", (int)s.len, s.ptr);

  // A large single write goes straight to growSlice.
  Buffer lb = {0};
  Buffer_Write(ar, &lb, Repeat(ar, 'z', 1000), &err);
  printf("large: len=%d cap=%d\n", (int)Buffer_Len(&lb), (int)Buffer_Cap(&lb));
  Buffer_Next(&lb, 990);
  Buffer_Write(ar, &lb, Repeat(ar, 'y', 600), &err);
  printf("large slide: len=%d cap=%d\n", (int)Buffer_Len(&lb),
         (int)Buffer_Cap(&lb));
  Buffer_Write(ar, &lb, Repeat(ar, 'w', 2000), &err);
  printf("large grow: len=%d cap=%d\n", (int)Buffer_Len(&lb),
         (int)Buffer_Cap(&lb));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  Buffer b = {0};
  error err;
  state(ar, "zero", &b);
  Buffer_WriteString(ar, &b, SG_STR("hello"), &err);
  state(ar, "small", &b);
  Buffer_WriteByte(ar, &b, ' ');
  Buffer_Write(ar, &b, bytes_view(SG_STR("world")), &err);
  Buffer_WriteRune(ar, &b, '!');
  Buffer_WriteRune(ar, &b, 0xE9);
  Buffer_WriteRune(ar, &b, 0x4E16);
  Buffer_WriteRune(ar, &b, 0x1F600);
  state(ar, "runes", &b);

  // Growth across many writes: the capacities are Go's.
  for (int i = 0; i < 200; i++) {
    fprintf_buffer(ar, &b, "<%d>", i);
    if (i % 50 == 0)
      printf("grow %d: len=%d cap=%d\n", i, (int)Buffer_Len(&b),
             (int)Buffer_Cap(&b));
  }
  printf("after writes: len=%d cap=%d\n", (int)Buffer_Len(&b),
         (int)Buffer_Cap(&b));

  reading(ar, &b);

  // Writing after reading: grow slides the unread data down when it fits.
  printf("before slide: len=%d cap=%d\n", (int)Buffer_Len(&b),
         (int)Buffer_Cap(&b));
  Buffer_Next(&b, Buffer_Len(&b) - 10);
  Buffer_Grow(ar, &b, 100);
  sg_str s = Buffer_String(ar, &b);
  printf("after grow: len=%d cap=%d [%.*s]\n", (int)Buffer_Len(&b),
         (int)Buffer_Cap(&b), (int)s.len, s.ptr);

  // Truncate and Reset, then reuse of the same array.
  Buffer_Truncate(&b, 4);
  state(ar, "truncate4", &b);
  Buffer_Truncate(&b, 0);
  state(ar, "truncate0", &b);
  lines(ar, &b);
  streams(ar);
  constructors(ar);
  sg_arena_free(ar);
  return 0;
}
