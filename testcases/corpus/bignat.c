// A port of math/big's natural numbers and the Int operations over them
// (Go 1.19, src/math/big/nat.go, arith.go, natdiv.go, natconv.go, int.go,
// intconv.go): nat.make's reuse of capacity, norm, set, add, sub, cmp,
// mulAddWW, basicMul, karatsuba (with karatsubaAdd/Sub and addAt over
// views of one scratch array), sqr and basicSqr, alias, mulRange, divW,
// and itoa (its power-of-two path and convertWords' divW loop; the
// divisor-table path for numbers above leafSize = 8 words is not ported,
// so main prints those in hexadecimal).  The word kernels are arith.go's
// pure-Go versions (addVV_g, ...).  Int.Add, Sub, Mul, MulRange, Cmp, Set,
// SetInt64, SetUint64, BitLen and Text sit on top.  The Go original of
// main is bignat.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/bignat.go > %t.go.out
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

typedef uint64_t Word;
__extension__ typedef unsigned __int128 u128;

#define SG_SLICE nat
#define SG_ELEM Word
#include <sliceguard/slice.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

enum { _W = 64 };
#define _M (~(Word)0)

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* The one arena every nat lives in, as Go's heap. */
static sg_arena *heap;

/* ---- math/bits --------------------------------------------------------- */

static Word bits_Add(Word x, Word y, Word carry, Word *carryOut) {
  Word sum = x + y + carry;
  *carryOut = ((x & y) | ((x | y) & ~sum)) >> 63;
  return sum;
}

static Word bits_Sub(Word x, Word y, Word borrow, Word *borrowOut) {
  Word diff = x - y - borrow;
  *borrowOut = ((~x & y) | (~(x ^ y) & diff)) >> 63;
  return diff;
}

static Word bits_Mul(Word x, Word y, Word *lo) {
  u128 p = (u128)x * y;
  *lo = (Word)p;
  return (Word)(p >> 64);
}

/* bits.Div: (hi, lo) / y with hi < y. */
static Word bits_Div(Word hi, Word lo, Word y, Word *rem) {
  if (y == 0 || y <= hi)
    go_panic("integer overflow");
  u128 n = ((u128)hi << 64) | lo;
  *rem = (Word)(n % y);
  return (Word)(n / y);
}

static int bits_Len(Word x) { return x == 0 ? 0 : 64 - __builtin_clzll(x); }

static unsigned nlz(Word x) {
  return x == 0 ? 64 : (unsigned)__builtin_clzll(x);
}

static int bits_TrailingZeros(Word x) {
  return x == 0 ? 64 : __builtin_ctzll(x);
}

/* ---- arith.go: the pure-Go word kernels -------------------------------- */

// z1<<_W + z0 = x*y + c
static Word mulAddWWW_g(Word x, Word y, Word c, Word *z0) {
  Word lo;
  Word hi = bits_Mul(x, y, &lo);
  Word cc;
  lo = bits_Add(lo, c, 0, &cc);
  *z0 = lo;
  return hi + cc;
}

// z1<<_W + z0 = x*y
static Word mulWW(Word x, Word y, Word *z0) { return bits_Mul(x, y, z0); }

// The resulting carry c is either 0 or 1.
static Word addVV(nat z, nat x, nat y) {
  Word c = 0;
  for (ptrdiff_t i = 0; i < z.len && i < x.len && i < y.len; i++) {
    Word cc;
    Word zi = bits_Add(nat_get(x, i), nat_get(y, i), c, &cc);
    nat_set(z, i, zi);
    c = cc;
  }
  return c;
}

// The resulting carry c is either 0 or 1.
static Word subVV(nat z, nat x, nat y) {
  Word c = 0;
  for (ptrdiff_t i = 0; i < z.len && i < x.len && i < y.len; i++) {
    Word cc;
    Word zi = bits_Sub(nat_get(x, i), nat_get(y, i), c, &cc);
    nat_set(z, i, zi);
    c = cc;
  }
  return c;
}

// The resulting carry c is either 0 or 1.
static Word addVW(nat z, nat x, Word y) {
  Word c = y;
  for (ptrdiff_t i = 0; i < z.len && i < x.len; i++) {
    Word cc;
    Word zi = bits_Add(nat_get(x, i), c, 0, &cc);
    nat_set(z, i, zi);
    c = cc;
  }
  return c;
}

static Word subVW(nat z, nat x, Word y) {
  Word c = y;
  for (ptrdiff_t i = 0; i < z.len && i < x.len; i++) {
    Word cc;
    Word zi = bits_Sub(nat_get(x, i), c, 0, &cc);
    nat_set(z, i, zi);
    c = cc;
  }
  return c;
}

static Word shlVU(nat z, nat x, unsigned s) {
  if (s == 0) {
    nat_copy(z, x);
    return 0;
  }
  if (z.len == 0)
    return 0;
  s &= _W - 1; // hint to the compiler that shifts by s don't need guard
  unsigned sh = _W - s;
  sh &= _W - 1; // ditto
  Word c = nat_get(x, z.len - 1) >> sh;
  for (ptrdiff_t i = z.len - 1; i > 0; i--)
    nat_set(z, i, nat_get(x, i) << s | nat_get(x, i - 1) >> sh);
  nat_set(z, 0, nat_get(x, 0) << s);
  return c;
}

