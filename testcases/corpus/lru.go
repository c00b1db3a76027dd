// An LRU cache: a map from key to slot plus a doubly linked list threaded
// through a slice of entries, with a free list of slots.  The C port is
// lru.c; both print the same trace.
package main

import (
	"fmt"
	"sort"
	"strings"
)

const none = -1

type entry struct {
	key        string
	val        int
	prev, next int
}

type LRU struct {
	capacity                int
	index                   map[string]int
	entries                 []entry
	free                    []int
	head, tail              int
	hits, misses, evictions int
}

func NewLRU(capacity int) *LRU {
	return &LRU{capacity: capacity, index: make(map[string]int), head: none, tail: none}
}

func (c *LRU) unlink(i int) {
	e := &c.entries[i]
	if e.prev != none {
		c.entries[e.prev].next = e.next
	} else {
		c.head = e.next
	}
	if e.next != none {
		c.entries[e.next].prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = none, none
}

func (c *LRU) pushFront(i int) {
	e := &c.entries[i]
	e.prev = none
	e.next = c.head
	if c.head != none {
		c.entries[c.head].prev = i
	}
	c.head = i
	if c.tail == none {
		c.tail = i
	}
}

func (c *LRU) Get(key string) (int, bool) {
	i, ok := c.index[key]
	if !ok {
		c.misses++
		return 0, false
	}
	c.hits++
	c.unlink(i)
	c.pushFront(i)
	return c.entries[i].val, true
}

func (c *LRU) alloc(key string, val int) int {
	if n := len(c.free); n > 0 {
		i := c.free[n-1]
		c.free = c.free[:n-1]
		c.entries[i] = entry{key: key, val: val, prev: none, next: none}
		return i
	}
	c.entries = append(c.entries, entry{key: key, val: val, prev: none, next: none})
	return len(c.entries) - 1
}

func (c *LRU) release(i int) {
	c.unlink(i)
	delete(c.index, c.entries[i].key)
	c.entries[i] = entry{prev: none, next: none}
	c.free = append(c.free, i)
}

func (c *LRU) evict() {
	if c.tail == none {
		return
	}
	c.release(c.tail)
	c.evictions++
}

func (c *LRU) Put(key string, val int) {
	if i, ok := c.index[key]; ok {
		c.entries[i].val = val
		c.unlink(i)
		c.pushFront(i)
		return
	}
	for len(c.index) >= c.capacity {
		c.evict()
	}
	i := c.alloc(key, val)
	c.index[key] = i
	c.pushFront(i)
}

func (c *LRU) Remove(key string) bool {
	i, ok := c.index[key]
	if !ok {
		return false
	}
	c.release(i)
	return true
}

func (c *LRU) Keys() []string {
	keys := make([]string, 0, len(c.index))
	for i := c.head; i != none; i = c.entries[i].next {
		keys = append(keys, c.entries[i].key)
	}
	return keys
}

func (c *LRU) Resize(n int) {
	c.capacity = n
	for len(c.index) > n {
		c.evict()
	}
}

// Compact moves the live entries to the front of a fresh slice in list
// order, drops the free list and renumbers the index in place.
func (c *LRU) Compact() {
	remap := make([]int, len(c.entries))
	fresh := make([]entry, 0, len(c.index))
	for i := c.head; i != none; i = c.entries[i].next {
		remap[i] = len(fresh)
		fresh = append(fresh, c.entries[i])
	}
	for j := range fresh {
		e := &fresh[j]
		e.prev, e.next = j-1, j+1
	}
	if len(fresh) > 0 {
		fresh[len(fresh)-1].next = none
		c.head, c.tail = 0, len(fresh)-1
	} else {
		c.head, c.tail = none, none
	}
	for k, i := range c.index {
		c.index[k] = remap[i]
	}
	c.entries = fresh
	c.free = c.free[:0]
}

// Buckets groups the keys by val/width, most recent first in each bucket.
func (c *LRU) Buckets(width int) map[int][]string {
	out := make(map[int][]string)
	for i := c.head; i != none; i = c.entries[i].next {
		b := c.entries[i].val / width
		out[b] = append(out[b], c.entries[i].key)
	}
	return out
}

func (c *LRU) check() string {
	n := 0
	prev := none
	for i := c.head; i != none; i = c.entries[i].next {
		if c.entries[i].prev != prev {
			return "broken prev link"
		}
		if j, ok := c.index[c.entries[i].key]; !ok || j != i {
			return "index mismatch"
		}
		prev = i
		n++
	}
	if prev != c.tail || n != len(c.index) {
		return "broken list"
	}
	return "ok"
}

var seed uint32 = 12345

func rnd(n int) int {
	seed = seed*1103515245 + 12345
	return int((seed >> 16) % uint32(n))
}

func show(c *LRU) {
	fmt.Printf("keys=[%s] len=%d cap=%d slots=%d free=%d %s\n",
		strings.Join(c.Keys(), " "), len(c.index), c.capacity,
		len(c.entries), len(c.free), c.check())
}

func main() {
	c := NewLRU(8)
	sum := 0
	for step := 0; step < 3000; step++ {
		key := fmt.Sprintf("k%d", rnd(24))
		switch op := rnd(10); {
		case op < 5:
			if v, ok := c.Get(key); ok {
				sum += v
			}
		case op < 9:
			c.Put(key, step)
		default:
			if c.Remove(key) {
				sum -= 1
			}
		}
		if step == 1000 {
			c.Resize(4)
		}
		if step == 2000 {
			c.Resize(12)
			c.Compact()
		}
		if step%250 == 0 {
			fmt.Printf("step %d: ", step)
			show(c)
		}
	}
	fmt.Printf("hits=%d misses=%d evictions=%d sum=%d\n", c.hits, c.misses, c.evictions, sum)
	c.Compact()
	show(c)
	buckets := c.Buckets(50)
	var ids []int
	for b := range buckets {
		ids = append(ids, b)
	}
	sort.Ints(ids)
	for _, b := range ids {
		fmt.Printf("bucket %d: %s\n", b, strings.Join(buckets[b], ","))
	}
	c.Resize(0)
	show(c)
}
