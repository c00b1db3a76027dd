package shapes

type Spec struct{ Mounts []string }

func AaStructField(orig, cp *Spec) {
	*cp = *orig
	cp.Mounts = append(orig.Mounts, "/cfg")
	orig.Mounts = append(orig.Mounts, "/data")
}
