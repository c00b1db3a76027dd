// A port of package sort (Go 1.19, src/sort/sort.go, zsortinterface.go and
// search.go): Sort's pdqsort with its insertion sort, heapsort fallback,
// pattern breaking, pivot choice and partitions; Stable's insertion-sorted
// blocks and SymMerge with block rotation; Reverse, IsSorted and Search.
// sort.Interface becomes a struct of function pointers over a receiver.
// The Go original of main is sort.go; both must print the same, including
// the number of Less and Swap calls, so the port follows Go step by step.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/sort.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE ints
#define SG_ELEM ptrdiff_t
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

/* ---- sort.Interface ---------------------------------------------------- */

typedef struct Interface {
  void *self;
  ptrdiff_t (*Len)(void *self);
  bool (*Less)(void *self, ptrdiff_t i, ptrdiff_t j);
  void (*Swap)(void *self, ptrdiff_t i, ptrdiff_t j);
} Interface;

#define LEN(d) ((d).Len((d).self))
#define LESS(d, i, j) ((d).Less((d).self, (i), (j)))
#define SWAP(d, i, j) ((d).Swap((d).self, (i), (j)))

/* bits.Len: the number of bits needed to represent x. */
static int bits_Len(uint64_t x) {
  int n = 0;
  while (x != 0) {
    n++;
    x >>= 1;
  }
  return n;
}

typedef enum sortedHint { // hint for pdqsort when choosing the pivot
  unknownHint,
  increasingHint,
  decreasingHint,
} sortedHint;

// xorshift paper: https://www.jstatsoft.org/article/view/v008i14/xorshift.pdf
typedef uint64_t xorshift;

static uint64_t xorshift_Next(xorshift *r) {
  *r ^= *r << 13;
  *r ^= *r >> 17;
  *r ^= *r << 5;
  return *r;
}

static uint64_t nextPowerOfTwo(ptrdiff_t length) {
  unsigned shift = (unsigned)bits_Len((uint64_t)length);
  return (uint64_t)1 << shift;
}

/* ---- zsortinterface.go ------------------------------------------------- */

// insertionSort sorts data[a:b] using insertion sort.
static void insertionSort(Interface data, ptrdiff_t a, ptrdiff_t b) {
  for (ptrdiff_t i = a + 1; i < b; i++)
    for (ptrdiff_t j = i; j > a && LESS(data, j, j - 1); j--)
      SWAP(data, j, j - 1);
}

// siftDown implements the heap property on data[lo:hi].
// first is an offset into the array where the root of the heap lies.
static void siftDown(Interface data, ptrdiff_t lo, ptrdiff_t hi,
                     ptrdiff_t first) {
  ptrdiff_t root = lo;
  for (;;) {
    ptrdiff_t child = 2 * root + 1;
    if (child >= hi)
      break;
    if (child + 1 < hi && LESS(data, first + child, first + child + 1))
      child++;
    if (!LESS(data, first + root, first + child))
      return;
    SWAP(data, first + root, first + child);
    root = child;
  }
}

static void heapSort(Interface data, ptrdiff_t a, ptrdiff_t b) {
  ptrdiff_t first = a;
  ptrdiff_t lo = 0;
  ptrdiff_t hi = b - a;

  // Build heap with greatest element at top.
  for (ptrdiff_t i = (hi - 1) / 2; i >= 0; i--)
    siftDown(data, i, hi, first);

  // Pop elements, largest first, into end of data.
  for (ptrdiff_t i = hi - 1; i >= 0; i--) {
    SWAP(data, first, first + i);
    siftDown(data, lo, i, first);
  }
}

static void breakPatterns(Interface data, ptrdiff_t a, ptrdiff_t b);
static ptrdiff_t choosePivot(Interface data, ptrdiff_t a, ptrdiff_t b,
                             sortedHint *hint);
static void reverseRange(Interface data, ptrdiff_t a, ptrdiff_t b);
static bool partialInsertionSort(Interface data, ptrdiff_t a, ptrdiff_t b);
static ptrdiff_t partitionEqual(Interface data, ptrdiff_t a, ptrdiff_t b,
                                ptrdiff_t pivot);
