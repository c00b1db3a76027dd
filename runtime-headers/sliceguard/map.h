/* sliceguard/map.h - Go maps for C.  A template header: include it once per
 * map type, after naming the type, its key and its value.
 *
 *   #define SG_MAP wordcount      // the map type, and prefix of its functions
 *   #define SG_KEY sg_str         // key type
 *   #define SG_VAL int            // value type
 *   #include <sliceguard/map.h>   // optional: SG_HASH(k), SG_EQ(a, b)
 *
 *   wordcount m = wordcount_make(a, 0);
 *   wordcount_put(m, SG_STR("go"), 1);
 *   sg_range(wordcount, m, it) printf("%d\n", it.val);
 *
 * A map is a pointer (NULL is the nil map).  The table is a Swiss table in
 * the style of Go 1.24: a control byte per slot (empty, deleted, or full
 * plus 8 bits of the hash), kept in an array of their own and matched a
 * group of 16 at a time (SSE2, or word arithmetic without it), triangular
 * probing over a power-of-two number of groups, tombstones, at most 7/8
 * full.  docs/runtime.md says why 16 slots rather than Go's 8.  A live
 * entry never moves inside a table: growing builds a new table in the
 * arena and leaves the old one intact, which is what lets a range keep
 * walking it.
 *
 * Keys: integers, pointers, floats and sg_str hash and compare by default.
 * For other keys define SG_HASH(k) (returning an integer hash, mixed with
 * the map's seed) and SG_EQ(a, b); a struct key without them is hashed and
 * compared byte by byte, which is only right if it has no padding.
 *
 * The header #undefs SG_MAP, SG_KEY, SG_VAL, SG_HASH and SG_EQ.
 */
#include "arena.h"
#include "str.h"

#ifndef SG_MAP
#error "define SG_MAP (the map type's name) before including sliceguard/map.h"
#endif
#ifndef SG_KEY
#error "define SG_KEY (the key type) before including sliceguard/map.h"
#endif
#ifndef SG_VAL
#error "define SG_VAL (the value type) before including sliceguard/map.h"
#endif

/* ---- shared by every map type (once per translation unit) ---------------- */
#ifndef SLICEGUARD_MAP_SHARED
#define SLICEGUARD_MAP_SHARED

/* Control bytes.  Zero is empty, so a table fresh from the (zeroed) arena
 * needs no initialisation; one is deleted (a tombstone); any other value
 * is full and is the slot's H2, the low 8 bits of its key's hash (0 and 1
 * become 2).  Eight bits rather than Go's seven halve the keys a probe
 * must compare in vain. */
#define SG_CTRL_EMPTY 0x00u
#define SG_CTRL_DELETED 0x01u
#define SG_CTRL_MIN_FULL 0x02u

/* Slots per group: the control bytes of a group are matched at once, with
 * one SSE2 compare where the target has SSE2 (every x86-64), else with
 * word arithmetic (SWAR) on two 64-bit words.  See docs/runtime.md ("The
 * table") for why 16 rather than Go's 8. */
#define SG_GROUP_SLOTS 16u

/* A set of slots of one group: bit i is slot i. */
typedef uint32_t sg_slotmask;

/* H2, the control byte of a full slot: the low 8 bits of its key's hash,
 * raised to at least 2. */
static inline unsigned sg_h2_byte(uint64_t hash) {
  unsigned b = (unsigned)(hash & 0xff);
  return b < SG_CTRL_MIN_FULL ? SG_CTRL_MIN_FULL : b;
}

#if defined(__SSE2__) && !defined(SG_MAP_NO_SIMD)
#include <emmintrin.h>

typedef __m128i sg_group;

/* A group's control bytes (ctrl is 16-byte aligned). */
static inline sg_group sg_group_load(const unsigned char *ctrl) {
  return _mm_load_si128((const __m128i *)(const void *)ctrl);
}
/* Empty slots.  Exact. */
static inline sg_slotmask sg_group_empty(sg_group g) {
  return (sg_slotmask)_mm_movemask_epi8(_mm_cmpeq_epi8(g, _mm_setzero_si128()));
}
/* H2 of hash in every byte of a vector, for matching.  Raising the
 * broadcast byte with one vector max keeps sg_h2_byte's compare and
 * conditional move off the path from hash to probe. */
typedef __m128i sg_h2s;
static inline sg_h2s sg_h2s_of(uint64_t hash) {
  return _mm_max_epu8(_mm_set1_epi8((char)(unsigned char)hash),
                      _mm_set1_epi8(SG_CTRL_MIN_FULL));
}
/* Full slots whose control byte is h2.  Exact. */
static inline sg_slotmask sg_group_match_h2(sg_group g, sg_h2s h2) {
  return (sg_slotmask)_mm_movemask_epi8(_mm_cmpeq_epi8(g, h2));
}
/* Empty or deleted slots (byte 0 or 1): where an insert may go.  Exact. */
static inline sg_slotmask sg_group_free(sg_group g) {
  return (sg_slotmask)_mm_movemask_epi8(_mm_cmpeq_epi8(
      _mm_and_si128(g, _mm_set1_epi8((char)0xfe)), _mm_setzero_si128()));
}
#else
#define SG_CTRL_LSB UINT64_C(0x0101010101010101)
#define SG_CTRL_MSB UINT64_C(0x8080808080808080)

