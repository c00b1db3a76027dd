// A port of image.RGBA and image/draw.Draw for RGBA destinations with RGBA
// or Uniform sources and no mask (Go 1.19, src/image/geom.go, image.go,
// names.go, color/color.go, draw/draw.go): Rectangle and Point arithmetic,
// NewRGBA, PixOffset, RGBAAt, SetRGBA, SubImage (a view of the parent's
// Pix), Uniform.RGBA, clip, DrawMask's dispatch, drawFillSrc (one row
// filled, then copied down), drawFillOver (through element pointers),
// drawCopySrc (row copies, walked backwards when the rows overlap
// downwards) and drawCopyOver (3-index pixel views, walked backwards for
// overlap).  Other source kinds and masks are not ported.  The Go original
// of main is imagedraw.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/imagedraw.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>

#define SG_SLICE bytes
#define SG_ELEM uint8_t
#include <sliceguard/slice.h>

static sg_arena *heap;

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* ---- image/geom.go ----------------------------------------------------- */

// A Point is an X, Y coordinate pair.  The axes increase right and down.
typedef struct Point {
  ptrdiff_t X, Y;
} Point;

static Point Pt(ptrdiff_t X, ptrdiff_t Y) { return (Point){X, Y}; }
static Point Point_Sub(Point p, Point q) { return Pt(p.X - q.X, p.Y - q.Y); }

// A Rectangle contains the points with Min.X <= X < Max.X, Min.Y <= Y <
// Max.Y.  It is well-formed if Min.X <= Max.X and likewise for Y.
typedef struct Rectangle {
  Point Min, Max;
} Rectangle;

static const Rectangle ZR = {{0, 0}, {0, 0}};

static ptrdiff_t Rectangle_Dx(Rectangle r) { return r.Max.X - r.Min.X; }
static ptrdiff_t Rectangle_Dy(Rectangle r) { return r.Max.Y - r.Min.Y; }

static Rectangle Rectangle_Add(Rectangle r, Point p) {
  return (Rectangle){{r.Min.X + p.X, r.Min.Y + p.Y},
                     {r.Max.X + p.X, r.Max.Y + p.Y}};
}

// Empty reports whether the rectangle contains no points.
static bool Rectangle_Empty(Rectangle r) {
  return r.Min.X >= r.Max.X || r.Min.Y >= r.Max.Y;
}

// Intersect returns the largest rectangle contained by both r and s.  If
// the two rectangles do not overlap then the zero rectangle will be
// returned.
static Rectangle Rectangle_Intersect(Rectangle r, Rectangle s) {
  if (r.Min.X < s.Min.X)
    r.Min.X = s.Min.X;
  if (r.Min.Y < s.Min.Y)
    r.Min.Y = s.Min.Y;
  if (r.Max.X > s.Max.X)
    r.Max.X = s.Max.X;
  if (r.Max.Y > s.Max.Y)
    r.Max.Y = s.Max.Y;
  // Letting r0 and s0 be the values of r and s at the time that the
  // method is called, this next line is equivalent to:
  //
  // if max(r0.Min.X, s0.Min.X) >= min(r0.Max.X, s0.Max.X) || likewise for
  // Y { etc }
  if (Rectangle_Empty(r))
    return ZR;
  return r;
}

// Rect is shorthand for Rectangle{Pt(x0, y0), Pt(x1, y1)}.  The returned
// rectangle has minimum and maximum coordinates swapped if necessary so
// that it is well-formed.
static Rectangle Rect(ptrdiff_t x0, ptrdiff_t y0, ptrdiff_t x1, ptrdiff_t y1) {
  if (x0 > x1) {
    ptrdiff_t t = x0;
    x0 = x1;
    x1 = t;
  }
  if (y0 > y1) {
    ptrdiff_t t = y0;
    y0 = y1;
    y1 = t;
  }
  return (Rectangle){{x0, y0}, {x1, y1}};
}

