// Exercises the real compress/lzw (Go 1.19) the way image/gif uses it:
// LSB and MSB order, literal widths 2..8, small reads, out-of-codes resets,
// truncated and corrupt streams.  The C port is lzw.c.
package main

import (
	"bytes"
	"compress/lzw"
	"fmt"
	"io"
	"strings"
)

func fnv(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

var seed uint32 = 7

func rnd(n int) int {
	seed = seed*1103515245 + 12345
	return int((seed >> 16) % uint32(n))
}

func compress(data []byte, order lzw.Order, lw int) ([]byte, error) {
	var buf bytes.Buffer
	w := lzw.NewWriter(&buf, order, lw)
	// Write in uneven pieces, as an encoder fed row by row would.
	for len(data) > 0 {
		n := 1 + rnd(700)
		if n > len(data) {
			n = len(data)
		}
		if _, err := w.Write(data[:n]); err != nil {
			w.Close()
			return nil, err
		}
		data = data[n:]
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decompress(comp []byte, order lzw.Order, lw int, chunk int) ([]byte, error) {
	r := lzw.NewReader(bytes.NewReader(comp), order, lw)
	defer r.Close()
	var out []byte
	buf := make([]byte, chunk)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

func main() {
	text := []byte(strings.Repeat("TOBEORNOTTOBEORTOBEORNOT#", 40) +
		"the quick brown fox jumps over the lazy dog; " +
		strings.Repeat("abracadabra ", 300))
	inputs := []struct {
		name string
		lw   int
		data []byte
	}{
		{"empty", 8, nil},
		{"one", 8, []byte{'x'}},
		{"text", 8, text},
	}
	for _, lw := range []int{2, 3, 4, 5, 7, 8} {
		// gif-like pixels: runs of a few colours below 1<<lw.
		var px []byte
		for len(px) < 9000 {
			c := byte(rnd(1 << lw))
			run := 1 + rnd(12)
			for k := 0; k < run; k++ {
				px = append(px, c)
			}
		}
		inputs = append(inputs, struct {
			name string
			lw   int
			data []byte
		}{fmt.Sprintf("pixels%d", lw), lw, px})
	}
	var noise []byte
	for i := 0; i < 30000; i++ {
		noise = append(noise, byte(rnd(256)))
	}
	inputs = append(inputs, struct {
		name string
		lw   int
		data []byte
	}{"noise", 8, noise})

	for _, in := range inputs {
		for _, order := range []lzw.Order{lzw.LSB, lzw.MSB} {
			comp, err := compress(in.data, order, in.lw)
			if err != nil {
				fmt.Printf("%s order=%d: compress error %v\n", in.name, order, err)
				continue
			}
			for _, chunk := range []int{1, 97, 4096} {
				if chunk == 1 && len(in.data) > 2000 {
					continue
				}
				out, err := decompress(comp, order, in.lw, chunk)
				fmt.Printf("%s order=%d lw=%d: in=%d comp=%d fnv=%08x chunk=%d out=%d same=%v err=%v\n",
					in.name, order, in.lw, len(in.data), len(comp), fnv(comp), chunk, len(out),
					bytes.Equal(out, in.data), err)
			}
			if len(comp) > 10 {
				out, err := decompress(comp[:len(comp)/2], order, in.lw, 512)
				fmt.Printf("  truncated: out=%d fnv=%08x err=%v\n", len(out), fnv(out), err)
				bad := append([]byte(nil), comp...)
				bad[len(bad)/3] ^= 0xff
				out, err = decompress(bad, order, in.lw, 512)
				fmt.Printf("  corrupt: out=%d fnv=%08x err=%v\n", len(out), fnv(out), err)
			}
		}
	}
	_, err := compress([]byte{1, 2, 200}, lzw.LSB, 4)
	fmt.Printf("too large: %v\n", err)
	_, err = compress([]byte{1}, lzw.LSB, 9)
	fmt.Printf("bad width: %v\n", err)
	_, err = decompress([]byte{1}, lzw.MSB, 1, 10)
	fmt.Printf("bad reader width: %v\n", err)
}
