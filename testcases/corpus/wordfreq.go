// The Go original of wordfreq.c: a word-frequency counter written the way
// Go programmers write one: strings.Fields over each line, words
// normalized by strings.ToLower and strings.TrimFunc, counts in a
// map[string]int, line numbers appended to map[string][]int values,
// bigrams, an inverted index from count to words, pruning by delete
// during range, and every printed list sorted first.
package main

import (
	"fmt"
	"sort"
	"strings"
)

const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair,
we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct the other way --
in short, the period was so far like the present period, that some of
its noisiest authorities insisted on its being received, for good or for
evil, in the superlative degree of comparison only.

There were a king with a large jaw and a queen with a plain face, on the
throne of England; there were a king with a large jaw and a queen with
a fair face, on the throne of France. In both countries it was clearer
than crystal to the lords of the State preserves of loaves and fishes,
that things in general were settled for ever.`

func isPunct(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

func normalize(w string) string {
	return strings.ToLower(strings.TrimFunc(w, isPunct))
}

type entry struct {
	word  string
	count int
}

func sortedEntries(m map[string]int) []entry {
	es := make([]entry, 0, len(m))
	for w, c := range m {
		es = append(es, entry{w, c})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].count != es[j].count {
			return es[i].count > es[j].count
		}
		return es[i].word < es[j].word
	})
	return es
}

func main() {
	counts := map[string]int{}
	lines := map[string][]int{}
	bigrams := map[string]int{}
	total := 0
	for n, line := range strings.Split(text, "\n") {
		prev := ""
		for _, f := range strings.Fields(line) {
			w := normalize(f)
			if w == "" {
				prev = ""
				continue
			}
			total++
			counts[w]++
			ls := lines[w]
			if len(ls) == 0 || ls[len(ls)-1] != n+1 {
				lines[w] = append(ls, n+1)
			}
			if prev != "" {
				bigrams[prev+" "+w]++
			}
			prev = w
		}
	}
	fmt.Printf("%d words, %d distinct, %d bigrams\n", total, len(counts), len(bigrams))

	es := sortedEntries(counts)
	for _, e := range es[:12] {
		fmt.Printf("%-8s %2d lines %v\n", e.word, e.count, lines[e.word])
	}
	for _, e := range sortedEntries(bigrams)[:8] {
		fmt.Printf("bigram %-14q %d\n", e.word, e.count)
	}

	// Inverted index: for each count, the words that occur that often.
	byCount := map[int][]string{}
	for w, c := range counts {
		byCount[c] = append(byCount[c], w)
	}
	var keys []int
	for c := range byCount {
		keys = append(keys, c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(keys)))
	for _, c := range keys {
		ws := byCount[c]
		sort.Strings(ws)
		if len(ws) > 6 {
			fmt.Printf("%2d x %d words: %s ...\n", c, len(ws), strings.Join(ws[:6], " "))
		} else {
			fmt.Printf("%2d x %d words: %s\n", c, len(ws), strings.Join(ws, " "))
		}
	}

	// Prune rare words while ranging (deleting during range is allowed),
	// then keep only line lists of the survivors.
	for w, c := range counts {
		if c < 3 {
			delete(counts, w)
			delete(lines, w)
		}
	}
	fmt.Printf("after pruning: %d words, %d line lists\n", len(counts), len(lines))
	kept := 0
	for w := range lines {
		if _, ok := counts[w]; ok {
			kept++
		}
	}
	fmt.Printf("line lists kept for counted words: %d\n", kept)

	// Words whose lines are all in the first paragraph.
	var early []string
	for w, ls := range lines {
		if ls[len(ls)-1] <= 10 {
			early = append(early, w)
		}
	}
	sort.Strings(early)
	fmt.Printf("first paragraph only: %s\n", strings.Join(early, ", "))
	var sb strings.Builder
	for _, e := range sortedEntries(counts) {
		sb.WriteString(e.word[:1])
	}
	fmt.Println("initials:", sb.String())
}
