// The Go original of strconv.c: strconv's integer formatting (FormatInt,
// FormatUint, Itoa, AppendInt, AppendUint over formatBits), ASCII quoting
// (QuoteToASCII, AppendQuoteToASCII, QuoteRuneToASCII), unquoting
// (Unquote, UnquoteChar) and integer parsing (ParseUint, ParseInt, Atoi
// with NumError) from the standard library, run as-is.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	ints := []int64{0, 7, 42, 99, 100, -1, -99, 12345, -9876543210, 1<<62 + 12345, -1 << 63, 1<<63 - 1}
	for _, v := range ints {
		fmt.Printf("%d: %s %s %s %s %s\n", v, strconv.FormatInt(v, 10), strconv.FormatInt(v, 2), strconv.FormatInt(v, 16), strconv.FormatInt(v, 36), strconv.FormatInt(v, 7))
	}
	for _, u := range []uint64{0, 5, 99, 1<<64 - 1, 1 << 32} {
		fmt.Printf("u%s %s %s\n", strconv.FormatUint(u, 10), strconv.FormatUint(u, 8), strconv.FormatUint(u, 32))
	}
	fmt.Println(strconv.Itoa(-2022), strconv.Itoa(64))

	// AppendInt into one reused buffer, and growing one across appends.
	buf := make([]byte, 0, 8)
	for _, v := range []int64{3, -45, 123456789012, 0} {
		buf = strconv.AppendInt(buf[:0], v, 10)
		fmt.Printf("reused [%s] cap=%d\n", buf, cap(buf))
	}
	var line []byte
	for i := int64(0); i < 40; i++ {
		line = strconv.AppendInt(line, i*i*i-500, 10)
		line = append(line, ',')
		line = strconv.AppendUint(line, uint64(i)*0x9e3779b97f4a7c15, 16)
		line = append(line, ' ')
	}
	fmt.Printf("line %d bytes: %s...%s\n", len(line), line[:30], line[len(line)-30:])

	quotes := []string{"", "plain", "with \"quotes\" and \\backslash", "tab\tnewline\ncr\r", "bell\a\b\f\v", "\x00\x01\x7f", "caf\u00e9", "\u4e16\u754c", "\U0001F600 smile", "bad\xffutf8\xc3", "'single'"}
	for _, s := range quotes {
		fmt.Println(strconv.QuoteToASCII(s))
	}
	prefix := []byte("quoted=")
	prefix = strconv.AppendQuoteToASCII(prefix, "\u00e9\n")
	fmt.Printf("%s\n", prefix)
	for _, r := range []rune{'a', '\'', '"', '\n', 0xe9, 0x1F600, -1, 0x110000, 0xD800} {
		fmt.Print(strconv.QuoteRuneToASCII(r), " ")
	}
	fmt.Println()

	unq := []string{`"abc"`, `"a\tb\nc"`, `"\x41\u00e9\U0001F600\101"`, `"\""`, `"\'"`, `'\''`, `'a'`, `'ab'`, `'\u00e9'`, "`raw\\n`", "`with\r\ncr`", `"unterminated`, `"bad \q"`, `"\400"`, `"\uD800"`, `"new
line"`, `""`, `''`, `x`, `"tail" x`, `"caf` + "\u00e9" + `"`, `"\xff"`}
	for _, s := range unq {
		out, err := strconv.Unquote(s)
		fmt.Printf("Unquote(%s) = %s %v\n", strconv.QuoteToASCII(s), strconv.QuoteToASCII(out), err)
	}
	for _, s := range []string{`\n rest`, `\x7fz`, `\u263a!`, `\'`, `\"`, "\u00e9x", `\`, ``} {
		v, mb, tail, err := strconv.UnquoteChar(s, '"')
		fmt.Printf("UnquoteChar(%s) = %d %v %s %v\n", strconv.QuoteToASCII(s), v, mb, strconv.QuoteToASCII(tail), err)
	}

	parses := []struct {
		s       string
		base    int
		bitSize int
	}{
		{"0", 10, 64}, {"123", 10, 64}, {"-123", 10, 64}, {"+7", 10, 8}, {"127", 10, 8}, {"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8},
		{"ff", 16, 64}, {"0xff", 0, 64}, {"0b1011", 0, 64}, {"0o17", 0, 64}, {"017", 0, 64}, {"1_000_000", 0, 64}, {"1__0", 0, 64},
		{"_1", 0, 64}, {"1_000", 10, 64}, {"zz", 36, 64}, {"9223372036854775807", 10, 64}, {"9223372036854775808", 10, 64},
		{"-9223372036854775808", 10, 64}, {"18446744073709551616", 10, 64}, {"", 10, 64}, {"12a", 10, 64}, {"1", 1, 64}, {"1", 10, 65},
	}
	for _, p := range parses {
		i, err := strconv.ParseInt(p.s, p.base, p.bitSize)
		u, uerr := strconv.ParseUint(p.s, p.base, p.bitSize)
		fmt.Printf("Parse(%q,%d,%d): %d %v | %d %v\n", p.s, p.base, p.bitSize, i, err, u, uerr)
	}
	for _, s := range []string{"42", "-42", "+", "-", "", "123456789012345678", "1234567890123456789", "99999999999999999999", "4x"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d %v\n", s, n, err)
	}
}
