package shapes

func AaLoopStored(base, names []string) map[string][]string {
	out := map[string][]string{}
	for _, name := range names {
		tags := append(base, name)
		out[name] = tags
	}
	return out
}
