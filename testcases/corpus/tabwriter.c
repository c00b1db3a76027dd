// A port of text/tabwriter (Go 1.19, src/text/tabwriter/tabwriter.go):
// the Writer that collects text into cells (buf, a [][]cell of lines that
// addLine reuses, terminateCell appending through a pointer to the last
// line), the recursive column format with its pushed and popped widths
// slice, escapes, HTML filtering, padding and the Debug, AlignRight,
// DiscardEmptyColumns and TabIndent flags.  Go's panic/recover for output
// errors becomes setjmp/longjmp.  The Go original of main is
// tabwriter.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/tabwriter.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE bytes
#define SG_ELEM unsigned char
#include <sliceguard/slice.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

typedef const char *error; /* NULL is nil */

static const char ErrShortWrite[] = "short write";

static bytes bytes_view(sg_str s) {
  bytes b = {(unsigned char *)s.ptr, s.len, s.len};
  return b;
}

/* utf8.RuneCount: invalid bytes count one each, as Go decodes them. */
static ptrdiff_t RuneCount(bytes p) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < p.len; n++) {
    unsigned c = bytes_get(p, i);
    int need = c < 0x80                 ? 1
               : c >= 0xC2 && c <= 0xDF ? 2
               : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4
                                        : 0;
    if (need <= 1 || i + need > p.len) {
      i++;
      continue;
    }
    unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    bool ok = true;
    for (int k = 1; k < need && ok; k++) {
      unsigned cc = bytes_get(p, i + k);
      ok = cc >= lo && cc <= hi;
      lo = 0x80;
      hi = 0xBF;
    }
    i += ok ? need : 1;
  }
  return n;
}

/* ---- io.Writer --------------------------------------------------------- */

typedef struct Writer_io {
  void *self;
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
} Writer_io;

/* ---- text/tabwriter ---------------------------------------------------- */

// A cell represents a segment of text terminated by tabs or line breaks.
// The text itself is stored in a separate buffer; cell only describes the
// segment's size in bytes, its width in runes, and whether it's an htab
// ('\t') terminated cell.
typedef struct cell {
  ptrdiff_t size;  // cell size in bytes
  ptrdiff_t width; // cell width in runes
  bool htab;       // true if the cell is terminated by an htab ('\t')
} cell;

#define SG_SLICE cells
#define SG_ELEM cell
#include <sliceguard/slice.h>

#define SG_SLICE celllines
#define SG_ELEM cells
#include <sliceguard/slice.h>

// Formatting can be controlled with these flags.
enum {
  // Ignore html tags and treat entities (starting with '&' and ending in
  // ';') as single characters (width = 1).
  FilterHTML = 1 << 0,
  // Strip Escape characters bracketing escaped text segments instead of
  // passing them through unchanged with the text.
  StripEscape = 1 << 1,
  // Force right-alignment of cell content.  Default is left-alignment.
  AlignRight = 1 << 2,
  // Handle empty columns as if they were not present in the input in the
  // first place.
  DiscardEmptyColumns = 1 << 3,
  // Always use tabs for indentation columns (i.e., padding of leading
  // empty cells on the left) independent of padchar.
  TabIndent = 1 << 4,
  // Print a vertical bar ('|') between columns (after formatting).
  // Discarded columns appear as zero-width columns ("||").
  Debug = 1 << 5,
};

// A Writer is a filter that inserts padding around tab-delimited columns
// in its input to align them in the output.
typedef struct Writer {
  sg_arena *ar;
  // configuration
  Writer_io output;
  ptrdiff_t minwidth;
  ptrdiff_t tabwidth;
  ptrdiff_t padding;
  unsigned char padbytes[8];
  unsigned flags;

  // current state
  bytes buf;     // collected text excluding tabs or line breaks
  ptrdiff_t pos; // buffer position up to which cell.width of incomplete
                 // cell has been computed
  cell cell;     // current incomplete cell; cell.width is up to buf[pos]
                 // excluding ignored sections
  unsigned char endChar; // terminating char of escaped sequence (Escape for
                         // escapes, '>', ';' for HTML tags/entities, or 0)
  celllines lines;       // list of lines; each line is a list of cells
  ints widths; // list of column widths in runes - re-used during formatting

  /* panic(osError{err}) lands here, and recover reads err */
  jmp_buf *panicking;
  error osError;
} Writer;

