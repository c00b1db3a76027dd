// The Go original of builder.c: strings.Builder, strings.Map and
// strings.Repeat from the standard library, run as-is.
package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

func dropVowels(r rune) rune {
	if strings.ContainsRune("aeiouAEIOU", r) {
		return -1
	}
	return r
}

func upperASCII(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}

func identity(r rune) rune { return r }

func widen(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 'a' + 0xFF41 // fullwidth Latin
	}
	return r
}

func toError(r rune) rune {
	if r == 'x' {
		return utf8.RuneError
	}
	return r
}

func state(tag string, b *strings.Builder) {
	fmt.Printf("%s: len=%d cap=%d [%s]\n", tag, b.Len(), b.Cap(), b.String())
}

func main() {
	var b strings.Builder
	state("zero", &b)
	b.WriteString("hello")
	state("write", &b)
	b.WriteByte(',')
	b.WriteRune(' ')
	b.WriteRune('\u00e9')
	b.WriteRune('\u4e16')
	b.WriteRune(0x1F600)
	b.WriteRune(-5)
	b.WriteRune(0xD800)
	b.Write([]byte("!"))
	state("runes", &b)
	s1 := b.String()
	b.Grow(100)
	state("grow100", &b)
	b.Grow(10)
	state("grow10", &b)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "%d,", i)
		if i%20 == 0 {
			fmt.Printf("at %d: len=%d cap=%d\n", i, b.Len(), b.Cap())
		}
	}
	fmt.Printf("earlier string still [%s]\n", s1)
	b.Reset()
	state("reset", &b)
	b.WriteString("again")
	state("again", &b)

	var small strings.Builder
	for i := 0; i < 40; i++ {
		small.WriteRune(rune('a' + i%26))
		if i%8 == 7 {
			fmt.Printf("small %d: len=%d cap=%d\n", i, small.Len(), small.Cap())
		}
	}
	var unicode strings.Builder
	for i := 0; i < 30; i++ {
		unicode.WriteRune(rune(0x3b1 + i%24))
	}
	fmt.Printf("greek: len=%d cap=%d [%s]\n", unicode.Len(), unicode.Cap(), unicode.String())

	inputs := []string{"", "Hello, World!", "abcxyz ABCXYZ", "h\u00e9llo w\u00f6rld", "bad\xffbyte x", "aeiou", "no change 123"}
	maps := []struct {
		name string
		f    func(rune) rune
	}{{"rot13", rot13}, {"dropVowels", dropVowels}, {"upper", upperASCII}, {"identity", identity}, {"widen", widen}, {"toError", toError}}
	for _, m := range maps {
		for _, in := range inputs {
			out := strings.Map(m.f, in)
			fmt.Printf("Map %s [%s] -> [%s] %d bytes\n", m.name, in, out, len(out))
		}
	}
	long := strings.Repeat("abc\u00e9", 300)
	fmt.Printf("Map long: %d -> %d\n", len(long), len(strings.Map(widen, long)))

	for _, c := range []struct {
		s string
		n int
	}{{"", 5}, {"x", 0}, {"x", 1}, {"ab", 3}, {"-", 10}, {"abc", 7}, {"\u00e9", 4}} {
		r := strings.Repeat(c.s, c.n)
		fmt.Printf("Repeat [%s] %d -> [%s] %d\n", c.s, c.n, r, len(r))
	}
	big := strings.Repeat("0123456789", 1000)
	fmt.Printf("Repeat big: %d bytes, ends [%s]\n", len(big), big[len(big)-12:])
	odd := strings.Repeat("abcdefg", 77)
	fmt.Printf("Repeat odd: %d bytes, count of g %d\n", len(odd), strings.Count(odd, "g"))
}
