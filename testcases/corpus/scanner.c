// A port of bufio.Scanner (Go 1.19, src/bufio/scan.go): Scan's buffer
// management (sliding the unread data down, doubling up to maxTokenSize,
// a caller's buffer through Buffer), advance, setErr, and the split
// functions ScanLines, ScanWords, ScanRunes and ScanBytes, whose tokens
// are views of the scanner's buffer.  main scans in-memory readers (one
// that trickles a few bytes per Read), custom splits with ErrFinalToken
// and errors, long lines, and counts words into a map the way Go's
// counts[w]++ does.  The Go original of main is scanner.go; both must
// print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/scanner.go > %t.go.out
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

static const char io_EOF[] = "EOF";
static const char ErrNoProgress[] =
    "multiple Read calls return no data or error";

static bytes bytes_view(sg_str s) {
  bytes b = {(unsigned char *)s.ptr, s.len, s.len};
  return b;
}

static sg_str string_of(sg_arena *ar, bytes b) {
  bytes c = bytes_clone(ar, b);
  return sg_str_make((const char *)c.ptr, c.len);
}

/* ---- unicode/utf8 ------------------------------------------------------ */

enum { RuneError = 0xFFFD, RuneSelf = 0x80 };

/* The width of a valid encoding starting with c0 (0 if none can). */
static int leadWidth(unsigned c0) {
  return c0 < 0x80                  ? 1
         : c0 >= 0xC2 && c0 <= 0xDF ? 2
         : c0 >= 0xE0 && c0 <= 0xEF ? 3
         : c0 >= 0xF0 && c0 <= 0xF4 ? 4
                                    : 0;
}

static void acceptRange(unsigned c0, unsigned *lo, unsigned *hi) {
  *lo = c0 == 0xE0 ? 0xA0 : c0 == 0xF0 ? 0x90 : 0x80;
  *hi = c0 == 0xED ? 0x9F : c0 == 0xF4 ? 0x8F : 0xBF;
}

static rune DecodeRune(bytes p, ptrdiff_t *size) {
  if (p.len < 1) {
    *size = 0;
    return RuneError;
  }
  unsigned c0 = p.ptr[0];
  int need = leadWidth(c0);
  if (need == 1) {
    *size = 1;
    return (rune)c0;
  }
  if (need == 0 || p.len < need) {
    *size = 1;
    return RuneError;
  }
  unsigned lo, hi;
  acceptRange(c0, &lo, &hi);
  rune r = (rune)(c0 & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07));
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

// FullRune reports whether the bytes in p begin with a full UTF-8 encoding
// of a rune.  An invalid encoding is considered a full Rune since it will
// convert as a width-1 error rune.
static bool FullRune(bytes p) {
  if (p.len == 0)
    return false;
  unsigned c0 = p.ptr[0];
  int need = leadWidth(c0);
  if (need <= 1 || p.len >= need)
    return true;
  // Must be short or invalid: a continuation byte out of range is a full
  // (invalid) rune.
  unsigned lo, hi;
  acceptRange(c0, &lo, &hi);
  if (p.len > 1 && (p.ptr[1] < lo || hi < p.ptr[1]))
    return true;
  if (p.len > 2 && (p.ptr[2] < 0x80 || 0xBF < p.ptr[2]))
    return true;
  return false;
}

static ptrdiff_t IndexByte(bytes b, unsigned char c) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    if (bytes_get(b, i) == c)
      return i;
  return -1;
}

/* ---- io.Reader --------------------------------------------------------- */

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

/* ---- bufio.Scanner ----------------------------------------------------- */

// SplitFunc is the signature of the split function used to tokenize the
// input.
typedef ptrdiff_t (*SplitFunc)(bytes data, bool atEOF, bytes *token,
                               error *err);

// Errors returned by Scanner.
static const char ErrTooLong[] = "bufio.Scanner: token too long";
static const char ErrNegativeAdvance[] =
    "bufio.Scanner: SplitFunc returns negative advance count";
static const char ErrAdvanceTooFar[] =
    "bufio.Scanner: SplitFunc returns advance count beyond input";
static const char ErrBadReadCount[] =
    "bufio.Scanner: Read returned impossible count";