static ptrdiff_t partition(Interface data, ptrdiff_t a, ptrdiff_t b,
                           ptrdiff_t pivot, bool *alreadyPartitioned);

// pdqsort sorts data[a:b].
// The algorithm based on pattern-defeating quicksort(pdqsort), but
// without the optimizations from BlockQuicksort.
// pdqsort paper: https://arxiv.org/pdf/2106.05123.pdf
// C++ implementation: https://github.com/orlp/pdqsort
// Rust implementation: https://docs.rs/pdqsort/latest/pdqsort/
// limit is the number of allowed bad (very unbalanced) pivots before
// falling back to heapsort.
static void pdqsort(Interface data, ptrdiff_t a, ptrdiff_t b, int limit) {
  enum { maxInsertion = 12 };

  bool wasBalanced = true;    // whether the last partitioning was reasonably
                              // balanced
  bool wasPartitioned = true; // whether the slice was already partitioned

  for (;;) {
    ptrdiff_t length = b - a;

    if (length <= maxInsertion) {
      insertionSort(data, a, b);
      return;
    }

    // Fall back to heapsort if too many bad choices were made.
    if (limit == 0) {
      heapSort(data, a, b);
      return;
    }

    // If the last partitioning was imbalanced, we need to breakPatterns.
    if (!wasBalanced) {
      breakPatterns(data, a, b);
      limit--;
    }

    sortedHint hint;
    ptrdiff_t pivot = choosePivot(data, a, b, &hint);
    if (hint == decreasingHint) {
      reverseRange(data, a, b);
      // The chosen pivot was pivot-a elements after the start of the
      // array.  After reversing it is pivot-a elements before the end of
      // the array.  The idea came from Rust's implementation.
      pivot = (b - 1) - (pivot - a);
      hint = increasingHint;
    }

    // The slice is likely already sorted.
    if (wasBalanced && wasPartitioned && hint == increasingHint)
      if (partialInsertionSort(data, a, b))
        return;

    // Probably the slice contains many duplicate elements, partition the
    // slice into elements equal to and elements greater than the pivot.
    if (a > 0 && !LESS(data, a - 1, pivot)) {
      ptrdiff_t mid = partitionEqual(data, a, b, pivot);
      a = mid;
      continue;
    }

    bool alreadyPartitioned;
    ptrdiff_t mid = partition(data, a, b, pivot, &alreadyPartitioned);
    wasPartitioned = alreadyPartitioned;

    ptrdiff_t leftLen = mid - a, rightLen = b - mid;
    ptrdiff_t balanceThreshold = length / 8;
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(data, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(data, mid + 1, b, limit);
      b = mid;
    }
  }
}

// partition does one quicksort partition.
// Let p = data[pivot]
// Moves elements in data[a:b] around, so that data[i]<p and data[j]>=p
// for i<newpivot and j>newpivot.  On return, data[newpivot] = p
static ptrdiff_t partition(Interface data, ptrdiff_t a, ptrdiff_t b,
                           ptrdiff_t pivot, bool *alreadyPartitioned) {
  SWAP(data, a, pivot);
  // i and j are inclusive of the elements remaining to be partitioned
  ptrdiff_t i = a + 1, j = b - 1;

  while (i <= j && LESS(data, i, a))
    i++;
  while (i <= j && !LESS(data, j, a))
    j--;
  if (i > j) {
    SWAP(data, j, a);
    *alreadyPartitioned = true;
    return j;
  }
  SWAP(data, i, j);
  i++;
  j--;

  for (;;) {
    while (i <= j && LESS(data, i, a))
      i++;
    while (i <= j && !LESS(data, j, a))
      j--;
    if (i > j)
      break;
    SWAP(data, i, j);
    i++;
    j--;
  }
  SWAP(data, j, a);
  *alreadyPartitioned = false;
  return j;
}

