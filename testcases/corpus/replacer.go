// The Go original of replacer.c: strings.NewReplacer and its four
// implementations (generic trie, single string, byte, byte-to-string),
// through both Replace and WriteString, from the standard library as-is.
package main

import (
	"fmt"
	"strings"
)

func try(tag string, r *strings.Replacer, inputs ...string) {
	for i, s := range inputs {
		out := r.Replace(s)
		var b strings.Builder
		n, err := r.WriteString(&b, s)
		fmt.Printf("%s %d: [%s] -> [%s] n=%d err=%v same=%v\n", tag, i, s, out, n, err, b.String() == out)
	}
}

func main() {
	// Generic: multi-byte keys, overlapping keys (earlier pairs win),
	// keys sharing prefixes (split trie nodes), values of any length.
	html := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;", "'", "&#39;")
	try("html", html, "", "plain", "<a href=\"x\">Tom & 'Jerry'</a>", "&&&&")
	unhtml := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'", "&", "[amp]")
	try("unhtml", unhtml, "&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#39;q&#39; & stray &am", "&&amp;&")
	prio := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	try("prio", prio, "aaaa", "baaab", "")
	prio2 := strings.NewReplacer("aaa", "3", "aa", "2", "a", "1")
	try("prio2", prio2, "aaaa", "aaaaaaa", "xaxaax")
	trie := strings.NewReplacer("abc", "[ABC]", "abd", "[ABD]", "ab", "[AB]", "xyz", "[XYZ]", "x", "[X]", "abcdef", "[LONG]")
	try("trie", trie, "abcdefabdabxyzxyxabcde", "zzz", "aabbccabc")
	empty := strings.NewReplacer("", "-")
	try("empty", empty, "", "abc", "h\u00e9")
	emptyAnd := strings.NewReplacer("a", "A", "", "-")
	try("emptyAnd", emptyAnd, "banana", "xyz")
	blank := strings.NewReplacer("a", "", "bc", "")
	try("blank", blank, "abcabcaXbc", "bbcc")
	var pairs []string
	for i := 0; i < 26; i++ {
		pairs = append(pairs, fmt.Sprintf("k%c%c", 'a'+i, 'a'+(i*7)%26), fmt.Sprintf("<%d>", i))
	}
	many := strings.NewReplacer(pairs...)
	try("many", many, "kaakbhkcokzzkqgzzkz", strings.Repeat("kaa-kbh ", 20))

	// Single string: Boyer-Moore finder.
	single := strings.NewReplacer("needle", "N")
	try("single", single, "haystack with a needle and another needle, needleneedle", "no match", "needl", "")
	periodic := strings.NewReplacer("abab", "X")
	try("periodic", periodic, "abababababab", "aabababbabab")

	// Bytes to bytes.
	rot := strings.NewReplacer("a", "b", "b", "c", "c", "a", "a", "z")
	try("bytes", rot, "abcabc", "xyz", "", strings.Repeat("cab", 30))
	// Bytes to strings.
	esc := strings.NewReplacer("\n", "\\n", "\t", "\\t", "\\", "\\\\", "x", "")
	try("bytestr", esc, "line1\nline2\ttab\\back x", "nothing", strings.Repeat("a\nb", 12))
	dup := strings.NewReplacer("a", "1", "a", "2", "b", "33")
	try("dup", dup, "abba", "cc")
}
