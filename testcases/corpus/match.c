// A port of path/filepath.Match and Glob for Unix (Go 1.19,
// src/path/filepath/match.go): scanChunk, matchChunk and getEsc over
// string views, and Glob's recursion (globWithLimit, cleanGlobPath, glob,
// hasMeta) over the file system, with the Split, Join and Clean (lazybuf)
// of src/path/filepath/path.go and path_unix.go that Glob uses.  The Go
// original of main is match.go; both must print the same.  Each side
// builds the same small tree in its own directory.
// REQUIRES: go
// RUN: rm -rf %t.cdir %t.godir
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t %t.cdir > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/match.go %t.godir > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

typedef int32_t rune;
typedef const char *error; /* NULL is nil; compared by address */

// ErrBadPattern indicates a pattern was malformed.
static const char ErrBadPattern[] = "syntax error in pattern";

enum { Separator = '/', RuneError = 0xFFFD, RuneSelf = 0x80 };

static sg_str string_of(sg_arena *ar, bytes b) {
  bytes c = bytes_clone(ar, b);
  return sg_str_make(c.ptr, c.len);
}

/* utf8.DecodeRuneInString. */
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
  if (s.len < need) {
    *size = 1;
    return RuneError;
  }
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

static bool ContainsByte(sg_str s, char c) {
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == c)
      return true;
  return false;
}

/* ---- Match ------------------------------------------------------------- */

// scanChunk gets the next segment of pattern, which is a non-star string
// possibly preceded by a star.
static sg_str scanChunk(sg_str pattern, bool *star, sg_str *rest) {
  *star = false;
  while (pattern.len > 0 && pattern.ptr[0] == '*') {
    pattern = sg_str_slice(pattern, 1, pattern.len);
    *star = true;
  }
  bool inrange = false;
  ptrdiff_t i;
  for (i = 0; i < pattern.len; i++) {
    bool stop = false;
    switch (pattern.ptr[i]) {
    case '\\':
      // error check handled in matchChunk: bad pattern.
      if (i + 1 < pattern.len)
        i++;
      break;
    case '[':
      inrange = true;
      break;
    case ']':
      inrange = false;
      break;
    case '*':
      if (!inrange)
        stop = true; // break Scan
      break;
    }
    if (stop)
      break;
  }
  *rest = sg_str_slice(pattern, i, pattern.len);
  return sg_str_slice(pattern, 0, i);
}

// getEsc gets a possibly-escaped character from chunk, for a character
// class.
static rune getEsc(sg_str chunk, sg_str *nchunk, error *err) {
  *err = NULL;
  *nchunk = SG_STR("");
  if (chunk.len == 0 || chunk.ptr[0] == '-' || chunk.ptr[0] == ']') {
    *err = ErrBadPattern;
    return 0;
  }
  if (chunk.ptr[0] == '\\') {
    chunk = sg_str_slice(chunk, 1, chunk.len);
    if (chunk.len == 0) {
      *err = ErrBadPattern;
      return 0;
    }
  }
  ptrdiff_t n;
  rune r = DecodeRuneInString(chunk, &n);
  if (r == RuneError && n == 1)
    *err = ErrBadPattern;
  *nchunk = sg_str_slice(chunk, n, chunk.len);
  if (nchunk->len == 0)
    *err = ErrBadPattern;
  return r;
}