// addLine adds a new line.  flushed is a hint indicating whether the
// underlying writer was just flushed.  If so, the previous line is not
// likely to be a good indicator of the new line's cells.
static void Writer_addLine(Writer *b, bool flushed) {
  // Grow slice instead of appending, as that gives us an opportunity to
  // re-use an existing []cell.
  ptrdiff_t n = b->lines.len + 1;
  if (n <= b->lines.cap) {
    b->lines = celllines_slice(b->lines, 0, n);
    celllines_set(b->lines, n - 1,
                  cells_slice(celllines_get(b->lines, n - 1), 0, 0));
  } else {
    b->lines = celllines_append(b->ar, b->lines, (cells){0});
  }

  if (!flushed) {
    // The previous line is probably a good indicator of how many cells the
    // current line will have.  If the current line's capacity is smaller
    // than that, abandon it and make a new one.
    n = b->lines.len;
    if (n >= 2) {
      ptrdiff_t prev = celllines_get(b->lines, n - 2).len;
      if (prev > celllines_get(b->lines, n - 1).cap)
        celllines_set(b->lines, n - 1, cells_make(b->ar, 0, prev));
    }
  }
}

// Reset the current state.
static void Writer_reset(Writer *b) {
  b->buf = bytes_slice(b->buf, 0, 0);
  b->pos = 0;
  b->cell = (cell){0};
  b->endChar = 0;
  b->lines = celllines_slice(b->lines, 0, 0);
  b->widths = ints_slice(b->widths, 0, 0);
  Writer_addLine(b, true);
}

// A Writer must be initialized with a call to Init.  The first parameter
// (output) specifies the filter output.  The remaining parameters control
// the formatting.
static Writer *Writer_Init(Writer *b, Writer_io output, ptrdiff_t minwidth,
                           ptrdiff_t tabwidth, ptrdiff_t padding,
                           unsigned char padchar, unsigned flags) {
  if (minwidth < 0 || tabwidth < 0 || padding < 0) {
    fprintf(stderr, "panic: negative minwidth, tabwidth, or padding\n");
    abort();
  }
  b->output = output;
  b->minwidth = minwidth;
  b->tabwidth = tabwidth;
  b->padding = padding;
  for (int i = 0; i < 8; i++)
    b->padbytes[i] = padchar;
  if (padchar == '\t')
    // tab padding enforces left-alignment
    flags &= ~(unsigned)AlignRight;
  b->flags = flags;

  Writer_reset(b);
  return b;
}

// write0 writes buf to the output; an error unwinds to the enclosing
// Write or Flush, as Go's panic(osError{err}) does.
static void Writer_write0(Writer *b, bytes buf) {
  error err;
  ptrdiff_t n = b->output.Write(b->output.self, buf, &err);
  if (n != buf.len && err == NULL)
    err = ErrShortWrite;
  if (err != NULL) {
    b->osError = err;
    longjmp(*b->panicking, 1);
  }
}

static void Writer_writeN(Writer *b, bytes src, ptrdiff_t n) {
  while (n > src.len) {
    Writer_write0(b, src);
    n -= src.len;
  }
  Writer_write0(b, bytes_slice(src, 0, n));
}

static unsigned char newline_[] = {'\n'};
static unsigned char tabs_[] = "\t\t\t\t\t\t\t\t";
static unsigned char vbar_[] = {'|'};
static unsigned char hbar_[] = "---\n";