static Word mulAddVWW(nat z, nat x, Word y, Word r) {
  Word c = r;
  for (ptrdiff_t i = 0; i < z.len && i < x.len; i++) {
    Word zi;
    c = mulAddWWW_g(nat_get(x, i), y, c, &zi);
    nat_set(z, i, zi);
  }
  return c;
}

static Word addMulVVW(nat z, nat x, Word y) {
  Word c = 0;
  for (ptrdiff_t i = 0; i < z.len && i < x.len; i++) {
    Word z0;
    Word z1 = mulAddWWW_g(nat_get(x, i), y, nat_get(z, i), &z0);
    Word cc;
    Word lo = bits_Add(z0, c, 0, &cc);
    c = cc;
    nat_set(z, i, lo);
    c += z1;
  }
  return c;
}

// reciprocalWord return the reciprocal of the divisor.  rec = floor(( _B^2
// - 1 ) / u - _B).  u = d1 << nlz(d1).
static Word reciprocalWord(Word d1) {
  Word u = d1 << nlz(d1);
  Word x1 = ~u;
  Word x0 = _M;
  Word rem;
  return bits_Div(x1, x0, u, &rem); // (_B^2-1)/U-_B = (_B*(_M-C)+_M)/U
}

// q = ( x1 << _W + x0 - r)/y.  m = floor(( _B^2 - 1 ) / d - _B).
// Requires x1 < y.
static Word divWW(Word x1, Word x0, Word y, Word m, Word *r) {
  unsigned s = nlz(y);
  if (s != 0) {
    x1 = x1 << s | x0 >> (_W - s);
    x0 <<= s;
    y <<= s;
  }
  Word d = y;
  // We know that
  //   m = ⎣(B^2-1)/d⎦-B
  // so
  //   m+B = ⎣(B^2-1)/d⎦
  //   ...
  Word t0;
  Word t1 = bits_Mul(m, x1, &t0);
  Word c, ignore;
  bits_Add(t0, x0, 0, &c);
  t1 = bits_Add(t1, x1, c, &ignore);
  // The quotient is either t1, t1+1, or t1+2.
  // We'll try t1 and adjust if needed.
  Word qq = t1;
  // compute remainder r=x-d*q.
  Word dq0;
  Word dq1 = bits_Mul(d, qq, &dq0);
  Word b;
  Word r0 = bits_Sub(x0, dq0, 0, &b);
  Word r1 = bits_Sub(x1, dq1, b, &ignore);
  // The remainder we just computed is bounded above by B+d:
  // r = x1*B + x0 - d*q.
  //   = x1*B + x0 - d*⎣(x1*m+x1*B+x0)/B⎦
  //   ...
  if (r1 != 0) {
    qq++;
    r0 -= d;
  }
  if (r0 >= d) {
    qq++;
    r0 -= d;
  }
  *r = r0 >> s;
  return qq;
}

// divWVW overwrites z with ⌊x/y⌋, returning the remainder r.  The caller
// must ensure that len(z) = len(x).
static Word divWVW(nat z, Word xn, nat x, Word y) {
  Word r = xn;
  if (x.len == 1) {
    Word rr;
    Word qq = bits_Div(r, nat_get(x, 0), y, &rr);
    nat_set(z, 0, qq);
    return rr;
  }
  Word rec = reciprocalWord(y);
  for (ptrdiff_t i = z.len - 1; i >= 0; i--) {
    Word q = divWW(r, nat_get(x, i), y, rec, &r);
    nat_set(z, i, q);
  }
  return r;
}

/* ---- nat.go ------------------------------------------------------------ */

static void nat_clear(nat z) {
  for (ptrdiff_t i = 0; i < z.len; i++)
    nat_set(z, i, 0);
}

static nat nat_norm(nat z) {
  ptrdiff_t i = z.len;
  while (i > 0 && nat_get(z, i - 1) == 0)
    i--;
  return nat_slice(z, 0, i);
}

static nat nat_make_(nat z, ptrdiff_t n) {
  if (n <= z.cap)
    return nat_slice(z, 0, n); // reuse z
  if (n == 1)
    // Most nats start small and stay that way; don't over-allocate.
    return nat_make(heap, 1, 1);
  // Choosing a good value for e has significant performance impact
  // because it increases the chance that a value can be reused.
  enum { e = 4 }; // extra capacity
  return nat_make(heap, n, n + e);
}

static nat nat_setWord(nat z, Word x) {
  if (x == 0)
    return nat_slice(z, 0, 0);
  z = nat_make_(z, 1);
  nat_set(z, 0, x);
  return z;
}

static nat nat_setUint64(nat z, uint64_t x) {
  // single-word value (Word is 64 bits)
  return nat_setWord(z, (Word)x);
}

static nat nat_set_(nat z, nat x) {
  z = nat_make_(z, x.len);
  nat_copy(z, x);
  return z;
}

