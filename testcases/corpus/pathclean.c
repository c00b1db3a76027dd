// A port of package path's lexical functions (Go 1.19,
// src/path/path.go): Clean with its lazybuf (which reads the input until
// the output first differs, and only then copies into a buffer), Split,
// Join, Ext, Base, IsAbs and Dir.  The Go original of main is
// pathclean.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/pathclean.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

/* string(b): a copy of b's bytes. */
static sg_str string_of(sg_arena *ar, bytes b) {
  bytes c = bytes_clone(ar, b);
  return sg_str_make(c.ptr, c.len);
}

/* ---- path.Clean and its lazybuf ---------------------------------------- */

// A lazybuf is a lazily constructed path buffer.  It supports append,
// reading previously appended bytes, and retrieving the final string.  It
// does not allocate a buffer to hold the output until that output
// diverges from s.
typedef struct lazybuf {
  sg_str s;
  bytes buf;
  ptrdiff_t w;
} lazybuf;

static char lazybuf_index(lazybuf *b, ptrdiff_t i) {
  if (b->buf.ptr != NULL)
    return bytes_get(b->buf, i);
  return b->s.ptr[i];
}

static void lazybuf_append(sg_arena *ar, lazybuf *b, char c) {
  if (b->buf.ptr == NULL) {
    if (b->w < b->s.len && b->s.ptr[b->w] == c) {
      b->w++;
      return;
    }
    b->buf = bytes_make(ar, b->s.len, b->s.len);
    sg_str head = sg_str_slice(b->s, 0, b->w);
    bytes_copy(b->buf, (bytes){(char *)head.ptr, head.len, head.len});
  }
  bytes_set(b->buf, b->w, c);
  b->w++;
}

static sg_str lazybuf_string(sg_arena *ar, lazybuf *b) {
  if (b->buf.ptr == NULL)
    return sg_str_slice(b->s, 0, b->w);
  return string_of(ar, bytes_slice(b->buf, 0, b->w));
}

// Clean returns the shortest path name equivalent to path by purely
// lexical processing.  It applies the following rules iteratively until
// no further processing can be done:
//
//  1. Replace multiple slashes with a single slash.
//  2. Eliminate each . path name element (the current directory).
//  3. Eliminate each inner .. path name element (the parent directory)
//     along with the non-.. element that precedes it.
//  4. Eliminate .. elements that begin a rooted path:
//     that is, replace "/.." by "/" at the beginning of a path.
//
// The returned path ends in a slash only if it is the root "/".
static sg_str Clean(sg_arena *ar, sg_str path) {
  if (path.len == 0)
    return SG_STR(".");

  bool rooted = path.ptr[0] == '/';
  ptrdiff_t n = path.len;

  // Invariants:
  //	reading from path; r is index of next byte to process.
  //	writing to buf; w is index of next byte to write.
  //	dotdot is index in buf where .. must stop, either because
  //		it is the leading slash or it is a leading ../../.. prefix.
  lazybuf out = {path, {0}, 0};
  ptrdiff_t r = 0, dotdot = 0;
  if (rooted) {
    lazybuf_append(ar, &out, '/');
    r = 1;
    dotdot = 1;
  }

  while (r < n) {
    if (path.ptr[r] == '/') {
      // empty path element
      r++;
    } else if (path.ptr[r] == '.' && (r + 1 == n || path.ptr[r + 1] == '/')) {
      // . element
      r++;
    } else if (path.ptr[r] == '.' && path.ptr[r + 1] == '.' &&
               (r + 2 == n || path.ptr[r + 2] == '/')) {
      // .. element: remove to last /
      r += 2;
      if (out.w > dotdot) {
        // can backtrack
        out.w--;
        while (out.w > dotdot && lazybuf_index(&out, out.w) != '/')
          out.w--;
      } else if (!rooted) {
        // cannot backtrack, but not rooted, so append .. element.
        if (out.w > 0)
          lazybuf_append(ar, &out, '/');
        lazybuf_append(ar, &out, '.');
        lazybuf_append(ar, &out, '.');
        dotdot = out.w;
      }
    } else {
      // real path element.
      // add slash if needed
      if ((rooted && out.w != 1) || (!rooted && out.w != 0))
        lazybuf_append(ar, &out, '/');
      // copy element
      for (; r < n && path.ptr[r] != '/'; r++)
        lazybuf_append(ar, &out, path.ptr[r]);
    }
  }

  // Turn empty string into "."
  if (out.w == 0)
    return SG_STR(".");

  return lazybuf_string(ar, &out);
}

