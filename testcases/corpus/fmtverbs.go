// The Go original of fmtverbs.c: fmt's formatting of integers, strings,
// byte slices, booleans and runes (fmt/format.go under print.go's verb
// dispatch) through fmt.Sprintf, from the standard library, run as-is.
package main

import "fmt"

func main() {
	ints := []int64{0, 7, -7, 42, 255, -255, 1 << 40, -1 << 63, 1<<63 - 1}
	intFormats := []string{"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%.0d", "%x", "%X", "%#x", "%#X", "%o", "%#o", "%O", "%b", "%#b", "%+08d", "%-08d|", "% 06d", "%020b", "%#10x", "%-#10o|"}
	for _, f := range intFormats {
		fmt.Printf("%-8s", f)
		for _, v := range ints {
			fmt.Printf(" ["+f+"]", v)
		}
		fmt.Println()
	}
	us := []uint64{0, 1, 1<<64 - 1}
	for _, f := range []string{"%d", "%x", "%#o", "%b", "%25d"} {
		fmt.Printf("%-8s", f)
		for _, v := range us {
			fmt.Printf(" ["+f+"]", v)
		}
		fmt.Println()
	}
	runes := []int64{'a', 'Z', ' ', '\n', 0xe9, 0x4e16, 0x1F600, 0x110000, -1}
	for _, f := range []string{"%c", "%5c", "%-3c|", "%U", "%#U", "%.6U", "%10U", "%q", "%+q"} {
		fmt.Printf("%-8s", f)
		for _, r := range runes {
			if f == "%#U" && (r >= 0x80 || r < 0x20) {
				continue // non-ASCII needs IsPrint tables
			}
			if (f == "%q") && (r >= 0x80 || r < 0) {
				continue
			}
			fmt.Printf(" ["+f+"]", rune(r))
		}
		fmt.Println()
	}
	strs := []string{"", "a", "hello", "h\u00e9llo w\u00f6rld", "tab\there", "quote\"back\\slash", "`raw`"}
	for _, f := range []string{"%s", "%10s", "%-10s|", "%.3s", "%8.2s", "%x", "%X", "% x", "%#x", "% #X", "%.2x", "%12x", "%-12x|", "%q", "%+q", "%#q", "%10q", "%v", "%010s"} {
		fmt.Printf("%-8s", f)
		for _, s := range strs {
			if (f == "%q" || f == "%10q") && s == "h\u00e9llo w\u00f6rld" {
				continue // non-ASCII needs IsPrint tables
			}
			fmt.Printf(" ["+f+"]", s)
		}
		fmt.Println()
	}
	bs := [][]byte{nil, []byte("bytes"), []byte("\x00\xff\x10")}
	for _, f := range []string{"%s", "%x", "% X", "%#x", "%8s", "%.2s", "%-8x|"} {
		fmt.Printf("%-8s", f)
		for _, b := range bs {
			fmt.Printf(" ["+f+"]", b)
		}
		fmt.Println()
	}
	for _, f := range []string{"%t", "%v", "%6t", "%-6t|"} {
		fmt.Printf("%-8s [%s] [%s]\n", f, fmt.Sprintf(f, true), fmt.Sprintf(f, false))
	}
	// Wide padding grows the buffer past its capacity several times.
	fmt.Printf("[%300d]\n", 1)
	fmt.Printf("[%-200s|%150x]\n", "left", 0xabc)
}