static nat nat_add(nat z, nat x, nat y) {
  ptrdiff_t m = x.len;
  ptrdiff_t n = y.len;

  if (m < n)
    return nat_add(z, y, x);
  if (m == 0)
    // n == 0 because m >= n; result is 0
    return nat_slice(z, 0, 0);
  if (n == 0)
    // result is x
    return nat_set_(z, x);
  // m > 0

  z = nat_make_(z, m + 1);
  Word c = addVV(nat_slice(z, 0, n), x, y);
  if (m > n)
    c = addVW(nat_slice(z, n, m), nat_slice(x, n, x.len), c);
  nat_set(z, m, c);

  return nat_norm(z);
}

static nat nat_sub(nat z, nat x, nat y) {
  ptrdiff_t m = x.len;
  ptrdiff_t n = y.len;

  if (m < n)
    go_panic("underflow");
  if (m == 0)
    // n == 0 because m >= n; result is 0
    return nat_slice(z, 0, 0);
  if (n == 0)
    // result is x
    return nat_set_(z, x);
  // m > 0

  z = nat_make_(z, m);
  Word c = subVV(nat_slice(z, 0, n), x, y);
  if (m > n)
    c = subVW(nat_slice(z, n, z.len), nat_slice(x, n, x.len), c);
  if (c != 0)
    go_panic("underflow");

  return nat_norm(z);
}

static int nat_cmp(nat x, nat y) {
  ptrdiff_t m = x.len;
  ptrdiff_t n = y.len;
  int r = 0;
  if (m != n || m == 0) {
    if (m < n)
      r = -1;
    else if (m > n)
      r = 1;
    return r;
  }

  ptrdiff_t i = m - 1;
  while (i > 0 && nat_get(x, i) == nat_get(y, i))
    i--;

  if (nat_get(x, i) < nat_get(y, i))
    r = -1;
  else if (nat_get(x, i) > nat_get(y, i))
    r = 1;
  return r;
}

static nat nat_mulAddWW(nat z, nat x, Word y, Word r) {
  ptrdiff_t m = x.len;
  if (m == 0 || y == 0)
    return nat_setWord(z, r); // result is r
  // m > 0

  z = nat_make_(z, m + 1);
  nat_set(z, m, mulAddVWW(nat_slice(z, 0, m), x, y, r));

  return nat_norm(z);
}

// basicMul multiplies x and y and leaves the result in z.  The (non-normalized)
// result is placed in z[0 : len(x) + len(y)].
static void basicMul(nat z, nat x, nat y) {
  nat_clear(nat_slice(z, 0, x.len + y.len)); // initialize z
  for (ptrdiff_t i = 0; i < y.len; i++) {
    Word d = nat_get(y, i);
    if (d != 0)
      nat_set(z, x.len + i, addMulVVW(nat_slice(z, i, i + x.len), x, d));
  }
}

// Operands that are shorter than karatsubaThreshold are multiplied using
// "grade school" multiplication; for longer operands the Karatsuba
// algorithm is used.
static ptrdiff_t karatsubaThreshold = 40; // computed by calibrate_test.go

// karatsubaAdd adds z1 = x to z0 = z for z = z1*b^(n/2) + z0.
static void karatsubaAdd(nat z, nat x, ptrdiff_t n) {
  Word c = addVV(nat_slice(z, 0, n), z, x);
  if (c != 0)
    addVW(nat_slice(z, n, n + (n >> 1)), nat_slice(z, n, z.len), c);
}

// Like karatsubaAdd, but does subtract.
static void karatsubaSub(nat z, nat x, ptrdiff_t n) {
  Word c = subVV(nat_slice(z, 0, n), z, x);
  if (c != 0)
    subVW(nat_slice(z, n, n + (n >> 1)), nat_slice(z, n, z.len), c);
}

