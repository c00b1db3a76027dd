// A port of wordfreq.go, a word-frequency counter in everyday Go style:
// strings.Split into lines and strings.Fields into words, normalized by
// strings.TrimFunc and strings.ToLower (their ASCII paths, Go 1.19
// src/strings/strings.go), counts in a map[string]int incremented in
// place, line numbers appended to map[string][]int values and stored
// back, bigrams keyed by a concatenated string, an inverted index
// map[int][]string, pruning by delete during range, and every printed
// list sorted first (sort.Slice and sort.Strings become qsort with the
// same total order).  Both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/wordfreq.go > %t.go.out
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
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_MAP countmap
#define SG_KEY sg_str
#define SG_VAL ptrdiff_t
#include <sliceguard/map.h>

#define SG_MAP linemap
#define SG_KEY sg_str
#define SG_VAL ints
#include <sliceguard/map.h>

#define SG_MAP bycount
#define SG_KEY ptrdiff_t
#define SG_VAL strs
#include <sliceguard/map.h>

#define P(s) (int)(s).len, (s).ptr

static sg_str string_of(sg_arena *ar, bytes b) {
  bytes c = bytes_clone(ar, b);
  return sg_str_make(c.ptr, c.len);
}

/* ---- the strings functions the program uses ---------------------------- */

static ptrdiff_t Index(sg_str s, sg_str sep) {
  for (ptrdiff_t i = 0; i + sep.len <= s.len; i++)
    if (sg_str_eq(sg_str_slice(s, i, i + sep.len), sep))
      return i;
  return -1;
}

/* strings.Split for a non-empty separator (genSplit with sepSave 0). */
static strs Split(sg_arena *ar, sg_str s, sg_str sep) {
  ptrdiff_t n = 1;
  for (sg_str t = s;;) {
    ptrdiff_t i = Index(t, sep);
    if (i < 0)
      break;
    n++;
    t = sg_str_slice(t, i + sep.len, t.len);
  }
  strs a = strs_make(ar, n, n);
  n--;
  ptrdiff_t i = 0;
  while (i < n) {
    ptrdiff_t m = Index(s, sep);
    if (m < 0)
      break;
    strs_set(a, i, sg_str_slice(s, 0, m));
    s = sg_str_slice(s, m + sep.len, s.len);
    i++;
  }
  strs_set(a, i, s);
  return strs_slice(a, 0, i + 1);
}

static const uint8_t asciiSpace[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1};

/* strings.Fields, its ASCII path (the text is ASCII). */
static strs Fields(sg_arena *ar, sg_str s) {
  ptrdiff_t n = 0;
  int wasSpace = 1;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    int isSpace = asciiSpace[(uint8_t)s.ptr[i]];
    n += wasSpace & ~isSpace;
    wasSpace = isSpace;
  }
  strs a = strs_make(ar, n, n);
  ptrdiff_t na = 0, fieldStart = 0, i = 0;
  while (i < s.len && asciiSpace[(uint8_t)s.ptr[i]] != 0)
    i++;
  fieldStart = i;
  while (i < s.len) {
    if (asciiSpace[(uint8_t)s.ptr[i]] == 0) {
      i++;
      continue;
    }
    strs_set(a, na, sg_str_slice(s, fieldStart, i));
    na++;
    i++;
    while (i < s.len && asciiSpace[(uint8_t)s.ptr[i]] != 0)
      i++;
    fieldStart = i;
  }
  if (fieldStart < s.len)
    strs_set(a, na, sg_str_slice(s, fieldStart, s.len));
  return a;
}

/* strings.TrimFunc for ASCII input: TrimRightFunc(TrimLeftFunc(s, f), f). */
static sg_str TrimFunc(sg_str s, bool (*f)(char)) {
  ptrdiff_t start = 0, end = s.len;
  while (start < end && f(s.ptr[start]))
    start++;
  while (end > start && f(s.ptr[end - 1]))
    end--;
  return sg_str_slice(s, start, end);
}

/* strings.ToLower's ASCII path: s itself when it has no upper case,
 * otherwise a new string built in a Builder. */
