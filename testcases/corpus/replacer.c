// A port of strings.Replacer (Go 1.19, src/strings/replace.go): the
// generic replacer with its lookup trie, the single-string replacer with
// the Boyer-Moore stringFinder of src/strings/search.go, the byte
// replacer and the byte-to-string replacer, each with Replace and
// WriteString.  Go's interfaces (replacer, io.Writer, io.StringWriter)
// become structs of function pointers.  The Go original of main is
// replacer.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/replacer.go > %t.go.out
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

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define SG_SLICE bytes
#define SG_ELEM unsigned char
#include <sliceguard/slice.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

typedef const char *error; /* NULL is nil */

/* string(b): a new string holding a copy of b's bytes. */
static sg_str string_of(sg_arena *ar, bytes b) {
  bytes c = bytes_clone(ar, b);
  return sg_str_make((const char *)c.ptr, c.len);
}

/* []byte(s): a new byte slice holding a copy of s; never nil, even for
 * "" (the byte-to-string replacer tells "replace by nothing" from "keep"
 * by that). */
static bytes bytes_of(sg_arena *ar, sg_str s) {
  bytes b = bytes_make(ar, s.len, s.len);
  bytes_copy(b, (bytes){(unsigned char *)s.ptr, s.len, s.len});
  return b;
}

static sg_str str_of_bytes_view(bytes b) {
  return sg_str_make((const char *)b.ptr, b.len);
}

static bool HasPrefix(sg_str s, sg_str prefix) {
  return s.len >= prefix.len &&
         sg_str_eq(sg_str_slice(s, 0, prefix.len), prefix);
}

static ptrdiff_t Count(sg_str s, sg_str substr) {
  /* Only single-byte substrings reach Count here (byteStringReplacer). */
  ptrdiff_t n = 0;
  for (ptrdiff_t i = 0; i + substr.len <= s.len; i++)
    if (sg_str_eq(sg_str_slice(s, i, i + substr.len), substr)) {
      n++;
      i += substr.len - 1;
    }
  return n;
}

/* ---- io.Writer and io.StringWriter ------------------------------------- */

typedef struct Writer {
  void *self;
  ptrdiff_t (*Write)(void *self, bytes p, error *err);
  /* NULL when the writer is no io.StringWriter. */
  ptrdiff_t (*WriteString)(void *self, sg_str s, error *err);
} Writer;

typedef struct StringWriter {
  Writer w;
  bool direct; /* w implements WriteString itself */
  sg_arena *ar;
} StringWriter;

/* stringWriter{w}.WriteString: w.Write([]byte(s)). */
static ptrdiff_t sw_WriteString(StringWriter sw, sg_str s, error *err) {
  if (sw.direct)
    return sw.w.WriteString(sw.w.self, s, err);
  return sw.w.Write(sw.w.self, bytes_of(sw.ar, s), err);
}

static StringWriter getStringWriter(sg_arena *ar, Writer w) {
  StringWriter sw = {w, w.WriteString != NULL, ar};
  return sw;
}

/* appendSliceWriter: a []byte that appends whatever is written to it. */
typedef struct appendSliceWriter {
  sg_arena *ar;
  bytes buf;
} appendSliceWriter;

static ptrdiff_t asw_Write(void *self, bytes p, error *err) {
  appendSliceWriter *w = self;
  w->buf = bytes_extend(w->ar, w->buf, p);
  *err = NULL;
  return p.len;
}

static ptrdiff_t asw_WriteString(void *self, sg_str s, error *err) {
  appendSliceWriter *w = self;
  w->buf = bytes_append_n(w->ar, w->buf, (const unsigned char *)s.ptr, s.len);
  *err = NULL;
  return s.len;
}

static Writer asw_writer(appendSliceWriter *w) {
  Writer iw = {w, asw_Write, asw_WriteString};
  return iw;
}

/* ---- the replacer interface -------------------------------------------- */

typedef struct replacer replacer;
struct replacer {
  sg_str (*Replace)(sg_arena *ar, replacer *r, sg_str s);
  ptrdiff_t (*WriteString)(sg_arena *ar, replacer *r, Writer w, sg_str s,
                           error *err);
};

/* ---- the generic replacer ---------------------------------------------- */

typedef struct trieNode trieNode;

#define SG_SLICE nodes
#define SG_ELEM trieNode *
#include <sliceguard/slice.h>

