// The Go original of tabwriter.c: text/tabwriter from the standard
// library, run as-is, with every flag, escapes, HTML filtering, form
// feeds, cells split across Writes, a reused Writer and a failing output.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

// chunked writes p to w in pieces of n bytes, so cells span Writes.
func chunked(w *tabwriter.Writer, s string, n int) {
	for len(s) > 0 {
		k := n
		if k > len(s) {
			k = len(s)
		}
		w.Write([]byte(s[:k]))
		s = s[k:]
	}
}

type failing struct{ left int }

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n := f.left
		f.left = 0
		return n, errors.New("disk full")
	}
	f.left -= len(p)
	return len(p), nil
}

func run(tag string, minwidth, tabwidth, padding int, padchar byte, flags uint, text string, chunk int) {
	var out strings.Builder
	w := tabwriter.NewWriter(&out, minwidth, tabwidth, padding, padchar, flags)
	chunked(w, text, chunk)
	err := w.Flush()
	fmt.Printf("== %s (err=%v)\n%s", tag, err, strings.ReplaceAll(out.String(), "\t", "<TAB>"))
	if !strings.HasSuffix(out.String(), "\n") {
		fmt.Println("<no newline>")
	}
}

func main() {
	table := "a\tb\tc\naa\tbbb\tcccc\naaa\t\tc\n\tb\tc\nlonger cell\tx\ty\n"
	run("plain", 0, 8, 1, ' ', 0, table, 1000)
	run("chunk1", 0, 8, 1, ' ', 0, table, 1)
	run("chunk3", 5, 0, 2, '.', 0, table, 3)
	run("right", 0, 8, 1, ' ', tabwriter.AlignRight, table, 7)
	run("debug", 0, 8, 1, ' ', tabwriter.Debug, table, 1000)
	run("debug right", 4, 8, 1, '-', tabwriter.Debug|tabwriter.AlignRight, table, 5)
	run("tabs", 0, 8, 1, '\t', 0, table, 1000)
	run("tabs tw4", 0, 4, 1, '\t', tabwriter.AlignRight, table, 1000)
	run("tabs tw0", 0, 0, 1, '\t', 0, table, 1000)
	empty := "a\t\tb\nc\t\td\ne\t\tf\n"
	run("keep empty", 0, 8, 1, '.', 0, empty, 1000)
	run("discard empty", 0, 8, 1, '.', tabwriter.DiscardEmptyColumns, empty, 1000)
	run("discard empty tabs", 0, 8, 1, '\t', tabwriter.DiscardEmptyColumns|tabwriter.Debug, empty, 2)
	indent := "\t\tindented\tx\n\t\tmore\ty\n\tless\tz\n"
	run("tabindent", 0, 4, 1, '.', tabwriter.TabIndent, indent, 1000)
	run("no tabindent", 0, 4, 1, '.', 0, indent, 1000)
	html := "<b>bold</b>\t&amp;\tx\n<i>it</i>alic\t&lt;&gt;\ty\nplain\t&\tz\n"
	run("html", 0, 8, 1, '.', tabwriter.FilterHTML, html, 1000)
	run("html chunk2", 0, 8, 1, '.', tabwriter.FilterHTML, html, 2)
	run("no html", 0, 8, 1, '.', 0, html, 1000)
	esc := "a\xff\tb\xffc\td\nxx\xff\xff\ty\tz\n"
	run("escape", 0, 8, 1, '.', 0, esc, 1000)
	run("strip escape", 0, 8, 1, '.', tabwriter.StripEscape, esc, 1)
	ff := "a\tb\nccc\td\f" + "eeeee\tf\ng\th\n"
	run("formfeed", 0, 8, 1, '.', 0, ff, 1000)
	run("formfeed debug", 0, 8, 1, '.', tabwriter.Debug, ff, 3)
	vt := "a\vb\vc\naaa\vbbb\vc\n"
	run("vtab", 0, 8, 1, '.', 0, vt, 1000)
	run("unterminated", 0, 8, 1, '.', 0, "x\ty\nlast\tcell", 1000)
	run("utf8", 0, 8, 1, '.', 0, "h\u00e9llo\tw\u00f6rld\t\u4e16\u754c\nab\tcd\tef\n", 1)
	run("single", 0, 8, 1, '.', 0, "one line no tabs\nand another\n", 1000)
	run("nothing", 0, 8, 1, '.', 0, "", 1000)

	// Many lines: lines and cells grow, then the Writer is reused.
	var b strings.Builder
	for i := 0; i < 120; i++ {
		fmt.Fprintf(&b, "row%d\t%s\t%d\n", i, strings.Repeat("x", i%13), i*i)
	}
	var out strings.Builder
	w := tabwriter.NewWriter(&out, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	chunked(w, b.String(), 17)
	w.Flush()
	lines := strings.Split(out.String(), "\n")
	fmt.Printf("many: %d lines, %d bytes\n%s\n%s\n%s\n", len(lines), out.Len(), lines[0], lines[57], lines[119])
	out.Reset()
	w.Init(&out, 3, 8, 1, '_', 0)
	fmt.Fprintf(w, "re\tused\n%s\tx\n", strings.Repeat("w", 20))
	w.Flush()
	fmt.Print(out.String())

	// A failing output: Flush reports the error and resets the Writer.
	f := &failing{left: 10}
	w = tabwriter.NewWriter(f, 0, 8, 1, ' ', 0)
	fmt.Fprintf(w, "first\tsecond\tthird\nalpha\tbeta\tgamma\n")
	fmt.Println("failing flush:", w.Flush())
	f.left = 1000
	w.Init(os.Stdout, 0, 8, 1, '.', 0)
	fmt.Fprintf(w, "after\tfailure\nok\tyes\n")
	fmt.Println("flush again:", w.Flush())
}
