// The Go original of fields.c: strings.Fields and strings.FieldsFunc from
// the standard library, run as-is.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func show(tag string, fs []string) {
	fmt.Printf("%s: %d fields\n", tag, len(fs))
	for i, f := range fs {
		fmt.Printf("  %d [%s] len=%d\n", i, f, len(f))
	}
}

func isSep(r rune) bool { return r == ',' || r == ';' || r == ':' }

func notDigit(r rune) bool { return r < '0' || r > '9' }

func main() {
	inputs := []string{
		"",
		"   ",
		"a",
		"  foo bar  baz   ",
		"one\ttwo\nthree\vfour\ffive\rsix",
		"trailing field",
		"\u00a0non\u2003ascii\u3000spaces\u0085here",
		"caf\u00e9 na\u00efve r\u00e9sum\u00e9",
		"bad\xffutf8 \xc3( x",
		"\u2028\u2029",
	}
	for i, in := range inputs {
		show(fmt.Sprintf("Fields %d", i), strings.Fields(in))
	}
	// Many fields: more than the 32 spans FieldsFunc starts with.
	var sb strings.Builder
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&sb, "w%d \u00a0", i)
	}
	long := sb.String()
	fs := strings.Fields(long)
	fmt.Printf("long: %d fields, first %s last %s\n", len(fs), fs[0], fs[len(fs)-1])
	total := 0
	for _, f := range fs {
		total += len(f)
	}
	fmt.Printf("long: %d bytes in fields\n", total)
	ascii := strings.Replace(long, "\u00a0", "\t", -1)
	fs = strings.Fields(ascii)
	fmt.Printf("ascii long: %d fields, field 57 %s\n", len(fs), fs[57])

	funcInputs := []string{"", ",,,", "a,b;c:d", ";;x;;y;;", "no separators", "\u00e9,\u00e8;", "a,,b,,,c,"}
	for i, in := range funcInputs {
		show(fmt.Sprintf("FieldsFunc sep %d", i), strings.FieldsFunc(in, isSep))
	}
	show("FieldsFunc digits", strings.FieldsFunc("ab12cd345e6\u00e978", notDigit))
	show("FieldsFunc space", strings.FieldsFunc("  x \u00a0 y\u2003z ", unicode.IsSpace))
	var nums strings.Builder
	for i := 0; i < 70; i++ {
		fmt.Fprintf(&nums, "%d;", i*7)
	}
	fs = strings.FieldsFunc(nums.String(), isSep)
	sum := 0
	for _, f := range fs {
		n := 0
		for _, c := range f {
			n = n*10 + int(c-'0')
		}
		sum += n
	}
	fmt.Printf("FieldsFunc nums: %d fields, sum %d, last %s\n", len(fs), sum, fs[len(fs)-1])
}
