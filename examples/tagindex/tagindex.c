/* tagindex: reads notes, one per line, with #tags in them, and prints for
 * every tag the numbers of the lines that carry it.
 *
 *   $ printf 'milk #home\nfix #work #Urgent\ncall #home\n' | ./tagindex
 *   home: 1 3
 *   work: 2
 *   ...
 *
 * This file is the sliceguard example: it works on simple input, and it
 * carries four bugs of the kinds the plugin finds, each marked BUG below.
 * `cmake --build build --target example` runs the plugin over it. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE lines /* []int: line numbers */
#define SG_ELEM int
#include <sliceguard/slice.h>

#define SG_MAP tagindex /* map[string][]int */
#define SG_KEY sg_str
#define SG_VAL lines
#include <sliceguard/map.h>

#define SG_MAP tagcount /* map[string]int */
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

/* A lower-cased copy of s, in the arena. */
static sg_str lower(sg_arena *a, sg_str s) {
  char *p = sg_arena_alloc(a, (size_t)s.len + 1);
  for (ptrdiff_t i = 0; i < s.len; i++)
    p[i] = (char)tolower((unsigned char)s.ptr[i]);
  return sg_str_make(p, s.len);
}

/* Records that line n carries tag t. */
static void add(sg_arena *a, tagindex ix, sg_str t, int n) {
  lines *seen = tagindex_ref(ix, t);
  if (seen) {
    *seen = lines_append(a, *seen, n);
    return;
  }
  tagindex_put(ix, t, lines_append(a, (lines){0}, n));
}

/* Every "#word" of one line. */
static void scan_line(sg_arena *a, tagindex ix, tagcount counts,
                      const char *text, int n) {
  for (const char *p = strchr(text, '#'); p; p = strchr(p + 1, '#')) {
    ptrdiff_t len = 0;
    while (isalnum((unsigned char)p[1 + len]))
      len++;
    if (len == 0)
      continue;
    sg_str tag = sg_str_make(p + 1, len);
    add(a, ix, tag, n);
    int *c = tagcount_ref(counts, tag);
    if (c)
      ++*c;
    else
      tagcount_put(counts, tag, 1);
  }
}

/* Tags are case-insensitive: index "#Urgent" under "urgent" as well.
 * BUG (map-insert-in-range): new keys go into the map being ranged over;
 * Go's rule, which the runtime follows, says the range may or may not
 * visit them, so a lower-cased key may be lower-cased "again" or not. */
static void fold_case(sg_arena *a, tagindex ix) {
  sg_range(tagindex, ix, it) {
    sg_str folded = lower(a, it.key);
    if (!sg_str_eq(folded, it.key))
      tagindex_put(ix, folded, it.val);
  }
}

/* Ends every tag's list with a 0 sentinel for the printer.
 * BUG (append-to-range-copy): `v` is a copy of the map's slice header; the
 * grown copy is never stored back, so the map never sees the sentinel. */
static void add_sentinels(sg_arena *a, tagindex ix) {
  sg_range(tagindex, ix, it) {
    lines v = it.val;
    v = lines_append(a, v, 0);
  }
}

/* The first three line numbers of a tag, plus the total count.
 * BUG (subslice-append-overwrite): `head` is a 2-index slice of `all`, so
 * it shares the spare capacity behind index 3; appending the count writes
 * over all[3], which is printed afterwards. */
static void print_head(sg_arena *a, sg_str tag, lines all) {
  if (all.len < 4)
    return;
  lines head = lines_slice(all, 0, 3);
  head = lines_append(a, head, (int)all.len);
  printf("%.*s head:", (int)tag.len, tag.ptr);
  for (ptrdiff_t i = 0; i < head.len; i++)
    printf(" %d", lines_get(head, i));
  printf(" | fourth line: %d\n", lines_get(all, 3));
}

/* Marks the first occurrence of a tag as negative ("first seen here").
 * BUG (ref-across-append): `first` points into the array of `ls`; the
 * append may move that array, after which the write is lost. */
static lines mark_first(sg_arena *a, lines ls, int extra) {
  int *first = lines_at(ls, 0);
  ls = lines_append(a, ls, extra);
  *first = -*first;
  return ls;
}

int main(void) {
  sg_arena *a = sg_arena_new();
  tagindex ix = tagindex_make(a, 0);
  tagcount counts = tagcount_make(a, 0);
  char buf[1024];
  int n = 0;
  while (fgets(buf, sizeof buf, stdin)) {
    size_t len = strlen(buf);
    char *text = sg_arena_alloc(a, len + 1);
    memcpy(text, buf, len + 1);
    scan_line(a, ix, counts, text, ++n);
  }
  fold_case(a, ix);
  add_sentinels(a, ix);
  sg_range(tagindex, ix, it) {
    printf("%.*s:", (int)it.key.len, it.key.ptr);
    for (ptrdiff_t i = 0; i < it.val.len; i++)
      printf(" %d", lines_get(it.val, i));
    printf(" (%d)\n", tagcount_get(counts, it.key));
    print_head(a, it.key, it.val);
    if (it.val.len > 0)
      (void)mark_first(a, it.val, n);
  }
  sg_arena_free(a);
  return 0;
}