// partitionEqual partitions data[a:b] into elements equal to data[pivot]
// followed by elements greater than data[pivot].  It assumed that
// data[a:b] does not contain elements smaller than the data[pivot].
static ptrdiff_t partitionEqual(Interface data, ptrdiff_t a, ptrdiff_t b,
                                ptrdiff_t pivot) {
  SWAP(data, a, pivot);
  // i and j are inclusive of the elements remaining to be partitioned
  ptrdiff_t i = a + 1, j = b - 1;

  for (;;) {
    while (i <= j && !LESS(data, a, i))
      i++;
    while (i <= j && LESS(data, a, j))
      j--;
    if (i > j)
      break;
    SWAP(data, i, j);
    i++;
    j--;
  }
  return i;
}

// partialInsertionSort partially sorts a slice, returns true if the slice
// is sorted at the end.
static bool partialInsertionSort(Interface data, ptrdiff_t a, ptrdiff_t b) {
  enum {
    maxSteps = 5, // maximum number of adjacent out-of-order pairs that will
                  // get shifted
    shortestShifting = 50, // don't shift any elements on short arrays
  };
  ptrdiff_t i = a + 1;
  for (int j = 0; j < maxSteps; j++) {
    while (i < b && !LESS(data, i, i - 1))
      i++;

    if (i == b)
      return true;

    if (b - a < shortestShifting)
      return false;

    SWAP(data, i, i - 1);

    // Shift the smaller one to the left.
    if (i - a >= 2) {
      for (ptrdiff_t k = i - 1; k >= 1; k--) {
        if (!LESS(data, k, k - 1))
          break;
        SWAP(data, k, k - 1);
      }
    }
    // Shift the greater one to the right.
    if (b - i >= 2) {
      for (ptrdiff_t k = i + 1; k < b; k++) {
        if (!LESS(data, k, k - 1))
          break;
        SWAP(data, k, k - 1);
      }
    }
  }
  return false;
}

// breakPatterns scatters some elements around in an attempt to break some
// patterns that might cause imbalanced partitions in quicksort.
static void breakPatterns(Interface data, ptrdiff_t a, ptrdiff_t b) {
  ptrdiff_t length = b - a;
  if (length >= 8) {
    xorshift random = (xorshift)length;
    uint64_t modulus = nextPowerOfTwo(length);

    ptrdiff_t idx0 = a + (length / 4) * 2 - 1;
    for (ptrdiff_t idx = idx0; idx <= a + (length / 4) * 2 + 1; idx++) {
      ptrdiff_t other = (ptrdiff_t)(xorshift_Next(&random) & (modulus - 1));
      if (other >= length)
        other -= length;
      SWAP(data, idx, a + other);
    }
  }
}

// order2 returns x,y where data[x] <= data[y], where x,y=a,b or x,y=b,a.
static void order2(Interface data, ptrdiff_t *a, ptrdiff_t *b, int *swaps) {
  if (LESS(data, *b, *a)) {
    (*swaps)++;
    ptrdiff_t t = *a;
    *a = *b;
    *b = t;
  }
}

// median returns x where data[x] is the median of a,b,c, where x is a, b,
// or c.
static ptrdiff_t median(Interface data, ptrdiff_t a, ptrdiff_t b, ptrdiff_t c,
                        int *swaps) {
  order2(data, &a, &b, swaps);
  order2(data, &b, &c, swaps);
  order2(data, &a, &b, swaps);
  return b;
}

// medianAdjacent finds the median of data[a - 1], data[a], data[a + 1]
// and stores the index into a.
static ptrdiff_t medianAdjacent(Interface data, ptrdiff_t a, int *swaps) {
  return median(data, a - 1, a, a + 1, swaps);
}

