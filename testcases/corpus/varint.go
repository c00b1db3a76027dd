// The Go original of varint.c: unicode/utf16 (Encode, Decode,
// EncodeRune, DecodeRune, IsSurrogate) and encoding/binary's varints
// (AppendUvarint, PutUvarint, Uvarint, AppendVarint, PutVarint, Varint,
// ReadUvarint, ReadVarint) from the standard library, run as-is, under a
// small record codec that appends everything to one buffer and decodes
// it by reslicing from the front.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

type record struct {
	name  string
	delta int64
	count uint64
}

func encode(buf []byte, recs []record) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(recs)))
	for _, r := range recs {
		units := utf16.Encode([]rune(r.name))
		buf = binary.AppendUvarint(buf, uint64(len(units)))
		for _, u := range units {
			buf = binary.AppendUvarint(buf, uint64(u))
		}
		buf = binary.AppendVarint(buf, r.delta)
		buf = binary.AppendUvarint(buf, r.count)
	}
	return buf
}

func decode(buf []byte) ([]record, error) {
	n, k := binary.Uvarint(buf)
	if k <= 0 {
		return nil, fmt.Errorf("bad count (%d)", k)
	}
	buf = buf[k:]
	var recs []record
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(buf)
		if k <= 0 {
			return recs, fmt.Errorf("bad length at record %d (%d)", i, k)
		}
		buf = buf[k:]
		units := make([]uint16, 0, l)
		for j := uint64(0); j < l; j++ {
			u, k := binary.Uvarint(buf)
			if k <= 0 {
				return recs, fmt.Errorf("bad unit at record %d (%d)", i, k)
			}
			units = append(units, uint16(u))
			buf = buf[k:]
		}
		d, k := binary.Varint(buf)
		if k <= 0 {
			return recs, fmt.Errorf("bad delta at record %d (%d)", i, k)
		}
		buf = buf[k:]
		c, k := binary.Uvarint(buf)
		if k <= 0 {
			return recs, fmt.Errorf("bad count at record %d (%d)", i, k)
		}
		buf = buf[k:]
		recs = append(recs, record{string(utf16.Decode(units)), d, c})
	}
	if len(buf) != 0 {
		return recs, fmt.Errorf("%d trailing bytes", len(buf))
	}
	return recs, nil
}

func main() {
	for _, u := range []uint64{0, 1, 127, 128, 255, 300, 16383, 16384, 1<<32 - 1, 1<<63 + 5, 1<<64 - 1} {
		b := binary.AppendUvarint(nil, u)
		var p [binary.MaxVarintLen64]byte
		n := binary.PutUvarint(p[:], u)
		v, k := binary.Uvarint(b)
		rv, err := binary.ReadUvarint(bytes.NewReader(b))
		fmt.Printf("u %d -> % x (%d %v) back %d %d read %d %v\n", u, b, n, bytes.Equal(b, p[:n]), v, k, rv, err)
	}
	for _, x := range []int64{0, -1, 1, -64, 63, 64, -65, 1 << 40, -1 << 63, 1<<63 - 1} {
		b := binary.AppendVarint(nil, x)
		var p [binary.MaxVarintLen64]byte
		n := binary.PutVarint(p[:], x)
		v, k := binary.Varint(b)
		rv, err := binary.ReadVarint(bytes.NewReader(b))
		fmt.Printf("s %d -> % x (%d) back %d %d read %d %v\n", x, b, n, v, k, rv, err)
	}
	for _, bad := range [][]byte{nil, {0x80}, {0xff, 0xff}, {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02}, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}} {
		v, k := binary.Uvarint(bad)
		rv, err := binary.ReadUvarint(bytes.NewReader(bad))
		fmt.Printf("bad % x -> %d %d read %d %v\n", bad, v, k, rv, err)
	}

	runes := []rune{'a', 0xe9, 0x4e16, 0xffff, 0x10000, 0x1F600, 0x10FFFF, 0xD800, -1, 0x110000}
	enc := utf16.Encode(runes)
	fmt.Printf("utf16 %d units: %04x\n", len(enc), enc)
	fmt.Printf("decoded: %x\n", utf16.Decode(enc))
	fmt.Printf("lone surrogates: %x\n", utf16.Decode([]uint16{0xd800, 0x61, 0xdc00, 0xd83d, 0xde00, 0xd83d}))
	r1, r2 := utf16.EncodeRune(0x1F600)
	fmt.Printf("pair %x %x -> %x, bad pair %x, %v %v\n", r1, r2, utf16.DecodeRune(r1, r2), utf16.DecodeRune(0x61, 0x62), utf16.IsSurrogate(0xdbff), utf16.IsSurrogate(0xe000))

	recs := []record{{"alpha", -3, 7}, {"", 0, 0}, {"caf\u00e9 \U0001F600", 1 << 40, 1<<64 - 1}, {"\u4e16\u754c", -1 << 63, 300}}
	for i := 0; i < 40; i++ {
		recs = append(recs, record{fmt.Sprintf("r%d", i), int64(i*i) - 500, uint64(i) << (i % 50)})
	}
	buf := encode(make([]byte, 0, 16), recs)
	fmt.Printf("encoded %d records into %d bytes, head % x\n", len(recs), len(buf), buf[:12])
	back, err := decode(buf)
	same := len(back) == len(recs)
	for i := range back {
		if back[i] != recs[i] {
			same = false
		}
	}
	fmt.Printf("decoded %d records, same=%v err=%v, third=%q %d %d\n", len(back), same, err, back[2].name, back[2].delta, back[2].count)
	_, err = decode(buf[:len(buf)-1])
	fmt.Println("truncated:", err)
	_, err = decode(append(buf[:len(buf):len(buf)], 0))
	fmt.Println("trailing:", err)
}
