package shapes

func QInsertClone(s []int, i, x int) []int {
	tail := append([]int(nil), s[i:]...)
	s = append(s[:i], x)
	return append(s, tail...)
}
