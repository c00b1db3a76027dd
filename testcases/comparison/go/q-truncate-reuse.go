package shapes

func QTruncateReuse(in []int) int {
	buf := make([]int, 0, 16)
	total := 0
	for _, v := range in {
		buf = buf[:0]
		buf = append(buf, v, 1)
		UseInts(buf)
		total += buf[0]
	}
	return total
}
