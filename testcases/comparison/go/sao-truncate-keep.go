package shapes

func SaoTruncateKeep(in []int) map[int][]int {
	out := map[int][]int{}
	buf := make([]int, 0, 16)
	for i, v := range in {
		buf = buf[:0]
		buf = append(buf, v)
		out[i] = buf
	}
	return out
}
