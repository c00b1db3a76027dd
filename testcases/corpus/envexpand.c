// A port of os.Expand (Go 1.19, src/os/env.go: Expand, which builds its
// output lazily in a buffer made on the first '$', getShellName,
// isShellSpecialVar, isAlphaNum) and of os/exec's environment handling
// (src/os/exec/exec.go: Cmd.Environ / environ for a set Env, dedupEnvCase,
// which walks the list backwards keeping the last of each key in a map and
// then reverses out in place, and addCriticalEnv, a no-op off Windows).
// The mapping function of main is a closure over a map that also records
// the names asked for in a slice it truncates and reuses.  The Go
// original of main is envexpand.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/envexpand.go > %t.go.out
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
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_MAP strmap
#define SG_KEY sg_str
#define SG_VAL sg_str
#include <sliceguard/map.h>

#define SG_MAP boolmap
#define SG_KEY sg_str
#define SG_VAL bool
#include <sliceguard/map.h>

#define P(s) (int)(s).len, (s).ptr

typedef const char *error; /* NULL is nil */

static sg_arena *heap;

static sg_str string_of(bytes b) {
  bytes c = bytes_clone(heap, b);
  return sg_str_make(c.ptr, c.len);
}

/* ---- os.Expand --------------------------------------------------------- */

// isShellSpecialVar reports whether the character identifies a special
// shell variable such as $*.
static bool isShellSpecialVar(unsigned char c) {
  switch (c) {
  case '*':
  case '#':
  case '$':
  case '@':
  case '!':
  case '?':
  case '-':
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7':
  case '8':
  case '9':
    return true;
  }
  return false;
}

// isAlphaNum reports whether the byte is an ASCII letter, number, or
// underscore.
static bool isAlphaNum(unsigned char c) {
  return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') ||
         ('A' <= c && c <= 'Z');
}

// getShellName returns the name that begins the string and the number of
// bytes consumed to extract it.  If the name is enclosed in {}, it's part
// of a ${} expansion and two more bytes are needed than the length of the
// name.
static sg_str getShellName(sg_str s, ptrdiff_t *w) {
  if (s.ptr[0] == '{') {
    if (s.len > 2 && isShellSpecialVar((unsigned char)s.ptr[1]) &&
        s.ptr[2] == '}') {
      *w = 3;
      return sg_str_slice(s, 1, 2);
    }
    // Scan to closing brace
    for (ptrdiff_t i = 1; i < s.len; i++) {
      if (s.ptr[i] == '}') {
        if (i == 1) {
          *w = 2; // Bad syntax; eat "${}"
          return SG_STR("");
        }
        *w = i + 1;
        return sg_str_slice(s, 1, i);
      }
    }
    *w = 1; // Bad syntax; eat "${"
    return SG_STR("");
  }
  if (isShellSpecialVar((unsigned char)s.ptr[0])) {
    *w = 1;
    return sg_str_slice(s, 0, 1);
  }
  // Scan alphanumerics.
  ptrdiff_t i;
  for (i = 0; i < s.len && isAlphaNum((unsigned char)s.ptr[i]); i++) {
  }
  *w = i;
  return sg_str_slice(s, 0, i);
}

// Expand replaces ${var} or $var in the string based on the mapping
// function.
static sg_str Expand(sg_str s, sg_str (*mapping)(void *ctx, sg_str),
                     void *ctx) {
  bytes buf = {0};
  // ${} is all ASCII, so bytes are fine for this operation.
  ptrdiff_t i = 0;
  for (ptrdiff_t j = 0; j < s.len; j++) {
    if (s.ptr[j] == '$' && j + 1 < s.len) {
      if (buf.ptr == NULL)
        buf = bytes_make(heap, 0, 2 * s.len);
      buf = bytes_append_n(heap, buf, s.ptr + i, j - i);
      ptrdiff_t w;
      sg_str name = getShellName(sg_str_slice(s, j + 1, s.len), &w);
      if (name.len == 0 && w > 0) {
        // Encountered invalid syntax; eat the characters.
      } else if (name.len == 0) {
        // Valid syntax, but $ was not followed by a name.  Leave the
        // dollar character untouched.
        buf = bytes_append(heap, buf, s.ptr[j]);
      } else {
        sg_str v = mapping(ctx, name);
        buf = bytes_append_n(heap, buf, v.ptr, v.len);
      }
      j += w;
      i = j + 1;
    }
  }
  if (buf.ptr == NULL)
    return s;
  /* string(buf) + s[i:] */
  sg_str rest = sg_str_slice(s, i, s.len);
  bytes out = bytes_clone(heap, buf);
  out = bytes_append_n(heap, out, rest.ptr, rest.len);
  return sg_str_make(out.ptr, out.len);
}

/* ---- os/exec: the environment ------------------------------------------ */

static ptrdiff_t Index(sg_str s, sg_str sep) {
  for (ptrdiff_t i = 0; i + sep.len <= s.len; i++)
    if (sg_str_eq(sg_str_slice(s, i, i + sep.len), sep))
      return i;
  return -1;
}

