/* sliceguard/slice.h - Go slices for C.  A template header: include it once
 * per element type, after naming the type and its element.
 *
 *   #define SG_SLICE ints        // the slice type, and prefix of its functions
 *   #define SG_ELEM  int         // the element type
 *   #include <sliceguard/slice.h>
 *
 *   ints s = {0};                         // nil slice
 *   s = ints_append(a, s, 42);            // s = append(s, 42)
 *   ints t = ints_slice(s, 0, 1);         // s[0:1], shares s's array
 *
 * A slice is {ptr, len, cap}, three words, passed and returned by value.
 * append writes in place while len < cap and otherwise moves to a bigger
 * array from the arena, growing capacity exactly as Go does.  Old arrays
 * are never freed: views of them stay valid (and stale) until the arena
 * goes.  As in Go, an append that outgrows the capacity always returns a
 * new array, so no earlier view, 3-index slice or clone ever sees what is
 * written through the result (see docs/runtime.md, "append and the arena").
 *
 * The header #undefs SG_SLICE and SG_ELEM.
 */
#include "arena.h"

#ifndef SG_SLICE
#error                                                                         \
    "define SG_SLICE (the slice type's name) before including sliceguard/slice.h"
#endif
#ifndef SG_ELEM
#error "define SG_ELEM (the element type) before including sliceguard/slice.h"
#endif

#define SG_S_(name) SG_CAT(SG_SLICE, SG_CAT(_, name))
#define SG_SE_ SG_S_(elem)

/* The element type as one token, so `const SG_SE_ *` means what it says
 * even for pointer and function-pointer elements. */
typedef SG_ELEM SG_SE_;

typedef struct SG_MARK_TYPE(slice) SG_SLICE {
  SG_SE_ *ptr;
  ptrdiff_t len;
  ptrdiff_t cap;
} SG_SLICE;

_Static_assert(sizeof(SG_SLICE) == 3 * sizeof(void *),
               "a slice is three words, like Go's");

/* The operations, marked for the Clang plugin (sliceguard/markers.h). */
SG_MARKERS_BEGIN
static inline SG_SLICE SG_S_(make)(sg_arena *a, ptrdiff_t len, ptrdiff_t cap)
    SG_MARK_OP(slice_make);
static inline SG_SLICE SG_S_(append)(sg_arena *a, SG_SLICE s, SG_SE_ v)
    SG_MARK_OP(slice_append);
static inline SG_SLICE SG_S_(append_n)(sg_arena *a, SG_SLICE s, const SG_SE_ *p,
                                       ptrdiff_t n) SG_MARK_OP(slice_append_n);
static inline SG_SLICE SG_S_(extend)(sg_arena *a, SG_SLICE s, SG_SLICE t)
    SG_MARK_OP(slice_extend);
static inline SG_SLICE SG_S_(slice)(SG_SLICE s, ptrdiff_t lo, ptrdiff_t hi)
    SG_MARK_OP(slice_slice);
static inline SG_SLICE SG_S_(slice3)(SG_SLICE s, ptrdiff_t lo, ptrdiff_t hi,
                                     ptrdiff_t max) SG_MARK_OP(slice_slice3);
static inline ptrdiff_t SG_S_(copy)(SG_SLICE dst, SG_SLICE src)
    SG_MARK_OP(slice_copy);
static inline SG_SLICE SG_S_(clone)(sg_arena *a, SG_SLICE s)
    SG_MARK_OP(slice_clone);
static inline SG_SE_ SG_S_(get)(SG_SLICE s, ptrdiff_t i) SG_MARK_OP(slice_get);
static inline void SG_S_(set)(SG_SLICE s, ptrdiff_t i, SG_SE_ v)
    SG_MARK_OP(slice_set);
static inline SG_SE_ *SG_S_(at)(SG_SLICE s, ptrdiff_t i) SG_MARK_OP(slice_at);
SG_MARKERS_END

/* Where zero-byte arrays point: non-nil, like Go's zerobase. */
static inline SG_SE_ *SG_S_(zerobase_)(void) {
  return (SG_SE_ *)(void *)&sg_zerobase;
}

