package shapes

type Inst struct{ Op, Result int }

func RaaDirect(code []Inst) int {
	def := &code[0]
	code = append(code, Inst{1, 2})
	def.Result = len(code)
	return def.Op
}
