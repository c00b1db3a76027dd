// A port of encoding/csv's Writer (Go 1.19, src/encoding/csv/writer.go:
// Write, fieldNeedsQuotes, Flush, Error, WriteAll) and of the bufio.Writer
// it writes through (src/bufio/bufio.go: NewWriterSize, which hands back
// a big enough *Writer unchanged, Flush sliding unwritten bytes down
// after a short write, Available, Buffered, Write, WriteByte, WriteRune,
// WriteString with its StringWriter shortcut).  The Go original of main
// is csvwriter.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/csvwriter.go > %t.go.out
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

#define SG_SLICE records
#define SG_ELEM strs
#include <sliceguard/slice.h>

typedef int32_t rune;
typedef const char *error; /* NULL is nil; compared by address */

static sg_arena *heap;

static const char ErrShortWrite[] = "short write";

static bytes bytes_view(sg_str s) {
  bytes b = {(char *)s.ptr, s.len, s.len};
  return b;
}

/* ---- unicode/utf8, unicode --------------------------------------------- */

enum { RuneError = 0xFFFD, RuneSelf = 0x80, UTFMax = 4, MaxRune = 0x10FFFF };

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
  int need = c0 >= 0xC2 && c0 <= 0xDF   ? 2
             : c0 >= 0xE0 && c0 <= 0xEF ? 3
             : c0 >= 0xF0 && c0 <= 0xF4 ? 4
                                        : 0;
  if (need == 0 || s.len < need) {
    *size = 1;
    return RuneError;
  }
  unsigned lo = c0 == 0xE0 ? 0xA0 : c0 == 0xF0 ? 0x90 : 0x80;
  unsigned hi = c0 == 0xED ? 0x9F : c0 == 0xF4 ? 0x8F : 0xBF;
  rune r = (rune)(c0 & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07));
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

