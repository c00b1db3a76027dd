// A port of encoding/csv's Reader (Go 1.19, src/encoding/csv/reader.go):
// readLine over a bufio.Reader (with its rawBuffer for lines longer than
// the buffer), readRecord's field parsing into one recordBuffer with
// fieldIndexes and fieldPositions, quotes, LazyQuotes, TrimLeadingSpace,
// comments, FieldsPerRecord, ReuseRecord, ParseError; plus the
// bufio.Reader (NewReaderSize, fill, ReadSlice) of src/bufio/bufio.go,
// strings.Reader, and the bytes/unicode/utf8 functions they call.  The Go
// original of main is csv.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/csv.go > %t.go.out
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

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_SLICE records
#define SG_ELEM strs
#include <sliceguard/slice.h>

typedef int32_t rune;

static bytes bytes_view(sg_str s) {
  bytes b = {(unsigned char *)s.ptr, s.len, s.len};
  return b;
}

/* string(b): a copy. */
static sg_str string_of(sg_arena *ar, bytes b) {
  bytes c = bytes_clone(ar, b);
  return sg_str_make((const char *)c.ptr, c.len);
}

/* ---- errors ------------------------------------------------------------ */

typedef struct ParseError ParseError;

/* An error value: a sentinel (text) or a *ParseError. */
typedef struct Error {
  const char *text;
  ParseError *parse;
} Error;
typedef const Error *error; /* NULL is nil; compared by address */

static const Error EOF_ = {"EOF", NULL};
static const Error ErrNoProgress_ = {
    "multiple Read calls return no data or error", NULL};
static const Error ErrBufferFull_ = {"bufio: buffer full", NULL};
#define io_EOF (&EOF_)
#define ErrBufferFull (&ErrBufferFull_)

// These are the errors that can be returned in ParseError.Err.
static const Error ErrBareQuote_ = {"bare \" in non-quoted-field", NULL};
static const Error ErrQuote_ = {"extraneous or missing \" in quoted-field",
                                NULL};
static const Error ErrFieldCount_ = {"wrong number of fields", NULL};
static const Error errInvalidDelim_ = {
    "csv: invalid field or comment delimiter", NULL};
#define ErrBareQuote (&ErrBareQuote_)
#define ErrQuote (&ErrQuote_)
#define ErrFieldCount (&ErrFieldCount_)
#define errInvalidDelim (&errInvalidDelim_)

// A ParseError is returned for parsing errors.  Line numbers are 1-indexed
// and columns are 0-indexed.
struct ParseError {
  Error base;
  ptrdiff_t StartLine; // Line where the record starts
  ptrdiff_t Line;      // Line where the error occurred
  ptrdiff_t Column;    // Column (1-based byte index) where the error occurred
  error Err;           // The actual error
};

static error newParseError(sg_arena *ar, ptrdiff_t startLine, ptrdiff_t line,
                           ptrdiff_t column, error err) {
  ParseError *e = sg_arena_alloc(ar, sizeof *e);
  e->base.parse = e;
  e->StartLine = startLine;
  e->Line = line;
  e->Column = column;
  e->Err = err;
  return &e->base;
}

/* err.Error(), formatted into buf. */
static const char *Error_text(error err, char *buf, size_t n) {
  if (err == NULL)
    return "<nil>";
  const ParseError *e = err->parse;
  if (e == NULL)
    return err->text;
  if (e->Err == ErrFieldCount)
    snprintf(buf, n, "record on line %ld: %s", (long)e->Line, e->Err->text);
  else if (e->StartLine != e->Line)
    snprintf(buf, n,
             "record on line %ld; parse error on line %ld, column %ld: %s",
             (long)e->StartLine, (long)e->Line, (long)e->Column, e->Err->text);
  else
    snprintf(buf, n, "parse error on line %ld, column %ld: %s", (long)e->Line,
             (long)e->Column, e->Err->text);
  return buf;
}

/* ---- unicode, unicode/utf8, bytes -------------------------------------- */

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

static bool ValidRune(rune r) {
  return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= MaxRune);
}