// trieNode is a node in a lookup trie for prioritized key/value pairs.
// Keys and values may be empty.
struct trieNode {
  // value is the value of the trie node's key/value pair. It is empty if
  // this node is not a complete key.
  sg_str value;
  // priority is the priority (higher is more important) of the trie node's
  // key/value pair; keys are not necessarily matched shortest- or
  // longest-first. Priority is positive if this node is a complete key,
  // and zero otherwise.
  ptrdiff_t priority;

  // A trie node may have zero, one or more child nodes:
  //  * if the remaining fields are zero, there are no children.
  //  * if prefix and next are non-zero, there is one child in next.
  //  * if table is non-zero, it defines all the children.
  sg_str prefix;
  trieNode *next;

  // table is a lookup table indexed by the next byte in the key, after
  // remapping that byte through genericReplacer.mapping to create a dense
  // index.
  nodes table;
};

typedef struct genericReplacer {
  replacer base;
  trieNode root;
  // tableSize is the size of a trie node's lookup table. It is the number
  // of unique key bytes.
  ptrdiff_t tableSize;
  // mapping maps from key bytes to a dense index for trieNode.table.
  unsigned char mapping[256];
} genericReplacer;

static trieNode *new_trieNode(sg_arena *ar) {
  return sg_arena_alloc(ar, sizeof(trieNode));
}

static void trieNode_add(sg_arena *ar, trieNode *t, sg_str key, sg_str val,
                         ptrdiff_t priority, genericReplacer *r) {
  if (key.len == 0) {
    if (t->priority == 0) {
      t->value = val;
      t->priority = priority;
    }
    return;
  }

  if (t->prefix.len != 0) {
    // Need to split the prefix among multiple nodes.
    ptrdiff_t n = 0; // length of the longest common prefix
    for (; n < t->prefix.len && n < key.len; n++)
      if (t->prefix.ptr[n] != key.ptr[n])
        break;
    if (n == t->prefix.len) {
      trieNode_add(ar, t->next, sg_str_slice(key, n, key.len), val, priority,
                   r);
    } else if (n == 0) {
      // First byte differs, start a new lookup table here. Looking up
      // what is currently t.prefix[0] will lead to prefixNode, and
      // looking up key[0] will lead to keyNode.
      trieNode *prefixNode;
      if (t->prefix.len == 1) {
        prefixNode = t->next;
      } else {
        prefixNode = new_trieNode(ar);
        prefixNode->prefix = sg_str_slice(t->prefix, 1, t->prefix.len);
        prefixNode->next = t->next;
      }
      trieNode *keyNode = new_trieNode(ar);
      t->table = nodes_make(ar, r->tableSize, r->tableSize);
      nodes_set(t->table, r->mapping[(unsigned char)t->prefix.ptr[0]],
                prefixNode);
      nodes_set(t->table, r->mapping[(unsigned char)key.ptr[0]], keyNode);
      t->prefix = SG_STR("");
      t->next = NULL;
      trieNode_add(ar, keyNode, sg_str_slice(key, 1, key.len), val, priority,
                   r);
    } else {
      // Insert new node after the common section of the prefix.
      trieNode *next = new_trieNode(ar);
      next->prefix = sg_str_slice(t->prefix, n, t->prefix.len);
      next->next = t->next;
      t->prefix = sg_str_slice(t->prefix, 0, n);
      t->next = next;
      trieNode_add(ar, next, sg_str_slice(key, n, key.len), val, priority, r);
    }
  } else if (t->table.ptr != NULL) {
    // Insert into existing table.
    unsigned char m = r->mapping[(unsigned char)key.ptr[0]];
    if (nodes_get(t->table, m) == NULL)
      nodes_set(t->table, m, new_trieNode(ar));
    trieNode_add(ar, nodes_get(t->table, m), sg_str_slice(key, 1, key.len), val,
                 priority, r);
  } else {
    t->prefix = key;
    t->next = new_trieNode(ar);
    trieNode_add(ar, t->next, SG_STR(""), val, priority, r);
  }
}

