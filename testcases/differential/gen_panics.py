#!/usr/bin/env python3
"""Differential tester: the runtime's panic messages against Go's.

Generates random programs over one slice, one string and one map, whose
steps often go out of range: s[i] read, written and addressed (get, set,
at), s[lo:hi] and s[lo:hi:max] in all their forms (bounds omitted or
given, each of them negative, past len, past cap, or huge), string slicing,
make with bad sizes, and writes to a nil map.  Every step runs under a
recover (Go) or a panic handler that longjmps back (C); each side prints
the step's result or its panic's message, which Go prints as "panic: " and
the error's text.  The two outputs must be the same, line for line.

That Go prints the recovered text exactly as an unrecovered panic does is
checked too: for one step of each message shape, both programs run again
with that step unrecovered, and the first line Go writes to stderr must be
the C program's stderr line without its "sliceguard: " prefix.

A mismatch shrinks to a minimal pair of programs (gen_maps.py's runner).

  gen_panics.py --seed 1 --count 300 --workdir DIR --include runtime-headers \\
      --cc clang --go go
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_maps  # noqa: E402  (the runner)

HUGE = [1 << 49, 1 << 62, (1 << 63) - 1, -(1 << 62)]

ELEMS = {
    # tag: (Go type, C type, Go literal of v, C literal of v)
    "i64": ("int64", "int64_t", "%d", "INT64_C(%d)"),
    "u8": ("uint8", "uint8_t", "%d", "(uint8_t)%d"),
    "r24": ("r24", "r24", "r24{%d, 1, 2}", "(r24){%d, 1, 2}"),
}

GO_PRELUDE = r'''package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

var w = bufio.NewWriter(os.Stdout)

type r24 struct{ A, B, C int64 }

// The step run without a recover (see main), or -1.
var rawStep = -1

var zero int

// n hides its argument from the compiler, which would otherwise reject
// constant indices it can prove out of range.
//
//go:noinline
func n(i int) int { return i + zero }

func try(step int, f func()) {
	if step == rawStep {
		w.Flush()
		f()
		return
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(w, "panic: %v\n", r)
		}
	}()
	f()
}

func pe_i64(v int64) string { return strconv.FormatInt(v, 10) }
func pe_u8(v uint8) string  { return strconv.Itoa(int(v)) }
func pe_r24(v r24) string   { return fmt.Sprintf("{%d %d %d}", v.A, v.B, v.C) }
'''

GO_ELEM_HELPERS = r'''
func ps_$E(s []$G) { fmt.Fprintf(w, "ok len=%d cap=%d nil=%t\n", len(s), cap(s), s == nil) }
'''

C_PRELUDE = r'''#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

typedef struct r24 {
  int64_t a, b, c;
} r24;

#define SG_MAP smap
#define SG_KEY sg_str
#define SG_VAL int64_t
#include <sliceguard/map.h>

static volatile ptrdiff_t zero;
static ptrdiff_t n(ptrdiff_t i) { return i + zero; }

/* A panic inside TRY prints its message and comes back; the step named by
 * raw_step runs with the default handler, as a real program would. */
static jmp_buf try_env;
static volatile int trying;
static long raw_step = -1;
static void on_panic(const char *message, const char *location) {
  (void)location;
  printf("%s\n", message);
  if (!trying) {
    printf("(unexpected panic)\n");
    fflush(stdout);
    abort();
  }
  longjmp(try_env, 1);
}
#define TRY(step, ...)                                                         \
  do {                                                                         \
    if ((step) == raw_step) {                                                  \
      fflush(stdout);                                                          \
      sg_set_panic_handler(NULL);                                              \
      __VA_ARGS__;                                                             \
      sg_set_panic_handler(on_panic);                                          \
      break;                                                                   \
    }                                                                          \
    trying = 1;                                                                \
    if (!setjmp(try_env)) {                                                    \
      __VA_ARGS__;                                                             \
    }                                                                          \
    trying = 0;                                                                \
  } while (0)

static void pe_i64(int64_t v) { printf("%lld", (long long)v); }
static void pe_u8(uint8_t v) { printf("%d", v); }
static void pe_r24(r24 v) {
  printf("{%lld %lld %lld}", (long long)v.a, (long long)v.b, (long long)v.c);
}
static void pstr(sg_str t) {
  printf("ok len=%td \"%.*s\"\n", t.len, (int)t.len, t.ptr);
}
'''

C_ELEM_HELPERS = r'''
#define SG_SLICE sl_$E
#define SG_ELEM $C
#include <sliceguard/slice.h>
static void ps_$E(sl_$E s) {
  printf("ok len=%td cap=%td nil=%s\n", s.len, s.cap,
         s.ptr == NULL ? "true" : "false");
}
'''

TEXT = "hello, sliceguard"  # the string programs slice


def instantiate(template, tag):
    go, c = ELEMS[tag][0], ELEMS[tag][1]
    words = {"$E": tag, "$G": go, "$C": c}
    return re.sub(r"\$[A-Z]", lambda m: words[m.group(0)], template)


class PanicsKind:
    name = "panics"

    # -- generation ----------------------------------------------------------
    def generate(self, rng):
        elem = rng.choice(list(ELEMS))
        ops = []
        # A model of the lengths, so most indices land near the edges.
        length, cap, tlen = 0, 0, len(TEXT)
        for _ in range(rng.randint(3, 14)):
            op = self.random_op(rng, length, cap, tlen)
            ops.append(op)
            length, cap, tlen = self.step_model(op, length, cap, tlen)
        return {"elem": elem, "ops": ops}

    @staticmethod
    def near(rng, edge):
        r = rng.random()
        if r < 0.06:
            return rng.choice(HUGE)
        if r < 0.16:
            return rng.choice([-1, -2, -rng.randint(3, 40)])
        return min((1 << 63) - 1, max(0, edge + rng.randint(-3, 3)))

    def random_op(self, rng, length, cap, tlen):
        r = rng.random()
        near = self.near
        if r < 0.10:
            if rng.random() < 0.25:
                return ("make", near(rng, 3), near(rng, 5))
            ln = rng.randint(0, 8)
            return ("make", ln, ln + rng.randint(0, 6))
        if r < 0.13:
            return ("nil",)
        if r < 0.20:
            return ("append", rng.randint(1, 4))
        if r < 0.30:
            return ("get", near(rng, length))
        if r < 0.36:
            return ("set", near(rng, length), rng.randrange(100))
        if r < 0.40:
            return ("at", near(rng, length))
        if r < 0.58:
            lo = None if rng.random() < 0.25 else near(rng, rng.randint(0, length))
            hi = None if rng.random() < 0.25 else near(rng, rng.choice([length, cap]))
            return ("slice", lo, hi, rng.random() < 0.3)
        if r < 0.76:
            lo = None if rng.random() < 0.3 else near(rng, rng.randint(0, length))
            hi = near(rng, rng.choice([length, cap]))
            mx = near(rng, rng.choice([cap, hi if hi >= 0 else 0]))
            return ("slice3", lo, hi, mx, rng.random() < 0.3)
        if r < 0.86:
            lo = None if rng.random() < 0.25 else near(rng, rng.randint(0, tlen))
            hi = None if rng.random() < 0.25 else near(rng, tlen)
            return ("str", lo, hi, rng.random() < 0.3)
        if r < 0.88:
            return ("strset", rng.randint(0, len(TEXT)))
        if r < 0.93:
            return ("mput", rng.randrange(5))
        if r < 0.95:
            return ("mmake",)
        if r < 0.97:
            return ("mnil",)
        return ("mget", rng.randrange(5))

    @staticmethod
    def step_model(op, length, cap, tlen):
        """Lengths after op if it does not panic (a guide only)."""
        kind = op[0]

        def ok(*v):
            return all(x is None or 0 <= x < (1 << 40) for x in v)
        if kind == "make" and ok(op[1], op[2]) and op[1] <= op[2]:
            return op[1], op[2], tlen
        if kind == "nil":
            return 0, 0, tlen
        if kind == "append":
            new = length + op[1]
            return new, max(cap, new), tlen
        if kind == "slice" and op[3]:
            lo = op[1] or 0
            hi = length if op[2] is None else op[2]
            if ok(lo, hi) and lo <= hi <= cap:
                return hi - lo, cap - lo, tlen
        if kind == "slice3" and op[4]:
            lo = op[1] or 0
            if ok(lo, op[2], op[3]) and lo <= op[2] <= op[3] <= cap:
                return op[2] - lo, op[3] - lo, tlen
        if kind == "str" and op[3]:
            lo = op[1] or 0
            hi = tlen if op[2] is None else op[2]
            if ok(lo, hi) and lo <= hi <= tlen:
                return length, cap, hi - lo
        if kind == "strset":
            return length, cap, op[1]
        return length, cap, tlen

    # -- rendering -------------------------------------------------------------
    def render_go(self, programs):
        out = [GO_PRELUDE]
        for tag in ELEMS:
            out.append(instantiate(GO_ELEM_HELPERS, tag))
        for k, p in enumerate(programs):
            out.append("func p%d() {\n%s}\n" % (k, self.render_go_body(p, k)))
        out.append('''func main() {
	defer w.Flush()
	only := -1
	if len(os.Args) == 3 { // raw PROGRAM STEP
		only, _ = strconv.Atoi(os.Args[1])
		rawStep, _ = strconv.Atoi(os.Args[2])
	}
	progs := []func(){''')
        out.append(", ".join("p%d" % k for k in range(len(programs))))
        out.append('''}
	for k, p := range progs {
		if only < 0 || k == only {
			fmt.Fprintf(w, "%s%%d\\n", k)
			p()
			fmt.Fprintf(w, "== end\\n")
		}
	}
}
''' % gen_maps.PROGRAM_MARK)
        return "".join(out)

    def render_c(self, programs):
        out = [C_PRELUDE]
        for tag in ELEMS:
            out.append(instantiate(C_ELEM_HELPERS, tag))
        for tag in ELEMS:
            out.append("static sl_%s s_%s SG_UNUSED;\n" % (tag, tag))
        out.append("static sg_str t SG_UNUSED;\nstatic smap m SG_UNUSED;\n")
        for k, p in enumerate(programs):
            out.append("static void p%d(sg_arena *a) {\n%s}\n" % (
                k, self.render_c_body(p, k)))
        out.append("typedef void (*prog)(sg_arena *);\nstatic const prog progs[] = {")
        out.append(", ".join("p%d" % k for k in range(len(programs))))
        out.append('''};
int main(int argc, char **argv) {
  long only = -1;
  if (argc == 3) { /* raw PROGRAM STEP */
    only = atol(argv[1]);
    raw_step = atol(argv[2]);
  }
  sg_set_panic_handler(on_panic);
  for (long k = 0; k < (long)(sizeof progs / sizeof progs[0]); k++) {
    if (only >= 0 && k != only)
      continue;
    sg_arena *a = sg_arena_new();
    printf("%s%%ld\\n", k);
    progs[k](a);
    printf("== end\\n");
    fflush(stdout);
    sg_arena_free(a);
  }
  return 0;
}
''' % gen_maps.PROGRAM_MARK)
        return "".join(out)

    @staticmethod
    def step_id(k, j):
        return k * 1000 + j

    def render_go_body(self, p, k=0):
        e = p["elem"]
        go_t, lit = ELEMS[e][0], ELEMS[e][2]
        lines = ["\tvar s []%s\n\tt := %s\n\tvar m map[string]int64\n"
                 "\t_, _, _ = s, t, m\n" % (go_t, '"%s"' % TEXT)]
        for j, op in enumerate(p["ops"]):
            lines.append("\ttry(%d, func() { %s })\n" % (
                self.step_id(k, j), self.go_stmt(op, e, go_t, lit)))
        return "".join(lines)

    @staticmethod
    def go_bound(v):
        return "" if v is None else "n(%d)" % v

    def go_stmt(self, op, e, go_t, lit):
        kind, b = op[0], self.go_bound
        ps = "ps_%s(s)" % e
        if kind == "make":
            return "s = make([]%s, n(%d), n(%d)); %s" % (go_t, op[1], op[2], ps)
        if kind == "nil":
            return "s = nil; " + ps
        if kind == "append":
            # One value per append, as the C side does (one append of
            # several values grows differently).
            return "".join("s = append(s, %s); " % (lit % (v + 1))
                           for v in range(op[1])) + ps
        if kind == "get":
            return 'fmt.Fprintf(w, "ok %%s\\n", pe_%s(s[n(%d)]))' % (e, op[1])
        if kind == "set":
            return 's[n(%d)] = %s; fmt.Fprintf(w, "ok\\n")' % (
                op[1], lit % op[2])
        if kind == "at":
            return ('p := &s[n(%d)]; fmt.Fprintf(w, "ok %%s\\n", pe_%s(*p))'
                    % (op[1], e))
        if kind == "slice":
            expr = "s[%s:%s]" % (b(op[1]), b(op[2]))
            if op[3]:
                return "s = %s; %s" % (expr, ps)
            return "ps_%s(%s)" % (e, expr)
        if kind == "slice3":
            expr = "s[%s:%s:%s]" % (b(op[1]), b(op[2]), b(op[3]))
            if op[4]:
                return "s = %s; %s" % (expr, ps)
            return "ps_%s(%s)" % (e, expr)
        pt = 'fmt.Fprintf(w, "ok len=%d \\"%s\\"\\n", len(t), t)'
        if kind == "str":
            expr = "t[%s:%s]" % (b(op[1]), b(op[2]))
            if op[3]:
                return "t = %s; %s" % (expr, pt)
            return ('u := %s; fmt.Fprintf(w, "ok len=%%d \\"%%s\\"\\n", '
                    'len(u), u)' % expr)
        if kind == "strset":
            return 't = "%s"; %s' % (TEXT[:op[1]], pt)
        if kind == "mput":
            return 'm["k%d"] = 1; fmt.Fprintf(w, "ok len=%%d\\n", len(m))' % op[1]
        if kind == "mmake":
            return 'm = map[string]int64{}; fmt.Fprintf(w, "ok\\n")'
        if kind == "mnil":
            return 'm = nil; fmt.Fprintf(w, "ok\\n")'
        if kind == "mget":
            return ('delete(m, "k%d"); fmt.Fprintf(w, "ok %%d %%d\\n", '
                    'm["k%d"], len(m))' % (op[1], (op[1] + 1) % 5))
        raise AssertionError(kind)

    def render_c_body(self, p, k=0):
        e = p["elem"]
        lines = ["  (void)a;\n  s_%s = (sl_%s){0};\n  t = SG_STR(\"%s\");\n"
                 "  m = NULL;\n" % (e, e, TEXT)]
        for j, op in enumerate(p["ops"]):
            lines.append("  TRY(%d, %s);\n" % (self.step_id(k, j),
                                               self.c_stmt(op, e)))
        return "".join(lines)

    def c_stmt(self, op, e):
        kind = op[0]
        sl, s = "sl_%s" % e, "s_%s" % e
        lit = ELEMS[e][3]
        ps = "ps_%s(%s)" % (e, s)

        def bound(v, default):
            return default if v is None else "n(%d)" % v
        if kind == "make":
            return "{ %s = %s_make(a, n(%d), n(%d)); %s; }" % (
                s, sl, op[1], op[2], ps)
        if kind == "nil":
            return "{ %s = (%s){0}; %s; }" % (s, sl, ps)
        if kind == "append":
            stmts = "".join("%s = %s_append(a, %s, %s); " % (
                s, sl, s, lit % (v + 1)) for v in range(op[1]))
            return "{ %s%s; }" % (stmts, ps)
        if kind == "get":
            return ('{ %s_elem v = %s_get(%s, n(%d)); printf("ok "); '
                    'pe_%s(v); printf("\\n"); }' % (sl, sl, s, op[1], e))
        if kind == "set":
            return '{ %s_set(%s, n(%d), %s); printf("ok\\n"); }' % (
                sl, s, op[1], lit % op[2])
        if kind == "at":
            return ('{ %s_elem *q = %s_at(%s, n(%d)); printf("ok "); '
                    'pe_%s(*q); printf("\\n"); }' % (sl, sl, s, op[1], e))
        if kind == "slice":
            expr = "%s_slice(%s, %s, %s)" % (sl, s, bound(op[1], "0"),
                                             bound(op[2], s + ".len"))
            if op[3]:
                return "{ %s = %s; %s; }" % (s, expr, ps)
            return "ps_%s(%s)" % (e, expr)
        if kind == "slice3":
            expr = "%s_slice3(%s, %s, n(%d), n(%d))" % (
                sl, s, bound(op[1], "0"), op[2], op[3])
            if op[4]:
                return "{ %s = %s; %s; }" % (s, expr, ps)
            return "ps_%s(%s)" % (e, expr)
        if kind == "str":
            expr = "sg_str_slice(t, %s, %s)" % (bound(op[1], "0"),
                                                bound(op[2], "t.len"))
            if op[3]:
                return "{ t = %s; pstr(t); }" % expr
            return "pstr(%s)" % expr
        if kind == "strset":
            return '{ t = SG_STR("%s"); pstr(t); }' % TEXT[:op[1]]
        if kind == "mput":
            return ('{ smap_put(m, SG_STR("k%d"), 1); '
                    'printf("ok len=%%td\\n", smap_len(m)); }' % op[1])
        if kind == "mmake":
            return '{ m = smap_make(a, 0); printf("ok\\n"); }'
        if kind == "mnil":
            return '{ m = NULL; printf("ok\\n"); }'
        if kind == "mget":
            return ('{ smap_del(m, SG_STR("k%d")); printf("ok %%lld %%td\\n", '
                    '(long long)smap_get(m, SG_STR("k%d")), smap_len(m)); }' % (
                        op[1], (op[1] + 1) % 5))
        raise AssertionError(kind)

    # -- comparison --------------------------------------------------------------
    def normalize(self, lines):
        return lines

    def vm_sources(self):
        return panics_vm_sources()

    def encode(self, programs):
        return panics_encode(programs)

    # -- shrinking -------------------------------------------------------------
    def size(self, p):
        return len(p["ops"])

    def weight(self, p):
        numbers = 0
        for op in p["ops"]:
            for v in op[1:]:
                if isinstance(v, int) and not isinstance(v, bool):
                    numbers += min(abs(v), 1 << 20)
        return (len(p["ops"]), numbers)

    def shrink_changes(self, p):
        n_ops = len(p["ops"])
        chunk = max(1, n_ops // 2)
        while True:
            for start in range(0, n_ops, chunk):
                if n_ops - chunk > 0 or start > 0:
                    yield ("cut", frozenset(range(start,
                                                  min(n_ops, start + chunk))))
            if chunk == 1:
                break
            chunk //= 2
        for k, op in enumerate(p["ops"]):
            for s in self.simpler_ops(op):
                yield ("op", k, s)

    @staticmethod
    def simpler_ops(op):
        for pos, v in enumerate(op):
            if pos == 0 or isinstance(v, bool) or not isinstance(v, int):
                continue
            for smaller in sorted({0, v // 2, -1 if v < 0 else 0},
                                  key=abs):
                if abs(smaller) < abs(v):
                    yield op[:pos] + (smaller,) + op[pos + 1:]

    def apply_changes(self, p, changes):
        ops = list(p["ops"])
        cut = set()
        for c in changes:
            if c[0] == "op":
                ops[c[1]] = c[2]
            else:
                cut |= c[1]
        ops = [op for k, op in enumerate(ops) if k not in cut] or ops[:1]
        return {"elem": p["elem"], "ops": ops}

    def describe(self, p):
        return ["elem: " + p["elem"]] + [repr(op) for op in p["ops"]]


# ---------------------------------------------------------------------------
# The interpreter engine (gen_maps.Interpreters): the same steps, read as
# numbers, for long runs.  A bound that may be omitted is a pair: present
# (0 or 1), value.

OPCODES = {"make": 0, "nil": 1, "append": 2, "get": 3, "set": 4, "at": 5,
           "slice": 6, "slice3": 7, "str": 8, "strset": 9, "mput": 10,
           "mmake": 11, "mnil": 12, "mget": 13}

GO_VM = r'''package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

var w = bufio.NewWriter(os.Stdout)

type r24 struct{ A, B, C int64 }

const text = "TEXT"

type ptraits[E any] struct {
	mk func(int64) E
	pe func(E) string
}

var tI64 = ptraits[int64]{func(v int64) int64 { return v },
	func(v int64) string { return strconv.FormatInt(v, 10) }}
var tU8 = ptraits[uint8]{func(v int64) uint8 { return uint8(v) },
	func(v uint8) string { return strconv.Itoa(int(v)) }}
var tR24 = ptraits[r24]{func(v int64) r24 { return r24{v, 1, 2} },
	func(v r24) string { return fmt.Sprintf("{%d %d %d}", v.A, v.B, v.C) }}

type state[E any] struct {
	s []E
	t string
	m map[string]int64
}

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(w, "panic: %v\n", r)
		}
	}()
	f()
}

func (st *state[E]) ps(s []E) {
	fmt.Fprintf(w, "ok len=%d cap=%d nil=%t\n", len(s), cap(s), s == nil)
}

func (st *state[E]) pt(t string) { fmt.Fprintf(w, "ok len=%d \"%s\"\n", len(t), t) }

func (st *state[E]) step(tr ptraits[E], op []int64) {
	a := op[1:]
	switch op[0] {
	case 0:
		st.s = make([]E, a[0], a[1])
		st.ps(st.s)
	case 1:
		st.s = nil
		st.ps(st.s)
	case 2:
		for v := int64(0); v < a[0]; v++ {
			st.s = append(st.s, tr.mk(v+1))
		}
		st.ps(st.s)
	case 3:
		fmt.Fprintf(w, "ok %s\n", tr.pe(st.s[a[0]]))
	case 4:
		st.s[a[0]] = tr.mk(a[1])
		fmt.Fprintf(w, "ok\n")
	case 5:
		p := &st.s[a[0]]
		fmt.Fprintf(w, "ok %s\n", tr.pe(*p))
	case 6: // hasLo lo hasHi hi assign
		var r []E
		s, lo, hi := st.s, a[1], a[3]
		switch {
		case a[0] == 1 && a[2] == 1:
			r = s[lo:hi]
		case a[0] == 1:
			r = s[lo:]
		case a[2] == 1:
			r = s[:hi]
		default:
			r = s[:]
		}
		if a[4] == 1 {
			st.s = r
		}
		st.ps(r)
	case 7: // hasLo lo hi max assign
		var r []E
		if a[0] == 1 {
			r = st.s[a[1]:a[2]:a[3]]
		} else {
			r = st.s[:a[2]:a[3]]
		}
		if a[4] == 1 {
			st.s = r
		}
		st.ps(r)
	case 8: // hasLo lo hasHi hi assign
		var r string
		t, lo, hi := st.t, a[1], a[3]
		switch {
		case a[0] == 1 && a[2] == 1:
			r = t[lo:hi]
		case a[0] == 1:
			r = t[lo:]
		case a[2] == 1:
			r = t[:hi]
		default:
			r = t[:]
		}
		if a[4] == 1 {
			st.t = r
		}
		st.pt(r)
	case 9:
		st.t = text[:a[0]]
		st.pt(st.t)
	case 10:
		st.m["k"+strconv.FormatInt(a[0], 10)] = 1
		fmt.Fprintf(w, "ok len=%d\n", len(st.m))
	case 11:
		st.m = map[string]int64{}
		fmt.Fprintf(w, "ok\n")
	case 12:
		st.m = nil
		fmt.Fprintf(w, "ok\n")
	case 13:
		delete(st.m, "k"+strconv.FormatInt(a[0], 10))
		fmt.Fprintf(w, "ok %d %d\n", st.m["k"+strconv.FormatInt((a[0]+1)%5, 10)], len(st.m))
	}
}

type stepper interface{ do(op []int64) }

type prog[E any] struct {
	tr ptraits[E]
	st state[E]
}

func (p *prog[E]) do(op []int64) { try(func() { p.st.step(p.tr, op) }) }

func main() {
	defer w.Flush()
	in := bufio.NewScanner(os.Stdin)
	var cur stepper
	for in.Scan() {
		f := strings.Fields(in.Text())
		nums := make([]int64, len(f)-1)
		for j := range nums {
			nums[j], _ = strconv.ParseInt(f[j+1], 10, 64)
		}
		switch f[0] {
		case "P":
			fmt.Fprintf(w, "== program %d\n", nums[0])
			switch nums[1] {
			case 0:
				cur = &prog[int64]{tr: tI64, st: state[int64]{t: text}}
			case 1:
				cur = &prog[uint8]{tr: tU8, st: state[uint8]{t: text}}
			default:
				cur = &prog[r24]{tr: tR24, st: state[r24]{t: text}}
			}
		case "E":
			fmt.Fprintf(w, "== end\n")
		default:
			op, _ := strconv.ParseInt(f[0], 10, 64)
			cur.do(append([]int64{op}, nums...))
		}
	}
}
'''

C_VM_TYPE = r'''
static void vm_$E(sg_arena *a, const long long *op) {
  const long long *x = op + 1;
  sl_$E *s = &s_$E;
  switch (op[0]) {
  case 0:
    TRY(-2, { *s = sl_$E_make(a, (ptrdiff_t)x[0], (ptrdiff_t)x[1]); ps_$E(*s); });
    break;
  case 1:
    *s = (sl_$E){0};
    ps_$E(*s);
    break;
  case 2:
    for (long long v = 0; v < x[0]; v++)
      *s = sl_$E_append(a, *s, mk_$E(v + 1));
    ps_$E(*s);
    break;
  case 3:
    TRY(-2, {
      sl_$E_elem v = sl_$E_get(*s, (ptrdiff_t)x[0]);
      printf("ok ");
      pe_$E(v);
      printf("\n");
    });
    break;
  case 4:
    TRY(-2, { sl_$E_set(*s, (ptrdiff_t)x[0], mk_$E(x[1])); printf("ok\n"); });
    break;
  case 5:
    TRY(-2, {
      sl_$E_elem *q = sl_$E_at(*s, (ptrdiff_t)x[0]);
      printf("ok ");
      pe_$E(*q);
      printf("\n");
    });
    break;
  case 6:
    TRY(-2, {
      sl_$E r = sl_$E_slice(*s, x[0] ? (ptrdiff_t)x[1] : 0,
                            x[2] ? (ptrdiff_t)x[3] : s->len);
      if (x[4])
        *s = r;
      ps_$E(r);
    });
    break;
  case 7:
    TRY(-2, {
      sl_$E r = sl_$E_slice3(*s, x[0] ? (ptrdiff_t)x[1] : 0, (ptrdiff_t)x[2],
                             (ptrdiff_t)x[3]);
      if (x[4])
        *s = r;
      ps_$E(r);
    });
    break;
  default:
    vm_common(a, op);
  }
}
'''

C_VM_MAIN = r'''
static sl_i64_elem mk_i64(long long v) { return v; }
static sl_u8_elem mk_u8(long long v) { return (uint8_t)v; }
static sl_r24_elem mk_r24(long long v) { return (r24){v, 1, 2}; }

/* "k<i>" in the arena: a map keeps the bytes its keys point to. */
static sg_str vm_key(sg_arena *a, long long i) {
  char buf[32];
  int n = snprintf(buf, sizeof buf, "k%lld", i);
  char *p = (char *)sg_arena_alloc(a, (size_t)n);
  memcpy(p, buf, (size_t)n);
  return sg_str_make(p, n);
}

static void vm_common(sg_arena *a, const long long *op) {
  const long long *x = op + 1;
  switch (op[0]) {
  case 8:
    TRY(-2, {
      sg_str r = sg_str_slice(t, x[0] ? (ptrdiff_t)x[1] : 0,
                              x[2] ? (ptrdiff_t)x[3] : t.len);
      if (x[4])
        t = r;
      pstr(r);
    });
    break;
  case 9:
    t = sg_str_make("TEXT", (ptrdiff_t)x[0]);
    pstr(t);
    break;
  case 10:
    TRY(-2, {
      smap_put(m, vm_key(a, x[0]), 1);
      printf("ok len=%td\n", smap_len(m));
    });
    break;
  case 11:
    m = smap_make(a, 0);
    printf("ok\n");
    break;
  case 12:
    m = NULL;
    printf("ok\n");
    break;
  case 13:
    smap_del(m, vm_key(a, x[0]));
    printf("ok %lld %td\n", (long long)smap_get(m, vm_key(a, (x[0] + 1) % 5)),
           smap_len(m));
    break;
  }
}
'''

C_VM_LOOP = r'''
int main(void) {
  static char line[1 << 12];
  long long op[64];
  int elem = 0;
  sg_arena *a = NULL;
  sg_set_panic_handler(on_panic);
  while (fgets(line, sizeof line, stdin)) {
    char *p = line, *end;
    int n = 0;
    bool start = line[0] == 'P', stop = line[0] == 'E';
    if (start || stop)
      p++;
    for (;;) {
      long long v = strtoll(p, &end, 10);
      if (end == p || n == 64)
        break;
      op[n++] = v;
      p = end;
    }
    if (start) {
      a = sg_arena_new();
      elem = (int)op[1];
      s_i64 = (sl_i64){0};
      s_u8 = (sl_u8){0};
      s_r24 = (sl_r24){0};
      t = SG_STR("TEXT");
      m = NULL;
      printf("== program %lld\n", op[0]);
    } else if (stop) {
      printf("== end\n");
      fflush(stdout);
      sg_arena_free(a);
    } else if (elem == 0) {
      vm_i64(a, op);
    } else if (elem == 1) {
      vm_u8(a, op);
    } else {
      vm_r24(a, op);
    }
  }
  return 0;
}
'''


def panics_vm_sources():
    go = GO_VM.replace('"TEXT"', '"%s"' % TEXT)
    c = [C_PRELUDE]
    for tag in ELEMS:
        c.append(instantiate(C_ELEM_HELPERS, tag))
    for tag in ELEMS:
        c.append("static sl_%s s_%s SG_UNUSED;\n" % (tag, tag))
    c.append("static sg_str t SG_UNUSED;\nstatic smap m SG_UNUSED;\n")
    c.append(C_VM_MAIN.replace('"TEXT"', '"%s"' % TEXT))
    for tag in ELEMS:
        c.append(instantiate(C_VM_TYPE, tag))
    c.append(C_VM_LOOP.replace('"TEXT"', '"%s"' % TEXT))
    return go, "".join(c)


def panics_encode(programs):
    out = []
    elems = list(ELEMS)

    def opt(v):
        return [0, 0] if v is None else [1, v]
    for k, p in enumerate(programs):
        out.append("P %d %d\n" % (k, elems.index(p["elem"])))
        for op in p["ops"]:
            kind = op[0]
            if kind in ("slice", "str"):
                args = opt(op[1]) + opt(op[2]) + [int(op[3])]
            elif kind == "slice3":
                args = opt(op[1]) + [op[2], op[3], int(op[4])]
            else:
                args = list(op[1:])
            out.append("%d %s\n" % (OPCODES[kind],
                                    " ".join(str(v) for v in args)))
        out.append("E\n")
    return "".join(out)


def message_shape(line):
    return re.sub(r"-?\d+", "N", line)


def check_unrecovered(runner, kind, log, limit):
    """Runs one step of each panic shape without recovery on both sides:
    Go's first stderr line must be the C side's, minus "sliceguard: "."""
    go_exe = os.path.join(runner.workdir, "batch0.go.exe")
    c_exe = os.path.join(runner.workdir, "batch0.c.exe")
    rc, out, err = runner.run(go_exe)
    per_program = gen_maps.split_programs(out)
    seen = {}
    for k in sorted(per_program):
        for j, line in enumerate(per_program[k]):
            if line.startswith("panic: "):
                seen.setdefault(message_shape(line), (k, j, line))
    differences = 0
    checked = 0
    for shape, (k, j, line) in sorted(seen.items())[:limit]:
        step = str(kind.step_id(k, j))
        grc, _, gerr = runner.run(go_exe, [str(k), step])
        crc, _, cerr = runner.run(c_exe, [str(k), step])
        go_first = gerr.split("\n")[0]
        c_first = cerr.split("\n")[0]
        c_text = c_first[len("sliceguard: "):] if c_first.startswith(
            "sliceguard: ") else "(no sliceguard: line) " + c_first
        checked += 1
        if grc != 2 or crc == 0 or go_first != c_text or go_first != line:
            differences += 1
            log("UNRECOVERED MISMATCH program %d step %d:" % (k, j))
            log("  recovered: " + line)
            log("  go  (exit %d): %s" % (grc, go_first))
            log("  c   (exit %d): %s" % (crc, c_first))
    log("unrecovered panics: %d shapes checked, %d differences" % (
        checked, differences))
    return differences


# Each breaks one behaviour in a copy of the headers (panics.test).
MUTANTS = {
    # s[:hi:max] with hi > max worded like a two-index slice
    "slice3-b-text": ("core.h", '"slice bounds out of range [:%td:%td]",',
                      '"slice bounds out of range [%td:%td]",'),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    gen_maps.add_common_arguments(parser)
    parser.add_argument("--unrecovered", type=int, default=40,
                        help="panic shapes to re-run unrecovered (0: none)")
    args = parser.parse_args()
    kind = PanicsKind()
    status = gen_maps.main_loop(kind, args, MUTANTS)
    if status == 0 and args.unrecovered and not args.list:
        include = os.path.abspath(args.include)
        runner = gen_maps.Runner(args, include)
        # main_loop left the first batch built in the work directory.
        if check_unrecovered(runner, kind, print, args.unrecovered):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
