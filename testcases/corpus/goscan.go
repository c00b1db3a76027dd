// Exercises the real go/scanner and go/token (Go 1.19) on sources that hit
// identifiers and keywords, every number form and its errors, runes,
// strings and raw strings (with CRs), comments (with and without
// ScanComments), automatic semicolons and every operator.  The C port is
// goscan.c.
package main

import (
	"fmt"
	"go/scanner"
	"go/token"
	"sort"
)

var sources = []string{
	"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 42\n\tfmt.Println(x)\n}\n",
	"a := b<<=c &^= d >>= e &^ f...g <- h ++ -- != == <= >= && || ~ |= ^= %= /= *= -= += ; : , . ( ) [ ] { }",
	"0 123 0x1F 0X_ab 0o17 0O7 0b1011 0B_1 017 089 1_000 1__0 0x 0b12 0o8 _1 1_",
	"1.5 .5 1. 1e10 1E+5 2.5e-3 0x1p-2 0x1.8P3 0x1.8 1e 0b1.0 0o1e2 3i 0x10i 1.5i 0.i",
	"'a' '\\n' '\\x41' '\\u00e9' '\\U0001F600' '\\377' '' 'ab' '\\q' '\\400' '\\ud800' '\\xz'",
	"\"hello\" \"tab\\there\" \"\\\"quoted\\\"\" \"caf\xc3\xa9\" \"unterminated\nx\" `raw\r\nstring` `multi\nline`",
	"x // line comment\ny /* block */ z /* multi\nline */ w\n/* c1 */ // c2\nreturn /* x */\nbreak // y\n",
	"if x { continue } else { fallthrough }\nfor range chan map struct interface select switch case default defer go goto const type var",
	"x @ y # z $ \xff q",
	"π := café + 1\n_x9 := αβγ\n",
	"/* never closed",
	"s := \"esc \\z\" + `never closed",
	"\xef\xbb\xbfpackage bom\nvar x = 1\xef\xbb\xbf\n",
	"a\r\nb\r\n/* c\r\n */ // d\r\n",
	"x\x00y",
}

func main() {
	fset := token.NewFileSet()
	counts := make(map[token.Token]int)
	for n, src := range sources {
		for _, mode := range []scanner.Mode{0, scanner.ScanComments} {
			file := fset.AddFile(fmt.Sprintf("src%d.go", n), -1, len(src))
			var s scanner.Scanner
			handler := func(pos token.Position, msg string) {
				fmt.Printf("  error %s: %s\n", pos, msg)
			}
			s.Init(file, []byte(src), handler, mode)
			fmt.Printf("source %d mode %d\n", n, mode)
			for {
				pos, tok, lit := s.Scan()
				p := fset.Position(pos)
				fmt.Printf("  %d:%d %s [%s] prec=%d kw=%v lit=%v op=%v\n", p.Line, p.Column, tok, lit,
					tok.Precedence(), tok.IsKeyword(), tok.IsLiteral(), tok.IsOperator())
				counts[tok]++
				if tok == token.EOF {
					break
				}
			}
			fmt.Printf("  errors=%d lines=%d\n", s.ErrorCount, file.LineCount())
		}
	}
	toks := make([]token.Token, 0, len(counts))
	for t := range counts {
		toks = append(toks, t)
	}
	sort.Slice(toks, func(i, j int) bool { return toks[i] < toks[j] })
	for _, t := range toks {
		fmt.Printf("%s=%d ", t, counts[t])
	}
	fmt.Println()
	for _, id := range []string{"func", "funcs", "x", "range", "_"} {
		fmt.Printf("lookup %s=%s iskw=%v\n", id, token.Lookup(id), token.IsKeyword(id))
	}
}