/* Rectangle.String: "(x0,y0)-(x1,y1)". */
static void printRect(Rectangle r) {
  printf("(%ld,%ld)-(%ld,%ld)", (long)r.Min.X, (long)r.Min.Y, (long)r.Max.X,
         (long)r.Max.Y);
}

/* ---- image/color ------------------------------------------------------- */

// RGBA represents a traditional 32-bit alpha-premultiplied color, having 8
// bits for each of red, green, blue and alpha.
typedef struct color_RGBA {
  uint8_t R, G, B, A;
} color_RGBA;

static void color_RGBA_RGBA(color_RGBA c, uint32_t *r, uint32_t *g, uint32_t *b,
                            uint32_t *a) {
  *r = c.R;
  *r |= *r << 8;
  *g = c.G;
  *g |= *g << 8;
  *b = c.B;
  *b |= *b << 8;
  *a = c.A;
  *a |= *a << 8;
}

/* ---- image.RGBA and image.Uniform -------------------------------------- */

// RGBA is an in-memory image whose At method returns color.RGBA values.
typedef struct RGBA {
  // Pix holds the image's pixels, in R, G, B, A order.  The pixel at (x,
  // y) starts at Pix[(y-Rect.Min.Y)*Stride + (x-Rect.Min.X)*4].
  bytes Pix;
  // Stride is the Pix stride (in bytes) between vertically adjacent
  // pixels.
  ptrdiff_t Stride;
  // Rect is the image's bounds.
  Rectangle Rect;
} RGBA;

static Rectangle RGBA_Bounds(const RGBA *p) { return p->Rect; }

// PixOffset returns the index of the first element of Pix that
// corresponds to the pixel at (x, y).
static ptrdiff_t RGBA_PixOffset(const RGBA *p, ptrdiff_t x, ptrdiff_t y) {
  return (y - p->Rect.Min.Y) * p->Stride + (x - p->Rect.Min.X) * 4;
}

static bool Point_In(Point p, Rectangle r) {
  return r.Min.X <= p.X && p.X < r.Max.X && r.Min.Y <= p.Y && p.Y < r.Max.Y;
}

static color_RGBA RGBA_RGBAAt(const RGBA *p, ptrdiff_t x, ptrdiff_t y) {
  if (!Point_In(Pt(x, y), p->Rect))
    return (color_RGBA){0, 0, 0, 0};
  ptrdiff_t i = RGBA_PixOffset(p, x, y);
  bytes s = bytes_slice3(p->Pix, i, i + 4, i + 4); // Small cap improves
                                                   // performance
  return (color_RGBA){bytes_get(s, 0), bytes_get(s, 1), bytes_get(s, 2),
                      bytes_get(s, 3)};
}

static void RGBA_SetRGBA(RGBA *p, ptrdiff_t x, ptrdiff_t y, color_RGBA c) {
  if (!Point_In(Pt(x, y), p->Rect))
    return;
  ptrdiff_t i = RGBA_PixOffset(p, x, y);
  bytes s = bytes_slice3(p->Pix, i, i + 4, i + 4); // Small cap improves
                                                   // performance
  bytes_set(s, 0, c.R);
  bytes_set(s, 1, c.G);
  bytes_set(s, 2, c.B);
  bytes_set(s, 3, c.A);
}

// SubImage returns an image representing the portion of the image p
// visible through r.  The returned value shares pixels with the original
// image.
static RGBA *RGBA_SubImage(const RGBA *p, Rectangle r) {
  r = Rectangle_Intersect(r, p->Rect);
  // If r1 and r2 are Rectangles, r1.Intersect(r2) is not guaranteed to be
  // inside either r1 or r2 if the intersection is empty.  Without
  // explicitly checking for this, the Pix[i:] expression below can panic.
  RGBA *sub = sg_arena_alloc(heap, sizeof *sub);
  if (Rectangle_Empty(r))
    return sub;
  ptrdiff_t i = RGBA_PixOffset(p, r.Min.X, r.Min.Y);
  sub->Pix = bytes_slice(p->Pix, i, p->Pix.len);
  sub->Stride = p->Stride;
  sub->Rect = r;
  return sub;
}