#define newline ((bytes){newline_, 1, 1})
#define tabs ((bytes){tabs_, 8, 8})
#define vbar ((bytes){vbar_, 1, 1})
#define hbar ((bytes){hbar_, 4, 4})

static void Writer_writePadding(Writer *b, ptrdiff_t textw, ptrdiff_t cellw,
                                bool useTabs) {
  if (b->padbytes[0] == '\t' || useTabs) {
    // padding is done with tabs
    if (b->tabwidth == 0)
      return; // tabs have no width - can't do any padding
    // make cellw the smallest multiple of b.tabwidth
    cellw = (cellw + b->tabwidth - 1) / b->tabwidth * b->tabwidth;
    ptrdiff_t n = cellw - textw; // amount of padding
    if (n < 0) {
      fprintf(stderr, "panic: internal error\n");
      abort();
    }
    Writer_writeN(b, tabs, (n + b->tabwidth - 1) / b->tabwidth);
    return;
  }

  // padding is done with non-tab characters
  Writer_writeN(b, (bytes){b->padbytes, 8, 8}, cellw - textw);
}

static ptrdiff_t Writer_writeLines(Writer *b, ptrdiff_t pos0, ptrdiff_t line0,
                                   ptrdiff_t line1) {
  ptrdiff_t pos = pos0;
  for (ptrdiff_t i = line0; i < line1; i++) {
    cells line = celllines_get(b->lines, i);

    // if TabIndent is set, use tabs to pad leading empty cells
    bool useTabs = (b->flags & TabIndent) != 0;

    for (ptrdiff_t j = 0; j < line.len; j++) {
      cell c = cells_get(line, j);
      if (j > 0 && (b->flags & Debug) != 0)
        // indicate column break
        Writer_write0(b, vbar);

      if (c.size == 0) {
        // empty cell
        if (j < b->widths.len)
          Writer_writePadding(b, c.width, ints_get(b->widths, j), useTabs);
      } else {
        // non-empty cell
        useTabs = false;
        if ((b->flags & AlignRight) == 0) { // align left
          Writer_write0(b, bytes_slice(b->buf, pos, pos + c.size));
          pos += c.size;
          if (j < b->widths.len)
            Writer_writePadding(b, c.width, ints_get(b->widths, j), false);
        } else { // align right
          if (j < b->widths.len)
            Writer_writePadding(b, c.width, ints_get(b->widths, j), false);
          Writer_write0(b, bytes_slice(b->buf, pos, pos + c.size));
          pos += c.size;
        }
      }
    }

    if (i + 1 == b->lines.len) {
      // last buffered line - we don't have a newline, so just write any
      // outstanding buffered data
      Writer_write0(b, bytes_slice(b->buf, pos, pos + b->cell.size));
      pos += b->cell.size;
    } else {
      // not the last line - write newline
      Writer_write0(b, newline);
    }
  }
  return pos;
}

// Format the text between line0 and line1 (excluding line1); pos is the
// buffer position corresponding to the beginning of line0.  Returns the
// buffer position corresponding to the beginning of line1 and an error,
// if any.
static ptrdiff_t Writer_format(Writer *b, ptrdiff_t pos0, ptrdiff_t line0,
                               ptrdiff_t line1) {
  ptrdiff_t pos = pos0;
  ptrdiff_t column = b->widths.len;
  for (ptrdiff_t this = line0; this < line1; this ++) {
    cells line = celllines_get(b->lines, this);

    if (column >= line.len - 1)
      continue;
    // cell exists in this column => this line has more cells than the
    // previous line (the last cell per line is ignored because cells are
    // tab-terminated; the last cell per line describes the text before the
    // newline/formfeed and does not belong to a column)

    // print unprinted lines until beginning of block
    pos = Writer_writeLines(b, pos, line0, this);
    line0 = this;

    // column block begin
    ptrdiff_t width = b->minwidth; // minimal column width
    bool discardable = true;       // true if all cells in this column are empty
                                   // and "soft"
    for (; this < line1; this ++) {
      line = celllines_get(b->lines, this);
      if (column >= line.len - 1)
        break;
      // cell exists in this column
      cell c = cells_get(line, column);
      // update width
      ptrdiff_t w = c.width + b->padding;
      if (w > width)
        width = w;
      // update discardable
      if (c.width > 0 || c.htab)
        discardable = false;
    }
    // column block end

    // discard empty columns if necessary
    if (discardable && (b->flags & DiscardEmptyColumns) != 0)
      width = 0;

    // format and print all columns to the right of this column
    // (we know the widths of this column and all columns to the left)
    b->widths = ints_append(b->ar, b->widths, width); // push width
    pos = Writer_format(b, pos, line0, this);
    b->widths = ints_slice(b->widths, 0, b->widths.len - 1); // pop width
    line0 = this;
  }

  // print unprinted lines until end
  return Writer_writeLines(b, pos, line0, line1);
}

