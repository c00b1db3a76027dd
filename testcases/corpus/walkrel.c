// A port of path/filepath's Rel (walking both cleaned paths element by
// element, then building "../" runs into one buffer), SplitList (via
// strings.Split), Join, Clean (its lazybuf), Base and Walk (walk,
// readDirNames sorted, lstat, SkipDir) for Unix (Go 1.19,
// src/path/filepath/path.go and path_unix.go).  Walk runs over a small
// tree each side makes in its own directory.  The Go original of main is
// walkrel.go; both must print the same.
// REQUIRES: go
// RUN: rm -rf %t.cdir %t.godir
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t %t.cdir > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/walkrel.go %t.godir > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define P(s) (int)(s).len, (s).ptr

enum { Separator = '/', ListSeparator = ':' };

static sg_arena *heap;

typedef struct Error {
  const char *text;
  bool notExist;
} Error;
typedef const Error *error; /* NULL is nil; compared by address */

static error newError(sg_str msg, bool notExist) {
  Error *e = sg_arena_alloc(heap, sizeof *e);
  char *t = sg_arena_alloc(heap, (size_t)msg.len + 1);
  memcpy(t, msg.ptr, (size_t)msg.len);
  e->text = t;
  e->notExist = notExist;
  return e;
}

// SkipDir is used as a return value from WalkFuncs to indicate that the
// directory named in the call is to be skipped.
static const Error SkipDir_ = {"skip this directory", false};
#define SkipDir (&SkipDir_)

static sg_str string_of(bytes b) {
  bytes c = bytes_clone(heap, b);
  return sg_str_make(c.ptr, c.len);
}

static sg_str concat3(sg_str a, sg_str b, sg_str c) {
  bytes x = bytes_append_n(heap, (bytes){0}, a.ptr, a.len);
  x = bytes_append_n(heap, x, b.ptr, b.len);
  x = bytes_append_n(heap, x, c.ptr, c.len);
  return sg_str_make(x.ptr, x.len);
}

/* ---- Clean and its lazybuf (volume length 0 on Unix) ------------------- */

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

static void lazybuf_append(lazybuf *b, char c) {
  if (b->buf.ptr == NULL) {
    if (b->w < b->path.len && b->path.ptr[b->w] == c) {
      b->w++;
      return;
    }
    b->buf = bytes_make(heap, b->path.len, b->path.len);
    sg_str head = sg_str_slice(b->path, 0, b->w);
    bytes_copy(b->buf, (bytes){(char *)head.ptr, head.len, head.len});
  }
  bytes_set(b->buf, b->w, c);
  b->w++;
}

static sg_str lazybuf_string(lazybuf *b) {
  if (b->buf.ptr == NULL)
    return sg_str_slice(b->volAndPath, 0, b->volLen + b->w);
  return string_of(bytes_slice(b->buf, 0, b->w));
}

static bool IsPathSeparator(char c) { return c == Separator; }

static sg_str Clean(sg_str path) {
  sg_str originalPath = path;
  if (path.len == 0)
    return SG_STR(".");
  bool rooted = IsPathSeparator(path.ptr[0]);
  ptrdiff_t n = path.len;
  lazybuf out = {path, {0}, 0, originalPath, 0};
  ptrdiff_t r = 0, dotdot = 0;
  if (rooted) {
    lazybuf_append(&out, Separator);
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
          lazybuf_append(&out, Separator);
        lazybuf_append(&out, '.');
        lazybuf_append(&out, '.');
        dotdot = out.w;
      }
    } else {
      if ((rooted && out.w != 1) || (!rooted && out.w != 0))
        lazybuf_append(&out, Separator);
      for (; r < n && !IsPathSeparator(path.ptr[r]); r++)
        lazybuf_append(&out, path.ptr[r]);
    }
  }
  if (out.w == 0)
    lazybuf_append(&out, '.');
  return lazybuf_string(&out);
}

/* ---- path.go ----------------------------------------------------------- */

static ptrdiff_t Index(sg_str s, sg_str sep) {
  for (ptrdiff_t i = 0; i + sep.len <= s.len; i++)
    if (sg_str_eq(sg_str_slice(s, i, i + sep.len), sep))
      return i;
  return -1;
}

/* strings.Split for a one-byte separator. */
static strs Split(sg_str s, char sepc) {
  sg_str sep = sg_str_make(&sepc, 1);
  ptrdiff_t n = 1;
  for (ptrdiff_t i = 0; i < s.len; i++)
    n += s.ptr[i] == sepc;
  strs a = strs_make(heap, n, n);
  n--;
  ptrdiff_t i = 0;
  while (i < n) {
    ptrdiff_t m = Index(s, sep);
    if (m < 0)
      break;
    strs_set(a, i, sg_str_slice(s, 0, m));
    s = sg_str_slice(s, m + 1, s.len);
    i++;
  }
  strs_set(a, i, s);
  return strs_slice(a, 0, i + 1);
}