// ErrFinalToken is a special sentinel error value.  It is intended to be
// returned by a Split function to indicate that the token being delivered
// with the error is the last token and scanning should stop after this
// one.
static const char ErrFinalToken[] = "final token";

enum {
  // MaxScanTokenSize is the maximum size used to buffer a token unless the
  // user provides an explicit buffer with Scanner.Buffer.
  MaxScanTokenSize = 64 * 1024,
  startBufSize = 4096, // Size of initial allocation for buffer.
  maxConsecutiveEmptyReads = 100,
};

// Scanner provides a convenient interface for reading data such as a file
// of newline-delimited lines of text.
typedef struct Scanner {
  sg_arena *ar;
  Reader_io r;            // The reader provided by the client.
  SplitFunc split;        // The function to split the tokens.
  ptrdiff_t maxTokenSize; // Maximum size of a token; modified by tests.
  bytes token;            // Last token returned by split.
  bytes buf;              // Buffer used as argument to split.
  ptrdiff_t start;        // First non-processed byte in buf.
  ptrdiff_t end;          // End of data in buf.
  error err;              // Sticky error.
  int empties;            // Count of successive empty tokens.
  bool scanCalled;        // Scan has been called; buffer is in use.
  bool done;              // Scan has finished.
} Scanner;

static ptrdiff_t ScanLines(bytes data, bool atEOF, bytes *token, error *err);

// NewScanner returns a new Scanner to read from r.  The split function
// defaults to ScanLines.
static Scanner *NewScanner(sg_arena *ar, Reader_io r) {
  Scanner *s = sg_arena_alloc(ar, sizeof *s);
  s->ar = ar;
  s->r = r;
  s->split = ScanLines;
  s->maxTokenSize = MaxScanTokenSize;
  return s;
}

// Err returns the first non-EOF error that was encountered by the Scanner.
static error Scanner_Err(Scanner *s) {
  if (s->err == io_EOF)
    return NULL;
  return s->err;
}

// Bytes returns the most recent token generated by a call to Scan.  The
// underlying array may point to data that will be overwritten by a
// subsequent call to Scan.  It does no allocation.
static bytes Scanner_Bytes(Scanner *s) { return s->token; }

// Text returns the most recent token generated by a call to Scan as a
// newly allocated string holding its bytes.
static sg_str Scanner_Text(Scanner *s) { return string_of(s->ar, s->token); }

// setErr records the first error encountered.
static void Scanner_setErr(Scanner *s, error err) {
  if (s->err == NULL || s->err == io_EOF)
    s->err = err;
}

// advance consumes n bytes of the buffer.  It reports whether the advance
// was legal.
static bool Scanner_advance(Scanner *s, ptrdiff_t n) {
  if (n < 0) {
    Scanner_setErr(s, ErrNegativeAdvance);
    return false;
  }
  if (n > s->end - s->start) {
    Scanner_setErr(s, ErrAdvanceTooFar);
    return false;
  }
  s->start += n;
  return true;
}

