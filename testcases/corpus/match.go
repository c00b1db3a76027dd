// The Go original of match.c: path/filepath.Match (scanChunk, matchChunk,
// getEsc) and Glob from the standard library, run as-is.  Glob runs over a
// small tree made in the directory named by the first argument.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	type tc struct{ pattern, s string }
	cases := []tc{
		{"abc", "abc"}, {"*", "abc"}, {"*c", "abc"}, {"a*", "a"},
		{"a*", "abc"}, {"a*", "ab/c"}, {"a*/b", "abc/b"}, {"a*/b", "a/c/b"},
		{"a*b*c*d*e*/f", "axbxcxdxe/f"}, {"a*b*c*d*e*/f", "axbxcxdxexxx/f"},
		{"a*b*c*d*e*/f", "axbxcxdxe/xxx/f"}, {"a*b*c*d*e*/f", "axbxcxdxexxx/fff"},
		{"a*b?c*x", "abxbbxdbxebxczzx"}, {"a*b?c*x", "abxbbxdbxebxczzy"},
		{"ab[c]", "abc"}, {"ab[b-d]", "abc"}, {"ab[e-g]", "abc"},
		{"ab[^c]", "abc"}, {"ab[^b-d]", "abc"}, {"ab[^e-g]", "abc"},
		{"a\\*b", "a*b"}, {"a\\*b", "ab"}, {"a?b", "a\u2606b"},
		{"a[^a]b", "a\u2606b"}, {"a???b", "a\u2606b"}, {"a[^a][^a][^a]b", "a\u2606b"},
		{"[a-\u03b6]*", "\u03b1"}, {"*[a-\u03b6]", "A"}, {"a?b", "a/b"},
		{"a*b", "a/b"}, {"[\\]a]", "]"}, {"[\\-]", "-"}, {"[x\\-]", "x"},
		{"[x\\-]", "-"}, {"[x\\-]", "z"}, {"[\\-x]", "x"}, {"[\\-x]", "-"},
		{"[\\-x]", "a"}, {"[]a]", "]"}, {"[-]", "-"}, {"[x-]", "x"},
		{"[x-]", "-"}, {"[x-]", "z"}, {"[-x]", "x"}, {"[-x]", "-"},
		{"[-x]", "a"}, {"\\", "a"}, {"[a-b-c]", "a"}, {"[", "a"},
		{"[^", "a"}, {"[^bc", "a"}, {"a[", "a"}, {"a[", "ab"}, {"a[", "x"},
		{"a/b[", "x"}, {"*x", "xxx"}, {"", ""}, {"", "x"}, {"x", ""},
		{"*", ""}, {"**", "a/b"}, {"a[b", "ab"}, {"[\xff]", "x"},
	}
	for _, c := range cases {
		ok, err := filepath.Match(c.pattern, c.s)
		fmt.Printf("Match(%s, %s) = %v %v\n", c.pattern, c.s, ok, err)
	}

	root := os.Args[1]
	if err := os.MkdirAll(root, 0o755); err != nil {
		fmt.Println(err)
		return
	}
	if err := os.Chdir(root); err != nil {
		fmt.Println(err)
		return
	}
	dirs := []string{"src/a", "src/b/c", "src/b/d", "doc", "x.d"}
	for _, d := range dirs {
		os.MkdirAll(d, 0o755)
	}
	files := []string{"src/a/one.go", "src/a/two.go", "src/a/three.c", "src/b/c/deep.go",
		"src/b/d/deep.h", "src/b/top.go", "doc/readme.md", "doc/notes.txt", "main.go",
		"x.d/inner.go", "[weird].go"}
	for _, f := range files {
		os.WriteFile(f, []byte(f), 0o644)
	}
	for i := 0; i < 40; i++ {
		os.WriteFile(fmt.Sprintf("doc/page%02d.md", i), nil, 0o644)
	}
	globs := []string{"*.go", "src/*/*.go", "src/*/*/*", "src/b/?/deep.*", "*/*",
		"doc/page1?.md", "doc/page[0-1][05].md", "src/[ab]/*.[ch]", "nothing*",
		"main.go", "missing.go", "src", "*.d/*", "[", "src/[", "\\[weird\\].go",
		"src/a/[^t]*", "doc/*.txt", "*/*/*/*.go"}
	for _, g := range globs {
		m, err := filepath.Glob(g)
		fmt.Printf("Glob(%s) = %d %v %v\n", g, len(m), m, err)
	}
}
