// A port of io's combinators (Go 1.19, src/io/multi.go and io.go):
// MultiReader (a slice of readers consumed from the front, nested
// multiReaders flattened in place, eofReader left behind, WriteTo with one
// shared buffer), MultiWriter (nested writers flattened by appending their
// slices), WriteString, ReadAtLeast, ReadFull, Copy, CopyBuffer, CopyN,
// copyBuffer (WriterTo and ReaderFrom first, then the buffer loop),
// LimitReader, TeeReader and ReadAll.  Go's interfaces become a receiver
// and a table of methods; a type assertion compares the table.  The Go
// original of main is iomulti.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/iomulti.go > %t.go.out
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

static sg_arena *heap;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

static bytes bytes_view(sg_str s) {
  bytes b = {(unsigned char *)s.ptr, s.len, s.len};
  return b;
}

/* []byte(s): a fresh copy. */
static bytes bytes_of(sg_str s) {
  bytes b = bytes_make(heap, s.len, s.len);
  bytes_copy(b, bytes_view(s));
  return b;
}

typedef const char *error; /* NULL is nil; compared by address */

static const char EOF_[] = "EOF";
#define io_EOF EOF_
static const char ErrShortWrite[] = "short write";
static const char errInvalidWrite[] = "invalid write result";
static const char ErrShortBuffer[] = "short buffer";
static const char ErrUnexpectedEOF[] = "unexpected EOF";

/* ---- the interfaces ---------------------------------------------------- */

typedef struct Writer Writer;

typedef struct ReaderMethods {
  ptrdiff_t (*Read)(void *self, bytes p, error *err);
  int64_t (*WriteTo)(void *self, Writer w, error *err); /* NULL: no WriterTo */
} ReaderMethods;

typedef struct Reader {
  void *self;
  const ReaderMethods *m;
} Reader;

typedef struct WriterMethods {
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
  ptrdiff_t (*WriteString)(void *self, sg_str s, error *err); /* optional */
  int64_t (*ReadFrom)(void *self, Reader r, error *err);      /* optional */
} WriterMethods;

struct Writer {
  void *self;
  const WriterMethods *m;
};

#define READ(r, p, e) ((r).m->Read((r).self, (p), (e)))
#define WRITE(w, p, e) ((w).m->Write((w).self, (p), (e)))

#define SG_SLICE readers
#define SG_ELEM Reader
#include <sliceguard/slice.h>

#define SG_SLICE writers
#define SG_ELEM Writer
#include <sliceguard/slice.h>

/* ---- io.go ------------------------------------------------------------- */

// WriteString writes the contents of the string s to w, which accepts a
// slice of bytes.  If w implements StringWriter, its WriteString method
// is invoked directly.  Otherwise, w.Write is called exactly once.
static ptrdiff_t WriteString(Writer w, sg_str s, error *err) {
  if (w.m->WriteString != NULL)
    return w.m->WriteString(w.self, s, err);
  return WRITE(w, bytes_of(s), err);
}

// ReadAtLeast reads from r into buf until it has read at least min bytes.
static ptrdiff_t ReadAtLeast(Reader r, bytes buf, ptrdiff_t min, error *err) {
  ptrdiff_t n = 0;
  *err = NULL;
  if (buf.len < min) {
    *err = ErrShortBuffer;
    return 0;
  }
  while (n < min && *err == NULL) {
    ptrdiff_t nn = READ(r, bytes_slice(buf, n, buf.len), err);
    n += nn;
  }
  if (n >= min)
    *err = NULL;
  else if (n > 0 && *err == io_EOF)
    *err = ErrUnexpectedEOF;
  return n;
}

// ReadFull reads exactly len(buf) bytes from r into buf.
static ptrdiff_t ReadFull(Reader r, bytes buf, error *err) {
  return ReadAtLeast(r, buf, buf.len, err);
}

// A LimitedReader reads from R but limits the amount of data returned to
// just N bytes.
typedef struct LimitedReader {
  Reader R;  // underlying reader
  int64_t N; // max bytes remaining
} LimitedReader;

static ptrdiff_t LimitedReader_Read(void *self, bytes p, error *err) {
  LimitedReader *l = self;
  if (l->N <= 0) {
    *err = io_EOF;
    return 0;
  }
  if ((int64_t)p.len > l->N)
    p = bytes_slice(p, 0, (ptrdiff_t)l->N);
  ptrdiff_t n = READ(l->R, p, err);
  l->N -= n;
  return n;
}