static bool genericReplacer_lookup(genericReplacer *r, sg_str s,
                                   bool ignoreRoot, sg_str *val,
                                   ptrdiff_t *keylen) {
  // Iterate down the trie to the end, and grab the value and keylen with
  // the highest priority.
  bool found = false;
  ptrdiff_t bestPriority = 0;
  trieNode *node = &r->root;
  ptrdiff_t n = 0;
  *val = SG_STR("");
  *keylen = 0;
  while (node != NULL) {
    if (node->priority > bestPriority && !(ignoreRoot && node == &r->root)) {
      bestPriority = node->priority;
      *val = node->value;
      *keylen = n;
      found = true;
    }

    if (s.len == 0)
      break;
    if (node->table.ptr != NULL) {
      unsigned char index = r->mapping[(unsigned char)s.ptr[0]];
      if ((ptrdiff_t)index == r->tableSize)
        break;
      node = nodes_get(node->table, index);
      s = sg_str_slice(s, 1, s.len);
      n++;
    } else if (node->prefix.len != 0 && HasPrefix(s, node->prefix)) {
      n += node->prefix.len;
      s = sg_str_slice(s, node->prefix.len, s.len);
      node = node->next;
    } else {
      break;
    }
  }
  return found;
}

static ptrdiff_t genericReplacer_WriteString(sg_arena *ar, replacer *base,
                                             Writer w, sg_str s, error *err) {
  genericReplacer *r = (genericReplacer *)base;
  StringWriter sw = getStringWriter(ar, w);
  ptrdiff_t n = 0, last = 0, wn;
  bool prevMatchEmpty = false;
  *err = NULL;
  for (ptrdiff_t i = 0; i <= s.len;) {
    // Fast path: s[i] is not a prefix of any pattern.
    if (i != s.len && r->root.priority == 0) {
      ptrdiff_t index = r->mapping[(unsigned char)s.ptr[i]];
      if (index == r->tableSize || nodes_get(r->root.table, index) == NULL) {
        i++;
        continue;
      }
    }

    // Ignore the empty match iff the previous loop found the empty match.
    sg_str val;
    ptrdiff_t keylen;
    bool match = genericReplacer_lookup(r, sg_str_slice(s, i, s.len),
                                        prevMatchEmpty, &val, &keylen);
    prevMatchEmpty = match && keylen == 0;
    if (match) {
      wn = sw_WriteString(sw, sg_str_slice(s, last, i), err);
      n += wn;
      if (*err != NULL)
        return n;
      wn = sw_WriteString(sw, val, err);
      n += wn;
      if (*err != NULL)
        return n;
      i += keylen;
      last = i;
      continue;
    }
    i++;
  }
  if (last != s.len) {
    wn = sw_WriteString(sw, sg_str_slice(s, last, s.len), err);
    n += wn;
  }
  return n;
}

static sg_str genericReplacer_Replace(sg_arena *ar, replacer *r, sg_str s) {
  appendSliceWriter buf = {ar, bytes_make(ar, 0, s.len)};
  error err;
  genericReplacer_WriteString(ar, r, asw_writer(&buf), s, &err);
  return string_of(ar, buf.buf);
}

static genericReplacer *makeGenericReplacer(sg_arena *ar, strs oldnew) {
  genericReplacer *r = sg_arena_alloc(ar, sizeof *r);
  r->base.Replace = genericReplacer_Replace;
  r->base.WriteString = genericReplacer_WriteString;
  // Find each byte used, then assign them each an index.
  for (ptrdiff_t i = 0; i < oldnew.len; i += 2) {
    sg_str key = strs_get(oldnew, i);
    for (ptrdiff_t j = 0; j < key.len; j++)
      r->mapping[(unsigned char)key.ptr[j]] = 1;
  }

  for (int b = 0; b < 256; b++)
    r->tableSize += r->mapping[b];

  unsigned char index = 0;
  for (int i = 0; i < 256; i++) {
    if (r->mapping[i] == 0) {
      r->mapping[i] = (unsigned char)r->tableSize;
    } else {
      r->mapping[i] = index;
      index++;
    }
  }
  // Ensure root node uses a lookup table (for performance).
  r->root.table = nodes_make(ar, r->tableSize, r->tableSize);

  for (ptrdiff_t i = 0; i < oldnew.len; i += 2)
    trieNode_add(ar, &r->root, strs_get(oldnew, i), strs_get(oldnew, i + 1),
                 oldnew.len - i, r);
  return r;
}

/* ---- the single-string replacer and its Boyer-Moore finder ------------- */

