// go/scanner (Go 1.19 go/scanner/scanner.go) over a []byte source, with
// the parts of go/token it needs: the token table and its keyword map,
// File (the line table grown by AddLine) and FileSet.  The scanner keeps
// Go's structure: next/peek, the identifier fast path over
// src[rdOffset:], scanNumber with digits/invalidSep, scanEscape, runes,
// strings, raw strings with stripCR, comments and findLineEnd for
// automatic semicolons, and the switch2/3/4 operator helpers.  Not ported:
// //line directives (updateLineInfo; no input has one).  unicode.IsLetter
// is a table for Latin-1, Latin Extended and Greek, which covers every
// non-ASCII identifier in goscan.go's inputs.  goscan.go runs the real
// packages.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/goscan.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %sg_verify %sg_cflags %s
// expected-no-diagnostics
// clang-format on

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

typedef int32_t rune;

#define SG_SLICE bytes
#define SG_ELEM uint8_t
#include <sliceguard/slice.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

static sg_arena *A;

static sg_str string_of(bytes b) {
  bytes c = bytes_clone(A, b);
  return sg_str_make((const char *)c.ptr, c.len);
}

#define S(x) (int)(x).len, (x).ptr

/* ---- unicode/utf8 ---- */

enum { RuneError = 0xFFFD, RuneSelf = 0x80, MaxRune = 0x10FFFF };

static ptrdiff_t EncodeRune(uint8_t *p, rune r) {
  uint32_t i = (uint32_t)r;
  if (i <= 0x7F) {
    p[0] = (uint8_t)r;
    return 1;
  }
  if (i <= 0x7FF) {
    p[0] = (uint8_t)(0xC0 | (r >> 6));
    p[1] = (uint8_t)(0x80 | (r & 0x3F));
    return 2;
  }
  if (i > MaxRune || (0xD800 <= i && i <= 0xDFFF))
    r = RuneError;
  if ((uint32_t)r <= 0xFFFF) {
    p[0] = (uint8_t)(0xE0 | (r >> 12));
    p[1] = (uint8_t)(0x80 | ((r >> 6) & 0x3F));
    p[2] = (uint8_t)(0x80 | (r & 0x3F));
    return 3;
  }
  p[0] = (uint8_t)(0xF0 | (r >> 18));
  p[1] = (uint8_t)(0x80 | ((r >> 12) & 0x3F));
  p[2] = (uint8_t)(0x80 | ((r >> 6) & 0x3F));
  p[3] = (uint8_t)(0x80 | (r & 0x3F));
  return 4;
}

// DecodeRune unpacks the first UTF-8 encoding in p; (RuneError, 1) for an
// invalid one, as Go's.
static rune DecodeRune(bytes p, ptrdiff_t *size) {
  ptrdiff_t n = p.len;
  *size = 1;
  if (n < 1) {
    *size = 0;
    return RuneError;
  }
  uint8_t p0 = bytes_get(p, 0);
  if (p0 < RuneSelf)
    return p0;
  int need;
  rune r;
  uint8_t lo = 0x80, hi = 0xBF;
  if (p0 >= 0xC2 && p0 <= 0xDF) {
    need = 1;
    r = p0 & 0x1F;
  } else if (p0 >= 0xE0 && p0 <= 0xEF) {
    need = 2;
    r = p0 & 0x0F;
    if (p0 == 0xE0)
      lo = 0xA0;
    if (p0 == 0xED)
      hi = 0x9F;
  } else if (p0 >= 0xF0 && p0 <= 0xF4) {
    need = 3;
    r = p0 & 0x07;
    if (p0 == 0xF0)
      lo = 0x90;
    if (p0 == 0xF4)
      hi = 0x8F;
  } else {
    return RuneError;
  }
  if (n < need + 1)
    return RuneError;
  for (int k = 1; k <= need; k++) {
    uint8_t c = bytes_get(p, k);
    if (c < lo || c > hi)
      return RuneError;
    lo = 0x80;
    hi = 0xBF;
    r = r << 6 | (c & 0x3F);
  }
  *size = need + 1;
  return r;
}

/* ---- unicode (the subset the inputs need) ---- */

static bool unicode_IsLetter(rune r) {
  if (r >= 0xC0 && r <= 0x24F)
    return r != 0xD7 && r != 0xF7;
  if (r >= 0x391 && r <= 0x3FF)
    return r != 0x3A2 && r != 0x3F6;
  return r == 0xAA || r == 0xB5 || r == 0xBA;
}

static bool unicode_IsDigit(rune r) {
  (void)r;
  return false; // no input has a non-ASCII digit
}

/* ---- go/token ---- */

typedef enum Token {
  ILLEGAL,
  EOF_,
  COMMENT,
  literal_beg,
  IDENT,
  INT,
  FLOAT,
  IMAG,
  CHAR,
  STRING,
  literal_end,
  operator_beg,
  ADD,
  SUB,
  MUL,
  QUO,
  REM,
  AND,
  OR,
  XOR,
  SHL,
  SHR,
  AND_NOT,
  ADD_ASSIGN,
  SUB_ASSIGN,
  MUL_ASSIGN,
  QUO_ASSIGN,
  REM_ASSIGN,
  AND_ASSIGN,
  OR_ASSIGN,
  XOR_ASSIGN,
  SHL_ASSIGN,
  SHR_ASSIGN,
  AND_NOT_ASSIGN,
  LAND,
  LOR,
  ARROW,
  INC,
  DEC,
  EQL,
  LSS,
  GTR,
  ASSIGN,
  NOT,
  NEQ,
  LEQ,
  GEQ,
  DEFINE,
  ELLIPSIS,
  LPAREN,
  LBRACK,
  LBRACE,
  COMMA,
  PERIOD,
  RPAREN,
  RBRACK,
  RBRACE,
  SEMICOLON,
  COLON,
  operator_end,
  keyword_beg,
  BREAK,
  CASE,
  CHAN,
  CONST,
  CONTINUE,
  DEFAULT,
  DEFER,
  ELSE,
  FALLTHROUGH,
  FOR,
  FUNC,
  GO,
  GOTO,
  IF,
  IMPORT,
  INTERFACE,
  MAP,
  PACKAGE,
  RANGE,
  RETURN,
  SELECT,
  STRUCT,
  SWITCH,
  TYPE,
  VAR,
  keyword_end,
  additional_beg,
  TILDE,
  additional_end,
} Token;

