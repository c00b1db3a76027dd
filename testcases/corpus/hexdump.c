// A port of encoding/hex (Go 1.19, src/encoding/hex/hex.go): Encode,
// Decode (DecodeString decodes in place, dst and src the same slice), the
// streaming encoder (a fixed output buffer) and decoder (in, a view of its
// own backing array arr, carrying an odd byte over), Dump and Dumper
// (encoding into overlapping views of one small buffer); with io.ReadAll
// and bytes.Reader.  The Go original of main is hexdump.go; both must
// print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/hexdump.go > %t.go.out
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

static bytes arr(unsigned char *p, ptrdiff_t n) {
  bytes b = {p, n, n};
  return b;
}

static bytes bytes_of(sg_str s) {
  bytes b = bytes_make(heap, s.len, s.len);
  bytes_copy(b, arr((unsigned char *)s.ptr, s.len));
  return b;
}

static sg_str string_of(bytes b) {
  bytes c = bytes_clone(heap, b);
  return sg_str_make((const char *)c.ptr, c.len);
}

/* ---- errors ------------------------------------------------------------ */

typedef struct Error {
  const char *text;
  int invalidByte; /* an InvalidByteError when >= 0 */
} Error;
typedef const Error *error;

static const Error EOF_ = {"EOF", -1};
static const Error ErrUnexpectedEOF_ = {"unexpected EOF", -1};
// ErrLength reports an attempt to decode an odd-length input using Decode
// or DecodeString.
static const Error ErrLength_ = {"encoding/hex: odd length hex string", -1};
static const Error errDumperClosed_ = {"encoding/hex: dumper closed", -1};
#define io_EOF (&EOF_)
#define ErrUnexpectedEOF (&ErrUnexpectedEOF_)
#define ErrLength (&ErrLength_)

// InvalidByteError values describe errors resulting from an invalid byte
// in a hex string.
static error InvalidByteError(unsigned char b) {
  Error *e = sg_arena_alloc(heap, sizeof *e);
  e->invalidByte = b;
  return e;
}

static const char *errstr(error e, char *buf, size_t n) {
  if (e == NULL)
    return "<nil>";
  if (e->invalidByte < 0)
    return e->text;
  /* fmt's %#U: the code point, then the character if it is printable */
  int r = e->invalidByte;
  if (r >= 0x20 && r < 0x7f)
    snprintf(buf, n, "encoding/hex: invalid byte: U+%04X '%c'", r, r);
  else
    snprintf(buf, n, "encoding/hex: invalid byte: U+%04X", r);
  return buf;
}

/* ---- io ---------------------------------------------------------------- */

typedef struct Reader_io {
  void *self;
  ptrdiff_t (*Read)(void *self, bytes p, error *err);
} Reader_io;

typedef struct Writer_io {
  void *self;
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
} Writer_io;

static bytes ReadAll(Reader_io r, error *errOut) {
  bytes b = bytes_make(heap, 0, 512);
  for (;;) {
    if (b.len == b.cap)
      // Add more capacity (let append pick how much).
      b = bytes_slice(bytes_append(heap, b, 0), 0, b.len);
    error err;
    ptrdiff_t n = r.Read(r.self, bytes_slice(b, b.len, b.cap), &err);
    b = bytes_slice(b, 0, b.len + n);
    if (err != NULL) {
      if (err == io_EOF)
        err = NULL;
      *errOut = err;
      return b;
    }
  }
}

typedef struct bytesReader {
  bytes s;
  ptrdiff_t i;
} bytesReader;

static ptrdiff_t bytesReader_Read(void *self, bytes b, error *err) {
  bytesReader *r = self;
  *err = NULL;
  if (r->i >= r->s.len) {
    *err = io_EOF;
    return 0;
  }
  ptrdiff_t n = bytes_copy(b, bytes_slice(r->s, r->i, r->s.len));
  r->i += n;
  return n;
}

/* ---- encoding/hex ------------------------------------------------------ */

static const char hextable[] = "0123456789abcdef";

/* reverseHexTable: 0xff except for the hex digits. */
static unsigned char reverseHexTable[256];

