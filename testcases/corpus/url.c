// net/url (Go 1.19 net/url/url.go): Parse and its helpers, escape and
// unescape in every mode, String, ResolveReference and resolvePath, and
// Values (a map of string slices) with ParseQuery and the sorted Encode.
// strings.Builder is a byte slice grown by append; errors are strings (NULL
// is nil).  url.go runs the real package on the same inputs.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/url.go > %t.go.out
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

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

// Values maps a string key to a list of values.
#define SG_MAP Values
#define SG_KEY sg_str
#define SG_VAL strs
#include <sliceguard/map.h>

static sg_arena *A; // the program's one arena (Go's heap)

typedef sg_str error; // .ptr == NULL is nil
static const error nil = {0};

/* ---- the strings package, as far as url.go uses it ---- */

typedef struct Builder {
  bytes buf;
} Builder;

static void WriteString(Builder *b, sg_str s) {
  b->buf = bytes_append_n(A, b->buf, s.ptr, s.len);
}
static void WriteByte(Builder *b, char c) {
  b->buf = bytes_append(A, b->buf, c);
}
static sg_str BuilderString(Builder *b) {
  return sg_str_make(b->buf.ptr, b->buf.len);
}
static void Reset(Builder *b) { b->buf = (bytes){0}; }
static void Grow(Builder *b, ptrdiff_t n) {
  if (b->buf.cap - b->buf.len < n) {
    bytes buf = bytes_make(A, b->buf.len, 2 * b->buf.cap + n);
    bytes_copy(buf, b->buf);
    b->buf = buf;
  }
}

static sg_str concat(sg_str x, sg_str y) {
  bytes b = bytes_make(A, 0, x.len + y.len);
  b = bytes_append_n(A, b, x.ptr, x.len);
  b = bytes_append_n(A, b, y.ptr, y.len);
  return sg_str_make(b.ptr, b.len);
}

static sg_str string_of(bytes b) {
  bytes c = bytes_clone(A, b);
  return sg_str_make(c.ptr, c.len);
}

static ptrdiff_t Index(sg_str s, sg_str sep) {
  for (ptrdiff_t i = 0; i + sep.len <= s.len; i++)
    if (memcmp(s.ptr + i, sep.ptr, (size_t)sep.len) == 0)
      return i;
  return -1;
}

static ptrdiff_t LastIndex(sg_str s, sg_str sep) {
  for (ptrdiff_t i = s.len - sep.len; i >= 0; i--)
    if (memcmp(s.ptr + i, sep.ptr, (size_t)sep.len) == 0)
      return i;
  return -1;
}

static ptrdiff_t LastIndexByte(sg_str s, char c) {
  for (ptrdiff_t i = s.len - 1; i >= 0; i--)
    if (s.ptr[i] == c)
      return i;
  return -1;
}

static bool HasPrefix(sg_str s, sg_str p) {
  return s.len >= p.len && memcmp(s.ptr, p.ptr, (size_t)p.len) == 0;
}

static bool HasSuffix(sg_str s, sg_str p) {
  return s.len >= p.len &&
         memcmp(s.ptr + s.len - p.len, p.ptr, (size_t)p.len) == 0;
}

static bool Contains(sg_str s, sg_str sub) { return Index(s, sub) >= 0; }

static ptrdiff_t Count(sg_str s, sg_str sep) {
  ptrdiff_t n = 0;
  for (ptrdiff_t i; (i = Index(s, sep)) >= 0;
       s = sg_str_slice(s, i + sep.len, s.len))
    n++;
  return n;
}

// Cut slices s around the first instance of sep.
static bool Cut(sg_str s, sg_str sep, sg_str *before, sg_str *after) {
  ptrdiff_t i = Index(s, sep);
  if (i >= 0) {
    *before = sg_str_slice(s, 0, i);
    *after = sg_str_slice(s, i + sep.len, s.len);
    return true;
  }
  *before = s;
  *after = SG_STR("");
  return false;
}

static sg_str ToLower(sg_str s) {
  bool hasUpper = false;
  for (ptrdiff_t i = 0; i < s.len; i++)
    hasUpper |= 'A' <= s.ptr[i] && s.ptr[i] <= 'Z';
  if (!hasUpper)
    return s;
  Builder b = {0};
  Grow(&b, s.len);
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    if ('A' <= c && c <= 'Z')
      c += 'a' - 'A';
    WriteByte(&b, c);
  }
  return BuilderString(&b);
}

// strconv.Quote for the ASCII strings these inputs produce.
static sg_str Quote(sg_str s) {
  Builder b = {0};
  WriteByte(&b, '"');
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    char tmp[8];
    if (c == '"' || c == '\\') {
      WriteByte(&b, '\\');
      WriteByte(&b, (char)c);
    } else if (c == '\n') {
      WriteString(&b, SG_STR("\\n"));
    } else if (c == '\t') {
      WriteString(&b, SG_STR("\\t"));
    } else if (c < ' ' || c == 0x7f) {
      snprintf(tmp, sizeof tmp, "\\x%02x", c);
      WriteString(&b, sg_str_from(tmp));
    } else {
      WriteByte(&b, (char)c);
    }
  }
  WriteByte(&b, '"');
  return BuilderString(&b);
}

static error errorf(const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  return string_of((bytes){tmp, n, n});
}

#define S(x) (int)(x).len, (x).ptr

/* ---- net/url ---- */

