// The Go original of buffer.c: bytes.Buffer from the standard library,
// run as-is.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// chunkReader hands out its string a few bytes per Read, as a socket would.
type chunkReader struct {
	s     string
	chunk int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	n := r.chunk
	if n > len(p) {
		n = len(p)
	}
	if n > len(r.s) {
		n = len(r.s)
	}
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}

// sink keeps what is written to it, at most limit bytes per Write.
type sink struct {
	got   []byte
	limit int
}

func (w *sink) Write(p []byte) (int, error) {
	if w.limit > 0 && len(p) > w.limit {
		w.got = append(w.got, p[:w.limit]...)
		return w.limit, nil
	}
	w.got = append(w.got, p...)
	return len(p), nil
}

func state(tag string, b *bytes.Buffer) {
	fmt.Printf("%s: len=%d cap=%d [%s]\n", tag, b.Len(), b.Cap(), b.String())
}

func main() {
	var b bytes.Buffer
	state("zero", &b)
	b.WriteString("hello")
	state("small", &b)
	b.WriteByte(' ')
	b.Write([]byte("world"))
	b.WriteRune('!')
	b.WriteRune('\u00e9')
	b.WriteRune('\u4e16')
	b.WriteRune(0x1F600)
	state("runes", &b)

	// Growth across many writes: the capacities are Go's.
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "<%d>", i)
		if i%50 == 0 {
			fmt.Printf("grow %d: len=%d cap=%d\n", i, b.Len(), b.Cap())
		}
	}
	fmt.Printf("after writes: len=%d cap=%d\n", b.Len(), b.Cap())

	// Reading: Next gives views, Read copies, ReadByte / ReadRune step.
	head := b.Next(5)
	fmt.Printf("next5 [%s] len=%d\n", head, b.Len())
	c, err := b.ReadByte()
	fmt.Printf("readbyte %q %v\n", c, err)
	fmt.Printf("unreadbyte %v\n", b.UnreadByte())
	fmt.Printf("unreadbyte again %v\n", b.UnreadByte())
	p := make([]byte, 7)
	n, err := b.Read(p)
	fmt.Printf("read %d [%s] %v\n", n, p[:n], err)
	for i := 0; i < 5; i++ {
		r, size, err := b.ReadRune()
		fmt.Printf("rune %d size %d %v\n", r, size, err)
	}
	fmt.Printf("unreadrune %v\n", b.UnreadRune())
	fmt.Printf("unreadrune again %v\n", b.UnreadRune())
	r, size, _ := b.ReadRune()
	fmt.Printf("rune again %d size %d\n", r, size)

	// Writing after reading: grow slides the unread data down when it fits.
	fmt.Printf("before slide: len=%d cap=%d\n", b.Len(), b.Cap())
	b.Next(b.Len() - 10)
	b.Grow(100)
	fmt.Printf("after grow: len=%d cap=%d [%s]\n", b.Len(), b.Cap(), b.String())

	// Truncate and Reset, then reuse of the same array.
	b.Truncate(4)
	state("truncate4", &b)
	b.Truncate(0)
	state("truncate0", &b)
	b.WriteString("line one\nline two\n\nlast line without newline")
	for {
		line, err := b.ReadBytes('\n')
		fmt.Printf("readbytes [%s] %d %v\n", strings.TrimSuffix(string(line), "\n"), len(line), err)
		if err != nil {
			break
		}
	}
	state("drained", &b)
	b.WriteString("a,b,,c")
	for {
		s, err := b.ReadString(',')
		fmt.Printf("readstring [%s] %v\n", s, err)
		if err != nil {
			break
		}
	}
	n, err = b.Read(p)
	fmt.Printf("read empty %d %v\n", n, err)
	n, err = b.Read(nil)
	fmt.Printf("read nil %d %v\n", n, err)
	_, err = b.ReadByte()
	fmt.Printf("readbyte empty %v\n", err)

	// ReadFrom in small chunks, then WriteTo a writer with short writes.
	var big strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&big, "%03d|", i)
	}
	var rb bytes.Buffer
	m, err := rb.ReadFrom(&chunkReader{s: big.String(), chunk: 37})
	fmt.Printf("readfrom %d %v len=%d cap=%d\n", m, err, rb.Len(), rb.Cap())
	w := &sink{}
	m, err = rb.WriteTo(w)
	fmt.Printf("writeto %d %v same=%v len=%d\n", m, err, string(w.got) == big.String(), rb.Len())
	rb.WriteString("short write")
	m, err = rb.WriteTo(&sink{limit: 5})
	fmt.Printf("short writeto %d %v left=[%s]\n", m, err, rb.String())

	// NewBuffer over an existing slice shares it; NewBufferString copies.
	backing := make([]byte, 3, 10)
	copy(backing, "xyz")
	nb := bytes.NewBuffer(backing)
	nb.WriteString("123")
	fmt.Printf("newbuffer [%s] backing[:6]=[%s] cap=%d\n", nb.String(), backing[:6], nb.Cap())
	nb.WriteString("4567890")
	nb.Bytes()[0] = 'X'
	fmt.Printf("outgrown [%s] backing=[%s]\n", nb.String(), backing[:6])
	ns := bytes.NewBufferString("from string")
	ns.Truncate(4)
	fmt.Printf("newbufferstring: len=%d [%s]\n", ns.Len(), ns.String())
	var nilBuf *bytes.Buffer
	fmt.Printf("nil buffer [%s]\n", nilBuf.String())

	// A large single write goes straight to growSlice.
	var lb bytes.Buffer
	lb.Write(bytes.Repeat([]byte("z"), 1000))
	fmt.Printf("large: len=%d cap=%d\n", lb.Len(), lb.Cap())
	lb.Next(990)
	lb.Write(bytes.Repeat([]byte("y"), 600))
	fmt.Printf("large slide: len=%d cap=%d\n", lb.Len(), lb.Cap())
	lb.Write(bytes.Repeat([]byte("w"), 2000))
	fmt.Printf("large grow: len=%d cap=%d\n", lb.Len(), lb.Cap())
}