static void initReverseHexTable(void) {
  for (int i = 0; i < 256; i++)
    reverseHexTable[i] = 0xff;
  for (int i = 0; i < 10; i++)
    reverseHexTable['0' + i] = (unsigned char)i;
  for (int i = 0; i < 6; i++) {
    reverseHexTable['a' + i] = (unsigned char)(10 + i);
    reverseHexTable['A' + i] = (unsigned char)(10 + i);
  }
}

// EncodedLen returns the length of an encoding of n source bytes.
// Specifically, it returns n * 2.
static ptrdiff_t EncodedLen(ptrdiff_t n) { return n * 2; }

// Encode encodes src into EncodedLen(len(src)) bytes of dst.  As a
// convenience, it returns the number of bytes written to dst, but this
// value is always EncodedLen(len(src)).
static ptrdiff_t Encode(bytes dst, bytes src) {
  ptrdiff_t j = 0;
  for (ptrdiff_t i = 0; i < src.len; i++) {
    unsigned char v = bytes_get(src, i);
    bytes_set(dst, j, (unsigned char)hextable[v >> 4]);
    bytes_set(dst, j + 1, (unsigned char)hextable[v & 0x0f]);
    j += 2;
  }
  return src.len * 2;
}

// DecodedLen returns the length of a decoding of x source bytes.
// Specifically, it returns x / 2.
static ptrdiff_t DecodedLen(ptrdiff_t x) { return x / 2; }

// Decode decodes src into DecodedLen(len(src)) bytes, returning the actual
// number of bytes written to dst.
static ptrdiff_t Decode(bytes dst, bytes src, error *err) {
  ptrdiff_t i = 0, j = 1;
  *err = NULL;
  for (; j < src.len; j += 2) {
    unsigned char p = bytes_get(src, j - 1);
    unsigned char q = bytes_get(src, j);

    unsigned char a = reverseHexTable[p];
    unsigned char b = reverseHexTable[q];
    if (a > 0x0f) {
      *err = InvalidByteError(p);
      return i;
    }
    if (b > 0x0f) {
      *err = InvalidByteError(q);
      return i;
    }
    bytes_set(dst, i, (unsigned char)((a << 4) | b));
    i++;
  }
  if (src.len % 2 == 1) {
    // Check for invalid char before reporting bad length, since the
    // invalid char (if present) is an earlier problem.
    if (reverseHexTable[bytes_get(src, j - 1)] > 0x0f) {
      *err = InvalidByteError(bytes_get(src, j - 1));
      return i;
    }
    *err = ErrLength;
    return i;
  }
  return i;
}

// EncodeToString returns the hexadecimal encoding of src.
static sg_str EncodeToString(bytes src) {
  bytes dst = bytes_make(heap, EncodedLen(src.len), EncodedLen(src.len));
  Encode(dst, src);
  return string_of(dst);
}

// DecodeString returns the bytes represented by the hexadecimal string s.
static bytes DecodeString(sg_str s, error *err) {
  bytes src = bytes_of(s);
  // We can use the source slice itself as the destination because the
  // decode loop increments by one and then the 'seen' byte is not used
  // anymore.
  ptrdiff_t n = Decode(src, src, err);
  return bytes_slice(src, 0, n);
}

enum { bufferSize = 1024 };

typedef struct encoder {
  Writer_io w;
  error err;
  unsigned char out[bufferSize]; // output buffer
} encoder;

// NewEncoder returns an io.Writer that writes lowercase hexadecimal
// characters to w.
static encoder *NewEncoder(Writer_io w) {
  encoder *e = sg_arena_alloc(heap, sizeof *e);
  e->w = w;
  return e;
}

static ptrdiff_t encoder_Write(encoder *e, bytes p, error *err) {
  ptrdiff_t n = 0;
  while (p.len > 0 && e->err == NULL) {
    ptrdiff_t chunkSize = bufferSize / 2;
    if (p.len < chunkSize)
      chunkSize = p.len;

    ptrdiff_t encoded =
        Encode(arr(e->out, bufferSize), bytes_slice(p, 0, chunkSize));
    ptrdiff_t written = e->w.Write(e->w.self, arr(e->out, encoded), &e->err);
    n += written / 2;
    p = bytes_slice(p, chunkSize, p.len);
  }
  *err = e->err;
  return n;
}