typedef struct stringFinder {
  // pattern is the string that we are searching for in the text.
  sg_str pattern;
  // badCharSkip[b] contains the distance between the last byte of pattern
  // and the rightmost occurrence of b in pattern.
  ptrdiff_t badCharSkip[256];
  // goodSuffixSkip[i] defines how far we can shift the matching frame
  // given that the suffix pattern[i+1:] matches, but the byte pattern[i]
  // does not.
  ints goodSuffixSkip;
} stringFinder;

static ptrdiff_t longestCommonSuffix(sg_str a, sg_str b) {
  ptrdiff_t i = 0;
  for (; i < a.len && i < b.len; i++)
    if (a.ptr[a.len - 1 - i] != b.ptr[b.len - 1 - i])
      break;
  return i;
}

static stringFinder *makeStringFinder(sg_arena *ar, sg_str pattern) {
  stringFinder *f = sg_arena_alloc(ar, sizeof *f);
  f->pattern = pattern;
  f->goodSuffixSkip = ints_make(ar, pattern.len, pattern.len);
  // last is the index of the last character in the pattern.
  ptrdiff_t last = pattern.len - 1;

  // Build bad character table.
  for (int i = 0; i < 256; i++)
    f->badCharSkip[i] = pattern.len;
  for (ptrdiff_t i = 0; i < last; i++)
    f->badCharSkip[(unsigned char)pattern.ptr[i]] = last - i;

  // Build good suffix table.
  // First pass: set each value to the next index which starts a prefix of
  // pattern.
  ptrdiff_t lastPrefix = last;
  for (ptrdiff_t i = last; i >= 0; i--) {
    if (HasPrefix(pattern, sg_str_slice(pattern, i + 1, pattern.len)))
      lastPrefix = i + 1;
    // lastPrefix is the shift, and (last-i) is len(suffix).
    ints_set(f->goodSuffixSkip, i, lastPrefix + last - i);
  }
  // Second pass: find repeats of pattern's suffix starting from the front.
  for (ptrdiff_t i = 0; i < last; i++) {
    ptrdiff_t lenSuffix =
        longestCommonSuffix(pattern, sg_str_slice(pattern, 1, i + 1));
    if (pattern.ptr[i - lenSuffix] != pattern.ptr[last - lenSuffix])
      // (last-i) is the shift, and lenSuffix is len(suffix).
      ints_set(f->goodSuffixSkip, last - lenSuffix, lenSuffix + last - i);
  }
  return f;
}

static ptrdiff_t max(ptrdiff_t a, ptrdiff_t b) { return a > b ? a : b; }

/* next returns the index in text of the first occurrence of the pattern,
 * or -1. */
static ptrdiff_t stringFinder_next(const stringFinder *f, sg_str text) {
  ptrdiff_t i = f->pattern.len - 1;
  while (i < text.len) {
    // Compare backwards from the end until the first unmatching character.
    ptrdiff_t j = f->pattern.len - 1;
    while (j >= 0 && text.ptr[i] == f->pattern.ptr[j]) {
      i--;
      j--;
    }
    if (j < 0)
      return i + 1; // match
    i += max(f->badCharSkip[(unsigned char)text.ptr[i]],
             ints_get(f->goodSuffixSkip, j));
  }
  return -1;
}

typedef struct singleStringReplacer {
  replacer base;
  stringFinder *finder;
  // value is the new string that replaces that pattern when it's found.
  sg_str value;
} singleStringReplacer;

static sg_str singleStringReplacer_Replace(sg_arena *ar, replacer *base,
                                           sg_str s) {
  singleStringReplacer *r = (singleStringReplacer *)base;
  /* var buf Builder: a byte slice grown like strings.Builder.Grow */
  bytes buf = {0};
  ptrdiff_t i = 0;
  bool matched = false;
  for (;;) {
    ptrdiff_t match = stringFinder_next(r->finder, sg_str_slice(s, i, s.len));
    if (match == -1)
      break;
    matched = true;
    ptrdiff_t need = match + r->value.len;
    if (buf.cap - buf.len < need) {
      bytes grown = bytes_make(ar, buf.len, 2 * buf.cap + need);
      bytes_copy(grown, buf);
      buf = grown;
    }
    buf = bytes_append_n(ar, buf, (const unsigned char *)s.ptr + i, match);
    buf = bytes_append_n(ar, buf, (const unsigned char *)r->value.ptr,
                         r->value.len);
    i += match + r->finder->pattern.len;
  }
  if (!matched)
    return s;
  sg_str rest = sg_str_slice(s, i, s.len);
  buf = bytes_append_n(ar, buf, (const unsigned char *)rest.ptr, rest.len);
  return str_of_bytes_view(buf); /* Builder.String shares the bytes */
}

