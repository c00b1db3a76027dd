// The Go original of sort.c: sort.Sort (pdqsort with insertion sort,
// heapsort fallback and pattern breaking), sort.Stable, sort.Reverse,
// sort.IsSorted and sort.Search from the standard library, run as-is.
// The counting wrapper makes the exact sequence of Less and Swap calls
// part of the output, so the port must follow Go's algorithm step by step.
package main

import (
	"fmt"
	"sort"
)

type counting struct {
	sort.Interface
	less, swap int
}

func (c *counting) Less(i, j int) bool { c.less++; return c.Interface.Less(i, j) }
func (c *counting) Swap(i, j int)      { c.swap++; c.Interface.Swap(i, j) }

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

var seed uint32 = 12345

func rnd(n int) int {
	seed = seed*1103515245 + 12345
	return int((seed >> 8) % uint32(n))
}

func checksum(x []int) int {
	h := 0
	for i, v := range x {
		h = (h*31 + v*(i+1)) % 1000000007
	}
	return h
}

func sortInts(tag string, x []int) {
	c := &counting{Interface: sort.IntSlice(x)}
	sort.Sort(c)
	fmt.Printf("%s: n=%d less=%d swap=%d sorted=%v sum=%d", tag, len(x), c.less, c.swap, sort.IntsAreSorted(x), checksum(x))
	if len(x) > 0 {
		fmt.Printf(" min=%d max=%d", x[0], x[len(x)-1])
	}
	fmt.Println()
}

// adversary is McIlroy's quicksort killer, as in sort's own tests: elements
// start as "gas" (above everything) and get frozen as Less meets them, so
// that every pivot is bad and pdqsort must fall back to heapsort.
type adversary struct {
	data                         []int
	ncmp, nsolid, candidate, gas int
}

func (d *adversary) Len() int { return len(d.data) }
func (d *adversary) Less(i, j int) bool {
	d.ncmp++
	if d.data[i] == d.gas && d.data[j] == d.gas {
		if i == d.candidate {
			d.data[i] = d.nsolid
		} else {
			d.data[j] = d.nsolid
		}
		d.nsolid++
	}
	if d.data[i] == d.gas {
		d.candidate = i
	} else if d.data[j] == d.gas {
		d.candidate = j
	}
	return d.data[i] < d.data[j]
}
func (d *adversary) Swap(i, j int) { d.data[i], d.data[j] = d.data[j], d.data[i] }

func main() {
	sortInts("nil", nil)
	sortInts("one", []int{7})
	sortInts("small", []int{5, 2, 9, 1, 5, 6, 0, 3})
	var x []int
	for i := 0; i < 1000; i++ {
		x = append(x, rnd(10000))
	}
	sortInts("random1000", x)
	sortInts("sorted1000", x)
	for i, j := 0, len(x)-1; i < j; i, j = i+1, j-1 {
		x[i], x[j] = x[j], x[i]
	}
	sortInts("reversed1000", x)
	eq := make([]int, 500)
	for i := range eq {
		eq[i] = 42
	}
	sortInts("equal500", eq)
	var saw []int
	for i := 0; i < 2000; i++ {
		saw = append(saw, i%37)
	}
	sortInts("sawtooth2000", saw)
	var organ []int
	for i := 0; i < 300; i++ {
		organ = append(organ, i)
	}
	for i := 300; i > 0; i-- {
		organ = append(organ, i)
	}
	sortInts("organpipe600", organ)
	nearly := make([]int, 400)
	for i := range nearly {
		nearly[i] = i
	}
	nearly[10], nearly[300] = nearly[300], nearly[10]
	nearly[50], nearly[51] = nearly[51], nearly[50]
	sortInts("nearly400", nearly)
	var few []int
	for i := 0; i < 777; i++ {
		few = append(few, rnd(4))
	}
	sortInts("fewvalues777", few)

	for _, size := range []int{100, 3000} {
		d := &adversary{data: make([]int, size), gas: size - 1}
		for i := range d.data {
			d.data[i] = d.gas
		}
		sort.Sort(d)
		ok := true
		for i, v := range d.data {
			if v != i {
				ok = false
			}
		}
		fmt.Printf("adversary%d: cmp=%d solid=%d sorted=%v\n", size, d.ncmp, d.nsolid, ok)
	}

	// Records with equal keys: the unstable order is pdqsort's own.
	names := []string{"ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal", "ivy", "jon", "kim", "lee", "max", "ned", "oli", "pam"}
	var people []person
	for i := 0; i < 64; i++ {
		people = append(people, person{fmt.Sprintf("%s%d", names[i%16], i), rnd(9) * 10})
	}
	unstable := append([]person(nil), people...)
	c := &counting{Interface: byAge(unstable)}
	sort.Sort(c)
	fmt.Printf("byAge: less=%d swap=%d\n", c.less, c.swap)
	for i, p := range unstable {
		fmt.Printf("%s:%d ", p.name, p.age)
		if i%8 == 7 {
			fmt.Println()
		}
	}
	stable := append([]person(nil), people...)
	c = &counting{Interface: byAge(stable)}
	sort.Stable(c)
	fmt.Printf("stable byAge: less=%d swap=%d\n", c.less, c.swap)
	for i, p := range stable {
		fmt.Printf("%s:%d ", p.name, p.age)
		if i%8 == 7 {
			fmt.Println()
		}
	}

	// Reverse, strings.
	words := []string{"pear", "apple", "fig", "banana", "kiwi", "cherry", "date", "apple", "grape", "lime", "mango", "nut", "olive", "quince"}
	sort.Sort(sort.Reverse(sort.StringSlice(words)))
	fmt.Println("reverse:", words)
	sort.Strings(words)
	fmt.Println("strings:", words, sort.StringsAreSorted(words))

	// Search: the first index where f is true.
	var sorted []int
	for i := 0; i < 100; i++ {
		sorted = append(sorted, i*3)
	}
	for _, v := range []int{-5, 0, 1, 3, 150, 151, 297, 298, 1000} {
		i := sort.SearchInts(sorted, v)
		found := i < len(sorted) && sorted[i] == v
		fmt.Printf("search %d -> %d %v\n", v, i, found)
	}
	fmt.Printf("search strings: %d %d %d\n", sort.SearchStrings(words, "apple"), sort.SearchStrings(words, "coconut"), sort.SearchStrings(words, "zzz"))
	fmt.Printf("search empty: %d\n", sort.Search(0, func(int) bool { return true }))
	fmt.Printf("search cube: %d\n", sort.Search(1000, func(i int) bool { return i*i*i >= 500000 }))
}