static sg_str ToLower(sg_arena *ar, sg_str s) {
  bool hasUpper = false;
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    hasUpper = hasUpper || ('A' <= c && c <= 'Z');
  }
  if (!hasUpper)
    return s;
  bytes b = bytes_make(ar, 0, s.len); /* b.Grow(len(s)) */
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    if ('A' <= c && c <= 'Z')
      c += 'a' - 'A';
    b = bytes_append(ar, b, c);
  }
  return sg_str_make(b.ptr, b.len); /* Builder.String shares the bytes */
}

static sg_str Join(sg_arena *ar, strs elems, sg_str sep) {
  if (elems.len == 0)
    return SG_STR("");
  if (elems.len == 1)
    return strs_get(elems, 0);
  bytes b = {0};
  for (ptrdiff_t i = 0; i < elems.len; i++) {
    if (i > 0)
      b = bytes_append_n(ar, b, sep.ptr, sep.len);
    sg_str e = strs_get(elems, i);
    b = bytes_append_n(ar, b, e.ptr, e.len);
  }
  return sg_str_make(b.ptr, b.len);
}

static int cmpstr(const void *a, const void *b) {
  return sg_str_cmp(*(const sg_str *)a, *(const sg_str *)b);
}

static void sortStrings(strs s) {
  if (s.len > 1)
    qsort(s.ptr, (size_t)s.len, sizeof(sg_str), cmpstr);
}

/* ---- the program ------------------------------------------------------- */

static const char text[] =
    "It was the best of times, it was the worst of times,\n"
    "it was the age of wisdom, it was the age of foolishness,\n"
    "it was the epoch of belief, it was the epoch of incredulity,\n"
    "it was the season of Light, it was the season of Darkness,\n"
    "it was the spring of hope, it was the winter of despair,\n"
    "we had everything before us, we had nothing before us,\n"
    "we were all going direct to Heaven, we were all going direct the other "
    "way --\n"
    "in short, the period was so far like the present period, that some of\n"
    "its noisiest authorities insisted on its being received, for good or "
    "for\n"
    "evil, in the superlative degree of comparison only.\n"
    "\n"
    "There were a king with a large jaw and a queen with a plain face, on "
    "the\n"
    "throne of England; there were a king with a large jaw and a queen with\n"
    "a fair face, on the throne of France. In both countries it was clearer\n"
    "than crystal to the lords of the State preserves of loaves and fishes,\n"
    "that things in general were settled for ever.";

