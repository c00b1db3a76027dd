// The Go original of hexdump.c: encoding/hex (Encode, Decode in place,
// the streaming encoder and decoder, Dump and Dumper) from the standard
// library, run as-is.
package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

type dribble struct {
	r io.Reader
	n int
}

func (d *dribble) Read(p []byte) (int, error) {
	if len(p) > d.n {
		p = p[:d.n]
	}
	return d.r.Read(p)
}

func main() {
	for _, s := range []string{"", "\x00", "\x01\x02\xfe\xff", "Hello, Gophers!"} {
		e := hex.EncodeToString([]byte(s))
		d, err := hex.DecodeString(e)
		fmt.Printf("[%s] len=%d back=%v %v\n", e, hex.EncodedLen(len(s)), string(d) == s, err)
	}
	for _, s := range []string{"", "0", "00", "0g", "g0", "abc", "abcg", "DEADbeef", "12 34", "fffff", "zz"} {
		d, err := hex.DecodeString(s)
		fmt.Printf("decode %q -> %x (%d) %v\n", s, d, hex.DecodedLen(len(s)), err)
	}

	data := make([]byte, 3000)
	for i := range data {
		data[i] = byte(i*7 + i/256)
	}
	var enc bytes.Buffer
	w := hex.NewEncoder(&enc)
	for p := data; len(p) > 0; {
		n := 700
		if n > len(p) {
			n = len(p)
		}
		w.Write(p[:n])
		p = p[n:]
	}
	fmt.Printf("stream encoded %d bytes, same %v\n", enc.Len(), enc.String() == hex.EncodeToString(data))
	for _, n := range []int{1, 2, 3, 1000, 5000} {
		got, err := io.ReadAll(hex.NewDecoder(&dribble{bytes.NewReader(enc.Bytes()), n}))
		fmt.Printf("  decode by %d: %d bytes, equal %v, %v\n", n, len(got), bytes.Equal(got, data), err)
	}
	for _, s := range []string{"abc", "abcx", "0102zz0304", "01020"} {
		got, err := io.ReadAll(hex.NewDecoder(strings.NewReader(s)))
		fmt.Printf("  stream %q -> %x %v\n", s, got, err)
	}

	for _, n := range []int{0, 1, 7, 8, 15, 16, 17, 40} {
		fmt.Printf("Dump(%d):\n%s", n, hex.Dump(data[100:100+n]))
	}
	var out strings.Builder
	d := hex.Dumper(&out)
	for i, p := 0, data[:70]; len(p) > 0; i++ {
		n := i%5 + 1
		if n > len(p) {
			n = len(p)
		}
		d.Write(p[:n])
		p = p[n:]
	}
	d.Close()
	d.Close()
	_, err := d.Write([]byte("x"))
	fmt.Printf("Dumper:\n%swrite after close: %v\n", out.String(), err)
	text := []byte("The quick brown fox jumps over the lazy dog.\n\t\x00\x7f\x80")
	fmt.Print(hex.Dump(text))
}
