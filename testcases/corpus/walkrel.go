// The Go original of walkrel.c: path/filepath.Rel, SplitList, Join, Clean
// and Walk (walk, readDirNames, SkipDir) from the standard library, run
// as-is; Walk runs over a small tree made in the directory named by the
// first argument.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	rels := [][2]string{
		{"a/b", "a/b"}, {"a/b/.", "a/b"}, {"a/b", "a/b/."}, {"./a/b", "a/b"},
		{"a/b", "./a/b"}, {"ab/cd", "ab/cde"}, {"ab/cd", "ab/c"}, {"a/b", "a/b/c/d"},
		{"a/b", "a/b/../c"}, {"a/b/../c", "a/b"}, {"a/b/c", "a/c/d"}, {"a/b", "c/d"},
		{"a/b/c/d", "a/b"}, {"a/b/c/d", "a/b/"}, {"a/b/c/d/", "a/b"}, {"a/b/c/d/", "a/b/"},
		{"../../a/b", "../../a/b/c/d"}, {"/a/b", "/a/b"}, {"/a/b/.", "/a/b"},
		{"/a/b", "/a/b/."}, {"/ab/cd", "/ab/cde"}, {"/ab/cd", "/ab/c"}, {"/a/b", "/a/b/c/d"},
		{"/a/b", "/a/b/../c"}, {"/a/b/../c", "/a/b"}, {"/a/b/c", "/a/c/d"}, {"/a/b", "/c/d"},
		{"/a/b/c/d", "/a/b"}, {"/a/b/c/d", "/a/b/"}, {"/a/b/c/d/", "/a/b"},
		{"/../../a/b", "/../../a/b/c/d"}, {".", "a/b"}, {".", ".."},
		{"..", "."}, {"..", "a"}, {"../..", ".."}, {"a", "/a"}, {"/a", "a"},
	}
	for _, r := range rels {
		got, err := filepath.Rel(r[0], r[1])
		fmt.Printf("Rel(%s, %s) = %s %v\n", r[0], r[1], got, err)
	}
	for _, l := range []string{"", "a", "a:b", "/bin:/usr/bin::/x", ":"} {
		fmt.Printf("SplitList(%q) = %q\n", l, filepath.SplitList(l))
	}

	root := os.Args[1]
	for _, d := range []string{"a/b/c", "a/skip/deep", "x", "y/z"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	for i, f := range []string{"a/1.txt", "a/b/2.txt", "a/b/c/3.txt", "a/skip/4.txt", "a/skip/deep/5.txt", "x/6", "top", "y/z/7"} {
		os.WriteFile(filepath.Join(root, f), make([]byte, i*10), 0o644)
	}
	walkFn := func(path string, info fs.FileInfo, err error) error {
		rel, rerr := filepath.Rel(root, path)
		if err != nil {
			fmt.Printf("  error at %s: %v\n", rel, err)
			return nil
		}
		if info.IsDir() && info.Name() == "skip" {
			fmt.Printf("  skip %s\n", rel)
			return filepath.SkipDir
		}
		if info.Name() == "7" {
			return errors.New("stop at 7")
		}
		kind := "file"
		if info.IsDir() {
			kind = "dir"
		}
		fmt.Printf("  %s %s size=%d relerr=%v\n", kind, rel, func() int64 {
			if info.IsDir() {
				return 0
			}
			return info.Size()
		}(), rerr)
		return nil
	}
	fmt.Println("walk:", filepath.Walk(root, walkFn))
	fmt.Println("walk sub:", filepath.Walk(filepath.Join(root, "a", "b"), walkFn))
	fmt.Println("walk missing:", filepath.Walk(filepath.Join(root, "nope"), func(path string, info fs.FileInfo, err error) error {
		fmt.Printf("  visited missing: info nil %v, err is ErrNotExist %v\n", info == nil, errors.Is(err, fs.ErrNotExist))
		return err
	}) != nil)
	fmt.Println("walk skip root:", filepath.Walk(filepath.Join(root, "x"), func(string, fs.FileInfo, error) error { return filepath.SkipDir }))
}