/* Alignment of a new array: the element's, at least max_align_t's. */
#define SG_S_ALIGN_                                                            \
  (_Alignof(SG_SE_) > _Alignof(max_align_t) ? _Alignof(SG_SE_)                 \
                                            : _Alignof(max_align_t))

static inline SG_SLICE SG_S_(make)(sg_arena *a, ptrdiff_t len, ptrdiff_t cap) {
  const size_t size = sizeof(SG_SE_);
  /* Go's makeslice: a bad cap is reported as len when len is bad too. */
  if (cap < 0 || (size && (size_t)cap > SG_MAX_ALLOC / size) || len < 0 ||
      len > cap) {
    if (len < 0 || (size && (size_t)len > SG_MAX_ALLOC / size))
      sg_panicf(true, "makeslice: len out of range");
    sg_panicf(true, "makeslice: cap out of range");
  }
  SG_SLICE s = {SG_S_(zerobase_)(), len, cap};
  if (size && cap)
    s.ptr =
        (SG_SE_ *)sg_arena_alloc_aligned(a, (size_t)cap * size, SG_S_ALIGN_);
  return s;
}

/* What growing gives: the array and its capacity.  Two words, so it is
 * returned in registers. */
typedef struct SG_S_(grown_) {
  SG_SE_ *ptr;
  ptrdiff_t cap;
} SG_S_(grown_);

/* Moves the slice {ptr, len, cap} to an array able to hold newlen
 * elements (Go's growslice): the array holds the same len elements and
 * has Go's new capacity.  Out of line, and taking and returning scalars
 * rather than the slice, so the caller's slice stays in registers on
 * append's fast path (a slice result, three words, goes through memory
 * and would give the slice a home on the stack, stored to on every
 * append). */
SG_OUTLINE SG_S_(grown_) SG_S_(grow_)(sg_arena *a, SG_SE_ *ptr, ptrdiff_t len,
                                      ptrdiff_t cap, ptrdiff_t newlen) {
  const size_t size = sizeof(SG_SE_);
  SG_S_(grown_) g = {ptr, newlen};
  if (size == 0) { /* Go: zero-size arrays grow to exactly newlen */
    g.ptr = SG_S_(zerobase_)();
    return g;
  }
  g.cap = sg_growcap(newlen, cap, size);
  size_t newbytes = (size_t)g.cap * size;
  /* Always a new array, as Go's growslice: growing the old one in place,
   * even when nothing was allocated after it, would let the views of the
   * old array see the new elements.  The first len elements are copied
   * over, so only the rest needs zeroing. */
  g.ptr = (SG_SE_ *)sg_arena_alloc_uninit_(a, newbytes, SG_S_ALIGN_);
  size_t lenbytes = (size_t)len * size;
  if (len > 0)
    memcpy(g.ptr, ptr, lenbytes);
  memset((char *)g.ptr + lenbytes, 0, newbytes - lenbytes);
  return g;
}

static inline SG_SLICE SG_S_(append)(sg_arena *a, SG_SLICE s, SG_SE_ v) {
  if (SG_UNLIKELY(s.len >= s.cap)) {
    if (s.len == PTRDIFF_MAX)
      sg_panicf(true, "growslice: len out of range");
    SG_S_(grown_) g = SG_S_(grow_)(a, s.ptr, s.len, s.cap, s.len + 1);
    s.ptr = g.ptr;
    s.cap = g.cap;
  }
  s.ptr[s.len++] = v;
  return s;
}

static inline SG_SLICE SG_S_(append_n)(sg_arena *a, SG_SLICE s, const SG_SE_ *p,
                                       ptrdiff_t n) {
  if (n <= 0) {
    if (n < 0)
      sg_panicf(true, "growslice: len out of range");
    return s;
  }
  if (n > s.cap - s.len) {
    if (n > PTRDIFF_MAX - s.len)
      sg_panicf(true, "growslice: len out of range");
    /* p may point into s's own array: growing copies to a new array and
     * never frees the old one, so p stays readable and unchanged. */
    SG_S_(grown_) g = SG_S_(grow_)(a, s.ptr, s.len, s.cap, s.len + n);
    s.ptr = g.ptr;
    s.cap = g.cap;
  }
  if (sizeof(SG_SE_))
    memmove(s.ptr + s.len, p, (size_t)n * sizeof(SG_SE_));
  s.len += n;
  return s;
}

