// The Go original of base64.c: encoding/base64 (Encode, Decode with its
// 8- and 4-byte fast paths and decodeQuantum, the streaming encoder and
// decoder, padding variants, Strict) from the standard library, run as-is.
package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
)

// chunks writes to w in pieces of the given sizes, cycling.
func chunks(w io.Writer, p []byte, sizes []int) {
	for k := 0; len(p) > 0; k++ {
		n := sizes[k%len(sizes)]
		if n > len(p) {
			n = len(p)
		}
		w.Write(p[:n])
		p = p[n:]
	}
}

// dribble reads from r at most n bytes per Read.
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
	encs := []struct {
		name string
		e    *base64.Encoding
	}{
		{"std", base64.StdEncoding}, {"url", base64.URLEncoding},
		{"rawstd", base64.RawStdEncoding}, {"rawurl", base64.RawURLEncoding},
		{"strict", base64.StdEncoding.Strict()},
		{"star", base64.StdEncoding.WithPadding('*')},
	}
	plain := []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\xfd\xfc", "sure.", "Twas brillig, and the slithy toves"}
	for _, e := range encs {
		for _, p := range plain {
			s := e.e.EncodeToString([]byte(p))
			d, err := e.e.DecodeString(s)
			fmt.Printf("%s %x -> %s -> ok=%v err=%v len=%d/%d\n", e.name, p, s, string(d) == p, err, e.e.EncodedLen(len(p)), e.e.DecodedLen(len(s)))
		}
	}
	bad := []string{"", "!!!!", "====", "x===", "AA=A", "AA==", "AA==x", "AAA=", "AAA", "AA", "A", "YWJj\nZGVm", "YW\r\nJjZA==", "YWJjZA=\n=", "YWJjZA==\n\n", "YWJjZA==YWJj", "Zm9vYmFy!", "Zm9v YmFy", "aGVsbG8gd29ybGQhIGhlbGxvIGFnYWlu", "aGVsbG8gd29ybGQhIGhlbGxv*GFnYWlu", "QQ==", "QR==", "QUI=", "QUJ="}
	for _, e := range encs {
		for _, s := range bad {
			d, err := e.e.DecodeString(s)
			fmt.Printf("%s decode %q -> %x %v\n", e.name, s, d, err)
		}
	}

	// Streaming: an encoder fed in odd-sized writes, a decoder read in
	// small pieces, over data long enough to fill the 1024-byte buffers.
	data := make([]byte, 5000)
	seed := uint32(1)
	for i := range data {
		seed = seed*1664525 + 1013904223
		data[i] = byte(seed >> 24)
	}
	for _, e := range encs[:4] {
		var out bytes.Buffer
		w := base64.NewEncoder(e.e, &out)
		chunks(w, data, []int{1, 2, 700, 5, 1500, 3, 1})
		w.Close()
		direct := e.e.EncodeToString(data)
		fmt.Printf("%s stream: %d bytes, same as EncodeToString %v\n", e.name, out.Len(), out.String() == direct)
		for _, n := range []int{1, 3, 4, 100, 4096} {
			r := base64.NewDecoder(e.e, &dribble{bytes.NewReader(out.Bytes()), n})
			got, err := io.ReadAll(r)
			fmt.Printf("  read by %d: %d bytes, equal %v, err %v\n", n, len(got), bytes.Equal(got, data), err)
		}
	}
	// A stream with newlines every 76 characters, as MIME wraps it.
	enc := base64.StdEncoding.EncodeToString(data[:1000])
	var wrapped bytes.Buffer
	for len(enc) > 76 {
		wrapped.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	wrapped.WriteString(enc)
	got, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, &dribble{&wrapped, 7}))
	fmt.Printf("wrapped: %d bytes, equal %v, err %v\n", len(got), bytes.Equal(got, data[:1000]), err)
	got, err = io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader([]byte("Zm9vYmFy!!!!"))))
	fmt.Printf("corrupt stream: %x %v\n", got, err)
	got, err = io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader([]byte("Zm9vYmF"))))
	fmt.Printf("truncated stream: %x %v\n", got, err)
}
