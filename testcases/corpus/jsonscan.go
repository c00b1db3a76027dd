// Exercises encoding/json's scanner state machine (Go 1.19 scanner.go)
// through the real package: Valid, Compact, Indent, and Marshal of a
// RawMessage (compact with HTML escaping), with every syntax error the
// scanner can report.  The C port is jsonscan.c.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

var docs = []string{
	`{"a":1,"b":[true,false,null],"c":{"d":"e"}}`,
	"  [ 1 , -2.5e+3 , 0.125 , 1E2 , -0 , 7e-1 ]  ",
	`{"html":"<b>&amp;</b>","ls":"` + "\u2028\u2029" + `"}`,
	`"just a string with \"escapes\" \\ \/ \b\f\n\r\t \u00e9\u20AC"`,
	`[]`, `{}`, `[{}, [], [[]], {"":""}]`, `0`, `-`, `01`, `1.`, `1.e3`, `1e`, `1e+`,
	`[1,]`, `{"a" 1}`, `{"a":1,}`, `{"a":1 "b":2}`, `{1:2}`, `[1 2]`, `tru`, `trux`, `fals`, `nul`, `nulx`,
	`"unterminated`, "\"ctl\x01char\"", `"\x"`, `"\u12g4"`, `[1] [2]`, `{"a":[1,2}`, `]`, ``, `   `,
	"\xff", "'single'", `{"deep":[[[[[[[[[[1]]]]]]]]]]}`, `[ "tab	in string" ]`,
	"\n{\n\t\"k\" : [ 1 ,\n 2 ] \r\n}\n",
}

func main() {
	inputs := append([]string(nil), docs...)
	inputs = append(inputs, strings.Repeat("[", 10001)+strings.Repeat("]", 10001))
	inputs = append(inputs, strings.Repeat("[", 500)+"1"+strings.Repeat("]", 500))
	var buf bytes.Buffer // reused across inputs, as callers reuse buffers
	for n, in := range inputs {
		show := in
		if len(show) > 60 {
			show = show[:60] + "..."
		}
		fmt.Printf("%d [%s] valid=%v\n", n, show, json.Valid([]byte(in)))
		buf.Reset()
		buf.WriteString("prefix:")
		err := json.Compact(&buf, []byte(in))
		report("compact", buf.String(), err)
		if len(in) < 5000 { // the 10001-deep input would indent to 100 MB
			buf.Reset()
			err = json.Indent(&buf, []byte(in), ">", "  ")
			report("indent", buf.String(), err)
		}
		out, err := json.Marshal(json.RawMessage(in))
		report("marshal", string(out), err)
	}
}

func report(what, out string, err error) {
	if len(out) > 200 {
		out = out[:100] + "..." + out[len(out)-100:]
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		fmt.Printf("  %s: error %q at %d; out=[%s]\n", what, err.Error(), se.Offset, out)
		return
	}
	if err != nil {
		fmt.Printf("  %s: error %q; out=[%s]\n", what, err.Error(), out)
		return
	}
	fmt.Printf("  %s: [%s]\n", what, out)
}