// Error reports an error and the operation and URL that caused it.
static error url_Error(const char *op, sg_str u, error err) {
  return errorf("%s %.*s: %.*s", op, S(Quote(u)), S(err));
}

static const char upperhex[] = "0123456789ABCDEF";

static bool ishex(char c) {
  if ('0' <= c && c <= '9')
    return true;
  if ('a' <= c && c <= 'f')
    return true;
  if ('A' <= c && c <= 'F')
    return true;
  return false;
}

static unsigned char unhex(char c) {
  if ('0' <= c && c <= '9')
    return (unsigned char)(c - '0');
  if ('a' <= c && c <= 'f')
    return (unsigned char)(c - 'a' + 10);
  if ('A' <= c && c <= 'F')
    return (unsigned char)(c - 'A' + 10);
  return 0;
}

typedef enum encoding {
  encodePath = 1,
  encodePathSegment,
  encodeHost,
  encodeZone,
  encodeUserPassword,
  encodeQueryComponent,
  encodeFragment,
} encoding;

static error EscapeError(sg_str s) {
  return errorf("invalid URL escape %.*s", S(Quote(s)));
}

static error InvalidHostError(sg_str s) {
  return errorf("invalid character %.*s in host name", S(Quote(s)));
}

// Return true if the specified character should be escaped when appearing
// in a URL string, according to RFC 3986.
static bool shouldEscape(unsigned char c, encoding mode) {
  // §2.3 Unreserved characters (alphanum)
  if (('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') ||
      ('0' <= c && c <= '9'))
    return false;

  if (mode == encodeHost || mode == encodeZone) {
    // §3.2.2 Host allows sub-delims, ':' for the port and '[' ']' for
    // IPv6, and (for the zone) the characters Go's own URLs carry.
    switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '[':
    case ']':
    case '<':
    case '>':
    case '"':
      return false;
    }
  }

  switch (c) {
  case '-':
  case '_':
  case '.':
  case '~': // §2.3 Unreserved characters (mark)
    return false;

  case '$':
  case '&':
  case '+':
  case ',':
  case '/':
  case ':':
  case ';':
  case '=':
  case '?':
  case '@': // §2.2 Reserved characters (reserved)
    switch (mode) {
    case encodePath: // §3.3
      return c == '?';
    case encodePathSegment: // §3.3
      return c == '/' || c == ';' || c == ',' || c == '?';
    case encodeUserPassword: // §3.2.1
      return c == '@' || c == '/' || c == '?' || c == ':';
    case encodeQueryComponent: // §3.4
      return true;
    case encodeFragment: // §4.1
      return false;
    default:
      break;
    }
  }

  if (mode == encodeFragment) {
    switch (c) {
    case '!':
    case '(':
    case ')':
    case '*':
      return false;
    }
  }

  // Everything else must be escaped.
  return true;
}

// unescape unescapes a string; the mode specifies which section of the
// URL string is being unescaped.
static error unescape(sg_str s, encoding mode, sg_str *out) {
  // Count %, check that they're well-formed.
  ptrdiff_t n = 0;
  bool hasPlus = false;
  *out = SG_STR("");
  for (ptrdiff_t i = 0; i < s.len;) {
    switch (s.ptr[i]) {
    case '%':
      n++;
      if (i + 2 >= s.len || !ishex(s.ptr[i + 1]) || !ishex(s.ptr[i + 2])) {
        s = sg_str_slice(s, i, s.len);
        if (s.len > 3)
          s = sg_str_slice(s, 0, 3);
        return EscapeError(s);
      }
      // Per https://tools.ietf.org/html/rfc3986#page-21 in the host
      // component %-encoding can only be used for non-ASCII bytes.
      if (mode == encodeHost && unhex(s.ptr[i + 1]) < 8 &&
          !sg_str_eq(sg_str_slice(s, i, i + 3), SG_STR("%25")))
        return EscapeError(sg_str_slice(s, i, i + 3));
      if (mode == encodeZone) {
        unsigned char v =
            (unsigned char)(unhex(s.ptr[i + 1]) << 4 | unhex(s.ptr[i + 2]));
        if (!sg_str_eq(sg_str_slice(s, i, i + 3), SG_STR("%25")) && v != ' ' &&
            shouldEscape(v, encodeHost))
          return EscapeError(sg_str_slice(s, i, i + 3));
      }
      i += 3;
      break;
    case '+':
      hasPlus = mode == encodeQueryComponent;
      i++;
      break;
    default:
      if ((mode == encodeHost || mode == encodeZone) &&
          (unsigned char)s.ptr[i] < 0x80 &&
          shouldEscape((unsigned char)s.ptr[i], mode))
        return InvalidHostError(sg_str_slice(s, i, i + 1));
      i++;
    }
  }

  if (n == 0 && !hasPlus) {
    *out = s;
    return nil;
  }

  Builder t = {0};
  Grow(&t, s.len - 2 * n);
  for (ptrdiff_t i = 0; i < s.len; i++) {
    switch (s.ptr[i]) {
    case '%':
      WriteByte(&t, (char)(unhex(s.ptr[i + 1]) << 4 | unhex(s.ptr[i + 2])));
      i += 2;
      break;
    case '+':
      if (mode == encodeQueryComponent)
        WriteByte(&t, ' ');
      else
        WriteByte(&t, '+');
      break;
    default:
      WriteByte(&t, s.ptr[i]);
    }
  }
  *out = BuilderString(&t);
  return nil;
}

