// compress/lzw (Go 1.19 compress/lzw/reader.go and writer.go), the
// Lempel-Ziv-Welch coder of GIF, TIFF and PDF: the writer's hash table of
// codes, the reader's prefix/suffix tables and its output buffer that
// Read hands out as a view (toRead = output[:o]).  The byte sink is a
// growing slice (bytes.Buffer), the source a slice with a read offset
// (bytes.Reader).  Errors are static strings compared by identity, as Go
// compares its sentinel errors.  lzw.go runs the real package.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/lzw.go > %t.go.out
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

#define SG_SLICE bytes
#define SG_ELEM uint8_t
#include <sliceguard/slice.h>

static sg_arena *A;

typedef const char *error; // NULL is nil; sentinels compare by identity

static const char EOF_[] = "EOF";
static const char ErrUnexpectedEOF[] = "unexpected EOF";
static const char errClosed[] = "lzw: reader/writer is closed";
static const char errOutOfCodes[] = "lzw: out of codes";

static error errorf_width(int litWidth) {
  char *p = sg_arena_alloc(A, 64);
  snprintf(p, 64, "lzw: litWidth %d out of range", litWidth);
  return p;
}

/* ---- io: a bytes.Buffer sink and a bytes.Reader source ---- */

typedef struct byteSink {
  bytes *buf;
} byteSink;

static error sink_WriteByte(byteSink *w, uint8_t c) {
  *w->buf = bytes_append(A, *w->buf, c);
  return NULL;
}

static error sink_Flush(byteSink *w) {
  (void)w;
  return NULL;
}

typedef struct byteSource {
  bytes s;
  ptrdiff_t i;
} byteSource;

static error source_ReadByte(byteSource *r, uint8_t *c) {
  if (r->i >= r->s.len) {
    *c = 0;
    return EOF_;
  }
  *c = bytes_get(r->s, r->i);
  r->i++;
  return NULL;
}

/* ---- reader.go ---- */

// Order specifies the bit ordering in an LZW data stream.
typedef enum Order { LSB, MSB } Order;

enum {
  maxWidth = 12,
  decoderInvalidCode = 0xffff,
  flushBuffer = 1 << maxWidth,
};

typedef struct Reader Reader;
struct Reader {
  byteSource *r;
  uint32_t bits;
  unsigned nBits;
  unsigned width;
  error (*read)(Reader *, uint16_t *); // readLSB or readMSB
  int litWidth;                        // width in bits of literal codes
  error err;

  // The first 1<<litWidth codes are literal codes.  The next two codes
  // mean clear and EOF.  Other valid codes are in the range [lo, hi]
  // where lo := clear + 2, with the upper bound incrementing on each code
  // seen.
  uint16_t clear, eof, hi, overflow, last;

  // Each code c in [lo, hi] expands to two or more bytes.
  uint8_t suffix[1 << maxWidth];
  uint16_t prefix[1 << maxWidth];

  // output is the temporary output buffer.
  bytes output;
  ptrdiff_t o;  // write index into output
  bytes toRead; // bytes to return from Read
};

// readLSB returns the next code for "Least Significant Bits first" data.
static error readLSB(Reader *r, uint16_t *code) {
  while (r->nBits < r->width) {
    uint8_t x;
    error err = source_ReadByte(r->r, &x);
    if (err) {
      *code = 0;
      return err;
    }
    r->bits |= (uint32_t)x << r->nBits;
    r->nBits += 8;
  }
  *code = (uint16_t)(r->bits & ((1u << r->width) - 1));
  r->bits >>= r->width;
  r->nBits -= r->width;
  return NULL;
}

// readMSB returns the next code for "Most Significant Bits first" data.
static error readMSB(Reader *r, uint16_t *code) {
  while (r->nBits < r->width) {
    uint8_t x;
    error err = source_ReadByte(r->r, &x);
    if (err) {
      *code = 0;
      return err;
    }
    r->bits |= (uint32_t)x << (24 - r->nBits);
    r->nBits += 8;
  }
  *code = (uint16_t)(r->bits >> (32 - r->width));
  r->bits <<= r->width;
  r->nBits -= r->width;
  return NULL;
}