static ptrdiff_t singleStringReplacer_WriteString(sg_arena *ar, replacer *base,
                                                  Writer w, sg_str s,
                                                  error *err) {
  singleStringReplacer *r = (singleStringReplacer *)base;
  StringWriter sw = getStringWriter(ar, w);
  ptrdiff_t i = 0, n = 0, wn;
  *err = NULL;
  for (;;) {
    ptrdiff_t match = stringFinder_next(r->finder, sg_str_slice(s, i, s.len));
    if (match == -1)
      break;
    wn = sw_WriteString(sw, sg_str_slice(s, i, i + match), err);
    n += wn;
    if (*err != NULL)
      return n;
    wn = sw_WriteString(sw, r->value, err);
    n += wn;
    if (*err != NULL)
      return n;
    i += match + r->finder->pattern.len;
  }
  wn = sw_WriteString(sw, sg_str_slice(s, i, s.len), err);
  n += wn;
  return n;
}

static singleStringReplacer *
makeSingleStringReplacer(sg_arena *ar, sg_str pattern, sg_str value) {
  singleStringReplacer *r = sg_arena_alloc(ar, sizeof *r);
  r->base.Replace = singleStringReplacer_Replace;
  r->base.WriteString = singleStringReplacer_WriteString;
  r->finder = makeStringFinder(ar, pattern);
  r->value = value;
  return r;
}

/* ---- the byte replacer ------------------------------------------------- */

// byteReplacer is the implementation that's used when all the "old" and
// "new" values are single ASCII bytes.  The array contains replacement
// bytes indexed by old byte.
typedef struct byteReplacer {
  replacer base;
  unsigned char r[256];
} byteReplacer;

static sg_str byteReplacer_Replace(sg_arena *ar, replacer *base, sg_str s) {
  byteReplacer *r = (byteReplacer *)base;
  bytes buf = {0}; // lazily allocated
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char b = (unsigned char)s.ptr[i];
    if (r->r[b] != b) {
      if (buf.ptr == NULL)
        buf = bytes_of(ar, s);
      bytes_set(buf, i, r->r[b]);
    }
  }
  if (buf.ptr == NULL)
    return s;
  return string_of(ar, buf);
}

static ptrdiff_t byteReplacer_WriteString(sg_arena *ar, replacer *base,
                                          Writer w, sg_str s, error *err) {
  byteReplacer *r = (byteReplacer *)base;
  // TODO(bradfitz): use io.WriteString with slices of s, avoiding
  // allocation.
  ptrdiff_t bufsize = 32 << 10;
  if (s.len < bufsize)
    bufsize = s.len;
  bytes buf = bytes_make(ar, bufsize, bufsize);
  ptrdiff_t n = 0;
  *err = NULL;
  while (s.len > 0) {
    ptrdiff_t ncopy = s.len < buf.len ? s.len : buf.len;
    memmove(buf.ptr, s.ptr, (size_t)ncopy); /* copy(buf, s) */
    s = sg_str_slice(s, ncopy, s.len);
    bytes head = bytes_slice(buf, 0, ncopy);
    for (ptrdiff_t i = 0; i < head.len; i++)
      bytes_set(buf, i, r->r[bytes_get(head, i)]);
    ptrdiff_t wn = w.Write(w.self, bytes_slice(buf, 0, ncopy), err);
    n += wn;
    if (*err != NULL)
      return n;
  }
  return n;
}

/* ---- the byte-to-string replacer --------------------------------------- */

// byteStringReplacer is the implementation that's used when all the "old"
// values are single ASCII bytes but the "new" values vary in size.
typedef struct byteStringReplacer {
  replacer base;
  // replacements contains replacement byte slices indexed by old byte.
  // A nil []byte means that the old byte should not be replaced.
  bytes replacements[256];
  // toReplace keeps a list of bytes to replace.  Depending on length of
  // toReplace and length of target string it may be faster to use
  // Count, or a plain loop.
  strs toReplace;
} byteStringReplacer;

// countCutOff controls the ratio of a string length to a number of
// replacements at which (*byteStringReplacer).Replace switches
// algorithms.
enum { countCutOff = 8 };

