// The Go original of imagedraw.c: image.RGBA (NewRGBA, PixOffset, Set,
// SubImage), image.Rectangle arithmetic and image/draw.Draw with RGBA and
// Uniform sources (drawFillSrc, drawFillOver, drawCopySrc, drawCopyOver,
// clip) from the standard library, run as-is, including copies within one
// image whose source and destination overlap.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
)

func sum(p []uint8) uint32 {
	h := uint32(2166136261)
	for _, b := range p {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

func show(tag string, img *image.RGBA) {
	fmt.Printf("%-22s sum=%08x", tag, sum(img.Pix))
	for _, pt := range []image.Point{{0, 0}, {3, 2}, {7, 5}, {15, 11}, {8, 8}} {
		c := img.RGBAAt(pt.X, pt.Y)
		fmt.Printf(" %d,%d=%02x%02x%02x%02x", pt.X, pt.Y, c.R, c.G, c.B, c.A)
	}
	fmt.Println()
}

func main() {
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	for y := 0; y < 12; y++ {
		for x := 0; x < 16; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(x * 16), uint8(y * 20), uint8(x ^ y), 255})
		}
	}
	show("pattern", img)
	fmt.Println("bounds", img.Bounds(), "stride", img.Stride, "len", len(img.Pix))

	draw.Draw(img, image.Rect(2, 2, 6, 5), &image.Uniform{color.RGBA{200, 10, 10, 255}}, image.Point{}, draw.Src)
	show("fill src", img)
	draw.Draw(img, image.Rect(4, 3, 10, 9), &image.Uniform{color.RGBA{0, 0, 128, 128}}, image.Point{}, draw.Over)
	show("fill over half", img)
	draw.Draw(img, image.Rect(-5, -5, 3, 3), &image.Uniform{color.RGBA{1, 2, 3, 255}}, image.Point{}, draw.Over)
	show("fill over clipped", img)
	draw.Draw(img, image.Rect(20, 20, 30, 30), &image.Uniform{color.RGBA{9, 9, 9, 255}}, image.Point{}, draw.Src)
	show("fill outside", img)

	other := image.NewRGBA(image.Rect(0, 0, 8, 8))
	draw.Draw(other, other.Bounds(), img, image.Pt(4, 2), draw.Src)
	fmt.Printf("%-22s sum=%08x\n", "copy to other", sum(other.Pix))
	half := image.NewRGBA(image.Rect(0, 0, 8, 8))
	draw.Draw(half, half.Bounds(), &image.Uniform{color.RGBA{0, 64, 0, 64}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(8, 4, 16, 12), half, image.Point{}, draw.Over)
	show("copy over translucent", img)

	// Copies inside one image whose rectangles overlap: down-right needs
	// the backward walk, up-left the forward one.
	draw.Draw(img, image.Rect(3, 2, 13, 10), img, image.Pt(1, 1), draw.Src)
	show("self src down-right", img)
	draw.Draw(img, image.Rect(0, 0, 10, 8), img, image.Pt(2, 3), draw.Src)
	show("self src up-left", img)
	draw.Draw(img, image.Rect(5, 1, 15, 6), img, image.Pt(4, 1), draw.Over)
	show("self over right", img)
	draw.Draw(img, image.Rect(1, 4, 9, 11), img, image.Pt(3, 4), draw.Over)
	show("self over left", img)

	// A SubImage shares Pix with its parent.
	sub := img.SubImage(image.Rect(4, 4, 12, 10)).(*image.RGBA)
	fmt.Println("sub bounds", sub.Bounds(), "stride", sub.Stride, "offset", len(img.Pix)-len(sub.Pix))
	draw.Draw(sub, sub.Bounds(), &image.Uniform{color.RGBA{255, 255, 0, 255}}, image.Point{}, draw.Src)
	show("sub fill", img)
	draw.Draw(sub, image.Rect(0, 0, 100, 100), img, image.Pt(0, 0), draw.Src)
	show("sub copy from parent", img)
	empty := img.SubImage(image.Rect(20, 20, 30, 30)).(*image.RGBA)
	fmt.Println("empty sub", empty.Bounds(), len(empty.Pix))
	r := image.Rect(5, 5, 1, 1)
	fmt.Println("canon", r, r.Dx(), r.Dy(), r.Empty(), image.Rect(0, 0, 4, 4).Intersect(image.Rect(2, 2, 8, 8)), image.Rect(0, 0, 4, 4).Add(image.Pt(1, 2)))
}