// decode decompresses bytes from r and leaves them in r.toRead.
static void decode(Reader *r) {
  for (;;) {
    uint16_t code;
    error err = r->read(r, &code);
    if (err) {
      if (err == EOF_)
        err = ErrUnexpectedEOF;
      r->err = err;
      break;
    }
    if (code < r->clear) {
      // We have a literal code.
      bytes_set(r->output, r->o, (uint8_t)code);
      r->o++;
      if (r->last != decoderInvalidCode) {
        // Save what the hi code expands to.
        r->suffix[r->hi] = (uint8_t)code;
        r->prefix[r->hi] = r->last;
      }
    } else if (code == r->clear) {
      r->width = 1 + (unsigned)r->litWidth;
      r->hi = r->eof;
      r->overflow = (uint16_t)(1u << r->width);
      r->last = decoderInvalidCode;
      continue;
    } else if (code == r->eof) {
      r->err = EOF_;
      break;
    } else if (code <= r->hi) {
      uint16_t c = code;
      ptrdiff_t i = r->output.len - 1;
      if (code == r->hi && r->last != decoderInvalidCode) {
        // code == hi is a special case which expands to the last
        // expansion followed by the head of the last expansion.
        c = r->last;
        while (c >= r->clear)
          c = r->prefix[c];
        bytes_set(r->output, i, (uint8_t)c);
        i--;
        c = r->last;
      }
      // Copy the suffix chain into output and then write that to w.
      while (c >= r->clear) {
        bytes_set(r->output, i, r->suffix[c]);
        i--;
        c = r->prefix[c];
      }
      bytes_set(r->output, i, (uint8_t)c);
      r->o += bytes_copy(bytes_slice(r->output, r->o, r->output.len),
                         bytes_slice(r->output, i, r->output.len));
      if (r->last != decoderInvalidCode) {
        // Save what the hi code expands to.
        r->suffix[r->hi] = (uint8_t)c;
        r->prefix[r->hi] = r->last;
      }
    } else {
      r->err = "lzw: invalid code";
      break;
    }
    r->last = code;
    r->hi = (uint16_t)(r->hi + 1);
    if (r->hi >= r->overflow) {
      if (r->hi > r->overflow) {
        fprintf(stderr, "unreachable\n");
        abort();
      }
      if (r->width == maxWidth) {
        r->last = decoderInvalidCode;
        // Undo the d.hi++ a few lines above, so that (1) we maintain
        // the invariant that d.hi < d.overflow, and (2) d.hi does not
        // eventually overflow a uint16.
        r->hi--;
      } else {
        r->width++;
        r->overflow = (uint16_t)(1u << r->width);
      }
    }
    if (r->o >= flushBuffer)
      break;
  }
  // Flush pending output.
  r->toRead = bytes_slice(r->output, 0, r->o);
  r->o = 0;
}

// Read implements io.Reader, reading uncompressed bytes from its
// underlying Reader.
static ptrdiff_t Read(Reader *r, bytes b, error *errp) {
  for (;;) {
    if (r->toRead.len > 0) {
      ptrdiff_t n = bytes_copy(b, r->toRead);
      r->toRead = bytes_slice(r->toRead, n, r->toRead.len);
      *errp = NULL;
      return n;
    }
    if (r->err) {
      *errp = r->err;
      return 0;
    }
    decode(r);
  }
}

static error ReaderClose(Reader *r) {
  r->err = errClosed; // in case any Reads come along
  return NULL;
}

static void reader_init(Reader *r, byteSource *src, Order order, int litWidth) {
  switch (order) {
  case LSB:
    r->read = readLSB;
    break;
  case MSB:
    r->read = readMSB;
    break;
  default:
    r->err = "lzw: unknown order";
    return;
  }
  if (litWidth < 2 || 8 < litWidth) {
    r->err = errorf_width(litWidth);
    return;
  }
  r->r = src;
  r->litWidth = litWidth;
  r->width = 1 + (unsigned)litWidth;
  r->clear = (uint16_t)(1u << litWidth);
  r->eof = r->hi = (uint16_t)(r->clear + 1);
  r->overflow = (uint16_t)(1u << r->width);
  r->last = decoderInvalidCode;
}

static Reader *NewReader(byteSource *src, Order order, int litWidth) {
  Reader *r = sg_arena_alloc(A, sizeof *r);
  r->output = bytes_make(A, 2 * 1 << maxWidth, 2 * 1 << maxWidth);
  reader_init(r, src, order, litWidth);
  return r;
}

/* ---- writer.go ---- */