// NewRGBA returns a new RGBA image with the given bounds.
static RGBA *NewRGBA(Rectangle r) {
  ptrdiff_t n = 4 * Rectangle_Dx(r) * Rectangle_Dy(r);
  if (n < 0)
    go_panic("image: NewRGBA Rectangle has huge or negative dimensions");
  RGBA *p = sg_arena_alloc(heap, sizeof *p);
  p->Pix = bytes_make(heap, n, n);
  p->Stride = 4 * Rectangle_Dx(r);
  p->Rect = r;
  return p;
}

// Uniform is an infinite-sized Image of uniform color.
typedef struct Uniform {
  color_RGBA C;
} Uniform;

static Rectangle Uniform_Bounds(void) {
  return (Rectangle){{-1000000000, -1000000000}, {1000000000, 1000000000}};
}

/* The image.Image interface, reduced to the two kinds ported here. */
typedef struct Image {
  RGBA *rgba;       /* *image.RGBA */
  Uniform *uniform; /* *image.Uniform */
} Image;

static Rectangle Image_Bounds(Image i) {
  return i.rgba ? RGBA_Bounds(i.rgba) : Uniform_Bounds();
}

/* ---- image/draw -------------------------------------------------------- */

// m is the maximum color value returned by image.Color.RGBA.
static const uint32_t m = (1 << 16) - 1;

typedef enum Op { Over, Src } Op;

// clip clips r against each image's bounds (after translating into the
// destination image's coordinate space) and shifts the points sp and mp
// by the same amount as the change in r.Min.
static void clip(Image dst, Rectangle *r, Image src, Point *sp) {
  Point orig = r->Min;
  *r = Rectangle_Intersect(*r, Image_Bounds(dst));
  *r = Rectangle_Intersect(
      *r, Rectangle_Add(Image_Bounds(src), Point_Sub(orig, *sp)));
  ptrdiff_t dx = r->Min.X - orig.X;
  ptrdiff_t dy = r->Min.Y - orig.Y;
  if (dx == 0 && dy == 0)
    return;
  sp->X += dx;
  sp->Y += dy;
}

static void drawFillOver(RGBA *dst, Rectangle r, uint32_t sr, uint32_t sg,
                         uint32_t sb, uint32_t sa) {
  // The 0x101 is here for the same reason as in drawRGBA.
  uint32_t a = (m - sa) * 0x101;
  ptrdiff_t i0 = RGBA_PixOffset(dst, r.Min.X, r.Min.Y);
  ptrdiff_t i1 = i0 + Rectangle_Dx(r) * 4;
  for (ptrdiff_t y = r.Min.Y; y != r.Max.Y; y++) {
    for (ptrdiff_t i = i0; i < i1; i += 4) {
      uint8_t *dr = bytes_at(dst->Pix, i + 0);
      uint8_t *dg = bytes_at(dst->Pix, i + 1);
      uint8_t *db = bytes_at(dst->Pix, i + 2);
      uint8_t *da = bytes_at(dst->Pix, i + 3);

      *dr = (uint8_t)(((uint32_t)*dr * a / m + sr) >> 8);
      *dg = (uint8_t)(((uint32_t)*dg * a / m + sg) >> 8);
      *db = (uint8_t)(((uint32_t)*db * a / m + sb) >> 8);
      *da = (uint8_t)(((uint32_t)*da * a / m + sa) >> 8);
    }
    i0 += dst->Stride;
    i1 += dst->Stride;
  }
}

