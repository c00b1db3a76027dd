package shapes

func QPushPop(in []int) int {
	var stack []int
	last := 0
	for _, v := range in {
		if v < 0 && len(stack) > 0 {
			last, stack = stack[len(stack)-1], stack[:len(stack)-1]
		} else {
			stack = append(stack, v)
		}
	}
	return last + len(stack)
}
