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
 * the style of Go 1.24: groups of 8 slots, each group led by a word of 8
 * control bytes (empty, deleted, or full plus 7 bits of the hash) matched
 * 8 at a time with word arithmetic, triangular probing over a power-of-two
 * number of groups, tombstones, at most 7/8 full.  A live entry never moves
 * inside a table: growing builds a new table in the arena and leaves the
 * old one intact, which is what lets a range keep walking it.
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
 * needs no initialisation; a full slot has the top bit set and keeps the
 * low 7 bits of its hash (H2) below it. */
#define SG_CTRL_EMPTY 0x00u
#define SG_CTRL_DELETED 0x01u
#define SG_CTRL_FULL 0x80u
#define SG_CTRL_LSB UINT64_C(0x0101010101010101)
#define SG_CTRL_MSB UINT64_C(0x8080808080808080)

/* Bytes of ctrl that are full with this H2: the top bit of each matching
 * byte.  May report a false match just above a true one (a borrow): the
 * caller compares keys anyway. */
static inline uint64_t sg_ctrl_match_h2(uint64_t ctrl, uint64_t h2) {
  uint64_t v = ctrl ^ (SG_CTRL_LSB * (SG_CTRL_FULL | h2));
  return (v - SG_CTRL_LSB) & ~v & SG_CTRL_MSB;
}
/* Empty bytes.  Non-zero exactly when the group has an empty slot, and the
 * lowest reported byte is a true one (false reports only above it). */
