package shapes

func QFilterInPlace(a []int) []int {
	b := a[:0]
	for _, x := range a {
		if Keep(x) {
			b = append(b, x)
		}
	}
	return b
}
