// The Go original of httpheader.c: net/http.Header (Add, Set, Get,
// Values, Del, Clone, Write, WriteSubset) from the standard library, run
// as-is.
package main

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
)

func dump(tag string, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("%s (%d):", tag, len(h))
	for _, k := range keys {
		fmt.Printf(" %s=%q", k, h[k])
	}
	fmt.Println()
}

type failWriter struct{ left int }

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.left {
		return 0, fmt.Errorf("disk full")
	}
	f.left -= len(p)
	return len(p), nil
}

func main() {
	h := http.Header{}
	h.Add("content-type", "text/html")
	h.Add("Accept", "text/plain")
	h.Add("accept", "application/json")
	h.Set("X-Request-Id", "abc123")
	h.Add("Cache-Control", "no-cache")
	h.Add("Cache-Control", "no-store")
	h.Add("X-Multi-Line", "first\nsecond\r\nthird")
	h.Add("X-Padded", "  spaced out \t")
	h["bad key"] = []string{"skipped"}
	h["Empty-List"] = []string{}
	h["Nil-List"] = nil
	fmt.Println("get:", h.Get("CONTENT-TYPE"), h.Get("accept"), h.Get("missing") == "", h.Values("Cache-Control"))
	dump("h", h)

	var b strings.Builder
	err := h.Write(&b)
	fmt.Printf("write err=%v\n%s", err, b.String())
	b.Reset()
	err = h.WriteSubset(&b, map[string]bool{"Accept": true, "X-Padded": true, "Nope": true})
	fmt.Printf("subset err=%v\n%s", err, b.String())

	// Clone shares one backing array between all value lists; each list is
	// capped, so appending to one copies.
	c := h.Clone()
	c.Add("Accept", "text/csv")
	c.Add("X-Request-Id", "def456")
	c.Set("Content-Type", "text/xml")
	c["Cache-Control"][0] = "private"
	dump("clone", c)
	dump("original", h)
	fmt.Println("nil clone:", http.Header(nil).Clone() == nil, "nil list kept:", c["Nil-List"] == nil, len(c["Empty-List"]))

	h.Del("accept")
	h.Del("X-Multi-Line")
	dump("after del", h)
	big := http.Header{}
	for i := 0; i < 50; i++ {
		big.Add(fmt.Sprintf("x-key-%02d", i%17), fmt.Sprintf("v%d", i))
	}
	bc := big.Clone()
	for k := range bc {
		bc[k] = append(bc[k], "added")
	}
	b.Reset()
	big.Write(&b)
	fmt.Printf("big: %d keys, %d bytes written, first line %q\n", len(big), b.Len(), strings.SplitN(b.String(), "\r\n", 2)[0])
	fmt.Println("big clone grown:", len(bc["X-Key-03"]), len(big["X-Key-03"]), bc["X-Key-03"])
	fmt.Println("failing write:", h.Write(&failWriter{left: 30}))
}