typedef struct sg_group {
  uint64_t lo, hi; /* slots 0-7 and 8-15, slot i in byte i % 8 */
} sg_group;

/* 8 control bytes as a word whose low byte is the first, on any host. */
static inline uint64_t sg_ctrl_word_(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}
static inline sg_group sg_group_load(const unsigned char *ctrl) {
  sg_group g = {sg_ctrl_word_(ctrl), sg_ctrl_word_(ctrl + 8)};
  return g;
}
/* The top bit of each byte of w (bits 7, 15, ..., 63) as 8 adjacent bits:
 * the multiply moves bit 8i + 7 to bit 56 + i with no carries. */
static inline sg_slotmask sg_swar_bits_(uint64_t w) {
  uint64_t tops = (w >> 7) & SG_CTRL_LSB;
  return (sg_slotmask)((tops * UINT64_C(0x0102040810204080)) >> 56);
}
/* Zero bytes of w, as top bits, exactly.  (The usual borrow trick,
 * (w - 0x01..01) & ~w & 0x80..80, can also flag a 0x01 byte just above a
 * zero byte.)  A byte is zero iff its top bit is clear and adding 0x7f to
 * its low 7 bits does not reach the top bit; no carry crosses bytes. */
static inline uint64_t sg_swar_zero_(uint64_t w) {
  uint64_t low7 = (w & ~SG_CTRL_MSB) + ~SG_CTRL_MSB;
  return ~(low7 | w) & SG_CTRL_MSB;
}
static inline sg_slotmask sg_group_match(sg_group g, unsigned b) {
  uint64_t pattern = SG_CTRL_LSB * (b & 0xffu);
  return sg_swar_bits_(sg_swar_zero_(g.lo ^ pattern)) |
         sg_swar_bits_(sg_swar_zero_(g.hi ^ pattern)) << 8;
}
static inline sg_slotmask sg_group_empty(sg_group g) {
  return sg_group_match(g, SG_CTRL_EMPTY);
}
typedef unsigned sg_h2s;
static inline sg_h2s sg_h2s_of(uint64_t hash) { return sg_h2_byte(hash); }
static inline sg_slotmask sg_group_match_h2(sg_group g, sg_h2s h2) {
  return sg_group_match(g, h2);
}
static inline sg_slotmask sg_group_free(sg_group g) {
  const uint64_t not_one = ~SG_CTRL_LSB; /* 0 and 1 both become zero */
  return sg_swar_bits_(sg_swar_zero_(g.lo & not_one)) |
         sg_swar_bits_(sg_swar_zero_(g.hi & not_one)) << 8;
}
#endif

/* Full slots.  Exact. */
static inline sg_slotmask sg_group_full(sg_group g) {
  return ~sg_group_free(g) & 0xffffu;
}

/* The control bytes of a nil map: one empty group.  Never written (not
 * const only so a table can point at it without a cast). */
static _Alignas(16) unsigned char sg_map_nil_ctrl_[16] SG_UNUSED;

/* The lowest slot of a non-empty set. */
static inline unsigned sg_slot_first(sg_slotmask m) { return sg_ctz64(m); }
/* The set rotated right by r slots (0 <= r < 16), for random range order. */
static inline sg_slotmask sg_slots_rotr(sg_slotmask m, unsigned r) {
  return ((m >> r) | (m << ((SG_GROUP_SLOTS - r) % SG_GROUP_SLOTS))) & 0xffffu;
}

/* Default key hashing and equality, chosen by the key's type.  Integers and
 * pointers hash their bytes as one word; floats hash +0 and -0 alike and
 * compare with == (so NaN never equals itself, as in Go); sg_str hashes and
 * compares its content. */
static inline uint64_t sg_key_hash_mem(const void *p, size_t n, uint64_t seed) {
  switch (n) {
  case 1: {
    uint8_t v;
    memcpy(&v, p, 1);
    return sg_hash_u64(v, seed);
  }
  case 2: {
    uint16_t v;
    memcpy(&v, p, 2);
    return sg_hash_u64(v, seed);
  }
  case 4: {
    uint32_t v;
    memcpy(&v, p, 4);
    return sg_hash_u64(v, seed);
  }
  case 8: {
    uint64_t v;
    memcpy(&v, p, 8);
    return sg_hash_u64(v, seed);
  }
  default:
    return sg_hash_bytes(p, n, seed);
  }
}
static inline uint64_t sg_key_hash_str(const void *p, size_t n, uint64_t seed) {
  (void)n;
  return sg_str_hash(*(const sg_str *)p, seed);
}
static inline uint64_t sg_key_hash_f64(const void *p, size_t n, uint64_t seed) {
  (void)n;
  double d = *(const double *)p;
  uint64_t bits = 0;
  if (d != 0) /* +0 and -0 are equal keys */
    memcpy(&bits, &d, sizeof bits);
  return sg_hash_u64(bits, seed);
}
static inline uint64_t sg_key_hash_f32(const void *p, size_t n, uint64_t seed) {
  double d = *(const float *)p;
  return sg_key_hash_f64(&d, n, seed);
}
static inline uint64_t sg_key_hash_ldbl(const void *p, size_t n,
                                        uint64_t seed) {
  double d = (double)*(const long double *)p; /* equal values, equal doubles */
  return sg_key_hash_f64(&d, n, seed);
}
/* Word-sized keys are copied into integers rather than memcmp'd, so the
 * compiler can keep a key in a register instead of giving it an address. */
