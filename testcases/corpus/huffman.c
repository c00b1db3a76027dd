// compress/flate's Huffman code builder (Go 1.19 compress/flate/
// huffman_code.go: generate, bitCounts, assignEncodingAndSize, the byFreq
// and byLiteral sorts over views of one cached node list) and the
// codegen run-length step of huffman_bit_writer.go (generateCodegen, the
// numCodegens trim of dynamicSize), driven as writeBlockHuff drives them.
// One encoder is reused for every input, as the bit writer reuses its
// literal encoding across blocks.  huffman.go reads the same lengths and
// codes back out of the real package's HuffmanOnly output.
// clang-format off
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off %go run %S/huffman.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %sg_verify %sg_cflags %s
// expected-no-diagnostics
// clang-format on

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE bytes
#define SG_ELEM uint8_t
#include <sliceguard/slice.h>

#define SG_SLICE int32s
#define SG_ELEM int32_t
#include <sliceguard/slice.h>

static sg_arena *A;

enum {
  maxNumLit = 286,
  endBlockMarker = 256,
  offsetCodeCount = 30,
  codegenCodeCount = 19,
  badCode = 255,
  maxBitsLimit = 16,
};

// hcode is a huffman code with a bit code and bit length.
typedef struct hcode {
  uint16_t code, len;
} hcode;

#define SG_SLICE hcodes
#define SG_ELEM hcode
#include <sliceguard/slice.h>

typedef struct literalNode {
  uint16_t literal;
  int32_t freq;
} literalNode;

#define SG_SLICE literalNodes
#define SG_ELEM literalNode
#include <sliceguard/slice.h>

typedef struct huffmanEncoder {
  hcodes codes;
  literalNodes freqcache;
  int32s bitCount;  // the [17]int32 array, sliced by bitCounts
  literalNodes lns; // stored to avoid repeated allocation in generate
  literalNodes lfs; // stored to avoid repeated allocation in generate
} huffmanEncoder;

// A levelInfo describes the state of the constructed tree for a given
// depth.
typedef struct levelInfo {
  int32_t level;        // Our level.  for better printing
  int32_t lastFreq;     // The frequency of the last node at this level
  int32_t nextCharFreq; // The frequency of the next character to add
  int32_t nextPairFreq; // The frequency of the next pair (from level-1)
  int32_t needed;       // The number of chains remaining to generate
} levelInfo;

static void hcode_set(hcode *h, uint16_t code, uint16_t length) {
  h->len = length;
  h->code = code;
}

static literalNode maxNode(void) {
  return (literalNode){UINT16_MAX, INT32_MAX};
}

static huffmanEncoder *newHuffmanEncoder(ptrdiff_t size) {
  huffmanEncoder *h = sg_arena_alloc(A, sizeof *h);
  h->codes = hcodes_make(A, size, size);
  h->bitCount = int32s_make(A, 17, 17);
  return h;
}

static uint16_t Reverse16(uint16_t x) {
  uint16_t r = 0;
  for (int i = 0; i < 16; i++)
    r = (uint16_t)(r << 1 | ((x >> i) & 1));
  return r;
}

static uint16_t reverseBits(uint16_t number, uint8_t bitLength) {
  return Reverse16((uint16_t)(number << (16 - bitLength)));
}