static void drawFillSrc(RGBA *dst, Rectangle r, uint32_t sr, uint32_t sg,
                        uint32_t sb, uint32_t sa) {
  uint8_t sr8 = (uint8_t)(sr >> 8);
  uint8_t sg8 = (uint8_t)(sg >> 8);
  uint8_t sb8 = (uint8_t)(sb >> 8);
  uint8_t sa8 = (uint8_t)(sa >> 8);
  // The built-in copy function is faster than a straightforward for loop
  // to fill the destination with the color, but copy requires a slice
  // source.  We therefore use a for loop to fill the first row, and then
  // use the first row as the slice source for the remaining rows.
  ptrdiff_t i0 = RGBA_PixOffset(dst, r.Min.X, r.Min.Y);
  ptrdiff_t i1 = i0 + Rectangle_Dx(r) * 4;
  for (ptrdiff_t i = i0; i < i1; i += 4) {
    bytes_set(dst->Pix, i + 0, sr8);
    bytes_set(dst->Pix, i + 1, sg8);
    bytes_set(dst->Pix, i + 2, sb8);
    bytes_set(dst->Pix, i + 3, sa8);
  }
  bytes firstRow = bytes_slice(dst->Pix, i0, i1);
  for (ptrdiff_t y = r.Min.Y + 1; y < r.Max.Y; y++) {
    i0 += dst->Stride;
    i1 += dst->Stride;
    bytes_copy(bytes_slice(dst->Pix, i0, i1), firstRow);
  }
}

static void drawCopyOver(RGBA *dst, Rectangle r, RGBA *src, Point sp) {
  ptrdiff_t dx = Rectangle_Dx(r), dy = Rectangle_Dy(r);
  ptrdiff_t d0 = RGBA_PixOffset(dst, r.Min.X, r.Min.Y);
  ptrdiff_t s0 = RGBA_PixOffset(src, sp.X, sp.Y);
  ptrdiff_t ddelta, sdelta;
  ptrdiff_t i0, i1, idelta;
  if (r.Min.Y < sp.Y || (r.Min.Y == sp.Y && r.Min.X <= sp.X)) {
    ddelta = dst->Stride;
    sdelta = src->Stride;
    i0 = 0;
    i1 = dx * 4;
    idelta = +4;
  } else {
    // If the source start point is higher than the destination start
    // point, or equal height but to the left, then we compose the rows in
    // right-to-left, bottom-up order instead of left-to-right, top-down.
    d0 += (dy - 1) * dst->Stride;
    s0 += (dy - 1) * src->Stride;
    ddelta = -dst->Stride;
    sdelta = -src->Stride;
    i0 = (dx - 1) * 4;
    i1 = -4;
    idelta = -4;
  }
  for (; dy > 0; dy--) {
    bytes dpix = bytes_slice(dst->Pix, d0, dst->Pix.len);
    bytes spix = bytes_slice(src->Pix, s0, src->Pix.len);
    for (ptrdiff_t i = i0; i != i1; i += idelta) {
      bytes s = bytes_slice3(spix, i, i + 4, i + 4); // Small cap improves
                                                     // performance
      uint32_t sr = (uint32_t)bytes_get(s, 0) * 0x101;
      uint32_t sg = (uint32_t)bytes_get(s, 1) * 0x101;
      uint32_t sb = (uint32_t)bytes_get(s, 2) * 0x101;
      uint32_t sa = (uint32_t)bytes_get(s, 3) * 0x101;

      // The 0x101 is here for the same reason as in drawRGBA.
      uint32_t a = (m - sa) * 0x101;

      bytes d = bytes_slice3(dpix, i, i + 4, i + 4); // Small cap improves
                                                     // performance
      bytes_set(d, 0, (uint8_t)(((uint32_t)bytes_get(d, 0) * a / m + sr) >> 8));
      bytes_set(d, 1, (uint8_t)(((uint32_t)bytes_get(d, 1) * a / m + sg) >> 8));
      bytes_set(d, 2, (uint8_t)(((uint32_t)bytes_get(d, 2) * a / m + sb) >> 8));
      bytes_set(d, 3, (uint8_t)(((uint32_t)bytes_get(d, 3) * a / m + sa) >> 8));
    }
    d0 += ddelta;
    s0 += sdelta;
  }
}