static const char *const tokens[] = {
    [ILLEGAL] = "ILLEGAL",
    [EOF_] = "EOF",
    [COMMENT] = "COMMENT",
    [IDENT] = "IDENT",
    [INT] = "INT",
    [FLOAT] = "FLOAT",
    [IMAG] = "IMAG",
    [CHAR] = "CHAR",
    [STRING] = "STRING",
    [ADD] = "+",
    [SUB] = "-",
    [MUL] = "*",
    [QUO] = "/",
    [REM] = "%",
    [AND] = "&",
    [OR] = "|",
    [XOR] = "^",
    [SHL] = "<<",
    [SHR] = ">>",
    [AND_NOT] = "&^",
    [ADD_ASSIGN] = "+=",
    [SUB_ASSIGN] = "-=",
    [MUL_ASSIGN] = "*=",
    [QUO_ASSIGN] = "/=",
    [REM_ASSIGN] = "%=",
    [AND_ASSIGN] = "&=",
    [OR_ASSIGN] = "|=",
    [XOR_ASSIGN] = "^=",
    [SHL_ASSIGN] = "<<=",
    [SHR_ASSIGN] = ">>=",
    [AND_NOT_ASSIGN] = "&^=",
    [LAND] = "&&",
    [LOR] = "||",
    [ARROW] = "<-",
    [INC] = "++",
    [DEC] = "--",
    [EQL] = "==",
    [LSS] = "<",
    [GTR] = ">",
    [ASSIGN] = "=",
    [NOT] = "!",
    [NEQ] = "!=",
    [LEQ] = "<=",
    [GEQ] = ">=",
    [DEFINE] = ":=",
    [ELLIPSIS] = "...",
    [LPAREN] = "(",
    [LBRACK] = "[",
    [LBRACE] = "{",
    [COMMA] = ",",
    [PERIOD] = ".",
    [RPAREN] = ")",
    [RBRACK] = "]",
    [RBRACE] = "}",
    [SEMICOLON] = ";",
    [COLON] = ":",
    [BREAK] = "break",
    [CASE] = "case",
    [CHAN] = "chan",
    [CONST] = "const",
    [CONTINUE] = "continue",
    [DEFAULT] = "default",
    [DEFER] = "defer",
    [ELSE] = "else",
    [FALLTHROUGH] = "fallthrough",
    [FOR] = "for",
    [FUNC] = "func",
    [GO] = "go",
    [GOTO] = "goto",
    [IF] = "if",
    [IMPORT] = "import",
    [INTERFACE] = "interface",
    [MAP] = "map",
    [PACKAGE] = "package",
    [RANGE] = "range",
    [RETURN] = "return",
    [SELECT] = "select",
    [STRUCT] = "struct",
    [SWITCH] = "switch",
    [TYPE] = "type",
    [VAR] = "var",
    [TILDE] = "~",
};

static sg_str TokenString(Token tok) {
  const char *s = NULL;
  if ((int)tok >= 0 && (size_t)tok < sizeof tokens / sizeof tokens[0])
    s = tokens[tok];
  if (s == NULL || *s == 0) {
    char *p = sg_arena_alloc(A, 32);
    snprintf(p, 32, "token(%d)", (int)tok);
    return sg_str_from(p);
  }
  return sg_str_from(s);
}

static int Precedence(Token op) {
  switch (op) {
  case LOR:
    return 1;
  case LAND:
    return 2;
  case EQL:
  case NEQ:
  case LSS:
  case LEQ:
  case GTR:
  case GEQ:
    return 3;
  case ADD:
  case SUB:
  case OR:
  case XOR:
    return 4;
  case MUL:
  case QUO:
  case REM:
  case SHL:
  case SHR:
  case AND:
  case AND_NOT:
    return 5;
  default:
    return 0; // LowestPrec
  }
}

#define SG_MAP keywordmap
#define SG_KEY sg_str
#define SG_VAL Token
#include <sliceguard/map.h>

static keywordmap keywords;

static void token_init(void) {
  keywords = keywordmap_make(A, keyword_end - (keyword_beg + 1));
  for (int i = keyword_beg + 1; i < keyword_end; i++)
    keywordmap_put(keywords, sg_str_from(tokens[i]), (Token)i);
}

static Token Lookup(sg_str ident) {
  Token tok;
  if (keywordmap_lookup(keywords, ident, &tok))
    return tok;
  return IDENT;
}

static bool IsLiteral(Token tok) {
  return literal_beg < tok && tok < literal_end;
}
static bool IsOperator(Token tok) {
  return (operator_beg < tok && tok < operator_end) || tok == TILDE;
}
static bool IsKeywordTok(Token tok) {
  return keyword_beg < tok && tok < keyword_end;
}
static bool IsKeyword(sg_str name) {
  return keywordmap_lookup(keywords, name, NULL);
}

typedef ptrdiff_t Pos;

typedef struct File {
  sg_str name;
  ptrdiff_t base;
  ptrdiff_t size;
  ints lines; // lines contains the offset of the first character for each line
} File;

#define SG_SLICE files
#define SG_ELEM File *
#include <sliceguard/slice.h>

