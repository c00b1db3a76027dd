/* sliceguard/arena.h - the region that stands in for Go's garbage collector.
 *
 *   sg_arena *a = sg_arena_new();
 *   int *p = sg_arena_alloc(a, 100 * sizeof(int));   // zeroed, max-aligned
 *   sg_arena_reset(a);                               // forget everything
 *   sg_arena_free(a);                                // give it all back
 *
 * Every slice array and map table lives in an arena.  Nothing in an arena
 * is freed on its own: an array append outgrew and a table a map replaced
 * stay valid (stale but safe views, as in Go) until the arena is reset or
 * freed.
 *
 * Memory comes from malloc-backed blocks that grow geometrically.  Memory
 * handed out is always zeroed (Go's make and append zero memory), but a
 * block is not zeroed when it is made: each allocation zeroes its own
 * bytes.  So nothing pays for zeroing room it never uses, and the runtime
 * itself can skip zeroing what it is about to overwrite (the part of a
 * grown array that append copies into, the slots of a map table).  No
 * allocation ever grows in place: Go's append always moves a full slice to
 * a new array, and so does ours.  Running out of memory is a fatal error,
 * never a NULL.
 */
#ifndef SLICEGUARD_ARENA_H
#define SLICEGUARD_ARENA_H

#include "core.h"

/* Under AddressSanitizer the arena poisons what it does not hand out: a
 * block's unused room when the block is made.  Each allocation unpoisons
 * exactly its own bytes, so the alignment padding between two allocations
 * stays poisoned too.  A reset hands no byte out again (see
 * sg_arena_reset_for_asan_), so a use of memory after sg_arena_reset is an
 * ASan report even after new allocations: "use-after-poison" in the
 * arena's first block, "heap-use-after-free" freed by sg_arena_reset in
 * the others.  A use after sg_arena_free is ASan's ordinary
 * "heap-use-after-free".  Normal builds define the hooks as nothing: no
 * code at all. */
#if defined(__SANITIZE_ADDRESS__)
#define SG_ARENA_ASAN_ 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SG_ARENA_ASAN_ 1
#endif
#endif
#ifdef SG_ARENA_ASAN_
#include <sanitizer/asan_interface.h>
#define SG_ARENA_POISON_(p, n) __asan_poison_memory_region((p), (n))
#define SG_ARENA_UNPOISON_(p, n) __asan_unpoison_memory_region((p), (n))
#else
#define SG_ARENA_POISON_(p, n) ((void)0)
#define SG_ARENA_UNPOISON_(p, n) ((void)0)
#endif

/* Blocks start at 4 KiB and double up to 64 MiB; a bigger request gets a
 * block four times its size, so the next array or two a growing slice moves
 * to fit in the same block instead of a malloc each.  Untouched pages of a
 * large block are never faulted in, so the headroom is free. */
#define SG_ARENA_FIRST_BLOCK ((size_t)4 << 10)
#define SG_ARENA_MAX_BLOCK ((size_t)64 << 20)

typedef struct sg_arena_block_ {
  struct sg_arena_block_ *prev;
  size_t size; /* usable bytes after the header */
} sg_arena_block_;

/* Block headers are padded so the data after them is max-aligned. */
#define SG_ARENA_HEADER_                                                       \
  ((sizeof(sg_arena_block_) + _Alignof(max_align_t) - 1) &                     \
   ~(_Alignof(max_align_t) - 1))

typedef struct SG_MARK_TYPE(arena) sg_arena {
  char *cur;              /* next free byte in the current block */
  char *end;              /* end of the current block            */
  sg_arena_block_ *block; /* current block, linked to older ones */
  size_t next_block;      /* size of the next block to allocate */
  size_t reserved;        /* bytes of all blocks, for statistics */
} sg_arena;

/* Address of zero-byte allocations, like Go's zerobase. */
SG_SHARED char sg_zerobase;

static inline char *sg_arena_block_data_(sg_arena_block_ *b) {
  return (char *)b + SG_ARENA_HEADER_;
}

/* The arena and its first block are one allocation: one malloc and one
 * free per arena fewer, and no small chunk left for malloc to consolidate
 * when the next arena asks for a block.  The first block is the oldest in
 * the chain and is released with the arena itself. */
#define SG_ARENA_SELF_                                                         \
  ((sizeof(sg_arena) + _Alignof(max_align_t) - 1) &                            \
   ~(_Alignof(max_align_t) - 1))

static inline sg_arena_block_ *sg_arena_first_block_(sg_arena *a) {
  return (sg_arena_block_ *)(void *)((char *)a + SG_ARENA_SELF_);
}

/* Marked so the plugin's use-after-arena-reset check sees them. */
SG_MARKERS_BEGIN
static inline void sg_arena_free(sg_arena *a) SG_MARK_OP(arena_free);
static inline void sg_arena_reset(sg_arena *a) SG_MARK_OP(arena_reset);
SG_MARKERS_END

static inline sg_arena *sg_arena_new(void) {
  size_t bytes = SG_ARENA_SELF_ + SG_ARENA_HEADER_ + SG_ARENA_FIRST_BLOCK;
  sg_arena *a = (sg_arena *)malloc(bytes);
  if (!a)
    sg_fatalf("runtime: out of memory (arena of %zu bytes)", bytes);
  sg_arena_block_ *b = sg_arena_first_block_(a);
  b->prev = NULL;
  b->size = SG_ARENA_FIRST_BLOCK;
  a->block = b;
  a->cur = sg_arena_block_data_(b);
  a->end = a->cur + SG_ARENA_FIRST_BLOCK;
  a->next_block = 2 * SG_ARENA_FIRST_BLOCK;
  a->reserved = SG_ARENA_FIRST_BLOCK;
  SG_ARENA_POISON_(a->cur, SG_ARENA_FIRST_BLOCK);
  return a;
}