static const ReaderMethods LimitedReaderMethods = {LimitedReader_Read, NULL};

// LimitReader returns a Reader that reads from r but stops with EOF after
// n bytes.
static Reader LimitReader(Reader r, int64_t n) {
  LimitedReader *l = sg_arena_alloc(heap, sizeof *l);
  l->R = r;
  l->N = n;
  return (Reader){l, &LimitedReaderMethods};
}

// copyBuffer is the actual implementation of Copy and CopyBuffer.  if buf
// is nil, one is allocated.
static int64_t copyBuffer(Writer dst, Reader src, bytes buf, error *err) {
  // If the reader has a WriteTo method, use it to do the copy.  Avoids an
  // allocation and a copy.
  if (src.m->WriteTo != NULL)
    return src.m->WriteTo(src.self, dst, err);
  // Similarly, if the writer has a ReadFrom method, use it to do the copy.
  if (dst.m->ReadFrom != NULL)
    return dst.m->ReadFrom(dst.self, src, err);
  if (buf.ptr == NULL) {
    ptrdiff_t size = 32 * 1024;
    if (src.m == &LimitedReaderMethods) {
      LimitedReader *l = src.self;
      if ((int64_t)size > l->N) {
        if (l->N < 1)
          size = 1;
        else
          size = (ptrdiff_t)l->N;
      }
    }
    buf = bytes_make(heap, size, size);
  }
  int64_t written = 0;
  *err = NULL;
  for (;;) {
    error er;
    ptrdiff_t nr = READ(src, buf, &er);
    if (nr > 0) {
      error ew;
      ptrdiff_t nw = WRITE(dst, bytes_slice(buf, 0, nr), &ew);
      if (nw < 0 || nr < nw) {
        nw = 0;
        if (ew == NULL)
          ew = errInvalidWrite;
      }
      written += nw;
      if (ew != NULL) {
        *err = ew;
        break;
      }
      if (nr != nw) {
        *err = ErrShortWrite;
        break;
      }
    }
    if (er != NULL) {
      if (er != io_EOF)
        *err = er;
      break;
    }
  }
  return written;
}

// Copy copies from src to dst until either EOF is reached on src or an
// error occurs.
static int64_t Copy(Writer dst, Reader src, error *err) {
  return copyBuffer(dst, src, (bytes){0}, err);
}

// CopyBuffer is identical to Copy except that it stages through the
// provided buffer (if one is required) rather than allocating a temporary
// one.
static int64_t CopyBuffer(Writer dst, Reader src, bytes buf, error *err) {
  if (buf.ptr != NULL && buf.len == 0)
    go_panic("empty buffer in CopyBuffer");
  return copyBuffer(dst, src, buf, err);
}

// CopyN copies n bytes (or until an error) from src to dst.
static int64_t CopyN(Writer dst, Reader src, int64_t n, error *err) {
  int64_t written = Copy(dst, LimitReader(src, n), err);
  if (written == n) {
    *err = NULL;
    return n;
  }
  if (written < n && *err == NULL)
    // src stopped early; must have been EOF.
    *err = io_EOF;
  return written;
}

typedef struct teeReader {
  Reader r;
  Writer w;
} teeReader;

static ptrdiff_t teeReader_Read(void *self, bytes p, error *err) {
  teeReader *t = self;
  ptrdiff_t n = READ(t->r, p, err);
  if (n > 0) {
    error werr;
    ptrdiff_t wn = WRITE(t->w, bytes_slice(p, 0, n), &werr);
    if (werr != NULL) {
      *err = werr;
      return wn;
    }
  }
  return n;
}

static const ReaderMethods teeReaderMethods = {teeReader_Read, NULL};

// TeeReader returns a Reader that writes to w what it reads from r.
static Reader TeeReader(Reader r, Writer w) {
  teeReader *t = sg_arena_alloc(heap, sizeof *t);
  t->r = r;
  t->w = w;
  return (Reader){t, &teeReaderMethods};
}

