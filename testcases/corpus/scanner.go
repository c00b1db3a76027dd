// The Go original of scanner.c: bufio.Scanner with ScanLines, ScanWords,
// ScanRunes, ScanBytes and custom split functions, over in-memory readers,
// from the standard library, run as-is.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// trickle hands out its input a varying few bytes per Read, with some
// empty reads, as a pipe would.
type trickle struct {
	s    string
	step int
}

func (t *trickle) Read(p []byte) (int, error) {
	if len(t.s) == 0 {
		return 0, io.EOF
	}
	t.step++
	k := t.step % 5
	if k > len(p) {
		k = len(p)
	}
	if k > len(t.s) {
		k = len(t.s)
	}
	copy(p, t.s[:k])
	t.s = t.s[k:]
	return k, nil
}

func scan(tag string, r io.Reader, split bufio.SplitFunc, buf []byte, max int) {
	s := bufio.NewScanner(r)
	if split != nil {
		s.Split(split)
	}
	if buf != nil {
		s.Buffer(buf, max)
	}
	n := 0
	var sb strings.Builder
	for s.Scan() {
		tok := s.Bytes()
		if len(tok) > 30 {
			fmt.Fprintf(&sb, " [%s...%d]", tok[:8], len(tok))
		} else {
			fmt.Fprintf(&sb, " [%s]", s.Text())
		}
		n++
	}
	fmt.Printf("%s: %d tokens, err=%v:%s\n", tag, n, s.Err(), sb.String())
}

// commaSplit is the package example's custom split: comma-separated
// values, with an empty final token.
func commaSplit(data []byte, atEOF bool) (advance int, token []byte, err error) {
	for i := 0; i < len(data); i++ {
		if data[i] == ',' {
			return i + 1, data[:i], nil
		}
	}
	if !atEOF {
		return 0, nil, nil
	}
	return 0, data, bufio.ErrFinalToken
}

var errStop = errors.New("stop word")

// untilStop splits words and fails on the word "STOP".
func untilStop(data []byte, atEOF bool) (int, []byte, error) {
	advance, token, err := bufio.ScanWords(data, atEOF)
	if err == nil && token != nil && string(token) == "STOP" {
		return 0, nil, errStop
	}
	return advance, token, err
}

func main() {
	text := "first line\nsecond line\r\n\nfourth after empty\r\nno newline at end"
	scan("lines", strings.NewReader(text), nil, nil, 0)
	scan("lines trickle", &trickle{s: text}, nil, nil, 0)
	scan("lines empty", strings.NewReader(""), nil, nil, 0)
	scan("lines only newlines", strings.NewReader("\n\n\r\n"), nil, nil, 0)
	scan("words", strings.NewReader("  the quick\tbrown\n\nfox \u00a0jumps\u2003over  "), bufio.ScanWords, nil, 0)
	scan("words trickle", &trickle{s: " alpha  beta\u3000gamma\u0085delta "}, bufio.ScanWords, nil, 0)
	scan("words none", strings.NewReader(" \t\n "), bufio.ScanWords, nil, 0)
	scan("runes", strings.NewReader("a\u00e9\u4e16\U0001F600\xffz"), bufio.ScanRunes, nil, 0)
	scan("runes trickle", &trickle{s: "h\u00e9llo, \u4e16\u754c\U0001F600!\xe4\xb8"}, bufio.ScanRunes, nil, 0)
	scan("bytes", strings.NewReader("ab\u00e9"), bufio.ScanBytes, nil, 0)
	scan("comma", strings.NewReader("1,2,3,4,"), commaSplit, nil, 0)
	scan("comma trickle", &trickle{s: "alpha,beta,,gamma"}, commaSplit, nil, 0)
	scan("stop", strings.NewReader("go on STOP never"), untilStop, nil, 0)

	// Long lines: the buffer doubles from 4096 up to the maximum.
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString(strings.Repeat(fmt.Sprint(i), 5000*(i+1)))
		b.WriteByte('\n')
	}
	b.WriteString("short\n")
	long := b.String()
	scan("long", strings.NewReader(long), nil, nil, 0)
	scan("long trickle", &trickle{s: long[:12000]}, nil, nil, 0)
	scan("too long", strings.NewReader(long), nil, make([]byte, 100), 9000)
	scan("small buffer", strings.NewReader("abc\ndefgh\nij\n"), nil, make([]byte, 0, 4), 8)
	scan("tiny max", strings.NewReader("abcdefghij\n"), nil, make([]byte, 2), 4)

	// A buffer handed in by the caller is used as the scanner's own.
	own := make([]byte, 64)
	s := bufio.NewScanner(strings.NewReader("reuse the caller's buffer\nsecond\n"))
	s.Buffer(own, 64)
	s.Scan()
	fmt.Printf("own buffer: [%s] shares=%v\n", s.Text(), &s.Bytes()[0] == &own[0])
	s.Scan()
	fmt.Printf("own buffer: [%s] [%s]\n", s.Text(), strings.ReplaceAll(string(own[:33]), "\n", "|"))

	// Word frequencies over many lines, counted in a map.
	var in bytes.Buffer
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&in, "w%d w%d w%d\n", i%7, i%11, i%3)
	}
	counts := map[string]int{}
	ws := bufio.NewScanner(&in)
	ws.Split(bufio.ScanWords)
	for ws.Scan() {
		counts[ws.Text()]++
	}
	fmt.Printf("distinct %d, w0=%d w6=%d w10=%d\n", len(counts), counts["w0"], counts["w6"], counts["w10"])
}
