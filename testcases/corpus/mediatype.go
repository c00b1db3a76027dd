// The Go original of mediatype.c: mime.ParseMediaType (parameters,
// quoted values, RFC 2231 continuations and encodings gathered in a map of
// maps) and mime.FormatMediaType from the standard library, run as-is.
package main

import (
	"fmt"
	"mime"
	"sort"
)

func main() {
	inputs := []string{
		"text/html",
		"text/html; charset=utf-8",
		"TEXT/HTML; CHARSET=UTF-8",
		"  text/plain ; format=flowed; delsp=yes  ",
		`attachment; filename="foo bar.txt"`,
		`form-data; name="field\"quoted\\"; filename="a;b.txt"`,
		"message/external-body; access-type=URL; URL*0=\"ftp://\"; URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"",
		"application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A",
		"application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\"",
		"attachment; filename*=utf-8''caf%C3%A9.txt",
		"attachment; filename*=iso-8859-1''bad.txt",
		"attachment; filename*=utf-8''bad%zz",
		"attachment; filename*0=a; filename*2=c",
		"attachment; filename*1=b",
		"text/plain; a=1; a=2",
		"text/plain; a*0=1; a*0=2",
		"text/plain;",
		"text/plain; ;",
		"text/plain; =bad",
		"text/plain; noequals",
		"text/plain; a=\"unterminated",
		"text/plain; a=\"new\nline\"",
		"",
		"/html",
		"text/",
		"text/html junk",
		"form-data",
		"text/plain; x=\u00e9t\u00e9",
		"multipart/mixed; boundary=\"----=_Part_0_12345.67890\"; charset=us-ascii",
	}
	for _, in := range inputs {
		mt, params, err := mime.ParseMediaType(in)
		keys := make([]string, 0, len(params))
		for k := range params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Printf("[%s] -> [%s] err=%v nil=%v", in, mt, err, params == nil)
		for _, k := range keys {
			fmt.Printf(" %s=[%s]", k, params[k])
		}
		fmt.Println()
	}

	formats := []struct {
		t string
		p map[string]string
	}{
		{"text/html", nil},
		{"TEXT/HTML", map[string]string{"CHARSET": "UTF-8"}},
		{"attachment", map[string]string{"filename": "foo bar.txt", "size": "42"}},
		{"form-data", map[string]string{"name": `quo"te\back`}},
		{"attachment", map[string]string{"filename": "caf\u00e9 (1).txt"}},
		{"text/plain", map[string]string{"tab": "a\tb", "star": "x*y"}},
		{"noslash", map[string]string{"a": "b"}},
		{"bad type/x", nil},
		{"text/plain", map[string]string{"bad key": "v"}},
		{"text/plain", map[string]string{"empty": ""}},
	}
	for _, f := range formats {
		fmt.Printf("Format(%s) = [%s]\n", f.t, mime.FormatMediaType(f.t, f.p))
	}
}