// matchChunk checks whether chunk matches the beginning of s.  If so, it
// returns the remainder of s (after the match).  Chunk is all single-
// character operators: literals, char classes, and ?.
static bool matchChunk(sg_str chunk, sg_str s, sg_str *rest, error *err) {
  // failed records whether the match has failed.  After the match fails,
  // the loop continues on processing chunk, checking that the pattern is
  // well-formed but no longer reading s.
  bool failed = false;
  *err = NULL;
  *rest = SG_STR("");
  while (chunk.len > 0) {
    if (!failed && s.len == 0)
      failed = true;
    switch (chunk.ptr[0]) {
    case '[': {
      // character class
      rune r = 0;
      if (!failed) {
        ptrdiff_t n;
        r = DecodeRuneInString(s, &n);
        s = sg_str_slice(s, n, s.len);
      }
      chunk = sg_str_slice(chunk, 1, chunk.len);
      // possibly negated
      bool negated = false;
      if (chunk.len > 0 && chunk.ptr[0] == '^') {
        negated = true;
        chunk = sg_str_slice(chunk, 1, chunk.len);
      }
      // parse all ranges
      bool match = false;
      int nrange = 0;
      for (;;) {
        if (chunk.len > 0 && chunk.ptr[0] == ']' && nrange > 0) {
          chunk = sg_str_slice(chunk, 1, chunk.len);
          break;
        }
        rune lo = getEsc(chunk, &chunk, err), hi;
        if (*err != NULL)
          return false;
        hi = lo;
        if (chunk.ptr[0] == '-') {
          hi = getEsc(sg_str_slice(chunk, 1, chunk.len), &chunk, err);
          if (*err != NULL)
            return false;
        }
        if (lo <= r && r <= hi)
          match = true;
        nrange++;
      }
      if (match == negated)
        failed = true;
      break;
    }
    case '?':
      if (!failed) {
        if (s.ptr[0] == Separator)
          failed = true;
        ptrdiff_t n;
        DecodeRuneInString(s, &n);
        s = sg_str_slice(s, n, s.len);
      }
      chunk = sg_str_slice(chunk, 1, chunk.len);
      break;
    case '\\':
      chunk = sg_str_slice(chunk, 1, chunk.len);
      if (chunk.len == 0) {
        *err = ErrBadPattern;
        return false;
      }
      /* fallthrough */
    default:
      if (!failed) {
        if (chunk.ptr[0] != s.ptr[0])
          failed = true;
        s = sg_str_slice(s, 1, s.len);
      }
      chunk = sg_str_slice(chunk, 1, chunk.len);
      break;
    }
  }
  if (failed)
    return false;
  *rest = s;
  return true;
}

// Match reports whether name matches the shell file name pattern.
// Match requires pattern to match all of name, not just a substring.  The
// only possible returned error is ErrBadPattern, when pattern is
// malformed.
static bool Match(sg_str pattern, sg_str name, error *err) {
  *err = NULL;
Pattern:
  while (pattern.len > 0) {
    bool star;
    sg_str chunk = scanChunk(pattern, &star, &pattern);
    if (star && chunk.len == 0)
      // Trailing * matches rest of string unless it has a /.
      return !ContainsByte(name, Separator);
    // Look for match at current position.
    sg_str t;
    bool ok = matchChunk(chunk, name, &t, err);
    // if we're the last chunk, make sure we've exhausted the name
    // otherwise we'll give a false result even if we could still match
    // using the star
    if (ok && (t.len == 0 || pattern.len > 0)) {
      name = t;
      continue;
    }
    if (*err != NULL)
      return false;
    if (star) {
      // Look for match skipping i+1 bytes.
      // Cannot skip /.
      for (ptrdiff_t i = 0; i < name.len && name.ptr[i] != Separator; i++) {
        ok = matchChunk(chunk, sg_str_slice(name, i + 1, name.len), &t, err);
        if (ok) {
          // if we're the last chunk, make sure we exhausted the name
          if (pattern.len == 0 && t.len > 0)
            continue;
          name = t;
          goto Pattern; // continue Pattern
        }
        if (*err != NULL)
          return false;
      }
    }
    return false;
  }
  return name.len == 0;
}

/* ---- filepath.Clean, Split, Join (Unix) -------------------------------- */

typedef struct lazybuf {
  sg_str path;
  bytes buf;
  ptrdiff_t w;
  sg_str volAndPath;
  ptrdiff_t volLen;
} lazybuf;

static char lazybuf_index(lazybuf *b, ptrdiff_t i) {
  if (b->buf.ptr != NULL)
    return bytes_get(b->buf, i);
  return b->path.ptr[i];
}

static void lazybuf_append(sg_arena *ar, lazybuf *b, char c) {
  if (b->buf.ptr == NULL) {
    if (b->w < b->path.len && b->path.ptr[b->w] == c) {
      b->w++;
      return;
    }
    b->buf = bytes_make(ar, b->path.len, b->path.len);
    sg_str head = sg_str_slice(b->path, 0, b->w);
    bytes_copy(b->buf, (bytes){(char *)head.ptr, head.len, head.len});
  }
  bytes_set(b->buf, b->w, c);
  b->w++;
}

static sg_str lazybuf_string(sg_arena *ar, lazybuf *b) {
  if (b->buf.ptr == NULL)
    return sg_str_slice(b->volAndPath, 0, b->volLen + b->w);
  sg_str vol = sg_str_slice(b->volAndPath, 0, b->volLen);
  bytes out = bytes_append_n(ar, (bytes){0}, vol.ptr, vol.len);
  out = bytes_extend(ar, out, bytes_slice(b->buf, 0, b->w));
  return string_of(ar, out);
}