// Scan advances the Scanner to the next token, which will then be
// available through the Bytes or Text method.  It returns false when the
// scan stops, either by reaching the end of the input or an error.
static bool Scanner_Scan(Scanner *s) {
  if (s->done)
    return false;
  s->scanCalled = true;
  // Loop until we have a token.
  for (;;) {
    // See if we can get a token with what we already have.  If we've run
    // out of data but have an error, give the split function a chance to
    // recover any remaining, possibly empty token.
    if (s->end > s->start || s->err != NULL) {
      bytes token;
      error err;
      ptrdiff_t advance = s->split(bytes_slice(s->buf, s->start, s->end),
                                   s->err != NULL, &token, &err);
      if (err != NULL) {
        if (err == ErrFinalToken) {
          s->token = token;
          s->done = true;
          return true;
        }
        Scanner_setErr(s, err);
        return false;
      }
      if (!Scanner_advance(s, advance))
        return false;
      s->token = token;
      if (token.ptr != NULL) {
        if (s->err == NULL || advance > 0) {
          s->empties = 0;
        } else {
          // Returning tokens not advancing input at EOF.
          s->empties++;
          if (s->empties > maxConsecutiveEmptyReads) {
            fprintf(stderr, "panic: bufio.Scan: too many empty tokens "
                            "without progressing\n");
            abort();
          }
        }
        return true;
      }
    }
    // We cannot generate a token with what we are holding.  If we've
    // already hit EOF or an I/O error, we are done.
    if (s->err != NULL) {
      // Shut it down.
      s->start = 0;
      s->end = 0;
      return false;
    }
    // Must read more data.  First, shift data to beginning of buffer if
    // there's lots of empty space or space is needed.
    if (s->start > 0 && (s->end == s->buf.len || s->start > s->buf.len / 2)) {
      bytes_copy(s->buf, bytes_slice(s->buf, s->start, s->end));
      s->end -= s->start;
      s->start = 0;
    }
    // Is the buffer full? If so, resize.
    if (s->end == s->buf.len) {
      // Guarantee no overflow in the multiplication below.
      const ptrdiff_t maxInt = PTRDIFF_MAX;
      if (s->buf.len >= s->maxTokenSize || s->buf.len > maxInt / 2) {
        Scanner_setErr(s, ErrTooLong);
        return false;
      }
      ptrdiff_t newSize = s->buf.len * 2;
      if (newSize == 0)
        newSize = startBufSize;
      if (newSize > s->maxTokenSize)
        newSize = s->maxTokenSize;
      bytes newBuf = bytes_make(s->ar, newSize, newSize);
      bytes_copy(newBuf, bytes_slice(s->buf, s->start, s->end));
      s->buf = newBuf;
      s->end -= s->start;
      s->start = 0;
    }
    // Finally we can read some input.  Make sure we don't get stuck with a
    // misbehaving Reader.  Officially we don't need to do this, but let's
    // be extra careful: Scanner is for safe, simple jobs.
    for (int loop = 0;;) {
      error err;
      ptrdiff_t n =
          s->r.Read(s->r.self, bytes_slice(s->buf, s->end, s->buf.len), &err);
      if (n < 0 || s->buf.len - s->end < n) {
        Scanner_setErr(s, ErrBadReadCount);
        break;
      }
      s->end += n;
      if (err != NULL) {
        Scanner_setErr(s, err);
        break;
      }
      if (n > 0) {
        s->empties = 0;
        break;
      }
      loop++;
      if (loop > maxConsecutiveEmptyReads) {
        Scanner_setErr(s, ErrNoProgress);
        break;
      }
    }
  }
}

// Buffer sets the initial buffer to use when scanning and the maximum
// size of buffer that may be allocated during scanning.
static void Scanner_Buffer(Scanner *s, bytes buf, ptrdiff_t max) {
  if (s->scanCalled) {
    fprintf(stderr, "panic: Buffer called after Scan\n");
    abort();
  }
  s->buf = bytes_slice(buf, 0, buf.cap);
  s->maxTokenSize = max;
}

// Split sets the split function for the Scanner.
static void Scanner_Split(Scanner *s, SplitFunc split) {
  if (s->scanCalled) {
    fprintf(stderr, "panic: Split called after Scan\n");
    abort();
  }
  s->split = split;
}

// ScanBytes is a split function for a Scanner that returns each byte as a
// token.
static ptrdiff_t ScanBytes(bytes data, bool atEOF, bytes *token, error *err) {
  *err = NULL;
  *token = (bytes){0};
  if (atEOF && data.len == 0)
    return 0;
  *token = bytes_slice(data, 0, 1);
  return 1;
}

static unsigned char errorRune_[] = "\xef\xbf\xbd"; // []byte(string(RuneError))

