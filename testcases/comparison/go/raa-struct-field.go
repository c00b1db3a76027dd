package shapes

type Parser struct {
	Buf    []int
	Cursor *int
}

func RaaStructField(ps *Parser, b int) {
	ps.Cursor = &ps.Buf[0]
	ps.Buf = append(ps.Buf, b)
}