enum {
  // A code is a 12 bit value, stored as a uint32 when encoding to avoid
  // type conversions when shifting bits.
  maxCode = (1 << 12) - 1,
  // There are 1<<12 possible codes, which is an upper bound on the
  // number of valid hash table entries at any given point in time.
  // tableSize is 4x that.
  tableSize = 4 * 1 << 12,
  tableMask = tableSize - 1,
  // A hash table entry is a uint32.  Zero is an invalid entry since the
  // lower 12 bits of a valid entry must be a non-literal code.
  invalidEntry = 0,
};
static const uint32_t invalidCode = UINT32_MAX;

typedef struct Writer Writer;
struct Writer {
  byteSink *w;
  Order order;
  error (*write)(Writer *, uint32_t);
  uint32_t bits;
  unsigned nBits;
  unsigned width;
  unsigned litWidth;
  // hi is the code implied by the next code emission.
  // overflow is the code at which hi overflows the code width.
  uint32_t hi, overflow;
  // savedCode is the accumulated code at the end of the most recent Write
  // call.  It is equal to invalidCode if there was no such call.
  uint32_t savedCode;
  error err;
  // table is the hash table from 20-bit keys to 12-bit values.  Each
  // table entry contains key<<12|val and collisions resolve by linear
  // probing.
  uint32_t table[tableSize];
};

static error writeLSB(Writer *w, uint32_t c) {
  w->bits |= c << w->nBits;
  w->nBits += w->width;
  while (w->nBits >= 8) {
    error err = sink_WriteByte(w->w, (uint8_t)w->bits);
    if (err)
      return err;
    w->bits >>= 8;
    w->nBits -= 8;
  }
  return NULL;
}

static error writeMSB(Writer *w, uint32_t c) {
  w->bits |= c << (32 - w->width - w->nBits);
  w->nBits += w->width;
  while (w->nBits >= 8) {
    error err = sink_WriteByte(w->w, (uint8_t)(w->bits >> 24));
    if (err)
      return err;
    w->bits <<= 8;
    w->nBits -= 8;
  }
  return NULL;
}

// incHi increments e.hi and checks for both overflow and running out of
// unused codes.  In the latter case, incHi sends a clear code, resets the
// writer state and returns errOutOfCodes.
static error incHi(Writer *w) {
  w->hi++;
  if (w->hi == w->overflow) {
    w->width++;
    w->overflow <<= 1;
  }
  if (w->hi == maxCode) {
    uint32_t clear = 1u << w->litWidth;
    error err = w->write(w, clear);
    if (err)
      return err;
    w->width = w->litWidth + 1;
    w->hi = clear + 1;
    w->overflow = clear << 1;
    for (size_t i = 0; i < tableSize; i++)
      w->table[i] = invalidEntry;
    return errOutOfCodes;
  }
  return NULL;
}

// Write writes a compressed representation of p to w's underlying writer.
static ptrdiff_t Write(Writer *w, bytes p, error *errp) {
  *errp = NULL;
  if (w->err) {
    *errp = w->err;
    return 0;
  }
  if (p.len == 0)
    return 0;
  uint8_t maxLit = (uint8_t)((1u << w->litWidth) - 1);
  if (maxLit != 0xff) {
    for (ptrdiff_t k = 0; k < p.len; k++) {
      if (bytes_get(p, k) > maxLit) {
        w->err = "lzw: input byte too large for the litWidth";
        *errp = w->err;
        return 0;
      }
    }
  }
  ptrdiff_t n = p.len;
  uint32_t code = w->savedCode;
  if (code == invalidCode) {
    // This is the first write; send a clear code.
    uint32_t clear = 1u << w->litWidth;
    error err = w->write(w, clear);
    if (err) {
      *errp = err;
      return 0;
    }
    // After the starting clear code, the next code sent (for non-empty
    // input) is always a literal code.
    code = bytes_get(p, 0);
    p = bytes_slice(p, 1, p.len);
  }
  for (ptrdiff_t k = 0; k < p.len; k++) {
    uint32_t literal = bytes_get(p, k);
    uint32_t key = code << 8 | literal;
    // If there is a hash table hit for this key then we continue the loop
    // and do not emit a code yet.
    uint32_t hash = ((key >> 12) ^ key) & tableMask;
    bool hit = false;
    for (uint32_t h = hash, t = w->table[hash]; t != invalidEntry;) {
      if (key == t >> 12) {
        code = t & maxCode;
        hit = true;
        break;
      }
      h = (h + 1) & tableMask;
      t = w->table[h];
    }
    if (hit)
      continue;
    // Otherwise, write the current code, and literal becomes the start of
    // the next emitted code.
    if ((w->err = w->write(w, code))) {
      *errp = w->err;
      return 0;
    }
    code = literal;
    // Increment e.hi, the next implied code.  If we run out of codes,
    // reset the writer state (including clearing the hash table) and
    // continue.
    error err1 = incHi(w);
    if (err1) {
      if (err1 == errOutOfCodes)
        continue;
      w->err = err1;
      *errp = w->err;
      return 0;
    }
    // Otherwise, insert key -> e.hi into the map that e.table represents.
    for (;;) {
      if (w->table[hash] == invalidEntry) {
        w->table[hash] = (key << 12) | w->hi;
        break;
      }
      hash = (hash + 1) & tableMask;
    }
  }
  w->savedCode = code;
  return n;
}