static error QueryUnescape(sg_str s, sg_str *out) {
  return unescape(s, encodeQueryComponent, out);
}

static error PathUnescape(sg_str s, sg_str *out) {
  return unescape(s, encodePathSegment, out);
}

static sg_str escape(sg_str s, encoding mode) {
  ptrdiff_t spaceCount = 0, hexCount = 0;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (shouldEscape(c, mode)) {
      if (c == ' ' && mode == encodeQueryComponent)
        spaceCount++;
      else
        hexCount++;
    }
  }

  if (spaceCount == 0 && hexCount == 0)
    return s;

  char arr[64];
  bytes buf = {arr, sizeof arr, sizeof arr};
  bytes t;

  ptrdiff_t required = s.len + 2 * hexCount;
  if (required <= buf.len)
    t = bytes_slice(buf, 0, required);
  else
    t = bytes_make(A, required, required);

  if (hexCount == 0) {
    bytes_copy(t, (bytes){(char *)s.ptr, s.len, s.len});
    for (ptrdiff_t i = 0; i < s.len; i++)
      if (s.ptr[i] == ' ')
        bytes_set(t, i, '+');
    return string_of(t);
  }

  ptrdiff_t j = 0;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (c == ' ' && mode == encodeQueryComponent) {
      bytes_set(t, j, '+');
      j++;
    } else if (shouldEscape(c, mode)) {
      bytes_set(t, j, '%');
      bytes_set(t, j + 1, upperhex[c >> 4]);
      bytes_set(t, j + 2, upperhex[c & 15]);
      j += 3;
    } else {
      bytes_set(t, j, s.ptr[i]);
      j++;
    }
  }
  return string_of(t);
}

static sg_str QueryEscape(sg_str s) { return escape(s, encodeQueryComponent); }
static sg_str PathEscape(sg_str s) { return escape(s, encodePathSegment); }

typedef struct Userinfo {
  sg_str username;
  sg_str password;
  bool passwordSet;
} Userinfo;

typedef struct URL {
  sg_str Scheme;
  sg_str Opaque;      // encoded opaque data
  Userinfo *User;     // username and password information
  sg_str Host;        // host or host:port
  sg_str Path;        // path (relative paths may omit leading slash)
  sg_str RawPath;     // encoded path hint (see EscapedPath method)
  bool OmitHost;      // do not emit empty host (authority)
  bool ForceQuery;    // append a query ('?') even if RawQuery is empty
  sg_str RawQuery;    // encoded query values, without '?'
  sg_str Fragment;    // fragment for references, without '#'
  sg_str RawFragment; // encoded fragment hint (see EscapedFragment method)
} URL;

static Userinfo *User(sg_str username) {
  Userinfo *u = sg_arena_alloc(A, sizeof *u);
  *u = (Userinfo){username, SG_STR(""), false};
  return u;
}

static Userinfo *UserPassword(sg_str username, sg_str password) {
  Userinfo *u = sg_arena_alloc(A, sizeof *u);
  *u = (Userinfo){username, password, true};
  return u;
}

static sg_str Username(Userinfo *u) {
  if (u == NULL)
    return SG_STR("");
  return u->username;
}

static sg_str Password(Userinfo *u, bool *set) {
  if (u == NULL) {
    *set = false;
    return SG_STR("");
  }
  *set = u->passwordSet;
  return u->password;
}

static sg_str UserinfoString(Userinfo *u) {
  if (u == NULL)
    return SG_STR("");
  sg_str s = escape(u->username, encodeUserPassword);
  if (u->passwordSet)
    s = concat(concat(s, SG_STR(":")), escape(u->password, encodeUserPassword));
  return s;
}

// Maybe rawURL is of the form scheme:path.
static error getScheme(sg_str rawURL, sg_str *scheme, sg_str *path) {
  *scheme = SG_STR("");
  for (ptrdiff_t i = 0; i < rawURL.len; i++) {
    char c = rawURL.ptr[i];
    if (('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
      // do nothing
    } else if (('0' <= c && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) {
        *path = rawURL;
        return nil;
      }
    } else if (c == ':') {
      if (i == 0) {
        *path = SG_STR("");
        return SG_STR("missing protocol scheme");
      }
      *scheme = sg_str_slice(rawURL, 0, i);
      *path = sg_str_slice(rawURL, i + 1, rawURL.len);
      return nil;
    } else {
      // we have encountered an invalid character, so there is no valid scheme
      *path = rawURL;
      return nil;
    }
  }
  *path = rawURL;
  return nil;
}

static bool validOptionalPort(sg_str port) {
  if (port.len == 0)
    return true;
  if (port.ptr[0] != ':')
    return false;
  for (ptrdiff_t i = 1; i < port.len; i++)
    if (port.ptr[i] < '0' || port.ptr[i] > '9')
      return false;
  return true;
}

static bool validUserinfo(sg_str s) {
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char r = s.ptr[i];
    if ('A' <= r && r <= 'Z')
      continue;
    if ('a' <= r && r <= 'z')
      continue;
    if ('0' <= r && r <= '9')
      continue;
    switch (r) {
    case '-':
    case '.':
    case '_':
    case ':':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case '%':
    case '@':
      continue;
    default:
      return false;
    }
  }
  return true;
}

static bool stringContainsCTLByte(sg_str s) {
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char b = (unsigned char)s.ptr[i];
    if (b < ' ' || b == 0x7f)
      return true;
  }
  return false;
}