// choosePivot chooses a pivot in data[a:b].
//
// [0,8): chooses a static pivot.
// [8,shortestNinther): uses the simple median-of-three method.
// [shortestNinther,∞): uses the Tukey ninther method.
static ptrdiff_t choosePivot(Interface data, ptrdiff_t a, ptrdiff_t b,
                             sortedHint *hint) {
  enum {
    shortestNinther = 50,
    maxSwaps = 4 * 3,
  };

  ptrdiff_t l = b - a;

  int swaps = 0;
  ptrdiff_t i = a + l / 4 * 1;
  ptrdiff_t j = a + l / 4 * 2;
  ptrdiff_t k = a + l / 4 * 3;

  if (l >= 8) {
    if (l >= shortestNinther) {
      // Tukey ninther method, the idea came from Rust's implementation.
      i = medianAdjacent(data, i, &swaps);
      j = medianAdjacent(data, j, &swaps);
      k = medianAdjacent(data, k, &swaps);
    }
    // Find the median among i, j, k and stores it into j.
    j = median(data, i, j, k, &swaps);
  }

  switch (swaps) {
  case 0:
    *hint = increasingHint;
    return j;
  case maxSwaps:
    *hint = decreasingHint;
    return j;
  default:
    *hint = unknownHint;
    return j;
  }
}

static void reverseRange(Interface data, ptrdiff_t a, ptrdiff_t b) {
  ptrdiff_t i = a;
  ptrdiff_t j = b - 1;
  while (i < j) {
    SWAP(data, i, j);
    i++;
    j--;
  }
}

static void swapRange(Interface data, ptrdiff_t a, ptrdiff_t b, ptrdiff_t n) {
  for (ptrdiff_t i = 0; i < n; i++)
    SWAP(data, a + i, b + i);
}

static void symMerge(Interface data, ptrdiff_t a, ptrdiff_t m, ptrdiff_t b);

static void stable(Interface data, ptrdiff_t n) {
  ptrdiff_t blockSize = 20; // must be > 0
  ptrdiff_t a = 0, b = blockSize;
  while (b <= n) {
    insertionSort(data, a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(data, a, n);

  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(data, a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    ptrdiff_t m = a + blockSize;
    if (m < n)
      symMerge(data, a, m, n);
    blockSize *= 2;
  }
}

static void rotate(Interface data, ptrdiff_t a, ptrdiff_t m, ptrdiff_t b);

// symMerge merges the two sorted subsequences data[a:m] and data[m:b]
// using the SymMerge algorithm from Pok-Son Kim and Arne Kutzner,
// "Stable Minimum Storage Merging by Symmetric Comparisons", in Susanne
// Albers and Tomasz Radzik, editors, Algorithms - ESA 2004, volume 3221
// of Lecture Notes in Computer Science, pages 714-723. Springer, 2004.
static void symMerge(Interface data, ptrdiff_t a, ptrdiff_t m, ptrdiff_t b) {
  // Avoid unnecessary recursions of symMerge by direct insertion of
  // data[a] into data[m:b] if data[a:m] only contains one element.
  if (m - a == 1) {
    // Use binary search to find the lowest index i such that
    // data[i] >= data[a] for m <= i < b.  Exit the search loop with
    // i == b in case no such index exists.
    ptrdiff_t i = m;
    ptrdiff_t j = b;
    while (i < j) {
      ptrdiff_t h = (ptrdiff_t)((size_t)(i + j) >> 1);
      if (LESS(data, h, a))
        i = h + 1;
      else
        j = h;
    }
    // Swap values until data[a] reaches the position before i.
    for (ptrdiff_t k = a; k < i - 1; k++)
      SWAP(data, k, k + 1);
    return;
  }

  // Avoid unnecessary recursions of symMerge by direct insertion of
  // data[m] into data[a:m] if data[m:b] only contains one element.
  if (b - m == 1) {
    // Use binary search to find the lowest index i such that
    // data[i] > data[m] for a <= i < m.  Exit the search loop with i == m
    // in case no such index exists.
    ptrdiff_t i = a;
    ptrdiff_t j = m;
    while (i < j) {
      ptrdiff_t h = (ptrdiff_t)((size_t)(i + j) >> 1);
      if (!LESS(data, m, h))
        i = h + 1;
      else
        j = h;
    }
    // Swap values until data[m] reaches the position i.
    for (ptrdiff_t k = m; k > i; k--)
      SWAP(data, k, k - 1);
    return;
  }

  ptrdiff_t mid = (ptrdiff_t)((size_t)(a + b) >> 1);
  ptrdiff_t n = mid + m;
  ptrdiff_t start, r;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  ptrdiff_t p = n - 1;

  while (start < r) {
    ptrdiff_t c = (ptrdiff_t)((size_t)(start + r) >> 1);
    if (!LESS(data, p - c, c))
      start = c + 1;
    else
      r = c;
  }

  ptrdiff_t end = n - start;
  if (start < m && m < end)
    rotate(data, start, m, end);
  if (a < start && start < mid)
    symMerge(data, a, start, mid);
  if (mid < end && end < b)
    symMerge(data, mid, end, b);
}

// rotate rotates two consecutive blocks u = data[a:m] and v = data[m:b]
// in data: Data of the form 'x u v y' is changed to 'x v u y'.  rotate
// performs at most b-a many calls to data.Swap, and it assumes
// non-degenerate arguments: a < m && m < b.
static void rotate(Interface data, ptrdiff_t a, ptrdiff_t m, ptrdiff_t b) {
  ptrdiff_t i = m - a;
  ptrdiff_t j = b - m;

  while (i != j) {
    if (i > j) {
      swapRange(data, m - i, m, j);
      i -= j;
    } else {
      swapRange(data, m - i, m + j - i, i);
      j -= i;
    }
  }
  // i == j
  swapRange(data, m - i, m, i);
}

/* ---- sort.go ----------------------------------------------------------- */

// Sort sorts data in ascending order as determined by the Less method.
static void Sort(Interface data) {
  ptrdiff_t n = LEN(data);
  if (n <= 1)
    return;
  int limit = bits_Len((uint64_t)n);
  pdqsort(data, 0, n, limit);
}

static void Stable(Interface data) { stable(data, LEN(data)); }

static bool IsSorted(Interface data) {
  ptrdiff_t n = LEN(data);
  for (ptrdiff_t i = n - 1; i > 0; i--)
    if (LESS(data, i, i - 1))
      return false;
  return true;
}

// reverse embeds an Interface and inverts its Less.
typedef struct reverse {
  Interface Interface;
} reverse;

static ptrdiff_t reverse_Len(void *self) {
  reverse *r = self;
  return LEN(r->Interface);
}
static bool reverse_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  reverse *r = self;
  return LESS(r->Interface, j, i);
}
static void reverse_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  reverse *r = self;
  SWAP(r->Interface, i, j);
}