static inline uint64_t sg_ctrl_match_empty(uint64_t ctrl) {
  return (ctrl - SG_CTRL_LSB) & ~ctrl & SG_CTRL_MSB;
}
/* Empty or deleted bytes: where an insert may go.  Exact. */
static inline uint64_t sg_ctrl_match_free(uint64_t ctrl) {
  return ~ctrl & SG_CTRL_MSB;
}
/* Full bytes.  Exact. */
static inline uint64_t sg_ctrl_match_full(uint64_t ctrl) {
  return ctrl & SG_CTRL_MSB;
}
static inline unsigned sg_ctrl_get(uint64_t ctrl, unsigned slot) {
  return (unsigned)(ctrl >> (8 * slot)) & 0xffu;
}
static inline uint64_t sg_ctrl_set(uint64_t ctrl, unsigned slot, unsigned b) {
  return (ctrl & ~((uint64_t)0xff << (8 * slot))) | ((uint64_t)b << (8 * slot));
}
static inline uint64_t sg_rotr64(uint64_t x, unsigned r) {
  return r ? (x >> r) | (x << (64 - r)) : x;
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
static inline bool sg_key_eq_mem(const void *a, const void *b, size_t n) {
  return memcmp(a, b, n) == 0;
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
static inline void sg_map_read_check(unsigned *flags, const char *what) {
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
#define SG_MGROUP_ SG_M_(group_)

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

/* A group: 8 control bytes in one word (byte i describes slot i), then the
 * 8 slots, so a probe usually touches one cache line first. */
typedef struct SG_MGROUP_ {
  uint64_t ctrl;
  SG_MSLOT_ slots[8];
} SG_MGROUP_;

/* The map header a map value points to.  The current table is groups[0..
 * gmask]; tables it replaced stay in the arena for ranges still on them. */
typedef struct SG_MARK_TYPE(map) SG_M_(table) {
  SG_MGROUP_ *groups;
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
  SG_MGROUP_ *groups_; /* the table the range started on */
  size_t gmask_;
  size_t group_;       /* group being walked */
  size_t groups_left_; /* groups not yet entered */
  uint64_t pending_;   /* full slots of group_ not yet visited, rotated */
  uint64_t clears_;    /* map's clear count when the range began */
  unsigned rotate_;    /* random slot order within every group */
  bool counted_;       /* counts in map_->live_ranges (SG_CHECKS >= 3) */
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
  return (ptrdiff_t)(groups * 7);
}

/* A zeroed (so all-empty) table of n groups from the arena. */
static inline SG_MGROUP_ *SG_M_(new_groups_)(sg_arena *a, size_t n) {
  if (n > SG_MAX_ALLOC / sizeof(SG_MGROUP_))
    sg_panicf(true, "makemap: size out of range");
  return (SG_MGROUP_ *)sg_arena_alloc_aligned(
      a, n * sizeof(SG_MGROUP_),
      _Alignof(SG_MGROUP_) > 16 ? _Alignof(SG_MGROUP_) : 16);
}

static inline SG_MAP SG_M_(make)(sg_arena *a, ptrdiff_t hint) {
  if (!a)
    sg_panicf(false, "allocation from a nil arena (create one with "
                     "sg_arena_new)");
  size_t n_groups = 1;
  while (hint > 0 && SG_M_(max_fill_)(n_groups) < hint) {
    if (n_groups > SG_MAX_ALLOC / sizeof(SG_MGROUP_) / 2)
      sg_panicf(true, "makemap: size out of range");
    n_groups *= 2;
  }
  /* (no local may be named like a user type before this line) */
  SG_M_(table) *m = (SG_M_(table) *)sg_arena_alloc(a, sizeof *m);
  m->groups = SG_M_(new_groups_)(a, n_groups);
  m->gmask = n_groups - 1;
  m->seed = sg_rand64();
  m->growth_left = SG_M_(max_fill_)(n_groups);
  m->arena = a;
  return m;
}

/* The slot holding key in the table groups[0..gmask], or NULL. */
static inline SG_MSLOT_ *SG_M_(find_)(SG_MGROUP_ *groups, size_t gmask,
                                      SG_MK_ key, uint64_t hash) {
  size_t g = (size_t)(hash >> 7) & gmask;
  uint64_t h2 = hash & 0x7f;
  for (size_t step = 1;; step++) {
    SG_MGROUP_ *grp = &groups[g];
    uint64_t ctrl = grp->ctrl;
    for (uint64_t hit = sg_ctrl_match_h2(ctrl, h2); hit; hit &= hit - 1) {
      SG_MSLOT_ *s = &grp->slots[sg_ctz64(hit) >> 3];
      if (SG_M_EQ_(s->key, key))
        return s;
    }
    /* An empty slot ends every probe sequence that reaches this group. */
    if (sg_ctrl_match_empty(ctrl))
      return NULL;
    g = (g + step) & gmask; /* triangular: visits every group once */
  }
}

/* The first free (empty or deleted) slot on hash's probe sequence: where
 * a key known to be absent goes.  The table always has an empty slot. */
static inline SG_MSLOT_ *SG_M_(free_slot_)(SG_MGROUP_ *groups, size_t gmask,
                                           uint64_t hash, SG_MGROUP_ **group,
                                           unsigned *index) {
  size_t g = (size_t)(hash >> 7) & gmask;
  for (size_t step = 1;; step++) {
    uint64_t free_slots = sg_ctrl_match_free(groups[g].ctrl);
    if (free_slots) {
      *group = &groups[g];
      *index = sg_ctz64(free_slots) >> 3;
      return &groups[g].slots[*index];
    }
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
    uint64_t ctrl = m->groups[g].ctrl;
    for (uint64_t full = sg_ctrl_match_full(ctrl); full; full &= full - 1) {
      SG_MSLOT_ *s = &m->groups[g].slots[sg_ctz64(full) >> 3];
      uint64_t hash = SG_M_HASH_(s->key, m->seed);
      size_t p = (size_t)(hash >> 7) & m->gmask;
      for (size_t step = 1; p != g; step++) {
        needed[p] = 1;
        p = (p + step) & m->gmask;
      }
    }
  }
  ptrdiff_t freed = 0;
  for (size_t g = 0; g < n; g++) {
    uint64_t ctrl = m->groups[g].ctrl;
    if (needed[g])
      continue;
    for (unsigned i = 0; i < 8; i++)
      if (sg_ctrl_get(ctrl, i) == SG_CTRL_DELETED) {
        ctrl = sg_ctrl_set(ctrl, i, SG_CTRL_EMPTY);
        freed++;
      }
    m->groups[g].ctrl = ctrl;
  }
  free(needed);
  m->tombstones -= freed;
  m->growth_left += freed;
  return freed;
}

/* Replaces the current table by a new one (never moving anything inside
 * the old one, which ranges may still be walking): twice the size when it
 * is mostly live entries, the same size when it is mostly tombstones. */
SG_OUTLINE void SG_M_(rehash_)(SG_MAP m) {
  size_t old_groups = m->gmask + 1, new_groups = old_groups;
  /* Mostly tombstones: reclaim them in place if that frees a tenth of the
   * table, so a map with steady churn does not keep taking arena memory. */
  if (m->len < SG_M_(max_fill_)(old_groups) / 2 &&
      m->tombstones * 10 >= (ptrdiff_t)(old_groups * 8) &&
      SG_M_(prune_tombstones_)(m) * 10 >= (ptrdiff_t)(old_groups * 8))
    return;
  if (m->len >= SG_M_(max_fill_)(old_groups) / 2) {
    if (old_groups > SG_MAX_ALLOC / sizeof(SG_MGROUP_) / 2)
      sg_fatalf("runtime: out of memory (map of %td entries)", m->len);
    new_groups *= 2;
  }
  SG_MGROUP_ *from = m->groups, *to = SG_M_(new_groups_)(m->arena, new_groups);
  size_t new_mask = new_groups - 1;
  for (size_t g = 0; g < old_groups; g++) {
    uint64_t ctrl = from[g].ctrl;
    for (uint64_t full = sg_ctrl_match_full(ctrl); full; full &= full - 1) {
      SG_MSLOT_ *s = &from[g].slots[sg_ctz64(full) >> 3];
      uint64_t hash = SG_M_HASH_(s->key, m->seed);
      SG_MGROUP_ *grp;
      unsigned i;
      *SG_M_(free_slot_)(to, new_mask, hash, &grp, &i) = *s;
      grp->ctrl = sg_ctrl_set(grp->ctrl, i, SG_CTRL_FULL | (hash & 0x7f));
    }
  }
  m->groups = to;
  m->gmask = new_mask;
  m->tombstones = 0;
  m->growth_left = SG_M_(max_fill_)(new_groups) - m->len;
}

/* Inserts a key known to be absent.  Reusing a tombstone costs no growth;
 * taking an empty slot needs growth_left, else the table is replaced. */
static inline void SG_M_(insert_)(SG_MAP m, SG_MK_ key, SG_MV_ val,
                                  uint64_t hash) {
  SG_MGROUP_ *grp;
  unsigned i;
  SG_MSLOT_ *s = SG_M_(free_slot_)(m->groups, m->gmask, hash, &grp, &i);
  bool empty = sg_ctrl_get(grp->ctrl, i) == SG_CTRL_EMPTY;
  if (empty && SG_UNLIKELY(m->growth_left == 0)) {
    SG_M_(rehash_)(m);
    s = SG_M_(free_slot_)(m->groups, m->gmask, hash, &grp, &i);
    empty = sg_ctrl_get(grp->ctrl, i) == SG_CTRL_EMPTY;
  }
  if (empty)
    m->growth_left--;
  else
    m->tombstones--;
  grp->ctrl = sg_ctrl_set(grp->ctrl, i, SG_CTRL_FULL | (hash & 0x7f));
  s->key = key;
  s->val = val;
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
  SG_MSLOT_ *s = SG_M_(find_)(m->groups, m->gmask, key, hash);
  if (s) {
    s->val = val;
  } else {
#if SG_CHECKS >= 3
    if (SG_UNLIKELY(m->live_ranges > 0))
      SG_M_(panic_insert_in_range_)(m);
#endif
    SG_M_(insert_)(m, key, val, hash);
  }
  SG_MAP_WRITE_END(m);
}

static inline SG_MV_ SG_M_(zero_)(void) {
  SG_MV_ zero;
  memset(&zero, 0, sizeof zero);
  return zero;
}

static inline SG_MSLOT_ *SG_M_(lookup_)(SG_MAP m, SG_MK_ key) {
  if (!m)
    return NULL;
  SG_MAP_READ_CHECK(m);
  return SG_M_(find_)(m->groups, m->gmask, key, SG_M_HASH_(key, m->seed));
}

static inline SG_MV_ SG_M_(get)(SG_MAP m, SG_MK_ key) {
  SG_MSLOT_ *s = SG_M_(lookup_)(m, key);
  return s ? s->val : SG_M_(zero_)();
}

/* v, ok := m[k]: *val (if val is not NULL) gets the value or zero. */
static inline bool SG_M_(lookup)(SG_MAP m, SG_MK_ key, SG_MV_ *val) {
  SG_MSLOT_ *s = SG_M_(lookup_)(m, key);
  if (val)
    *val = s ? s->val : SG_M_(zero_)();
  return s != NULL;
}

/* The value's slot, valid until the next insert (which may move the
 * entry to a new table; the old slot then goes stale), or NULL. */
static inline SG_MV_ *SG_M_(ref)(SG_MAP m, SG_MK_ key) {
  SG_MSLOT_ *s = SG_M_(lookup_)(m, key);
  return s ? &s->val : NULL;
}

static inline bool SG_M_(del)(SG_MAP m, SG_MK_ key) {
  if (!m)
    return false;
  SG_MAP_WRITE_BEGIN(m);
  uint64_t hash = SG_M_HASH_(key, m->seed);
  SG_MSLOT_ *s = SG_M_(find_)(m->groups, m->gmask, key, hash);
  if (s) {
    /* The slot's group and index, from its address. */
    size_t g = (size_t)((char *)s - (char *)m->groups) / sizeof(SG_MGROUP_);
    unsigned i = (unsigned)(s - m->groups[g].slots);
    uint64_t ctrl = m->groups[g].ctrl;
    /* If the group has an empty slot no probe passes through it, so the
     * slot can be empty again; otherwise probes must keep going: tombstone. */
    if (sg_ctrl_match_empty(ctrl)) {
      m->groups[g].ctrl = sg_ctrl_set(ctrl, i, SG_CTRL_EMPTY);
      m->growth_left++;
    } else {
      m->groups[g].ctrl = sg_ctrl_set(ctrl, i, SG_CTRL_DELETED);
      m->tombstones++;
    }
    m->len--;
  }
  SG_MAP_WRITE_END(m);
  return s != NULL;
}

static inline ptrdiff_t SG_M_(len)(SG_MAP m) { return m ? m->len : 0; }

/* Empties the map in place.  A range walking this table sees only empty
 * slots afterwards; a range still on an older table looks every key up
 * here and finds nothing.  Either way no old entry is produced, as Go
 * requires. */
static inline void SG_M_(clear)(SG_MAP m) {
  if (!m)
    return;
  SG_MAP_WRITE_BEGIN(m);
  memset(m->groups, 0, (m->gmask + 1) * sizeof(SG_MGROUP_));
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
  it.groups_ = m->groups;
  it.gmask_ = m->gmask;
  it.group_ = ((size_t)r - 1) & m->gmask; /* first group entered: r & gmask */
  it.rotate_ = 8 * (unsigned)(r >> 61);
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
  return SG_M_(find_)(m->groups, m->gmask, old->key,
                      SG_M_HASH_(old->key, m->seed));
}

static inline bool SG_M_(range_next)(SG_M_(iter) * it) {
  SG_MAP m = it->map_;
  if (m)
    SG_MAP_ITER_CHECK(m);
  for (;;) {
    while (it->pending_) {
      unsigned slot = ((sg_ctz64(it->pending_) + it->rotate_) >> 3) & 7;
      it->pending_ &= it->pending_ - 1;
      SG_MGROUP_ *grp = &it->groups_[it->group_];
      /* Deleted (or cleared) since the group was entered: skip it. */
      if (!(sg_ctrl_get(grp->ctrl, slot) & SG_CTRL_FULL))
        continue;
      SG_MSLOT_ *s = &grp->slots[slot];
      if (SG_LIKELY(it->groups_ == m->groups)) {
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
    it->pending_ = sg_rotr64(sg_ctrl_match_full(it->groups_[it->group_].ctrl),
                             it->rotate_);
  }
  if (it->counted_)
    SG_M_(range_stop)(it);
  return false;
}

#undef SG_M_HASH_
#undef SG_M_EQ_
#undef SG_MGROUP_
#undef SG_MSLOT_
#undef SG_MV_
#undef SG_MK_
#undef SG_M_
#undef SG_MAP
#undef SG_KEY
#undef SG_VAL
#undef SG_HASH
#undef SG_EQ
