// The Go original of bignat.c: math/big.Int's Add, Sub, Mul (basicMul,
// karatsuba, sqr, basicSqr), MulRange, Cmp and Text from the standard
// library, run as-is.  Decimal output is used for numbers of at most 8
// words, hexadecimal beyond.
package main

import (
	"fmt"
	"math/big"
)

func show(tag string, x *big.Int) {
	if x.BitLen() <= 8*64 {
		fmt.Printf("%s = %s (%d bits)\n", tag, x.Text(10), x.BitLen())
	} else {
		h := x.Text(16)
		fmt.Printf("%s = 0x%s...%s (%d hex digits, %d bits)\n", tag, h[:16], h[len(h)-16:], len(h), x.BitLen())
	}
}

func main() {
	zero := big.NewInt(0)
	show("zero", zero)
	a := big.NewInt(-12345)
	b := big.NewInt(67890)
	show("a+b", new(big.Int).Add(a, b))
	show("a-b", new(big.Int).Sub(a, b))
	show("b-b", new(big.Int).Sub(b, b))
	show("a*b", new(big.Int).Mul(a, b))
	show("a*a", new(big.Int).Mul(a, a))
	show("-9223372036854775808", big.NewInt(-9223372036854775808))
	fmt.Println("cmp", a.Cmp(b), b.Cmp(a), a.Cmp(a), zero.Cmp(a))

	// Fibonacci by repeated addition: carries ripple across words.
	f0, f1 := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 300; i++ {
		f0.Add(f0, f1)
		f0, f1 = f1, f0
	}
	show("fib300", f0)
	show("fib301", f1)
	diff := new(big.Int).Sub(f0, f1)
	show("fib300-fib301", diff)

	// Factorials: MulRange splits the range and multiplies the halves.
	show("20!", new(big.Int).MulRange(1, 20))
	show("50!", new(big.Int).MulRange(1, 50))
	show("100!", new(big.Int).MulRange(1, 100))
	f1000 := new(big.Int).MulRange(1, 1000)
	show("1000!", f1000)
	show("empty range", new(big.Int).MulRange(5, 4))
	show("with zero", new(big.Int).MulRange(-3, 3))
	show("-5..-1", new(big.Int).MulRange(-5, -1))

	// Powers of three by repeated multiplication in place, then squares:
	// Mul(x, x) squares (basicSqr), Mul(x, y) with x != y and 40+ words
	// takes karatsuba; both must agree.
	three := big.NewInt(3)
	p := big.NewInt(1)
	for i := 0; i < 2000; i++ {
		p.Mul(p, three)
	}
	show("3^2000", p)
	sq := new(big.Int).Mul(p, p)
	q := new(big.Int).Set(p)
	kara := new(big.Int).Mul(p, q)
	show("sqr", sq)
	show("karatsuba", kara)
	fmt.Println("sqr == karatsuba:", sq.Cmp(kara) == 0)
	odd := new(big.Int).Mul(f1000, p)
	show("1000! * 3^2000", odd)
	back := new(big.Int).Sub(new(big.Int).Add(odd, p), p)
	fmt.Println("add/sub round trip:", back.Cmp(odd) == 0)

	// Reuse: z as one of its own operands.
	z := big.NewInt(1)
	for i := 1; i <= 30; i++ {
		z.Mul(z, z)
		z.Add(z, big.NewInt(int64(i)))
		if z.BitLen() > 3000 {
			break
		}
	}
	show("z", z)
	m := new(big.Int).MulRange(1, 25)
	show("25! - 24!", m.Sub(m, new(big.Int).MulRange(1, 24)))
	show("hex 2^64", new(big.Int).Add(big.NewInt(0).SetUint64(1<<63), big.NewInt(0).SetUint64(1<<63)))
	fmt.Println("text16", new(big.Int).MulRange(1, 30).Text(16), big.NewInt(-255).Text(2), big.NewInt(255).Text(36))
}