static Interface Reverse(sg_arena *ar, Interface data) {
  reverse *r = sg_arena_alloc(ar, sizeof *r);
  r->Interface = data;
  return (Interface){r, reverse_Len, reverse_Less, reverse_Swap};
}

/* IntSlice: the receiver is the slice itself, passed by address. */
static ptrdiff_t IntSlice_Len(void *self) { return ((ints *)self)->len; }
static bool IntSlice_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  ints x = *(ints *)self;
  return ints_get(x, i) < ints_get(x, j);
}
static void IntSlice_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  ints x = *(ints *)self;
  ptrdiff_t t = ints_get(x, i);
  ints_set(x, i, ints_get(x, j));
  ints_set(x, j, t);
}
static Interface IntSlice(ints *x) {
  return (Interface){x, IntSlice_Len, IntSlice_Less, IntSlice_Swap};
}

static ptrdiff_t StringSlice_Len(void *self) { return ((strs *)self)->len; }
static bool StringSlice_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  strs x = *(strs *)self;
  return sg_str_cmp(strs_get(x, i), strs_get(x, j)) < 0;
}
static void StringSlice_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  strs x = *(strs *)self;
  sg_str t = strs_get(x, i);
  strs_set(x, i, strs_get(x, j));
  strs_set(x, j, t);
}
static Interface StringSlice(strs *x) {
  return (Interface){x, StringSlice_Len, StringSlice_Less, StringSlice_Swap};
}

static bool IntsAreSorted(ints x) { return IsSorted(IntSlice(&x)); }
static void Strings(strs x) { Sort(StringSlice(&x)); }
static bool StringsAreSorted(strs x) { return IsSorted(StringSlice(&x)); }