// drawCopySrc copies bytes to dstPix from srcPix.  These arguments roughly
// correspond to the Pix fields of the image package's concrete image.Image
// implementations, but are offset (dstPix is dst.Pix[dpOffset:] not
// dst.Pix).
static void drawCopySrc(bytes dstPix, ptrdiff_t dstStride, Rectangle r,
                        bytes srcPix, ptrdiff_t srcStride, Point sp,
                        ptrdiff_t bytesPerRow) {
  ptrdiff_t d0 = 0, s0 = 0, ddelta = dstStride, sdelta = srcStride,
            dy = Rectangle_Dy(r);
  if (r.Min.Y > sp.Y) {
    // If the source start point is higher than the destination start
    // point, then we compose the rows in bottom-up order instead of
    // top-down.  Unlike the drawCopyOver function, we don't have to check
    // the x coordinates because the built-in copy function can handle
    // overlapping slices.
    d0 = (dy - 1) * dstStride;
    s0 = (dy - 1) * srcStride;
    ddelta = -dstStride;
    sdelta = -srcStride;
  }
  for (; dy > 0; dy--) {
    bytes_copy(bytes_slice(dstPix, d0, d0 + bytesPerRow),
               bytes_slice(srcPix, s0, s0 + bytesPerRow));
    d0 += ddelta;
    s0 += sdelta;
  }
}

// DrawMask aligns r.Min in dst with sp in src and mp in mask and then
// replaces the rectangle r in dst with the result of a Porter-Duff
// composition (here without a mask: mask == nil).
static void DrawMask(Image dst, Rectangle r, Image src, Point sp, Op op) {
  clip(dst, &r, src, &sp);
  if (Rectangle_Empty(r))
    return;

  RGBA *dst0 = dst.rgba;
  if (dst0 == NULL)
    go_panic("draw: destinations other than *image.RGBA are not ported");
  if (op == Over) {
    if (src.uniform != NULL) {
      uint32_t sr, sg, sb, sa;
      color_RGBA_RGBA(src.uniform->C, &sr, &sg, &sb, &sa);
      if (sa == 0xffff)
        drawFillSrc(dst0, r, sr, sg, sb, sa);
      else
        drawFillOver(dst0, r, sr, sg, sb, sa);
      return;
    }
    drawCopyOver(dst0, r, src.rgba, sp);
    return;
  }
  if (src.uniform != NULL) {
    uint32_t sr, sg, sb, sa;
    color_RGBA_RGBA(src.uniform->C, &sr, &sg, &sb, &sa);
    drawFillSrc(dst0, r, sr, sg, sb, sa);
    return;
  }
  RGBA *src0 = src.rgba;
  ptrdiff_t d0 = RGBA_PixOffset(dst0, r.Min.X, r.Min.Y);
  ptrdiff_t s0 = RGBA_PixOffset(src0, sp.X, sp.Y);
  drawCopySrc(bytes_slice(dst0->Pix, d0, dst0->Pix.len), dst0->Stride, r,
              bytes_slice(src0->Pix, s0, src0->Pix.len), src0->Stride, sp,
              4 * Rectangle_Dx(r));
}

// Draw calls DrawMask with a nil mask.
static void Draw(Image dst, Rectangle r, Image src, Point sp, Op op) {
  DrawMask(dst, r, src, sp, op);
}

/* ---- the program ------------------------------------------------------- */

static uint32_t sum(bytes p) {
  uint32_t h = 2166136261u;
  for (ptrdiff_t i = 0; i < p.len; i++)
    h = (h ^ bytes_get(p, i)) * 16777619u;
  return h;
}

static void show(const char *tag, RGBA *img) {
  printf("%-22s sum=%08x", tag, sum(img->Pix));
  static const Point pts[] = {{0, 0}, {3, 2}, {7, 5}, {15, 11}, {8, 8}};
  for (int k = 0; k < 5; k++) {
    color_RGBA c = RGBA_RGBAAt(img, pts[k].X, pts[k].Y);
    printf(" %ld,%ld=%02x%02x%02x%02x", (long)pts[k].X, (long)pts[k].Y, c.R,
           c.G, c.B, c.A);
  }
  printf("\n");
}

static Image I(RGBA *p) { return (Image){p, NULL}; }

static Image U(uint8_t r, uint8_t g, uint8_t b, uint8_t a) {
  Uniform *u = sg_arena_alloc(heap, sizeof *u);
  u->C = (color_RGBA){r, g, b, a};
  return (Image){NULL, u};
}

