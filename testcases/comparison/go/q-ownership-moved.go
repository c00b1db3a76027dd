package shapes

func QOwnershipMoved(base []int) []int {
	grown := append(base, 1) // base is never used again
	grown = append(grown, 2)
	return grown
}