/* ---- search.go --------------------------------------------------------- */

// Search uses binary search to find and return the smallest index i in
// [0, n) at which f(i) is true.  The closure is f with its context.
static ptrdiff_t Search(ptrdiff_t n, bool (*f)(const void *ctx, ptrdiff_t),
                        const void *ctx) {
  // Define f(-1) == false and f(n) == true.
  // Invariant: f(i-1) == false, f(j) == true.
  ptrdiff_t i = 0, j = n;
  while (i < j) {
    ptrdiff_t h = (ptrdiff_t)((size_t)(i + j) >> 1); // avoid overflow
    // i ≤ h < j
    if (!f(ctx, h))
      i = h + 1; // preserves f(i-1) == false
    else
      j = h; // preserves f(j) == true
  }
  // i == j, f(i-1) == false, and f(j) (= f(i)) == true  =>  answer is i.
  return i;
}

typedef struct intsAtLeast {
  ints a;
  ptrdiff_t x;
} intsAtLeast;

static bool intsAtLeast_f(const void *ctx, ptrdiff_t i) {
  const intsAtLeast *c = ctx;
  return ints_get(c->a, i) >= c->x;
}

static ptrdiff_t SearchInts(ints a, ptrdiff_t x) {
  intsAtLeast c = {a, x};
  return Search(a.len, intsAtLeast_f, &c);
}

typedef struct strsAtLeast {
  strs a;
  sg_str x;
} strsAtLeast;

static bool strsAtLeast_f(const void *ctx, ptrdiff_t i) {
  const strsAtLeast *c = ctx;
  return sg_str_cmp(strs_get(c->a, i), c->x) >= 0;
}

static ptrdiff_t SearchStrings(strs a, sg_str x) {
  strsAtLeast c = {a, x};
  return Search(a.len, strsAtLeast_f, &c);
}

/* ---- the program ------------------------------------------------------- */

typedef struct counting {
  Interface Interface;
  int less, swap;
} counting;

static ptrdiff_t counting_Len(void *self) {
  counting *c = self;
  return LEN(c->Interface);
}
static bool counting_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  counting *c = self;
  c->less++;
  return LESS(c->Interface, i, j);
}
static void counting_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  counting *c = self;
  c->swap++;
  SWAP(c->Interface, i, j);
}
static Interface counting_iface(counting *c) {
  return (Interface){c, counting_Len, counting_Less, counting_Swap};
}

typedef struct person {
  sg_str name;
  ptrdiff_t age;
} person;

#define SG_SLICE people
#define SG_ELEM person
#include <sliceguard/slice.h>

static ptrdiff_t byAge_Len(void *self) { return ((people *)self)->len; }
static bool byAge_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  people a = *(people *)self;
  return people_get(a, i).age < people_get(a, j).age;
}
static void byAge_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  people a = *(people *)self;
  person t = people_get(a, i);
  people_set(a, i, people_get(a, j));
  people_set(a, j, t);
}
static Interface byAge(people *a) {
  return (Interface){a, byAge_Len, byAge_Less, byAge_Swap};
}

// adversary is McIlroy's quicksort killer, as in sort's own tests: elements
// start as "gas" (above everything) and get frozen as Less meets them, so
// that every pivot is bad and pdqsort must fall back to heapsort.
typedef struct adversary {
  ints data;
  ptrdiff_t ncmp, nsolid, candidate, gas;
} adversary;

static ptrdiff_t adversary_Len(void *self) {
  return ((adversary *)self)->data.len;
}
static bool adversary_Less(void *self, ptrdiff_t i, ptrdiff_t j) {
  adversary *d = self;
  d->ncmp++;
  if (ints_get(d->data, i) == d->gas && ints_get(d->data, j) == d->gas) {
    if (i == d->candidate)
      ints_set(d->data, i, d->nsolid);
    else
      ints_set(d->data, j, d->nsolid);
    d->nsolid++;
  }
  if (ints_get(d->data, i) == d->gas)
    d->candidate = i;
  else if (ints_get(d->data, j) == d->gas)
    d->candidate = j;
  return ints_get(d->data, i) < ints_get(d->data, j);
}
static void adversary_Swap(void *self, ptrdiff_t i, ptrdiff_t j) {
  adversary *d = self;
  ptrdiff_t t = ints_get(d->data, i);
  ints_set(d->data, i, ints_get(d->data, j));
  ints_set(d->data, j, t);
}