// Update the cell width.
static void Writer_append(Writer *b, bytes text) {
  b->buf = bytes_extend(b->ar, b->buf, text);
  b->cell.size += text.len;
}

// Update the cell width.
static void Writer_updateWidth(Writer *b) {
  b->cell.width += RuneCount(bytes_slice(b->buf, b->pos, b->buf.len));
  b->pos = b->buf.len;
}

// To escape a text segment, bracket it with Escape characters.
enum { Escape = 0xff };

// Start escaped mode.
static void Writer_startEscape(Writer *b, unsigned char ch) {
  switch (ch) {
  case Escape:
    b->endChar = Escape;
    break;
  case '<':
    b->endChar = '>';
    break;
  case '&':
    b->endChar = ';';
    break;
  }
}

// Terminate escaped mode.  If the escaped text was an HTML tag, its width
// is assumed to be zero for formatting purposes; if it was an HTML entity,
// its width is assumed to be one.  In all other cases, the width is the
// unicode width of the text.
static void Writer_endEscape(Writer *b) {
  switch (b->endChar) {
  case Escape:
    Writer_updateWidth(b);
    if ((b->flags & StripEscape) == 0)
      b->cell.width -= 2; // don't count the Escape chars
    break;
  case '>': // tag of zero width
    break;
  case ';':
    b->cell.width++; // entity, count as one rune
    break;
  }
  b->pos = b->buf.len;
  b->endChar = 0;
}

// Terminate the current cell by adding it to the list of cells of the
// current line.  Returns the number of cells in that line.
static ptrdiff_t Writer_terminateCell(Writer *b, bool htab) {
  b->cell.htab = htab;
  cells *line = celllines_at(b->lines, b->lines.len - 1);
  *line = cells_append(b->ar, *line, b->cell);
  b->cell = (cell){0};
  return line->len;
}

static void Writer_flushNoDefers(Writer *b) {
  // add current cell if not empty
  if (b->cell.size > 0) {
    if (b->endChar != 0)
      // inside escape - terminate it even if incomplete
      Writer_endEscape(b);
    Writer_terminateCell(b, false);
  }

  // format contents of buffer
  Writer_format(b, 0, 0, b->lines.len);
  Writer_reset(b);
}

// Flush should be called after the last call to Write to ensure that any
// data buffered in the Writer is written to output.
static error Writer_Flush(Writer *b) {
  jmp_buf env, *outer = b->panicking;
  b->panicking = &env;
  if (setjmp(env) != 0) { /* handlePanic(&err, "Flush") */
    b->panicking = outer;
    Writer_reset(b);
    return b->osError;
  }
  Writer_flushNoDefers(b);
  b->panicking = outer;
  return NULL;
}

