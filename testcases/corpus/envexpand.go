// The Go original of envexpand.c: os.Expand (with getShellName,
// isShellSpecialVar, isAlphaNum) and os/exec's environment
// de-duplication (Cmd.Environ, dedupEnvCase) from the standard library,
// run as-is.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	vars := map[string]string{
		"HOME": "/home/gopher", "USER": "gopher", "EMPTY": "", "1": "first",
		"*": "all args", "long_name_2": "L", "A": "a", "AB": "ab",
	}
	var asked []string
	mapping := func(name string) string {
		asked = append(asked, name)
		if v, ok := vars[name]; ok {
			return v
		}
		return "<" + strings.ToLower(name) + "?>"
	}
	templates := []string{
		"", "plain text", "$HOME", "${HOME}/src", "$USER@$HOME", "$A$AB${A}B",
		"cost: $5 and $$", "${}", "${", "${1}${*}", "$*-$1-$9", "trailing $",
		"$EMPTY|${EMPTY}|", "$long_name_2.txt", "${missing}and$missing2", "$-x$?y",
		"${unclosed", "nested ${${HOME}}", "$\u00e9t\u00e9",
	}
	for _, t := range templates {
		asked = asked[:0]
		out := os.Expand(t, mapping)
		fmt.Printf("Expand(%q) = %q asked=%q\n", t, out, asked)
	}
	var b strings.Builder
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&b, "$A${AB}-%d ", i)
	}
	big := os.Expand(b.String(), func(n string) string { return strings.Repeat(n, 3) })
	fmt.Printf("big: %d -> %d bytes, ends %q\n", b.Len(), len(big), big[len(big)-20:])

	envs := [][]string{
		{},
		{"A=1", "B=2", "A=3"},
		{"PATH=/bin", "path=/usr/bin", "PATH=/sbin", "HOME=/root"},
		{"NOEQUALS", "", "X=1", "NOEQUALS", "X=2"},
		{"=C:=C:\\", "=D:=D:\\", "=C:=E:\\"},
		{"BAD=a\x00b", "GOOD=1", "BAD=fine"},
		{"K=", "K=v", "K="},
	}
	for _, e := range envs {
		cmd := exec.Command("true")
		cmd.Env = e
		fmt.Printf("Environ(%q) = %q\n", e, cmd.Environ())
	}
	var many []string
	for i := 0; i < 100; i++ {
		many = append(many, fmt.Sprintf("V%d=%d", i%13, i))
	}
	cmd := exec.Command("true")
	cmd.Env = many
	got := cmd.Environ()
	fmt.Printf("many: %d -> %d, first %q last %q\n", len(many), len(got), got[0], got[len(got)-1])
}