static void adversaries(sg_arena *ar) {
  static const ptrdiff_t sizes[] = {100, 3000};
  for (int k = 0; k < 2; k++) {
    ptrdiff_t size = sizes[k];
    adversary d = {ints_make(ar, size, size), 0, 0, 0, size - 1};
    for (ptrdiff_t i = 0; i < d.data.len; i++)
      ints_set(d.data, i, d.gas);
    Sort((Interface){&d, adversary_Len, adversary_Less, adversary_Swap});
    bool ok = true;
    for (ptrdiff_t i = 0; i < d.data.len; i++)
      if (ints_get(d.data, i) != i)
        ok = false;
    printf("adversary%ld: cmp=%ld solid=%ld sorted=%s\n", (long)size,
           (long)d.ncmp, (long)d.nsolid, ok ? "true" : "false");
  }
}

static uint32_t seed = 12345;

static ptrdiff_t rnd(ptrdiff_t n) {
  seed = seed * 1103515245u + 12345u;
  return (ptrdiff_t)((seed >> 8) % (uint32_t)n);
}

static ptrdiff_t checksum(ints x) {
  ptrdiff_t h = 0;
  for (ptrdiff_t i = 0; i < x.len; i++)
    h = (h * 31 + ints_get(x, i) * (i + 1)) % 1000000007;
  return h;
}

static void sortInts(const char *tag, ints x) {
  counting c = {IntSlice(&x), 0, 0};
  Sort(counting_iface(&c));
  printf("%s: n=%d less=%d swap=%d sorted=%s sum=%ld", tag, (int)x.len, c.less,
         c.swap, IntsAreSorted(x) ? "true" : "false", (long)checksum(x));
  if (x.len > 0)
    printf(" min=%ld max=%ld", (long)ints_get(x, 0),
           (long)ints_get(x, x.len - 1));
  printf("\n");
}

static void printPeople(people ps) {
  for (ptrdiff_t i = 0; i < ps.len; i++) {
    person p = people_get(ps, i);
    printf("%.*s:%ld ", (int)p.name.len, p.name.ptr, (long)p.age);
    if (i % 8 == 7)
      printf("\n");
  }
}

static void printWords(const char *tag, strs words) {
  printf("%s [", tag);
  for (ptrdiff_t i = 0; i < words.len; i++) {
    sg_str w = strs_get(words, i);
    printf("%s%.*s", i ? " " : "", (int)w.len, w.ptr);
  }
  printf("]");
}

static void records(sg_arena *ar) {
  // Records with equal keys: the unstable order is pdqsort's own.
  static const char *const names[] = {"ann", "bob", "cid", "dee", "eve", "fay",
                                      "gus", "hal", "ivy", "jon", "kim", "lee",
                                      "max", "ned", "oli", "pam"};
  people ps = {0};
  for (int i = 0; i < 64; i++) {
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%s%d", names[i % 16], i);
    char *name = sg_arena_alloc(ar, (size_t)n);
    memcpy(name, buf, (size_t)n);
    ps = people_append(ar, ps, (person){sg_str_make(name, n), rnd(9) * 10});
  }
  people unstable = people_extend(ar, (people){0}, ps);
  counting c = {byAge(&unstable), 0, 0};
  Sort(counting_iface(&c));
  printf("byAge: less=%d swap=%d\n", c.less, c.swap);
  printPeople(unstable);
  people stab = people_extend(ar, (people){0}, ps);
  c = (counting){byAge(&stab), 0, 0};
  Stable(counting_iface(&c));
  printf("stable byAge: less=%d swap=%d\n", c.less, c.swap);
  printPeople(stab);
}