static inline bool sg_key_eq_mem(const void *a, const void *b, size_t n) {
  switch (n) {
  case 4: {
    uint32_t x, y;
    memcpy(&x, a, 4);
    memcpy(&y, b, 4);
    return x == y;
  }
  case 8: {
    uint64_t x, y;
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    return x == y;
  }
  default:
    return memcmp(a, b, n) == 0;
  }
}
static inline bool sg_key_eq_str(const void *a, const void *b, size_t n) {
  (void)n;
  return sg_str_eq(*(const sg_str *)a, *(const sg_str *)b);
}
static inline bool sg_key_eq_f64(const void *a, const void *b, size_t n) {
  (void)n;
  return *(const double *)a == *(const double *)b;
}
static inline bool sg_key_eq_f32(const void *a, const void *b, size_t n) {
  (void)n;
  return *(const float *)a == *(const float *)b;
}
static inline bool sg_key_eq_ldbl(const void *a, const void *b, size_t n) {
  (void)n;
  return *(const long double *)a == *(const long double *)b;
}
/* k, a and b must be lvalues. */
#define SG_KEY_DEFAULT_HASH(k, seed)                                           \
  _Generic((k),                                                                \
      sg_str: sg_key_hash_str,                                                 \
      double: sg_key_hash_f64,                                                 \
      float: sg_key_hash_f32,                                                  \
      long double: sg_key_hash_ldbl,                                           \
      default: sg_key_hash_mem)(&(k), sizeof(k), (seed))
#define SG_KEY_DEFAULT_EQ(a, b)                                                \
  _Generic((a),                                                                \
      sg_str: sg_key_eq_str,                                                   \
      double: sg_key_eq_f64,                                                   \
      float: sg_key_eq_f32,                                                    \
      long double: sg_key_eq_ldbl,                                             \
      default: sg_key_eq_mem)(&(a), &(b), sizeof(a))

/* Starts loading what hashing key k will read, where that is not k itself:
 * a string's bytes.  Rehashing walks the old table in order but reads the
 * strings its keys point to at random; asking for them a few groups ahead
 * lets those cache misses overlap. */
static inline void sg_key_prefetch_none(const void *k) { (void)k; }
static inline void sg_key_prefetch_str(const void *k) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(((const sg_str *)k)->ptr);
#else
  (void)k;
#endif
}
#define SG_KEY_PREFETCH(k)                                                     \
  _Generic((k), sg_str: sg_key_prefetch_str, default: sg_key_prefetch_none)(   \
      &(k))

/* SG_CHECKS >= 2: Go's concurrent-misuse detector.  A write sets a flag in
 * the map for its duration; any other operation that sees it set is a
 * fatal error.  Relaxed atomics: it costs two plain loads and stores and,
 * like Go's, catches misuse often rather than always. */
#define SG_MAP_WRITING 1u
#if SG_CHECKS >= 2
static inline void sg_map_write_begin(unsigned *flags) {
  unsigned f = __atomic_load_n(flags, __ATOMIC_RELAXED);
  if (SG_UNLIKELY(f & SG_MAP_WRITING))
    sg_fatalf("concurrent map writes");
  __atomic_store_n(flags, f ^ SG_MAP_WRITING, __ATOMIC_RELAXED);
}
static inline void sg_map_write_end(unsigned *flags) {
  unsigned f = __atomic_load_n(flags, __ATOMIC_RELAXED);
  if (SG_UNLIKELY(!(f & SG_MAP_WRITING)))
    sg_fatalf("concurrent map writes");
  __atomic_store_n(flags, f & ~SG_MAP_WRITING, __ATOMIC_RELAXED);
}
static inline void sg_map_read_check(const unsigned *flags, const char *what) {
  if (SG_UNLIKELY(__atomic_load_n(flags, __ATOMIC_RELAXED) & SG_MAP_WRITING))
    sg_fatalf("%s", what);
}
#define SG_MAP_WRITE_BEGIN(m) sg_map_write_begin(&(m)->flags)
#define SG_MAP_WRITE_END(m) sg_map_write_end(&(m)->flags)
#define SG_MAP_READ_CHECK(m)                                                   \
  sg_map_read_check(&(m)->flags, "concurrent map read and map write")
#define SG_MAP_ITER_CHECK(m)                                                   \
  sg_map_read_check(&(m)->flags, "concurrent map iteration and map write")
#else
#define SG_MAP_WRITE_BEGIN(m) ((void)0)
#define SG_MAP_WRITE_END(m) ((void)0)
#define SG_MAP_READ_CHECK(m) ((void)0)
#define SG_MAP_ITER_CHECK(m) ((void)0)
#endif

/* for k, v := range m.  The plugin relies on this exact shape: a for
 * statement whose init declares the iterator from T_range_begin(m).  At
 * SG_CHECKS >= 3 the iterator also carries a cleanup so that leaving the
 * loop early (break, return, goto) ends the range, see map.h's range_stop. */