static ptrdiff_t EncodeRune(bytes p, rune r) {
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
  if (i > MaxRune || (0xD800 <= i && i <= 0xDFFF))
    r = RuneError;
  if ((uint32_t)r <= 0xFFFF) {
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

static bool ValidRune(rune r) {
  return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune);
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

/* ---- io ---------------------------------------------------------------- */

typedef struct Writer_io {
  void *self;
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
  ptrdiff_t (*WriteString)(void *self, sg_str s, error *err); /* optional */
  int isBufio; /* the writer is a *bufio.Writer (for NewWriterSize) */
} Writer_io;

/* ---- bufio.Writer ------------------------------------------------------ */

enum { defaultBufSize = 4096 };

// Writer implements buffering for an io.Writer object.  If an error
// occurs writing to a Writer, no more data will be accepted and all
// subsequent writes, and Flush, will return the error.
typedef struct bufioWriter {
  error err;
  bytes buf;
  ptrdiff_t n;
  Writer_io wr;
} bufioWriter;

static Writer_io bufioWriter_io(bufioWriter *b);

// NewWriterSize returns a new Writer whose buffer has at least the
// specified size.  If the argument io.Writer is already a Writer with
// large enough size, it returns the underlying Writer.
static bufioWriter *NewWriterSize(Writer_io w, ptrdiff_t size) {
  // Is it already a Writer?
  if (w.isBufio) {
    bufioWriter *b = w.self;
    if (b->buf.len >= size)
      return b;
  }
  if (size <= 0)
    size = defaultBufSize;
  bufioWriter *b = sg_arena_alloc(heap, sizeof *b);
  b->buf = bytes_make(heap, size, size);
  b->wr = w;
  return b;
}

// Flush writes any buffered data to the underlying io.Writer.
static error bufioWriter_Flush(bufioWriter *b) {
  if (b->err != NULL)
    return b->err;
  if (b->n == 0)
    return NULL;
  error err;
  ptrdiff_t n = b->wr.Write(b->wr.self, bytes_slice(b->buf, 0, b->n), &err);
  if (n < b->n && err == NULL)
    err = ErrShortWrite;
  if (err != NULL) {
    if (n > 0 && n < b->n)
      bytes_copy(bytes_slice(b->buf, 0, b->n - n),
                 bytes_slice(b->buf, n, b->n));
    b->n -= n;
    b->err = err;
    return err;
  }
  b->n = 0;
  return NULL;
}

// Available returns how many bytes are unused in the buffer.
static ptrdiff_t bufioWriter_Available(bufioWriter *b) {
  return b->buf.len - b->n;
}

// Buffered returns the number of bytes that have been written into the
// current buffer.
static ptrdiff_t bufioWriter_Buffered(bufioWriter *b) { return b->n; }

// Write writes the contents of p into the buffer.  It returns the number
// of bytes written.  If nn < len(p), it also returns an error explaining
// why the write is short.
static ptrdiff_t bufioWriter_Write(bufioWriter *b, bytes p, error *err) {
  ptrdiff_t nn = 0;
  while (p.len > bufioWriter_Available(b) && b->err == NULL) {
    ptrdiff_t n;
    if (bufioWriter_Buffered(b) == 0) {
      // Large write, empty buffer.  Write directly from p to avoid copy.
      n = b->wr.Write(b->wr.self, p, &b->err);
    } else {
      n = bytes_copy(bytes_slice(b->buf, b->n, b->buf.len), p);
      b->n += n;
      bufioWriter_Flush(b);
    }
    nn += n;
    p = bytes_slice(p, n, p.len);
  }
  if (b->err != NULL) {
    *err = b->err;
    return nn;
  }
  ptrdiff_t n = bytes_copy(bytes_slice(b->buf, b->n, b->buf.len), p);
  b->n += n;
  nn += n;
  *err = NULL;
  return nn;
}

// WriteByte writes a single byte.
static error bufioWriter_WriteByte(bufioWriter *b, char c) {
  if (b->err != NULL)
    return b->err;
  if (bufioWriter_Available(b) <= 0 && bufioWriter_Flush(b) != NULL)
    return b->err;
  bytes_set(b->buf, b->n, c);
  b->n++;
  return NULL;
}

static ptrdiff_t bufioWriter_WriteString(bufioWriter *b, sg_str s, error *err);

// WriteRune writes a single Unicode code point, returning the number of
// bytes written and any error.
static ptrdiff_t bufioWriter_WriteRune(bufioWriter *b, rune r, error *err) {
  *err = NULL;
  // Compare as uint32 to correctly handle negative runes.
  if ((uint32_t)r < RuneSelf) {
    *err = bufioWriter_WriteByte(b, (char)r);
    if (*err != NULL)
      return 0;
    return 1;
  }
  if (b->err != NULL) {
    *err = b->err;
    return 0;
  }
  ptrdiff_t n = bufioWriter_Available(b);
  if (n < UTFMax) {
    bufioWriter_Flush(b);
    if (b->err != NULL) {
      *err = b->err;
      return 0;
    }
    n = bufioWriter_Available(b);
    if (n < UTFMax) {
      // Can only happen if buffer is silly small.
      char tmp[UTFMax];
      ptrdiff_t w = EncodeRune((bytes){tmp, UTFMax, UTFMax}, r);
      return bufioWriter_WriteString(b, sg_str_make(tmp, w), err);
    }
  }
  ptrdiff_t size = EncodeRune(bytes_slice(b->buf, b->n, b->buf.len), r);
  b->n += size;
  return size;
}

// WriteString writes a string.  It returns the number of bytes written.
// If the count is less than len(s), it also returns an error explaining
// why the write is short.
static ptrdiff_t bufioWriter_WriteString(bufioWriter *b, sg_str s, error *err) {
  bool haveSW = false; /* sw != nil */
  bool tryStringWriter = true;

  ptrdiff_t nn = 0;
  while (s.len > bufioWriter_Available(b) && b->err == NULL) {
    ptrdiff_t n;
    if (bufioWriter_Buffered(b) == 0 && !haveSW && tryStringWriter) {
      // Check at most once whether b.wr is a StringWriter.
      tryStringWriter = b->wr.WriteString != NULL;
      haveSW = tryStringWriter;
    }
    if (bufioWriter_Buffered(b) == 0 && tryStringWriter) {
      // Large write, empty buffer, and the underlying writer supports
      // WriteString: forward the write to the underlying StringWriter.
      // This avoids an extra copy.
      n = b->wr.WriteString(b->wr.self, s, &b->err);
    } else {
      n = bytes_copy(bytes_slice(b->buf, b->n, b->buf.len), bytes_view(s));
      b->n += n;
      bufioWriter_Flush(b);
    }
    nn += n;
    s = sg_str_slice(s, n, s.len);
  }
  if (b->err != NULL) {
    *err = b->err;
    return nn;
  }
  ptrdiff_t n =
      bytes_copy(bytes_slice(b->buf, b->n, b->buf.len), bytes_view(s));
  b->n += n;
  nn += n;
  *err = NULL;
  return nn;
}

static ptrdiff_t bw_Write(void *self, bytes p, error *err) {
  return bufioWriter_Write(self, p, err);
}
static ptrdiff_t bw_WriteString(void *self, sg_str s, error *err) {
  return bufioWriter_WriteString(self, s, err);
}
static Writer_io bufioWriter_io(bufioWriter *b) {
  return (Writer_io){b, bw_Write, bw_WriteString, 1};
}

/* ---- encoding/csv.Writer ----------------------------------------------- */

static const char errInvalidDelim[] = "csv: invalid field or comment delimiter";

static bool validDelim(rune r) {
  return r != 0 && r != '"' && r != '\r' && r != '\n' && ValidRune(r) &&
         r != RuneError;
}

// A Writer writes records using CSV encoding.
typedef struct Writer {
  rune Comma;   // Field delimiter (set to ',' by NewWriter)
  bool UseCRLF; // True to use \r\n as the line terminator
  bufioWriter *w;
} Writer;

// NewWriter returns a new Writer that writes to w.
static Writer *NewWriter(Writer_io w) {
  Writer *cw = sg_arena_alloc(heap, sizeof *cw);
  cw->Comma = ',';
  cw->w = NewWriterSize(w, defaultBufSize); /* bufio.NewWriter */
  return cw;
}

static bool containsRune(sg_str s, rune r) {
  for (ptrdiff_t i = 0; i < s.len;) {
    ptrdiff_t size;
    if (DecodeRuneInString(sg_str_slice(s, i, s.len), &size) == r)
      return true;
    i += size;
  }
  return false;
}

/* strings.IndexAny(field, "\"\r\n") */
static ptrdiff_t indexQuoteCRLF(sg_str s) {
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == '"' || s.ptr[i] == '\r' || s.ptr[i] == '\n')
      return i;
  return -1;
}

// fieldNeedsQuotes reports whether our field must be enclosed in quotes.
// Fields with a Comma, fields with a quote or newline, and fields which
// start with a space must be enclosed in quotes.
static bool Writer_fieldNeedsQuotes(Writer *w, sg_str field) {
  if (field.len == 0)
    return false;

  if (sg_str_eq(field, SG_STR("\\.")))
    return true;

  if (w->Comma < RuneSelf) {
    for (ptrdiff_t i = 0; i < field.len; i++) {
      char c = field.ptr[i];
      if (c == '\n' || c == '\r' || c == '"' || c == (char)w->Comma)
        return true;
    }
  } else {
    if (containsRune(field, w->Comma) || indexQuoteCRLF(field) >= 0)
      return true;
  }

  ptrdiff_t size;
  rune r1 = DecodeRuneInString(field, &size);
  return IsSpace(r1);
}

// Write writes a single CSV record to w along with any necessary quoting.
// A record is a slice of strings with each string being one field.
// Writes are buffered, so Flush must eventually be called to ensure that
// the record is written to the underlying io.Writer.
static error Writer_Write(Writer *w, strs record) {
  if (!validDelim(w->Comma))
    return errInvalidDelim;

  error err;
  for (ptrdiff_t n = 0; n < record.len; n++) {
    sg_str field = strs_get(record, n);
    if (n > 0) {
      bufioWriter_WriteRune(w->w, w->Comma, &err);
      if (err != NULL)
        return err;
    }

    // If we don't have to have a quoted field then just write out the
    // field and continue to the next field.
    if (!Writer_fieldNeedsQuotes(w, field)) {
      bufioWriter_WriteString(w->w, field, &err);
      if (err != NULL)
        return err;
      continue;
    }

    if ((err = bufioWriter_WriteByte(w->w, '"')) != NULL)
      return err;
    while (field.len > 0) {
      // Search for special characters.
      ptrdiff_t i = indexQuoteCRLF(field);
      if (i < 0)
        i = field.len;

      // Copy verbatim everything before the special character.
      bufioWriter_WriteString(w->w, sg_str_slice(field, 0, i), &err);
      if (err != NULL)
        return err;
      field = sg_str_slice(field, i, field.len);

      // Encode the special character.
      if (field.len > 0) {
        err = NULL;
        switch (field.ptr[0]) {
        case '"':
          bufioWriter_WriteString(w->w, SG_STR("\"\""), &err);
          break;
        case '\r':
          if (!w->UseCRLF)
            err = bufioWriter_WriteByte(w->w, '\r');
          break;
        case '\n':
          if (w->UseCRLF)
            bufioWriter_WriteString(w->w, SG_STR("\r\n"), &err);
          else
            err = bufioWriter_WriteByte(w->w, '\n');
          break;
        }
        field = sg_str_slice(field, 1, field.len);
        if (err != NULL)
          return err;
      }
    }
    if ((err = bufioWriter_WriteByte(w->w, '"')) != NULL)
      return err;
  }
  if (w->UseCRLF)
    bufioWriter_WriteString(w->w, SG_STR("\r\n"), &err);
  else
    err = bufioWriter_WriteByte(w->w, '\n');
  return err;
}

// Flush writes any buffered data to the underlying io.Writer.
static void Writer_Flush(Writer *w) { bufioWriter_Flush(w->w); }

// Error reports any error that has occurred during a previous Write or
// Flush.
static error Writer_Error(Writer *w) {
  error err;
  bufioWriter_Write(w->w, (bytes){0}, &err);
  return err;
}

// WriteAll writes multiple CSV records to w using Write and then calls
// Flush, returning any error from the Flush.
static error Writer_WriteAll(Writer *w, records recs) {
  for (ptrdiff_t i = 0; i < recs.len; i++) {
    error err = Writer_Write(w, records_get(recs, i));
    if (err != NULL)
      return err;
  }
  return bufioWriter_Flush(w->w);
}

/* ---- the program ------------------------------------------------------- */

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
static Writer_io builder_io(Builder *b) {
  return (Writer_io){b, Builder_Write, Builder_WriteString, 0};
}

// chunky accepts at most limit bytes per Write and fails after budget
// bytes in total (budget < 0: never).
typedef struct chunky {
  bytes got;
  int writes;
  ptrdiff_t limit;
  ptrdiff_t budget;
} chunky;

static ptrdiff_t chunky_Write(void *self, bytes p, error *err) {
  chunky *c = self;
  *err = NULL;
  c->writes++;
  ptrdiff_t n = p.len;
  if (c->limit > 0 && n > c->limit)
    n = c->limit;
  if (c->budget >= 0) {
    if (n > c->budget) {
      n = c->budget;
      c->got = bytes_extend(heap, c->got, bytes_slice(p, 0, n));
      c->budget = 0;
      *err = "device full";
      return n;
    }
    c->budget -= n;
  }
  c->got = bytes_extend(heap, c->got, bytes_slice(p, 0, n));
  return n;
}

static const char *errstr(error e) { return e ? e : "<nil>"; }

/* %q: escapes for quote, backslash and control bytes; UTF-8 as is. */
static void printQuoted(bytes b) {
  putchar('"');
  for (ptrdiff_t i = 0; i < b.len; i++) {
    unsigned char c = (unsigned char)bytes_get(b, i);
    if (c == '\n')
      fputs("\\n", stdout);
    else if (c == '\r')
      fputs("\\r", stdout);
    else if (c == '\t')
      fputs("\\t", stdout);
    else if (c == '"' || c == '\\')
      printf("\\%c", c);
    else if (c < 0x20 || c == 0x7f)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
  putchar('"');
}

static strs rec(int n, const char *const *fields) {
  strs r = {0};
  for (int i = 0; i < n; i++)
    r = strs_append(heap, r, sg_str_from(fields[i]));
  return r;
}
#define REC(...)                                                               \
  rec((int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *)),      \
      (const char *const[]){__VA_ARGS__})

static records sampleRecords(void) {
  records rs = {0};
  rs = records_append(heap, rs, REC("first_name", "last_name", "username"));
  rs = records_append(heap, rs, REC("Rob", "Pike", "rob"));
  rs = records_append(heap, rs, REC("Ken", "Thompson", "ken"));
  rs = records_append(heap, rs, REC("Robert", "Griesemer", "gri"));
  rs = records_append(heap, rs,
                      REC("with,comma", "with \"quote\"", "multi\nline"));
  rs = records_append(heap, rs, REC("", " leading space", "\\."));
  rs = records_append(heap, rs, REC("cr\rhere", "tab\tinside", "caf\u00e9"));
  rs = records_append(heap, rs, (strs){0});
  rs = records_append(heap, rs, REC("single"));
  return rs;
}

static void csvWriting(void) {
  records rs = sampleRecords();
  Builder b = {{0}};
  Writer *w = NewWriter(builder_io(&b));
  for (ptrdiff_t i = 0; i < rs.len; i++) {
    error err = Writer_Write(w, records_get(rs, i));
    if (err != NULL)
      printf("write error: %s\n", err);
  }
  Writer_Flush(w);
  printf("default err=%s\n%.*s", errstr(Writer_Error(w)), (int)b.buf.len,
         b.buf.ptr);

  b.buf = (bytes){0};
  w = NewWriter(builder_io(&b));
  w->Comma = ';';
  w->UseCRLF = true;
  error err = Writer_WriteAll(w, records_slice(rs, 3, 7));
  printf("semicolon crlf err=%s\n", errstr(err));
  printQuoted(b.buf);
  printf("\n");

  b.buf = (bytes){0};
  w = NewWriter(builder_io(&b));
  w->Comma = 0xA7;
  Writer_Write(w, REC("a\u00a7b", "c", "d\u00e9"));
  Writer_Flush(w);
  printf("section: ");
  printQuoted(b.buf);
  printf("\n");
  w->Comma = '"';
  printf("bad comma: %s\n", errstr(Writer_Write(w, REC("x"))));
}

static void chunkyWriting(void) {
  // A small bufio.Writer in front of a writer that takes 7 bytes at a
  // time: the csv.Writer's own 4096-byte buffer wraps it.
  chunky c = {{0}, 0, 7, -1};
  bufioWriter *small =
      NewWriterSize((Writer_io){&c, chunky_Write, NULL, 0}, 16);
  Writer *w = NewWriter(bufioWriter_io(small));
  records big = {0};
  for (int i = 0; i < 200; i++) {
    char num[16], q[32], x[32];
    int nn = snprintf(num, sizeof num, "%d", i);
    int qn = snprintf(q, sizeof q, "q\"%d", i * i);
    int xn = snprintf(x, sizeof x, "%.*s", i % 23, "xxxxxxxxxxxxxxxxxxxxxxx");
    strs r = {0};
    r = strs_append(
        heap, r, sg_str_make(bytes_clone(heap, (bytes){num, nn, nn}).ptr, nn));
    r = strs_append(heap, r,
                    sg_str_make(bytes_clone(heap, (bytes){x, xn, xn}).ptr, xn));
    r = strs_append(heap, r,
                    sg_str_make(bytes_clone(heap, (bytes){q, qn, qn}).ptr, qn));
    big = records_append(heap, big, r);
  }
  error err = Writer_WriteAll(w, big);
  bufioWriter_Flush(small);
  printf("chunky: err=%s writes=%d bytes=%d avail=%d buffered=%d tail=",
         errstr(err), c.writes, (int)c.got.len,
         (int)bufioWriter_Available(small), (int)bufioWriter_Buffered(small));
  printQuoted(bytes_slice(c.got, c.got.len - 20, c.got.len));
  printf("\n");

  // Direct bufio.Writer use, including runes and a failing device.
  chunky d = {{0}, 0, 0, 50};
  bufioWriter *bw = NewWriterSize((Writer_io){&d, chunky_Write, NULL, 0}, 16);
  for (int i = 0; i < 10; i++) {
    char line[16];
    int n = snprintf(line, sizeof line, "line %d;", i);
    bufioWriter_Write(bw, (bytes){line, n, n}, &err); /* fmt.Fprintf */
    bufioWriter_WriteRune(bw, 0x4e16, &err);
    bufioWriter_WriteByte(bw, '|');
  }
  error ferr = bufioWriter_Flush(bw);
  printf("device: flush=%s writes=%d got=", errstr(ferr), d.writes);
  printQuoted(d.got);
  printf(" buffered=%d\n", (int)bufioWriter_Buffered(bw));
  bufioWriter_WriteString(bw, SG_STR("more"), &err);
  error e2 = bufioWriter_WriteByte(bw, 'x');
  error e3 = bufioWriter_Flush(bw);
  printf("after failure: %s %s %s\n", errstr(err), errstr(e2), errstr(e3));
  bufioWriter *same = NewWriterSize(bufioWriter_io(bw), 8);
  printf("same writer reused: %s\n", same == bw ? "true" : "false");
}

int main(void) {
  heap = sg_arena_new();
  csvWriting();
  chunkyWriting();
  sg_arena_free(heap);
  return 0;
}