static error parseHost(sg_str host, sg_str *out) {
  *out = SG_STR("");
  if (HasPrefix(host, SG_STR("["))) {
    // Parse an IP-Literal in RFC 3986 and RFC 6874.
    ptrdiff_t i = LastIndex(host, SG_STR("]"));
    if (i < 0)
      return SG_STR("missing ']' in host");
    sg_str colonPort = sg_str_slice(host, i + 1, host.len);
    if (!validOptionalPort(colonPort))
      return errorf("invalid port %.*s after host", S(Quote(colonPort)));
    // RFC 6874 defines that %25 (%-encoded percent) introduces the zone
    // identifier, and the zone identifier can use basically any %-encoding
    // it likes.
    ptrdiff_t zone = Index(sg_str_slice(host, 0, i), SG_STR("%25"));
    if (zone >= 0) {
      sg_str host1, host2, host3;
      error err = unescape(sg_str_slice(host, 0, zone), encodeHost, &host1);
      if (err.ptr)
        return err;
      err = unescape(sg_str_slice(host, zone, i), encodeZone, &host2);
      if (err.ptr)
        return err;
      err = unescape(sg_str_slice(host, i, host.len), encodeHost, &host3);
      if (err.ptr)
        return err;
      *out = concat(concat(host1, host2), host3);
      return nil;
    }
  } else {
    ptrdiff_t i = LastIndex(host, SG_STR(":"));
    if (i != -1) {
      sg_str colonPort = sg_str_slice(host, i, host.len);
      if (!validOptionalPort(colonPort))
        return errorf("invalid port %.*s after host", S(Quote(colonPort)));
    }
  }
  return unescape(host, encodeHost, out);
}

static error parseAuthority(sg_str authority, Userinfo **user, sg_str *host) {
  *user = NULL;
  ptrdiff_t i = LastIndex(authority, SG_STR("@"));
  error err;
  if (i < 0)
    err = parseHost(authority, host);
  else
    err = parseHost(sg_str_slice(authority, i + 1, authority.len), host);
  if (err.ptr) {
    *host = SG_STR("");
    return err;
  }
  if (i < 0)
    return nil;
  sg_str userinfo = sg_str_slice(authority, 0, i);
  if (!validUserinfo(userinfo)) {
    *host = SG_STR("");
    return SG_STR("net/url: invalid userinfo");
  }
  if (!Contains(userinfo, SG_STR(":"))) {
    if ((err = unescape(userinfo, encodeUserPassword, &userinfo)).ptr) {
      *host = SG_STR("");
      return err;
    }
    *user = User(userinfo);
  } else {
    sg_str username, password;
    Cut(userinfo, SG_STR(":"), &username, &password);
    if ((err = unescape(username, encodeUserPassword, &username)).ptr ||
        (err = unescape(password, encodeUserPassword, &password)).ptr) {
      *host = SG_STR("");
      return err;
    }
    *user = UserPassword(username, password);
  }
  return nil;
}

// setPath sets the Path and RawPath fields of the URL based on the provided
// escaped path p.
static error setPath(URL *u, sg_str p) {
  sg_str path;
  error err = unescape(p, encodePath, &path);
  if (err.ptr)
    return err;
  u->Path = path;
  sg_str escp = escape(path, encodePath);
  if (sg_str_eq(p, escp))
    u->RawPath = SG_STR(""); // Default encoding is fine.
  else
    u->RawPath = p;
  return nil;
}

static bool validEncoded(sg_str s, encoding mode) {
  for (ptrdiff_t i = 0; i < s.len; i++) {
    // RFC 3986, Appendix A.
    switch (s.ptr[i]) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
      break; // ok
    case '[':
    case ']':
      break; // ok - not specified in RFC 3986 but left alone by modern browsers
    case '%':
      break; // ok - percent encoded, will decode
    default:
      if (shouldEscape((unsigned char)s.ptr[i], mode))
        return false;
    }
  }
  return true;
}

static sg_str EscapedPath(URL *u) {
  if (u->RawPath.len != 0 && validEncoded(u->RawPath, encodePath)) {
    sg_str p;
    error err = unescape(u->RawPath, encodePath, &p);
    if (!err.ptr && sg_str_eq(p, u->Path))
      return u->RawPath;
  }
  if (sg_str_eq(u->Path, SG_STR("*")))
    return SG_STR("*"); // don't escape (Issue 11202)
  return escape(u->Path, encodePath);
}

static error setFragment(URL *u, sg_str f) {
  sg_str frag;
  error err = unescape(f, encodeFragment, &frag);
  if (err.ptr)
    return err;
  u->Fragment = frag;
  sg_str escf = escape(frag, encodeFragment);
  if (sg_str_eq(f, escf))
    u->RawFragment = SG_STR(""); // Default encoding is fine.
  else
    u->RawFragment = f;
  return nil;
}

static sg_str EscapedFragment(URL *u) {
  if (u->RawFragment.len != 0 && validEncoded(u->RawFragment, encodeFragment)) {
    sg_str f;
    error err = unescape(u->RawFragment, encodeFragment, &f);
    if (!err.ptr && sg_str_eq(f, u->Fragment))
      return u->RawFragment;
  }
  return escape(u->Fragment, encodeFragment);
}

