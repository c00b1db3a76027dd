// The Go original of csvwriter.c: encoding/csv's Writer over bufio.Writer
// (Write, WriteString, WriteByte, WriteRune, Flush with short writes,
// Available, Buffered, NewWriterSize) from the standard library, run
// as-is.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
)

// chunky accepts at most limit bytes per Write and fails after budget
// bytes in total (budget < 0: never).
type chunky struct {
	got    []byte
	writes int
	limit  int
	budget int
}

func (c *chunky) Write(p []byte) (int, error) {
	c.writes++
	n := len(p)
	if c.limit > 0 && n > c.limit {
		n = c.limit
	}
	if c.budget >= 0 {
		if n > c.budget {
			n = c.budget
			c.got = append(c.got, p[:n]...)
			c.budget = 0
			return n, errors.New("device full")
		}
		c.budget -= n
	}
	c.got = append(c.got, p[:n]...)
	return n, nil
}

func main() {
	records := [][]string{
		{"first_name", "last_name", "username"},
		{"Rob", "Pike", "rob"},
		{"Ken", "Thompson", "ken"},
		{"Robert", "Griesemer", "gri"},
		{"with,comma", "with \"quote\"", "multi\nline"},
		{"", " leading space", "\\."},
		{"cr\rhere", "tab\tinside", "caf\u00e9"},
		{},
		{"single"},
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	for _, r := range records {
		if err := w.Write(r); err != nil {
			fmt.Println("write error:", err)
		}
	}
	w.Flush()
	fmt.Printf("default err=%v\n%s", w.Error(), b.String())

	b.Reset()
	w = csv.NewWriter(&b)
	w.Comma = ';'
	w.UseCRLF = true
	err := w.WriteAll(records[3:7])
	fmt.Printf("semicolon crlf err=%v\n%q\n", err, b.String())

	b.Reset()
	w = csv.NewWriter(&b)
	w.Comma = '\u00a7'
	w.Write([]string{"a\u00a7b", "c", "d\u00e9"})
	w.Flush()
	fmt.Printf("section: %q\n", b.String())
	w.Comma = '"'
	fmt.Println("bad comma:", w.Write([]string{"x"}))

	// A small bufio.Writer in front of a writer that takes 7 bytes at a
	// time: the csv.Writer's own 4096-byte buffer wraps it.
	c := &chunky{limit: 7, budget: -1}
	small := bufio.NewWriterSize(c, 16)
	w = csv.NewWriter(small)
	var big [][]string
	for i := 0; i < 200; i++ {
		big = append(big, []string{fmt.Sprint(i), strings.Repeat("x", i%23), "q\"" + fmt.Sprint(i*i)})
	}
	err = w.WriteAll(big)
	small.Flush()
	fmt.Printf("chunky: err=%v writes=%d bytes=%d avail=%d buffered=%d tail=%q\n", err, c.writes, len(c.got), small.Available(), small.Buffered(), c.got[len(c.got)-20:])

	// Direct bufio.Writer use, including runes and a failing device.
	d := &chunky{budget: 50}
	bw := bufio.NewWriterSize(d, 16)
	for i := 0; i < 10; i++ {
		fmt.Fprintf(bw, "line %d;", i)
		bw.WriteRune('\u4e16')
		bw.WriteByte('|')
	}
	ferr := bw.Flush()
	fmt.Printf("device: flush=%v writes=%d got=%q buffered=%d\n", ferr, d.writes, d.got, bw.Buffered())
	_, err = bw.WriteString("more")
	fmt.Println("after failure:", err, bw.WriteByte('x'), bw.Flush())
	same := bufio.NewWriterSize(bw, 8)
	fmt.Println("same writer reused:", same == bw)
}
