package shapes

func clone(s []int) []int { return append([]int(nil), s...) }

func QCloneAppend(base []int) {
	x := append(clone(base), 1)
	y := append(clone(base), 2)
	UseTwo(x, y)
}
