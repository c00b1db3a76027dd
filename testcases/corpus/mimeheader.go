// The Go original of mimeheader.c: net/textproto's Reader (ReadLine,
// ReadMIMEHeader with continuation lines, canonical keys, the preallocated
// value strings) and MIMEHeader's methods over a bufio.Reader, from the
// standard library, run as-is.
package main

import (
	"bufio"
	"fmt"
	"net/textproto"
	"sort"
	"strings"
)

func dump(tag string, h textproto.MIMEHeader, err error) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("== %s: %d keys, err=%v\n", tag, len(h), err)
	for _, k := range keys {
		fmt.Printf("  %s: %d %s\n", k, len(h[k]), strings.Join(h[k], " | "))
	}
}

func parse(tag, input string, size int) (*textproto.Reader, textproto.MIMEHeader) {
	r := textproto.NewReader(bufio.NewReaderSize(strings.NewReader(input), size))
	h, err := r.ReadMIMEHeader()
	dump(tag, h, err)
	return r, h
}

func main() {
	mail := "From: alice@example.com\r\n" +
		"to: bob@example.com\r\n" +
		"Subject: a long subject\r\n" +
		"  folded onto\r\n" +
		"\ttwo more lines\r\n" +
		"Received: by relay1\r\n" +
		"Received: by relay2\r\n" +
		"x-custom-header: one\r\n" +
		"X-CUSTOM-HEADER: two\r\n" +
		"content-type:text/plain;  charset=utf-8  \r\n" +
		"Empty:\r\n" +
		"weird_key: kept as is\r\n" +
		"mIxEd-CaSe-KeY: v\r\n" +
		"\r\n" +
		"body line 1\r\n" +
		"body line 2\n"
	r, h := parse("mail", mail, 4096)
	for {
		line, err := r.ReadLine()
		if err != nil {
			fmt.Printf("  body end: %v\n", err)
			break
		}
		fmt.Printf("  body [%s]\n", line)
	}

	// The single values share one preallocated array, each capped at one
	// element: appending to one must not overwrite the next.
	h.Add("from", "carol@example.com")
	h.Add("New-Key", "fresh")
	fmt.Println("after Add: From =", h.Values("From"), "To =", h.Values("To"), "Subject =", h.Get("subject"))
	h.Set("received", "replaced")
	h.Del("X-Custom-Header")
	fmt.Println("after Set/Del:", h.Values("Received"), h.Get("x-custom-header") == "", len(h))
	dump("mail after edits", h, nil)

	// A small buffer: long lines come back in pieces (ReadLine's isPrefix)
	// and are joined.
	long := "Long-Header: " + strings.Repeat("0123456789", 8) + "\n" +
		"Cont: a\n" + " " + strings.Repeat("b", 40) + "\n" + " c\n" +
		"Short: s\n\n"
	parse("small buffer", long, 16)

	parse("lf only", "A: 1\nB: 2\nA: 3\n\n", 4096)
	parse("no blank line", "A: 1\nB: 2", 4096)
	parse("empty", "", 4096)
	parse("just blank", "\r\n", 4096)
	parse("leading space", " A: 1\n\n", 4096)
	parse("missing colon", "A: 1\nnocolon\n\n", 4096)
	parse("empty key", ": novalue\nB: 2\n\n", 4096)
	parse("space in key", "Bad Key: 1\nGood: 2\n\n", 4096)
	var many strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&many, "k%d: v%d\n", i%23, i)
	}
	many.WriteString("\n")
	_, mh := parse("many", many.String(), 4096)
	fmt.Println("k5 =", mh.Values("K5"))

	for _, k := range []string{"content-type", "CONTENT-TYPE", "Content-Type", "x-forwarded-for", "a-b-c", "-lead", "trail-", "under_score", "sp ace", "", "user-agent", "dkim-signature", "foo--bar"} {
		fmt.Printf("canonical %q -> %q\n", k, textproto.CanonicalMIMEHeaderKey(k))
	}
	var nilh textproto.MIMEHeader
	fmt.Printf("nil header: [%s] %v\n", nilh.Get("a"), nilh.Values("a") == nil)
}