// Close closes the Writer, flushing any pending output.  It does not
// close w's underlying writer.
static error WriterClose(Writer *w) {
  if (w->err) {
    if (w->err == errClosed)
      return NULL;
    return w->err;
  }
  // Make any future calls to Write return errClosed.
  w->err = errClosed;
  // Write the savedCode if valid.
  if (w->savedCode != invalidCode) {
    error err = w->write(w, w->savedCode);
    if (err)
      return err;
    err = incHi(w);
    if (err && err != errOutOfCodes)
      return err;
  } else {
    // Write the starting clear code, as w.Write did not.
    uint32_t clear = 1u << w->litWidth;
    error err = w->write(w, clear);
    if (err)
      return err;
  }
  // Write the eof code.
  uint32_t eof = (1u << w->litWidth) + 1;
  error err = w->write(w, eof);
  if (err)
    return err;
  // Write the final bits.
  if (w->nBits > 0) {
    if (w->order == MSB)
      w->bits >>= 24;
    if ((err = sink_WriteByte(w->w, (uint8_t)w->bits)))
      return err;
  }
  return sink_Flush(w->w);
}

static void writer_init(Writer *w, byteSink *dst, Order order, int litWidth) {
  switch (order) {
  case LSB:
    w->write = writeLSB;
    break;
  case MSB:
    w->write = writeMSB;
    break;
  default:
    w->err = "lzw: unknown order";
    return;
  }
  if (litWidth < 2 || 8 < litWidth) {
    w->err = errorf_width(litWidth);
    return;
  }
  w->w = dst;
  unsigned lw = (unsigned)litWidth;
  w->order = order;
  w->width = 1 + lw;
  w->litWidth = lw;
  w->hi = (1u << lw) + 1;
  w->overflow = 1u << (lw + 1);
  w->savedCode = invalidCode;
}

static Writer *NewWriter(byteSink *dst, Order order, int litWidth) {
  Writer *w = sg_arena_alloc(A, sizeof *w);
  writer_init(w, dst, order, litWidth);
  return w;
}

/* ---- the program (lzw.go) ---- */

static uint32_t fnv(bytes b) {
  uint32_t h = 2166136261u;
  for (ptrdiff_t i = 0; i < b.len; i++) {
    h ^= bytes_get(b, i);
    h *= 16777619u;
  }
  return h;
}

static uint32_t seed = 7;

static ptrdiff_t rnd(ptrdiff_t n) {
  seed = seed * 1103515245u + 12345u;
  return (ptrdiff_t)((seed >> 16) % (uint32_t)n);
}

static error compress(bytes data, Order order, int lw, bytes *out) {
  bytes buf = {0};
  byteSink sink = {&buf};
  Writer *w = NewWriter(&sink, order, lw);
  *out = (bytes){0};
  // Write in uneven pieces, as an encoder fed row by row would.
  while (data.len > 0) {
    ptrdiff_t n = 1 + rnd(700);
    if (n > data.len)
      n = data.len;
    error err;
    Write(w, bytes_slice(data, 0, n), &err);
    if (err) {
      WriterClose(w);
      return err;
    }
    data = bytes_slice(data, n, data.len);
  }
  error err = WriterClose(w);
  if (err)
    return err;
  *out = buf;
  return NULL;
}

static error decompress(bytes comp, Order order, int lw, ptrdiff_t chunk,
                        bytes *outp) {
  byteSource src = {comp, 0};
  Reader *r = NewReader(&src, order, lw);
  bytes out = {0};
  bytes buf = bytes_make(A, chunk, chunk);
  error result;
  for (;;) {
    error err;
    ptrdiff_t n = Read(r, buf, &err);
    out = bytes_extend(A, out, bytes_slice(buf, 0, n));
    if (err == EOF_) {
      result = NULL;
      break;
    }
    if (err) {
      result = err;
      break;
    }
  }
  ReaderClose(r);
  *outp = out;
  return result;
}