static void fatal(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

// row is leafCounts[level][:n], a slice of one row of the array.
static int32s row(int32_t (*leafCounts)[maxBitsLimit], int32_t level,
                  int32_t n) {
  return int32s_slice((int32s){leafCounts[level], maxBitsLimit, maxBitsLimit},
                      0, n);
}

// bitCounts computes the number of literals assigned to each bit size in
// the Huffman encoding.  It is only called when list.length >= 3.  The
// cases of 0, 1, and 2 literals are handled by special case code.
// list is an array of the literals with non-zero frequencies and their
// associated frequencies, sorted in increasing order of frequency; it has
// room for one more element past its length.
static int32s bitCounts(huffmanEncoder *h, literalNodes list, int32_t maxBits) {
  if (maxBits >= maxBitsLimit)
    fatal("flate: maxBits too large");
  int32_t n = (int32_t)list.len;
  list = literalNodes_slice(list, 0, n + 1);
  literalNodes_set(list, n, maxNode());

  // The tree can't have greater depth than n - 1, no matter what.  This
  // saves a little bit of work in some small cases.
  if (maxBits > n - 1)
    maxBits = n - 1;

  // Create information about each of the levels.  A bogus "Level 0" whose
  // sole purpose is so that level1.prev.needed==0.  This makes
  // level1.nextPairFreq be a legitimate value that never gets chosen.
  levelInfo levels[maxBitsLimit] = {0};
  // leafCounts[i] counts the number of literals at the left of ancestors
  // of the rightmost node at level i.  leafCounts[i][j] is the number of
  // literals at the left of the level j ancestor.
  int32_t leafCounts[maxBitsLimit][maxBitsLimit] = {{0}};

  for (int32_t level = 1; level <= maxBits; level++) {
    // For every level, the first two items are the first two characters.
    // We initialize the levels as if we had already figured this out.
    levels[level] = (levelInfo){
        .level = level,
        .lastFreq = literalNodes_get(list, 1).freq,
        .nextCharFreq = literalNodes_get(list, 2).freq,
        .nextPairFreq =
            literalNodes_get(list, 0).freq + literalNodes_get(list, 1).freq,
    };
    leafCounts[level][level] = 2;
    if (level == 1)
      levels[level].nextPairFreq = INT32_MAX;
  }

  // We need a total of 2*n - 2 items at top level and have already
  // generated 2.
  levels[maxBits].needed = 2 * n - 4;

  int32_t level = maxBits;
  for (;;) {
    levelInfo *l = &levels[level];
    if (l->nextPairFreq == INT32_MAX && l->nextCharFreq == INT32_MAX) {
      // We've run out of both leafs and pairs.  End all calculations for
      // this level.  To make sure we never come back to this level or any
      // lower level, set nextPairFreq impossibly large.
      l->needed = 0;
      levels[level + 1].nextPairFreq = INT32_MAX;
      level++;
      continue;
    }

    int32_t prevFreq = l->lastFreq;
    if (l->nextCharFreq < l->nextPairFreq) {
      // The next item on this row is a leaf node.
      int32_t k = leafCounts[level][level] + 1;
      l->lastFreq = l->nextCharFreq;
      // Lower leafCounts are the same of the previous node.
      leafCounts[level][level] = k;
      l->nextCharFreq = literalNodes_get(list, k).freq;
    } else {
      // The next item on this row is a pair from the previous row. nextPairFreq
      // isn't valid until we generate two more values in the level below.
      l->lastFreq = l->nextPairFreq;
      // Take leaf counts from the lower level, except counts[level] remains
      // the same.
      int32s_copy(row(leafCounts, level, level),
                  row(leafCounts, level - 1, level));
      levels[l->level - 1].needed = 2;
    }

    if (--l->needed == 0) {
      // We've done everything we need to do for this level.  Continue
      // calculating one level up.  Fill in nextPairFreq of that level
      // with the sum of the two nodes we've just calculated on this level.
      if (l->level == maxBits)
        // All done!
        break;
      levels[l->level + 1].nextPairFreq = prevFreq + l->lastFreq;
      level++;
    } else {
      // If we stole from below, move down temporarily to replenish it.
      while (levels[level - 1].needed > 0)
        level--;
    }
  }

  // Somethings is wrong if at the end, the top level is null or hasn't
  // used all of the leaves.
  if (leafCounts[maxBits][maxBits] != n)
    fatal("leafCounts[maxBits][maxBits] != n");

  int32s bitCount = int32s_slice(h->bitCount, 0, maxBits + 1);
  ptrdiff_t bits = 1;
  int32_t *counts = leafCounts[maxBits];
  for (int32_t lv = maxBits; lv > 0; lv--) {
    // chain.leafCount gives the number of literals requiring at least
    // "bits" bits to encode.
    int32s_set(bitCount, bits, counts[lv] - counts[lv - 1]);
    bits++;
  }
  return bitCount;
}

static int cmp_byLiteral(const void *x, const void *y) {
  const literalNode *a = x, *b = y;
  return (a->literal > b->literal) - (a->literal < b->literal);
}

static int cmp_byFreq(const void *x, const void *y) {
  const literalNode *a = x, *b = y;
  if (a->freq == b->freq)
    return (a->literal > b->literal) - (a->literal < b->literal);
  return (a->freq > b->freq) - (a->freq < b->freq);
}

// byLiteral.sort and byFreq.sort: keep the view, sort it in place.
static void lns_sort(huffmanEncoder *h, literalNodes a) {
  h->lns = a;
  if (h->lns.len > 1)
    qsort(h->lns.ptr, (size_t)h->lns.len, sizeof(literalNode), cmp_byLiteral);
}

static void lfs_sort(huffmanEncoder *h, literalNodes a) {
  h->lfs = a;
  if (h->lfs.len > 1)
    qsort(h->lfs.ptr, (size_t)h->lfs.len, sizeof(literalNode), cmp_byFreq);
}

// Look at the leaves and assign them a bit count and an encoding as
// specified in RFC 1951 3.2.2
static void assignEncodingAndSize(huffmanEncoder *h, int32s bitCount,
                                  literalNodes list) {
  uint16_t code = 0;
  for (ptrdiff_t n = 0; n < bitCount.len; n++) {
    int32_t bits = int32s_get(bitCount, n);
    code <<= 1;
    if (n == 0 || bits == 0)
      continue;
    // The literals list[len(list)-bits] .. list[len(list)-bits] are
    // encoded using "bits" bits, and get the values code, code + 1, ....
    // The code values are assigned in literal order (not frequency
    // order).
    literalNodes chunk = literalNodes_slice(list, list.len - bits, list.len);

    lns_sort(h, chunk);
    for (ptrdiff_t k = 0; k < chunk.len; k++) {
      literalNode node = literalNodes_get(chunk, k);
      hcodes_set(
          h->codes, node.literal,
          (hcode){.code = reverseBits(code, (uint8_t)n), .len = (uint16_t)n});
      code++;
    }
    list = literalNodes_slice(list, 0, list.len - bits);
  }
}

// Update this Huffman Code object to be the minimum code for the specified
// frequency count.
static void generate(huffmanEncoder *h, int32s freq, int32_t maxBits) {
  if (h->freqcache.ptr == NULL)
    // Allocate a reusable buffer with the longest possible frequency
    // table.  Possible lengths are codegenCodeCount, offsetCodeCount and
    // maxNumLit.  The largest of these is maxNumLit, so we allocate for
    // that case.
    h->freqcache = literalNodes_make(A, maxNumLit + 1, maxNumLit + 1);
  literalNodes list = literalNodes_slice(h->freqcache, 0, freq.len + 1);
  // Number of non-zero literals
  ptrdiff_t count = 0;
  // Set list to be the set of all non-zero literals and their frequencies
  for (ptrdiff_t i = 0; i < freq.len; i++) {
    int32_t f = int32s_get(freq, i);
    if (f != 0) {
      literalNodes_set(list, count, (literalNode){(uint16_t)i, f});
      count++;
    } else {
      hcodes_at(h->codes, i)->len = 0;
    }
  }

  list = literalNodes_slice(list, 0, count);
  if (count <= 2) {
    // Handle the small cases here, because they are awkward for the
    // general case code.  With two or fewer literals, everything has bit
    // length 1.
    for (ptrdiff_t i = 0; i < list.len; i++) {
      literalNode node = literalNodes_get(list, i);
      // "list" is in order of increasing literal value.
      hcode_set(hcodes_at(h->codes, node.literal), (uint16_t)i, 1);
    }
    return;
  }
  lfs_sort(h, list);

  // Get the number of literals for each bit count
  int32s bitCount = bitCounts(h, list, maxBits);
  // And do the assignment
  assignEncodingAndSize(h, bitCount, list);
}

/* ---- the parts of huffman_bit_writer.go that drive it ---- */

static const uint32_t codegenOrder[] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                        11, 4,  12, 3, 13, 2, 14, 1, 15};