// SplitList splits a list of paths joined by the OS-specific
// ListSeparator, usually found in PATH or GOPATH environment variables.
// Unlike strings.Split, SplitList returns an empty slice when passed an
// empty string.
static strs SplitList(sg_str path) {
  if (path.len == 0)
    return strs_make(heap, 0, 0);
  return Split(path, ListSeparator);
}

/* join(elem) for two elements */
static sg_str Join(sg_str a, sg_str b) {
  if (a.len == 0 && b.len == 0)
    return SG_STR("");
  if (a.len == 0)
    return Clean(b);
  return Clean(concat3(a, SG_STR("/"), b));
}

// Base returns the last element of path.
static sg_str Base(sg_str path) {
  if (path.len == 0)
    return SG_STR(".");
  // Strip trailing slashes.
  while (path.len > 0 && IsPathSeparator(path.ptr[path.len - 1]))
    path = sg_str_slice(path, 0, path.len - 1);
  // Find the last element
  ptrdiff_t i = path.len - 1;
  while (i >= 0 && !IsPathSeparator(path.ptr[i]))
    i--;
  if (i >= 0)
    path = sg_str_slice(path, i + 1, path.len);
  // If empty now, it had only slashes.
  if (path.len == 0)
    return SG_STR("/");
  return path;
}

static bool sameWord(sg_str a, sg_str b) { return sg_str_eq(a, b); }

static ptrdiff_t countSep(sg_str s) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i < s.len; i++)
    n += s.ptr[i] == Separator;
  return n;
}

// Rel returns a relative path that is lexically equivalent to targpath
// when joined to basepath with an intervening separator.
static sg_str Rel(sg_str basepath, sg_str targpath, error *err) {
  *err = NULL;
  sg_str baseVol = SG_STR(""), targVol = SG_STR(""); /* VolumeName */
  sg_str base = Clean(basepath);
  sg_str targ = Clean(targpath);
  if (sameWord(targ, base))
    return SG_STR(".");
  base = sg_str_slice(base, baseVol.len, base.len);
  targ = sg_str_slice(targ, targVol.len, targ.len);
  if (sg_str_eq(base, SG_STR(".")))
    base = SG_STR("");
  // Can't use IsAbs - `\a` and `a` are both relative in Windows.
  bool baseSlashed = base.len > 0 && base.ptr[0] == Separator;
  bool targSlashed = targ.len > 0 && targ.ptr[0] == Separator;
  if (baseSlashed != targSlashed || !sameWord(baseVol, targVol)) {
    *err = newError(concat3(concat3(SG_STR("Rel: can't make "), targpath,
                                    SG_STR(" relative to ")),
                            basepath, SG_STR("")),
                    false);
    return SG_STR("");
  }
  // Position base[b0:bi] and targ[t0:ti] at the first differing elements.
  ptrdiff_t bl = base.len;
  ptrdiff_t tl = targ.len;
  ptrdiff_t b0 = 0, bi = 0, t0 = 0, ti = 0;
  for (;;) {
    while (bi < bl && base.ptr[bi] != Separator)
      bi++;
    while (ti < tl && targ.ptr[ti] != Separator)
      ti++;
    if (!sameWord(sg_str_slice(targ, t0, ti), sg_str_slice(base, b0, bi)))
      break;
    if (bi < bl)
      bi++;
    if (ti < tl)
      ti++;
    b0 = bi;
    t0 = ti;
  }
  if (sg_str_eq(sg_str_slice(base, b0, bi), SG_STR(".."))) {
    *err = newError(concat3(concat3(SG_STR("Rel: can't make "), targpath,
                                    SG_STR(" relative to ")),
                            basepath, SG_STR("")),
                    false);
    return SG_STR("");
  }
  if (b0 != bl) {
    // Base elements left.  Must go up before going down.
    ptrdiff_t seps = countSep(sg_str_slice(base, b0, bl));
    ptrdiff_t size = 2 + seps * 3;
    if (tl != t0)
      size += 1 + tl - t0;
    bytes buf = bytes_make(heap, size, size);
    ptrdiff_t n = bytes_copy(buf, (bytes){"..", 2, 2});
    for (ptrdiff_t i = 0; i < seps; i++) {
      bytes_set(buf, n, Separator);
      bytes_copy(bytes_slice(buf, n + 1, buf.len), (bytes){"..", 2, 2});
      n += 3;
    }
    if (t0 != tl) {
      bytes_set(buf, n, Separator);
      sg_str rest = sg_str_slice(targ, t0, targ.len);
      bytes_copy(bytes_slice(buf, n + 1, buf.len),
                 (bytes){(char *)rest.ptr, rest.len, rest.len});
    }
    return string_of(buf);
  }
  return sg_str_slice(targ, t0, targ.len);
}

