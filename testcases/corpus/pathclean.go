// The Go original of pathclean.c: path.Clean (with its lazybuf), Split,
// Join, Ext, Base, IsAbs and Dir from the standard library, run as-is.
package main

import (
	"fmt"
	"path"
	"strings"
)

func main() {
	cleans := []string{
		"", ".", "..", "/", "//", "///", "abc", "abc/def", "a/b/c", "abc/",
		"abc/def/", "a/b/c/", "../../abc", "/abc", "/abc/def", "/../abc",
		"abc//def//ghi", "//abc", "///abc", "//abc//", "abc//",
		"abc/./def", "/./abc/def", "abc/.", "abc/def/ghi/../jkl",
		"abc/def/../ghi/../jkl", "abc/def/..", "abc/def/../..",
		"/abc/def/../..", "abc/def/../../..", "/abc/def/../../..",
		"abc/def/../../../ghi/jkl/../../../mno", "abc/./../def",
		"abc//./../def", "abc/../../././../def", "./a/./b/./", "a/../b/../",
		"../..", "/..", "x/../../y", ".../....", "a/.b/..c/...d/",
		"h\u00e9/./ll\u00f6/../w\u00f6rld",
	}
	for _, p := range cleans {
		c := path.Clean(p)
		fmt.Printf("Clean(%s) = %s idempotent=%v\n", p, c, path.Clean(c) == c)
	}
	// A long path: many components, dot-dots that eat back to the root.
	var b strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "/d%d/./x//..", i)
	}
	long := b.String()
	c := path.Clean(long)
	fmt.Printf("long: %d bytes -> %d bytes, head %s tail %s\n", len(long), len(c), c[:12], c[len(c)-12:])
	fmt.Printf("long up: %s\n", path.Clean(long+strings.Repeat("/..", 58)))

	splits := []string{"a/b", "a/b/", "a/", "a", "/", "", "/usr/lib/go", "//x"}
	for _, p := range splits {
		dir, file := path.Split(p)
		fmt.Printf("Split(%s) = [%s] [%s]\n", p, dir, file)
	}
	joins := [][]string{
		{}, {""}, {"", ""}, {"a"}, {"a", "b"}, {"a", ""}, {"", "b"},
		{"/", "a"}, {"/", "a/b"}, {"/", ""}, {"//", "a"}, {"/a", "b"},
		{"a/", "b"}, {"a/", ""}, {"", ""}, {"a", "../b", "./c"},
		{"x", "y", "z", "..", "..", "..", ".."},
	}
	for _, j := range joins {
		fmt.Printf("Join(%s) = %s\n", strings.Join(j, ","), path.Join(j...))
	}
	for _, p := range []string{"path.go", "path.pb.go", "a.dir/b", "a.dir/b.go", "a.dir/", "", ".", "noext"} {
		fmt.Printf("Ext(%s) = [%s]\n", p, path.Ext(p))
	}
	for _, p := range []string{"", ".", "/.", "/", "////", "x/", "abc", "abc/def", "a/b/.x", "a/b/c.", "a/b/c.x", "/a/b//"} {
		fmt.Printf("Base(%s) = %s IsAbs=%v Dir=%s\n", p, path.Base(p), path.IsAbs(p), path.Dir(p))
	}
}