// ScanRunes is a split function for a Scanner that returns each
// UTF-8-encoded rune as a token.
static ptrdiff_t ScanRunes(bytes data, bool atEOF, bytes *token, error *err) {
  *err = NULL;
  *token = (bytes){0};
  if (atEOF && data.len == 0)
    return 0;

  // Fast path 1: ASCII.
  if (bytes_get(data, 0) < RuneSelf) {
    *token = bytes_slice(data, 0, 1);
    return 1;
  }

  // Fast path 2: Correct UTF-8 decode without error.
  ptrdiff_t width;
  DecodeRune(data, &width);
  if (width > 1) {
    // It's a valid encoding.  Width cannot be one for a correctly encoded
    // non-ASCII rune.
    *token = bytes_slice(data, 0, width);
    return width;
  }

  // We know it's an error: we have width==1 and implicitly r==utf8.RuneError.
  // Is the error because there wasn't a full rune to be decoded?
  // FullRune distinguishes correctly between erroneous and incomplete
  // encodings.
  if (!atEOF && !FullRune(data))
    // Incomplete; get more bytes.
    return 0;

  // We have a real UTF-8 encoding error.  Return a properly encoded error
  // rune but advance only one byte.
  *token = (bytes){errorRune_, 3, 3};
  return 1;
}

// dropCR drops a terminal \r from the data.
static bytes dropCR(bytes data) {
  if (data.len > 0 && bytes_get(data, data.len - 1) == '\r')
    return bytes_slice(data, 0, data.len - 1);
  return data;
}

// ScanLines is a split function for a Scanner that returns each line of
// text, stripped of any trailing end-of-line marker.
static ptrdiff_t ScanLines(bytes data, bool atEOF, bytes *token, error *err) {
  *err = NULL;
  *token = (bytes){0};
  if (atEOF && data.len == 0)
    return 0;
  ptrdiff_t i = IndexByte(data, '\n');
  if (i >= 0) {
    // We have a full newline-terminated line.
    *token = dropCR(bytes_slice(data, 0, i));
    return i + 1;
  }
  // If we're at EOF, we have a final, non-terminated line.  Return it.
  if (atEOF) {
    *token = dropCR(data);
    return data.len;
  }
  // Request more data.
  return 0;
}

// isSpace reports whether the character is a Unicode white space
// character.  We avoid dependency on the unicode package, but check
// validity of the implementation in the tests.
static bool isSpace(rune r) {
  if (r <= 0xFF) {
    // Obvious ASCII ones: \t through \r plus space.  Plus two Latin-1
    // oddballs.
    switch (r) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
      return true;
    case 0x85:
    case 0xA0:
      return true;
    }
    return false;
  }
  // High-valued ones.
  if (0x2000 <= r && r <= 0x200a)
    return true;
  switch (r) {
  case 0x1680:
  case 0x2028:
  case 0x2029:
  case 0x202f:
  case 0x205f:
  case 0x3000:
    return true;
  }
  return false;
}

// ScanWords is a split function for a Scanner that returns each
// space-separated word of text, with surrounding spaces deleted.  It will
// never return an empty string.
static ptrdiff_t ScanWords(bytes data, bool atEOF, bytes *token, error *err) {
  *err = NULL;
  *token = (bytes){0};
  // Skip leading spaces.
  ptrdiff_t start = 0;
  for (ptrdiff_t width = 0; start < data.len; start += width) {
    rune r = DecodeRune(bytes_slice(data, start, data.len), &width);
    if (!isSpace(r))
      break;
  }
  // Scan until space, marking end of word.
  for (ptrdiff_t width = 0, i = start; i < data.len; i += width) {
    rune r = DecodeRune(bytes_slice(data, i, data.len), &width);
    if (isSpace(r)) {
      *token = bytes_slice(data, start, i);
      return i + width;
    }
  }
  // If we're at EOF, we have a final, non-empty, non-terminated word.
  // Return it.
  if (atEOF && data.len > start) {
    *token = bytes_slice(data, start, data.len);
    return data.len;
  }
  // Request more data.
  return start;
}

/* ---- the program ------------------------------------------------------- */

// trickle hands out its input a varying few bytes per Read, with some
// empty reads, as a pipe would.
typedef struct trickle {
  sg_str s;
  int step;
} trickle;

static ptrdiff_t trickle_Read(void *self, bytes p, error *err) {
  trickle *t = self;
  *err = NULL;
  if (t->s.len == 0) {
    *err = io_EOF;
    return 0;
  }
  t->step++;
  ptrdiff_t k = t->step % 5;
  if (k > p.len)
    k = p.len;
  if (k > t->s.len)
    k = t->s.len;
  bytes_copy(p, bytes_view(sg_str_slice(t->s, 0, k)));
  t->s = sg_str_slice(t->s, k, t->s.len);
  return k;
}