static bool bytes_Equal(bytes x, bytes y) {
  return x.len == y.len &&
         (x.len == 0 || memcmp(x.ptr, y.ptr, (size_t)x.len) == 0);
}

static const char *errs(error e) { return e ? e : "<nil>"; }

typedef struct input {
  const char *name;
  int lw;
  bytes data;
} input;

#define SG_SLICE inputs
#define SG_ELEM input
#include <sliceguard/slice.h>

static bytes repeat(bytes b, sg_str s, int n) {
  for (int i = 0; i < n; i++)
    b = bytes_append_n(A, b, (const uint8_t *)s.ptr, s.len);
  return b;
}

int main(void) {
  A = sg_arena_new();
  bytes text = repeat((bytes){0}, SG_STR("TOBEORNOTTOBEORTOBEORNOT#"), 40);
  text =
      repeat(text, SG_STR("the quick brown fox jumps over the lazy dog; "), 1);
  text = repeat(text, SG_STR("abracadabra "), 300);
  bytes one = bytes_append(A, (bytes){0}, 'x');
  inputs ins = {0};
  ins = inputs_append(A, ins, (input){"empty", 8, {0}});
  ins = inputs_append(A, ins, (input){"one", 8, one});
  ins = inputs_append(A, ins, (input){"text", 8, text});
  static const int widths[] = {2, 3, 4, 5, 7, 8};
  for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
    int lw = widths[k];
    // gif-like pixels: runs of a few colours below 1<<lw.
    bytes px = {0};
    while (px.len < 9000) {
      uint8_t c = (uint8_t)rnd(1 << lw);
      ptrdiff_t run = 1 + rnd(12);
      for (ptrdiff_t j = 0; j < run; j++)
        px = bytes_append(A, px, c);
    }
    char *name = sg_arena_alloc(A, 16);
    snprintf(name, 16, "pixels%d", lw);
    ins = inputs_append(A, ins, (input){name, lw, px});
  }
  bytes noise = {0};
  for (int i = 0; i < 30000; i++)
    noise = bytes_append(A, noise, (uint8_t)rnd(256));
  ins = inputs_append(A, ins, (input){"noise", 8, noise});

  for (ptrdiff_t k = 0; k < ins.len; k++) {
    input in = inputs_get(ins, k);
    for (int order = LSB; order <= MSB; order++) {
      bytes comp;
      error err = compress(in.data, (Order)order, in.lw, &comp);
      if (err) {
        printf("%s order=%d: compress error %s\n", in.name, order, err);
        continue;
      }
      static const ptrdiff_t chunks[] = {1, 97, 4096};
      for (size_t c = 0; c < 3; c++) {
        ptrdiff_t chunk = chunks[c];
        if (chunk == 1 && in.data.len > 2000)
          continue;
        bytes out;
        err = decompress(comp, (Order)order, in.lw, chunk, &out);
        printf("%s order=%d lw=%d: in=%td comp=%td fnv=%08x chunk=%td "
               "out=%td same=%s err=%s\n",
               in.name, order, in.lw, in.data.len, comp.len, fnv(comp), chunk,
               out.len, bytes_Equal(out, in.data) ? "true" : "false",
               errs(err));
      }
      if (comp.len > 10) {
        bytes out;
        err = decompress(bytes_slice(comp, 0, comp.len / 2), (Order)order,
                         in.lw, 512, &out);
        printf("  truncated: out=%td fnv=%08x err=%s\n", out.len, fnv(out),
               errs(err));
        bytes bad = bytes_extend(A, (bytes){0}, comp);
        *bytes_at(bad, bad.len / 3) ^= 0xff;
        err = decompress(bad, (Order)order, in.lw, 512, &out);
        printf("  corrupt: out=%td fnv=%08x err=%s\n", out.len, fnv(out),
               errs(err));
      }
    }
  }
  bytes tiny = {0};
  tiny = bytes_append(A, tiny, 1);
  tiny = bytes_append(A, tiny, 2);
  tiny = bytes_append(A, tiny, 200);
  bytes sink;
  printf("too large: %s\n", errs(compress(tiny, LSB, 4, &sink)));
  printf("bad width: %s\n",
         errs(compress(bytes_slice(tiny, 0, 1), LSB, 9, &sink)));
  bytes o;
  printf("bad reader width: %s\n",
         errs(decompress(bytes_slice(tiny, 0, 1), MSB, 1, 10, &o)));
  sg_arena_free(A);
  return 0;
}
