// The Go original of csv.c: encoding/csv's Reader (readLine over a
// bufio.Reader, readRecord's field parsing and quotes, ParseError) from
// the standard library, run as-is.
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// trickle hands out its input n bytes per Read.
type trickle struct {
	s string
	n int
}

func (t *trickle) Read(p []byte) (int, error) {
	if len(t.s) == 0 {
		return 0, io.EOF
	}
	k := t.n
	if k > len(p) {
		k = len(p)
	}
	if k > len(t.s) {
		k = len(t.s)
	}
	copy(p, t.s[:k])
	t.s = t.s[k:]
	return k, nil
}

type opts struct {
	comma, comment rune
	fields         int
	lazy, trim     bool
	reuse          bool
	trickle        int
}

func run(tag, input string, o opts) {
	var src io.Reader = strings.NewReader(input)
	if o.trickle > 0 {
		src = &trickle{input, o.trickle}
	}
	r := csv.NewReader(src)
	if o.comma != 0 {
		r.Comma = o.comma
	}
	r.Comment = o.comment
	r.FieldsPerRecord = o.fields
	r.LazyQuotes = o.lazy
	r.TrimLeadingSpace = o.trim
	r.ReuseRecord = o.reuse
	fmt.Printf("== %s\n", tag)
	var prev []string
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			fmt.Printf("EOF at offset %d\n", r.InputOffset())
			break
		}
		fmt.Printf("rec %d (%d fields):", n, len(rec))
		for i, f := range rec {
			line, col := r.FieldPos(i)
			if len(f) > 40 {
				fmt.Printf(" [%s...%d bytes]@%d:%d", f[:10], len(f), line, col)
			} else {
				fmt.Printf(" [%s]@%d:%d", f, line, col)
			}
		}
		if o.reuse && prev != nil && len(prev) > 0 && len(rec) > 0 {
			fmt.Printf(" shared=%v", &prev[0] == &rec[0])
		}
		prev = rec
		fmt.Println()
		if err != nil {
			fmt.Printf("error: %v\n", err)
			if _, ok := err.(*csv.ParseError); !ok {
				break
			}
		}
	}
}

func main() {
	run("simple", "a,b,c\n", opts{})
	run("crlf", "a,b\r\nc,d\r\n", opts{})
	run("bare cr", "a,b\rc,d\r\n", opts{})
	run("no newline", "a,b,c", opts{})
	run("quoted", "\"a\",\"b,c\",\"d\"\"e\"\n\"multi\nline\",x\n", opts{})
	run("empty fields", ",,\n\"\",\"\",x\n", opts{})
	run("blank lines", "\n\na,b\n\n\nc,d\n\n", opts{})
	run("comments", "#skip,me\na,b\n# and me\nc,#d\n", opts{comment: '#'})
	run("semicolon", "a;b;\"c;d\"\n1;2;3\n", opts{comma: ';'})
	run("unicode comma", "a\u00a7b\u00a7\"c\u00a7d\"\n", opts{comma: '\u00a7'})
	run("tab", "a\tb\t c\n", opts{comma: '\t'})
	run("trim", "  a,   b,\t\"c\"\n   \n x , y\n", opts{trim: true})
	run("trim all space", "a,   \n", opts{trim: true})
	run("bare quote", "a,b\"c,d\n", opts{})
	run("bare quote lazy", "a,b\"c,d\n", opts{lazy: true})
	run("extraneous quote", "\"a\"b,c\n", opts{})
	run("extraneous lazy", "\"a\"b,c\n\"x\"\"\"\n", opts{lazy: true})
	run("unterminated", "\"abc\n", opts{})
	run("unterminated lazy", "\"abc\ndef", opts{lazy: true})
	run("field count", "a,b,c\nd,e\nf,g,h\n", opts{})
	run("field count fixed", "a,b\nd,e,f\n", opts{fields: 2})
	run("field count any", "a,b\nc\nd,e,f\n", opts{fields: -1})
	run("quote error later line", "a,b\n\"c\nd\"e,f\n", opts{})
	run("reuse", "a,b,c\nd,e,f\ng,h\n", opts{reuse: true, fields: -1})
	run("trickle", "one,\"two\nlines\",three\nfour,five,six\n", opts{trickle: 3})
	run("bad delim", "a,b\n", opts{comma: '"'})
	run("comma is comment", "a,b\n", opts{comment: ','})
	var long strings.Builder
	long.WriteString("start,")
	for i := 0; i < 1200; i++ {
		fmt.Fprintf(&long, "%04d", i)
	}
	long.WriteString(",\"quoted ")
	for i := 0; i < 900; i++ {
		long.WriteString("q\"\"")
	}
	long.WriteString("\",end\nnext,row,here\n")
	run("long line", long.String(), opts{})
	run("long line trickle", long.String(), opts{trickle: 1000})

	r := csv.NewReader(strings.NewReader("h1,h2\n1,2\n3,4\n"))
	all, err := r.ReadAll()
	fmt.Println("ReadAll:", all, err)
	r = csv.NewReader(strings.NewReader("h1,h2\n1,2,3\n"))
	all, err = r.ReadAll()
	fmt.Println("ReadAll error:", all == nil, err)
}
