// The Go original of taskgroups.c: a task tracker written in everyday Go
// style, built from the idioms the corpus must accept: map values grown
// by append and stored back, in-place filtering of each map value while
// ranging over the map (kept := ts[:0] ... m[k] = kept), moves collected
// during a range and applied after it, counters bumped with m[k]++, and
// one output buffer reused through a pointer parameter.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

type task struct {
	id    int
	title string
	prio  int
	done  bool
}

type tracker struct {
	byOwner map[string][]task
	nextID  int
}

func (tr *tracker) add(owner, title string, prio int) {
	tr.nextID++
	tr.byOwner[owner] = append(tr.byOwner[owner], task{tr.nextID, title, prio, false})
}

func (tr *tracker) complete(pred func(task) bool) int {
	n := 0
	for owner, ts := range tr.byOwner {
		for i := range ts {
			if pred(ts[i]) {
				ts[i].done = true
				n++
			}
		}
		tr.byOwner[owner] = ts
	}
	return n
}

// prune drops done tasks in place; owners left with nothing are deleted.
func (tr *tracker) prune() int {
	removed := 0
	for owner, ts := range tr.byOwner {
		kept := ts[:0]
		for _, t := range ts {
			if !t.done {
				kept = append(kept, t)
			} else {
				removed++
			}
		}
		if len(kept) == 0 {
			delete(tr.byOwner, owner)
			continue
		}
		tr.byOwner[owner] = kept
	}
	return removed
}

type move struct {
	from, to string
	t        task
}

// rebalance moves high-priority tasks from overloaded owners to "oncall".
func (tr *tracker) rebalance(limit int) int {
	var moves []move
	for owner, ts := range tr.byOwner {
		if len(ts) <= limit || owner == "oncall" {
			continue
		}
		kept := ts[:0:0] // a fresh array: the old one is read below
		movedHere := 0
		for _, t := range ts {
			if t.prio >= 3 && len(ts)-movedHere > limit {
				moves = append(moves, move{owner, "oncall", t})
				movedHere++
			} else {
				kept = append(kept, t)
			}
		}
		tr.byOwner[owner] = kept
	}
	sort.Slice(moves, func(i, j int) bool { return moves[i].t.id < moves[j].t.id })
	for _, m := range moves {
		tr.byOwner[m.to] = append(tr.byOwner[m.to], m.t)
	}
	return len(moves)
}

func sortedOwners(m map[string][]task) []string {
	owners := make([]string, 0, len(m))
	for o := range m {
		owners = append(owners, o)
	}
	sort.Strings(owners)
	return owners
}

// render writes one line per owner into *buf, reusing its array.
func render(buf *[]byte, tr *tracker) {
	*buf = (*buf)[:0]
	for _, o := range sortedOwners(tr.byOwner) {
		*buf = append(*buf, o...)
		*buf = append(*buf, ':')
		for _, t := range tr.byOwner[o] {
			*buf = append(*buf, ' ')
			*buf = strconv.AppendInt(*buf, int64(t.id), 10)
			if t.done {
				*buf = append(*buf, '*')
			}
		}
		*buf = append(*buf, '\n')
	}
}

func main() {
	tr := &tracker{byOwner: map[string][]task{}}
	owners := []string{"ann", "bob", "cid", "dee"}
	for i := 0; i < 60; i++ {
		tr.add(owners[(i*7)%4], fmt.Sprintf("t%d", i), (i*i)%5)
	}
	var buf []byte
	render(&buf, tr)
	fmt.Printf("start (%d bytes, cap %d):\n%s", len(buf), cap(buf), buf)

	n := tr.complete(func(t task) bool { return t.id%3 == 0 })
	render(&buf, tr)
	fmt.Printf("completed %d:\n%s", n, buf)

	r := tr.prune()
	render(&buf, tr)
	fmt.Printf("pruned %d:\n%s", r, buf)

	tr.complete(func(t task) bool { return t.title == "t1" || t.title == "t2" })
	for _, t := range tr.byOwner["dee"] {
		if !t.done {
			tr.complete(func(u task) bool { return u.id == t.id })
		}
	}
	fmt.Println("pruned again:", tr.prune(), "owners:", sortedOwners(tr.byOwner))

	moved := tr.rebalance(5)
	render(&buf, tr)
	fmt.Printf("moved %d:\n%s", moved, buf)

	counts := map[int]int{}
	titles := map[string]int{}
	for _, ts := range tr.byOwner {
		for _, t := range ts {
			counts[t.prio]++
			titles[t.title[:2]]++
		}
	}
	var prios []int
	for p := range counts {
		prios = append(prios, p)
	}
	sort.Ints(prios)
	for _, p := range prios {
		fmt.Printf("prio %d: %d\n", p, counts[p])
	}
	var heads []string
	for h := range titles {
		heads = append(heads, h)
	}
	sort.Strings(heads)
	for _, h := range heads {
		fmt.Printf("%s=%d ", h, titles[h])
	}
	fmt.Println()
	for i := 0; i < 30; i++ {
		tr.add("zed", "late", i%4)
	}
	render(&buf, tr)
	fmt.Printf("final (%d bytes):\n%s", len(buf), buf)
}
