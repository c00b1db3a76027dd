package shapes

func AaWriteThrough(base []int) {
	grown := append(base, 1)
	base[0] = 42 // changes grown[0] too when base had spare capacity
	UseInts(grown)
}