// karatsuba multiplies x and y and leaves the result in z.  Both x and y
// must have the same length n and n must be a power of 2.  The result
// vector z must have len(z) >= 6*n.  The (non-normalized) result is placed
// in z[0 : 2*n].
static void karatsuba(nat z, nat x, nat y) {
  ptrdiff_t n = y.len;

  // Switch to basic multiplication if numbers are odd or small.  (n is
  // always even if karatsubaThreshold is even, but be conservative)
  if ((n & 1) != 0 || n < karatsubaThreshold || n < 2) {
    basicMul(z, x, y);
    return;
  }
  // n&1 == 0 && n >= karatsubaThreshold && n >= 2

  // Karatsuba multiplication is based on the observation that for two
  // numbers x and y with:
  //
  //   x = x1*b + x0
  //   y = y1*b + y0
  //
  // the product x*y can be obtained with 3 products z2, z1, z0 instead of
  // 4: xd*yd with xd = x1 - x0, yd = y0 - y1.

  // split x, y into "digits"
  ptrdiff_t n2 = n >> 1;                                      // n2 >= 1
  nat x1 = nat_slice(x, n2, x.len), x0 = nat_slice(x, 0, n2); // x = x1*b + y0
  nat y1 = nat_slice(y, n2, y.len), y0 = nat_slice(y, 0, n2); // y = y1*b + y0

  // z is used for the result and temporary storage:
  //
  //   6*n     5*n     4*n     3*n     2*n     1*n     0*n
  // z = [z2 copy|z0 copy| xd*yd | yd:xd | x1*y1 | x0*y0 ]
  //
  // For each recursive call of karatsuba, an unused slice of z is passed
  // in that has (at least) half the length of the caller's z.

  // compute z0 and z2 with the result "in place" in z
  karatsuba(z, x0, y0);                      // z0 = x0*y0
  karatsuba(nat_slice(z, n, z.len), x1, y1); // z2 = x1*y1

  // compute xd (or the negative value if underflow occurs)
  int s = 1; // sign of product xd*yd
  nat xd = nat_slice(z, 2 * n, 2 * n + n2);
  if (subVV(xd, x1, x0) != 0) { // x1-x0
    s = -s;
    subVV(xd, x0, x1); // x0-x1
  }

  // compute yd (or the negative value if underflow occurs)
  nat yd = nat_slice(z, 2 * n + n2, 3 * n);
  if (subVV(yd, y0, y1) != 0) { // y0-y1
    s = -s;
    subVV(yd, y1, y0); // y1-y0
  }

  // p = (x1-x0)*(y0-y1) == x1*y0 - x1*y1 - x0*y0 + x0*y1 for s > 0
  // p = (x0-x1)*(y0-y1) == x0*y0 - x0*y1 - x1*y0 + x1*y1 for s < 0
  nat p = nat_slice(z, n * 3, z.len);
  karatsuba(p, xd, yd);

  // save original z2:z0
  // (ok to use upper half of z since we're done recurring)
  nat r = nat_slice(z, n * 4, z.len);
  nat_copy(r, nat_slice(z, 0, n * 2));

  // add up all partial products
  //
  //   2*n     n     0
  // z = [ z2  | z0  ]
  //   +    [ z0  ]
  //   +    [ z2  ]
  //   +    [  p  ]
  //
  karatsubaAdd(nat_slice(z, n2, z.len), r, n);
  karatsubaAdd(nat_slice(z, n2, z.len), nat_slice(r, n, r.len), n);
  if (s > 0)
    karatsubaAdd(nat_slice(z, n2, z.len), p, n);
  else
    karatsubaSub(nat_slice(z, n2, z.len), p, n);
}

// alias reports whether x and y share the same base array.  Note: alias
// assumes that the capacity of underlying arrays is never changed for nat
// values; i.e. that there are no 3-operand slice expressions in this code
// (or worse, reflect-based operations to the same effect).
static bool alias(nat x, nat y) {
  return x.cap > 0 && y.cap > 0 &&
         nat_at(nat_slice(x, 0, x.cap), x.cap - 1) ==
             nat_at(nat_slice(y, 0, y.cap), y.cap - 1);
}

// addAt implements z += x<<(_W*i); z must be long enough.  (we don't use
// nat.add because we need z to stay the same slice, and we don't need to
// normalize z after each addition)
static void addAt(nat z, nat x, ptrdiff_t i) {
  ptrdiff_t n = x.len;
  if (n > 0) {
    Word c = addVV(nat_slice(z, i, i + n), nat_slice(z, i, z.len), x);
    if (c != 0) {
      ptrdiff_t j = i + n;
      if (j < z.len)
        addVW(nat_slice(z, j, z.len), nat_slice(z, j, z.len), c);
    }
  }
}

static ptrdiff_t max(ptrdiff_t x, ptrdiff_t y) { return x > y ? x : y; }

// karatsubaLen computes an approximation to the maximum k <= n such that
// k = p<<i for a number p <= threshold and an i >= 0.  Thus, the result
// is the largest number that can be divided repeatedly by 2 before
// becoming about the value of threshold.
static ptrdiff_t karatsubaLen(ptrdiff_t n, ptrdiff_t threshold) {
  unsigned i = 0;
  while (n > threshold) {
    n >>= 1;
    i++;
  }
  return n << i;
}

/* natPool: sync.Pool's reuse of scratch nats, as a small free list. */
enum { natPoolSize = 8 };
static nat *natPool[natPoolSize];
static int natPoolLen;

static nat *getNat(ptrdiff_t n) {
  nat *z = NULL;
  if (natPoolLen > 0)
    z = natPool[--natPoolLen];
  if (z == NULL)
    z = sg_arena_alloc(heap, sizeof *z);
  *z = nat_make_(*z, n);
  return z;
}

static void putNat(nat *x) {
  if (natPoolLen < natPoolSize)
    natPool[natPoolLen++] = x;
}