static bool isPunct(char r) {
  return !((r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
           (r >= '0' && r <= '9'));
}

static sg_str normalize(sg_arena *ar, sg_str w) {
  return ToLower(ar, TrimFunc(w, isPunct));
}

typedef struct entry {
  sg_str word;
  ptrdiff_t count;
} entry;

#define SG_SLICE entries
#define SG_ELEM entry
#include <sliceguard/slice.h>

static int byCountThenWord(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return sg_str_cmp(a->word, b->word);
}

static entries sortedEntries(sg_arena *ar, countmap m) {
  entries es = entries_make(ar, 0, countmap_len(m));
  sg_range(countmap, m, it) es =
      entries_append(ar, es, (entry){it.key, it.val});
  if (es.len > 1)
    qsort(es.ptr, (size_t)es.len, sizeof(entry), byCountThenWord);
  return es;
}

/* counts[w]++: a pointer to the entry, inserting the zero value first. */
static void increment(countmap m, sg_str w) {
  ptrdiff_t *c = countmap_ref(m, w);
  if (c == NULL) {
    countmap_put(m, w, 0);
    c = countmap_ref(m, w);
  }
  (*c)++;
}

static void printInts(ints v) {
  printf("[");
  for (ptrdiff_t i = 0; i < v.len; i++)
    printf("%s%ld", i ? " " : "", (long)ints_get(v, i));
  printf("]");
}

static ptrdiff_t count(sg_arena *ar, countmap counts, linemap lines,
                       countmap bigrams) {
  ptrdiff_t total = 0;
  strs ls = Split(ar, sg_str_make(text, sizeof text - 1), SG_STR("\n"));
  for (ptrdiff_t n = 0; n < ls.len; n++) {
    sg_str line = strs_get(ls, n);
    sg_str prev = SG_STR("");
    strs fs = Fields(ar, line);
    for (ptrdiff_t k = 0; k < fs.len; k++) {
      sg_str w = normalize(ar, strs_get(fs, k));
      if (w.len == 0) {
        prev = SG_STR("");
        continue;
      }
      total++;
      increment(counts, w);
      ints wl = linemap_get(lines, w);
      if (wl.len == 0 || ints_get(wl, wl.len - 1) != n + 1)
        linemap_put(lines, w, ints_append(ar, wl, n + 1));
      if (prev.len != 0) {
        bytes key = {0}; /* prev + " " + w */
        key = bytes_append_n(ar, key, prev.ptr, prev.len);
        key = bytes_append(ar, key, ' ');
        key = bytes_append_n(ar, key, w.ptr, w.len);
        increment(bigrams, sg_str_make(key.ptr, key.len));
      }
      prev = w;
    }
  }
  return total;
}

static int descending(const void *pa, const void *pb) {
  ptrdiff_t a = *(const ptrdiff_t *)pa, b = *(const ptrdiff_t *)pb;
  return (a < b) - (a > b);
}

static void inverted(sg_arena *ar, countmap counts) {
  // Inverted index: for each count, the words that occur that often.
  bycount byCount = bycount_make(ar, 0);
  sg_range(countmap, counts, it) bycount_put(
      byCount, it.val, strs_append(ar, bycount_get(byCount, it.val), it.key));
  ints keys = {0};
  sg_range(bycount, byCount, it) keys = ints_append(ar, keys, it.key);
  qsort(keys.ptr, (size_t)keys.len, sizeof(ptrdiff_t), descending);
  for (ptrdiff_t i = 0; i < keys.len; i++) {
    ptrdiff_t c = ints_get(keys, i);
    strs ws = bycount_get(byCount, c);
    sortStrings(ws);
    if (ws.len > 6)
      printf("%2ld x %ld words: %.*s ...\n", (long)c, (long)ws.len,
             P(Join(ar, strs_slice(ws, 0, 6), SG_STR(" "))));
    else
      printf("%2ld x %ld words: %.*s\n", (long)c, (long)ws.len,
             P(Join(ar, ws, SG_STR(" "))));
  }
}

static void prune(sg_arena *ar, countmap counts, linemap lines) {
  // Prune rare words while ranging (deleting during range is allowed),
  // then keep only line lists of the survivors.
  sg_range(countmap, counts, it) {
    if (it.val < 3) {
      countmap_del(counts, it.key);
      linemap_del(lines, it.key);
    }
  }
  printf("after pruning: %ld words, %ld line lists\n",
         (long)countmap_len(counts), (long)linemap_len(lines));
  ptrdiff_t kept = 0;
  sg_range(linemap, lines, it) {
    if (countmap_lookup(counts, it.key, NULL))
      kept++;
  }
  printf("line lists kept for counted words: %ld\n", (long)kept);

  // Words whose lines are all in the first paragraph.
  strs early = {0};
  sg_range(linemap, lines, it) {
    if (ints_get(it.val, it.val.len - 1) <= 10)
      early = strs_append(ar, early, it.key);
  }
  sortStrings(early);
  printf("first paragraph only: %.*s\n", P(Join(ar, early, SG_STR(", "))));
  bytes sb = {0};
  entries es = sortedEntries(ar, counts);
  for (ptrdiff_t i = 0; i < es.len; i++)
    sb = bytes_append(ar, sb, entries_get(es, i).word.ptr[0]);
  printf("initials: %.*s\n", P(string_of(ar, sb)));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  countmap counts = countmap_make(ar, 0);
  linemap lines = linemap_make(ar, 0);
  countmap bigrams = countmap_make(ar, 0);
  ptrdiff_t total = count(ar, counts, lines, bigrams);
  printf("%ld words, %ld distinct, %ld bigrams\n", (long)total,
         (long)countmap_len(counts), (long)countmap_len(bigrams));

  entries es = sortedEntries(ar, counts);
  for (ptrdiff_t i = 0; i < 12; i++) {
    entry e = entries_get(es, i);
    printf("%-8.*s %2ld lines ", P(e.word), (long)e.count);
    printInts(linemap_get(lines, e.word));
    printf("\n");
  }
  entries bs = sortedEntries(ar, bigrams);
  for (ptrdiff_t i = 0; i < 8; i++) {
    entry e = entries_get(bs, i);
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%.*s\"", P(e.word));
    printf("bigram %-14s %ld\n", quoted, (long)e.count);
  }
  inverted(ar, counts);
  prune(ar, counts, lines);
  sg_arena_free(ar);
  return 0;
}
