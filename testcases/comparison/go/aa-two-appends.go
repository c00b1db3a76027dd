package shapes

func AaTwoAppends(base []int) {
	x := append(base, 1)
	y := append(base, 2)
	UseTwo(x, y)
}