static sg_str byteStringReplacer_Replace(sg_arena *ar, replacer *base,
                                         sg_str s) {
  byteStringReplacer *r = (byteStringReplacer *)base;
  ptrdiff_t newSize = s.len;
  bool anyChanges = false;
  // Is it faster to use Count?
  if (r->toReplace.len * countCutOff <= s.len) {
    for (ptrdiff_t k = 0; k < r->toReplace.len; k++) {
      sg_str x = strs_get(r->toReplace, k);
      ptrdiff_t c = Count(s, x);
      if (c != 0) {
        // The -1 is because we are replacing 1 byte with
        // len(replacements[b]) bytes.
        newSize += c * (r->replacements[(unsigned char)x.ptr[0]].len - 1);
        anyChanges = true;
      }
    }
  } else {
    for (ptrdiff_t i = 0; i < s.len; i++) {
      unsigned char b = (unsigned char)s.ptr[i];
      if (r->replacements[b].ptr != NULL) {
        // See above for explanation of -1
        newSize += r->replacements[b].len - 1;
        anyChanges = true;
      }
    }
  }
  if (!anyChanges)
    return s;
  bytes buf = bytes_make(ar, newSize, newSize);
  ptrdiff_t j = 0;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char b = (unsigned char)s.ptr[i];
    if (r->replacements[b].ptr != NULL) {
      j += bytes_copy(bytes_slice(buf, j, buf.len), r->replacements[b]);
    } else {
      bytes_set(buf, j, b);
      j++;
    }
  }
  return string_of(ar, buf);
}

static ptrdiff_t byteStringReplacer_WriteString(sg_arena *ar, replacer *base,
                                                Writer w, sg_str s,
                                                error *err) {
  byteStringReplacer *r = (byteStringReplacer *)base;
  StringWriter sw = getStringWriter(ar, w);
  ptrdiff_t last = 0, n = 0;
  *err = NULL;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    unsigned char b = (unsigned char)s.ptr[i];
    if (r->replacements[b].ptr == NULL)
      continue;
    if (last != i) {
      ptrdiff_t nw = sw_WriteString(sw, sg_str_slice(s, last, i), err);
      n += nw;
      if (*err != NULL)
        return n;
    }
    last = i + 1;
    ptrdiff_t nw = w.Write(w.self, r->replacements[b], err);
    n += nw;
    if (*err != NULL)
      return n;
  }
  if (last != s.len) {
    ptrdiff_t nw = sw_WriteString(sw, sg_str_slice(s, last, s.len), err);
    n += nw;
  }
  return n;
}

/* ---- Replacer ---------------------------------------------------------- */

// Replacer replaces a list of strings with replacements.
typedef struct Replacer {
  bool once; // guards buildOnce method
  replacer *r;
  strs oldnew;
} Replacer;

static Replacer *NewReplacer(sg_arena *ar, strs oldnew) {
  if (oldnew.len % 2 == 1) {
    fprintf(stderr, "strings.NewReplacer: odd argument count\n");
    abort();
  }
  Replacer *r = sg_arena_alloc(ar, sizeof *r);
  r->oldnew = strs_extend(ar, (strs){0}, oldnew);
  return r;
}