// Write writes buf to the writer b.  The only errors returned are ones
// encountered while writing to the underlying output stream.
static ptrdiff_t Writer_Write(Writer *b, bytes buf, error *err) {
  jmp_buf env, *outer = b->panicking;
  b->panicking = &env;
  *err = NULL;
  if (setjmp(env) != 0) { /* handlePanic(&err, "Write") */
    b->panicking = outer;
    *err = b->osError;
    return 0;
  }
  // split text into cells
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < buf.len; i++) {
    unsigned char ch = bytes_get(buf, i);
    if (b->endChar == 0) {
      // outside escape
      switch (ch) {
      case '\t':
      case '\v':
      case '\n':
      case '\f': {
        // end of cell
        Writer_append(b, bytes_slice(buf, n, i));
        Writer_updateWidth(b);
        n = i + 1; // ch consumed
        ptrdiff_t ncells = Writer_terminateCell(b, ch == '\t');
        if (ch == '\n' || ch == '\f') {
          // terminate line
          Writer_addLine(b, ch == '\f');
          if (ch == '\f' || ncells == 1) {
            // A '\f' always forces a flush.  Otherwise, if the previous
            // line has only one cell which does not have an impact on the
            // formatting of the following lines (the last cell per line is
            // ignored by format()), thus we can flush the Writer contents.
            Writer_flushNoDefers(b);
            if (ch == '\f' && (b->flags & Debug) != 0)
              // indicate section break
              Writer_write0(b, hbar);
          }
        }
        break;
      }
      case Escape:
        // start of escaped sequence
        Writer_append(b, bytes_slice(buf, n, i));
        Writer_updateWidth(b);
        n = i;
        if ((b->flags & StripEscape) != 0)
          n++; // strip Escape
        Writer_startEscape(b, Escape);
        break;
      case '<':
      case '&':
        // possibly an html tag/entity
        if ((b->flags & FilterHTML) != 0) {
          // begin of tag/entity
          Writer_append(b, bytes_slice(buf, n, i));
          Writer_updateWidth(b);
          n = i;
          Writer_startEscape(b, ch);
        }
        break;
      }
    } else {
      // inside escape
      if (ch == b->endChar) {
        // end of tag/entity
        ptrdiff_t j = i + 1;
        if (ch == Escape && (b->flags & StripEscape) != 0)
          j = i; // strip Escape
        Writer_append(b, bytes_slice(buf, n, j));
        n = i + 1; // ch consumed
        Writer_endEscape(b);
      }
    }
  }

  // append leftover text
  Writer_append(b, bytes_slice(buf, n, buf.len));
  b->panicking = outer;
  return buf.len;
}

// NewWriter allocates and initializes a new tabwriter.Writer.
static Writer *NewWriter(sg_arena *ar, Writer_io output, ptrdiff_t minwidth,
                         ptrdiff_t tabwidth, ptrdiff_t padding,
                         unsigned char padchar, unsigned flags) {
  Writer *b = sg_arena_alloc(ar, sizeof *b);
  b->ar = ar;
  return Writer_Init(b, output, minwidth, tabwidth, padding, padchar, flags);
}

/* ---- the program ------------------------------------------------------- */

/* A strings.Builder as an io.Writer. */
typedef struct Builder {
  sg_arena *ar;
  bytes buf;
} Builder;

static ptrdiff_t Builder_Write(void *self, bytes p, error *err) {
  Builder *sb = self;
  sb->buf = bytes_extend(sb->ar, sb->buf, p);
  *err = NULL;
  return p.len;
}

static ptrdiff_t Stdout_Write(void *self, bytes p, error *err) {
  (void)self;
  *err = NULL;
  return (ptrdiff_t)fwrite(p.ptr, 1, (size_t)p.len, stdout);
}

typedef struct failing {
  ptrdiff_t left;
} failing;

static const char errDiskFull[] = "disk full";

static ptrdiff_t failing_Write(void *self, bytes p, error *err) {
  failing *f = self;
  *err = NULL;
  if (p.len > f->left) {
    ptrdiff_t n = f->left;
    f->left = 0;
    *err = errDiskFull;
    return n;
  }
  f->left -= p.len;
  return p.len;
}

