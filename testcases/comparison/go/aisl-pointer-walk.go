package shapes

type Track struct{ ID, Muted int }

func AislPointerWalk(list []Track) []Track {
	for i := range list {
		t := &list[i]
		if t.Muted != 0 {
			list = append(list, *t)
		}
		t.Muted = 0
	}
	return list
}