typedef struct huffmanBitWriter {
  int32s literalFreq;
  int32s offsetFreq;
  bytes codegen;
  int32_t codegenFreq[codegenCodeCount];
  huffmanEncoder *literalEncoding;
  huffmanEncoder *codegenEncoding;
} huffmanBitWriter;

static huffmanEncoder *huffOffset;

static huffmanBitWriter *newHuffmanBitWriter(void) {
  huffmanBitWriter *w = sg_arena_alloc(A, sizeof *w);
  w->literalFreq = int32s_make(A, maxNumLit, maxNumLit);
  w->offsetFreq = int32s_make(A, offsetCodeCount, offsetCodeCount);
  w->codegen = bytes_make(A, maxNumLit + offsetCodeCount + 1,
                          maxNumLit + offsetCodeCount + 1);
  w->literalEncoding = newHuffmanEncoder(maxNumLit);
  w->codegenEncoding = newHuffmanEncoder(codegenCodeCount);
  return w;
}

static void init_huffOffset(void) {
  int32s offsetFreq = int32s_make(A, offsetCodeCount, offsetCodeCount);
  int32s_set(offsetFreq, 0, 1);
  huffOffset = newHuffmanEncoder(offsetCodeCount);
  generate(huffOffset, offsetFreq, 15);
}