static bool cube_f(const void *ctx, ptrdiff_t i) {
  (void)ctx;
  return i * i * i >= 500000;
}

static bool always(const void *ctx, ptrdiff_t i) {
  (void)ctx;
  (void)i;
  return true;
}

static void searches(sg_arena *ar, strs words) {
  // Search: the first index where f is true.
  ints sorted = {0};
  for (int i = 0; i < 100; i++)
    sorted = ints_append(ar, sorted, i * 3);
  static const ptrdiff_t probes[] = {-5, 0, 1, 3, 150, 151, 297, 298, 1000};
  for (int k = 0; k < 9; k++) {
    ptrdiff_t v = probes[k];
    ptrdiff_t i = SearchInts(sorted, v);
    bool found = i < sorted.len && ints_get(sorted, i) == v;
    printf("search %ld -> %ld %s\n", (long)v, (long)i,
           found ? "true" : "false");
  }
  printf("search strings: %ld %ld %ld\n",
         (long)SearchStrings(words, SG_STR("apple")),
         (long)SearchStrings(words, SG_STR("coconut")),
         (long)SearchStrings(words, SG_STR("zzz")));
  printf("search empty: %ld\n", (long)Search(0, always, NULL));
  printf("search cube: %ld\n", (long)Search(1000, cube_f, NULL));
}

int main(void) {
  sg_arena *ar = sg_arena_new();
  sortInts("nil", (ints){0});
  sortInts("one", ints_append(ar, (ints){0}, 7));
  static const ptrdiff_t small[] = {5, 2, 9, 1, 5, 6, 0, 3};
  sortInts("small", ints_append_n(ar, (ints){0}, small, 8));
  ints x = {0};
  for (int i = 0; i < 1000; i++)
    x = ints_append(ar, x, rnd(10000));
  sortInts("random1000", x);
  sortInts("sorted1000", x);
  for (ptrdiff_t i = 0, j = x.len - 1; i < j; i++, j--) {
    ptrdiff_t t = ints_get(x, i);
    ints_set(x, i, ints_get(x, j));
    ints_set(x, j, t);
  }
  sortInts("reversed1000", x);
  ints eq = ints_make(ar, 500, 500);
  for (ptrdiff_t i = 0; i < eq.len; i++)
    ints_set(eq, i, 42);
  sortInts("equal500", eq);
  ints saw = {0};
  for (int i = 0; i < 2000; i++)
    saw = ints_append(ar, saw, i % 37);
  sortInts("sawtooth2000", saw);
  ints organ = {0};
  for (int i = 0; i < 300; i++)
    organ = ints_append(ar, organ, i);
  for (int i = 300; i > 0; i--)
    organ = ints_append(ar, organ, i);
  sortInts("organpipe600", organ);
  ints nearly = ints_make(ar, 400, 400);
  for (ptrdiff_t i = 0; i < nearly.len; i++)
    ints_set(nearly, i, i);
  ints_set(nearly, 10, 300);
  ints_set(nearly, 300, 10);
  ints_set(nearly, 50, 51);
  ints_set(nearly, 51, 50);
  sortInts("nearly400", nearly);
  ints few = {0};
  for (int i = 0; i < 777; i++)
    few = ints_append(ar, few, rnd(4));
  sortInts("fewvalues777", few);

  adversaries(ar);
  records(ar);

  // Reverse, strings.
  static const char *const w[] = {"pear",   "apple", "fig",   "banana", "kiwi",
                                  "cherry", "date",  "apple", "grape",  "lime",
                                  "mango",  "nut",   "olive", "quince"};
  strs words = strs_make(ar, 0, 14);
  for (int i = 0; i < 14; i++)
    words = strs_append(ar, words, sg_str_from(w[i]));
  Sort(Reverse(ar, StringSlice(&words)));
  printWords("reverse:", words);
  printf("\n");
  Strings(words);
  printWords("strings:", words);
  printf(" %s\n", StringsAreSorted(words) ? "true" : "false");

  searches(ar, words);
  sg_arena_free(ar);
  return 0;
}