int main(void) {
  heap = sg_arena_new();
  RGBA *img = NewRGBA(Rect(0, 0, 16, 12));
  for (ptrdiff_t y = 0; y < 12; y++)
    for (ptrdiff_t x = 0; x < 16; x++)
      RGBA_SetRGBA(img, x, y,
                   (color_RGBA){(uint8_t)(x * 16), (uint8_t)(y * 20),
                                (uint8_t)(x ^ y), 255});
  show("pattern", img);
  printf("bounds ");
  printRect(RGBA_Bounds(img));
  printf(" stride %ld len %ld\n", (long)img->Stride, (long)img->Pix.len);

  Draw(I(img), Rect(2, 2, 6, 5), U(200, 10, 10, 255), Pt(0, 0), Src);
  show("fill src", img);
  Draw(I(img), Rect(4, 3, 10, 9), U(0, 0, 128, 128), Pt(0, 0), Over);
  show("fill over half", img);
  Draw(I(img), Rect(-5, -5, 3, 3), U(1, 2, 3, 255), Pt(0, 0), Over);
  show("fill over clipped", img);
  Draw(I(img), Rect(20, 20, 30, 30), U(9, 9, 9, 255), Pt(0, 0), Src);
  show("fill outside", img);

  RGBA *other = NewRGBA(Rect(0, 0, 8, 8));
  Draw(I(other), RGBA_Bounds(other), I(img), Pt(4, 2), Src);
  printf("%-22s sum=%08x\n", "copy to other", sum(other->Pix));
  RGBA *half = NewRGBA(Rect(0, 0, 8, 8));
  Draw(I(half), RGBA_Bounds(half), U(0, 64, 0, 64), Pt(0, 0), Src);
  Draw(I(img), Rect(8, 4, 16, 12), I(half), Pt(0, 0), Over);
  show("copy over translucent", img);

  // Copies inside one image whose rectangles overlap: down-right needs the
  // backward walk, up-left the forward one.
  Draw(I(img), Rect(3, 2, 13, 10), I(img), Pt(1, 1), Src);
  show("self src down-right", img);
  Draw(I(img), Rect(0, 0, 10, 8), I(img), Pt(2, 3), Src);
  show("self src up-left", img);
  Draw(I(img), Rect(5, 1, 15, 6), I(img), Pt(4, 1), Over);
  show("self over right", img);
  Draw(I(img), Rect(1, 4, 9, 11), I(img), Pt(3, 4), Over);
  show("self over left", img);

  // A SubImage shares Pix with its parent.
  RGBA *sub = RGBA_SubImage(img, Rect(4, 4, 12, 10));
  printf("sub bounds ");
  printRect(RGBA_Bounds(sub));
  printf(" stride %ld offset %ld\n", (long)sub->Stride,
         (long)(img->Pix.len - sub->Pix.len));
  Draw(I(sub), RGBA_Bounds(sub), U(255, 255, 0, 255), Pt(0, 0), Src);
  show("sub fill", img);
  Draw(I(sub), Rect(0, 0, 100, 100), I(img), Pt(0, 0), Src);
  show("sub copy from parent", img);
  RGBA *empty = RGBA_SubImage(img, Rect(20, 20, 30, 30));
  printf("empty sub ");
  printRect(RGBA_Bounds(empty));
  printf(" %ld\n", (long)empty->Pix.len);
  Rectangle r = Rect(5, 5, 1, 1);
  printf("canon ");
  printRect(r);
  printf(" %ld %ld %s ", (long)Rectangle_Dx(r), (long)Rectangle_Dy(r),
         Rectangle_Empty(r) ? "true" : "false");
  printRect(Rectangle_Intersect(Rect(0, 0, 4, 4), Rect(2, 2, 8, 8)));
  printf(" ");
  printRect(Rectangle_Add(Rect(0, 0, 4, 4), Pt(1, 2)));
  printf("\n");
  sg_arena_free(heap);
  return 0;
}
