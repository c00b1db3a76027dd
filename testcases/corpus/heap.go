// The Go original of heap.c: container/heap from the standard library,
// run as-is, under the package's own priority-queue example, an int heap,
// Remove and Fix, Dijkstra's shortest paths over a map of edge slices and
// a k-way merge.
package main

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"
)

// An Item is something we manage in a priority queue.
type Item struct {
	value    string
	priority int
	index    int // maintained by Swap, needed by update
}

// A PriorityQueue implements heap.Interface and holds Items.
type PriorityQueue []*Item

func (pq PriorityQueue) Len() int { return len(pq) }
func (pq PriorityQueue) Less(i, j int) bool {
	return pq[i].priority > pq[j].priority
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
func (pq *PriorityQueue) update(item *Item, value string, priority int) {
	item.value = value
	item.priority = priority
	heap.Fix(pq, item.index)
}

// An IntHeap is a min-heap of ints.
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

type edge struct {
	to   string
	cost int
}

type visit struct {
	node string
	dist int
}

type visits []visit

func (v visits) Len() int { return len(v) }
func (v visits) Less(i, j int) bool {
	return v[i].dist < v[j].dist || (v[i].dist == v[j].dist && v[i].node < v[j].node)
}
func (v visits) Swap(i, j int) { v[i], v[j] = v[j], v[i] }
func (v *visits) Push(x any)   { *v = append(*v, x.(visit)) }
func (v *visits) Pop() any {
	old := *v
	x := old[len(old)-1]
	*v = old[:len(old)-1]
	return x
}

func dijkstra(graph map[string][]edge, src string) map[string]int {
	dist := map[string]int{src: 0}
	h := &visits{{src, 0}}
	for h.Len() > 0 {
		cur := heap.Pop(h).(visit)
		if d, ok := dist[cur.node]; ok && d < cur.dist {
			continue
		}
		for _, e := range graph[cur.node] {
			nd := cur.dist + e.cost
			if d, ok := dist[e.to]; !ok || nd < d {
				dist[e.to] = nd
				heap.Push(h, visit{e.to, nd})
			}
		}
	}
	return dist
}

type cursor struct {
	list []int
	pos  int
}

type cursors []*cursor

func (c cursors) Len() int           { return len(c) }
func (c cursors) Less(i, j int) bool { return c[i].list[c[i].pos] < c[j].list[c[j].pos] }
func (c cursors) Swap(i, j int)      { c[i], c[j] = c[j], c[i] }
func (c *cursors) Push(x any)        { *c = append(*c, x.(*cursor)) }
func (c *cursors) Pop() any {
	old := *c
	x := old[len(old)-1]
	*c = old[:len(old)-1]
	return x
}

func merge(lists [][]int) []int {
	var h cursors
	for _, l := range lists {
		if len(l) > 0 {
			h = append(h, &cursor{list: l})
		}
	}
	heap.Init(&h)
	var out []int
	for h.Len() > 0 {
		c := h[0]
		out = append(out, c.list[c.pos])
		c.pos++
		if c.pos == len(c.list) {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
	return out
}

func main() {
	// The package's priority-queue example.
	items := map[string]int{"banana": 3, "apple": 2, "pear": 4}
	pq := make(PriorityQueue, len(items))
	i := 0
	for value, priority := range items {
		pq[i] = &Item{value: value, priority: priority, index: i}
		i++
	}
	heap.Init(&pq)
	item := &Item{value: "orange", priority: 1}
	heap.Push(&pq, item)
	pq.update(item, item.value, 5)
	for pq.Len() > 0 {
		item := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", item.priority, item.value)
	}
	fmt.Println()

	// An int heap grown one push at a time, with Remove and Fix.
	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	fmt.Printf("minimum: %d len=%d\n", (*h)[0], h.Len())
	seed := uint32(7)
	for i := 0; i < 200; i++ {
		seed = seed*1664525 + 1013904223
		heap.Push(h, int(seed>>20))
	}
	removed := heap.Remove(h, 17).(int)
	(*h)[40] = -1
	heap.Fix(h, 40)
	(*h)[0] = 99999
	heap.Fix(h, 0)
	fmt.Printf("removed %d, len=%d, top=%d\n", removed, h.Len(), (*h)[0])
	var popped []string
	prev, ordered := -2, true
	for h.Len() > 0 {
		x := heap.Pop(h).(int)
		if x < prev {
			ordered = false
		}
		prev = x
		if len(popped) < 12 {
			popped = append(popped, fmt.Sprint(x))
		}
	}
	fmt.Printf("popped in order=%v first: %s last=%d\n", ordered, strings.Join(popped, " "), prev)
	heap.Init(h)
	fmt.Printf("empty init len=%d\n", h.Len())

	// Dijkstra over a graph kept as a map of edge slices.
	graph := map[string][]edge{}
	addEdge := func(a, b string, c int) {
		graph[a] = append(graph[a], edge{b, c})
		graph[b] = append(graph[b], edge{a, c})
	}
	addEdge("a", "b", 7)
	addEdge("a", "c", 9)
	addEdge("a", "f", 14)
	addEdge("b", "c", 10)
	addEdge("b", "d", 15)
	addEdge("c", "d", 11)
	addEdge("c", "f", 2)
	addEdge("d", "e", 6)
	addEdge("e", "f", 9)
	addEdge("g", "h", 1)
	for i := 0; i < 30; i++ {
		addEdge(fmt.Sprintf("n%d", i), fmt.Sprintf("n%d", (i*7+3)%30), i%5+1)
		if i%3 == 0 {
			addEdge(fmt.Sprintf("n%d", i), fmt.Sprintf("n%d", i+1), 2)
		}
	}
	addEdge("e", "n0", 4)
	dist := dijkstra(graph, "a")
	var names []string
	for n := range dist {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%s=%d ", n, dist[n])
	}
	fmt.Printf("\nreached %d of %d\n", len(dist), len(graph))

	// k-way merge of sorted lists.
	lists := [][]int{{1, 4, 9, 16}, {}, {2, 3, 5, 7, 11, 13}, {0}, {6, 8, 10, 12, 14, 15, 17}}
	fmt.Println("merged:", merge(lists))
	fmt.Println("merged none:", merge(nil))
}