static replacer *Replacer_build(sg_arena *ar, Replacer *b) {
  strs oldnew = b->oldnew;
  if (oldnew.len == 2 && strs_get(oldnew, 0).len > 1)
    return &makeSingleStringReplacer(ar, strs_get(oldnew, 0),
                                     strs_get(oldnew, 1))
                ->base;

  bool allNewBytes = true;
  for (ptrdiff_t i = 0; i < oldnew.len; i += 2) {
    if (strs_get(oldnew, i).len != 1)
      return &makeGenericReplacer(ar, oldnew)->base;
    if (strs_get(oldnew, i + 1).len != 1)
      allNewBytes = false;
  }

  if (allNewBytes) {
    byteReplacer *r = sg_arena_alloc(ar, sizeof *r);
    r->base.Replace = byteReplacer_Replace;
    r->base.WriteString = byteReplacer_WriteString;
    for (int i = 0; i < 256; i++)
      r->r[i] = (unsigned char)i;
    for (ptrdiff_t i = oldnew.len - 2; i >= 0; i -= 2) {
      unsigned char o = (unsigned char)strs_get(oldnew, i).ptr[0];
      unsigned char n = (unsigned char)strs_get(oldnew, i + 1).ptr[0];
      r->r[o] = n;
    }
    return &r->base;
  }

  byteStringReplacer *r = sg_arena_alloc(ar, sizeof *r);
  r->base.Replace = byteStringReplacer_Replace;
  r->base.WriteString = byteStringReplacer_WriteString;
  r->toReplace = strs_make(ar, 0, oldnew.len / 2);
  // The first occurrence of old->new map takes precedence over the others
  // with the same old string.
  for (ptrdiff_t i = oldnew.len - 2; i >= 0; i -= 2) {
    unsigned char o = (unsigned char)strs_get(oldnew, i).ptr[0];
    sg_str n = strs_get(oldnew, i + 1);
    // To avoid counting repetitions multiple times.
    if (r->replacements[o].ptr == NULL) {
      // We need to use string([]byte{o}) instead of string(o), to avoid
      // utf8 encoding of o.  E. g. byte(150) produces string of length 2.
      bytes one = bytes_append(ar, (bytes){0}, o);
      r->toReplace = strs_append(ar, r->toReplace, string_of(ar, one));
    }
    r->replacements[o] = bytes_of(ar, n);
  }
  return &r->base;
}

static void Replacer_buildOnce(sg_arena *ar, Replacer *r) {
  if (r->once)
    return;
  r->once = true;
  r->r = Replacer_build(ar, r);
  r->oldnew = (strs){0};
}

static sg_str Replacer_Replace(sg_arena *ar, Replacer *r, sg_str s) {
  Replacer_buildOnce(ar, r);
  return r->r->Replace(ar, r->r, s);
}

static ptrdiff_t Replacer_WriteString(sg_arena *ar, Replacer *r, Writer w,
                                      sg_str s, error *err) {
  Replacer_buildOnce(ar, r);
  return r->r->WriteString(ar, r->r, w, s, err);
}

/* ---- the program ------------------------------------------------------- */

/* A strings.Builder as the io.Writer main hands to WriteString. */
typedef struct Builder {
  sg_arena *ar;
  bytes buf;
} Builder;

static ptrdiff_t Builder_Write(void *self, bytes p, error *err) {
  Builder *b = self;
  b->buf = bytes_extend(b->ar, b->buf, p);
  *err = NULL;
  return p.len;
}

static ptrdiff_t Builder_WriteString(void *self, sg_str s, error *err) {
  Builder *b = self;
  b->buf = bytes_append_n(b->ar, b->buf, (const unsigned char *)s.ptr, s.len);
  *err = NULL;
  return s.len;
}

static void try_(sg_arena *ar, const char *tag, Replacer *r, strs inputs) {
  for (ptrdiff_t i = 0; i < inputs.len; i++) {
    sg_str s = strs_get(inputs, i);
    sg_str out = Replacer_Replace(ar, r, s);
    Builder b = {ar, {0}};
    Writer w = {&b, Builder_Write, Builder_WriteString};
    error err;
    ptrdiff_t n = Replacer_WriteString(ar, r, w, s, &err);
    printf("%s %d: [%.*s] -> [%.*s] n=%d err=%s same=%s\n", tag, (int)i,
           (int)s.len, s.ptr, (int)out.len, out.ptr, (int)n,
           err ? err : "<nil>",
           sg_str_eq(str_of_bytes_view(b.buf), out) ? "true" : "false");
  }
}

/* A []string literal. */
static strs list(sg_arena *ar, int n, const char *const *elems) {
  strs a = strs_make(ar, 0, n);
  for (int i = 0; i < n; i++)
    a = strs_append(ar, a, sg_str_from(elems[i]));
  return a;
}
#define LIST(ar, ...)                                                          \
  list(ar,                                                                     \
       (int)(sizeof((const char *const[]){__VA_ARGS__}) /                      \
             sizeof(const char *)),                                            \
       (const char *const[]){__VA_ARGS__})