static nat nat_mul(nat z, nat x, nat y) {
  ptrdiff_t m = x.len;
  ptrdiff_t n = y.len;

  if (m < n)
    return nat_mul(z, y, x);
  if (m == 0 || n == 0)
    return nat_slice(z, 0, 0);
  if (n == 1)
    return nat_mulAddWW(z, x, nat_get(y, 0), 0);
  // m >= n > 1

  // determine if z can be reused
  if (alias(z, x) || alias(z, y))
    z = (nat){0}; // z is an alias for x or y - cannot reuse

  // use basic multiplication if the numbers are small
  if (n < karatsubaThreshold) {
    z = nat_make_(z, m + n);
    basicMul(z, x, y);
    return nat_norm(z);
  }
  // m >= n && n >= karatsubaThreshold && n >= 2

  // determine Karatsuba length k such that
  //
  //   x = xh*b + x0  (0 <= x0 < b)
  //   y = yh*b + y0  (0 <= y0 < b)
  //   b = 1<<(_W*k)  ("base" of digits xi, yi)
  //
  ptrdiff_t k = karatsubaLen(n, karatsubaThreshold);
  // k <= n

  // multiply x0 and y0 via Karatsuba
  nat x0 = nat_slice(x, 0, k);         // x0 is not normalized
  nat y0 = nat_slice(y, 0, k);         // y0 is not normalized
  z = nat_make_(z, max(6 * k, m + n)); // enough space for karatsuba of
                                       // x0*y0 and full result of x*y
  karatsuba(z, x0, y0);
  z = nat_slice(z, 0, m + n);            // z has final length but may be
                                         // incomplete
  nat_clear(nat_slice(z, 2 * k, z.len)); // upper portion of z is garbage
                                         // (and 2*k <= m+n since k <= n
                                         // <= m)

  // If xh != 0 or yh != 0, add the missing terms to z.  For
  //
  //   xh = xi*b^i + ... + x2*b^2 + x1*b (0 <= xi < b)
  //   yh =                         y1*b (0 <= y1 < b)
  //
  // the missing terms are
  //
  //   x0*y1*b and xi*y0*b^i, xi*y1*b^(i+1) for i > 0
  //
  // since all the yi for i > 1 are 0 by choice of k: If any of them were
  // > 0, then yh >= b^2 and thus y >= b^2.  Then k' = k*2 would be a
  // larger Karatsuba length, contradicting the choice of k.
  if (k < n || m != n) {
    nat *tp = getNat(3 * k);
    nat t = *tp;

    // add x0*y1*b
    nat x0n = nat_norm(x0);
    nat y1 = nat_slice(y, k, y.len); // y1 is normalized because y is
    t = nat_mul(t, x0n, y1);         // update t so we don't lose t's
                                     // underlying array
    addAt(z, t, k);

    // add xi*y0<<i, xi*y1*b<<(i+k)
    nat y0n = nat_norm(y0);
    for (ptrdiff_t i = k; i < x.len; i += k) {
      nat xi = nat_slice(x, i, x.len);
      if (xi.len > k)
        xi = nat_slice(xi, 0, k);
      xi = nat_norm(xi);
      t = nat_mul(t, xi, y0n);
      addAt(z, t, i);
      t = nat_mul(t, xi, y1);
      addAt(z, t, i + k);
    }

    *tp = t;
    putNat(tp);
  }

  return nat_norm(z);
}

// basicSqr sets z = x*x and is asymptotically faster than basicMul by
// about a factor of 2, but slower for small arguments due to overhead.
// Requirements: len(x) > 0, len(z) == 2*len(x)
// The (non-normalized) result is placed in z.
static void basicSqr(nat z, nat x) {
  ptrdiff_t n = x.len;
  nat *tp = getNat(2 * n);
  nat t = *tp; // temporary variable to hold the products
  nat_clear(t);
  Word lo;
  Word hi = mulWW(nat_get(x, 0), nat_get(x, 0), &lo); // the initial square
  nat_set(z, 1, hi);
  nat_set(z, 0, lo);
  for (ptrdiff_t i = 1; i < n; i++) {
    Word d = nat_get(x, i);
    // z collects the squares x[i] * x[i]
    hi = mulWW(d, d, &lo);
    nat_set(z, 2 * i + 1, hi);
    nat_set(z, 2 * i, lo);
    // t collects the products x[i] * x[j] where j < i
    nat_set(t, 2 * i, addMulVVW(nat_slice(t, i, 2 * i), nat_slice(x, 0, i), d));
  }
  nat_set(t, 2 * n - 1,
          shlVU(nat_slice(t, 1, 2 * n - 1), nat_slice(t, 1, 2 * n - 1),
                1)); // double the j < i products
  addVV(z, z, t);    // combine the result
  putNat(tp);
}

// Operands that are shorter than basicSqrThreshold are squared using
// "grade school" multiplication; for operands longer than
// karatsubaSqrThreshold we use the Karatsuba algorithm optimized for
// x == y.
static ptrdiff_t basicSqrThreshold = 20;      // computed by calibrate_test.go
static ptrdiff_t karatsubaSqrThreshold = 260; // computed by calibrate_test.go

// z = x*x
static nat nat_sqr(nat z, nat x) {
  ptrdiff_t n = x.len;
  if (n == 0)
    return nat_slice(z, 0, 0);
  if (n == 1) {
    Word d = nat_get(x, 0);
    z = nat_make_(z, 2);
    Word lo;
    Word hi = mulWW(d, d, &lo);
    nat_set(z, 1, hi);
    nat_set(z, 0, lo);
    return nat_norm(z);
  }

  if (alias(z, x))
    z = (nat){0}; // z is an alias for x - cannot reuse

  if (n < basicSqrThreshold) {
    z = nat_make_(z, 2 * n);
    basicMul(z, x, x);
    return nat_norm(z);
  }
  if (n < karatsubaSqrThreshold) {
    z = nat_make_(z, 2 * n);
    basicSqr(z, x);
    return nat_norm(z);
  }
  /* karatsubaSqr (for 260+ words) is not ported; main stays below it. */
  go_panic("karatsubaSqr not ported");
  return z;
}

