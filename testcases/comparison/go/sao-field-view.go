package shapes

type Holder struct {
	Items []int
	Head  []int
}

func SaoFieldView(h *Holder, x int) {
	h.Head = h.Items[0:2]
	h.Head = append(h.Head, x)
}