typedef struct decoder {
  Reader_io r;
  error err;
  bytes in;                      // input buffer (encoded form)
  unsigned char arr[bufferSize]; // backing array for in
} decoder;

static ptrdiff_t decoder_Read(void *self, bytes p, error *errOut) {
  decoder *d = self;
  // Fill internal buffer with sufficient bytes to decode
  if (d->in.len < 2 && d->err == NULL) {
    ptrdiff_t numCopy, numRead;
    numCopy = bytes_copy(arr(d->arr, bufferSize), d->in); // Copies either 0
                                                          // or 1 bytes
    numRead = d->r.Read(
        d->r.self, bytes_slice(arr(d->arr, bufferSize), numCopy, bufferSize),
        &d->err);
    d->in = arr(d->arr, numCopy + numRead);
    if (d->err == io_EOF && d->in.len % 2 != 0) {
      unsigned char a = reverseHexTable[bytes_get(d->in, d->in.len - 1)];
      if (a > 0x0f)
        d->err = InvalidByteError(bytes_get(d->in, d->in.len - 1));
      else
        d->err = ErrUnexpectedEOF;
    }
  }

  // Decode internal buffer into output buffer
  ptrdiff_t numAvail = d->in.len / 2;
  if (p.len > numAvail)
    p = bytes_slice(p, 0, numAvail);
  error err;
  ptrdiff_t numDec = Decode(p, bytes_slice(d->in, 0, p.len * 2), &err);
  d->in = bytes_slice(d->in, 2 * numDec, d->in.len);
  if (err != NULL) {
    d->in = (bytes){0}; // Decode error; discard input remainder
    d->err = err;
  }

  if (d->in.len < 2) {
    *errOut = d->err; // Only expose errors when buffer fully consumed
    return numDec;
  }
  *errOut = NULL;
  return numDec;
}

// NewDecoder returns an io.Reader that decodes hexadecimal characters from
// r.  NewDecoder expects that r contain only an even number of
// hexadecimal characters.
static Reader_io NewDecoder(Reader_io r) {
  decoder *d = sg_arena_alloc(heap, sizeof *d);
  d->r = r;
  return (Reader_io){d, decoder_Read};
}

typedef struct dumper {
  Writer_io w;
  unsigned char rightChars[18];
  unsigned char buf[14];
  ptrdiff_t used; // number of bytes in the current line
  unsigned n;     // number of bytes, total
  bool closed;
} dumper;

// Dumper returns a WriteCloser that writes a hex dump of all written data
// to w.  The format of the dump matches the output of `hexdump -C` on the
// command line.
static dumper *Dumper(Writer_io w) {
  dumper *h = sg_arena_alloc(heap, sizeof *h);
  h->w = w;
  return h;
}

static unsigned char toChar(unsigned char b) {
  if (b < 32 || b > 126)
    return '.';
  return b;
}

static ptrdiff_t dumper_Write(dumper *h, bytes data, error *err) {
  ptrdiff_t n = 0;
  *err = NULL;
  if (h->closed) {
    *err = &errDumperClosed_;
    return 0;
  }

  // Output lines look like:
  // 00000010  2e 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3d
  // |./0123456789:;<=| ^ offset                          ^ extra space ^ ASCII
  // of line.
  bytes buf = arr(h->buf, 14);
  for (ptrdiff_t i = 0; i < data.len; i++) {
    if (h->used == 0) {
      // At the beginning of a line we print the current offset in hex.
      bytes_set(buf, 0, (unsigned char)(h->n >> 24));
      bytes_set(buf, 1, (unsigned char)(h->n >> 16));
      bytes_set(buf, 2, (unsigned char)(h->n >> 8));
      bytes_set(buf, 3, (unsigned char)h->n);
      Encode(bytes_slice(buf, 4, buf.len), bytes_slice(buf, 0, 4));
      bytes_set(buf, 12, ' ');
      bytes_set(buf, 13, ' ');
      h->w.Write(h->w.self, bytes_slice(buf, 4, buf.len), err);
      if (*err != NULL)
        return n;
    }
    Encode(buf, bytes_slice(data, i, i + 1));
    bytes_set(buf, 2, ' ');
    ptrdiff_t l = 3;
    if (h->used == 7) {
      // There's an additional space after the 8th byte.
      bytes_set(buf, 3, ' ');
      l = 4;
    } else if (h->used == 15) {
      // At the end of the line there's an extra space and the bar for the
      // right column.
      bytes_set(buf, 3, ' ');
      bytes_set(buf, 4, '|');
      l = 5;
    }
    h->w.Write(h->w.self, bytes_slice(buf, 0, l), err);
    if (*err != NULL)
      return n;
    n++;
    h->rightChars[h->used] = toChar(bytes_get(data, i));
    h->used++;
    h->n++;
    if (h->used == 16) {
      h->rightChars[16] = '|';
      h->rightChars[17] = '\n';
      h->w.Write(h->w.self, arr(h->rightChars, 18), err);
      if (*err != NULL)
        return n;
      h->used = 0;
    }
  }
  return n;
}