// mulRange computes the product of all the unsigned integers in the range
// [a, b] inclusively.  If a > b (empty range), the result is 1.
static nat nat_mulRange(nat z, uint64_t a, uint64_t b) {
  if (a == 0)
    // cut long ranges short (optimization)
    return nat_setUint64(z, 0);
  if (a > b)
    return nat_setUint64(z, 1);
  if (a == b)
    return nat_setUint64(z, a);
  if (a + 1 == b)
    return nat_mul(z, nat_setUint64((nat){0}, a), nat_setUint64((nat){0}, b));
  uint64_t m = (a + b) / 2;
  return nat_mul(z, nat_mulRange((nat){0}, a, m),
                 nat_mulRange((nat){0}, m + 1, b));
}

// q = ⌊x/y⌋, r = x%y, with a single-word divisor.
static nat nat_divW(nat z, nat x, Word y, Word *r) {
  ptrdiff_t m = x.len;
  *r = 0;
  if (y == 0)
    go_panic("division by zero");
  if (y == 1)
    return nat_set_(z, x); // result is x
  if (m == 0)
    return nat_slice(z, 0, 0); // result is 0
  // m > 0
  z = nat_make_(z, m);
  *r = divWVW(z, 0, x, y);
  return nat_norm(z);
}

static ptrdiff_t nat_bitLen(nat x) {
  ptrdiff_t i = x.len - 1;
  if (i >= 0)
    return i * _W + bits_Len(nat_get(x, i));
  return 0;
}

/* ---- natconv.go -------------------------------------------------------- */

static const char digits[] =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
enum { MaxBase = 10 + ('z' - 'a' + 1) + ('Z' - 'A' + 1), leafSize = 8 };

// maxPow returns (b**n, n) such that b**n is the largest power b**n <= _M.
static Word maxPow(Word b, ptrdiff_t *n) {
  Word p = b; // assuming b <= _M
  *n = 1;
  for (Word mx = _M / b; p <= mx;) {
    // p == b**n && p <= max
    p *= b;
    (*n)++;
  }
  // p == b**n && p <= _M
  return p;
}

/* math.Log2, by repeated squaring of the mantissa. */
static double log2_(double x) {
  int e = 0;
  while (x >= 2) {
    x /= 2;
    e++;
  }
  double frac = 0, bit = 0.5;
  for (int k = 0; k < 53; k++, bit /= 2) {
    x *= x;
    if (x >= 2) {
      x /= 2;
      frac += bit;
    }
  }
  return e + frac;
}

// convertWords converts q to string s in base b with ndigits digits per
// word (only the leaf loop: q has at most leafSize words, so there is no
// divisor table).
static void nat_convertWords(nat q, bytes s, Word b, ptrdiff_t ndigits,
                             Word bb) {
  // convert q to string s in base b
  ptrdiff_t i = s.len;
  Word r;
  if (b == 10) {
    // hard-coding for 10 here speeds this up by 1.25x (allows for / and %
    // by constants)
    while (q.len > 0) {
      // extract least significant, base bb "digit"
      q = nat_divW(q, q, bb, &r);
      for (ptrdiff_t j = 0; j < ndigits && i > 0; j++) {
        i--;
        // avoid % computation since r%10 == r - int(r/10)*10;
        // this appears to be faster for BenchmarkString10000Base10
        // and smaller strings (but a bit slower for larger ones)
        Word t = r / 10;
        bytes_set(s, i, (char)('0' + (r - t * 10)));
        r = t;
      }
    }
  } else {
    while (q.len > 0) {
      // extract least significant, base bb "digit"
      q = nat_divW(q, q, bb, &r);
      for (ptrdiff_t j = 0; j < ndigits && i > 0; j++) {
        i--;
        bytes_set(s, i, digits[r % b]);
        r /= b;
      }
    }
  }

  // prepend high-order zeros
  while (i > 0) { // while need more leading zeros
    i--;
    bytes_set(s, i, '0');
  }
}