static ptrdiff_t IndexByte(sg_str s, char c) {
  for (ptrdiff_t i = 0; i < s.len; i++)
    if (s.ptr[i] == c)
      return i;
  return -1;
}

static sg_str ToLowerASCII(sg_str s) {
  bytes b = bytes_make(heap, s.len, s.len);
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    bytes_set(b, i, ('A' <= c && c <= 'Z') ? (char)(c + 'a' - 'A') : c);
  }
  return sg_str_make(b.ptr, b.len);
}

// dedupEnvCase is dedupEnv with a case option for testing.  If
// caseInsensitive is true, the case of keys is ignored.  If nulOK is
// false, items containing NUL characters are allowed.
static strs dedupEnvCase(bool caseInsensitive, bool nulOK, strs env,
                         error *err) {
  // Construct the output in reverse order, to preserve the last
  // occurrence of each key.
  *err = NULL;
  strs out = strs_make(heap, 0, env.len);
  boolmap saw = boolmap_make(heap, env.len);
  for (ptrdiff_t n = env.len; n > 0; n--) {
    sg_str kv = strs_get(env, n - 1);

    // Reject NUL in environment variables to prevent security issues
    // (#56284); except on Plan 9, which uses NUL as os.PathListSeparator
    // (#56544).
    if (!nulOK && IndexByte(kv, 0) != -1) {
      *err = "exec: environment variable contains NUL";
      continue;
    }

    ptrdiff_t i = Index(kv, SG_STR("="));
    if (i == 0) {
      // We observe in practice keys with a single leading "=" on Windows.
      // TODO(#49886): Should we consume only the first leading "=" as part
      // of the key, or parse through arbitrarily many of them until a
      // non-"="?
      i = Index(sg_str_slice(kv, 1, kv.len), SG_STR("=")) + 1;
    }
    if (i < 0) {
      if (kv.len != 0) {
        // The entry is not of the form "key=value" (as it is required to
        // be).  Leave it as-is for now.
        // TODO(#52436): should we strip or reject these bogus entries?
        out = strs_append(heap, out, kv);
      }
      continue;
    }
    sg_str k = sg_str_slice(kv, 0, i);
    if (caseInsensitive)
      k = ToLowerASCII(k);
    if (boolmap_get(saw, k))
      continue;

    boolmap_put(saw, k, true);
    out = strs_append(heap, out, kv);
  }

  // Now reverse the slice to restore the original order.
  for (ptrdiff_t i = 0; i < out.len / 2; i++) {
    ptrdiff_t j = out.len - i - 1;
    sg_str t = strs_get(out, i);
    strs_set(out, i, strs_get(out, j));
    strs_set(out, j, t);
  }
  return out;
}

// dedupEnv returns a copy of env with any duplicates removed, in favor of
// later values.  Items not of the normal environment "key=value" form are
// preserved unchanged.  (Linux: case-sensitive keys, NUL not allowed.)
static strs dedupEnv(strs env, error *err) {
  return dedupEnvCase(false, false, env, err);
}

// addCriticalEnv adds any critical environment variables that are
// required (or at least almost always required) on the operating system.
// Currently this is only used for Windows.
static strs addCriticalEnv(strs env) { return env; }

typedef struct Cmd {
  strs Env;
} Cmd;

// environ returns a best-effort copy of the environment in which the
// command would be run as it is currently configured (here Env is always
// set, so the process environment is never consulted).
static strs Cmd_environ(Cmd *c, error *err) {
  strs env = c->Env;
  error dedupErr;
  env = dedupEnv(env, &dedupErr);
  *err = dedupErr;
  return addCriticalEnv(env);
}

static strs Cmd_Environ(Cmd *c) {
  error err;
  return Cmd_environ(c, &err);
}

/* ---- the program ------------------------------------------------------- */

/* %q: escapes for quote, backslash and control bytes; UTF-8 as is. */
static sg_str quote(sg_str s) {
  bytes b = bytes_append(heap, (bytes){0}, '"');
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    char tmp[8];
    int n;
    if (c == '"' || c == '\\')
      n = snprintf(tmp, sizeof tmp, "\\%c", c);
    else if (c == '\n')
      n = snprintf(tmp, sizeof tmp, "\\n");
    else if (c < 0x20 || c == 0x7f)
      n = snprintf(tmp, sizeof tmp, "\\x%02x", c);
    else
      n = snprintf(tmp, sizeof tmp, "%c", c);
    b = bytes_append_n(heap, b, tmp, n);
  }
  b = bytes_append(heap, b, '"');
  return sg_str_make(b.ptr, b.len);
}

static sg_str quoteList(strs l) {
  bytes b = bytes_append(heap, (bytes){0}, '[');
  for (ptrdiff_t i = 0; i < l.len; i++) {
    if (i)
      b = bytes_append(heap, b, ' ');
    sg_str q = quote(strs_get(l, i));
    b = bytes_append_n(heap, b, q.ptr, q.len);
  }
  b = bytes_append(heap, b, ']');
  return sg_str_make(b.ptr, b.len);
}