/* ---- the rest of path.go ----------------------------------------------- */

// lastSlash(s) is strings.LastIndex(s, "/") but we can't import strings.
static ptrdiff_t lastSlash(sg_str s) {
  ptrdiff_t i = s.len - 1;
  while (i >= 0 && s.ptr[i] != '/')
    i--;
  return i;
}

// Split splits path immediately following the final slash, separating it
// into a directory and file name component.
static void Split(sg_str path, sg_str *dir, sg_str *file) {
  ptrdiff_t i = lastSlash(path);
  *dir = sg_str_slice(path, 0, i + 1);
  *file = sg_str_slice(path, i + 1, path.len);
}

// Join joins any number of path elements into a single path, separating
// them with slashes.  Empty elements are ignored.  The result is Cleaned.
static sg_str Join(sg_arena *ar, strs elem) {
  ptrdiff_t size = 0;
  for (ptrdiff_t i = 0; i < elem.len; i++)
    size += strs_get(elem, i).len;
  if (size == 0)
    return SG_STR("");
  bytes buf = bytes_make(ar, 0, size + elem.len - 1);
  for (ptrdiff_t i = 0; i < elem.len; i++) {
    sg_str e = strs_get(elem, i);
    if (buf.len > 0 || e.len != 0) {
      if (buf.len > 0)
        buf = bytes_append(ar, buf, '/');
      buf = bytes_append_n(ar, buf, e.ptr, e.len);
    }
  }
  return Clean(ar, string_of(ar, buf));
}

// Ext returns the file name extension used by path: the suffix beginning
// at the final dot in the final slash-separated element of path.
static sg_str Ext(sg_str path) {
  for (ptrdiff_t i = path.len - 1; i >= 0 && path.ptr[i] != '/'; i--)
    if (path.ptr[i] == '.')
      return sg_str_slice(path, i, path.len);
  return SG_STR("");
}

// Base returns the last element of path.  Trailing slashes are removed
// before extracting the last element.  If the path is empty, Base returns
// ".".  If the path consists entirely of slashes, Base returns "/".
static sg_str Base(sg_str path) {
  if (path.len == 0)
    return SG_STR(".");
  // Strip trailing slashes.
  while (path.len > 0 && path.ptr[path.len - 1] == '/')
    path = sg_str_slice(path, 0, path.len - 1);
  // Find the last element
  ptrdiff_t i = lastSlash(path);
  if (i >= 0)
    path = sg_str_slice(path, i + 1, path.len);
  // If empty now, it had only slashes.
  if (path.len == 0)
    return SG_STR("/");
  return path;
}

static bool IsAbs(sg_str path) { return path.len > 0 && path.ptr[0] == '/'; }

// Dir returns all but the last element of path, typically the path's
// directory.
static sg_str Dir(sg_arena *ar, sg_str path) {
  sg_str dir, file;
  Split(path, &dir, &file);
  return Clean(ar, dir);
}

/* ---- the program ------------------------------------------------------- */

#define P(s) (int)(s).len, (s).ptr

static const char *tf(bool b) { return b ? "true" : "false"; }

static strs list(sg_arena *ar, int n, const char *const *elems) {
  strs a = {0};
  for (int i = 0; i < n; i++)
    a = strs_append(ar, a, sg_str_from(elems[i]));
  return a;
}

