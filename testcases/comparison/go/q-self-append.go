package shapes

func QSelfAppend(s *Spec, in []int) []int {
	var out []int
	for _, v := range in {
		out = append(out, v*2)
	}
	s.Mounts = append(s.Mounts, "/cfg")
	s.Mounts = append(s.Mounts, "/data")
	return out
}