// itoa is like utoa but it prepends a '-' if neg && x != 0.
static bytes nat_itoa(nat x, bool neg, int base) {
  if (base < 2 || base > MaxBase)
    go_panic("invalid base");

  // x == 0
  if (x.len == 0) {
    bytes zero = bytes_make(heap, 1, 1); /* []byte("0") */
    bytes_set(zero, 0, '0');
    return zero;
  }
  // len(x) > 0

  // allocate buffer for conversion
  ptrdiff_t i = (ptrdiff_t)((double)nat_bitLen(x) / log2_((double)base)) +
                1; // off by 1 at most
  if (neg)
    i++;
  bytes s = bytes_make(heap, i, i);

  // convert power of two and non power of two bases separately
  Word b = (Word)base;
  if (b == (b & -b)) {
    // shift is base b digit size in bits
    unsigned shift = (unsigned)bits_TrailingZeros(b); // shift > 0 because
                                                      // b >= 2
    Word mask = ((Word)1 << shift) - 1;
    Word w = nat_get(x, 0); // current word
    unsigned nbits = _W;    // number of unprocessed bits in w

    // convert less-significant words (include leading zeros)
    for (ptrdiff_t k = 1; k < x.len; k++) {
      // convert full digits
      while (nbits >= shift) {
        i--;
        bytes_set(s, i, digits[w & mask]);
        w >>= shift;
        nbits -= shift;
      }

      // convert any partial leading digit and advance to next word
      if (nbits == 0) {
        // no partial digit remaining, just advance
        w = nat_get(x, k);
        nbits = _W;
      } else {
        // partial digit in current word w (== x[k-1]) and next word x[k]
        w |= nat_get(x, k) << nbits;
        i--;
        bytes_set(s, i, digits[w & mask]);

        // advance
        w = nat_get(x, k) >> (shift - nbits);
        nbits = _W - (shift - nbits);
      }
    }

    // convert digits of most-significant word w (omit leading zeros)
    while (w != 0) {
      i--;
      bytes_set(s, i, digits[w & mask]);
      w >>= shift;
    }

  } else {
    ptrdiff_t ndigits;
    Word bb = maxPow(b, &ndigits);

    // construct table of successive squares of bb*leafSize to use in
    // subdivisions
    if (x.len > leafSize)
      go_panic("divisor table not ported");

    // preserve x, create local copy for use by convertWords
    nat q = nat_set_((nat){0}, x);

    // convert q to string s in base b
    nat_convertWords(q, s, b, ndigits, bb);

    // strip leading zeros
    // (x != 0; thus s must contain at least one non-zero digit
    // and the loop will terminate)
    i = 0;
    while (bytes_get(s, i) == '0')
      i++;
  }

  if (neg) {
    i--;
    bytes_set(s, i, '-');
  }

  return bytes_slice(s, i, s.len);
}

/* ---- int.go ------------------------------------------------------------ */

// An Int represents a signed multi-precision integer.  The zero value for
// an Int represents the value 0.
typedef struct Int {
  bool neg; // sign
  nat abs;  // absolute value of the integer
} Int;

static Int *new_Int(void) { return sg_arena_alloc(heap, sizeof(Int)); }

static Int *Int_SetInt64(Int *z, int64_t x) {
  bool neg = false;
  uint64_t u = (uint64_t)x;
  if (x < 0) {
    neg = true;
    u = -u;
  }
  z->abs = nat_setUint64(z->abs, u);
  z->neg = neg;
  return z;
}

static Int *Int_SetUint64(Int *z, uint64_t x) {
  z->abs = nat_setUint64(z->abs, x);
  z->neg = false;
  return z;
}

static Int *NewInt(int64_t x) { return Int_SetInt64(new_Int(), x); }

static Int *Int_Set(Int *z, Int *x) {
  if (z != x) {
    z->abs = nat_set_(z->abs, x->abs);
    z->neg = x->neg;
  }
  return z;
}

static ptrdiff_t Int_BitLen(Int *x) { return nat_bitLen(x->abs); }

static Int *Int_Add(Int *z, Int *x, Int *y) {
  bool neg = x->neg;
  if (x->neg == y->neg) {
    // x + y == x + y
    // (-x) + (-y) == -(x + y)
    z->abs = nat_add(z->abs, x->abs, y->abs);
  } else {
    // x + (-y) == x - y == -(y - x)
    // (-x) + y == y - x == -(x - y)
    if (nat_cmp(x->abs, y->abs) >= 0) {
      z->abs = nat_sub(z->abs, x->abs, y->abs);
    } else {
      neg = !neg;
      z->abs = nat_sub(z->abs, y->abs, x->abs);
    }
  }
  z->neg = z->abs.len > 0 && neg; // 0 has no sign
  return z;
}

static Int *Int_Sub(Int *z, Int *x, Int *y) {
  bool neg = x->neg;
  if (x->neg != y->neg) {
    // x - (-y) == x + y
    // (-x) - y == -(x + y)
    z->abs = nat_add(z->abs, x->abs, y->abs);
  } else {
    // x - y == x - y == -(y - x)
    // (-x) - (-y) == y - x == -(x - y)
    if (nat_cmp(x->abs, y->abs) >= 0) {
      z->abs = nat_sub(z->abs, x->abs, y->abs);
    } else {
      neg = !neg;
      z->abs = nat_sub(z->abs, y->abs, x->abs);
    }
  }
  z->neg = z->abs.len > 0 && neg; // 0 has no sign
  return z;
}

static Int *Int_Mul(Int *z, Int *x, Int *y) {
  // x * y == x * y
  // x * (-y) == -(x * y)
  // (-x) * y == -(x * y)
  // (-x) * (-y) == x * y
  if (x == y) {
    z->abs = nat_sqr(z->abs, x->abs);
    z->neg = false;
    return z;
  }
  z->abs = nat_mul(z->abs, x->abs, y->abs);
  z->neg = z->abs.len > 0 && x->neg != y->neg; // 0 has no sign
  return z;
}

static Int *Int_MulRange(Int *z, int64_t a, int64_t b) {
  if (a > b)
    return Int_SetInt64(z, 1); // empty range
  if (a <= 0 && b >= 0)
    return Int_SetInt64(z, 0); // range includes 0
  // a <= b && (b < 0 || a > 0)

  bool neg = false;
  if (a < 0) {
    neg = ((b - a) & 1) == 0;
    int64_t t = a;
    a = -b;
    b = -t;
  }

  z->abs = nat_mulRange(z->abs, (uint64_t)a, (uint64_t)b);
  z->neg = neg;
  return z;
}