// parse parses a URL from a string in one of two contexts.  If viaRequest
// is true, the URL is assumed to have arrived via an HTTP request.
static error parse(sg_str rawURL, bool viaRequest, URL **out) {
  sg_str rest;
  error err;
  *out = NULL;

  if (stringContainsCTLByte(rawURL))
    return SG_STR("net/url: invalid control character in URL");

  if (rawURL.len == 0 && viaRequest)
    return SG_STR("empty url");
  URL *url = sg_arena_alloc(A, sizeof *url);

  if (sg_str_eq(rawURL, SG_STR("*"))) {
    url->Path = SG_STR("*");
    *out = url;
    return nil;
  }

  // Split off possible leading "http:", "mailto:", etc.
  // Cannot contain escaped characters.
  if ((err = getScheme(rawURL, &url->Scheme, &rest)).ptr)
    return err;
  url->Scheme = ToLower(url->Scheme);

  if (HasSuffix(rest, SG_STR("?")) && Count(rest, SG_STR("?")) == 1) {
    url->ForceQuery = true;
    rest = sg_str_slice(rest, 0, rest.len - 1);
  } else {
    Cut(rest, SG_STR("?"), &rest, &url->RawQuery);
  }

  if (!HasPrefix(rest, SG_STR("/"))) {
    if (url->Scheme.len != 0) {
      // We consider rootless paths per RFC 3986 as opaque.
      url->Opaque = rest;
      *out = url;
      return nil;
    }
    if (viaRequest)
      return SG_STR("invalid URI for request");

    // Avoid confusion with malformed schemes, like cache_object:foo/bar.
    sg_str segment, after;
    Cut(rest, SG_STR("/"), &segment, &after);
    if (Contains(segment, SG_STR(":")))
      // First path segment has colon. Not allowed in relative URL.
      return SG_STR("first path segment in URL cannot contain colon");
  }

  if ((url->Scheme.len != 0 ||
       (!viaRequest && !HasPrefix(rest, SG_STR("///")))) &&
      HasPrefix(rest, SG_STR("//"))) {
    sg_str authority = sg_str_slice(rest, 2, rest.len);
    rest = SG_STR("");
    ptrdiff_t i = Index(authority, SG_STR("/"));
    if (i >= 0) {
      rest = sg_str_slice(authority, i, authority.len);
      authority = sg_str_slice(authority, 0, i);
    }
    err = parseAuthority(authority, &url->User, &url->Host);
    if (err.ptr)
      return err;
  } else if (url->Scheme.len != 0 && HasPrefix(rest, SG_STR("/"))) {
    // OmitHost is set to true when rawURL has an empty host (authority).
    url->OmitHost = true;
  }

  // Set Path and, optionally, RawPath.
  if ((err = setPath(url, rest)).ptr)
    return err;
  *out = url;
  return nil;
}

// Parse parses a raw url into a URL structure.
static error Parse(sg_str rawURL, URL **out) {
  // Cut off #frag
  sg_str u, frag;
  Cut(rawURL, SG_STR("#"), &u, &frag);
  URL *url;
  error err = parse(u, false, &url);
  *out = NULL;
  if (err.ptr)
    return url_Error("parse", u, err);
  if (frag.len == 0) {
    *out = url;
    return nil;
  }
  if ((err = setFragment(url, frag)).ptr)
    return url_Error("parse", rawURL, err);
  *out = url;
  return nil;
}

static sg_str URLString(URL *u) {
  Builder buf = {0};
  if (u->Scheme.len != 0) {
    WriteString(&buf, u->Scheme);
    WriteByte(&buf, ':');
  }
  if (u->Opaque.len != 0) {
    WriteString(&buf, u->Opaque);
  } else {
    if (u->Scheme.len != 0 || u->Host.len != 0 || u->User != NULL) {
      if (u->OmitHost && u->Host.len == 0 && u->User == NULL) {
        // Omit empty host
      } else {
        if (u->Host.len != 0 || u->Path.len != 0 || u->User != NULL)
          WriteString(&buf, SG_STR("//"));
        Userinfo *ui = u->User;
        if (ui != NULL) {
          WriteString(&buf, UserinfoString(ui));
          WriteByte(&buf, '@');
        }
        sg_str h = u->Host;
        if (h.len != 0)
          WriteString(&buf, escape(h, encodeHost));
      }
    }
    sg_str path = EscapedPath(u);
    if (path.len != 0 && path.ptr[0] != '/' && u->Host.len != 0)
      WriteByte(&buf, '/');
    if (buf.buf.len == 0) {
      // RFC 3986 §4.2: a path segment that contains a colon character
      // cannot be used as the first segment of a relative-path reference.
      sg_str segment, after;
      Cut(path, SG_STR("/"), &segment, &after);
      if (Contains(segment, SG_STR(":")))
        WriteString(&buf, SG_STR("./"));
    }
    WriteString(&buf, path);
  }
  if (u->ForceQuery || u->RawQuery.len != 0) {
    WriteByte(&buf, '?');
    WriteString(&buf, u->RawQuery);
  }
  if (u->Fragment.len != 0) {
    WriteByte(&buf, '#');
    WriteString(&buf, EscapedFragment(u));
  }
  return BuilderString(&buf);
}

// Redacted is like String but replaces any password with "xxxxx".
static sg_str Redacted(URL *u) {
  if (u == NULL)
    return SG_STR("");
  URL ru = *u;
  bool has;
  Password(ru.User, &has);
  if (has)
    ru.User = UserPassword(Username(ru.User), SG_STR("xxxxx"));
  return URLString(&ru);
}