static Reader_io fromString(sg_arena *ar, sg_str s) {
  stringsReader *r = sg_arena_alloc(ar, sizeof *r);
  r->s = s;
  return (Reader_io){r, stringsReader_Read};
}

static Reader_io trickling(sg_arena *ar, sg_str s) {
  trickle *t = sg_arena_alloc(ar, sizeof *t);
  t->s = s;
  return (Reader_io){t, trickle_Read};
}

static void scan(sg_arena *ar, const char *tag, Reader_io r, SplitFunc split,
                 bytes buf, ptrdiff_t max) {
  Scanner *s = NewScanner(ar, r);
  if (split != NULL)
    Scanner_Split(s, split);
  if (buf.ptr != NULL)
    Scanner_Buffer(s, buf, max);
  int n = 0;
  bytes sb = {0};
  while (Scanner_Scan(s)) {
    bytes tok = Scanner_Bytes(s);
    char tmp[64];
    int k;
    if (tok.len > 30) {
      k = snprintf(tmp, sizeof tmp, " [%.*s...%d]", 8, (const char *)tok.ptr,
                   (int)tok.len);
      sb = bytes_extend(ar, sb, bytes_view(sg_str_make(tmp, k)));
    } else {
      sg_str text = Scanner_Text(s);
      sb = bytes_append(ar, sb, ' ');
      sb = bytes_append(ar, sb, '[');
      sb = bytes_extend(ar, sb, bytes_view(text));
      sb = bytes_append(ar, sb, ']');
    }
    n++;
  }
  error err = Scanner_Err(s);
  printf("%s: %d tokens, err=%s:%.*s\n", tag, n, err ? err : "<nil>",
         (int)sb.len, (const char *)sb.ptr);
}

// commaSplit is the package example's custom split: comma-separated
// values, with an empty final token.
static ptrdiff_t commaSplit(bytes data, bool atEOF, bytes *token, error *err) {
  *err = NULL;
  *token = (bytes){0};
  for (ptrdiff_t i = 0; i < data.len; i++) {
    if (bytes_get(data, i) == ',') {
      *token = bytes_slice(data, 0, i);
      return i + 1;
    }
  }
  if (!atEOF)
    return 0;
  *token = data;
  *err = ErrFinalToken;
  return 0;
}

static const char errStop[] = "stop word";

// untilStop splits words and fails on the word "STOP".
static ptrdiff_t untilStop(bytes data, bool atEOF, bytes *token, error *err) {
  ptrdiff_t advance = ScanWords(data, atEOF, token, err);
  if (*err == NULL && token->ptr != NULL &&
      sg_str_eq(sg_str_make((const char *)token->ptr, token->len),
                SG_STR("STOP"))) {
    *token = (bytes){0};
    *err = errStop;
    return 0;
  }
  return advance;
}

#define SG_MAP counts
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

static void longLines(sg_arena *ar) {
  // Long lines: the buffer doubles from 4096 up to the maximum.
  bytes b = {0};
  for (int i = 0; i < 3; i++) {
    for (int k = 0; k < 5000 * (i + 1); k++)
      b = bytes_append(ar, b, (unsigned char)('0' + i));
    b = bytes_append(ar, b, '\n');
  }
  b = bytes_extend(ar, b, bytes_view(SG_STR("short\n")));
  sg_str lng = string_of(ar, b);
  bytes none = {0};
  scan(ar, "long", fromString(ar, lng), NULL, none, 0);
  scan(ar, "long trickle", trickling(ar, sg_str_slice(lng, 0, 12000)), NULL,
       none, 0);
  scan(ar, "too long", fromString(ar, lng), NULL, bytes_make(ar, 100, 100),
       9000);
  scan(ar, "small buffer", fromString(ar, SG_STR("abc\ndefgh\nij\n")), NULL,
       bytes_make(ar, 0, 4), 8);
  scan(ar, "tiny max", fromString(ar, SG_STR("abcdefghij\n")), NULL,
       bytes_make(ar, 2, 2), 4);
}

