package shapes

func QFullSlice(base []int) {
	mid := base[2:4:4]
	mid = append(mid, 99)
	UseInts(base)
	UseInts(mid)
}