static sg_str Get(Values v, sg_str key) {
  if (v == NULL)
    return SG_STR("");
  strs vs = Values_get(v, key);
  if (vs.len == 0)
    return SG_STR("");
  return strs_get(vs, 0);
}

static void Set(Values v, sg_str key, sg_str value) {
  strs one = strs_make(A, 1, 1);
  strs_set(one, 0, value);
  Values_put(v, key, one);
}

static void Add(Values v, sg_str key, sg_str value) {
  Values_put(v, key, strs_append(A, Values_get(v, key), value));
}

static void Del(Values v, sg_str key) { Values_del(v, key); }

static bool Has(Values v, sg_str key) { return Values_lookup(v, key, NULL); }

static error parseQuery(Values m, sg_str query) {
  error err = nil;
  while (query.len != 0) {
    sg_str key;
    Cut(query, SG_STR("&"), &key, &query);
    if (Contains(key, SG_STR(";"))) {
      err = errorf("invalid semicolon separator in query");
      continue;
    }
    if (key.len == 0)
      continue;
    sg_str value;
    Cut(key, SG_STR("="), &key, &value);
    error err1 = QueryUnescape(key, &key);
    if (err1.ptr) {
      if (!err.ptr)
        err = err1;
      continue;
    }
    err1 = QueryUnescape(value, &value);
    if (err1.ptr) {
      if (!err.ptr)
        err = err1;
      continue;
    }
    Values_put(m, key, strs_append(A, Values_get(m, key), value));
  }
  return err;
}

static error ParseQuery(sg_str query, Values *out) {
  Values m = Values_make(A, 0);
  error err = parseQuery(m, query);
  *out = m;
  return err;
}

static int cmp_strs(const void *x, const void *y) {
  return sg_str_cmp(*(const sg_str *)x, *(const sg_str *)y);
}

static void sort_Strings(strs s) {
  if (s.len > 1)
    qsort(s.ptr, (size_t)s.len, sizeof(sg_str), cmp_strs);
}

// Encode encodes the values into "URL encoded" form ("bar=baz&foo=quux")
// sorted by key.
static sg_str Encode(Values v) {
  if (v == NULL)
    return SG_STR("");
  Builder buf = {0};
  strs keys = strs_make(A, 0, Values_len(v));
  sg_range(Values, v, it) { keys = strs_append(A, keys, it.key); }
  sort_Strings(keys);
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    sg_str k = strs_get(keys, i);
    strs vs = Values_get(v, k);
    sg_str keyEscaped = QueryEscape(k);
    for (ptrdiff_t j = 0; j < vs.len; j++) {
      if (buf.buf.len > 0)
        WriteByte(&buf, '&');
      WriteString(&buf, keyEscaped);
      WriteByte(&buf, '=');
      WriteString(&buf, QueryEscape(strs_get(vs, j)));
    }
  }
  return BuilderString(&buf);
}

// resolvePath applies special path segments from refs and applies them to
// base, per RFC 3986.
static sg_str resolvePath(sg_str base, sg_str ref) {
  sg_str full;
  if (ref.len == 0) {
    full = base;
  } else if (ref.ptr[0] != '/') {
    ptrdiff_t i = LastIndex(base, SG_STR("/"));
    full = concat(sg_str_slice(base, 0, i + 1), ref);
  } else {
    full = ref;
  }
  if (full.len == 0)
    return SG_STR("");

  sg_str elem = {0};
  Builder dst = {0};
  bool first = true;
  sg_str remaining = full;
  // We want to return a leading '/', so write it now.
  WriteByte(&dst, '/');
  bool found = true;
  while (found) {
    found = Cut(remaining, SG_STR("/"), &elem, &remaining);
    if (sg_str_eq(elem, SG_STR("."))) {
      first = false;
      // drop
      continue;
    }

    if (sg_str_eq(elem, SG_STR(".."))) {
      // Ignore the leading '/' we already wrote.
      sg_str str = sg_str_slice(BuilderString(&dst), 1, dst.buf.len);
      ptrdiff_t index = LastIndexByte(str, '/');

      Reset(&dst);
      WriteByte(&dst, '/');
      if (index == -1)
        first = true;
      else
        WriteString(&dst, sg_str_slice(str, 0, index));
    } else {
      if (!first)
        WriteByte(&dst, '/');
      WriteString(&dst, elem);
      first = false;
    }
  }

  if (sg_str_eq(elem, SG_STR(".")) || sg_str_eq(elem, SG_STR("..")))
    WriteByte(&dst, '/');

  // We wrote an initial '/', but we don't want two.
  sg_str r = BuilderString(&dst);
  if (r.len > 1 && r.ptr[1] == '/')
    r = sg_str_slice(r, 1, r.len);
  return r;
}

static bool IsAbs(URL *u) { return u->Scheme.len != 0; }

// ResolveReference resolves a URI reference to an absolute URI from an
// absolute base URI u, per RFC 3986 Section 5.2.
static URL *ResolveReference(URL *u, URL *ref) {
  URL *url = sg_arena_alloc(A, sizeof *url);
  *url = *ref;
  if (ref->Scheme.len == 0)
    url->Scheme = u->Scheme;
  if (ref->Scheme.len != 0 || ref->Host.len != 0 || ref->User != NULL) {
    // The "absoluteURI" or "net_path" cases.
    setPath(url, resolvePath(EscapedPath(ref), SG_STR("")));
    return url;
  }
  if (ref->Opaque.len != 0) {
    url->User = NULL;
    url->Host = SG_STR("");
    url->Path = SG_STR("");
    return url;
  }
  if (ref->Path.len == 0 && !ref->ForceQuery && ref->RawQuery.len == 0) {
    url->RawQuery = u->RawQuery;
    if (ref->Fragment.len == 0) {
      url->Fragment = u->Fragment;
      url->RawFragment = u->RawFragment;
    }
  }
  // The "abs_path" or "rel_path" cases.
  url->Host = u->Host;
  url->User = u->User;
  setPath(url, resolvePath(EscapedPath(u), EscapedPath(ref)));
  return url;
}