static inline void sg_arena_free(sg_arena *a) {
  if (!a)
    return;
  sg_arena_block_ *first = sg_arena_first_block_(a), *b = a->block;
  while (b) {
    sg_arena_block_ *prev = b->prev;
    if (b != first)
      free(b);
    b = prev;
  }
  free(a);
}

/* Opens a new current block able to hold size bytes at alignment align. */
SG_OUTLINE void sg_arena_new_block_(sg_arena *a, size_t size, size_t align) {
  size_t need = size + align;
  if (need < size || need > SIZE_MAX / 4 - SG_ARENA_HEADER_)
    sg_fatalf("runtime: out of memory (arena request of %zu bytes)", size);
  size_t block = a->next_block;
  if (block < 4 * need)
    block = 4 * need;
  sg_arena_block_ *b = (sg_arena_block_ *)malloc(SG_ARENA_HEADER_ + block);
  if (!b)
    sg_fatalf("runtime: out of memory (arena block of %zu bytes)",
              SG_ARENA_HEADER_ + block);
  b->prev = a->block;
  b->size = block;
  a->block = b;
  a->cur = sg_arena_block_data_(b);
  a->end = a->cur + block;
  a->reserved += block;
  SG_ARENA_POISON_(a->cur, block);
  if (a->next_block < SG_ARENA_MAX_BLOCK)
    a->next_block *= 2;
}

/* size bytes aligned to align (a power of two), not zeroed: for the
 * runtime's own use, where the caller zeroes or overwrites every byte. */
static inline void *sg_arena_alloc_uninit_(sg_arena *a, size_t size,
                                           size_t align) {
  if (SG_UNLIKELY(!a))
    sg_panicf(false,
              "allocation from a nil arena (create one with sg_arena_new)");
  if (size == 0)
    return &sg_zerobase;
  uintptr_t p = ((uintptr_t)a->cur + align - 1) & ~(uintptr_t)(align - 1);
  if (SG_UNLIKELY(!a->cur || p > (uintptr_t)a->end ||
                  size > (size_t)((uintptr_t)a->end - p))) {
    sg_arena_new_block_(a, size, align);
    p = ((uintptr_t)a->cur + align - 1) & ~(uintptr_t)(align - 1);
  }
  a->cur = (char *)p + size;
  SG_ARENA_UNPOISON_((void *)p, size);
  return (void *)p;
}

/* size zeroed bytes aligned to align (a power of two). */
static inline void *sg_arena_alloc_aligned(sg_arena *a, size_t size,
                                           size_t align) {
  void *p = sg_arena_alloc_uninit_(a, size, align);
  if (size)
    memset(p, 0, size);
  return p;
}

/* size zeroed bytes aligned for any type. */
static inline void *sg_arena_alloc(sg_arena *a, size_t size) {
  return sg_arena_alloc_aligned(a, size, _Alignof(max_align_t));
}

#ifdef SG_ARENA_ASAN_
/* Under ASan a reset must leave every earlier allocation unusable, and
 * handing the same bytes out again at once would make them valid again:
 * the use of a stale slice would read the next allocation, unreported.  So
 * every block malloc gave goes back to it (ASan holds freed memory in
 * quarantine and reports a later use as heap-use-after-free, "freed by"
 * this reset), and the arena's built-in first block is poisoned and
 * retired until the arena is freed: the next allocation opens a new block. */
static inline void sg_arena_reset_for_asan_(sg_arena *a) {
  sg_arena_block_ *first = sg_arena_first_block_(a), *b = a->block;
  while (b) {
    sg_arena_block_ *prev = b->prev;
    if (b != first)
      free(b);
    b = prev;
  }
  first->prev = NULL;
  SG_ARENA_POISON_(sg_arena_block_data_(first), first->size);
  a->block = first;
  a->reserved = first->size;
  a->cur = a->end = NULL;
}
#endif

/* Forgets every allocation but keeps the largest block for reuse (the
 * memory it hands out again is zeroed by the allocation, as always).  The
 * first block, part of the arena's own allocation, stays in the chain. */
static inline void sg_arena_reset(sg_arena *a) {
  if (!a)
    return;
#ifdef SG_ARENA_ASAN_
  sg_arena_reset_for_asan_(a);
#else
  sg_arena_block_ *first = sg_arena_first_block_(a), *keep = a->block;
  for (sg_arena_block_ *b = a->block; b; b = b->prev)
    if (b->size > keep->size)
      keep = b;
  sg_arena_block_ *b = a->block;
  while (b) {
    sg_arena_block_ *prev = b->prev;
    if (b != keep && b != first)
      free(b);
    b = prev;
  }
  keep->prev = keep == first ? NULL : first;
  first->prev = NULL;
  a->block = keep;
  a->reserved = keep->size + (keep == first ? 0 : first->size);
  a->cur = sg_arena_block_data_(keep);
  a->end = a->cur + keep->size;
#endif
}

/* Bytes reserved from malloc by all of the arena's blocks. */
static inline size_t sg_arena_reserved(const sg_arena *a) {
  return a ? a->reserved : 0;
}

#endif /* SLICEGUARD_ARENA_H */