// ReadAll reads from r until an error or EOF and returns the data it read.
static bytes ReadAll(Reader r, error *errOut) {
  bytes b = bytes_make(heap, 0, 512);
  for (;;) {
    if (b.len == b.cap)
      // Add more capacity (let append pick how much).
      b = bytes_slice(bytes_append(heap, b, 0), 0, b.len);
    error err;
    ptrdiff_t n = READ(r, bytes_slice(b, b.len, b.cap), &err);
    b = bytes_slice(b, 0, b.len + n);
    if (err != NULL) {
      if (err == io_EOF)
        err = NULL;
      *errOut = err;
      return b;
    }
  }
}

/* ---- multi.go ---------------------------------------------------------- */

static ptrdiff_t eofReader_Read(void *self, bytes p, error *err) {
  (void)self;
  (void)p;
  *err = io_EOF;
  return 0;
}

static const ReaderMethods eofReaderMethods = {eofReader_Read, NULL};

typedef struct multiReader {
  readers readers;
} multiReader;

static ptrdiff_t multiReader_Read(void *self, bytes p, error *err);
static int64_t multiReader_WriteTo(void *self, Writer w, error *err);

static const ReaderMethods multiReaderMethods = {multiReader_Read,
                                                 multiReader_WriteTo};

static ptrdiff_t multiReader_Read(void *self, bytes p, error *err) {
  multiReader *mr = self;
  while (mr->readers.len > 0) {
    // Optimization to flatten nested multiReaders (Issue 13558).
    if (mr->readers.len == 1) {
      Reader r = readers_get(mr->readers, 0);
      if (r.m == &multiReaderMethods) {
        mr->readers = ((multiReader *)r.self)->readers;
        continue;
      }
    }
    ptrdiff_t n = READ(readers_get(mr->readers, 0), p, err);
    if (*err == io_EOF) {
      // Use eofReader instead of nil to avoid nil panic after performing
      // flatten (Issue 18232).
      readers_set(mr->readers, 0,
                  (Reader){NULL, &eofReaderMethods}); // permit earlier GC
      mr->readers = readers_slice(mr->readers, 1, mr->readers.len);
    }
    if (n > 0 || *err != io_EOF) {
      if (*err == io_EOF && mr->readers.len > 0)
        // Don't return EOF yet.  More readers remain.
        *err = NULL;
      return n;
    }
  }
  *err = io_EOF;
  return 0;
}

static int64_t multiReader_writeToWithBuffer(multiReader *mr, Writer w,
                                             bytes buf, error *err) {
  int64_t sum = 0;
  *err = NULL;
  for (ptrdiff_t i = 0; i < mr->readers.len; i++) {
    Reader r = readers_get(mr->readers, i);
    int64_t n;
    if (r.m == &multiReaderMethods) // reuse buffer with nested multiReaders
      n = multiReader_writeToWithBuffer(r.self, w, buf, err);
    else
      n = copyBuffer(w, r, buf, err);
    sum += n;
    if (*err != NULL) {
      mr->readers = readers_slice(mr->readers, i, mr->readers.len); // permit
                                                                    // resume /
                                                                    // retry
      return sum;
    }
    readers_set(mr->readers, i, (Reader){0}); // permit early GC
  }
  mr->readers = (readers){0};
  return sum;
}

static int64_t multiReader_WriteTo(void *self, Writer w, error *err) {
  return multiReader_writeToWithBuffer(
      self, w, bytes_make(heap, 1024 * 32, 1024 * 32), err);
}

// MultiReader returns a Reader that's the logical concatenation of the
// provided input readers.  They're read sequentially.
static Reader MultiReader(readers rs) {
  readers r = readers_make(heap, rs.len, rs.len);
  readers_copy(r, rs);
  multiReader *mr = sg_arena_alloc(heap, sizeof *mr);
  mr->readers = r;
  return (Reader){mr, &multiReaderMethods};
}

typedef struct multiWriter {
  writers writers;
} multiWriter;

static ptrdiff_t multiWriter_Write(void *self, bytes p, error *err) {
  multiWriter *t = self;
  ptrdiff_t n = 0;
  *err = NULL;
  for (ptrdiff_t i = 0; i < t->writers.len; i++) {
    Writer w = writers_get(t->writers, i);
    n = WRITE(w, p, err);
    if (*err != NULL)
      return n;
    if (n != p.len) {
      *err = ErrShortWrite;
      return n;
    }
  }
  return p.len;
}

