// Exercises the real net/url (Go 1.19): Parse and its helpers, escaping in
// every mode, ResolveReference, and Values (a map of slices) with
// ParseQuery and the sorted Encode.  The C port is url.c.
package main

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

var rawURLs = []string{
	"http://www.google.com/?q=go+language",
	"https://user:p%40ss@example.com:8443/a/b%2Fc/d?x=1&y=2&x=3#frag%20ment",
	"mailto:gopher@golang.org",
	"file:///etc/passwd",
	"/relative/path?only=query",
	"rel/ative",
	"//host.only/path",
	"http://[fe80::1%25en0]:8080/index.html",
	"http://[::1]/",
	"HTTP://Example.COM/%7Euser/",
	"http://a b.com/",
	"http://a\x7fb.com/",
	":nope",
	"1http://x",
	"a:b/c",
	"seg:ment/x",
	"http://host:port/",
	"http://[::1/",
	"http://user^name@host/",
	"http://host/%zz",
	"http://host/p?q=%zz",
	"http://host/p?",
	"http://host/p??",
	"*",
	"http://h/a;b,c?x#y",
	"http://h/with space/and%20escape",
	"http://%41:8080/",
	"http://x/#a#b",
	"http://x/a/b/../c/./d",
	"",
}

var escapeInputs = []string{
	"",
	"plain",
	"a b&c=d/e?f#g",
	"100% sure; really!",
	"~user/.hidden_(x)*",
	"üñí",
	"@:+$,",
}

func values(v url.Values) string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=[%s] ", k, strings.Join(v[k], "|"))
	}
	return b.String()
}

func main() {
	for _, raw := range rawURLs {
		u, err := url.Parse(raw)
		if err != nil {
			fmt.Printf("ERR %s\n", err)
			continue
		}
		pw, hasPw := u.User.Password()
		fmt.Printf("scheme=[%s] opaque=[%s] user=[%s] pw=[%s/%v] host=[%s] hostname=[%s] port=[%s]\n",
			u.Scheme, u.Opaque, u.User.Username(), pw, hasPw, u.Host, u.Hostname(), u.Port())
		fmt.Printf("  path=[%s] raw=[%s] omit=%v force=%v query=[%s] frag=[%s] rawfrag=[%s]\n",
			u.Path, u.RawPath, u.OmitHost, u.ForceQuery, u.RawQuery, u.Fragment, u.RawFragment)
		fmt.Printf("  string=[%s] escpath=[%s] requri=[%s] redacted=[%s] abs=%v\n",
			u.String(), u.EscapedPath(), u.RequestURI(), u.Redacted(), u.IsAbs())
		fmt.Printf("  values: %s\n", values(u.Query()))
	}

	base, _ := url.Parse("http://a/b/c/d;p?q")
	for _, ref := range []string{"g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s",
		"g?y#s", ";x", "g;x", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g",
		"../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h",
		"g/../h", "g;x=1/./y", "g;x=1/../y"} {
		r, err := base.Parse(ref)
		if err != nil {
			fmt.Printf("resolve %s: ERR %s\n", ref, err)
			continue
		}
		fmt.Printf("resolve [%s] -> %s\n", ref, r)
	}

	for _, s := range escapeInputs {
		q := url.QueryEscape(s)
		p := url.PathEscape(s)
		uq, err1 := url.QueryUnescape(q)
		up, err2 := url.PathUnescape(p)
		fmt.Printf("escape [%s] q=[%s] p=[%s] back=%v,%v %v %v\n", s, q, p, uq == s, up == s, err1, err2)
	}
	for _, s := range []string{"%", "%4", "%zz", "a%2", "ok%20", "a+b", "%41%42"} {
		q, err := url.QueryUnescape(s)
		fmt.Printf("unescape [%s] -> [%s] %v\n", s, q, err)
	}

	for _, q := range []string{
		"a=1&b=2&a=3",
		"x=%20y&z=a+b&&=empty&novalue&k=v=w",
		"bad=%zz&good=1&also;bad=2&c=%2",
		"",
		"k%20ey=v%26al&k+ey=2",
	} {
		v, err := url.ParseQuery(q)
		fmt.Printf("query [%s]: %s err=%v\n", q, values(v), err)
		v.Add("added", "one")
		v.Add("added", "two & three")
		v.Set("a", "set")
		v.Del("b")
		fmt.Printf("  get a=[%s] added=[%s] has b=%v encode=[%s]\n", v.Get("a"), v.Get("added"), v.Has("b"), v.Encode())
	}
	var nilv url.Values
	fmt.Printf("nil: get=[%s] encode=[%s]\n", nilv.Get("x"), nilv.Encode())
}