static bool IsPathSeparator(char c) { return c == Separator; }

/* volumeNameLen is 0 on Unix. */
static sg_str Clean(sg_arena *ar, sg_str path) {
  sg_str originalPath = path;
  ptrdiff_t volLen = 0;
  path = sg_str_slice(path, volLen, path.len);
  if (path.len == 0)
    return SG_STR("."); /* originalPath + "." with an empty volume */
  bool rooted = IsPathSeparator(path.ptr[0]);

  ptrdiff_t n = path.len;
  lazybuf out = {path, {0}, 0, originalPath, volLen};
  ptrdiff_t r = 0, dotdot = 0;
  if (rooted) {
    lazybuf_append(ar, &out, Separator);
    r = 1;
    dotdot = 1;
  }

  while (r < n) {
    if (IsPathSeparator(path.ptr[r])) {
      r++;
    } else if (path.ptr[r] == '.' &&
               (r + 1 == n || IsPathSeparator(path.ptr[r + 1]))) {
      r++;
    } else if (path.ptr[r] == '.' && path.ptr[r + 1] == '.' &&
               (r + 2 == n || IsPathSeparator(path.ptr[r + 2]))) {
      r += 2;
      if (out.w > dotdot) {
        out.w--;
        while (out.w > dotdot && !IsPathSeparator(lazybuf_index(&out, out.w)))
          out.w--;
      } else if (!rooted) {
        if (out.w > 0)
          lazybuf_append(ar, &out, Separator);
        lazybuf_append(ar, &out, '.');
        lazybuf_append(ar, &out, '.');
        dotdot = out.w;
      }
    } else {
      if ((rooted && out.w != 1) || (!rooted && out.w != 0))
        lazybuf_append(ar, &out, Separator);
      for (; r < n && !IsPathSeparator(path.ptr[r]); r++)
        lazybuf_append(ar, &out, path.ptr[r]);
    }
  }

  if (out.w == 0)
    lazybuf_append(ar, &out, '.');

  return lazybuf_string(ar, &out); /* FromSlash is the identity */
}

static void Split(sg_str path, sg_str *dir, sg_str *file) {
  ptrdiff_t i = path.len - 1;
  while (i >= 0 && !IsPathSeparator(path.ptr[i]))
    i--;
  *dir = sg_str_slice(path, 0, i + 1);
  *file = sg_str_slice(path, i + 1, path.len);
}

/* filepath.Join(dir, name), as path_unix.go's join does for two. */
static sg_str Join2(sg_arena *ar, sg_str dir, sg_str name) {
  bytes buf = {0};
  if (dir.len != 0) {
    buf = bytes_append_n(ar, buf, dir.ptr, dir.len);
    buf = bytes_append(ar, buf, Separator);
    buf = bytes_append_n(ar, buf, name.ptr, name.len);
  } else if (name.len != 0) {
    buf = bytes_append_n(ar, buf, name.ptr, name.len);
  } else {
    return SG_STR("");
  }
  return Clean(ar, string_of(ar, buf));
}

/* ---- Glob -------------------------------------------------------------- */

/* A NUL-terminated copy for the C library. */
static const char *cstr(sg_arena *ar, sg_str s) {
  char *p = sg_arena_alloc(ar, (size_t)s.len + 1);
  memcpy(p, s.ptr, (size_t)s.len);
  return p;
}

// hasMeta reports whether path contains any of the magic characters
// recognized by Match.
static bool hasMeta(sg_str path) {
  static const char magicChars[] = "*?[\\";
  for (const char *m = magicChars; *m; m++)
    if (ContainsByte(path, *m))
      return true;
  return false;
}

// cleanGlobPath prepares path for glob matching.
static sg_str cleanGlobPath(sg_str path) {
  if (path.len == 0)
    return SG_STR(".");
  if (path.len == 1 && path.ptr[0] == Separator)
    // do nothing to the path
    return path;
  // chop off trailing separator
  return sg_str_slice(path, 0, path.len - 1);
}

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

