package shapes

func AaOneCall(path []int) {
	UseTwo(append(path, 1), append(path, 2))
}
