// The Go original of bytesfields.c: bytes.Fields, FieldsFunc, Split,
// SplitN, SplitAfter, SplitAfterN (genSplit, explode), Count, Index, Join
// and Repeat from the standard library, run as-is.  The fields and pieces
// are 3-index slices of the input, so appending to one must copy and
// leave the input alone; main checks that.
package main

import (
	"bytes"
	"fmt"
	"unicode"
)

func show(tag string, a [][]byte) {
	fmt.Printf("%s: n=%d nil=%v", tag, len(a), a == nil)
	for _, e := range a {
		fmt.Printf(" [%s]/%d", e, cap(e))
	}
	fmt.Println()
}

func isSep(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }

func main() {
	inputs := []string{"", "  ", "a", " foo  bar\tbaz\n", "x y z ", "caf\u00e9 \u00a0na\u00efve\u2003end", "bad\xff utf8"}
	for i, in := range inputs {
		show(fmt.Sprintf("Fields %d", i), bytes.Fields([]byte(in)))
		show(fmt.Sprintf("FieldsFunc %d", i), bytes.FieldsFunc([]byte(in+",;x"), isSep))
	}
	type tc struct {
		s, sep string
		n      int
	}
	for i, c := range []tc{
		{"a,b,c", ",", -1}, {"a,b,c", ",", 0}, {"a,b,c", ",", 2}, {"", ",", -1},
		{"abc", "", -1}, {"abc", "", 2}, {"h\u00e9\xffz", "", -1}, {"a--b--", "--", -1},
		{"aaaa", "aa", -1}, {"1 2 3 4", " ", 3},
	} {
		show(fmt.Sprintf("SplitN %d", i), bytes.SplitN([]byte(c.s), []byte(c.sep), c.n))
		show(fmt.Sprintf("SplitAfterN %d", i), bytes.SplitAfterN([]byte(c.s), []byte(c.sep), c.n))
	}

	// Appending to a field must not write into the input or its neighbour.
	line := []byte("alpha beta gamma delta")
	fs := bytes.Fields(line)
	for i := range fs {
		fs[i] = append(fs[i], '!')
	}
	fmt.Printf("appended fields: %s | line intact: [%s]\n", bytes.Join(fs, []byte("/")), line)
	csv := []byte("k1=v1;k2=v2;k3=v3")
	parts := bytes.Split(csv, []byte(";"))
	first := append(parts[0], "-more"...)
	fmt.Printf("first [%s] second [%s] input [%s]\n", first, parts[1], csv)
	after := bytes.SplitAfter(csv, []byte(";"))
	after[0] = append(after[0], 'X')
	fmt.Printf("after [%s] [%s] input [%s]\n", after[0], after[1], csv)
	runes := bytes.Split([]byte("\u00e9t\u00e9"), nil)
	runes[0] = append(runes[0], '#')
	fmt.Printf("runes [%s] [%s] [%s]\n", runes[0], runes[1], runes[2])

	// Long input: Index's non-brute-force paths, Count.
	var long []byte
	for i := 0; i < 50; i++ {
		long = append(long, fmt.Sprintf("rec%02d<-->", i)...)
	}
	recs := bytes.Split(long, []byte("<-->"))
	fmt.Printf("long: %d recs, [%s] [%s] [%s] count=%d\n", len(recs), recs[0], recs[49], recs[50], bytes.Count(long, []byte("<-->")))
	big := bytes.Repeat([]byte("ab"), 300)
	big = append(big, "abc"...)
	fmt.Printf("index abc=%d count ab=%d count empty=%d\n", bytes.Index(big, []byte("abc")), bytes.Count(big, []byte("ab")), bytes.Count([]byte("h\u00e9"), nil))
	sep70 := bytes.Repeat([]byte("="), 70)
	joined := bytes.Join([][]byte{[]byte("L"), []byte("M"), []byte("R")}, sep70)
	show("big sep", bytes.Split(joined, sep70))

	// Join and Repeat.
	fmt.Printf("join0 [%s] nil=%v\n", bytes.Join(nil, []byte(",")), bytes.Join(nil, []byte(",")) == nil)
	one := [][]byte{[]byte("solo")}
	j1 := bytes.Join(one, []byte(","))
	j1[0] = 'S'
	fmt.Printf("join1 [%s] original [%s]\n", j1, one[0])
	fmt.Printf("join3 [%s]\n", bytes.Join([][]byte{[]byte("a"), nil, []byte("c")}, []byte(", ")))
	for _, n := range []int{0, 1, 2, 5, 16} {
		r := bytes.Repeat([]byte("xyz"), n)
		fmt.Printf("repeat %d: [%s] len=%d nil=%v\n", n, r, len(r), r == nil)
	}
}
