package shapes

func RaaKeptInMap(ids []int) map[int]*Inst {
	var items []Inst
	index := map[int]*Inst{}
	for _, id := range ids {
		items = append(items, Inst{id, 0}) // may move the items kept below
		index[id] = &items[len(items)-1]
	}
	return index
}