static ptrdiff_t multiWriter_WriteString(void *self, sg_str s, error *err) {
  multiWriter *t = self;
  bytes p = {0}; // lazily initialized if/when needed
  ptrdiff_t n = 0;
  *err = NULL;
  for (ptrdiff_t i = 0; i < t->writers.len; i++) {
    Writer w = writers_get(t->writers, i);
    if (w.m->WriteString != NULL) {
      n = w.m->WriteString(w.self, s, err);
    } else {
      if (p.ptr == NULL)
        p = bytes_of(s);
      n = WRITE(w, p, err);
    }
    if (*err != NULL)
      return n;
    if (n != s.len) {
      *err = ErrShortWrite;
      return n;
    }
  }
  return s.len;
}

static const WriterMethods multiWriterMethods = {multiWriter_Write,
                                                 multiWriter_WriteString, NULL};

// MultiWriter creates a writer that duplicates its writes to all the
// provided writers, similar to the Unix tee(1) command.
static Writer MultiWriter(writers ws) {
  writers allWriters = writers_make(heap, 0, ws.len);
  for (ptrdiff_t i = 0; i < ws.len; i++) {
    Writer w = writers_get(ws, i);
    if (w.m == &multiWriterMethods)
      allWriters =
          writers_extend(heap, allWriters, ((multiWriter *)w.self)->writers);
    else
      allWriters = writers_append(heap, allWriters, w);
  }
  multiWriter *mw = sg_arena_alloc(heap, sizeof *mw);
  mw->writers = allWriters;
  return (Writer){mw, &multiWriterMethods};
}

/* ---- the program ------------------------------------------------------- */

// src hands out its string at most step bytes per Read.
typedef struct src {
  sg_str s;
  ptrdiff_t step;
} src;

static ptrdiff_t src_Read(void *self, bytes p, error *err) {
  src *r = self;
  *err = NULL;
  if (r->s.len == 0) {
    *err = io_EOF;
    return 0;
  }
  ptrdiff_t n = r->step;
  if (n > p.len)
    n = p.len;
  if (n > r->s.len)
    n = r->s.len;
  bytes_copy(p, bytes_view(sg_str_slice(r->s, 0, n)));
  r->s = sg_str_slice(r->s, n, r->s.len);
  return n;
}

static const ReaderMethods srcMethods = {src_Read, NULL};

static Reader newSrc(sg_str s, ptrdiff_t step) {
  src *r = sg_arena_alloc(heap, sizeof *r);
  r->s = s;
  r->step = step;
  return (Reader){r, &srcMethods};
}

// sink keeps what is written; limit > 0 makes writes short.
typedef struct sink {
  bytes got;
  int writes;
  ptrdiff_t limit;
} sink;

static ptrdiff_t sink_Write(void *self, bytes p, error *err) {
  sink *w = self;
  *err = NULL;
  w->writes++;
  if (w->limit > 0 && p.len > w->limit) {
    w->got = bytes_extend(heap, w->got, bytes_slice(p, 0, w->limit));
    return w->limit;
  }
  w->got = bytes_extend(heap, w->got, p);
  return p.len;
}

// ssink is a sink that also has WriteString.
static ptrdiff_t ssink_WriteString(void *self, sg_str s, error *err) {
  sink *w = self;
  *err = NULL;
  w->writes += 100;
  w->got = bytes_extend(heap, w->got, bytes_view(s));
  return s.len;
}

// rfsink is a sink that also has ReadFrom (reads in 5-byte pieces).
static int64_t rfsink_ReadFrom(void *self, Reader r, error *err) {
  sink *w = self;
  unsigned char buf[5];
  int64_t total = 0;
  for (;;) {
    ptrdiff_t n = READ(r, ((bytes){buf, 5, 5}), err);
    w->got = bytes_extend(heap, w->got, ((bytes){buf, n, 5}));
    total += n;
    if (*err == io_EOF) {
      *err = NULL;
      return total;
    }
    if (*err != NULL)
      return total;
  }
}

static const WriterMethods sinkMethods = {sink_Write, NULL, NULL};
static const WriterMethods ssinkMethods = {sink_Write, ssink_WriteString, NULL};
static const WriterMethods rfsinkMethods = {sink_Write, NULL, rfsink_ReadFrom};

static Writer asWriter(sink *w, const WriterMethods *m) {
  return (Writer){w, m};
}

static const char errBoom[] = "boom";

