package shapes

func push(v *[]Inst, x Inst) { *v = append(*v, x) }

func RaaHelper(code []Inst) {
	first := &code[0]
	push(&code, Inst{3, 4})
	first.Op = 9
	UseInt(len(code))
}