/* d.Readdirnames(-1), sorted as glob does with sort.Strings. */
static strs readdirnames(sg_arena *ar, DIR *d) {
  strs names = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    sg_str n = sg_str_from(e->d_name);
    if (sg_str_eq(n, SG_STR(".")) || sg_str_eq(n, SG_STR("..")))
      continue;
    names = strs_append(ar, names,
                        string_of(ar, (bytes){(char *)n.ptr, n.len, n.len}));
  }
  if (names.len > 1)
    qsort(names.ptr, (size_t)names.len, sizeof(sg_str), cmpstr);
  return names;
}

// glob searches for files matching pattern in the directory dir and
// appends them to matches.  If the directory cannot be opened, it returns
// the existing matches.  New matches are added in lexicographical order.
static strs glob(sg_arena *ar, sg_str dir, sg_str pattern, strs matches,
                 error *e) {
  strs m = matches;
  *e = NULL;
  struct stat fi;
  if (stat(cstr(ar, dir), &fi) != 0)
    return m; // ignore I/O error
  if (!S_ISDIR(fi.st_mode))
    return m; // ignore I/O error
  DIR *d = opendir(cstr(ar, dir));
  if (d == NULL)
    return m; // ignore I/O error
  strs names = readdirnames(ar, d);
  closedir(d);

  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str n = strs_get(names, i);
    error err;
    bool matched = Match(pattern, n, &err);
    if (err != NULL) {
      *e = err;
      return m;
    }
    if (matched)
      m = strs_append(ar, m, Join2(ar, dir, n));
  }
  return m;
}

// globWithLimit is Glob with a recursion depth limit.
static strs globWithLimit(sg_arena *ar, sg_str pattern, int depth, error *err) {
  // This limit is used prevent stack exhaustion issues.  See CVE-2022-30632.
  enum { pathSeparatorsLimit = 10000 };
  strs matches = {0};
  *err = NULL;
  if (depth == pathSeparatorsLimit) {
    *err = ErrBadPattern;
    return (strs){0};
  }

  // Check pattern is well-formed.
  Match(pattern, SG_STR(""), err);
  if (*err != NULL)
    return (strs){0};
  if (!hasMeta(pattern)) {
    struct stat st;
    if (lstat(cstr(ar, pattern), &st) != 0)
      return (strs){0};
    return strs_append(ar, (strs){0}, pattern);
  }

  sg_str dir, file;
  Split(pattern, &dir, &file);
  dir = cleanGlobPath(dir);

  if (!hasMeta(dir))
    return glob(ar, dir, file, (strs){0}, err);

  // Prevent infinite recursion.  See issue 15879.
  if (sg_str_eq(dir, pattern)) {
    *err = ErrBadPattern;
    return (strs){0};
  }

  strs m = globWithLimit(ar, dir, depth + 1, err);
  if (*err != NULL)
    return matches;
  for (ptrdiff_t i = 0; i < m.len; i++) {
    matches = glob(ar, strs_get(m, i), file, matches, err);
    if (*err != NULL)
      return matches;
  }
  return matches;
}

// Glob returns the names of all files matching pattern or nil if there is
// no matching file.
static strs Glob(sg_arena *ar, sg_str pattern, error *err) {
  return globWithLimit(ar, pattern, 0, err);
}

/* ---- the program ------------------------------------------------------- */

#define P(s) (int)(s).len, (s).ptr

static const char *errstr(error e) { return e ? e : "<nil>"; }

/* os.MkdirAll for relative paths of a few components. */
static void mkdirAll(sg_arena *ar, sg_str path) {
  for (ptrdiff_t i = 1; i <= path.len; i++)
    if (i == path.len || path.ptr[i] == '/')
      mkdir(cstr(ar, sg_str_slice(path, 0, i)), 0755);
}

static void writeFile(sg_arena *ar, sg_str name, sg_str data) {
  FILE *f = fopen(cstr(ar, name), "wb");
  if (f == NULL)
    return;
  fwrite(data.ptr, 1, (size_t)data.len, f);
  fclose(f);
}

typedef struct tc {
  const char *pattern, *s;
} tc;

