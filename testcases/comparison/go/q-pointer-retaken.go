package shapes

func QPointerRetaken(code []Inst) int {
	def := &code[0]
	def.Op = 1
	code = append(code, Inst{1, 2})
	def = &code[0]
	return def.Result
}