static error dumper_Close(dumper *h) {
  error err = NULL;
  // See the comments in Write() for the details of this format.
  if (h->closed)
    return err;
  h->closed = true;
  if (h->used == 0)
    return err;
  h->buf[0] = ' ';
  h->buf[1] = ' ';
  h->buf[2] = ' ';
  h->buf[3] = ' ';
  h->buf[4] = '|';
  ptrdiff_t nBytes = h->used;
  while (h->used < 16) {
    ptrdiff_t l = 3;
    if (h->used == 7)
      l = 4;
    else if (h->used == 15)
      l = 5;
    h->w.Write(h->w.self, arr(h->buf, l), &err);
    if (err != NULL)
      return err;
    h->used++;
  }
  h->rightChars[nBytes] = '|';
  h->rightChars[nBytes + 1] = '\n';
  h->w.Write(h->w.self, arr(h->rightChars, nBytes + 2), &err);
  return err;
}

/* A strings.Builder as an io.Writer. */
typedef struct Builder {
  bytes buf;
} Builder;

static ptrdiff_t Builder_Write(void *self, bytes p, error *err) {
  Builder *b = self;
  b->buf = bytes_extend(heap, b->buf, p);
  *err = NULL;
  return p.len;
}

// Dump returns a string that contains a hex dump of the given data.  The
// format of the hex dump matches the output of `hexdump -C` on the command
// line.
static sg_str Dump(bytes data) {
  if (data.len == 0)
    return SG_STR("");

  Builder buf = {{0}};
  // Dumper will write 79 bytes per complete 16 byte chunk, and at least 64
  // bytes for whatever remains.  Round the allocation up, since only a
  // maximum of 15 bytes will be wasted.
  ptrdiff_t grow = (1 + ((data.len - 1) / 16)) * 79;
  buf.buf = bytes_make(heap, 0, grow); /* buf.Grow */

  dumper *d = Dumper((Writer_io){&buf, Builder_Write});
  error err;
  dumper_Write(d, data, &err);
  dumper_Close(d);
  return sg_str_make((const char *)buf.buf.ptr, buf.buf.len);
}

/* ---- the program ------------------------------------------------------- */

typedef struct dribble {
  Reader_io r;
  ptrdiff_t n;
} dribble;

static ptrdiff_t dribble_Read(void *self, bytes p, error *err) {
  dribble *d = self;
  if (p.len > d->n)
    p = bytes_slice(p, 0, d->n);
  return d->r.Read(d->r.self, p, err);
}

static Reader_io reading(bytes b) {
  bytesReader *r = sg_arena_alloc(heap, sizeof *r);
  r->s = b;
  return (Reader_io){r, bytesReader_Read};
}

static void printHex(bytes b) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    printf("%02x", bytes_get(b, i));
}

static void roundTrips(void) {
  char ebuf[96];
  static const sg_str plain[] = {
      {"", 0}, {"\x00", 1}, {"\x01\x02\xfe\xff", 4}, {"Hello, Gophers!", 15}};
  for (int i = 0; i < 4; i++) {
    sg_str s = plain[i];
    sg_str e = EncodeToString(bytes_of(s));
    error err;
    bytes d = DecodeString(e, &err);
    printf("[%.*s] len=%d back=%s %s\n", (int)e.len, e.ptr,
           (int)EncodedLen(s.len),
           sg_str_eq(sg_str_make((const char *)d.ptr, d.len), s) ? "true"
                                                                 : "false",
           errstr(err, ebuf, sizeof ebuf));
  }
  static const char *const bad[] = {"",      "0",     "00",   "0g",
                                    "g0",    "abc",   "abcg", "DEADbeef",
                                    "12 34", "fffff", "zz"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    sg_str s = sg_str_from(bad[i]);
    error err;
    bytes d = DecodeString(s, &err);
    printf("decode \"%.*s\" -> ", (int)s.len, s.ptr);
    printHex(d);
    printf(" (%d) %s\n", (int)DecodedLen(s.len),
           errstr(err, ebuf, sizeof ebuf));
  }
}