static void matches(void) {
  static const tc cases[] = {
      {"abc", "abc"},
      {"*", "abc"},
      {"*c", "abc"},
      {"a*", "a"},
      {"a*", "abc"},
      {"a*", "ab/c"},
      {"a*/b", "abc/b"},
      {"a*/b", "a/c/b"},
      {"a*b*c*d*e*/f", "axbxcxdxe/f"},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/f"},
      {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f"},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/fff"},
      {"a*b?c*x", "abxbbxdbxebxczzx"},
      {"a*b?c*x", "abxbbxdbxebxczzy"},
      {"ab[c]", "abc"},
      {"ab[b-d]", "abc"},
      {"ab[e-g]", "abc"},
      {"ab[^c]", "abc"},
      {"ab[^b-d]", "abc"},
      {"ab[^e-g]", "abc"},
      {"a\\*b", "a*b"},
      {"a\\*b", "ab"},
      {"a?b", "a\u2606b"},
      {"a[^a]b", "a\u2606b"},
      {"a???b", "a\u2606b"},
      {"a[^a][^a][^a]b", "a\u2606b"},
      {"[a-\u03b6]*", "\u03b1"},
      {"*[a-\u03b6]", "A"},
      {"a?b", "a/b"},
      {"a*b", "a/b"},
      {"[\\]a]", "]"},
      {"[\\-]", "-"},
      {"[x\\-]", "x"},
      {"[x\\-]", "-"},
      {"[x\\-]", "z"},
      {"[\\-x]", "x"},
      {"[\\-x]", "-"},
      {"[\\-x]", "a"},
      {"[]a]", "]"},
      {"[-]", "-"},
      {"[x-]", "x"},
      {"[x-]", "-"},
      {"[x-]", "z"},
      {"[-x]", "x"},
      {"[-x]", "-"},
      {"[-x]", "a"},
      {"\\", "a"},
      {"[a-b-c]", "a"},
      {"[", "a"},
      {"[^", "a"},
      {"[^bc", "a"},
      {"a[", "a"},
      {"a[", "ab"},
      {"a[", "x"},
      {"a/b[", "x"},
      {"*x", "xxx"},
      {"", ""},
      {"", "x"},
      {"x", ""},
      {"*", ""},
      {"**", "a/b"},
      {"a[b", "ab"},
      {"[\xff]", "x"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sg_str p = sg_str_from(cases[i].pattern), s = sg_str_from(cases[i].s);
    error err;
    bool ok = Match(p, s, &err);
    printf("Match(%.*s, %.*s) = %s %s\n", P(p), P(s), ok ? "true" : "false",
           errstr(err));
  }
}

static void globs(sg_arena *ar) {
  static const char *const dirs[] = {"src/a", "src/b/c", "src/b/d", "doc",
                                     "x.d"};
  for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
    mkdirAll(ar, sg_str_from(dirs[i]));
  static const char *const files[] = {
      "src/a/one.go",   "src/a/two.go", "src/a/three.c", "src/b/c/deep.go",
      "src/b/d/deep.h", "src/b/top.go", "doc/readme.md", "doc/notes.txt",
      "main.go",        "x.d/inner.go", "[weird].go"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
    writeFile(ar, sg_str_from(files[i]), sg_str_from(files[i]));
  for (int i = 0; i < 40; i++) {
    char name[32];
    int n = snprintf(name, sizeof name, "doc/page%02d.md", i);
    writeFile(ar, sg_str_make(name, n), SG_STR(""));
  }
  static const char *const pats[] = {"*.go",
                                     "src/*/*.go",
                                     "src/*/*/*",
                                     "src/b/?/deep.*",
                                     "*/*",
                                     "doc/page1?.md",
                                     "doc/page[0-1][05].md",
                                     "src/[ab]/*.[ch]",
                                     "nothing*",
                                     "main.go",
                                     "missing.go",
                                     "src",
                                     "*.d/*",
                                     "[",
                                     "src/[",
                                     "\\[weird\\].go",
                                     "src/a/[^t]*",
                                     "doc/*.txt",
                                     "*/*/*/*.go"};
  for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
    sg_str g = sg_str_from(pats[i]);
    error err;
    strs m = Glob(ar, g, &err);
    printf("Glob(%.*s) = %d [", P(g), (int)m.len);
    for (ptrdiff_t k = 0; k < m.len; k++)
      printf("%s%.*s", k ? " " : "", P(strs_get(m, k)));
    printf("] %s\n", errstr(err));
  }
}

int main(int argc, char **argv) {
  sg_arena *ar = sg_arena_new();
  matches();
  if (argc < 2) {
    fprintf(stderr, "usage: match <dir>\n");
    return 2;
  }
  mkdirAll(ar, sg_str_from(argv[1]));
  if (chdir(argv[1]) != 0) {
    perror(argv[1]);
    return 1;
  }
  globs(ar);
  sg_arena_free(ar);
  return 0;
}