// RFC 1951 3.2.7 specifies a special run-length encoding for specifying
// the literal and offset lengths arrays (which are concatenated into a
// single array).  This method generates that run-length encoding.
static void generateCodegen(huffmanBitWriter *w, ptrdiff_t numLiterals,
                            ptrdiff_t numOffsets, huffmanEncoder *litEnc,
                            huffmanEncoder *offEnc) {
  for (int i = 0; i < codegenCodeCount; i++)
    w->codegenFreq[i] = 0;
  // Note that we are using codegen both as a temporary variable for
  // holding a copy of the frequencies, and as the place where we output
  // the encoding.
  bytes codegen = w->codegen; // cache
  // Copy the concatenated code sizes to codegen.  Put a marker at the end.
  bytes cgnl = bytes_slice(codegen, 0, numLiterals);
  for (ptrdiff_t i = 0; i < cgnl.len; i++)
    bytes_set(cgnl, i, (uint8_t)hcodes_get(litEnc->codes, i).len);

  cgnl = bytes_slice(codegen, numLiterals, numLiterals + numOffsets);
  for (ptrdiff_t i = 0; i < cgnl.len; i++)
    bytes_set(cgnl, i, (uint8_t)hcodes_get(offEnc->codes, i).len);
  bytes_set(codegen, numLiterals + numOffsets, badCode);

  uint8_t size = bytes_get(codegen, 0);
  ptrdiff_t count = 1;
  ptrdiff_t outIndex = 0;
  for (ptrdiff_t inIndex = 1; size != badCode; inIndex++) {
    // INVARIANT: We have seen "count" copies of size that have not yet
    // had output generated for them.
    uint8_t nextSize = bytes_get(codegen, inIndex);
    if (nextSize == size) {
      count++;
      continue;
    }
    // We need to generate codegen indicating "count" of size.
    if (size != 0) {
      bytes_set(codegen, outIndex, size);
      outIndex++;
      w->codegenFreq[size]++;
      count--;
      while (count >= 3) {
        ptrdiff_t n = 6;
        if (n > count)
          n = count;
        bytes_set(codegen, outIndex, 16);
        outIndex++;
        bytes_set(codegen, outIndex, (uint8_t)(n - 3));
        outIndex++;
        w->codegenFreq[16]++;
        count -= n;
      }
    } else {
      while (count >= 11) {
        ptrdiff_t n = 138;
        if (n > count)
          n = count;
        bytes_set(codegen, outIndex, 18);
        outIndex++;
        bytes_set(codegen, outIndex, (uint8_t)(n - 11));
        outIndex++;
        w->codegenFreq[18]++;
        count -= n;
      }
      if (count >= 3) {
        // count >= 3 && count <= 10
        bytes_set(codegen, outIndex, 17);
        outIndex++;
        bytes_set(codegen, outIndex, (uint8_t)(count - 3));
        outIndex++;
        w->codegenFreq[17]++;
        count = 0;
      }
    }
    count--;
    for (; count >= 0; count--) {
      bytes_set(codegen, outIndex, size);
      outIndex++;
      w->codegenFreq[size]++;
    }
    // Set up invariant for next time through the loop.
    size = nextSize;
    count = 1;
  }
  // Marker indicating the end of the codegen.
  bytes_set(codegen, outIndex, badCode);
}

static ptrdiff_t numCodegensOf(huffmanBitWriter *w) {
  ptrdiff_t numCodegens = codegenCodeCount;
  while (numCodegens > 4 && w->codegenFreq[codegenOrder[numCodegens - 1]] == 0)
    numCodegens--;
  return numCodegens;
}

static void histogram(bytes b, int32s h) {
  for (ptrdiff_t i = 0; i < b.len; i++)
    (*int32s_at(h, bytes_get(b, i)))++;
}

