// Package shapes holds one Go function per aliasing shape; run.sh feeds the
// package to go vet and staticcheck.
package shapes

func UseInts(s []int)       {}
func UseInt(v int)          {}
func UseTwo(x, y []int)     {}
func UseStrs(s []string)    {}
func Keep(v int) bool       { return v%2 == 0 }