static error URLParse(URL *u, sg_str ref, URL **out) {
  URL *refURL;
  error err = Parse(ref, &refURL);
  *out = NULL;
  if (err.ptr)
    return err;
  *out = ResolveReference(u, refURL);
  return nil;
}

static Values Query(URL *u) {
  Values v;
  ParseQuery(u->RawQuery, &v);
  return v;
}

static sg_str RequestURI(URL *u) {
  sg_str result = u->Opaque;
  if (result.len == 0) {
    result = EscapedPath(u);
    if (result.len == 0)
      result = SG_STR("/");
  } else if (HasPrefix(result, SG_STR("//"))) {
    result = concat(concat(u->Scheme, SG_STR(":")), result);
  }
  if (u->ForceQuery || u->RawQuery.len != 0)
    result = concat(concat(result, SG_STR("?")), u->RawQuery);
  return result;
}

static void splitHostPort(sg_str hostPort, sg_str *host, sg_str *port) {
  *host = hostPort;
  *port = SG_STR("");
  ptrdiff_t colon = LastIndexByte(*host, ':');
  if (colon != -1 && validOptionalPort(sg_str_slice(*host, colon, host->len))) {
    *port = sg_str_slice(*host, colon + 1, host->len);
    *host = sg_str_slice(*host, 0, colon);
  }
  if (HasPrefix(*host, SG_STR("[")) && HasSuffix(*host, SG_STR("]")))
    *host = sg_str_slice(*host, 1, host->len - 1);
}

static sg_str Hostname(URL *u) {
  sg_str host, port;
  splitHostPort(u->Host, &host, &port);
  return host;
}

static sg_str Port(URL *u) {
  sg_str host, port;
  splitHostPort(u->Host, &host, &port);
  return port;
}

/* ---- the program (url.go) ---- */

static sg_str Join(strs elems, sg_str sep) {
  Builder b = {0};
  for (ptrdiff_t i = 0; i < elems.len; i++) {
    if (i > 0)
      WriteString(&b, sep);
    WriteString(&b, strs_get(elems, i));
  }
  return BuilderString(&b);
}

static sg_str values(Values v) {
  strs keys = strs_make(A, 0, Values_len(v));
  sg_range(Values, v, it) { keys = strs_append(A, keys, it.key); }
  sort_Strings(keys);
  Builder b = {0};
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    sg_str k = strs_get(keys, i);
    WriteString(&b, errorf("%.*s=[%.*s] ", S(k),
                           S(Join(Values_get(v, k), SG_STR("|")))));
  }
  return BuilderString(&b);
}

static const char *tf(bool b) { return b ? "true" : "false"; }

static sg_str errString(error err) { return err.ptr ? err : SG_STR("<nil>"); }