// writeBlockHuff's code construction; the lengths and codes are printed
// as the dynamic header the real writer emits would give them.
static void show(huffmanBitWriter *w, const char *name, bytes input) {
  for (ptrdiff_t i = 0; i < w->literalFreq.len; i++)
    int32s_set(w->literalFreq, i, 0);
  histogram(input, w->literalFreq);
  int32s_set(w->literalFreq, endBlockMarker, 1);
  enum { numLiterals = endBlockMarker + 1, numOffsets = 1 };
  int32s_set(w->offsetFreq, 0, 1);

  generate(w->literalEncoding, w->literalFreq, 15);
  generateCodegen(w, numLiterals, numOffsets, w->literalEncoding, huffOffset);
  generate(w->codegenEncoding,
           (int32s){w->codegenFreq, codegenCodeCount, codegenCodeCount}, 7);
  ptrdiff_t numCodegens = numCodegensOf(w);

  printf("%s: in=%td hlit=%d hdist=%d hclen=%td\n", name, input.len,
         numLiterals, numOffsets, numCodegens);
  printf("  codegen");
  for (ptrdiff_t i = 0; i < numCodegens; i++) {
    hcode c = hcodes_get(w->codegenEncoding->codes, codegenOrder[i]);
    printf(" %u:%u:%x", codegenOrder[i], c.len, c.len ? c.code : 0);
  }
  printf("\n");
  hcodes lit = hcodes_slice(w->literalEncoding->codes, 0, numLiterals);
  int maxLen = 0, total = 0;
  for (ptrdiff_t s = 0; s < lit.len; s++) {
    hcode c = hcodes_get(lit, s);
    if (c.len > 0) {
      if (c.len > maxLen)
        maxLen = c.len;
      total++;
    }
  }
  printf("  literals n=%d max=%d", total, maxLen);
  for (ptrdiff_t s = 0; s < lit.len; s++) {
    hcode c = hcodes_get(lit, s);
    if (c.len > 0)
      printf(" %td:%u:%x", s, c.len, c.code);
  }
  printf("\n  offsets [%u]\n", hcodes_get(huffOffset->codes, 0).len);
}

static uint32_t seed = 4242;

static ptrdiff_t rnd(ptrdiff_t n) {
  seed = seed * 1103515245u + 12345u;
  return (ptrdiff_t)((seed >> 16) % (uint32_t)n);
}

static bytes Repeat(bytes b, sg_str s, ptrdiff_t n) {
  for (ptrdiff_t i = 0; i < n; i++)
    b = bytes_append_n(A, b, (const uint8_t *)s.ptr, s.len);
  return b;
}

static int TrailingZeros16(uint16_t x) {
  if (x == 0)
    return 16;
  int n = 0;
  while (!(x & 1)) {
    x >>= 1;
    n++;
  }
  return n;
}

int main(void) {
  A = sg_arena_new();
  init_huffOffset();
  huffmanBitWriter *w = newHuffmanBitWriter();
  show(w, "single", Repeat((bytes){0}, SG_STR("a"), 1000));
  show(w, "pair", Repeat((bytes){0}, SG_STR("ab"), 500));
  bytes text = Repeat((bytes){0}, SG_STR("TOBEORNOTTOBEORTOBEORNOT#"), 40);
  text =
      Repeat(text, SG_STR("the quick brown fox jumps over the lazy dog; "), 1);
  text = Repeat(text, SG_STR("abracadabra "), 300);
  show(w, "text", text);
  // Fibonacci frequencies force the 15-bit length limit.
  bytes fib = {0};
  ptrdiff_t a = 1, b = 1;
  for (int sym = 0; sym < 22; sym++) {
    char c = (char)('A' + sym);
    fib = Repeat(fib, sg_str_make(&c, 1), a);
    ptrdiff_t t = a + b;
    a = b;
    b = t;
  }
  show(w, "fibonacci", fib);
  // Geometric: many symbols, a few very common.
  bytes geo = {0};
  for (int i = 0; i < 20000; i++) {
    ptrdiff_t x = rnd(1 << 16);
    geo = bytes_append(A, geo,
                       (uint8_t)(TrailingZeros16((uint16_t)x) * 9 + rnd(3)));
  }
  show(w, "geometric", geo);
  bytes power = {0};
  for (int i = 0; i < 30000; i++) {
    ptrdiff_t x = rnd(200) + 1;
    power = bytes_append(A, power, (uint8_t)(200 / x));
  }
  show(w, "power", power);
  sg_arena_free(A);
  return 0;
}
