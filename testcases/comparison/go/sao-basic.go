package shapes

func SaoBasic() {
	base := make([]int, 5, 8)
	mid := base[2:4]
	mid = append(mid, 99) // overwrites base[4]
	UseInt(base[4])
	UseInts(mid)
}