static void ownBuffer(sg_arena *ar) {
  // A buffer handed in by the caller is used as the scanner's own.
  bytes own = bytes_make(ar, 64, 64);
  Scanner *s = NewScanner(
      ar, fromString(ar, SG_STR("reuse the caller's buffer\nsecond\n")));
  Scanner_Buffer(s, own, 64);
  Scanner_Scan(s);
  sg_str t = Scanner_Text(s);
  printf("own buffer: [%.*s] shares=%s\n", (int)t.len, t.ptr,
         bytes_at(Scanner_Bytes(s), 0) == bytes_at(own, 0) ? "true" : "false");
  Scanner_Scan(s);
  t = Scanner_Text(s);
  printf("own buffer: [%.*s] [", (int)t.len, t.ptr);
  bytes head = bytes_slice(own, 0, 33);
  for (ptrdiff_t i = 0; i < head.len; i++) {
    unsigned char c = bytes_get(head, i);
    putchar(c == '\n' ? '|' : c);
  }
  printf("]\n");
}

static void wordCounts(sg_arena *ar) {
  // Word frequencies over many lines, counted in a map.
  bytes in = {0};
  for (int i = 0; i < 500; i++) {
    char line[64];
    int n = snprintf(line, sizeof line, "w%d w%d w%d\n", i % 7, i % 11, i % 3);
    in = bytes_extend(ar, in, bytes_view(sg_str_make(line, n)));
  }
  counts m = counts_make(ar, 0);
  Scanner *ws =
      NewScanner(ar, fromString(ar, sg_str_make((const char *)in.ptr, in.len)));
  Scanner_Split(ws, ScanWords);
  while (Scanner_Scan(ws)) {
    sg_str w = Scanner_Text(ws);
    int *c = counts_ref(m, w); /* counts[w]++ */
    if (c == NULL) {
      counts_put(m, w, 0);
      c = counts_ref(m, w);
    }
    (*c)++;
  }
  printf("distinct %d, w0=%d w6=%d w10=%d\n", (int)counts_len(m),
         counts_get(m, SG_STR("w0")), counts_get(m, SG_STR("w6")),
         counts_get(m, SG_STR("w10")));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  bytes none = {0};
  sg_str text = SG_STR("first line\nsecond line\r\n\nfourth after empty\r\nno "
                       "newline at end");
  scan(ar, "lines", fromString(ar, text), NULL, none, 0);
  scan(ar, "lines trickle", trickling(ar, text), NULL, none, 0);
  scan(ar, "lines empty", fromString(ar, SG_STR("")), NULL, none, 0);
  scan(ar, "lines only newlines", fromString(ar, SG_STR("\n\n\r\n")), NULL,
       none, 0);
  scan(ar, "words",
       fromString(ar, SG_STR("  the quick\tbrown\n\nfox \u00a0jumps\u2003over"
                             "  ")),
       ScanWords, none, 0);
  scan(ar, "words trickle",
       trickling(ar, SG_STR(" alpha  beta\u3000gamma\xc2\x85"
                            "delta ")),
       ScanWords, none, 0);
  scan(ar, "words none", fromString(ar, SG_STR(" \t\n ")), ScanWords, none, 0);
  scan(ar, "runes",
       fromString(ar, SG_STR("a\u00e9\u4e16\U0001F600\xff"
                             "z")),
       ScanRunes, none, 0);
  scan(ar, "runes trickle",
       trickling(ar, SG_STR("h\u00e9llo, \u4e16\u754c\U0001F600!\xe4\xb8")),
       ScanRunes, none, 0);
  scan(ar, "bytes", fromString(ar, SG_STR("ab\u00e9")), ScanBytes, none, 0);
  scan(ar, "comma", fromString(ar, SG_STR("1,2,3,4,")), commaSplit, none, 0);
  scan(ar, "comma trickle", trickling(ar, SG_STR("alpha,beta,,gamma")),
       commaSplit, none, 0);
  scan(ar, "stop", fromString(ar, SG_STR("go on STOP never")), untilStop, none,
       0);
  longLines(ar);
  ownBuffer(ar);
  wordCounts(ar);
  sg_arena_free(ar);
  return 0;
}