static ptrdiff_t RuneLen(rune r) {
  if (r < 0)
    return -1;
  if (r < 0x80)
    return 1;
  if (r < 0x800)
    return 2;
  if (0xD800 <= r && r <= 0xDFFF)
    return -1;
  if (r < 0x10000)
    return 3;
  if (r <= MaxRune)
    return 4;
  return -1;
}

static ptrdiff_t EncodeRune(unsigned char *p, rune r) {
  if (r < 0x80) {
    p[0] = (unsigned char)r;
    return 1;
  }
  if (r < 0x800) {
    p[0] = (unsigned char)(0xC0 | (r >> 6));
    p[1] = (unsigned char)(0x80 | (r & 0x3F));
    return 2;
  }
  if (r < 0x10000) {
    p[0] = (unsigned char)(0xE0 | (r >> 12));
    p[1] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
    p[2] = (unsigned char)(0x80 | (r & 0x3F));
    return 3;
  }
  p[0] = (unsigned char)(0xF0 | (r >> 18));
  p[1] = (unsigned char)(0x80 | ((r >> 12) & 0x3F));
  p[2] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
  p[3] = (unsigned char)(0x80 | (r & 0x3F));
  return 4;
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

static ptrdiff_t IndexByte(bytes b, unsigned char c) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    if (bytes_get(b, i) == c)
      return i;
  return -1;
}

static ptrdiff_t Index(bytes s, bytes sep) {
  for (ptrdiff_t i = 0; i + sep.len <= s.len; i++)
    if (memcmp(s.ptr + i, sep.ptr, (size_t)sep.len) == 0)
      return i;
  return -1;
}

// IndexRune interprets s as a sequence of UTF-8-encoded code points.  It
// returns the byte index of the first occurrence in s of the given rune.
static ptrdiff_t IndexRune(bytes s, rune r) {
  if (0 <= r && r < RuneSelf)
    return IndexByte(s, (unsigned char)r);
  if (r == RuneError) {
    for (ptrdiff_t i = 0; i < s.len;) {
      ptrdiff_t n;
      rune r1 = DecodeRune(bytes_slice(s, i, s.len), &n);
      if (r1 == RuneError)
        return i;
      i += n;
    }
    return -1;
  }
  if (!ValidRune(r))
    return -1;
  unsigned char b[UTFMax];
  ptrdiff_t n = EncodeRune(b, r);
  return Index(s, (bytes){b, n, UTFMax});
}

/* bytes.IndexFunc(s, f) for f = !unicode.IsSpace. */
static ptrdiff_t IndexNotSpace(bytes s) {
  for (ptrdiff_t start = 0; start < s.len;) {
    ptrdiff_t wid;
    rune r = DecodeRune(bytes_slice(s, start, s.len), &wid);
    if (!IsSpace(r))
      return start;
    start += wid;
  }
  return -1;
}

/* ---- io.Reader, strings.Reader ----------------------------------------- */

typedef struct Reader_io {
  void *self;
  ptrdiff_t (*Read)(void *self, bytes p, error *err);
} Reader_io;