/* ---- Walk -------------------------------------------------------------- */

typedef struct FileInfo {
  sg_str name;
  bool isDir;
  int64_t size;
} FileInfo;

static const char *cstr(sg_str s) {
  char *p = sg_arena_alloc(heap, (size_t)s.len + 1);
  memcpy(p, s.ptr, (size_t)s.len);
  return p;
}

static error lstat_(sg_str name, FileInfo *info) {
  struct stat st;
  if (lstat(cstr(name), &st) != 0) {
    int e = errno;
    return newError(concat3(SG_STR("lstat "), name, SG_STR(": failed")),
                    e == ENOENT);
  }
  info->name = Base(name);
  info->isDir = S_ISDIR(st.st_mode);
  info->size = (int64_t)st.st_size;
  return NULL;
}

typedef error (*WalkFunc)(void *ctx, sg_str path, FileInfo *info, error err);

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

// readDirNames reads the directory named by dirname and returns a sorted
// list of directory entry names.
static strs readDirNames(sg_str dirname, error *err) {
  *err = NULL;
  DIR *d = opendir(cstr(dirname));
  if (d == NULL) {
    *err =
        newError(concat3(SG_STR("open "), dirname, SG_STR(": failed")), false);
    return (strs){0};
  }
  strs names = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    sg_str n = sg_str_from(e->d_name);
    if (sg_str_eq(n, SG_STR(".")) || sg_str_eq(n, SG_STR("..")))
      continue;
    names = strs_append(heap, names,
                        string_of((bytes){(char *)n.ptr, n.len, n.len}));
  }
  closedir(d);
  if (names.len > 1) /* sort.Strings(names) */
    qsort(names.ptr, (size_t)names.len, sizeof(sg_str), cmpstr);
  return names;
}

// walk recursively descends path, calling walkFn.
static error walk(sg_str path, FileInfo *info, WalkFunc walkFn, void *ctx) {
  if (!info->isDir)
    return walkFn(ctx, path, info, NULL);

  error err;
  strs names = readDirNames(path, &err);
  error err1 = walkFn(ctx, path, info, err);
  // If err != nil, walk can't walk into this directory.  err1 != nil
  // means walkFn want walk to skip this directory or stop walking.
  // Therefore, if one of err and err1 isn't nil, walk will return.
  if (err != NULL || err1 != NULL)
    // The caller's behavior is controlled by the return value, which is
    // decided by walkFn.  walkFn may ignore err and return nil.  If walkFn
    // returns SkipDir, it will be handled by the caller.  So walk should
    // return whatever walkFn returns.
    return err1;

  for (ptrdiff_t i = 0; i < names.len; i++) {
    sg_str filename = Join(path, strs_get(names, i));
    FileInfo fileInfo;
    error lerr = lstat_(filename, &fileInfo);
    if (lerr != NULL) {
      error werr = walkFn(ctx, filename, NULL, lerr); /* fileInfo is nil */
      if (werr != NULL && werr != SkipDir)
        return werr;
    } else {
      error werr = walk(filename, &fileInfo, walkFn, ctx);
      if (werr != NULL)
        if (!fileInfo.isDir || werr != SkipDir)
          return werr;
    }
  }
  return NULL;
}

// Walk walks the file tree rooted at root, calling fn for each file or
// directory in the tree, including root.  The files are walked in lexical
// order.
static error Walk(sg_str root, WalkFunc fn, void *ctx) {
  FileInfo info;
  error err = lstat_(root, &info);
  if (err != NULL)
    err = fn(ctx, root, NULL, err);
  else
    err = walk(root, &info, fn, ctx);
  if (err == SkipDir)
    return NULL;
  return err;
}

/* ---- the program ------------------------------------------------------- */

static const char *errstr(error e) { return e ? e->text : "<nil>"; }

static const Error stopAt7 = {"stop at 7", false};

static error walkFn(void *ctx, sg_str path, FileInfo *info, error err) {
  sg_str root = *(sg_str *)ctx;
  error rerr;
  sg_str rel = Rel(root, path, &rerr);
  if (err != NULL) {
    printf("  error at %.*s: %s\n", P(rel), err->text);
    return NULL;
  }
  if (info->isDir && sg_str_eq(info->name, SG_STR("skip"))) {
    printf("  skip %.*s\n", P(rel));
    return SkipDir;
  }
  if (sg_str_eq(info->name, SG_STR("7")))
    return &stopAt7;
  printf("  %s %.*s size=%lld relerr=%s\n", info->isDir ? "dir" : "file",
         P(rel), (long long)(info->isDir ? 0 : info->size), errstr(rerr));
  return NULL;
}