static void joins(sg_arena *ar) {
  static const char *const j[][8] = {
      {NULL},
      {"", NULL},
      {"", "", NULL},
      {"a", NULL},
      {"a", "b", NULL},
      {"a", "", NULL},
      {"", "b", NULL},
      {"/", "a", NULL},
      {"/", "a/b", NULL},
      {"/", "", NULL},
      {"//", "a", NULL},
      {"/a", "b", NULL},
      {"a/", "b", NULL},
      {"a/", "", NULL},
      {"", "", NULL},
      {"a", "../b", "./c", NULL},
      {"x", "y", "z", "..", "..", "..", "..", NULL},
  };
  for (size_t k = 0; k < sizeof j / sizeof j[0]; k++) {
    int n = 0;
    while (j[k][n] != NULL)
      n++;
    strs elems = list(ar, n, j[k]);
    printf("Join(");
    for (ptrdiff_t i = 0; i < elems.len; i++)
      printf("%s%.*s", i ? "," : "", P(strs_get(elems, i)));
    sg_str got = Join(ar, elems);
    printf(") = %.*s\n", P(got));
  }
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  static const char *const cleans[] = {
      "",
      ".",
      "..",
      "/",
      "//",
      "///",
      "abc",
      "abc/def",
      "a/b/c",
      "abc/",
      "abc/def/",
      "a/b/c/",
      "../../abc",
      "/abc",
      "/abc/def",
      "/../abc",
      "abc//def//ghi",
      "//abc",
      "///abc",
      "//abc//",
      "abc//",
      "abc/./def",
      "/./abc/def",
      "abc/.",
      "abc/def/ghi/../jkl",
      "abc/def/../ghi/../jkl",
      "abc/def/..",
      "abc/def/../..",
      "/abc/def/../..",
      "abc/def/../../..",
      "/abc/def/../../..",
      "abc/def/../../../ghi/jkl/../../../mno",
      "abc/./../def",
      "abc//./../def",
      "abc/../../././../def",
      "./a/./b/./",
      "a/../b/../",
      "../..",
      "/..",
      "x/../../y",
      ".../....",
      "a/.b/..c/...d/",
      "h\u00e9/./ll\u00f6/../w\u00f6rld",
  };
  for (size_t i = 0; i < sizeof cleans / sizeof cleans[0]; i++) {
    sg_str p = sg_str_from(cleans[i]);
    sg_str c = Clean(ar, p);
    printf("Clean(%.*s) = %.*s idempotent=%s\n", P(p), P(c),
           tf(sg_str_eq(Clean(ar, c), c)));
  }

  // A long path: many components, dot-dots that eat back to the root.
  bytes b = {0};
  for (int i = 0; i < 60; i++) {
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "/d%d/./x//..", i);
    b = bytes_append_n(ar, b, tmp, n);
  }
  sg_str lng = string_of(ar, b);
  sg_str c = Clean(ar, lng);
  printf("long: %d bytes -> %d bytes, head %.*s tail %.*s\n", (int)lng.len,
         (int)c.len, P(sg_str_slice(c, 0, 12)),
         P(sg_str_slice(c, c.len - 12, c.len)));
  bytes up = bytes_clone(ar, b); /* long + strings.Repeat("/..", 58) */
  for (int i = 0; i < 58; i++)
    up = bytes_append_n(ar, up, "/..", 3);
  sg_str cu = Clean(ar, string_of(ar, up));
  printf("long up: %.*s\n", P(cu));

  static const char *const splits[] = {"a/b", "a/b/", "a/",          "a",
                                       "/",   "",     "/usr/lib/go", "//x"};
  for (size_t i = 0; i < sizeof splits / sizeof splits[0]; i++) {
    sg_str p = sg_str_from(splits[i]), dir, file;
    Split(p, &dir, &file);
    printf("Split(%.*s) = [%.*s] [%.*s]\n", P(p), P(dir), P(file));
  }
  joins(ar);
  static const char *const exts[] = {"path.go",    "path.pb.go", "a.dir/b",
                                     "a.dir/b.go", "a.dir/",     "",
                                     ".",          "noext"};
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    sg_str p = sg_str_from(exts[i]);
    printf("Ext(%.*s) = [%.*s]\n", P(p), P(Ext(p)));
  }
  static const char *const bases[] = {"",       ".",      "/.",      "/",
                                      "////",   "x/",     "abc",     "abc/def",
                                      "a/b/.x", "a/b/c.", "a/b/c.x", "/a/b//"};
  for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
    sg_str p = sg_str_from(bases[i]);
    printf("Base(%.*s) = %.*s IsAbs=%s Dir=%.*s\n", P(p), P(Base(p)),
           tf(IsAbs(p)), P(Dir(ar, p)));
  }
  sg_arena_free(ar);
  return 0;
}