typedef struct stringsReader {
  sg_str s;
  ptrdiff_t i; // current reading index
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

enum {
  defaultBufSize = 4096,
  minReadBufferSize = 16,
  maxConsecutiveEmptyReads = 100
};

typedef struct bufioReader {
  bytes buf;
  Reader_io rd;   // reader provided by the client
  ptrdiff_t r, w; // buf read and write positions
  error err;
  ptrdiff_t lastByte;     // last byte read for UnreadByte; -1 means invalid
  ptrdiff_t lastRuneSize; // size of last rune read for UnreadRune; -1 means
                          // invalid
} bufioReader;

static void bufioReader_reset(bufioReader *b, bytes buf, Reader_io r) {
  *b = (bufioReader){buf, r, 0, 0, NULL, -1, -1};
}

static bufioReader *NewReaderSize(sg_arena *ar, Reader_io rd, ptrdiff_t size) {
  if (size < minReadBufferSize)
    size = minReadBufferSize;
  bufioReader *r = sg_arena_alloc(ar, sizeof *r);
  bufioReader_reset(r, bytes_make(ar, size, size), rd);
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

  if (b->w >= b->buf.len) {
    fprintf(stderr, "panic: bufio: tried to fill full buffer\n");
    abort();
  }

  // Read new data: try a limited number of times.
  for (int i = maxConsecutiveEmptyReads; i > 0; i--) {
    error err;
    ptrdiff_t n =
        b->rd.Read(b->rd.self, bytes_slice(b->buf, b->w, b->buf.len), &err);
    if (n < 0) {
      fprintf(stderr, "panic: bufio: reader returned negative count\n");
      abort();
    }
    b->w += n;
    if (err != NULL) {
      b->err = err;
      return;
    }
    if (n > 0)
      return;
  }
  b->err = &ErrNoProgress_;
}

static error bufioReader_readErr(bufioReader *b) {
  error err = b->err;
  b->err = NULL;
  return err;
}

static ptrdiff_t bufioReader_Buffered(bufioReader *b) { return b->w - b->r; }

// ReadSlice reads until the first occurrence of delim in the input,
// returning a slice pointing at the bytes in the buffer.  The bytes stop
// being valid at the next read.
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

    s = b->w - b->r; // do not rescan area we scanned before

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

/* ---- encoding/csv ------------------------------------------------------ */

static bool validDelim(rune r) {
  return r != 0 && r != '"' && r != '\r' && r != '\n' && ValidRune(r) &&
         r != RuneError;
}

typedef struct position {
  ptrdiff_t line, col;
} position;

#define SG_SLICE positions
#define SG_ELEM position
#include <sliceguard/slice.h>

// A Reader reads records from a CSV-encoded file.
typedef struct Reader {
  // Comma is the field delimiter.
  rune Comma;
  // Comment, if not 0, is the comment character.  Lines beginning with the
  // Comment character without preceding whitespace are ignored.
  rune Comment;
  // FieldsPerRecord is the number of expected fields per record.
  ptrdiff_t FieldsPerRecord;
  // If LazyQuotes is true, a quote may appear in an unquoted field and a
  // non-doubled quote may appear in a quoted field.
  bool LazyQuotes;
  // If TrimLeadingSpace is true, leading white space in a field is ignored.
  bool TrimLeadingSpace;
  // ReuseRecord controls whether calls to Read may return a slice sharing
  // the backing array of the previous call's returned slice for
  // performance.
  bool ReuseRecord;

  sg_arena *ar;
  bufioReader *r;

  // numLine is the current line being read in the CSV file.
  ptrdiff_t numLine;
  // offset is the input stream byte offset of the current reader position.
  int64_t offset;
  // rawBuffer is a line buffer only used by the readLine method.
  bytes rawBuffer;
  // recordBuffer holds the unescaped fields, one after another.  The
  // fields can be accessed by using the indexes in fieldIndexes.
  bytes recordBuffer;
  // fieldIndexes is an index of fields inside recordBuffer.  The i'th
  // field ends at offset fieldIndexes[i] in recordBuffer.
  ints fieldIndexes;
  // fieldPositions is an index of field positions for the last record
  // returned by Read.
  positions fieldPositions;
  // lastRecord is a record cache and only used when ReuseRecord == true.
  strs lastRecord;
} Reader;

// NewReader returns a new Reader that reads from r.
static Reader *NewReader(sg_arena *ar, Reader_io r) {
  Reader *cr = sg_arena_alloc(ar, sizeof *cr);
  cr->Comma = ',';
  cr->ar = ar;
  cr->r = NewReaderSize(ar, r, defaultBufSize);
  return cr;
}

// FieldPos returns the line and column corresponding to the start of the
// field with the given index in the slice most recently returned by Read.
static void Reader_FieldPos(Reader *r, ptrdiff_t field, ptrdiff_t *line,
                            ptrdiff_t *column) {
  if (field < 0 || field >= r->fieldPositions.len) {
    fprintf(stderr, "panic: out of range index passed to FieldPos\n");
    abort();
  }
  position *p = positions_at(r->fieldPositions, field);
  *line = p->line;
  *column = p->col;
}

static int64_t Reader_InputOffset(Reader *r) { return r->offset; }

// readLine reads the next line (with the trailing endline).  If EOF is
// hit without a trailing endline, it will be omitted.  If some bytes were
// read, then the error is never io.EOF.  The result is only valid until
// the next call to readLine.
static bytes Reader_readLine(Reader *r, error *err) {
  bytes line = bufioReader_ReadSlice(r->r, '\n', err);
  if (*err == ErrBufferFull) {
    r->rawBuffer = bytes_extend(r->ar, bytes_slice(r->rawBuffer, 0, 0), line);
    while (*err == ErrBufferFull) {
      line = bufioReader_ReadSlice(r->r, '\n', err);
      r->rawBuffer = bytes_extend(r->ar, r->rawBuffer, line);
    }
    line = r->rawBuffer;
  }
  ptrdiff_t readSize = line.len;
  if (readSize > 0 && *err == io_EOF) {
    *err = NULL;
    // For backwards compatibility, drop trailing \r before EOF.
    if (bytes_get(line, readSize - 1) == '\r')
      line = bytes_slice(line, 0, readSize - 1);
  }
  r->numLine++;
  r->offset += readSize;
  // Normalize \r\n to \n on all input lines.
  ptrdiff_t n = line.len;
  if (n >= 2 && bytes_get(line, n - 2) == '\r' &&
      bytes_get(line, n - 1) == '\n') {
    bytes_set(line, n - 2, '\n');
    line = bytes_slice(line, 0, n - 1);
  }
  return line;
}

// lengthNL reports the number of bytes for the trailing \n.
static ptrdiff_t lengthNL(bytes b) {
  if (b.len > 0 && bytes_get(b, b.len - 1) == '\n')
    return 1;
  return 0;
}

// nextRune returns the next rune in b or utf8.RuneError.
static rune nextRune(bytes b) {
  ptrdiff_t n;
  return DecodeRune(b, &n);
}

static strs Reader_readRecord(Reader *r, strs dst, error *errOut) {
  sg_arena *ar = r->ar;
  if (r->Comma == r->Comment || !validDelim(r->Comma) ||
      (r->Comment != 0 && !validDelim(r->Comment))) {
    *errOut = errInvalidDelim;
    return (strs){0};
  }

  // Read line (automatically skipping past empty lines and any comments).
  bytes line = {0};
  error errRead = NULL;
  while (errRead == NULL) {
    line = Reader_readLine(r, &errRead);
    if (r->Comment != 0 && nextRune(line) == r->Comment) {
      line = (bytes){0};
      continue; // Skip comment lines
    }
    if (errRead == NULL && line.len == lengthNL(line)) {
      line = (bytes){0};
      continue; // Skip empty lines
    }
    break;
  }
  if (errRead == io_EOF) {
    *errOut = errRead;
    return (strs){0};
  }

  // Parse each field in the record.
  error err = NULL;
  const ptrdiff_t quoteLen = 1; /* len(`"`) */
  ptrdiff_t commaLen = RuneLen(r->Comma);
  ptrdiff_t recLine = r->numLine; // Starting line for record
  r->recordBuffer = bytes_slice(r->recordBuffer, 0, 0);
  r->fieldIndexes = ints_slice(r->fieldIndexes, 0, 0);
  r->fieldPositions = positions_slice(r->fieldPositions, 0, 0);
  position pos = {r->numLine, 1};
  for (;;) { /* parseField */
    if (r->TrimLeadingSpace) {
      ptrdiff_t i = IndexNotSpace(line);
      if (i < 0) {
        i = line.len;
        pos.col -= lengthNL(line);
      }
      line = bytes_slice(line, i, line.len);
      pos.col += i;
    }
    if (line.len == 0 || bytes_get(line, 0) != '"') {
      // Non-quoted string field
      ptrdiff_t i = IndexRune(line, r->Comma);
      bytes field = line;
      if (i >= 0)
        field = bytes_slice(field, 0, i);
      else
        field = bytes_slice(field, 0, field.len - lengthNL(field));
      // Check to make sure a quote does not appear in field.
      if (!r->LazyQuotes) {
        ptrdiff_t j = IndexByte(field, '"');
        if (j >= 0) {
          ptrdiff_t col = pos.col + j;
          err = newParseError(ar, recLine, r->numLine, col, ErrBareQuote);
          break; // parseField
        }
      }
      r->recordBuffer = bytes_extend(ar, r->recordBuffer, field);
      r->fieldIndexes = ints_append(ar, r->fieldIndexes, r->recordBuffer.len);
      r->fieldPositions = positions_append(ar, r->fieldPositions, pos);
      if (i >= 0) {
        line = bytes_slice(line, i + commaLen, line.len);
        pos.col += i + commaLen;
        continue; // parseField
      }
      break; // parseField
    }
    // Quoted string field
    position fieldPos = pos;
    line = bytes_slice(line, quoteLen, line.len);
    pos.col += quoteLen;
    bool done = false, nextField = false;
    while (!done && !nextField) {
      ptrdiff_t i = IndexByte(line, '"');
      if (i >= 0) {
        // Hit next quote.
        r->recordBuffer =
            bytes_extend(ar, r->recordBuffer, bytes_slice(line, 0, i));
        line = bytes_slice(line, i + quoteLen, line.len);
        pos.col += i + quoteLen;
        rune rn = nextRune(line);
        if (rn == '"') {
          // `""` sequence (append quote).
          r->recordBuffer = bytes_append(ar, r->recordBuffer, '"');
          line = bytes_slice(line, quoteLen, line.len);
          pos.col += quoteLen;
        } else if (rn == r->Comma) {
          // `",` sequence (end of field).
          line = bytes_slice(line, commaLen, line.len);
          pos.col += commaLen;
          r->fieldIndexes =
              ints_append(ar, r->fieldIndexes, r->recordBuffer.len);
          r->fieldPositions = positions_append(ar, r->fieldPositions, fieldPos);
          nextField = true; // continue parseField
        } else if (lengthNL(line) == line.len) {
          // `"\n` sequence (end of line).
          r->fieldIndexes =
              ints_append(ar, r->fieldIndexes, r->recordBuffer.len);
          r->fieldPositions = positions_append(ar, r->fieldPositions, fieldPos);
          done = true; // break parseField
        } else if (r->LazyQuotes) {
          // `"` sequence (bare quote).
          r->recordBuffer = bytes_append(ar, r->recordBuffer, '"');
        } else {
          // `"*` sequence (invalid non-escaped quote).
          err = newParseError(ar, recLine, r->numLine, pos.col - quoteLen,
                              ErrQuote);
          done = true; // break parseField
        }
      } else if (line.len > 0) {
        // Hit end of line (copy all data so far).
        r->recordBuffer = bytes_extend(ar, r->recordBuffer, line);
        if (errRead != NULL) {
          done = true; // break parseField
          break;
        }
        pos.col += line.len;

        // Abrupt end of file (EOF or error).
        line = Reader_readLine(r, &errRead);
        if (line.len > 0) {
          pos.line++;
          pos.col = 1;
        }
        if (errRead == io_EOF)
          errRead = NULL;
      } else {
        // Abrupt end of file (EOF or error).
        if (!r->LazyQuotes && errRead == NULL) {
          err = newParseError(ar, recLine, pos.line, pos.col, ErrQuote);
          done = true; // break parseField
          break;
        }
        r->fieldIndexes = ints_append(ar, r->fieldIndexes, r->recordBuffer.len);
        r->fieldPositions = positions_append(ar, r->fieldPositions, fieldPos);
        done = true; // break parseField
      }
    }
    if (done)
      break;
  }
  if (err == NULL)
    err = errRead;

  // Create a single string and create slices out of it.
  // This pins the memory of the fields together, but allocates once.
  sg_str str = string_of(ar, r->recordBuffer); // Convert to string once to
                                               // batch allocations
  dst = strs_slice(dst, 0, 0);
  if (dst.cap < r->fieldIndexes.len)
    dst = strs_make(ar, r->fieldIndexes.len, r->fieldIndexes.len);
  dst = strs_slice(dst, 0, r->fieldIndexes.len);
  ptrdiff_t preIdx = 0;
  for (ptrdiff_t i = 0; i < r->fieldIndexes.len; i++) {
    ptrdiff_t idx = ints_get(r->fieldIndexes, i);
    strs_set(dst, i, sg_str_slice(str, preIdx, idx));
    preIdx = idx;
  }

  // Check or update the expected fields per record.
  if (r->FieldsPerRecord > 0) {
    if (dst.len != r->FieldsPerRecord && err == NULL)
      err = newParseError(ar, recLine, recLine, 1, ErrFieldCount);
  } else if (r->FieldsPerRecord == 0) {
    r->FieldsPerRecord = dst.len;
  }
  *errOut = err;
  return dst;
}

// Read reads one record (a slice of fields) from r.
static strs Reader_Read(Reader *r, error *err) {
  strs record;
  if (r->ReuseRecord) {
    record = Reader_readRecord(r, r->lastRecord, err);
    r->lastRecord = record;
  } else {
    record = Reader_readRecord(r, (strs){0}, err);
  }
  return record;
}

// ReadAll reads all the remaining records from r.
static records Reader_ReadAll(Reader *r, error *errOut) {
  records recs = {0};
  *errOut = NULL;
  for (;;) {
    error err;
    strs record = Reader_readRecord(r, (strs){0}, &err);
    if (err == io_EOF)
      return recs;
    if (err != NULL) {
      *errOut = err;
      return (records){0};
    }
    recs = records_append(r->ar, recs, record);
  }
}

/* ---- the program ------------------------------------------------------- */

// trickle hands out its input n bytes per Read.
typedef struct trickle {
  sg_str s;
  ptrdiff_t n;
} trickle;

static ptrdiff_t trickle_Read(void *self, bytes p, error *err) {
  trickle *t = self;
  *err = NULL;
  if (t->s.len == 0) {
    *err = io_EOF;
    return 0;
  }
  ptrdiff_t k = t->n;
  if (k > p.len)
    k = p.len;
  if (k > t->s.len)
    k = t->s.len;
  bytes_copy(p, bytes_view(sg_str_slice(t->s, 0, k)));
  t->s = sg_str_slice(t->s, k, t->s.len);
  return k;
}

typedef struct opts {
  rune comma, comment;
  ptrdiff_t fields;
  bool lazy, trim, reuse;
  ptrdiff_t trickle;
} opts;

static void run(sg_arena *ar, const char *tag, sg_str input, opts o) {
  stringsReader sr = {input, 0};
  trickle tr = {input, o.trickle};
  Reader_io src = {&sr, stringsReader_Read};
  if (o.trickle > 0)
    src = (Reader_io){&tr, trickle_Read};
  Reader *r = NewReader(ar, src);
  if (o.comma != 0)
    r->Comma = o.comma;
  r->Comment = o.comment;
  r->FieldsPerRecord = o.fields;
  r->LazyQuotes = o.lazy;
  r->TrimLeadingSpace = o.trim;
  r->ReuseRecord = o.reuse;
  printf("== %s\n", tag);
  strs prev = {0};
  for (int n = 0;; n++) {
    error err;
    strs rec = Reader_Read(r, &err);
    if (err == io_EOF) {
      printf("EOF at offset %ld\n", (long)Reader_InputOffset(r));
      break;
    }
    printf("rec %d (%d fields):", n, (int)rec.len);
    for (ptrdiff_t i = 0; i < rec.len; i++) {
      sg_str f = strs_get(rec, i);
      ptrdiff_t line, col;
      Reader_FieldPos(r, i, &line, &col);
      if (f.len > 40)
        printf(" [%.*s...%d bytes]@%ld:%ld", 10, f.ptr, (int)f.len, (long)line,
               (long)col);
      else
        printf(" [%.*s]@%ld:%ld", (int)f.len, f.ptr, (long)line, (long)col);
    }
    if (o.reuse && prev.ptr != NULL && prev.len > 0 && rec.len > 0)
      printf(" shared=%s",
             strs_at(prev, 0) == strs_at(rec, 0) ? "true" : "false");
    prev = rec;
    printf("\n");
    if (err != NULL) {
      char buf[256];
      printf("error: %s\n", Error_text(err, buf, sizeof buf));
      if (err->parse == NULL)
        break;
    }
  }
}

#define TRY(tag, lit, ...) run(ar, tag, SG_STR(lit), (opts){__VA_ARGS__})

static void readAll(sg_arena *ar) {
  stringsReader sr = {SG_STR("h1,h2\n1,2\n3,4\n"), 0};
  Reader *r = NewReader(ar, (Reader_io){&sr, stringsReader_Read});
  error err;
  records all = Reader_ReadAll(r, &err);
  printf("ReadAll: [");
  for (ptrdiff_t i = 0; i < all.len; i++) {
    strs rec = records_get(all, i);
    printf("%s[", i ? " " : "");
    for (ptrdiff_t j = 0; j < rec.len; j++) {
      sg_str f = strs_get(rec, j);
      printf("%s%.*s", j ? " " : "", (int)f.len, f.ptr);
    }
    printf("]");
  }
  char buf[256];
  printf("] %s\n", Error_text(err, buf, sizeof buf));
  sr = (stringsReader){SG_STR("h1,h2\n1,2,3\n"), 0};
  r = NewReader(ar, (Reader_io){&sr, stringsReader_Read});
  all = Reader_ReadAll(r, &err);
  printf("ReadAll error: %s %s\n", all.ptr == NULL ? "true" : "false",
         Error_text(err, buf, sizeof buf));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  TRY("simple", "a,b,c\n", 0);
  TRY("crlf", "a,b\r\nc,d\r\n", 0);
  TRY("bare cr", "a,b\rc,d\r\n", 0);
  TRY("no newline", "a,b,c", 0);
  TRY("quoted", "\"a\",\"b,c\",\"d\"\"e\"\n\"multi\nline\",x\n", 0);
  TRY("empty fields", ",,\n\"\",\"\",x\n", 0);
  TRY("blank lines", "\n\na,b\n\n\nc,d\n\n", 0);
  TRY("comments", "#skip,me\na,b\n# and me\nc,#d\n", .comment = '#');
  TRY("semicolon", "a;b;\"c;d\"\n1;2;3\n", .comma = ';');
  TRY("unicode comma", "a\u00a7b\u00a7\"c\u00a7d\"\n", .comma = 0xA7);
  TRY("tab", "a\tb\t c\n", .comma = '\t');
  TRY("trim", "  a,   b,\t\"c\"\n   \n x , y\n", .trim = true);
  TRY("trim all space", "a,   \n", .trim = true);
  TRY("bare quote", "a,b\"c,d\n", 0);
  TRY("bare quote lazy", "a,b\"c,d\n", .lazy = true);
  TRY("extraneous quote", "\"a\"b,c\n", 0);
  TRY("extraneous lazy", "\"a\"b,c\n\"x\"\"\"\n", .lazy = true);
  TRY("unterminated", "\"abc\n", 0);
  TRY("unterminated lazy", "\"abc\ndef", .lazy = true);
  TRY("field count", "a,b,c\nd,e\nf,g,h\n", 0);
  TRY("field count fixed", "a,b\nd,e,f\n", .fields = 2);
  TRY("field count any", "a,b\nc\nd,e,f\n", .fields = -1);
  TRY("quote error later line", "a,b\n\"c\nd\"e,f\n", 0);
  TRY("reuse", "a,b,c\nd,e,f\ng,h\n", .reuse = true, .fields = -1);
  TRY("trickle", "one,\"two\nlines\",three\nfour,five,six\n", .trickle = 3);
  TRY("bad delim", "a,b\n", .comma = '"');
  TRY("comma is comment", "a,b\n", .comment = ',');

  bytes lng = bytes_extend(ar, (bytes){0}, bytes_view(SG_STR("start,")));
  for (int i = 0; i < 1200; i++) {
    char tmp[8];
    int n = snprintf(tmp, sizeof tmp, "%04d", i);
    lng = bytes_extend(ar, lng, bytes_view(sg_str_make(tmp, n)));
  }
  lng = bytes_extend(ar, lng, bytes_view(SG_STR(",\"quoted ")));
  for (int i = 0; i < 900; i++)
    lng = bytes_extend(ar, lng, bytes_view(SG_STR("q\"\"")));
  lng = bytes_extend(ar, lng, bytes_view(SG_STR("\",end\nnext,row,here\n")));
  sg_str ls = string_of(ar, lng);
  run(ar, "long line", ls, (opts){0});
  run(ar, "long line trickle", ls, (opts){.trickle = 1000});
  readAll(ar);
  sg_arena_free(ar);
  return 0;
}