typedef struct failing {
  ptrdiff_t after;
} failing;

static ptrdiff_t failing_Read(void *self, bytes p, error *err) {
  failing *f = self;
  *err = NULL;
  if (f->after == 0) {
    *err = errBoom;
    return 0;
  }
  ptrdiff_t n = f->after;
  if (n > p.len)
    n = p.len;
  for (ptrdiff_t i = 0; i < n; i++)
    bytes_set(p, i, 'F');
  f->after -= n;
  return n;
}

static const ReaderMethods failingMethods = {failing_Read, NULL};

static const char *errstr(error e) { return e ? e : "<nil>"; }

static void show(const char *tag, sink *w, int64_t n, error err) {
  printf("%s: n=%lld err=%s writes=%d [%.*s]\n", tag, (long long)n, errstr(err),
         w->writes, (int)w->got.len, (const char *)w->got.ptr);
}

/* MultiReader(r...) / MultiWriter(w...) from a C array. */
static Reader multiR(int n, const Reader *rs) {
  return MultiReader(readers_append_n(heap, (readers){0}, rs, n));
}
static Writer multiW(int n, const Writer *ws) {
  return MultiWriter(writers_append_n(heap, (writers){0}, ws, n));
}

static void reading(void) {
  // MultiReader: read in small pieces across reader boundaries.
  Reader parts[] = {newSrc(SG_STR("hello "), 4), newSrc(SG_STR(""), 1),
                    newSrc(SG_STR("multi "), 2), newSrc(SG_STR("reader"), 10)};
  Reader mr = multiR(4, parts);
  bytes buf = bytes_make(heap, 5, 5);
  error err;
  for (;;) {
    ptrdiff_t n = READ(mr, buf, &err);
    printf("read %d [%.*s] %s\n", (int)n, (int)n, (const char *)buf.ptr,
           errstr(err));
    if (err != NULL)
      break;
  }
  ptrdiff_t n = READ(mr, buf, &err);
  printf("after EOF: %d %s\n", (int)n, errstr(err));

  // Nested MultiReaders flatten; ReadFull across all of them.
  Reader in[] = {newSrc(SG_STR("abc"), 1), newSrc(SG_STR("def"), 2)};
  Reader inner = multiR(2, in);
  Reader outer = multiR(1, &inner);
  Reader ns[] = {newSrc(SG_STR("<"), 1), outer, newSrc(SG_STR(">"), 1)};
  Reader nested = multiR(3, ns);
  bytes full = bytes_make(heap, 8, 8);
  ptrdiff_t k = ReadFull(nested, full, &err);
  printf("readfull %d [%.*s] %s\n", (int)k, (int)k, (const char *)full.ptr,
         errstr(err));
  k = ReadFull(nested, full, &err);
  printf("readfull again %d [%.*s] %s\n", (int)k, (int)k,
         (const char *)full.ptr, errstr(err));
  Reader xy = newSrc(SG_STR("xy"), 1);
  k = ReadFull(multiR(1, &xy), full, &err);
  printf("readfull short %d [%.*s] %s\n", (int)k, (int)k,
         (const char *)full.ptr, errstr(err));
  k = ReadAtLeast(newSrc(SG_STR("xyz"), 1), bytes_slice(full, 0, 2), 3, &err);
  printf("readatleast small buffer %d %s\n", (int)k, errstr(err));
}

