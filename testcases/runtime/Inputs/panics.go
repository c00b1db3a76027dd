// Prints the text of every runtime panic the slice and map operations can
// raise, as Go words it.  The C test panics.c asserts the same texts after
// the "sliceguard: panic: " prefix.  Run: /usr/lib/go-1.19/bin/go run panics.go
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: %v\n", name, recover()) }()
	f()
}

//go:noinline
func n(i int) int { return i }

func main() {
	s := make([]int, 3, 4)
	var m map[string]int
	try("index", func() { _ = s[n(5)] })
	try("index-neg", func() { _ = s[n(-1)] })
	try("slice-hi-cap", func() { _ = s[:n(7)] })
	try("slice-hi-neg", func() { _ = s[:n(-1)] })
	try("slice-lo-gt-hi", func() { _ = s[n(3):n(2)] })
	try("slice-lo-neg", func() { _ = s[n(-1):] })
	try("slice3-max-cap", func() { _ = s[:n(1):n(5)] })
	try("slice3-max-neg", func() { _ = s[:n(1):n(-1)] })
	try("slice3-hi-gt-max", func() { _ = s[:n(3):n(2)] })
	try("slice3-hi-neg", func() { _ = s[:n(-1):n(2)] })
	try("slice3-lo-gt-hi", func() { _ = s[n(2):n(1):n(3)] })
	try("slice3-lo-neg", func() { _ = s[n(-1):n(1):n(3)] })
	try("makeslice-len", func() { _ = make([]int, n(-1)) })
	try("makeslice-cap", func() { _ = make([]int, n(5), n(3)) })
	try("makeslice-huge", func() { _ = make([]int, 0, n(1<<62)) })
	try("nil-map", func() { m["k"] = 1 })
}