#if SG_CHECKS >= 3 && (defined(__GNUC__) || defined(__clang__))
#define sg_range(T, m, it)                                                     \
  for (T##_iter it                                                             \
       __attribute__((cleanup(T##_range_stop))) = T##_range_begin(m);          \
       T##_range_next(&it);)
#else
#define sg_range(T, m, it)                                                     \
  for (T##_iter it = T##_range_begin(m); T##_range_next(&it);)
#endif

#endif /* SLICEGUARD_MAP_SHARED */

/* ---- the map type -------------------------------------------------------- */
#define SG_M_(name) SG_CAT(SG_MAP, SG_CAT(_, name))
#define SG_MK_ SG_M_(key)
#define SG_MV_ SG_M_(val)
#define SG_MSLOT_ SG_M_(slot_)

#ifdef SG_HASH
#define SG_M_HASH_(k, seed) sg_hash_u64((uint64_t)(SG_HASH(k)), (seed))
#else
#define SG_M_HASH_(k, seed) SG_KEY_DEFAULT_HASH(k, seed)
#endif
#ifdef SG_EQ
#define SG_M_EQ_(a, b) (SG_EQ(a, b))
#else
#define SG_M_EQ_(a, b) SG_KEY_DEFAULT_EQ(a, b)
#endif

typedef SG_KEY SG_MK_;
typedef SG_VAL SG_MV_;

typedef struct SG_MSLOT_ {
  SG_MK_ key;
  SG_MV_ val;
} SG_MSLOT_;

/* The map header a map value points to.  The current table is gmask + 1
 * groups of 16 slots: slot i (slots[i]) belongs to group i / 16 and is
 * described by control byte ctrl[i].  The control bytes live in their own
 * array, apart from the slots: a probe reads only them until a key
 * matches, and at one byte per slot they stay in cache when the slots do
 * not, so a miss rarely touches memory.  Tables it replaced stay in the
 * arena for ranges still on them. */
typedef struct SG_MARK_TYPE(map) SG_M_(table) {
  unsigned char *ctrl; /* one control byte per slot, 16-byte aligned   */
  SG_MSLOT_ *slots;
  size_t gmask;          /* number of groups - 1, a power of two minus one */
  uint64_t seed;         /* per map, so iteration and collisions differ  */
  ptrdiff_t len;         /* live entries                                 */
  ptrdiff_t growth_left; /* empty slots that may still be filled         */
  ptrdiff_t tombstones;  /* deleted slots in the current table           */
  sg_arena *arena;
  uint64_t clears;       /* times clear ran: ranges compare it           */
  ptrdiff_t live_ranges; /* SG_CHECKS >= 3: ranges not yet finished      */
  unsigned flags;        /* SG_CHECKS >= 2: SG_MAP_WRITING               */
} SG_M_(table);

typedef SG_M_(table) * SG_MAP;

_Static_assert(sizeof(SG_MAP) == sizeof(void *), "a map is one pointer");

/* The state of sg_range.  key and val are copies, as in Go. */
typedef struct SG_MARK_TYPE(map_iter) SG_M_(iter) {
  SG_MK_ key SG_MARK_FIELD(key);
  SG_MV_ val SG_MARK_FIELD(val);
  /* private */
  SG_MAP map_;
  unsigned char *ctrl_; /* the table the range started on */
  SG_MSLOT_ *slots_;
  size_t gmask_;
  size_t group_;        /* group being walked */
  size_t groups_left_;  /* groups not yet entered */
  sg_slotmask pending_; /* full slots of group_ not yet visited, rotated */
  uint64_t clears_;     /* map's clear count when the range began */
  unsigned rotate_;     /* random slot order within every group */
  bool counted_;        /* counts in map_->live_ranges (SG_CHECKS >= 3) */
} SG_M_(iter);

SG_MARKERS_BEGIN
static inline SG_MAP SG_M_(make)(sg_arena *a, ptrdiff_t hint)
    SG_MARK_OP(map_make);
static inline void SG_M_(put)(SG_MAP m, SG_MK_ key, SG_MV_ val)
    SG_MARK_OP(map_put);
static inline SG_MV_ SG_M_(get)(SG_MAP m, SG_MK_ key) SG_MARK_OP(map_get);
static inline bool SG_M_(lookup)(SG_MAP m, SG_MK_ key, SG_MV_ *val)
    SG_MARK_OP(map_lookup);
static inline SG_MV_ *SG_M_(ref)(SG_MAP m, SG_MK_ key) SG_MARK_OP(map_ref);
static inline bool SG_M_(del)(SG_MAP m, SG_MK_ key) SG_MARK_OP(map_del);
static inline ptrdiff_t SG_M_(len)(SG_MAP m) SG_MARK_OP(map_len);
static inline void SG_M_(clear)(SG_MAP m) SG_MARK_OP(map_clear);
static inline SG_M_(iter) SG_M_(range_begin)(SG_MAP m)
    SG_MARK_OP(map_range_begin);
static inline bool SG_M_(range_next)(SG_M_(iter) * it)
    SG_MARK_OP(map_range_next);
SG_MARKERS_END

/* Slots a table of g groups may fill before it must grow (7/8). */
static inline ptrdiff_t SG_M_(max_fill_)(size_t groups) {
  return (ptrdiff_t)(groups * SG_GROUP_SLOTS / 8 * 7);
}

/* Points m at a new all-empty table of n groups from the arena: the
 * control bytes, then the slots, in one allocation (16 bytes of control
 * per group keep the slots after them aligned).  Only the control bytes
 * are zeroed: a slot is never read before an insert fills it. */
#define SG_M_ALIGN_ (_Alignof(SG_MSLOT_) > 16 ? _Alignof(SG_MSLOT_) : 16)
static inline void SG_M_(new_table_)(SG_MAP m, size_t n) {
  if (n > SG_MAX_ALLOC / (SG_GROUP_SLOTS * (sizeof(SG_MSLOT_) + 1)))
    sg_panicf(true, "makemap: size out of range");
  size_t ctrl_bytes =
      (n * SG_GROUP_SLOTS + SG_M_ALIGN_ - 1) & ~(size_t)(SG_M_ALIGN_ - 1);
  char *p = (char *)sg_arena_alloc_uninit_(
      m->arena, ctrl_bytes + n * SG_GROUP_SLOTS * sizeof(SG_MSLOT_),
      SG_M_ALIGN_);
  memset(p, 0, ctrl_bytes);
  m->ctrl = (unsigned char *)p;
  m->slots = (SG_MSLOT_ *)(void *)(p + ctrl_bytes);
  m->gmask = n - 1;
}

static inline SG_MAP SG_M_(make)(sg_arena *a, ptrdiff_t hint) {
  if (!a)
    sg_panicf(false, "allocation from a nil arena (create one with "
                     "sg_arena_new)");
  size_t n_groups = 1;
  while (hint > 0 && SG_M_(max_fill_)(n_groups) < hint) {
    if (n_groups > SG_MAX_ALLOC / (SG_GROUP_SLOTS * sizeof(SG_MSLOT_)) / 2)
      sg_panicf(true, "makemap: size out of range");
    n_groups *= 2;
  }
  /* (no local may be named like a user type before this line) */
  SG_M_(table) *m = (SG_M_(table) *)sg_arena_alloc(a, sizeof *m);
  m->arena = a;
  SG_M_(new_table_)(m, n_groups);
  m->seed = sg_rand64();
  m->growth_left = SG_M_(max_fill_)(n_groups);
  return m;
}

/* The first group of hash's probe sequence (H1), from the bits above
 * H2. */
static inline size_t SG_M_(h1_)(uint64_t hash, size_t gmask) {
  return (size_t)(hash >> 8) & gmask;
}

/* Looks key up in the table (ctrl, slots, gmask): true, with *at set to
 * its slot's index, if it is there.  (A flag rather than a NULL slot
 * pointer lets the compiler drop the caller's test on both paths.) */
static inline bool SG_M_(find_)(const unsigned char *ctrl,
                                const SG_MSLOT_ *slots, size_t gmask,
                                SG_MK_ key, uint64_t hash, size_t *at) {
  /* Walks first slot indices (group * 16) rather than groups. */
  size_t smask = gmask * SG_GROUP_SLOTS;
  size_t base = (size_t)(hash >> 4) & smask;
  sg_h2s h2 = sg_h2s_of(hash);
  for (size_t step = SG_GROUP_SLOTS;; step += SG_GROUP_SLOTS) {
    sg_group c = sg_group_load(ctrl + base);
    for (sg_slotmask hit = sg_group_match_h2(c, h2); hit; hit &= hit - 1) {
      size_t i = base + sg_slot_first(hit);
      if (SG_LIKELY(SG_M_EQ_(slots[i].key, key))) {
        *at = i;
        return true;
      }
    }
    /* An empty slot ends every probe sequence that reaches this group. */
    if (SG_LIKELY(sg_group_empty(c)))
      return false;
    base = (base + step) & smask; /* triangular: visits every group once */
  }
}

/* The first free (empty or deleted) slot on hash's probe sequence: where
 * a key known to be absent goes.  The table always has an empty slot. */
static inline size_t SG_M_(free_slot_)(const unsigned char *ctrl, size_t gmask,
                                       uint64_t hash) {
  size_t g = SG_M_(h1_)(hash, gmask);
  for (size_t step = 1;; step++) {
    sg_slotmask free_slots =
        sg_group_free(sg_group_load(ctrl + g * SG_GROUP_SLOTS));
    if (free_slots)
      return g * SG_GROUP_SLOTS + sg_slot_first(free_slots);
    g = (g + step) & gmask;
  }
}

/* Turns tombstones back into empty slots where no probe sequence needs
 * them, without moving anything (Go 1.24's pruneTombstones).  A lookup
 * stops at the first group with an empty slot, so a group may only gain
 * one if no live entry's probe sequence passes through it before reaching
 * the entry.  Returns the number of slots freed. */
SG_OUTLINE ptrdiff_t SG_M_(prune_tombstones_)(SG_MAP m) {
  size_t n = m->gmask + 1;
  unsigned char *needed = (unsigned char *)calloc(n, 1);
  if (!needed)
    return 0; /* best effort: the caller makes a new table instead */
  for (size_t g = 0; g < n; g++) {
    sg_slotmask full =
        sg_group_full(sg_group_load(m->ctrl + g * SG_GROUP_SLOTS));
    for (; full; full &= full - 1) {
      SG_MSLOT_ *s = &m->slots[g * SG_GROUP_SLOTS + sg_slot_first(full)];
      uint64_t hash = SG_M_HASH_(s->key, m->seed);
      size_t p = SG_M_(h1_)(hash, m->gmask);
      for (size_t step = 1; p != g; step++) {
        needed[p] = 1;
        p = (p + step) & m->gmask;
      }
    }
  }
  ptrdiff_t freed = 0;
  for (size_t g = 0; g < n; g++) {
    if (needed[g])
      continue;
    for (size_t i = g * SG_GROUP_SLOTS; i < (g + 1) * SG_GROUP_SLOTS; i++)
      if (m->ctrl[i] == SG_CTRL_DELETED) {
        m->ctrl[i] = SG_CTRL_EMPTY;
        freed++;
      }
  }
  free(needed);
  m->tombstones -= freed;
  m->growth_left += freed;
  return freed;
}

/* Groups ahead of the one being rehashed whose keys' strings are
 * prefetched (one group is 7 to 14 entries; 1, 2 and 4 measured alike at a
 * million string keys, 125 -> 100-108 ns per insert). */
#define SG_M_PREFETCH_GROUPS_ 1

/* Replaces the current table by a new one (never moving anything inside
 * the old one, which ranges may still be walking): twice the size when it
 * is mostly live entries, the same size when it is mostly tombstones. */
SG_OUTLINE void SG_M_(rehash_)(SG_MAP m) {
  size_t old_groups = m->gmask + 1, new_groups = old_groups;
  ptrdiff_t n_slots = (ptrdiff_t)(old_groups * SG_GROUP_SLOTS);
  /* Mostly tombstones: reclaim them in place if that frees a tenth of the
   * table, so a map with steady churn does not keep taking arena memory. */
  if (m->len < SG_M_(max_fill_)(old_groups) / 2 &&
      m->tombstones * 10 >= n_slots &&
      SG_M_(prune_tombstones_)(m) * 10 >= n_slots)
    return;
  if (m->len >= SG_M_(max_fill_)(old_groups) / 2) {
    if (old_groups >
        SG_MAX_ALLOC / (SG_GROUP_SLOTS * (sizeof(SG_MSLOT_) + 1)) / 2)
      sg_fatalf("runtime: out of memory (map of %td entries)", m->len);
    /* Small tables grow four-fold: over-sizing them costs little memory,
     * and a map growing from empty then rehashes a third fewer entries
     * (inserting 1,000 keys: 8.7 -> 6.8 ns each). */
    new_groups *= old_groups < 32 ? 4 : 2;
  }
  const unsigned char *from_ctrl = m->ctrl;
  const SG_MSLOT_ *from = m->slots;
  SG_M_(new_table_)(m, new_groups);
  /* The new table has no tombstones and fills each group from slot 0, so
   * a count of full slots per group says where the next entry goes.
   * Reading the control bytes instead would load a group a byte store
   * just wrote to, half of the time (the entries of one old group go to
   * one of two new groups), and stall on store forwarding. */
  unsigned char small[256];
  unsigned char *fill =
      new_groups <= sizeof small ? small : (unsigned char *)malloc(new_groups);
  if (fill)
    memset(fill, 0, new_groups);
  /* In locals: the byte stores below may alias anything, and would make
   * the compiler reload the map's fields for every entry. */
  unsigned char *ctrl = m->ctrl;
  SG_MSLOT_ *slots = m->slots;
  size_t mask = m->gmask;
  uint64_t seed = m->seed;
  for (size_t g = 0; g < old_groups; g++) {
    if (g + SG_M_PREFETCH_GROUPS_ < old_groups) {
      size_t ahead = g + SG_M_PREFETCH_GROUPS_;
      sg_slotmask soon =
          sg_group_full(sg_group_load(from_ctrl + ahead * SG_GROUP_SLOTS));
      for (; soon; soon &= soon - 1)
        SG_KEY_PREFETCH(from[ahead * SG_GROUP_SLOTS + sg_slot_first(soon)].key);
    }
    sg_slotmask full =
        sg_group_full(sg_group_load(from_ctrl + g * SG_GROUP_SLOTS));
    for (; full; full &= full - 1) {
      const SG_MSLOT_ *s = &from[g * SG_GROUP_SLOTS + sg_slot_first(full)];
      uint64_t hash = SG_M_HASH_(s->key, seed);
      size_t i;
      if (SG_LIKELY(fill)) {
        size_t to = SG_M_(h1_)(hash, mask);
        for (size_t step = 1; fill[to] == SG_GROUP_SLOTS; step++)
          to = (to + step) & mask;
        i = to * SG_GROUP_SLOTS + fill[to]++;
      } else { /* no memory for the counts: slower, still right */
        i = SG_M_(free_slot_)(ctrl, mask, hash);
      }
      slots[i] = *s;
      ctrl[i] = (unsigned char)sg_h2_byte(hash);
    }
  }
  if (fill != small)
    free(fill);
  m->tombstones = 0;
  m->growth_left = SG_M_(max_fill_)(new_groups) - m->len;
}

/* Puts a key known to be absent into slot i, the first free slot of its
 * probe sequence, which is empty or else a tombstone.  Reusing a tombstone
 * costs no growth; taking an empty slot needs growth_left, else the table
 * is replaced first. */
static inline void SG_M_(insert_)(SG_MAP m, size_t i, bool empty, SG_MK_ key,
                                  SG_MV_ val, uint64_t hash) {
  if (empty && SG_UNLIKELY(m->growth_left == 0)) {
    SG_M_(rehash_)(m);
    i = SG_M_(free_slot_)(m->ctrl, m->gmask, hash);
    empty = m->ctrl[i] == SG_CTRL_EMPTY;
  }
  if (empty)
    m->growth_left--;
  else
    m->tombstones--;
  m->ctrl[i] = (unsigned char)sg_h2_byte(hash);
  m->slots[i].key = key;
  m->slots[i].val = val;
  m->len++;
}

SG_COLD _Noreturn void SG_M_(panic_insert_in_range_)(SG_MAP m) {
  (void)m;
  SG_MAP_WRITE_END(m); /* the map is left as it was */
  sg_panicf(false, "assignment to a new map entry during range over the map "
                   "(SG_CHECKS=3)");
}

static inline void SG_M_(put)(SG_MAP m, SG_MK_ key, SG_MV_ val) {
  if (SG_UNLIKELY(!m))
    sg_panicf(false, "assignment to entry in nil map");
  SG_MAP_WRITE_BEGIN(m);
  uint64_t hash = SG_M_HASH_(key, m->seed);
  /* One probe both looks for the key and notes the first free slot on the
   * way, where the key goes if it is absent. */
  const unsigned char *ctrl = m->ctrl;
  sg_h2s h2 = sg_h2s_of(hash);
  size_t gmask = m->gmask, g = SG_M_(h1_)(hash, gmask), free_at = SIZE_MAX;
  bool free_empty = false;
  for (size_t step = 1;; step++) {
    sg_group c = sg_group_load(ctrl + g * SG_GROUP_SLOTS);
    for (sg_slotmask hit = sg_group_match_h2(c, h2); hit; hit &= hit - 1) {
      SG_MSLOT_ *s = &m->slots[g * SG_GROUP_SLOTS + sg_slot_first(hit)];
      if (SG_LIKELY(SG_M_EQ_(s->key, key))) {
        s->val = val;
        SG_MAP_WRITE_END(m);
        return;
      }
    }
    sg_slotmask empty = sg_group_empty(c);
    if (SG_LIKELY(empty)) { /* the probe ends here */
      if (free_at == SIZE_MAX) {
        unsigned first = sg_slot_first(sg_group_free(c));
        free_at = g * SG_GROUP_SLOTS + first;
        free_empty = (empty >> first) & 1;
      }
      break;
    }
    /* A group without an empty slot can only offer a tombstone. */
    sg_slotmask tombs = sg_group_free(c);
    if (free_at == SIZE_MAX && tombs)
      free_at = g * SG_GROUP_SLOTS + sg_slot_first(tombs);
    g = (g + step) & gmask;
  }
#if SG_CHECKS >= 3
  if (SG_UNLIKELY(m->live_ranges > 0))
    SG_M_(panic_insert_in_range_)(m);
#endif
  SG_M_(insert_)(m, free_at, free_empty, key, val, hash);
  SG_MAP_WRITE_END(m);
}

static inline SG_MV_ SG_M_(zero_)(void) {
  SG_MV_ zero;
  memset(&zero, 0, sizeof zero);
  return zero;
}

/* What lookups in a nil map read: a table of one empty group. */
static const SG_M_(table) SG_M_(nil_) SG_UNUSED = {
    sg_map_nil_ctrl_, NULL, 0, 0, 0, 0, 0, NULL, 0, 0, 0};

/* Looks key up in a map that may be nil.  A nil map reads the empty table
 * above rather than taking a branch of its own: then no load below waits
 * on a test, and a loop of lookups can keep the table in registers. */
static inline bool SG_M_(lookup_)(SG_MAP m, SG_MK_ key, size_t *at) {
  const SG_M_(table) *t = m ? m : &SG_M_(nil_);
  SG_MAP_READ_CHECK(t);
  return SG_M_(find_)(t->ctrl, t->slots, t->gmask, key,
                      SG_M_HASH_(key, t->seed), at);
}

static inline SG_MV_ SG_M_(get)(SG_MAP m, SG_MK_ key) {
  size_t i;
  return SG_M_(lookup_)(m, key, &i) ? m->slots[i].val : SG_M_(zero_)();
}

/* v, ok := m[k]: *val (if val is not NULL) gets the value or zero. */
static inline bool SG_M_(lookup)(SG_MAP m, SG_MK_ key, SG_MV_ *val) {
  size_t i;
  if (SG_M_(lookup_)(m, key, &i)) {
    if (val)
      *val = m->slots[i].val;
    return true;
  }
  if (val)
    *val = SG_M_(zero_)();
  return false;
}

/* The value's slot, valid until the next insert (which may move the
 * entry to a new table; the old slot then goes stale), or NULL. */
static inline SG_MV_ *SG_M_(ref)(SG_MAP m, SG_MK_ key) {
  size_t i;
  return SG_M_(lookup_)(m, key, &i) ? &m->slots[i].val : NULL;
}

static inline bool SG_M_(del)(SG_MAP m, SG_MK_ key) {
  if (!m)
    return false;
  SG_MAP_WRITE_BEGIN(m);
  size_t i;
  bool found = SG_M_(find_)(m->ctrl, m->slots, m->gmask, key,
                            SG_M_HASH_(key, m->seed), &i);
  if (found) {
    /* If the group has an empty slot no probe passes through it, so the
     * slot can be empty again; otherwise probes must keep going: tombstone. */
    size_t group = i / SG_GROUP_SLOTS * SG_GROUP_SLOTS;
    if (sg_group_empty(sg_group_load(m->ctrl + group))) {
      m->ctrl[i] = SG_CTRL_EMPTY;
      m->growth_left++;
    } else {
      m->ctrl[i] = SG_CTRL_DELETED;
      m->tombstones++;
    }
    m->len--;
  }
  SG_MAP_WRITE_END(m);
  return found;
}

static inline ptrdiff_t SG_M_(len)(SG_MAP m) { return m ? m->len : 0; }

/* Empties the map in place (its control bytes only: a slot is never read
 * unless its control byte says full).  A range walking this table sees
 * only empty slots afterwards; a range still on an older table looks
 * every key up here and finds nothing.  Either way no old entry is
 * produced, as Go requires. */
static inline void SG_M_(clear)(SG_MAP m) {
  if (!m)
    return;
  SG_MAP_WRITE_BEGIN(m);
  memset(m->ctrl, 0, (m->gmask + 1) * SG_GROUP_SLOTS);
  m->len = 0;
  m->tombstones = 0;
  m->growth_left = SG_M_(max_fill_)(m->gmask + 1);
  m->clears++;
  SG_MAP_WRITE_END(m);
}

/* Ends a range before it ran out (at SG_CHECKS >= 3, sg_range calls it
 * when the loop is left by break, return or goto; elsewhere harmless). */
static inline void SG_M_(range_stop)(SG_M_(iter) * it) {
  if (it->counted_) {
    it->map_->live_ranges--;
    it->counted_ = false;
  }
  it->groups_left_ = 0;
  it->pending_ = 0;
}

static inline SG_M_(iter) SG_M_(range_begin)(SG_MAP m) {
  SG_M_(iter) it;
  memset(&it, 0, sizeof it);
  if (!m)
    return it;
  uint64_t r = sg_rand64();
  it.map_ = m;
  it.ctrl_ = m->ctrl;
  it.slots_ = m->slots;
  it.gmask_ = m->gmask;
  it.group_ = ((size_t)r - 1) & m->gmask; /* first group entered: r & gmask */
  it.rotate_ = (unsigned)(r >> 60);       /* 0..15 */
  it.groups_left_ = m->len ? m->gmask + 1 : 0;
  it.clears_ = m->clears;
#if SG_CHECKS >= 3
  m->live_ranges++;
  it.counted_ = true;
#endif
  return it;
}

/* The map grew since the range began: old is a slot of the table the
 * range walks.  Returns the slot whose value the range must produce for
 * that key (the current table's), or NULL if the key is gone.  Takes no
 * iterator pointer, so the iterator can live in registers. */
SG_OUTLINE SG_MSLOT_ *SG_M_(moved_slot_)(SG_MAP m, SG_MSLOT_ *old,
                                         uint64_t clears_at_begin) {
  if (!SG_M_EQ_(old->key, old->key)) {
    /* A NaN key can be neither looked up nor deleted, only cleared. */
    return clears_at_begin == m->clears ? old : NULL;
  }
  size_t i;
  return SG_M_(find_)(m->ctrl, m->slots, m->gmask, old->key,
                      SG_M_HASH_(old->key, m->seed), &i)
             ? &m->slots[i]
             : NULL;
}

static inline bool SG_M_(range_next)(SG_M_(iter) * it) {
  SG_MAP m = it->map_;
  if (m)
    SG_MAP_ITER_CHECK(m);
  for (;;) {
    while (it->pending_) {
      size_t i =
          it->group_ * SG_GROUP_SLOTS +
          ((sg_slot_first(it->pending_) + it->rotate_) & (SG_GROUP_SLOTS - 1));
      it->pending_ &= it->pending_ - 1;
      /* Deleted (or cleared) since the group was entered: skip it. */
      if (it->ctrl_[i] < SG_CTRL_MIN_FULL)
        continue;
      SG_MSLOT_ *s = &it->slots_[i];
      if (SG_LIKELY(it->ctrl_ == m->ctrl)) {
        it->key = s->key;
        it->val = s->val;
        return true;
      }
      SG_MSLOT_ *now = SG_M_(moved_slot_)(m, s, it->clears_);
      if (now) {
        it->key = s->key;
        it->val = now->val;
        return true;
      }
    }
    if (!it->groups_left_)
      break;
    it->groups_left_--;
    it->group_ = (it->group_ + 1) & it->gmask_;
    it->pending_ = sg_slots_rotr(
        sg_group_full(sg_group_load(it->ctrl_ + it->group_ * SG_GROUP_SLOTS)),
        it->rotate_);
  }
  if (it->counted_)
    SG_M_(range_stop)(it);
  return false;
}

#undef SG_M_ALIGN_
#undef SG_M_PREFETCH_GROUPS_
#undef SG_M_HASH_
#undef SG_M_EQ_
#undef SG_MSLOT_
#undef SG_MV_
#undef SG_MK_
#undef SG_M_
#undef SG_MAP
#undef SG_KEY
#undef SG_VAL
#undef SG_HASH
#undef SG_EQ