static inline SG_SLICE SG_S_(extend)(sg_arena *a, SG_SLICE s, SG_SLICE t) {
  return SG_S_(append_n)(a, s, t.ptr, t.len);
}

static inline SG_SLICE SG_S_(slice)(SG_SLICE s, ptrdiff_t lo, ptrdiff_t hi) {
#if SG_CHECKS >= 1
  if (SG_UNLIKELY((size_t)hi > (size_t)s.cap))
    sg_panic_bounds_(SG_BOUNDS_SLICE_ACAP, hi, s.cap);
  if (SG_UNLIKELY((size_t)lo > (size_t)hi))
    sg_panic_bounds_(SG_BOUNDS_SLICE_B, lo, hi);
#endif
  SG_SLICE t = {lo ? s.ptr + lo : s.ptr, hi - lo, s.cap - lo};
  return t;
}

static inline SG_SLICE SG_S_(slice3)(SG_SLICE s, ptrdiff_t lo, ptrdiff_t hi,
                                     ptrdiff_t max) {
#if SG_CHECKS >= 1
  if (SG_UNLIKELY((size_t)max > (size_t)s.cap))
    sg_panic_bounds_(SG_BOUNDS_SLICE3_ACAP, max, s.cap);
  if (SG_UNLIKELY((size_t)hi > (size_t)max))
    sg_panic_bounds_(SG_BOUNDS_SLICE3_B, hi, max);
  if (SG_UNLIKELY((size_t)lo > (size_t)hi))
    sg_panic_bounds_(SG_BOUNDS_SLICE3_C, lo, hi);
#endif
  SG_SLICE t = {lo ? s.ptr + lo : s.ptr, hi - lo, max - lo};
  return t;
}

static inline ptrdiff_t SG_S_(copy)(SG_SLICE dst, SG_SLICE src) {
  ptrdiff_t n = dst.len < src.len ? dst.len : src.len;
  if (sizeof(SG_SE_) > 0)
    if (n > 0)
      memmove(dst.ptr, src.ptr, (size_t)n * sizeof(SG_SE_));
  return n;
}

/* Go's slices.Clone, i.e. append(s[:0:0], s...): a fresh array with Go's
 * rounded capacity; a nil slice clones to nil. */
static inline SG_SLICE SG_S_(clone)(sg_arena *a, SG_SLICE s) {
  SG_SLICE empty = {s.ptr, 0, 0};
  return SG_S_(append_n)(a, empty, s.ptr, s.len);
}

static inline SG_SE_ SG_S_(get)(SG_SLICE s, ptrdiff_t i) {
#if SG_CHECKS >= 1
  if (SG_UNLIKELY((size_t)i >= (size_t)s.len))
    sg_panic_bounds_(SG_BOUNDS_INDEX, i, s.len);
#endif
  return s.ptr[i];
}

static inline void SG_S_(set)(SG_SLICE s, ptrdiff_t i, SG_SE_ v) {
#if SG_CHECKS >= 1
  if (SG_UNLIKELY((size_t)i >= (size_t)s.len))
    sg_panic_bounds_(SG_BOUNDS_INDEX, i, s.len);
#endif
  s.ptr[i] = v;
}

static inline SG_SE_ *SG_S_(at)(SG_SLICE s, ptrdiff_t i) {
#if SG_CHECKS >= 1
  if (SG_UNLIKELY((size_t)i >= (size_t)s.len))
    sg_panic_bounds_(SG_BOUNDS_INDEX, i, s.len);
#endif
  return s.ptr + i;
}

#undef SG_S_ALIGN_
#undef SG_SE_
#undef SG_S_
#undef SG_SLICE
#undef SG_ELEM
