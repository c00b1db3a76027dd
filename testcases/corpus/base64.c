// A port of encoding/base64 (Go 1.19, src/encoding/base64/base64.go):
// NewEncoding, WithPadding, Strict, Encode, EncodeToString, the streaming
// encoder (a 3-byte carry and a 1024-byte output buffer), EncodedLen,
// decodeQuantum, Decode with its assemble64/assemble32 fast paths, the
// streaming decoder (leftover input and output kept as views of fixed
// buffers), newlineFilteringReader (filters in place), DecodedLen; plus
// io.ReadAll (`append(b, 0)[:len(b)]`) and bytes.Reader.  Go's
// CorruptInputError becomes an error struct carrying the offset.  The Go
// original of main is base64.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/base64.go > %t.go.out
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

static sg_arena *heap;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* A slice over a fixed array: arr[:]. */
static bytes arr(unsigned char *p, ptrdiff_t n) {
  bytes b = {p, n, n};
  return b;
}

/* []byte(s): a fresh copy. */
static bytes bytes_of(sg_str s) {
  bytes b = bytes_make(heap, s.len, s.len);
  bytes_copy(b, arr((unsigned char *)s.ptr, s.len));
  return b;
}

/* ---- errors ------------------------------------------------------------ */

typedef struct Error {
  const char *text;
  bool corrupt;   /* a CorruptInputError */
  int64_t offset; /* its value */
} Error;
typedef const Error *error; /* NULL is nil; sentinels compared by address */

static const Error EOF_ = {"EOF", false, 0};
static const Error ErrUnexpectedEOF_ = {"unexpected EOF", false, 0};
#define io_EOF (&EOF_)
#define ErrUnexpectedEOF (&ErrUnexpectedEOF_)

// CorruptInputError: illegal base64 data at input byte offset.
static error CorruptInputError(int64_t offset) {
  Error *e = sg_arena_alloc(heap, sizeof *e);
  e->corrupt = true;
  e->offset = offset;
  return e;
}

