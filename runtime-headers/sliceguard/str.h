/* sliceguard/str.h - Go strings: an immutable view of bytes.
 *
 *   sg_str k = SG_STR("key");        // a literal, length known at compile time
 *   sg_str c = sg_str_from(cstr);    // view of a NUL-terminated string, no
 * copy if (sg_str_eq(k, c)) ...
 *
 * An sg_str does not own its bytes and need not be NUL-terminated; the map
 * hashes and compares it by content, as Go does.
 */
#ifndef SLICEGUARD_STR_H
#define SLICEGUARD_STR_H

#include "core.h"

typedef struct SG_MARK_TYPE(str) sg_str {
  const char *ptr;
  ptrdiff_t len;
} sg_str;

/* The "" makes anything but a string literal a compile error. */
#define SG_STR(lit) ((sg_str){"" lit, (ptrdiff_t)(sizeof("" lit) - 1)})

static inline sg_str sg_str_from(const char *cstr) {
  sg_str s = {cstr, cstr ? (ptrdiff_t)strlen(cstr) : 0};
  return s;
}

/* A view of n bytes starting at p. */
static inline sg_str sg_str_make(const char *p, ptrdiff_t n) {
  sg_str s = {p, n};
  return s;
}

static inline bool sg_str_eq(sg_str a, sg_str b) {
  return a.len == b.len &&
         (a.len == 0 || memcmp(a.ptr, b.ptr, (size_t)a.len) == 0);
}

/* Go's string comparison: bytewise, shorter prefix first. */
static inline int sg_str_cmp(sg_str a, sg_str b) {
  ptrdiff_t n = a.len < b.len ? a.len : b.len;
  int c = n ? memcmp(a.ptr, b.ptr, (size_t)n) : 0;
  if (c)
    return c < 0 ? -1 : 1;
  return (a.len > b.len) - (a.len < b.len);
}

static inline uint64_t sg_str_hash(sg_str s, uint64_t seed) {
  return sg_hash_bytes(s.len ? s.ptr : "", (size_t)s.len, seed);
}

/* s[lo:hi], bounds-checked against the length as Go does for strings. */
static inline sg_str sg_str_slice(sg_str s, ptrdiff_t lo, ptrdiff_t hi) {
#if SG_CHECKS >= 1
  if (SG_UNLIKELY((size_t)hi > (size_t)s.len))
    sg_panic_bounds_(SG_BOUNDS_SLICE_ALEN, hi, s.len);
  if (SG_UNLIKELY((size_t)lo > (size_t)hi))
    sg_panic_bounds_(SG_BOUNDS_SLICE_B, lo, hi);
#endif
  sg_str t = {lo ? s.ptr + lo : s.ptr, hi - lo};
  return t;
}

#endif /* SLICEGUARD_STR_H */
