// Exercises compress/flate's Huffman code builder (huffman_code.go:
// generate, bitCounts, assignEncodingAndSize) through the real package: a
// HuffmanOnly writer emits one dynamic block per input whose header holds
// the code lengths generate chose for the literals (limit 15 bits) and for
// the code-length alphabet (limit 7 bits).  This program decodes that
// header and prints every length and the bit-reversed canonical code, which
// is what huffman.c computes directly with its port of the builder.
package main

import (
	"bytes"
	"compress/flate"
	"fmt"
	"math/bits"
	"strings"
)

type bitReader struct {
	data []byte
	pos  int // bit position
}

func (r *bitReader) bits(n int) int {
	v := 0
	for i := 0; i < n; i++ {
		b := int(r.data[r.pos>>3]>>(r.pos&7)) & 1
		v |= b << i
		r.pos++
	}
	return v
}

// canonical returns the deflate canonical codes for lengths (RFC 1951
// 3.2.2), bit-reversed as the writer stores them.
func canonical(lengths []int) []int {
	var blCount [17]int
	for _, l := range lengths {
		if l > 0 {
			blCount[l]++
		}
	}
	var next [17]int
	code := 0
	for b := 1; b <= 16; b++ {
		code = (code + blCount[b-1]) << 1
		next[b] = code
	}
	codes := make([]int, len(lengths))
	for i, l := range lengths {
		if l > 0 {
			codes[i] = int(bits.Reverse16(uint16(next[l]) << (16 - l)))
			next[l]++
		}
	}
	return codes
}

// decodeSym reads one symbol of the code given by lengths.
func decodeSym(r *bitReader, lengths []int) int {
	codes := canonical(lengths)
	code, n := 0, 0
	for n < 16 {
		code |= r.bits(1) << n
		n++
		for s, l := range lengths {
			if l == n && codes[s] == code {
				return s
			}
		}
	}
	panic("bad code")
}

var order = []int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

func show(name string, input []byte) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.HuffmanOnly)
	w.Write(input)
	w.Close()
	r := &bitReader{data: buf.Bytes()}
	r.bits(1) // BFINAL
	if t := r.bits(2); t != 2 {
		fmt.Printf("%s: block type %d\n", name, t)
		return
	}
	hlit := r.bits(5) + 257
	hdist := r.bits(5) + 1
	hclen := r.bits(4) + 4
	clen := make([]int, 19)
	for i := 0; i < hclen; i++ {
		clen[order[i]] = r.bits(3)
	}
	var lengths []int
	for len(lengths) < hlit+hdist {
		switch s := decodeSym(r, clen); {
		case s < 16:
			lengths = append(lengths, s)
		case s == 16:
			prev := lengths[len(lengths)-1]
			for n := 3 + r.bits(2); n > 0; n-- {
				lengths = append(lengths, prev)
			}
		case s == 17:
			for n := 3 + r.bits(3); n > 0; n-- {
				lengths = append(lengths, 0)
			}
		default:
			for n := 11 + r.bits(7); n > 0; n-- {
				lengths = append(lengths, 0)
			}
		}
	}
	fmt.Printf("%s: in=%d hlit=%d hdist=%d hclen=%d\n", name, len(input), hlit, hdist, hclen)
	var sb strings.Builder
	codes := canonical(clen)
	for _, s := range order[:hclen] {
		fmt.Fprintf(&sb, " %d:%d:%x", s, clen[s], codes[s])
	}
	fmt.Printf("  codegen%s\n", sb.String())
	lit := lengths[:hlit]
	codes = canonical(lit)
	sb.Reset()
	maxLen, total := 0, 0
	for s, l := range lit {
		if l > 0 {
			fmt.Fprintf(&sb, " %d:%d:%x", s, l, codes[s])
			if l > maxLen {
				maxLen = l
			}
			total++
		}
	}
	fmt.Printf("  literals n=%d max=%d%s\n", total, maxLen, sb.String())
	fmt.Printf("  offsets %v\n", lengths[hlit:])
}

var seed uint32 = 4242

func rnd(n int) int {
	seed = seed*1103515245 + 12345
	return int((seed >> 16) % uint32(n))
}

func main() {
	show("single", bytes.Repeat([]byte{'a'}, 1000))
	show("pair", bytes.Repeat([]byte("ab"), 500))
	text := strings.Repeat("TOBEORNOTTOBEORTOBEORNOT#", 40) +
		"the quick brown fox jumps over the lazy dog; " +
		strings.Repeat("abracadabra ", 300)
	show("text", []byte(text))
	// Fibonacci frequencies force the 15-bit length limit.
	var fib []byte
	a, b := 1, 1
	for sym := 0; sym < 22; sym++ {
		fib = append(fib, bytes.Repeat([]byte{byte('A' + sym)}, a)...)
		a, b = b, a+b
	}
	show("fibonacci", fib)
	// Geometric: many symbols, a few very common.
	var geo []byte
	for i := 0; i < 20000; i++ {
		x := rnd(1 << 16)
		geo = append(geo, byte(bits.TrailingZeros16(uint16(x))*9+rnd(3)))
	}
	show("geometric", geo)
	var power []byte
	for i := 0; i < 30000; i++ {
		x := rnd(200) + 1
		power = append(power, byte(200/x))
	}
	show("power", power)
}