static void copying(void) {
  // Copy from a MultiReader uses its WriteTo; from a plain reader, the
  // buffer loop; into a ReaderFrom, its ReadFrom.
  error err;
  sink w = {{0}, 0, 0};
  Reader two = newSrc(SG_STR("two,"), 1);
  Reader cm[] = {newSrc(SG_STR("one,"), 3), multiR(1, &two),
                 newSrc(SG_STR("three"), 2)};
  int64_t c = Copy(asWriter(&w, &sinkMethods), multiR(3, cm), &err);
  show("copy multi", &w, c, err);
  w = (sink){{0}, 0, 0};
  c = CopyBuffer(asWriter(&w, &sinkMethods),
                 newSrc(SG_STR("buffered copy of a longer text"), 64),
                 bytes_make(heap, 7, 7), &err);
  show("copybuffer", &w, c, err);
  sink rf = {{0}, 0, 0};
  c = Copy(asWriter(&rf, &rfsinkMethods),
           newSrc(SG_STR("into a reader-from"), 3), &err);
  show("copy readerfrom", &rf, c, err);
  w = (sink){{0}, 0, 0};
  c = CopyN(asWriter(&w, &sinkMethods), newSrc(SG_STR("0123456789"), 4), 6,
            &err);
  show("copyn 6", &w, c, err);
  w = (sink){{0}, 0, 0};
  c = CopyN(asWriter(&w, &sinkMethods), newSrc(SG_STR("0123"), 4), 6, &err);
  show("copyn short", &w, c, err);
  w = (sink){{0}, 0, 0};
  c = Copy(asWriter(&w, &sinkMethods),
           LimitReader(newSrc(SG_STR("limited reader text"), 5), 11), &err);
  show("limit", &w, c, err);
  w = (sink){{0}, 0, 3};
  c = Copy(asWriter(&w, &sinkMethods), newSrc(SG_STR("short writes"), 8), &err);
  show("short write", &w, c, err);
  w = (sink){{0}, 0, 0};
  failing *f = sg_arena_alloc(heap, sizeof *f);
  f->after = 4;
  Reader fr[] = {newSrc(SG_STR("ok "), 3), (Reader){f, &failingMethods},
                 newSrc(SG_STR("never"), 1)};
  c = Copy(asWriter(&w, &sinkMethods), multiR(3, fr), &err);
  show("failing", &w, c, err);
}

static void writing(void) {
  // MultiWriter: nested ones flatten; WriteString uses a writer's own
  // WriteString when it has one and converts once otherwise.
  error err;
  sink w1 = {{0}, 0, 0}, w2 = {{0}, 0, 0}, w3 = {{0}, 0, 0};
  Writer in[] = {asWriter(&w2, &ssinkMethods), asWriter(&w3, &sinkMethods)};
  Writer ws[] = {asWriter(&w1, &sinkMethods), multiW(2, in)};
  Writer mw = multiW(2, ws);
  WRITE(mw, bytes_of(SG_STR("fmt ")), &err); /* fmt.Fprint: one Write */
  WriteString(mw, SG_STR("string "), &err);
  WRITE(mw, bytes_of(SG_STR("bytes")), &err);
  show("w1", &w1, 0, NULL);
  show("w2", &w2, 0, NULL);
  show("w3", &w3, 0, NULL);
  sink a = {{0}, 0, 0}, shortw = {{0}, 0, 2}, b = {{0}, 0, 0};
  Writer ws2[] = {asWriter(&a, &sinkMethods), asWriter(&shortw, &sinkMethods),
                  asWriter(&b, &sinkMethods)};
  Writer mw2 = multiW(3, ws2);
  ptrdiff_t k = WRITE(mw2, bytes_of(SG_STR("abcdef")), &err);
  printf("multi short %d %s\n", (int)k, errstr(err));
  k = WriteString(mw2, SG_STR("xyz"), &err);
  printf("multi short string %d %s\n", (int)k, errstr(err));

  // TeeReader copies what is read.
  sink tee = {{0}, 0, 0};
  Reader tr = TeeReader(newSrc(SG_STR("tee reader data"), 4),
                        asWriter(&tee, &sinkMethods));
  bytes all = ReadAll(tr, &err);
  printf("tee: read [%.*s] %s, copied [%.*s] in %d writes\n", (int)all.len,
         (const char *)all.ptr, errstr(err), (int)tee.got.len,
         (const char *)tee.got.ptr, tee.writes);
  bytes big = bytes_make(heap, 0, 10);
  for (int i = 0; i < 3000; i++)
    big = bytes_append(heap, big, (unsigned char)('a' + i % 26));
  sg_str bigs = sg_str_make((const char *)big.ptr, big.len);
  Reader halves[] = {newSrc(sg_str_slice(bigs, 0, 1000), 333),
                     newSrc(sg_str_slice(bigs, 1000, bigs.len), 1000)};
  all = ReadAll(multiR(2, halves), &err);
  printf("readall %d bytes, cap %d, equal %s %s\n", (int)all.len, (int)all.cap,
         all.len == big.len && memcmp(all.ptr, big.ptr, (size_t)big.len) == 0
             ? "true"
             : "false",
         errstr(err));
}

int main(void) {
  heap = sg_arena_new();
  reading();
  copying();
  writing();
  sg_arena_free(heap);
  return 0;
}
