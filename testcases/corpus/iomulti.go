// The Go original of iomulti.c: io.MultiReader (with flattening of nested
// multiReaders and its WriteTo), io.MultiWriter (flattening nested ones,
// WriteString), Copy/CopyBuffer/CopyN (copyBuffer with its WriterTo and
// ReaderFrom shortcuts), ReadAtLeast/ReadFull, LimitReader, TeeReader and
// WriteString from the standard library, run as-is.
package main

import (
	"errors"
	"fmt"
	"io"
)

// src hands out its string at most step bytes per Read.
type src struct {
	s    string
	step int
}

func (r *src) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	n := r.step
	if n > len(p) {
		n = len(p)
	}
	if n > len(r.s) {
		n = len(r.s)
	}
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}

// sink keeps what is written; limit > 0 makes writes short.
type sink struct {
	name   string
	got    []byte
	writes int
	limit  int
}

func (w *sink) Write(p []byte) (int, error) {
	w.writes++
	if w.limit > 0 && len(p) > w.limit {
		w.got = append(w.got, p[:w.limit]...)
		return w.limit, nil
	}
	w.got = append(w.got, p...)
	return len(p), nil
}

// ssink is a sink that also has WriteString.
type ssink struct{ sink }

func (w *ssink) WriteString(s string) (int, error) {
	w.writes += 100
	w.got = append(w.got, s...)
	return len(s), nil
}

// rfsink is a sink that also has ReadFrom (reads in 5-byte pieces).
type rfsink struct{ sink }

func (w *rfsink) ReadFrom(r io.Reader) (int64, error) {
	var buf [5]byte
	var total int64
	for {
		n, err := r.Read(buf[:])
		w.got = append(w.got, buf[:n]...)
		total += int64(n)
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

var errBoom = errors.New("boom")

type failing struct{ after int }

func (f *failing) Read(p []byte) (int, error) {
	if f.after == 0 {
		return 0, errBoom
	}
	n := f.after
	if n > len(p) {
		n = len(p)
	}
	for i := 0; i < n; i++ {
		p[i] = 'F'
	}
	f.after -= n
	return n, nil
}

func show(tag string, w *sink, n int64, err error) {
	fmt.Printf("%s: n=%d err=%v writes=%d [%s]\n", tag, n, err, w.writes, w.got)
}

func main() {
	// MultiReader: read in small pieces across reader boundaries.
	mr := io.MultiReader(&src{"hello ", 4}, &src{"", 1}, &src{"multi ", 2}, &src{"reader", 10})
	buf := make([]byte, 5)
	for {
		n, err := mr.Read(buf)
		fmt.Printf("read %d [%s] %v\n", n, buf[:n], err)
		if err != nil {
			break
		}
	}
	n, err := mr.Read(buf)
	fmt.Println("after EOF:", n, err)

	// Nested MultiReaders flatten; ReadFull across all of them.
	inner := io.MultiReader(&src{"abc", 1}, &src{"def", 2})
	outer := io.MultiReader(inner)
	nested := io.MultiReader(&src{"<", 1}, outer, &src{">", 1})
	full := make([]byte, 8)
	k, err := io.ReadFull(nested, full)
	fmt.Printf("readfull %d [%s] %v\n", k, full[:k], err)
	k, err = io.ReadFull(nested, full)
	fmt.Printf("readfull again %d [%s] %v\n", k, full[:k], err)
	k, err = io.ReadFull(io.MultiReader(&src{"xy", 1}), full)
	fmt.Printf("readfull short %d [%s] %v\n", k, full[:k], err)
	k, err = io.ReadAtLeast(&src{"xyz", 1}, full[:2], 3)
	fmt.Printf("readatleast small buffer %d %v\n", k, err)

	// Copy from a MultiReader uses its WriteTo; from a plain reader, the
	// buffer loop; into a ReaderFrom, its ReadFrom.
	w := &sink{name: "a"}
	c, err := io.Copy(w, io.MultiReader(&src{"one,", 3}, io.MultiReader(&src{"two,", 1}), &src{"three", 2}))
	show("copy multi", w, c, err)
	w = &sink{name: "b"}
	c, err = io.CopyBuffer(w, &src{"buffered copy of a longer text", 64}, make([]byte, 7))
	show("copybuffer", w, c, err)
	rf := &rfsink{}
	c, err = io.Copy(rf, &src{"into a reader-from", 3})
	show("copy readerfrom", &rf.sink, c, err)
	w = &sink{}
	c, err = io.CopyN(w, &src{"0123456789", 4}, 6)
	show("copyn 6", w, c, err)
	w = &sink{}
	c, err = io.CopyN(w, &src{"0123", 4}, 6)
	show("copyn short", w, c, err)
	w = &sink{}
	c, err = io.Copy(w, io.LimitReader(&src{"limited reader text", 5}, 11))
	show("limit", w, c, err)
	w = &sink{limit: 3}
	c, err = io.Copy(w, &src{"short writes", 8})
	show("short write", w, c, err)
	w = &sink{}
	c, err = io.Copy(w, io.MultiReader(&src{"ok ", 3}, &failing{4}, &src{"never", 1}))
	show("failing", w, c, err)

	// MultiWriter: nested ones flatten; WriteString uses a writer's own
	// WriteString when it has one and converts once otherwise.
	w1, w2, w3 := &sink{name: "w1"}, &ssink{sink{name: "w2"}}, &sink{name: "w3"}
	mw := io.MultiWriter(w1, io.MultiWriter(w2, w3))
	fmt.Fprint(mw, "fmt ")
	io.WriteString(mw, "string ")
	mw.Write([]byte("bytes"))
	show("w1", w1, 0, nil)
	show("w2", &w2.sink, 0, nil)
	show("w3", w3, 0, nil)
	short := &sink{limit: 2}
	mw2 := io.MultiWriter(&sink{}, short, &sink{})
	k, err = mw2.Write([]byte("abcdef"))
	fmt.Printf("multi short %d %v\n", k, err)
	k, err = io.WriteString(mw2, "xyz")
	fmt.Printf("multi short string %d %v\n", k, err)

	// TeeReader copies what is read.
	tee := &sink{}
	tr := io.TeeReader(&src{"tee reader data", 4}, tee)
	all, err := io.ReadAll(tr)
	fmt.Printf("tee: read [%s] %v, copied [%s] in %d writes\n", all, err, tee.got, tee.writes)
	big := make([]byte, 0, 10)
	for i := 0; i < 3000; i++ {
		big = append(big, byte('a'+i%26))
	}
	all, err = io.ReadAll(io.MultiReader(&src{string(big[:1000]), 333}, &src{string(big[1000:]), 1000}))
	fmt.Printf("readall %d bytes, cap %d, equal %v %v\n", len(all), cap(all), string(all) == string(big), err)
}
