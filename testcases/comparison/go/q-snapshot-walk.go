package shapes

func QSnapshotWalk(list *[]Track) {
	old := *list
	for i := range old {
		t := &old[i]
		if t.Muted != 0 {
			*list = append(*list, *t)
		}
	}
}
