// The Go original of flagset.c: package flag's FlagSet (Var, Bool, Int,
// String, Func, Parse/parseOne, Set, Lookup, Visit, VisitAll, Args,
// PrintDefaults with UnquoteUsage, errors and usage output) from the
// standard library, run as-is, with a user-defined list Value that
// appends through its pointer receiver.
package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// listValue collects every occurrence of a repeated flag.
type listValue []string

func (l *listValue) String() string { return strings.Join(*l, ",") }
func (l *listValue) Set(s string) error {
	if s == "" {
		return errors.New("empty item")
	}
	*l = append(*l, s)
	return nil
}

func run(args []string) {
	var out strings.Builder
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(&out)
	verbose := fs.Bool("v", false, "verbose output")
	level := fs.Int("level", 3, "compression `level` to use")
	name := fs.String("name", "world", "who to greet")
	empty := fs.String("empty", "", "a string that defaults to empty")
	var tags listValue
	fs.Var(&tags, "tag", "add a `tag` (repeatable)")
	var seen []string
	fs.Func("seen", "record a value\nacross two lines", func(s string) error {
		if strings.HasPrefix(s, "!") {
			return errors.New("no bangs")
		}
		seen = append(seen, strings.ToUpper(s))
		return nil
	})
	dry := fs.Bool("dry-run", true, "do nothing")
	err := fs.Parse(args)
	fmt.Printf("== %q\n", args)
	fmt.Printf("err=%v v=%v level=%d name=%s empty=%q tags=%q seen=%q dry=%v\n", err, *verbose, *level, *name, *empty, []string(tags), seen, *dry)
	fmt.Printf("nflag=%d narg=%d args=%q arg0=%q arg9=%q parsed=%v\n", fs.NFlag(), fs.NArg(), fs.Args(), fs.Arg(0), fs.Arg(9), fs.Parsed())
	var set []string
	fs.Visit(func(f *flag.Flag) { set = append(set, f.Name+"="+f.Value.String()) })
	fmt.Printf("visit %q\n", set)
	if out.Len() > 0 {
		fmt.Printf("output:\n%s", out.String())
	}
}

func main() {
	run(nil)
	run([]string{"-v", "-level=9", "--name", "gopher", "rest", "-notaflag"})
	run([]string{"-tag", "a", "-tag=b", "--tag", "c", "-seen", "x", "-seen=y", "--", "-v"})
	run([]string{"-v=false", "-dry-run=0", "-level", "0x1F", "-level", "-7"})
	run([]string{"-level", "many"})
	run([]string{"-level", "99999999999999999999"})
	run([]string{"-v=maybe"})
	run([]string{"-name"})
	run([]string{"-unknown"})
	run([]string{"---x"})
	run([]string{"-=x"})
	run([]string{"-h"})
	run([]string{"-tag", ""})
	run([]string{"-seen", "!boom"})
	run([]string{"-", "-v"})
	run([]string{"-level=1_000", "-name=", "-empty=e"})

	fs := flag.NewFlagSet("", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	fs.Int("n", 0, "count")
	fmt.Println("set:", fs.Set("n", "12"), fs.Set("missing", "1"), fs.Set("n", "x"), fs.Lookup("n").Value, fs.Lookup("zz") == nil)
	var all []string
	fs.VisitAll(func(f *flag.Flag) { all = append(all, f.Name+":"+f.DefValue) })
	fmt.Println("visitall", all, fs.NFlag())
	fs.Parse([]string{"-help"})
	fmt.Printf("unnamed usage:\n%s", out.String())
}