static int Int_Cmp(Int *x, Int *y) {
  int r = 0;
  if (x == y) {
    // nothing to do
  } else if (x->neg == y->neg) {
    r = nat_cmp(x->abs, y->abs);
    if (x->neg)
      r = -r;
  } else if (x->neg) {
    r = -1;
  } else {
    r = 1;
  }
  return r;
}

static sg_str Int_Text(Int *x, int base) {
  if (x == NULL)
    return SG_STR("<nil>");
  bytes b = bytes_clone(heap, nat_itoa(x->abs, x->neg, base)); /* string() */
  return sg_str_make(b.ptr, b.len);
}

/* ---- the program ------------------------------------------------------- */

#define P(s) (int)(s).len, (s).ptr

static void show(const char *tag, Int *x) {
  if (Int_BitLen(x) <= 8 * 64) {
    printf("%s = %.*s (%d bits)\n", tag, P(Int_Text(x, 10)),
           (int)Int_BitLen(x));
  } else {
    sg_str h = Int_Text(x, 16);
    printf("%s = 0x%.*s...%.*s (%d hex digits, %d bits)\n", tag,
           P(sg_str_slice(h, 0, 16)), P(sg_str_slice(h, h.len - 16, h.len)),
           (int)h.len, (int)Int_BitLen(x));
  }
}

static void smallOnes(void) {
  Int *zero = NewInt(0);
  show("zero", zero);
  Int *a = NewInt(-12345);
  Int *b = NewInt(67890);
  show("a+b", Int_Add(new_Int(), a, b));
  show("a-b", Int_Sub(new_Int(), a, b));
  show("b-b", Int_Sub(new_Int(), b, b));
  show("a*b", Int_Mul(new_Int(), a, b));
  show("a*a", Int_Mul(new_Int(), a, a));
  show("-9223372036854775808", NewInt(INT64_MIN));
  printf("cmp %d %d %d %d\n", Int_Cmp(a, b), Int_Cmp(b, a), Int_Cmp(a, a),
         Int_Cmp(zero, a));
}

static void sequences(void) {
  // Fibonacci by repeated addition: carries ripple across words.
  Int *f0 = NewInt(0), *f1 = NewInt(1);
  for (int i = 0; i < 300; i++) {
    Int_Add(f0, f0, f1);
    Int *t = f0;
    f0 = f1;
    f1 = t;
  }
  show("fib300", f0);
  show("fib301", f1);
  Int *diff = Int_Sub(new_Int(), f0, f1);
  show("fib300-fib301", diff);

  // Factorials: MulRange splits the range and multiplies the halves.
  show("20!", Int_MulRange(new_Int(), 1, 20));
  show("50!", Int_MulRange(new_Int(), 1, 50));
  show("100!", Int_MulRange(new_Int(), 1, 100));
  Int *f1000 = Int_MulRange(new_Int(), 1, 1000);
  show("1000!", f1000);
  show("empty range", Int_MulRange(new_Int(), 5, 4));
  show("with zero", Int_MulRange(new_Int(), -3, 3));
  show("-5..-1", Int_MulRange(new_Int(), -5, -1));

  // Powers of three by repeated multiplication in place, then squares.
  Int *three = NewInt(3);
  Int *p = NewInt(1);
  for (int i = 0; i < 2000; i++)
    Int_Mul(p, p, three);
  show("3^2000", p);
  Int *sq = Int_Mul(new_Int(), p, p);
  Int *q = Int_Set(new_Int(), p);
  Int *kara = Int_Mul(new_Int(), p, q);
  show("sqr", sq);
  show("karatsuba", kara);
  printf("sqr == karatsuba: %s\n", Int_Cmp(sq, kara) == 0 ? "true" : "false");
  Int *odd = Int_Mul(new_Int(), f1000, p);
  show("1000! * 3^2000", odd);
  Int *back = Int_Sub(new_Int(), Int_Add(new_Int(), odd, p), p);
  printf("add/sub round trip: %s\n",
         Int_Cmp(back, odd) == 0 ? "true" : "false");
}

static void reuse(void) {
  // Reuse: z as one of its own operands.
  Int *z = NewInt(1);
  for (int i = 1; i <= 30; i++) {
    Int_Mul(z, z, z);
    Int_Add(z, z, NewInt(i));
    if (Int_BitLen(z) > 3000)
      break;
  }
  show("z", z);
  Int *m = Int_MulRange(new_Int(), 1, 25);
  show("25! - 24!", Int_Sub(m, m, Int_MulRange(new_Int(), 1, 24)));
  show("hex 2^64",
       Int_Add(new_Int(), Int_SetUint64(NewInt(0), (uint64_t)1 << 63),
               Int_SetUint64(NewInt(0), (uint64_t)1 << 63)));
  printf("text16 %.*s %.*s %.*s\n",
         P(Int_Text(Int_MulRange(new_Int(), 1, 30), 16)),
         P(Int_Text(NewInt(-255), 2)), P(Int_Text(NewInt(255), 36)));
}

int main(void) {
  heap = sg_arena_new();
  smallOnes();
  sequences();
  reuse();
  sg_arena_free(heap);
  return 0;
}