typedef struct FileSet {
  ptrdiff_t base;
  files files;
  File *last;
} FileSet;

typedef struct Position {
  sg_str Filename;
  ptrdiff_t Offset, Line, Column;
} Position;

static ptrdiff_t LineCount(File *f) { return f->lines.len; }

static void AddLine(File *f, ptrdiff_t offset) {
  ptrdiff_t i = f->lines.len;
  if ((i == 0 || ints_get(f->lines, i - 1) < offset) && offset < f->size)
    f->lines = ints_append(A, f->lines, offset);
}

static void fatal(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

static Pos FilePos(File *f, ptrdiff_t offset) {
  if (offset > f->size)
    fatal("invalid file offset");
  return f->base + offset;
}

static ptrdiff_t FileOffset(File *f, Pos p) {
  if (p < f->base || p > f->base + f->size)
    fatal("invalid Pos value");
  return p - f->base;
}

static ptrdiff_t searchInts(ints a, ptrdiff_t x) {
  ptrdiff_t i = 0, j = a.len;
  while (i < j) {
    ptrdiff_t h = (ptrdiff_t)((size_t)(i + j) >> 1);
    if (ints_get(a, h) <= x)
      i = h + 1;
    else
      j = h;
  }
  return i - 1;
}

static Position position(File *f, Pos p) {
  Position pos = {0};
  ptrdiff_t offset = p - f->base;
  pos.Offset = offset;
  pos.Filename = f->name;
  ptrdiff_t i = searchInts(f->lines, offset);
  if (i >= 0) {
    pos.Line = i + 1;
    pos.Column = offset - ints_get(f->lines, i) + 1;
  }
  return pos;
}

static File *AddFile(FileSet *s, sg_str filename, ptrdiff_t base,
                     ptrdiff_t size) {
  File *f = sg_arena_alloc(A, sizeof *f);
  *f = (File){.name = filename, .size = size};
  f->lines = ints_append(A, f->lines, 0);
  if (base < 0)
    base = s->base;
  if (base < s->base)
    fatal("invalid base");
  f->base = base;
  if (size < 0)
    fatal("invalid size");
  base += size + 1; // +1 because EOF also has a position
  s->base = base;
  s->files = files_append(A, s->files, f);
  s->last = f;
  return f;
}

static File *fileOf(FileSet *s, Pos p) {
  File *f = s->last;
  if (f && f->base <= p && p <= f->base + f->size)
    return f;
  // p is not in last file - search all files (searchFiles)
  ptrdiff_t i = 0, j = s->files.len;
  while (i < j) {
    ptrdiff_t h = (ptrdiff_t)((size_t)(i + j) >> 1);
    if (files_get(s->files, h)->base <= p)
      i = h + 1;
    else
      j = h;
  }
  i--;
  if (i >= 0) {
    f = files_get(s->files, i);
    if (p <= f->base + f->size) {
      s->last = f;
      return f;
    }
  }
  return NULL;
}

static Position FileSetPosition(FileSet *s, Pos p) {
  Position pos = {0};
  if (p != 0) {
    File *f = fileOf(s, p);
    if (f)
      return position(f, p);
  }
  return pos;
}

static void PositionPrint(Position pos) {
  bool any = false;
  if (pos.Filename.len) {
    printf("%.*s", S(pos.Filename));
    any = true;
  }
  if (pos.Line > 0) {
    if (any)
      printf(":");
    printf("%td", pos.Line);
    if (pos.Column != 0)
      printf(":%td", pos.Column);
    any = true;
  }
  if (!any)
    printf("-");
}

/* ---- go/scanner ---- */

typedef void (*ErrorHandler)(Position pos, sg_str msg);

typedef unsigned Mode;
enum {
  ScanComments = 1 << 0,    // return comments as COMMENT tokens
  dontInsertSemis = 1 << 1, // do not automatically insert semicolons
};

typedef struct Scanner {
  // immutable state
  File *file;       // source file handle
  bytes src;        // source
  ErrorHandler err; // error reporting; or NULL
  Mode mode;        // scanning mode

  // scanning state
  rune ch;              // current character
  ptrdiff_t offset;     // character offset
  ptrdiff_t rdOffset;   // reading offset (position after current character)
  ptrdiff_t lineOffset; // current line offset
  bool insertSemi;      // insert a semicolon before next newline

  // public state - ok to modify
  ptrdiff_t ErrorCount; // number of errors encountered
} Scanner;

enum { bom = 0xFEFF, eof = -1 };

static void scan_error(Scanner *s, ptrdiff_t offs, sg_str msg) {
  if (s->err != NULL)
    s->err(position(s->file, FilePos(s->file, offs)), msg);
  s->ErrorCount++;
}

static sg_str sprintf_str(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static sg_str sprintf_str(const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  return string_of((bytes){(uint8_t *)tmp, n, n});
}

// fmt's %#U: "U+0041 'A'" when printable.
static sg_str formatU(rune ch) {
  bool printable = (ch >= 0x20 && ch < 0x7F) || ch >= 0xA0;
  if (!printable)
    return sprintf_str("U+%04X", (unsigned)ch);
  uint8_t enc[4];
  ptrdiff_t w = EncodeRune(enc, ch);
  return sprintf_str("U+%04X '%.*s'", (unsigned)ch, (int)w, (const char *)enc);
}

// Read the next Unicode char into s.ch.  s.ch < 0 means end-of-file.
static void next(Scanner *s) {
  if (s->rdOffset < s->src.len) {
    s->offset = s->rdOffset;
    if (s->ch == '\n') {
      s->lineOffset = s->offset;
      AddLine(s->file, s->offset);
    }
    rune r = bytes_get(s->src, s->rdOffset);
    ptrdiff_t w = 1;
    if (r == 0) {
      scan_error(s, s->offset, SG_STR("illegal character NUL"));
    } else if (r >= RuneSelf) {
      // not ASCII
      r = DecodeRune(bytes_slice(s->src, s->rdOffset, s->src.len), &w);
      if (r == RuneError && w == 1)
        scan_error(s, s->offset, SG_STR("illegal UTF-8 encoding"));
      else if (r == bom && s->offset > 0)
        scan_error(s, s->offset, SG_STR("illegal byte order mark"));
    }
    s->rdOffset += w;
    s->ch = r;
  } else {
    s->offset = s->src.len;
    if (s->ch == '\n') {
      s->lineOffset = s->offset;
      AddLine(s->file, s->offset);
    }
    s->ch = eof;
  }
}

// peek returns the byte following the most recently read character
// without advancing the scanner.
static uint8_t peek(Scanner *s) {
  if (s->rdOffset < s->src.len)
    return bytes_get(s->src, s->rdOffset);
  return 0;
}

static void Init(Scanner *s, File *file, bytes src, ErrorHandler err,
                 Mode mode) {
  // Explicitly initialize all fields since a scanner may be reused.
  if (file->size != src.len)
    fatal("file size does not match src len");
  s->file = file;
  s->src = src;
  s->err = err;
  s->mode = mode;

  s->ch = ' ';
  s->offset = 0;
  s->rdOffset = 0;
  s->lineOffset = 0;
  s->insertSemi = false;
  s->ErrorCount = 0;

  next(s);
  if (s->ch == bom)
    next(s); // ignore BOM at file beginning
}

static bytes stripCR(bytes b, bool comment) {
  bytes c = bytes_make(A, b.len, b.len);
  ptrdiff_t i = 0;
  for (ptrdiff_t j = 0; j < b.len; j++) {
    uint8_t ch = bytes_get(b, j);
    // In a /*-style comment, don't strip \r from *\r/ (incl. sequences of
    // \r from *\r\r...\r/) since the resulting */ would terminate the
    // comment too early unless the \r is immediately following the opening
    // /* in which case it's ok because /*/ is not closed yet.
    if (ch != '\r' || (comment && i > 2 && bytes_get(c, i - 1) == '*' &&
                       j + 1 < b.len && bytes_get(b, j + 1) == '/')) {
      bytes_set(c, i, ch);
      i++;
    }
  }
  return bytes_slice(c, 0, i);
}

static sg_str scanComment(Scanner *s) {
  // initial '/' already consumed; s.ch == '/' || s.ch == '*'
  ptrdiff_t offs = s->offset - 1; // position of initial '/'
  ptrdiff_t numCR = 0;

  if (s->ch == '/') {
    //-style comment
    // (the final '\n' is not considered part of the comment)
    next(s);
    while (s->ch != '\n' && s->ch >= 0) {
      if (s->ch == '\r')
        numCR++;
      next(s);
    }
    goto exit;
  }

  /*-style comment */
  next(s);
  while (s->ch >= 0) {
    rune ch = s->ch;
    if (ch == '\r')
      numCR++;
    next(s);
    if (ch == '*' && s->ch == '/') {
      next(s);
      goto exit;
    }
  }

  scan_error(s, offs, SG_STR("comment not terminated"));

exit:;
  bytes lit = bytes_slice(s->src, offs, s->offset);

  // On Windows, a (//-comment) line may end in "\r\n".
  // Remove the final '\r' before analyzing the text for line directives
  // (matching the compiler).  Remove any other '\r' afterwards (matching
  // the pre-existing behavior of the scanner).
  if (numCR > 0 && lit.len >= 2 && bytes_get(lit, 1) == '/' &&
      bytes_get(lit, lit.len - 1) == '\r') {
    lit = bytes_slice(lit, 0, lit.len - 1);
    numCR--;
  }

  // (//line directives are not ported: updateLineInfo is never reached on
  // these inputs.)

  if (numCR > 0)
    lit = stripCR(lit, bytes_get(lit, 1) == '*');

  return string_of(lit);
}

static void skipWhitespace(Scanner *s) {
  while (s->ch == ' ' || s->ch == '\t' || (s->ch == '\n' && !s->insertSemi) ||
         s->ch == '\r')
    next(s);
}

static bool findLineEnd_(Scanner *s) {
  while (s->ch == '/' || s->ch == '*') {
    if (s->ch == '/')
      //-style comment always contains a newline
      return true;
    /*-style comment: look for newline */
    next(s);
    while (s->ch >= 0) {
      rune ch = s->ch;
      if (ch == '\n')
        return true;
      next(s);
      if (ch == '*' && s->ch == '/') {
        next(s);
        break;
      }
    }
    skipWhitespace(s); // s.insertSemi is set
    if (s->ch < 0 || s->ch == '\n')
      return true;
    if (s->ch != '/')
      // non-comment token
      return false;
    next(s); // consume '/'
  }
  return false;
}

static bool findLineEnd(Scanner *s) {
  // initial '/' already consumed
  ptrdiff_t offs = s->offset - 1;
  bool result = findLineEnd_(s);
  // reset scanner state to where it was upon calling findLineEnd (the
  // deferred function of Go's version)
  s->ch = '/';
  s->offset = offs;
  s->rdOffset = offs + 1;
  next(s); // consume initial '/' again
  return result;
}

static rune lower(rune ch) { return ('a' - 'A') | ch; }
static bool isDecimal(rune ch) { return '0' <= ch && ch <= '9'; }
static bool isHex(rune ch) {
  return ('0' <= ch && ch <= '9') || ('a' <= lower(ch) && lower(ch) <= 'f');
}

static bool isLetter(rune ch) {
  return ('a' <= lower(ch) && lower(ch) <= 'z') || ch == '_' ||
         (ch >= RuneSelf && unicode_IsLetter(ch));
}

static bool isDigit(rune ch) {
  return isDecimal(ch) || (ch >= RuneSelf && unicode_IsDigit(ch));
}

// scanIdentifier reads the string of valid identifier characters at
// s.offset.  It must only be called when s.ch is known to be a valid
// letter.
static sg_str scanIdentifier(Scanner *s) {
  ptrdiff_t offs = s->offset;

  // Optimize for the common case of an ASCII identifier.
  //
  // Ranging over s.src[s.rdOffset:] lets us avoid some bounds checks, and
  // avoids conversions to runes.
  bytes rest = bytes_slice(s->src, s->rdOffset, s->src.len);
  for (ptrdiff_t rdOffset = 0; rdOffset < rest.len; rdOffset++) {
    uint8_t b = bytes_get(rest, rdOffset);
    if (('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || b == '_' ||
        ('0' <= b && b <= '9'))
      // Avoid assigning a rune for the common case of an ascii character.
      continue;
    s->rdOffset += rdOffset;
    if (0 < b && b < RuneSelf) {
      // Optimization: we've encountered an ASCII character that's not a
      // letter or number.  Avoid the call into s.next() and corresponding
      // set up.
      s->ch = b;
      s->offset = s->rdOffset;
      s->rdOffset++;
      goto exit;
    }
    // We know that the preceding character is valid for an identifier
    // because scanIdentifier is only called when s.ch is a letter, so
    // calling s.next() at s.rdOffset resets the scanner state.
    next(s);
    while (isLetter(s->ch) || isDigit(s->ch))
      next(s);
    goto exit;
  }
  s->offset = s->src.len;
  s->rdOffset = s->src.len;
  s->ch = eof;

exit:
  return string_of(bytes_slice(s->src, offs, s->offset));
}

static int digitVal(rune ch) {
  if ('0' <= ch && ch <= '9')
    return (int)(ch - '0');
  if ('a' <= lower(ch) && lower(ch) <= 'f')
    return (int)(lower(ch) - 'a' + 10);
  return 16; // larger than any legal digit val
}

// digits accepts the sequence { digit | '_' }.  If base <= 10, digits
// accepts any decimal digit but records the offset (relative to the
// source start) of a digit >= base in *invalid, if *invalid < 0.
// digits returns a bitset describing whether the sequence contained
// digits (bit 0 is set), or separators '_' (bit 1 is set).
static int digits(Scanner *s, int base, ptrdiff_t *invalid) {
  int digsep = 0;
  if (base <= 10) {
    rune max = '0' + base;
    while (isDecimal(s->ch) || s->ch == '_') {
      int ds = 1;
      if (s->ch == '_')
        ds = 2;
      else if (s->ch >= max && *invalid < 0)
        *invalid = s->offset; // record invalid rune offset
      digsep |= ds;
      next(s);
    }
  } else {
    while (isHex(s->ch) || s->ch == '_') {
      int ds = 1;
      if (s->ch == '_')
        ds = 2;
      digsep |= ds;
      next(s);
    }
  }
  return digsep;
}

static const char *litname(rune prefix) {
  switch (prefix) {
  case 'x':
    return "hexadecimal literal";
  case 'o':
  case '0':
    return "octal literal";
  case 'b':
    return "binary literal";
  }
  return "decimal literal";
}

// invalidSep returns the index of the first invalid separator in x, or -1.
static ptrdiff_t invalidSep(sg_str x) {
  rune x1 = ' '; // prefix char, we only care if it's 'x'
  rune d = '.';  // digit, one of '_', '0' (a digit), or '.' (anything else)
  ptrdiff_t i = 0;

  // a prefix counts as a digit
  if (x.len >= 2 && x.ptr[0] == '0') {
    x1 = lower((rune)(uint8_t)x.ptr[1]);
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }

  // mantissa and exponent
  for (; i < x.len; i++) {
    rune p = d; // previous digit
    d = (rune)(uint8_t)x.ptr[i];
    if (d == '_') {
      if (p != '0')
        return i;
    } else if (isDecimal(d) || (x1 == 'x' && isHex(d))) {
      d = '0';
    } else {
      if (p == '_')
        return i - 1;
      d = '.';
    }
  }
  if (d == '_')
    return x.len - 1;

  return -1;
}

static Token scanNumber(Scanner *s, sg_str *litp) {
  ptrdiff_t offs = s->offset;
  Token tok = ILLEGAL;

  int base = 10;          // number base
  rune prefix = 0;        // one of 0 (decimal), '0' (0-octal), 'x', 'o', or 'b'
  int digsep = 0;         // bit 0: digit present, bit 1: '_' present
  ptrdiff_t invalid = -1; // index of invalid digit in literal, or < 0

  // integer part
  if (s->ch != '.') {
    tok = INT;
    if (s->ch == '0') {
      next(s);
      switch (lower(s->ch)) {
      case 'x':
        next(s);
        base = 16, prefix = 'x';
        break;
      case 'o':
        next(s);
        base = 8, prefix = 'o';
        break;
      case 'b':
        next(s);
        base = 2, prefix = 'b';
        break;
      default:
        base = 8, prefix = '0';
        digsep = 1; // leading 0
      }
    }
    digsep |= digits(s, base, &invalid);
  }

  // fractional part
  if (s->ch == '.') {
    tok = FLOAT;
    if (prefix == 'o' || prefix == 'b')
      scan_error(s, s->offset,
                 sprintf_str("invalid radix point in %s", litname(prefix)));
    next(s);
    digsep |= digits(s, base, &invalid);
  }

  if ((digsep & 1) == 0)
    scan_error(s, s->offset, sprintf_str("%s has no digits", litname(prefix)));

  // exponent
  rune e = lower(s->ch);
  if (e == 'e' || e == 'p') {
    if (e == 'e' && prefix != 0 && prefix != '0')
      scan_error(
          s, s->offset,
          sprintf_str("'%c' exponent requires decimal mantissa", (char)s->ch));
    else if (e == 'p' && prefix != 'x')
      scan_error(s, s->offset,
                 sprintf_str("'%c' exponent requires hexadecimal mantissa",
                             (char)s->ch));
    next(s);
    tok = FLOAT;
    if (s->ch == '+' || s->ch == '-')
      next(s);
    ptrdiff_t none = -1;
    int ds = digits(s, 10, &none);
    digsep |= ds;
    if ((ds & 1) == 0)
      scan_error(s, s->offset, SG_STR("exponent has no digits"));
  } else if (prefix == 'x' && tok == FLOAT) {
    scan_error(s, s->offset,
               SG_STR("hexadecimal mantissa requires a 'p' exponent"));
  }

  // suffix 'i'
  if (s->ch == 'i') {
    tok = IMAG;
    next(s);
  }

  sg_str lit = string_of(bytes_slice(s->src, offs, s->offset));
  if (tok == INT && invalid >= 0)
    scan_error(s, invalid,
               sprintf_str("invalid digit '%c' in %s", lit.ptr[invalid - offs],
                           litname(prefix)));
  if (digsep & 2) {
    ptrdiff_t i = invalidSep(lit);
    if (i >= 0)
      scan_error(s, offs + i, SG_STR("'_' must separate successive digits"));
  }

  *litp = lit;
  return tok;
}

// scanEscape parses an escape sequence where rune is the accepted escaped
// quote.  In case of a syntax error, it stops at the offending character
// (without consuming it) and returns false.  Otherwise it returns true.
static bool scanEscape(Scanner *s, rune quote) {
  ptrdiff_t offs = s->offset;

  int n;
  uint32_t base, max;
  switch (s->ch) {
  case 'a':
  case 'b':
  case 'f':
  case 'n':
  case 'r':
  case 't':
  case 'v':
  case '\\':
    next(s);
    return true;
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7':
    n = 3, base = 8, max = 255;
    break;
  case 'x':
    next(s);
    n = 2, base = 16, max = 255;
    break;
  case 'u':
    next(s);
    n = 4, base = 16, max = MaxRune;
    break;
  case 'U':
    next(s);
    n = 8, base = 16, max = MaxRune;
    break;
  default:
    if (s->ch == quote) {
      next(s);
      return true;
    }
    {
      sg_str msg = SG_STR("unknown escape sequence");
      if (s->ch < 0)
        msg = SG_STR("escape sequence not terminated");
      scan_error(s, offs, msg);
    }
    return false;
  }

  uint32_t x = 0;
  while (n > 0) {
    uint32_t d = (uint32_t)digitVal(s->ch);
    if (d >= base) {
      sg_str msg = sprintf_str("illegal character %.*s in escape sequence",
                               S(formatU(s->ch)));
      if (s->ch < 0)
        msg = SG_STR("escape sequence not terminated");
      scan_error(s, s->offset, msg);
      return false;
    }
    x = x * base + d;
    next(s);
    n--;
  }

  if (x > max || (0xD800 <= x && x < 0xE000)) {
    scan_error(s, offs,
               SG_STR("escape sequence is invalid Unicode code point"));
    return false;
  }

  return true;
}

static sg_str scanRune(Scanner *s) {
  // '\'' opening already consumed
  ptrdiff_t offs = s->offset - 1;

  bool valid = true;
  int n = 0;
  for (;;) {
    rune ch = s->ch;
    if (ch == '\n' || ch < 0) {
      // only report error if we don't have one already
      if (valid) {
        scan_error(s, offs, SG_STR("rune literal not terminated"));
        valid = false;
      }
      break;
    }
    next(s);
    if (ch == '\'')
      break;
    n++;
    if (ch == '\\') {
      if (!scanEscape(s, '\''))
        valid = false;
      // continue to read to closing quote
    }
  }

  if (valid && n != 1)
    scan_error(s, offs, SG_STR("illegal rune literal"));

  return string_of(bytes_slice(s->src, offs, s->offset));
}

static sg_str scanString(Scanner *s) {
  // '"' opening already consumed
  ptrdiff_t offs = s->offset - 1;

  for (;;) {
    rune ch = s->ch;
    if (ch == '\n' || ch < 0) {
      scan_error(s, offs, SG_STR("string literal not terminated"));
      break;
    }
    next(s);
    if (ch == '"')
      break;
    if (ch == '\\')
      scanEscape(s, '"');
  }

  return string_of(bytes_slice(s->src, offs, s->offset));
}

static sg_str scanRawString(Scanner *s) {
  // '`' opening already consumed
  ptrdiff_t offs = s->offset - 1;

  bool hasCR = false;
  for (;;) {
    rune ch = s->ch;
    if (ch < 0) {
      scan_error(s, offs, SG_STR("raw string literal not terminated"));
      break;
    }
    next(s);
    if (ch == '`')
      break;
    if (ch == '\r')
      hasCR = true;
  }

  bytes lit = bytes_slice(s->src, offs, s->offset);
  if (hasCR)
    lit = stripCR(lit, false);

  return string_of(lit);
}

// Helper functions for scanning multi-byte tokens such as >> += >>= .
// Different routines recognize different length tok_i based on matches
// of ch_i.  If a token ends in '=', the result is tok1 or tok3
// respectively.  Otherwise, the result is tok0 if there was no other
// matching character, or tok2 if the matching character was ch2.

static Token switch2(Scanner *s, Token tok0, Token tok1) {
  if (s->ch == '=') {
    next(s);
    return tok1;
  }
  return tok0;
}

static Token switch3(Scanner *s, Token tok0, Token tok1, rune ch2, Token tok2) {
  if (s->ch == '=') {
    next(s);
    return tok1;
  }
  if (s->ch == ch2) {
    next(s);
    return tok2;
  }
  return tok0;
}

static Token switch4(Scanner *s, Token tok0, Token tok1, rune ch2, Token tok2,
                     Token tok3) {
  if (s->ch == '=') {
    next(s);
    return tok1;
  }
  if (s->ch == ch2) {
    next(s);
    if (s->ch == '=') {
      next(s);
      return tok3;
    }
    return tok2;
  }
  return tok0;
}

static sg_str string_of_rune(rune ch) {
  uint8_t enc[4];
  ptrdiff_t w = EncodeRune(enc, ch);
  return string_of((bytes){enc, w, w});
}

// Scan scans the next token and returns the token position, the token,
// and its literal string if applicable.
static Token Scan(Scanner *s, Pos *posp, sg_str *litp) {
  Pos pos;
  Token tok;
  sg_str lit;
scanAgain:
  lit = SG_STR("");
  skipWhitespace(s);

  // current token start
  pos = FilePos(s->file, s->offset);

  // determine token value
  bool insertSemi = false;
  rune ch = s->ch;
  if (isLetter(ch)) {
    lit = scanIdentifier(s);
    if (lit.len > 1) {
      // keywords are longer than one letter - avoid lookup otherwise
      tok = Lookup(lit);
      switch (tok) {
      case IDENT:
      case BREAK:
      case CONTINUE:
      case FALLTHROUGH:
      case RETURN:
        insertSemi = true;
        break;
      default:
        break;
      }
    } else {
      insertSemi = true;
      tok = IDENT;
    }
  } else if (isDecimal(ch) || (ch == '.' && isDecimal((rune)peek(s)))) {
    insertSemi = true;
    tok = scanNumber(s, &lit);
  } else {
    next(s); // always make progress
    switch (ch) {
    case -1:
      if (s->insertSemi) {
        s->insertSemi = false; // EOF consumed
        *posp = pos;
        *litp = SG_STR("\n");
        return SEMICOLON;
      }
      tok = EOF_;
      break;
    case '\n':
      // we only reach here if s.insertSemi was set in the first place and
      // exited early from s.skipWhitespace()
      s->insertSemi = false; // newline consumed
      *posp = pos;
      *litp = SG_STR("\n");
      return SEMICOLON;
    case '"':
      insertSemi = true;
      tok = STRING;
      lit = scanString(s);
      break;
    case '\'':
      insertSemi = true;
      tok = CHAR;
      lit = scanRune(s);
      break;
    case '`':
      insertSemi = true;
      tok = STRING;
      lit = scanRawString(s);
      break;
    case ':':
      tok = switch2(s, COLON, DEFINE);
      break;
    case '.':
      // fractions starting with a '.' are handled by outer switch
      tok = PERIOD;
      if (s->ch == '.' && peek(s) == '.') {
        next(s);
        next(s); // consume last '.'
        tok = ELLIPSIS;
      }
      break;
    case ',':
      tok = COMMA;
      break;
    case ';':
      tok = SEMICOLON;
      lit = SG_STR(";");
      break;
    case '(':
      tok = LPAREN;
      break;
    case ')':
      insertSemi = true;
      tok = RPAREN;
      break;
    case '[':
      tok = LBRACK;
      break;
    case ']':
      insertSemi = true;
      tok = RBRACK;
      break;
    case '{':
      tok = LBRACE;
      break;
    case '}':
      insertSemi = true;
      tok = RBRACE;
      break;
    case '+':
      tok = switch3(s, ADD, ADD_ASSIGN, '+', INC);
      if (tok == INC)
        insertSemi = true;
      break;
    case '-':
      tok = switch3(s, SUB, SUB_ASSIGN, '-', DEC);
      if (tok == DEC)
        insertSemi = true;
      break;
    case '*':
      tok = switch2(s, MUL, MUL_ASSIGN);
      break;
    case '/':
      if (s->ch == '/' || s->ch == '*') {
        // comment
        if (s->insertSemi && findLineEnd(s)) {
          // reset position to the beginning of the comment
          s->ch = '/';
          s->offset = FileOffset(s->file, pos);
          s->rdOffset = s->offset + 1;
          s->insertSemi = false; // newline consumed
          *posp = pos;
          *litp = SG_STR("\n");
          return SEMICOLON;
        }
        sg_str comment = scanComment(s);
        if ((s->mode & ScanComments) == 0) {
          // skip comment
          s->insertSemi = false; // newline consumed
          goto scanAgain;
        }
        tok = COMMENT;
        lit = comment;
      } else {
        tok = switch2(s, QUO, QUO_ASSIGN);
      }
      break;
    case '%':
      tok = switch2(s, REM, REM_ASSIGN);
      break;
    case '^':
      tok = switch2(s, XOR, XOR_ASSIGN);
      break;
    case '<':
      if (s->ch == '-') {
        next(s);
        tok = ARROW;
      } else {
        tok = switch4(s, LSS, LEQ, '<', SHL, SHL_ASSIGN);
      }
      break;
    case '>':
      tok = switch4(s, GTR, GEQ, '>', SHR, SHR_ASSIGN);
      break;
    case '=':
      tok = switch2(s, ASSIGN, EQL);
      break;
    case '!':
      tok = switch2(s, NOT, NEQ);
      break;
    case '&':
      if (s->ch == '^') {
        next(s);
        tok = switch2(s, AND_NOT, AND_NOT_ASSIGN);
      } else {
        tok = switch3(s, AND, AND_ASSIGN, '&', LAND);
      }
      break;
    case '|':
      tok = switch3(s, OR, OR_ASSIGN, '|', LOR);
      break;
    case '~':
      tok = TILDE;
      break;
    default:
      // next reports unexpected BOMs - don't repeat
      if (ch != bom)
        scan_error(s, FileOffset(s->file, pos),
                   sprintf_str("illegal character %.*s", S(formatU(ch))));
      insertSemi = s->insertSemi; // preserve insertSemi info
      tok = ILLEGAL;
      lit = string_of_rune(ch);
    }
  }
  if ((s->mode & dontInsertSemis) == 0)
    s->insertSemi = insertSemi;

  *posp = pos;
  *litp = lit;
  return tok;
}

/* ---- the program (goscan.go) ---- */

static void handler(Position pos, sg_str msg) {
  printf("  error ");
  PositionPrint(pos);
  printf(": %.*s\n", S(msg));
}

#define SG_MAP countmap
#define SG_KEY int
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

#define SG_SLICE toks
#define SG_ELEM int
#include <sliceguard/slice.h>

static int cmp_int(const void *x, const void *y) {
  int a = *(const int *)x, b = *(const int *)y;
  return (a > b) - (a < b);
}

static const char *tf(bool b) { return b ? "true" : "false"; }

int main(void) {
  A = sg_arena_new();
  token_init();
  static const sg_str sources[] = {
      SG_STR("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := "
             "42\n\tfmt.Println(x)\n}\n"),
      SG_STR("a := b<<=c &^= d >>= e &^ f...g <- h ++ -- != == <= >= && || ~ "
             "|= ^= %= /= *= -= += ; : , . ( ) [ ] { }"),
      SG_STR("0 123 0x1F 0X_ab 0o17 0O7 0b1011 0B_1 017 089 1_000 1__0 0x 0b12 "
             "0o8 _1 1_"),
      SG_STR("1.5 .5 1. 1e10 1E+5 2.5e-3 0x1p-2 0x1.8P3 0x1.8 1e 0b1.0 0o1e2 "
             "3i 0x10i 1.5i 0.i"),
      SG_STR("'a' '\\n' '\\x41' '\\u00e9' '\\U0001F600' '\\377' '' 'ab' '\\q' "
             "'\\400' '\\ud800' '\\xz'"),
      SG_STR("\"hello\" \"tab\\there\" \"\\\"quoted\\\"\" \"caf\xc3\xa9\" "
             "\"unterminated\nx\" `raw\r\nstring` `multi\nline`"),
      SG_STR("x // line comment\ny /* block */ z /* multi\nline */ w\n/* c1 */ "
             "// c2\nreturn /* x */\nbreak // y\n"),
      SG_STR(
          "if x { continue } else { fallthrough }\nfor range chan map struct "
          "interface select switch case default defer go goto const type var"),
      SG_STR("x @ y # z $ \xff q"),
      SG_STR("\xcf\x80 := caf\xc3\xa9 + 1\n_x9 := \xce\xb1\xce\xb2\xce\xb3\n"),
      SG_STR("/* never closed"),
      SG_STR("s := \"esc \\z\" + `never closed"),
      SG_STR("\xef\xbb\xbfpackage bom\nvar x = 1\xef\xbb\xbf\n"),
      SG_STR("a\r\nb\r\n/* c\r\n */ // d\r\n"),
      SG_STR("x\x00y"),
  };
  FileSet fset = {.base = 1};
  countmap counts = countmap_make(A, 0);
  for (size_t n = 0; n < sizeof sources / sizeof sources[0]; n++) {
    sg_str src = sources[n];
    static const Mode modes[] = {0, ScanComments};
    for (int m = 0; m < 2; m++) {
      Mode mode = modes[m];
      File *file = AddFile(&fset, sprintf_str("src%zu.go", n), -1, src.len);
      Scanner s;
      bytes srcb =
          bytes_append_n(A, (bytes){0}, (const uint8_t *)src.ptr, src.len);
      Init(&s, file, srcb, handler, mode);
      printf("source %zu mode %u\n", n, mode);
      for (;;) {
        Pos pos;
        sg_str lit;
        Token tok = Scan(&s, &pos, &lit);
        Position p = FileSetPosition(&fset, pos);
        // fwrite, not %.*s: a literal may hold a NUL byte.
        printf("  %td:%td %.*s [", p.Line, p.Column, S(TokenString(tok)));
        fwrite(lit.ptr, 1, (size_t)lit.len, stdout);
        printf("] prec=%d kw=%s lit=%s op=%s\n", Precedence(tok),
               tf(IsKeywordTok(tok)), tf(IsLiteral(tok)), tf(IsOperator(tok)));
        countmap_put(counts, (int)tok, countmap_get(counts, (int)tok) + 1);
        if (tok == EOF_)
          break;
      }
      printf("  errors=%td lines=%td\n", s.ErrorCount, LineCount(file));
    }
  }
  toks ts = toks_make(A, 0, countmap_len(counts));
  sg_range(countmap, counts, it) { ts = toks_append(A, ts, it.key); }
  qsort(ts.ptr, (size_t)ts.len, sizeof(int), cmp_int);
  for (ptrdiff_t i = 0; i < ts.len; i++) {
    int t = toks_get(ts, i);
    printf("%.*s=%td ", S(TokenString((Token)t)), countmap_get(counts, t));
  }
  printf("\n");
  static const sg_str ids[] = {SG_STR("func"), SG_STR("funcs"), SG_STR("x"),
                               SG_STR("range"), SG_STR("_")};
  for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
    printf("lookup %.*s=%.*s iskw=%s\n", S(ids[i]),
           S(TokenString(Lookup(ids[i]))), tf(IsKeyword(ids[i])));
  sg_arena_free(A);
  return 0;
}
