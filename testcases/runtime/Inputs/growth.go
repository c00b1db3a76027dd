// Prints the capacity Go's append reaches after each single-element append,
// for element sizes 1, 8, 24 and 40, then
// capacities of appending 5 elements at a time and of slices.Clone (all pointer-free, like the C test's
// element types).  Regenerate the expected numbers in ../growth.c with:
//
//	/usr/lib/go-1.19/bin/go run growth.go
//
// Only capacity changes are printed: "size=<n>: cap cap cap ...".
package main

import "fmt"

type e24 struct{ a, b, c int64 }
type e40 struct{ a, b, c, d, e int64 }

const appends = 5000

func report(size int, caps []int) {
	fmt.Printf("size=%d:", size)
	for _, c := range caps {
		fmt.Printf(" %d", c)
	}
	fmt.Println()
}

func track(last *int, caps *[]int, c int) {
	if c != *last {
		*caps = append(*caps, c)
		*last = c
	}
}

func main() {
	{
		var s []byte
		var caps []int
		last := 0
		for i := 0; i < appends; i++ {
			s = append(s, 1)
			track(&last, &caps, cap(s))
		}
		report(1, caps)
	}
	{
		var s []int64
		var caps []int
		last := 0
		for i := 0; i < appends; i++ {
			s = append(s, 1)
			track(&last, &caps, cap(s))
		}
		report(8, caps)
	}
	{
		var s []e24
		var caps []int
		last := 0
		for i := 0; i < appends; i++ {
			s = append(s, e24{})
			track(&last, &caps, cap(s))
		}
		report(24, caps)
	}
	{
		var s []e40
		var caps []int
		last := 0
		for i := 0; i < appends; i++ {
			s = append(s, e40{})
			track(&last, &caps, cap(s))
		}
		report(40, caps)
	}
	{
		// The bulk (append 5 at a time) and Clone lines.
		var s []int64
		five := []int64{1, 2, 3, 4, 5}
		last := 0
		fmt.Print("bulk8:")
		for i := 0; i < 1000; i++ {
			s = append(s, five...)
			if cap(s) != last {
				last = cap(s)
				fmt.Printf(" %d", last)
			}
		}
		fmt.Println()
		fmt.Print("clone8:")
		for n := 0; n <= 10; n++ {
			fmt.Printf(" %d", cap(append(s[:n:n][:0:0], s[:n]...)))
		}
		fmt.Println()
	}
}