static const char *errstr(error e) { return e ? e : "<nil>"; }

// chunked writes s to w in pieces of n bytes, so cells span Writes.
static void chunked(Writer *w, sg_str s, ptrdiff_t n) {
  while (s.len > 0) {
    ptrdiff_t k = n;
    if (k > s.len)
      k = s.len;
    error err;
    Writer_Write(w, bytes_view(sg_str_slice(s, 0, k)), &err);
    s = sg_str_slice(s, k, s.len);
  }
}

/* fmt.Fprintf(w, ...): one Write of the formatted text. */
static void fprintw(Writer *w, const char *text) {
  error err;
  Writer_Write(w, bytes_view(sg_str_from(text)), &err);
}

static void run(sg_arena *ar, const char *tag, ptrdiff_t minwidth,
                ptrdiff_t tabwidth, ptrdiff_t padding, unsigned char padchar,
                unsigned flags, sg_str text, ptrdiff_t chunk) {
  Builder out = {ar, {0}};
  Writer *w = NewWriter(ar, (Writer_io){&out, Builder_Write}, minwidth,
                        tabwidth, padding, padchar, flags);
  chunked(w, text, chunk);
  error err = Writer_Flush(w);
  printf("== %s (err=%s)\n", tag, errstr(err));
  for (ptrdiff_t i = 0; i < out.buf.len; i++) { /* ReplaceAll "\t" */
    unsigned char c = bytes_get(out.buf, i);
    if (c == '\t')
      fputs("<TAB>", stdout);
    else
      putchar(c);
  }
  if (out.buf.len == 0 || bytes_get(out.buf, out.buf.len - 1) != '\n')
    printf("<no newline>\n");
}

