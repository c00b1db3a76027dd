package shapes

func SaoInsertMiddle(s []int, x int) []int {
	return append(append(s[:1], x), s[1:]...)
}