static const char *errstr(error e, char *buf, size_t n) {
  if (e == NULL)
    return "<nil>";
  if (!e->corrupt)
    return e->text;
  snprintf(buf, n, "illegal base64 data at input byte %lld",
           (long long)e->offset);
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

// ReadAll reads from r until an error or EOF and returns the data it read.
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

/* bytes.Reader */
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

/* ---- encoding/binary --------------------------------------------------- */

static void PutUint64(bytes b, uint64_t v) {
  (void)bytes_get(b, 7); // early bounds check to guarantee safety of writes
  for (int i = 0; i < 8; i++)
    bytes_set(b, i, (unsigned char)(v >> (56 - 8 * i)));
}

static void PutUint32(bytes b, uint32_t v) {
  (void)bytes_get(b, 3); // early bounds check to guarantee safety of writes
  for (int i = 0; i < 4; i++)
    bytes_set(b, i, (unsigned char)(v >> (24 - 8 * i)));
}

/* ---- encoding/base64: encodings ---------------------------------------- */

// An Encoding is a radix 64 encoding/decoding scheme, defined by a
// 64-character alphabet.
typedef struct Encoding {
  unsigned char encode[64];
  unsigned char decodeMap[256];
  rune padChar;
  bool strict;
} Encoding;

enum {
  StdPadding = '=', // Standard padding character
  NoPadding = -1,   // No padding
};

static const char encodeStd[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char encodeURL[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// NewEncoding returns a new padded Encoding defined by the given alphabet,
// which must be a 64-byte string that does not contain the padding
// character or CR / LF ('\r', '\n').
static Encoding *NewEncoding(sg_str encoder) {
  if (encoder.len != 64)
    go_panic("encoding alphabet is not 64-bytes long");
  for (ptrdiff_t i = 0; i < encoder.len; i++)
    if (encoder.ptr[i] == '\n' || encoder.ptr[i] == '\r')
      go_panic("encoding alphabet contains newline character");

  Encoding *e = sg_arena_alloc(heap, sizeof *e);
  e->padChar = StdPadding;
  bytes_copy(arr(e->encode, 64), arr((unsigned char *)encoder.ptr, 64));

  for (int i = 0; i < 256; i++)
    e->decodeMap[i] = 0xFF;
  for (ptrdiff_t i = 0; i < encoder.len; i++)
    e->decodeMap[(unsigned char)encoder.ptr[i]] = (unsigned char)i;
  return e;
}

// WithPadding creates a new encoding identical to enc except with a
// specified padding character, or NoPadding to disable padding.  (enc is
// a value receiver: the copy is modified.)
static Encoding *Encoding_WithPadding(Encoding enc, rune padding) {
  if (padding == '\r' || padding == '\n' || padding > 0xff)
    go_panic("invalid padding");
  for (int i = 0; i < 64; i++)
    if ((rune)enc.encode[i] == padding)
      go_panic("padding contained in alphabet");
  enc.padChar = padding;
  Encoding *e = sg_arena_alloc(heap, sizeof *e);
  *e = enc;
  return e;
}

// Strict creates a new encoding identical to enc except with strict
// decoding enabled.
static Encoding *Encoding_Strict(Encoding enc) {
  enc.strict = true;
  Encoding *e = sg_arena_alloc(heap, sizeof *e);
  *e = enc;
  return e;
}

// Encode encodes src using the encoding enc, writing EncodedLen(len(src))
// bytes to dst.
static void Encoding_Encode(const Encoding *enc, bytes dst, bytes src) {
  if (src.len == 0)
    return;
  ptrdiff_t di = 0, si = 0;
  ptrdiff_t n = (src.len / 3) * 3;
  while (si < n) {
    // Convert 3x 8bit source bytes into 4 bytes
    unsigned val = (unsigned)bytes_get(src, si + 0) << 16 |
                   (unsigned)bytes_get(src, si + 1) << 8 |
                   (unsigned)bytes_get(src, si + 2);

    bytes_set(dst, di + 0, enc->encode[val >> 18 & 0x3F]);
    bytes_set(dst, di + 1, enc->encode[val >> 12 & 0x3F]);
    bytes_set(dst, di + 2, enc->encode[val >> 6 & 0x3F]);
    bytes_set(dst, di + 3, enc->encode[val & 0x3F]);

    si += 3;
    di += 4;
  }

  ptrdiff_t remain = src.len - si;
  if (remain == 0)
    return;
  // Add the remaining small block
  unsigned val = (unsigned)bytes_get(src, si + 0) << 16;
  if (remain == 2)
    val |= (unsigned)bytes_get(src, si + 1) << 8;

  bytes_set(dst, di + 0, enc->encode[val >> 18 & 0x3F]);
  bytes_set(dst, di + 1, enc->encode[val >> 12 & 0x3F]);

  switch (remain) {
  case 2:
    bytes_set(dst, di + 2, enc->encode[val >> 6 & 0x3F]);
    if (enc->padChar != NoPadding)
      bytes_set(dst, di + 3, (unsigned char)enc->padChar);
    break;
  case 1:
    if (enc->padChar != NoPadding) {
      bytes_set(dst, di + 2, (unsigned char)enc->padChar);
      bytes_set(dst, di + 3, (unsigned char)enc->padChar);
    }
    break;
  }
}

// EncodedLen returns the length in bytes of the base64 encoding of an
// input buffer of length n.
static ptrdiff_t Encoding_EncodedLen(const Encoding *enc, ptrdiff_t n) {
  if (enc->padChar == NoPadding)
    return (n * 8 + 5) / 6; // minimum # chars at 6 bits per char
  return (n + 2) / 3 * 4;   // minimum # 4-char quanta, 3 bytes each
}

// EncodeToString returns the base64 encoding of src.
static sg_str Encoding_EncodeToString(const Encoding *enc, bytes src) {
  ptrdiff_t n = Encoding_EncodedLen(enc, src.len);
  bytes buf = bytes_make(heap, n, n);
  Encoding_Encode(enc, buf, src);
  bytes s = bytes_clone(heap, buf); /* string(buf) */
  return sg_str_make((const char *)s.ptr, s.len);
}

/* ---- the streaming encoder --------------------------------------------- */

typedef struct encoder {
  error err;
  const Encoding *enc;
  Writer_io w;
  unsigned char buf[3];    // buffered data waiting to be encoded
  ptrdiff_t nbuf;          // number of bytes in buf
  unsigned char out[1024]; // output buffer
} encoder;

static ptrdiff_t encoder_Write(encoder *e, bytes p, error *err) {
  ptrdiff_t n = 0;
  if (e->err != NULL) {
    *err = e->err;
    return 0;
  }
  *err = NULL;

  // Leading fringe.
  if (e->nbuf > 0) {
    ptrdiff_t i;
    for (i = 0; i < p.len && e->nbuf < 3; i++) {
      e->buf[e->nbuf] = bytes_get(p, i);
      e->nbuf++;
    }
    n += i;
    p = bytes_slice(p, i, p.len);
    if (e->nbuf < 3)
      return n;
    Encoding_Encode(e->enc, arr(e->out, 1024), arr(e->buf, 3));
    e->w.Write(e->w.self, arr(e->out, 4), &e->err);
    if (e->err != NULL) {
      *err = e->err;
      return n;
    }
    e->nbuf = 0;
  }

  // Large interior chunks.
  while (p.len >= 3) {
    ptrdiff_t nn = 1024 / 4 * 3;
    if (nn > p.len) {
      nn = p.len;
      nn -= nn % 3;
    }
    Encoding_Encode(e->enc, arr(e->out, 1024), bytes_slice(p, 0, nn));
    e->w.Write(e->w.self, bytes_slice(arr(e->out, 1024), 0, nn / 3 * 4),
               &e->err);
    if (e->err != NULL) {
      *err = e->err;
      return n;
    }
    n += nn;
    p = bytes_slice(p, nn, p.len);
  }

  // Trailing fringe.
  bytes_copy(arr(e->buf, 3), p);
  e->nbuf = p.len;
  n += p.len;
  return n;
}

// Close flushes any pending output from the encoder.  It is an error to
// call Write after calling Close.
static error encoder_Close(encoder *e) {
  // If there's anything left in the buffer, flush it out
  if (e->err == NULL && e->nbuf > 0) {
    Encoding_Encode(e->enc, arr(e->out, 1024), arr(e->buf, e->nbuf));
    e->w.Write(e->w.self, arr(e->out, Encoding_EncodedLen(e->enc, e->nbuf)),
               &e->err);
    e->nbuf = 0;
  }
  return e->err;
}

static encoder *NewEncoder(const Encoding *enc, Writer_io w) {
  encoder *e = sg_arena_alloc(heap, sizeof *e);
  e->enc = enc;
  e->w = w;
  return e;
}

/* ---- decoding ---------------------------------------------------------- */

// decodeQuantum decodes up to 4 base64 bytes.  The received parameters
// are the destination buffer dst, the source buffer src and an index in
// the source buffer si.  It returns the number of bytes read from src,
// the number of bytes written to dst, and an error, if any.
static ptrdiff_t Encoding_decodeQuantum(const Encoding *enc, bytes dst,
                                        bytes src, ptrdiff_t si,
                                        ptrdiff_t *nOut, error *err) {
  // Decode quantum using the base64 alphabet
  unsigned char dbuf[4] = {0};
  ptrdiff_t dlen = 4;
  *err = NULL;
  *nOut = 0;

  for (ptrdiff_t j = 0; j < 4; j++) {
    if (src.len == si) {
      if (j == 0)
        return si;
      if (j == 1 || enc->padChar != NoPadding) {
        *err = CorruptInputError(si - j);
        return si;
      }
      dlen = j;
      break;
    }
    unsigned char in = bytes_get(src, si);
    si++;

    unsigned char out = enc->decodeMap[in];
    if (out != 0xff) {
      dbuf[j] = out;
      continue;
    }

    if (in == '\n' || in == '\r') {
      j--;
      continue;
    }

    if ((rune)in != enc->padChar) {
      *err = CorruptInputError(si - 1);
      return si;
    }

    // We've reached the end and there's padding
    switch (j) {
    case 0:
    case 1:
      // incorrect padding
      *err = CorruptInputError(si - 1);
      return si;
    case 2:
      // "==" is expected, the first "=" is already consumed.
      // skip over newlines
      while (si < src.len &&
             (bytes_get(src, si) == '\n' || bytes_get(src, si) == '\r'))
        si++;
      if (si == src.len) {
        // not enough padding
        *err = CorruptInputError(src.len);
        return si;
      }
      if ((rune)bytes_get(src, si) != enc->padChar) {
        // incorrect padding
        *err = CorruptInputError(si - 1);
        return si;
      }
      si++;
    }

    // skip over newlines
    while (si < src.len &&
           (bytes_get(src, si) == '\n' || bytes_get(src, si) == '\r'))
      si++;
    if (si < src.len)
      // trailing garbage
      *err = CorruptInputError(si);
    dlen = j;
    break;
  }

  // Convert 4x 6bit source bytes into 3 bytes
  unsigned val = (unsigned)dbuf[0] << 18 | (unsigned)dbuf[1] << 12 |
                 (unsigned)dbuf[2] << 6 | (unsigned)dbuf[3];
  dbuf[2] = (unsigned char)(val >> 0);
  dbuf[1] = (unsigned char)(val >> 8);
  dbuf[0] = (unsigned char)(val >> 16);
  switch (dlen) {
  case 4:
    bytes_set(dst, 2, dbuf[2]);
    dbuf[2] = 0;
    /* fallthrough */
  case 3:
    bytes_set(dst, 1, dbuf[1]);
    if (enc->strict && dbuf[2] != 0) {
      *err = CorruptInputError(si - 1);
      return si;
    }
    dbuf[1] = 0;
    /* fallthrough */
  case 2:
    bytes_set(dst, 0, dbuf[0]);
    if (enc->strict && (dbuf[1] != 0 || dbuf[2] != 0)) {
      *err = CorruptInputError(si - 2);
      return si;
    }
  }

  *nOut = dlen - 1;
  return si;
}

// assemble32 assembles 4 base64 digits into 3 bytes.  Each digit comes
// from the decode map, and will be 0xff if it came from an invalid
// character.
static bool assemble32(unsigned char n1, unsigned char n2, unsigned char n3,
                       unsigned char n4, uint32_t *dn) {
  // Check that all the digits are valid.  If any of them was 0xff, their
  // bitwise OR will be 0xff.
  if ((n1 | n2 | n3 | n4) == 0xff)
    return false;
  *dn = (uint32_t)n1 << 26 | (uint32_t)n2 << 20 | (uint32_t)n3 << 14 |
        (uint32_t)n4 << 8;
  return true;
}

// assemble64 assembles 8 base64 digits into 6 bytes.
static bool assemble64(const unsigned char *m, bytes src2, uint64_t *dn) {
  unsigned char n[8];
  for (int i = 0; i < 8; i++)
    n[i] = m[bytes_get(src2, i)];
  if ((n[0] | n[1] | n[2] | n[3] | n[4] | n[5] | n[6] | n[7]) == 0xff)
    return false;
  *dn = (uint64_t)n[0] << 58 | (uint64_t)n[1] << 52 | (uint64_t)n[2] << 46 |
        (uint64_t)n[3] << 40 | (uint64_t)n[4] << 34 | (uint64_t)n[5] << 28 |
        (uint64_t)n[6] << 22 | (uint64_t)n[7] << 16;
  return true;
}

// Decode decodes src using the encoding enc.  It writes at most
// DecodedLen(len(src)) bytes to dst and returns the number of bytes
// written.  If src contains invalid base64 data, it will return the number
// of bytes successfully written and CorruptInputError.  New line
// characters (\r and \n) are ignored.
static ptrdiff_t Encoding_Decode(const Encoding *enc, bytes dst, bytes src,
                                 error *err) {
  ptrdiff_t n = 0;
  *err = NULL;
  if (src.len == 0)
    return 0;

  ptrdiff_t si = 0;
  while (src.len - si >= 8 && dst.len - n >= 8) {
    bytes src2 = bytes_slice(src, si, si + 8);
    uint64_t dn;
    if (assemble64(enc->decodeMap, src2, &dn)) {
      PutUint64(bytes_slice(dst, n, dst.len), dn);
      n += 6;
      si += 8;
    } else {
      ptrdiff_t ninc;
      si = Encoding_decodeQuantum(enc, bytes_slice(dst, n, dst.len), src, si,
                                  &ninc, err);
      n += ninc;
      if (*err != NULL)
        return n;
    }
  }

  while (src.len - si >= 4 && dst.len - n >= 4) {
    bytes src2 = bytes_slice(src, si, si + 4);
    uint32_t dn;
    if (assemble32(enc->decodeMap[bytes_get(src2, 0)],
                   enc->decodeMap[bytes_get(src2, 1)],
                   enc->decodeMap[bytes_get(src2, 2)],
                   enc->decodeMap[bytes_get(src2, 3)], &dn)) {
      PutUint32(bytes_slice(dst, n, dst.len), dn);
      n += 3;
      si += 4;
    } else {
      ptrdiff_t ninc;
      si = Encoding_decodeQuantum(enc, bytes_slice(dst, n, dst.len), src, si,
                                  &ninc, err);
      n += ninc;
      if (*err != NULL)
        return n;
    }
  }

  while (si < src.len) {
    ptrdiff_t ninc;
    si = Encoding_decodeQuantum(enc, bytes_slice(dst, n, dst.len), src, si,
                                &ninc, err);
    n += ninc;
    if (*err != NULL)
      return n;
  }
  return n;
}

// DecodedLen returns the maximum length in bytes of the decoded data
// corresponding to n bytes of base64-encoded data.
static ptrdiff_t Encoding_DecodedLen(const Encoding *enc, ptrdiff_t n) {
  if (enc->padChar == NoPadding)
    // Unpadded data may end with partial block of 2-3 characters.
    return n * 6 / 8;
  // Padded base64 should always be a multiple of 4 characters in length.
  return n / 4 * 3;
}

// DecodeString returns the bytes represented by the base64 string s.
static bytes Encoding_DecodeString(const Encoding *enc, sg_str s, error *err) {
  ptrdiff_t dl = Encoding_DecodedLen(enc, s.len);
  bytes dbuf = bytes_make(heap, dl, dl);
  ptrdiff_t n = Encoding_Decode(enc, dbuf, bytes_of(s), err);
  return bytes_slice(dbuf, 0, n);
}

/* ---- the streaming decoder --------------------------------------------- */

typedef struct decoder {
  error err;
  error readErr; // error from r.Read
  const Encoding *enc;
  Reader_io r;
  unsigned char buf[1024]; // leftover input
  ptrdiff_t nbuf;
  bytes out; // leftover decoded output
  unsigned char outbuf[1024 / 4 * 3];
} decoder;

static ptrdiff_t decoder_Read(void *self, bytes p, error *err) {
  decoder *d = self;
  ptrdiff_t n;
  *err = NULL;
  // Use leftover decoded output from last read.
  if (d->out.len > 0) {
    n = bytes_copy(p, d->out);
    d->out = bytes_slice(d->out, n, d->out.len);
    return n;
  }

  if (d->err != NULL) {
    *err = d->err;
    return 0;
  }

  // This code assumes that d.r strips supported whitespace ('\r' and
  // '\n').

  // Refill buffer.
  while (d->nbuf < 4 && d->readErr == NULL) {
    ptrdiff_t nn = p.len / 3 * 4;
    if (nn < 4)
      nn = 4;
    if (nn > 1024)
      nn = 1024;
    nn = d->r.Read(d->r.self, bytes_slice(arr(d->buf, 1024), d->nbuf, nn),
                   &d->readErr);
    d->nbuf += nn;
  }

  if (d->nbuf < 4) {
    if (d->enc->padChar == NoPadding && d->nbuf > 0) {
      // Decode final fragment, without padding.
      ptrdiff_t nw = Encoding_Decode(d->enc, arr(d->outbuf, 768),
                                     arr(d->buf, d->nbuf), &d->err);
      d->nbuf = 0;
      d->out = arr(d->outbuf, nw);
      n = bytes_copy(p, d->out);
      d->out = bytes_slice(d->out, n, d->out.len);
      if (n > 0 || (p.len == 0 && d->out.len > 0))
        return n;
      if (d->err != NULL) {
        *err = d->err;
        return 0;
      }
    }
    d->err = d->readErr;
    if (d->err == io_EOF && d->nbuf > 0)
      d->err = ErrUnexpectedEOF;
    *err = d->err;
    return 0;
  }

  // Decode chunk into p, or d.out and then p if p is too small.
  ptrdiff_t nr = d->nbuf / 4 * 4;
  ptrdiff_t nw = d->nbuf / 4 * 3;
  if (nw > p.len) {
    nw = Encoding_Decode(d->enc, arr(d->outbuf, 768), arr(d->buf, nr), &d->err);
    d->out = arr(d->outbuf, nw);
    n = bytes_copy(p, d->out);
    d->out = bytes_slice(d->out, n, d->out.len);
  } else {
    n = Encoding_Decode(d->enc, p, arr(d->buf, nr), &d->err);
  }
  d->nbuf -= nr;
  bytes_copy(arr(d->buf, d->nbuf), bytes_slice(arr(d->buf, 1024), nr, 1024));
  *err = d->err;
  return n;
}

typedef struct newlineFilteringReader {
  Reader_io wrapped;
} newlineFilteringReader;

static ptrdiff_t newlineFilteringReader_Read(void *self, bytes p, error *err) {
  newlineFilteringReader *r = self;
  ptrdiff_t n = r->wrapped.Read(r->wrapped.self, p, err);
  while (n > 0) {
    ptrdiff_t offset = 0;
    bytes got = bytes_slice(p, 0, n);
    for (ptrdiff_t i = 0; i < got.len; i++) {
      unsigned char b = bytes_get(got, i);
      if (b != '\r' && b != '\n') {
        if (i != offset)
          bytes_set(p, offset, b);
        offset++;
      }
    }
    if (offset > 0)
      return offset;
    // Previous buffer entirely whitespace, read again
    n = r->wrapped.Read(r->wrapped.self, p, err);
  }
  return n;
}

// NewDecoder constructs a new base64 stream decoder.
static Reader_io NewDecoder(const Encoding *enc, Reader_io r) {
  newlineFilteringReader *f = sg_arena_alloc(heap, sizeof *f);
  f->wrapped = r;
  decoder *d = sg_arena_alloc(heap, sizeof *d);
  d->enc = enc;
  d->r = (Reader_io){f, newlineFilteringReader_Read};
  return (Reader_io){d, decoder_Read};
}

/* ---- the program ------------------------------------------------------- */

/* A bytes.Buffer used only as a writer. */
typedef struct sink {
  bytes b;
} sink;

static ptrdiff_t sink_Write(void *self, bytes p, error *err) {
  sink *s = self;
  s->b = bytes_extend(heap, s->b, p);
  *err = NULL;
  return p.len;
}

// dribble reads from r at most n bytes per Read.
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

static Reader_io dribbling(Reader_io r, ptrdiff_t n) {
  dribble *d = sg_arena_alloc(heap, sizeof *d);
  d->r = r;
  d->n = n;
  return (Reader_io){d, dribble_Read};
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

/* %q for ASCII text. */
static void printQuoted(sg_str s) {
  putchar('"');
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    switch (c) {
    case '\n':
      fputs("\\n", stdout);
      break;
    case '\r':
      fputs("\\r", stdout);
      break;
    case '\t':
      fputs("\\t", stdout);
      break;
    case '"':
    case '\\':
      printf("\\%c", c);
      break;
    default:
      if (c < 0x20 || c >= 0x7f)
        printf("\\x%02x", c);
      else
        putchar(c);
    }
  }
  putchar('"');
}

typedef struct namedEncoding {
  const char *name;
  const Encoding *e;
} namedEncoding;

// chunks writes to w in pieces of the given sizes, cycling.
static void chunks(encoder *w, bytes p, const ptrdiff_t *sizes, int nsizes) {
  for (int k = 0; p.len > 0; k++) {
    ptrdiff_t n = sizes[k % nsizes];
    if (n > p.len)
      n = p.len;
    error err;
    encoder_Write(w, bytes_slice(p, 0, n), &err);
    p = bytes_slice(p, n, p.len);
  }
}

static void vectors(const namedEncoding *encs, int nencs) {
  static const char *const plain[] = {
      "",       "f",
      "fo",     "foo",
      "foob",   "fooba",
      "foobar", "\xff\xfe\xfd\xfc",
      "sure.",  "Twas brillig, and the slithy toves"};
  char buf[96];
  for (int k = 0; k < nencs; k++) {
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
      bytes p = bytes_of(sg_str_from(plain[i]));
      sg_str s = Encoding_EncodeToString(encs[k].e, p);
      error err;
      bytes d = Encoding_DecodeString(encs[k].e, s, &err);
      printf("%s ", encs[k].name);
      printHex(p);
      printf(" -> %.*s -> ok=%s err=%s len=%d/%d\n", (int)s.len, s.ptr,
             d.len == p.len && memcmp(d.ptr, p.ptr, (size_t)p.len) == 0
                 ? "true"
                 : "false",
             errstr(err, buf, sizeof buf),
             (int)Encoding_EncodedLen(encs[k].e, p.len),
             (int)Encoding_DecodedLen(encs[k].e, s.len));
    }
  }
  static const char *const bad[] = {"",
                                    "!!!!",
                                    "====",
                                    "x===",
                                    "AA=A",
                                    "AA==",
                                    "AA==x",
                                    "AAA=",
                                    "AAA",
                                    "AA",
                                    "A",
                                    "YWJj\nZGVm",
                                    "YW\r\nJjZA==",
                                    "YWJjZA=\n=",
                                    "YWJjZA==\n\n",
                                    "YWJjZA==YWJj",
                                    "Zm9vYmFy!",
                                    "Zm9v YmFy",
                                    "aGVsbG8gd29ybGQhIGhlbGxvIGFnYWlu",
                                    "aGVsbG8gd29ybGQhIGhlbGxv*GFnYWlu",
                                    "QQ==",
                                    "QR==",
                                    "QUI=",
                                    "QUJ="};
  for (int k = 0; k < nencs; k++) {
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
      sg_str s = sg_str_from(bad[i]);
      error err;
      bytes d = Encoding_DecodeString(encs[k].e, s, &err);
      printf("%s decode ", encs[k].name);
      printQuoted(s);
      printf(" -> ");
      printHex(d);
      printf(" %s\n", errstr(err, buf, sizeof buf));
    }
  }
}

static void streams(const namedEncoding *encs, bytes data) {
  static const ptrdiff_t sizes[] = {1, 2, 700, 5, 1500, 3, 1};
  static const ptrdiff_t reads[] = {1, 3, 4, 100, 4096};
  char buf[96];
  for (int k = 0; k < 4; k++) {
    sink out = {{0}};
    encoder *w = NewEncoder(encs[k].e, (Writer_io){&out, sink_Write});
    chunks(w, data, sizes, 7);
    encoder_Close(w);
    sg_str direct = Encoding_EncodeToString(encs[k].e, data);
    printf("%s stream: %d bytes, same as EncodeToString %s\n", encs[k].name,
           (int)out.b.len,
           sg_str_eq(sg_str_make((const char *)out.b.ptr, out.b.len), direct)
               ? "true"
               : "false");
    for (int r = 0; r < 5; r++) {
      Reader_io dec =
          NewDecoder(encs[k].e, dribbling(reading(out.b), reads[r]));
      error err;
      bytes got = ReadAll(dec, &err);
      printf("  read by %d: %d bytes, equal %s, err %s\n", (int)reads[r],
             (int)got.len,
             got.len == data.len &&
                     memcmp(got.ptr, data.ptr, (size_t)data.len) == 0
                 ? "true"
                 : "false",
             errstr(err, buf, sizeof buf));
    }
  }
}

static void wrappedStreams(bytes data) {
  // A stream with newlines every 76 characters, as MIME wraps it.
  char buf[96];
  bytes first = bytes_slice(data, 0, 1000);
  sg_str enc =
      Encoding_EncodeToString(NewEncoding(sg_str_make(encodeStd, 64)), first);
  sink wrapped = {{0}};
  error err;
  while (enc.len > 76) {
    sink_Write(&wrapped, arr((unsigned char *)enc.ptr, 76), &err);
    sink_Write(&wrapped, arr((unsigned char *)"\r\n", 2), &err);
    enc = sg_str_slice(enc, 76, enc.len);
  }
  sink_Write(&wrapped, arr((unsigned char *)enc.ptr, enc.len), &err);
  const Encoding *std = NewEncoding(sg_str_make(encodeStd, 64));
  bytes got = ReadAll(NewDecoder(std, dribbling(reading(wrapped.b), 7)), &err);
  printf("wrapped: %d bytes, equal %s, err %s\n", (int)got.len,
         got.len == 1000 && memcmp(got.ptr, first.ptr, 1000) == 0 ? "true"
                                                                  : "false",
         errstr(err, buf, sizeof buf));
  got =
      ReadAll(NewDecoder(std, reading(bytes_of(SG_STR("Zm9vYmFy!!!!")))), &err);
  printf("corrupt stream: ");
  printHex(got);
  printf(" %s\n", errstr(err, buf, sizeof buf));
  got = ReadAll(NewDecoder(std, reading(bytes_of(SG_STR("Zm9vYmF")))), &err);
  printf("truncated stream: ");
  printHex(got);
  printf(" %s\n", errstr(err, buf, sizeof buf));
}

int main(void) {
  heap = sg_arena_new();
  Encoding *StdEncoding = NewEncoding(sg_str_make(encodeStd, 64));
  Encoding *URLEncoding = NewEncoding(sg_str_make(encodeURL, 64));
  Encoding *RawStdEncoding = Encoding_WithPadding(*StdEncoding, NoPadding);
  Encoding *RawURLEncoding = Encoding_WithPadding(*URLEncoding, NoPadding);
  const namedEncoding encs[] = {
      {"std", StdEncoding},
      {"url", URLEncoding},
      {"rawstd", RawStdEncoding},
      {"rawurl", RawURLEncoding},
      {"strict", Encoding_Strict(*StdEncoding)},
      {"star", Encoding_WithPadding(*StdEncoding, '*')},
  };
  vectors(encs, 6);

  // Streaming: an encoder fed in odd-sized writes, a decoder read in small
  // pieces, over data long enough to fill the 1024-byte buffers.
  bytes data = bytes_make(heap, 5000, 5000);
  uint32_t seed = 1;
  for (ptrdiff_t i = 0; i < data.len; i++) {
    seed = seed * 1664525u + 1013904223u;
    bytes_set(data, i, (unsigned char)(seed >> 24));
  }
  streams(encs, data);
  wrappedStreams(data);
  sg_arena_free(heap);
  return 0;
}
