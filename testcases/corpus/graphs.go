// Three classic structures over slices and maps: a trie whose nodes live in
// one slice (children kept sorted by the SliceTricks insert), a union-find
// with path compression and union by rank, and Kahn's topological sort over
// a map of adjacency slices.  The C port is graphs.c.
package main

import (
	"fmt"
	"sort"
	"strings"
)

// ---- trie ----

type trieNode struct {
	label    byte
	terminal bool
	count    int
	children []int // indices into Trie.nodes, sorted by label
}

type Trie struct {
	nodes []trieNode
}

func NewTrie() *Trie { return &Trie{nodes: []trieNode{{}}} }

// child returns the index in n.children where label is or would be.
func (t *Trie) child(n int, label byte) (int, bool) {
	ch := t.nodes[n].children
	lo, hi := 0, len(ch)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.nodes[ch[m]].label < label {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(ch) && t.nodes[ch[lo]].label == label
}

func (t *Trie) Insert(word string) bool {
	n := 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		pos, ok := t.child(n, c)
		if !ok {
			t.nodes = append(t.nodes, trieNode{label: c})
			id := len(t.nodes) - 1
			ch := t.nodes[n].children
			ch = append(ch, 0)
			copy(ch[pos+1:], ch[pos:])
			ch[pos] = id
			t.nodes[n].children = ch
		}
		n = t.nodes[n].children[pos]
		t.nodes[n].count++
	}
	if t.nodes[n].terminal {
		return false
	}
	t.nodes[n].terminal = true
	return true
}

func (t *Trie) find(prefix string) int {
	n := 0
	for i := 0; i < len(prefix); i++ {
		pos, ok := t.child(n, prefix[i])
		if !ok {
			return -1
		}
		n = t.nodes[n].children[pos]
	}
	return n
}

// WithPrefix lists the words under prefix in order, reusing one buffer.
func (t *Trie) WithPrefix(prefix string) []string {
	n := t.find(prefix)
	if n < 0 {
		return nil
	}
	var out []string
	buf := []byte(prefix)
	var walk func(n int)
	walk = func(n int) {
		if t.nodes[n].terminal {
			out = append(out, string(buf))
		}
		for _, c := range t.nodes[n].children {
			buf = append(buf, t.nodes[c].label)
			walk(c)
			buf = buf[:len(buf)-1]
		}
	}
	walk(n)
	return out
}

func (t *Trie) CountPrefix(prefix string) int {
	n := t.find(prefix)
	if n <= 0 {
		if n == 0 {
			return t.nodes[0].count
		}
		return 0
	}
	return t.nodes[n].count
}

// ---- union-find ----

type UnionFind struct {
	parent []int
	rank   []int
	sets   int
}

func NewUnionFind(n int) *UnionFind {
	u := &UnionFind{parent: make([]int, n), rank: make([]int, n), sets: n}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *UnionFind) Find(x int) int {
	root := x
	for u.parent[root] != root {
		root = u.parent[root]
	}
	for u.parent[x] != root {
		next := u.parent[x]
		u.parent[x] = root
		x = next
	}
	return root
}

func (u *UnionFind) Union(a, b int) bool {
	ra, rb := u.Find(a), u.Find(b)
	if ra == rb {
		return false
	}
	if u.rank[ra] < u.rank[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	if u.rank[ra] == u.rank[rb] {
		u.rank[ra]++
	}
	u.sets--
	return true
}

// Add grows the structure by one singleton set.
func (u *UnionFind) Add() int {
	u.parent = append(u.parent, len(u.parent))
	u.rank = append(u.rank, 0)
	u.sets++
	return len(u.parent) - 1
}

func (u *UnionFind) Groups() map[int][]int {
	g := make(map[int][]int)
	for i := range u.parent {
		r := u.Find(i)
		g[r] = append(g[r], i)
	}
	return g
}

// ---- topological sort ----

type DAG struct {
	succ  map[string][]string
	indeg map[string]int
}

func NewDAG() *DAG { return &DAG{succ: make(map[string][]string), indeg: make(map[string]int)} }

func (d *DAG) Edge(from, to string) {
	if _, ok := d.indeg[from]; !ok {
		d.indeg[from] = 0
	}
	d.succ[from] = append(d.succ[from], to)
	d.indeg[to]++
}

// insertSorted keeps the ready queue ordered so the result is unique.
func insertSorted(q []string, s string) []string {
	i := sort.SearchStrings(q, s)
	q = append(q, "")
	copy(q[i+1:], q[i:])
	q[i] = s
	return q
}

func (d *DAG) Sort() ([]string, []string) {
	indeg := make(map[string]int, len(d.indeg))
	for k, v := range d.indeg {
		indeg[k] = v
	}
	var queue []string
	for k, v := range indeg {
		if v == 0 {
			queue = insertSorted(queue, k)
		}
	}
	var order []string
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		order = append(order, n)
		for _, m := range d.succ[n] {
			indeg[m]--
			if indeg[m] == 0 {
				queue = insertSorted(queue, m)
			}
		}
	}
	var cyclic []string
	for k, v := range indeg {
		if v > 0 {
			cyclic = append(cyclic, k)
		}
	}
	sort.Strings(cyclic)
	return order, cyclic
}

var seed uint32 = 99

func rnd(n int) int {
	seed = seed*1103515245 + 12345
	return int((seed >> 16) % uint32(n))
}

func main() {
	t := NewTrie()
	letters := "abcde"
	added := 0
	for i := 0; i < 300; i++ {
		l := 1 + rnd(5)
		var w []byte
		for j := 0; j < l; j++ {
			w = append(w, letters[rnd(len(letters))])
		}
		if t.Insert(string(w)) {
			added++
		}
	}
	fmt.Printf("trie: added=%d nodes=%d\n", added, len(t.nodes))
	for _, p := range []string{"", "a", "ab", "cab", "eee", "zz", "dd"} {
		words := t.WithPrefix(p)
		if len(words) > 12 {
			words = words[:12]
		}
		fmt.Printf("prefix %q: count=%d first=%s\n", p, t.CountPrefix(p), strings.Join(words, ","))
	}

	u := NewUnionFind(30)
	merged := 0
	for i := 0; i < 24; i++ {
		if i%10 == 9 {
			u.Add()
		}
		a, b := rnd(len(u.parent)), rnd(len(u.parent))
		if u.Union(a, b) {
			merged++
		}
	}
	groups := u.Groups()
	var roots []int
	for r := range groups {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	fmt.Printf("union-find: n=%d merged=%d sets=%d groups=%d\n", len(u.parent), merged, u.sets, len(groups))
	for _, r := range roots {
		fmt.Printf("  %d: %v\n", r, groups[r])
	}

	d := NewDAG()
	names := []string{"lex", "parse", "ast", "types", "ir", "opt", "codegen", "link", "std", "rt", "asm", "docs"}
	for i := 1; i < len(names); i++ {
		for k := 0; k < 2; k++ {
			j := rnd(i)
			d.Edge(names[j], names[i])
		}
	}
	order, cyclic := d.Sort()
	fmt.Printf("topo: %s cyclic=%v\n", strings.Join(order, " "), cyclic)
	d.Edge("docs", "opt")
	d.Edge("opt", "docs")
	order, cyclic = d.Sort()
	fmt.Printf("topo: %s cyclic=%v\n", strings.Join(order, " "), cyclic)
}
