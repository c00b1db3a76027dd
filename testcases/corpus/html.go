// Exercises the real html.EscapeString and html.UnescapeString (Go 1.19),
// ported in html.c with a subset of the entity table that covers every
// entity these inputs name.
package main

import (
	"fmt"
	"html"
	"sort"
	"strings"
)

var inputs = []string{
	"",
	"no entities at all",
	"a < b && c > d",
	`He said "it's" fine`,
	"&amp;lt; is &lt; and &amp;gt is &gt",
	"&#65;&#x42;&#X43;&#0;&#128;&#x9F;&#xD800;&#1114112;&#;&#x;&#12",
	"caf&eacute; &eacute &copy2024 &nbsp;x &notin; &notit; &noti",
	"&NotEqualTilde; &hellip; &mdash; &euro; &frac12 &hearts; &larr; &zzz; & &; &&amp;",
	"&AMP; &AMP &quot;q&quot &apos;s&apos",
	"trailing &",
	"&",
	"&#",
	"&#x",
	"&#9731;&#128512;&#x1F600;&#x10FFFF;",
	"<p class=\"x\">Tom & Jerry's <b>'show'</b></p> <<>> &&& \"\"''",
	strings.Repeat("<a href='?x=1&y=2'>", 4),
}

// entityNames counts the names after each '&' (up to ';' or a non-letter).
func entityNames(s string, counts map[string]int) {
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			return
		}
		s = s[i+1:]
		j := 0
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '#') {
			j++
		}
		if j > 0 {
			counts[s[:j]]++
		}
	}
}

func main() {
	counts := make(map[string]int)
	roundTrips := 0
	for n, in := range inputs {
		esc := html.EscapeString(in)
		un := html.UnescapeString(in)
		back := html.UnescapeString(esc)
		if back == in {
			roundTrips++
		}
		fmt.Printf("%d in   [%s]\n", n, in)
		fmt.Printf("%d esc  [%s]\n", n, esc)
		fmt.Printf("%d unesc[%s] %d bytes\n", n, un, len(un))
		fmt.Printf("%d twice[%s]\n", n, html.UnescapeString(html.EscapeString(un)))
		entityNames(in, counts)
	}
	fmt.Printf("round trips: %d of %d\n", roundTrips, len(inputs))
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Printf("%s=%d ", k, counts[k])
	}
	fmt.Println()
}
