// The five cases of ../append_moves.c in Go: its CHECK lines are what this
// program prints (Go 1.19), and append_moves.test diffs the two outputs.
//
//	go run append_moves.go
package main

import "fmt"

// show prints "name len=L cap=C [s[:cap]]", like the C test.
func show(name string, s []int64) {
	fmt.Printf("%s len=%d cap=%d %v\n", name, len(s), cap(s), s[:cap(s)])
}

func main() {
	fmt.Println("case 1")
	s := make([]int64, 1, 1)
	t := append(s, 1)
	t[0] = 2
	show("s", s)
	show("t", t)

	fmt.Println("case 2")
	s = make([]int64, 1, 1)
	old := s[:0]
	s = append(s, 1)
	old = append(old, 9)
	show("s", s)
	show("old", old)

	fmt.Println("case 3")
	s = []int64{1, 2}
	t = append(s[:2:2], 3)
	t[0] = 9
	show("s", s)
	show("t", t)

	fmt.Println("case 4")
	s = make([]int64, 1, 2)
	full := s[:2]
	t = append(full, 5)
	s = append(s, 7)
	show("s", s)
	show("full", full)
	show("t", t)

	fmt.Println("case 5")
	s = []int64{1, 2}
	c := append(s[:0:0], s...)
	d := append(c, 3)
	d[0] = 9
	show("s", s)
	show("c", c)
	show("d", d)
}