static error missingFn(void *ctx, sg_str path, FileInfo *info, error err) {
  (void)ctx;
  (void)path;
  printf("  visited missing: info nil %s, err is ErrNotExist %s\n",
         info == NULL ? "true" : "false",
         err != NULL && err->notExist ? "true" : "false");
  return err;
}

static error skipAll(void *ctx, sg_str path, FileInfo *info, error err) {
  (void)ctx;
  (void)path;
  (void)info;
  (void)err;
  return SkipDir;
}

static void rels(void) {
  static const char *const rs[][2] = {
      {"a/b", "a/b"},
      {"a/b/.", "a/b"},
      {"a/b", "a/b/."},
      {"./a/b", "a/b"},
      {"a/b", "./a/b"},
      {"ab/cd", "ab/cde"},
      {"ab/cd", "ab/c"},
      {"a/b", "a/b/c/d"},
      {"a/b", "a/b/../c"},
      {"a/b/../c", "a/b"},
      {"a/b/c", "a/c/d"},
      {"a/b", "c/d"},
      {"a/b/c/d", "a/b"},
      {"a/b/c/d", "a/b/"},
      {"a/b/c/d/", "a/b"},
      {"a/b/c/d/", "a/b/"},
      {"../../a/b", "../../a/b/c/d"},
      {"/a/b", "/a/b"},
      {"/a/b/.", "/a/b"},
      {"/a/b", "/a/b/."},
      {"/ab/cd", "/ab/cde"},
      {"/ab/cd", "/ab/c"},
      {"/a/b", "/a/b/c/d"},
      {"/a/b", "/a/b/../c"},
      {"/a/b/../c", "/a/b"},
      {"/a/b/c", "/a/c/d"},
      {"/a/b", "/c/d"},
      {"/a/b/c/d", "/a/b"},
      {"/a/b/c/d", "/a/b/"},
      {"/a/b/c/d/", "/a/b"},
      {"/../../a/b", "/../../a/b/c/d"},
      {".", "a/b"},
      {".", ".."},
      {"..", "."},
      {"..", "a"},
      {"../..", ".."},
      {"a", "/a"},
      {"/a", "a"},
  };
  for (size_t k = 0; k < sizeof rs / sizeof rs[0]; k++) {
    error err;
    sg_str got = Rel(sg_str_from(rs[k][0]), sg_str_from(rs[k][1]), &err);
    printf("Rel(%s, %s) = %.*s %s\n", rs[k][0], rs[k][1], P(got), errstr(err));
  }
  static const char *const lists[] = {"", "a", "a:b", "/bin:/usr/bin::/x", ":"};
  for (int k = 0; k < 5; k++) {
    strs l = SplitList(sg_str_from(lists[k]));
    printf("SplitList(\"%s\") = [", lists[k]);
    for (ptrdiff_t i = 0; i < l.len; i++)
      printf("%s\"%.*s\"", i ? " " : "", P(strs_get(l, i)));
    printf("]\n");
  }
}

static void mkdirAll(sg_str path) {
  for (ptrdiff_t i = 1; i <= path.len; i++)
    if (i == path.len || path.ptr[i] == '/')
      mkdir(cstr(sg_str_slice(path, 0, i)), 0755);
}

static void walking(sg_str root) {
  static const char *const dirs[] = {"a/b/c", "a/skip/deep", "x", "y/z"};
  for (int i = 0; i < 4; i++)
    mkdirAll(Join(root, sg_str_from(dirs[i])));
  static const char *const files[] = {
      "a/1.txt",           "a/b/2.txt", "a/b/c/3.txt", "a/skip/4.txt",
      "a/skip/deep/5.txt", "x/6",       "top",         "y/z/7"};
  for (int i = 0; i < 8; i++) {
    FILE *f = fopen(cstr(Join(root, sg_str_from(files[i]))), "wb");
    if (f == NULL)
      continue;
    for (int k = 0; k < i * 10; k++)
      fputc(0, f);
    fclose(f);
  }
  printf("walk: %s\n", errstr(Walk(root, walkFn, &root)));
  printf(
      "walk sub: %s\n",
      errstr(Walk(Join(Join(root, SG_STR("a")), SG_STR("b")), walkFn, &root)));
  printf("walk missing: %s\n",
         Walk(Join(root, SG_STR("nope")), missingFn, NULL) != NULL ? "true"
                                                                   : "false");
  printf("walk skip root: %s\n",
         errstr(Walk(Join(root, SG_STR("x")), skipAll, NULL)));
}

int main(int argc, char **argv) {
  heap = sg_arena_new();
  rels();
  if (argc < 2) {
    fprintf(stderr, "usage: walkrel <dir>\n");
    return 2;
  }
  sg_str root = sg_str_from(argv[1]);
  mkdirAll(root);
  walking(root);
  sg_arena_free(heap);
  return 0;
}