typedef struct lookup {
  strmap vars;
  strs asked;
} lookup;

/* The closure: asked = append(asked, name); vars[name] or "<name?>". */
static sg_str mapping(void *ctx, sg_str name) {
  lookup *l = ctx;
  l->asked = strs_append(heap, l->asked, name);
  sg_str v;
  if (strmap_lookup(l->vars, name, &v))
    return v;
  bytes b = bytes_append(heap, (bytes){0}, '<');
  sg_str lower = ToLowerASCII(name);
  b = bytes_append_n(heap, b, lower.ptr, lower.len);
  b = bytes_append_n(heap, b, "?>", 2);
  return sg_str_make(b.ptr, b.len);
}

static sg_str tripled(void *ctx, sg_str n) {
  (void)ctx;
  bytes b = {0};
  for (int i = 0; i < 3; i++)
    b = bytes_append_n(heap, b, n.ptr, n.len);
  return sg_str_make(b.ptr, b.len);
}

static void expanding(void) {
  static const char *const kv[] = {"HOME",        "/home/gopher",
                                   "USER",        "gopher",
                                   "EMPTY",       "",
                                   "1",           "first",
                                   "*",           "all args",
                                   "long_name_2", "L",
                                   "A",           "a",
                                   "AB",          "ab"};
  lookup l = {strmap_make(heap, 0), {0}};
  for (int i = 0; i < 16; i += 2)
    strmap_put(l.vars, sg_str_from(kv[i]), sg_str_from(kv[i + 1]));
  static const char *const templates[] = {
      "",
      "plain text",
      "$HOME",
      "${HOME}/src",
      "$USER@$HOME",
      "$A$AB${A}B",
      "cost: $5 and $$",
      "${}",
      "${",
      "${1}${*}",
      "$*-$1-$9",
      "trailing $",
      "$EMPTY|${EMPTY}|",
      "$long_name_2.txt",
      "${missing}and$missing2",
      "$-x$?y",
      "${unclosed",
      "nested ${${HOME}}",
      "$\u00e9t\u00e9",
  };
  for (size_t k = 0; k < sizeof templates / sizeof templates[0]; k++) {
    sg_str t = sg_str_from(templates[k]);
    l.asked = strs_slice(l.asked, 0, 0);
    sg_str out = Expand(t, mapping, &l);
    printf("Expand(%.*s) = %.*s asked=%.*s\n", P(quote(t)), P(quote(out)),
           P(quoteList(l.asked)));
  }
  bytes b = {0};
  for (int i = 0; i < 50; i++) {
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "$A${AB}-%d ", i);
    b = bytes_append_n(heap, b, tmp, n);
  }
  sg_str big = Expand(string_of(b), tripled, NULL);
  printf("big: %d -> %d bytes, ends %.*s\n", (int)b.len, (int)big.len,
         P(quote(sg_str_slice(big, big.len - 20, big.len))));
}

static strs list(int n, const sg_str *items) {
  return strs_append_n(heap, (strs){0}, items, n);
}

static void environs(void) {
  const sg_str e1[] = {SG_STR("A=1"), SG_STR("B=2"), SG_STR("A=3")};
  const sg_str e2[] = {SG_STR("PATH=/bin"), SG_STR("path=/usr/bin"),
                       SG_STR("PATH=/sbin"), SG_STR("HOME=/root")};
  const sg_str e3[] = {SG_STR("NOEQUALS"), SG_STR(""), SG_STR("X=1"),
                       SG_STR("NOEQUALS"), SG_STR("X=2")};
  const sg_str e4[] = {SG_STR("=C:=C:\\"), SG_STR("=D:=D:\\"),
                       SG_STR("=C:=E:\\")};
  const sg_str e5[] = {{"BAD=a\0b", 7}, SG_STR("GOOD=1"), SG_STR("BAD=fine")};
  const sg_str e6[] = {SG_STR("K="), SG_STR("K=v"), SG_STR("K=")};
  const strs envs[] = {
      strs_make(heap, 0, 0), list(3, e1), list(4, e2), list(5, e3),
      list(3, e4),           list(3, e5), list(3, e6)};
  for (int k = 0; k < 7; k++) {
    Cmd cmd = {envs[k]};
    printf("Environ(%.*s) = %.*s\n", P(quoteList(envs[k])),
           P(quoteList(Cmd_Environ(&cmd))));
  }
  strs many = {0};
  for (int i = 0; i < 100; i++) {
    char tmp[16];
    int n = snprintf(tmp, sizeof tmp, "V%d=%d", i % 13, i);
    many = strs_append(heap, many, string_of((bytes){tmp, n, n}));
  }
  Cmd cmd = {many};
  strs got = Cmd_Environ(&cmd);
  printf("many: %d -> %d, first %.*s last %.*s\n", (int)many.len, (int)got.len,
         P(quote(strs_get(got, 0))), P(quote(strs_get(got, got.len - 1))));
}

int main(void) {
  heap = sg_arena_new();
  expanding();
  environs();
  sg_arena_free(heap);
  return 0;
}
