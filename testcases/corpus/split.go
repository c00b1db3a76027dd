// The Go original of split.c: strings.Split, SplitN, SplitAfter,
// SplitAfterN and Join from the standard library, run as-is.
package main

import (
	"fmt"
	"strings"
)

func show(tag string, a []string) {
	fmt.Printf("%s: n=%d nil=%v", tag, len(a), a == nil)
	for _, e := range a {
		fmt.Printf(" [%s]", e)
	}
	fmt.Println()
}

func main() {
	type tc struct {
		s, sep string
		n      int
	}
	cases := []tc{
		{"a,b,c", ",", -1},
		{"a,b,c", ",", 0},
		{"a,b,c", ",", 1},
		{"a,b,c", ",", 2},
		{"a,b,c", ",", 10},
		{"", ",", -1},
		{"", "", -1},
		{"abc", "", -1},
		{"abc", "", 2},
		{"h\u00e9llo", "", -1},
		{"bad\xffbyte", "", -1},
		{"a--b--c--", "--", -1},
		{"--", "--", -1},
		{"aaaa", "aa", -1},
		{"no match here", "xyz", -1},
		{"1 2 3 4 5", " ", 3},
		{"\u00e9t\u00e9,\u00e9t\u00e9", "\u00e9", -1},
	}
	for i, c := range cases {
		show(fmt.Sprintf("SplitN %d", i), strings.SplitN(c.s, c.sep, c.n))
		show(fmt.Sprintf("SplitAfterN %d", i), strings.SplitAfterN(c.s, c.sep, c.n))
	}
	show("Split", strings.Split("x::y::z", "::"))
	show("SplitAfter", strings.SplitAfter("x::y::z", "::"))

	// Long inputs take Index's other paths: more than 64 bytes (no brute
	// force), a separator longer than 63 bytes, many false starts.
	var b strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "item%02d<sep>", i)
	}
	long := b.String()
	parts := strings.Split(long, "<sep>")
	fmt.Printf("long: %d parts, [%s] [%s] [%s]\n", len(parts), parts[0], parts[39], parts[40])
	after := strings.SplitAfterN(long, "<sep>", 5)
	fmt.Printf("long after: %d parts, last has %d bytes\n", len(after), len(after[4]))
	bigSep := strings.Repeat("=", 70)
	s := "left" + bigSep + "middle" + bigSep + "right" + bigSep[:69]
	show("big sep", strings.Split(s, bigSep))
	noisy := strings.Repeat("ab", 200) + "abc" + strings.Repeat("ab", 50) + "abc"
	ps := strings.Split(noisy, "abc")
	fmt.Printf("noisy: %d parts, lens %d %d %d\n", len(ps), len(ps[0]), len(ps[1]), len(ps[2]))
	fmt.Printf("count: %d %d %d %d\n", strings.Count(noisy, "abc"), strings.Count(noisy, "ab"), strings.Count("", ""), strings.Count("h\u00e9", ""))

	// Join: empty, one, many; and Split undone by Join.
	fmt.Printf("join0 [%s]\n", strings.Join(nil, ","))
	fmt.Printf("join1 [%s]\n", strings.Join([]string{"only"}, ","))
	fmt.Printf("join3 [%s]\n", strings.Join([]string{"a", "", "c"}, ", "))
	fmt.Printf("join sep-less [%s]\n", strings.Join([]string{"x", "y", "z"}, ""))
	back := strings.Join(parts, "<sep>")
	fmt.Printf("round trip: %v %d\n", back == long, len(back))
	var words []string
	for i := 0; i < 300; i++ {
		words = append(words, fmt.Sprintf("w%d", i%17))
	}
	j := strings.Join(words, "/")
	fmt.Printf("join300: %d bytes, %s...%s\n", len(j), j[:20], j[len(j)-12:])
	again := strings.Split(j, "/")
	same := len(again) == len(words)
	for i := range again {
		if again[i] != words[i] {
			same = false
		}
	}
	fmt.Printf("split300: %d %v\n", len(again), same)
}
