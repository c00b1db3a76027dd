// Dijkstra's shortest paths over a map of adjacency slices, with a
// container/heap priority queue that supports decrease-key (heap.Fix).
// The C port is dijkstra.c; both print the same distances and paths.
package main

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"
)

type edge struct {
	to     string
	weight int
}

type Graph struct {
	adj   map[string][]edge
	nodes []string
}

func NewGraph() *Graph { return &Graph{adj: make(map[string][]edge)} }

func (g *Graph) addNode(n string) {
	if _, ok := g.adj[n]; !ok {
		g.adj[n] = nil
		g.nodes = append(g.nodes, n)
	}
}

func (g *Graph) AddEdge(from, to string, w int) {
	g.addNode(from)
	g.addNode(to)
	g.adj[from] = append(g.adj[from], edge{to, w})
}

// An Item is something we manage in a priority queue.
type Item struct {
	node  string
	dist  int
	index int // maintained by the heap.Interface methods
}

type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }
func (pq PriorityQueue) Less(i, j int) bool {
	if pq[i].dist != pq[j].dist {
		return pq[i].dist < pq[j].dist
	}
	return pq[i].node < pq[j].node
}
func (pq PriorityQueue) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PriorityQueue) Push(x any) {
	n := len(*pq)
	item := x.(*Item)
	item.index = n
	*pq = append(*pq, item)
}
func (pq *PriorityQueue) Pop() any {
	old := *pq
	n := len(old)
	item := old[n-1]
	old[n-1] = nil
	item.index = -1
	*pq = old[0 : n-1]
	return item
}

type Result struct {
	dist  map[string]int
	prev  map[string]string
	pops  int
	fixes int
}

func Dijkstra(g *Graph, src string) Result {
	res := Result{dist: make(map[string]int), prev: make(map[string]string)}
	items := make(map[string]*Item)
	pq := make(PriorityQueue, 0, len(g.nodes))
	res.dist[src] = 0
	it := &Item{node: src, dist: 0}
	items[src] = it
	heap.Push(&pq, it)
	done := make(map[string]bool)
	for pq.Len() > 0 {
		u := heap.Pop(&pq).(*Item)
		res.pops++
		done[u.node] = true
		for _, e := range g.adj[u.node] {
			if done[e.to] {
				continue
			}
			nd := u.dist + e.weight
			if d, ok := res.dist[e.to]; ok && d <= nd {
				continue
			}
			res.dist[e.to] = nd
			res.prev[e.to] = u.node
			if v, ok := items[e.to]; ok {
				v.dist = nd
				heap.Fix(&pq, v.index)
				res.fixes++
			} else {
				v = &Item{node: e.to, dist: nd}
				items[e.to] = v
				heap.Push(&pq, v)
			}
		}
	}
	return res
}

func path(res Result, dst string) []string {
	var p []string
	for n := dst; ; {
		p = append(p, n)
		prev, ok := res.prev[n]
		if !ok {
			break
		}
		n = prev
	}
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
	return p
}

var seed uint32 = 2024

func rnd(n int) int {
	seed = seed*1664525 + 1013904223
	return int((seed >> 8) % uint32(n))
}

func name(i int) string { return fmt.Sprintf("n%02d", i) }

func main() {
	g := NewGraph()
	const N = 40
	for i := 0; i < N; i++ {
		g.addNode(name(i))
	}
	for i := 0; i < N*4; i++ {
		a, b := rnd(N), rnd(N)
		if a == b {
			continue
		}
		g.AddEdge(name(a), name(b), 1+rnd(50))
	}
	for i := 0; i+1 < N; i += 3 {
		g.AddEdge(name(i), name(i+1), 100)
	}
	fmt.Printf("nodes=%d\n", len(g.nodes))
	for _, src := range []string{"n00", "n07", "n33"} {
		res := Dijkstra(g, src)
		var keys []string
		for k := range res.dist {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Printf("from %s: reached=%d pops=%d fixes=%d\n", src, len(keys), res.pops, res.fixes)
		for _, k := range keys {
			fmt.Printf("  %s %d %s\n", k, res.dist[k], strings.Join(path(res, k), ">"))
		}
	}
	// Heap sanity: heap.Init over a shuffled slice and pop everything.
	pq := make(PriorityQueue, 0)
	for i := 0; i < 25; i++ {
		pq = append(pq, &Item{node: name(i), dist: rnd(30), index: i})
	}
	heap.Init(&pq)
	heap.Remove(&pq, 5)
	var out []string
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*Item)
		out = append(out, fmt.Sprintf("%d:%s", it.dist, it.node))
	}
	fmt.Println(strings.Join(out, " "))
}