#define LIST(name, ...)                                                        \
  sg_str name##_arr[] = {__VA_ARGS__};                                         \
  strs name = strs_append_n(A, (strs){0}, name##_arr,                          \
                            (ptrdiff_t)(sizeof name##_arr / sizeof(sg_str)))

int main(void) {
  A = sg_arena_new();
  LIST(
      rawURLs, SG_STR("http://www.google.com/?q=go+language"),
      SG_STR("https://user:p%40ss@example.com:8443/a/b%2Fc/"
             "d?x=1&y=2&x=3#frag%20ment"),
      SG_STR("mailto:gopher@golang.org"), SG_STR("file:///etc/passwd"),
      SG_STR("/relative/path?only=query"), SG_STR("rel/ative"),
      SG_STR("//host.only/path"),
      SG_STR("http://[fe80::1%25en0]:8080/index.html"), SG_STR("http://[::1]/"),
      SG_STR("HTTP://Example.COM/%7Euser/"), SG_STR("http://a b.com/"),
      SG_STR("http://a\x7f"
             "b.com/"),
      SG_STR(":nope"), SG_STR("1http://x"), SG_STR("a:b/c"),
      SG_STR("seg:ment/x"), SG_STR("http://host:port/"), SG_STR("http://[::1/"),
      SG_STR("http://user^name@host/"), SG_STR("http://host/%zz"),
      SG_STR("http://host/p?q=%zz"), SG_STR("http://host/p?"),
      SG_STR("http://host/p??"), SG_STR("*"), SG_STR("http://h/a;b,c?x#y"),
      SG_STR("http://h/with space/and%20escape"), SG_STR("http://%41:8080/"),
      SG_STR("http://x/#a#b"), SG_STR("http://x/a/b/../c/./d"), SG_STR(""));
  for (ptrdiff_t n = 0; n < rawURLs.len; n++) {
    URL *u;
    error err = Parse(strs_get(rawURLs, n), &u);
    if (err.ptr) {
      printf("ERR %.*s\n", S(err));
      continue;
    }
    bool hasPw;
    sg_str pw = Password(u->User, &hasPw);
    printf("scheme=[%.*s] opaque=[%.*s] user=[%.*s] pw=[%.*s/%s] host=[%.*s] "
           "hostname=[%.*s] port=[%.*s]\n",
           S(u->Scheme), S(u->Opaque), S(Username(u->User)), S(pw), tf(hasPw),
           S(u->Host), S(Hostname(u)), S(Port(u)));
    printf("  path=[%.*s] raw=[%.*s] omit=%s force=%s query=[%.*s] "
           "frag=[%.*s] rawfrag=[%.*s]\n",
           S(u->Path), S(u->RawPath), tf(u->OmitHost), tf(u->ForceQuery),
           S(u->RawQuery), S(u->Fragment), S(u->RawFragment));
    printf("  string=[%.*s] escpath=[%.*s] requri=[%.*s] redacted=[%.*s] "
           "abs=%s\n",
           S(URLString(u)), S(EscapedPath(u)), S(RequestURI(u)), S(Redacted(u)),
           tf(IsAbs(u)));
    printf("  values: %.*s\n", S(values(Query(u))));
  }

  URL *base;
  Parse(SG_STR("http://a/b/c/d;p?q"), &base);
  LIST(refs, SG_STR("g:h"), SG_STR("g"), SG_STR("./g"), SG_STR("g/"),
       SG_STR("/g"), SG_STR("//g"), SG_STR("?y"), SG_STR("g?y"), SG_STR("#s"),
       SG_STR("g#s"), SG_STR("g?y#s"), SG_STR(";x"), SG_STR("g;x"), SG_STR(""),
       SG_STR("."), SG_STR("./"), SG_STR(".."), SG_STR("../"), SG_STR("../g"),
       SG_STR("../.."), SG_STR("../../"), SG_STR("../../g"),
       SG_STR("../../../g"), SG_STR("/./g"), SG_STR("/../g"), SG_STR("g."),
       SG_STR(".g"), SG_STR("g.."), SG_STR("..g"), SG_STR("./../g"),
       SG_STR("./g/."), SG_STR("g/./h"), SG_STR("g/../h"), SG_STR("g;x=1/./y"),
       SG_STR("g;x=1/../y"));
  for (ptrdiff_t n = 0; n < refs.len; n++) {
    sg_str ref = strs_get(refs, n);
    URL *r;
    error err = URLParse(base, ref, &r);
    if (err.ptr) {
      printf("resolve %.*s: ERR %.*s\n", S(ref), S(err));
      continue;
    }
    printf("resolve [%.*s] -> %.*s\n", S(ref), S(URLString(r)));
  }

  LIST(escapeInputs, SG_STR(""), SG_STR("plain"), SG_STR("a b&c=d/e?f#g"),
       SG_STR("100% sure; really!"), SG_STR("~user/.hidden_(x)*"),
       SG_STR("\xc3\xbc\xc3\xb1\xc3\xad"), SG_STR("@:+$,"));
  for (ptrdiff_t n = 0; n < escapeInputs.len; n++) {
    sg_str s = strs_get(escapeInputs, n);
    sg_str q = QueryEscape(s);
    sg_str p = PathEscape(s);
    sg_str uq, up;
    error err1 = QueryUnescape(q, &uq);
    error err2 = PathUnescape(p, &up);
    printf("escape [%.*s] q=[%.*s] p=[%.*s] back=%s,%s %.*s %.*s\n", S(s), S(q),
           S(p), tf(sg_str_eq(uq, s)), tf(sg_str_eq(up, s)), S(errString(err1)),
           S(errString(err2)));
  }
  LIST(unescapes, SG_STR("%"), SG_STR("%4"), SG_STR("%zz"), SG_STR("a%2"),
       SG_STR("ok%20"), SG_STR("a+b"), SG_STR("%41%42"));
  for (ptrdiff_t n = 0; n < unescapes.len; n++) {
    sg_str s = strs_get(unescapes, n);
    sg_str q;
    error err = QueryUnescape(s, &q);
    printf("unescape [%.*s] -> [%.*s] %.*s\n", S(s), S(q), S(errString(err)));
  }

  LIST(queries, SG_STR("a=1&b=2&a=3"),
       SG_STR("x=%20y&z=a+b&&=empty&novalue&k=v=w"),
       SG_STR("bad=%zz&good=1&also;bad=2&c=%2"), SG_STR(""),
       SG_STR("k%20ey=v%26al&k+ey=2"));
  for (ptrdiff_t n = 0; n < queries.len; n++) {
    sg_str q = strs_get(queries, n);
    Values v;
    error err = ParseQuery(q, &v);
    printf("query [%.*s]: %.*s err=%.*s\n", S(q), S(values(v)),
           S(errString(err)));
    Add(v, SG_STR("added"), SG_STR("one"));
    Add(v, SG_STR("added"), SG_STR("two & three"));
    Set(v, SG_STR("a"), SG_STR("set"));
    Del(v, SG_STR("b"));
    printf("  get a=[%.*s] added=[%.*s] has b=%s encode=[%.*s]\n",
           S(Get(v, SG_STR("a"))), S(Get(v, SG_STR("added"))),
           tf(Has(v, SG_STR("b"))), S(Encode(v)));
  }
  Values nilv = NULL;
  printf("nil: get=[%.*s] encode=[%.*s]\n", S(Get(nilv, SG_STR("x"))),
         S(Encode(nilv)));
  sg_arena_free(A);
  return 0;
}
