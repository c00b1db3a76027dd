package shapes

func QWorklist(work []int) []int {
	for i := 0; i < len(work); i++ {
		if v := work[i]; v > 1 {
			work = append(work, v/2)
		}
	}
	return work
}