static sg_str Repeat(sg_arena *ar, const char *s, int count) {
  bytes b = {0};
  for (int i = 0; i < count; i++)
    b = bytes_append_n(ar, b, (const unsigned char *)s, (ptrdiff_t)strlen(s));
  return string_of(ar, b);
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  // Generic: multi-byte keys, overlapping keys (earlier pairs win), keys
  // sharing prefixes (split trie nodes), values of any length.
  Replacer *html = NewReplacer(ar, LIST(ar, "&", "&amp;", "<", "&lt;", ">",
                                        "&gt;", "\"", "&quot;", "'", "&#39;"));
  try_(ar, "html", html,
       LIST(ar, "", "plain", "<a href=\"x\">Tom & 'Jerry'</a>", "&&&&"));
  Replacer *unhtml =
      NewReplacer(ar, LIST(ar, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;",
                           "\"", "&#39;", "'", "&", "[amp]"));
  try_(ar, "unhtml", unhtml,
       LIST(ar, "&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#39;q&#39; & stray &am",
            "&&amp;&"));
  Replacer *prio = NewReplacer(ar, LIST(ar, "a", "1", "aa", "2", "aaa", "3"));
  try_(ar, "prio", prio, LIST(ar, "aaaa", "baaab", ""));
  Replacer *prio2 = NewReplacer(ar, LIST(ar, "aaa", "3", "aa", "2", "a", "1"));
  try_(ar, "prio2", prio2, LIST(ar, "aaaa", "aaaaaaa", "xaxaax"));
  Replacer *trie =
      NewReplacer(ar, LIST(ar, "abc", "[ABC]", "abd", "[ABD]", "ab", "[AB]",
                           "xyz", "[XYZ]", "x", "[X]", "abcdef", "[LONG]"));
  try_(ar, "trie", trie,
       LIST(ar, "abcdefabdabxyzxyxabcde", "zzz", "aabbccabc"));
  Replacer *empty = NewReplacer(ar, LIST(ar, "", "-"));
  try_(ar, "empty", empty, LIST(ar, "", "abc", "h\u00e9"));
  Replacer *emptyAnd = NewReplacer(ar, LIST(ar, "a", "A", "", "-"));
  try_(ar, "emptyAnd", emptyAnd, LIST(ar, "banana", "xyz"));
  Replacer *blank = NewReplacer(ar, LIST(ar, "a", "", "bc", ""));
  try_(ar, "blank", blank, LIST(ar, "abcabcaXbc", "bbcc"));
  strs pairs = {0};
  for (int i = 0; i < 26; i++) {
    char k[8], v[8];
    int kn = snprintf(k, sizeof k, "k%c%c", 'a' + i, 'a' + (i * 7) % 26);
    int vn = snprintf(v, sizeof v, "<%d>", i);
    pairs =
        strs_append(ar, pairs, string_of(ar, bytes_of(ar, sg_str_make(k, kn))));
    pairs =
        strs_append(ar, pairs, string_of(ar, bytes_of(ar, sg_str_make(v, vn))));
  }
  Replacer *many = NewReplacer(ar, pairs);
  strs manyIn = LIST(ar, "kaakbhkcokzzkqgzzkz");
  manyIn = strs_append(ar, manyIn, Repeat(ar, "kaa-kbh ", 20));
  try_(ar, "many", many, manyIn);

  // Single string: Boyer-Moore finder.
  Replacer *single = NewReplacer(ar, LIST(ar, "needle", "N"));
  try_(ar, "single", single,
       LIST(ar, "haystack with a needle and another needle, needleneedle",
            "no match", "needl", ""));
  Replacer *periodic = NewReplacer(ar, LIST(ar, "abab", "X"));
  try_(ar, "periodic", periodic, LIST(ar, "abababababab", "aabababbabab"));

  // Bytes to bytes.
  Replacer *rot =
      NewReplacer(ar, LIST(ar, "a", "b", "b", "c", "c", "a", "a", "z"));
  strs rotIn = LIST(ar, "abcabc", "xyz", "");
  rotIn = strs_append(ar, rotIn, Repeat(ar, "cab", 30));
  try_(ar, "bytes", rot, rotIn);
  // Bytes to strings.
  Replacer *esc = NewReplacer(
      ar, LIST(ar, "\n", "\\n", "\t", "\\t", "\\", "\\\\", "x", ""));
  strs escIn = LIST(ar, "line1\nline2\ttab\\back x", "nothing");
  escIn = strs_append(ar, escIn, Repeat(ar, "a\nb", 12));
  try_(ar, "bytestr", esc, escIn);
  Replacer *dup = NewReplacer(ar, LIST(ar, "a", "1", "a", "2", "b", "33"));
  try_(ar, "dup", dup, LIST(ar, "abba", "cc"));
  sg_arena_free(ar);
  return 0;
}