static void many(sg_arena *ar) {
  // Many lines: lines and cells grow, then the Writer is reused.
  Builder text = {ar, {0}};
  for (int i = 0; i < 120; i++) {
    char row[64];
    int n = snprintf(row, sizeof row, "row%d\t%.*s\t%d\n", i, i % 13,
                     "xxxxxxxxxxxxx", i * i);
    error err;
    Builder_Write(&text, bytes_view(sg_str_make(row, n)), &err);
  }
  Builder out = {ar, {0}};
  Writer *w = NewWriter(ar, (Writer_io){&out, Builder_Write}, 0, 8, 2, ' ',
                        AlignRight | Debug);
  chunked(w, sg_str_make((const char *)text.buf.ptr, text.buf.len), 17);
  Writer_Flush(w);
  /* strings.Split(out, "\n"): find lines 0, 57 and 119 */
  ptrdiff_t starts[200], nlines = 0, at = 0;
  starts[nlines++] = 0;
  for (ptrdiff_t i = 0; i < out.buf.len; i++)
    if (bytes_get(out.buf, i) == '\n' && nlines < 200)
      starts[nlines++] = i + 1;
  printf("many: %d lines, %d bytes\n", (int)nlines, (int)out.buf.len);
  static const int pick[] = {0, 57, 119};
  for (int k = 0; k < 3; k++) {
    at = starts[pick[k]];
    ptrdiff_t end = starts[pick[k] + 1] - 1;
    printf("%.*s\n", (int)(end - at), (const char *)out.buf.ptr + at);
  }
  out.buf = (bytes){0}; /* out.Reset() drops the bytes */
  Writer_Init(w, (Writer_io){&out, Builder_Write}, 3, 8, 1, '_', 0);
  fprintw(w, "re\tused\nwwwwwwwwwwwwwwwwwwww\tx\n");
  Writer_Flush(w);
  fwrite(out.buf.ptr, 1, (size_t)out.buf.len, stdout);

  // A failing output: Flush reports the error and resets the Writer.
  failing f = {10};
  w = NewWriter(ar, (Writer_io){&f, failing_Write}, 0, 8, 1, ' ', 0);
  fprintw(w, "first\tsecond\tthird\nalpha\tbeta\tgamma\n");
  printf("failing flush: %s\n", errstr(Writer_Flush(w)));
  f.left = 1000;
  Writer_Init(w, (Writer_io){NULL, Stdout_Write}, 0, 8, 1, '.', 0);
  fprintw(w, "after\tfailure\nok\tyes\n");
  printf("flush again: %s\n", errstr(Writer_Flush(w)));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  sg_str table =
      SG_STR("a\tb\tc\naa\tbbb\tcccc\naaa\t\tc\n\tb\tc\nlonger cell\tx\ty\n");
  run(ar, "plain", 0, 8, 1, ' ', 0, table, 1000);
  run(ar, "chunk1", 0, 8, 1, ' ', 0, table, 1);
  run(ar, "chunk3", 5, 0, 2, '.', 0, table, 3);
  run(ar, "right", 0, 8, 1, ' ', AlignRight, table, 7);
  run(ar, "debug", 0, 8, 1, ' ', Debug, table, 1000);
  run(ar, "debug right", 4, 8, 1, '-', Debug | AlignRight, table, 5);
  run(ar, "tabs", 0, 8, 1, '\t', 0, table, 1000);
  run(ar, "tabs tw4", 0, 4, 1, '\t', AlignRight, table, 1000);
  run(ar, "tabs tw0", 0, 0, 1, '\t', 0, table, 1000);
  sg_str empty = SG_STR("a\t\tb\nc\t\td\ne\t\tf\n");
  run(ar, "keep empty", 0, 8, 1, '.', 0, empty, 1000);
  run(ar, "discard empty", 0, 8, 1, '.', DiscardEmptyColumns, empty, 1000);
  run(ar, "discard empty tabs", 0, 8, 1, '\t', DiscardEmptyColumns | Debug,
      empty, 2);
  sg_str indent = SG_STR("\t\tindented\tx\n\t\tmore\ty\n\tless\tz\n");
  run(ar, "tabindent", 0, 4, 1, '.', TabIndent, indent, 1000);
  run(ar, "no tabindent", 0, 4, 1, '.', 0, indent, 1000);
  sg_str html = SG_STR("<b>bold</b>\t&amp;\tx\n<i>it</i>alic\t&lt;&gt;\ty\n"
                       "plain\t&\tz\n");
  run(ar, "html", 0, 8, 1, '.', FilterHTML, html, 1000);
  run(ar, "html chunk2", 0, 8, 1, '.', FilterHTML, html, 2);
  run(ar, "no html", 0, 8, 1, '.', 0, html, 1000);
  sg_str esc = SG_STR("a\xff\tb\xff"
                      "c\td\nxx\xff\xff\ty\tz\n");
  run(ar, "escape", 0, 8, 1, '.', 0, esc, 1000);
  run(ar, "strip escape", 0, 8, 1, '.', StripEscape, esc, 1);
  sg_str ff = SG_STR("a\tb\nccc\td\f"
                     "eeeee\tf\ng\th\n");
  run(ar, "formfeed", 0, 8, 1, '.', 0, ff, 1000);
  run(ar, "formfeed debug", 0, 8, 1, '.', Debug, ff, 3);
  sg_str vt = SG_STR("a\vb\vc\naaa\vbbb\vc\n");
  run(ar, "vtab", 0, 8, 1, '.', 0, vt, 1000);
  run(ar, "unterminated", 0, 8, 1, '.', 0, SG_STR("x\ty\nlast\tcell"), 1000);
  run(ar, "utf8", 0, 8, 1, '.', 0,
      SG_STR("h\u00e9llo\tw\u00f6rld\t\u4e16\u754c\nab\tcd\tef\n"), 1);
  run(ar, "single", 0, 8, 1, '.', 0, SG_STR("one line no tabs\nand another\n"),
      1000);
  run(ar, "nothing", 0, 8, 1, '.', 0, SG_STR(""), 1000);
  many(ar);
  sg_arena_free(ar);
  return 0;
}