static void streams(bytes data) {
  char ebuf[96];
  Builder enc = {{0}};
  encoder *w = NewEncoder((Writer_io){&enc, Builder_Write});
  for (bytes p = data; p.len > 0;) {
    ptrdiff_t n = 700;
    if (n > p.len)
      n = p.len;
    error err;
    encoder_Write(w, bytes_slice(p, 0, n), &err);
    p = bytes_slice(p, n, p.len);
  }
  printf("stream encoded %d bytes, same %s\n", (int)enc.buf.len,
         sg_str_eq(sg_str_make((const char *)enc.buf.ptr, enc.buf.len),
                   EncodeToString(data))
             ? "true"
             : "false");
  static const ptrdiff_t sizes[] = {1, 2, 3, 1000, 5000};
  for (int k = 0; k < 5; k++) {
    dribble dr = {reading(enc.buf), sizes[k]};
    error err;
    bytes got = ReadAll(NewDecoder((Reader_io){&dr, dribble_Read}), &err);
    printf(
        "  decode by %d: %d bytes, equal %s, %s\n", (int)sizes[k], (int)got.len,
        got.len == data.len && memcmp(got.ptr, data.ptr, (size_t)data.len) == 0
            ? "true"
            : "false",
        errstr(err, ebuf, sizeof ebuf));
  }
  static const char *const bad[] = {"abc", "abcx", "0102zz0304", "01020"};
  for (int k = 0; k < 4; k++) {
    sg_str s = sg_str_from(bad[k]);
    error err;
    bytes got = ReadAll(NewDecoder(reading(bytes_of(s))), &err);
    printf("  stream \"%.*s\" -> ", (int)s.len, s.ptr);
    printHex(got);
    printf(" %s\n", errstr(err, ebuf, sizeof ebuf));
  }
}

static void dumps(bytes data) {
  char ebuf[96];
  static const ptrdiff_t sizes[] = {0, 1, 7, 8, 15, 16, 17, 40};
  for (int k = 0; k < 8; k++) {
    sg_str d = Dump(bytes_slice(data, 100, 100 + sizes[k]));
    printf("Dump(%d):\n%.*s", (int)sizes[k], (int)d.len, d.ptr);
  }
  Builder out = {{0}};
  dumper *d = Dumper((Writer_io){&out, Builder_Write});
  bytes p = bytes_slice(data, 0, 70);
  for (int i = 0; p.len > 0; i++) {
    ptrdiff_t n = i % 5 + 1;
    if (n > p.len)
      n = p.len;
    error err;
    dumper_Write(d, bytes_slice(p, 0, n), &err);
    p = bytes_slice(p, n, p.len);
  }
  dumper_Close(d);
  dumper_Close(d);
  error err;
  dumper_Write(d, bytes_of(SG_STR("x")), &err);
  printf("Dumper:\n%.*swrite after close: %s\n", (int)out.buf.len,
         (const char *)out.buf.ptr, errstr(err, ebuf, sizeof ebuf));
  sg_str text = SG_STR("The quick brown fox jumps over the lazy dog.\n\t"
                       "\x00\x7f\x80");
  sg_str t = Dump(bytes_of(text));
  printf("%.*s", (int)t.len, t.ptr);
}

int main(void) {
  heap = sg_arena_new();
  initReverseHexTable();
  roundTrips();
  bytes data = bytes_make(heap, 3000, 3000);
  for (ptrdiff_t i = 0; i < data.len; i++)
    bytes_set(data, i, (unsigned char)(i * 7 + i / 256));
  streams(data);
  dumps(data);
  sg_arena_free(heap);
  return 0;
}
