#!/usr/bin/env python3
"""gen_slices.py - sliceguard's slices against Go's, program by program.

Generates random straight-line slice programs, emits each one as Go and as
C against the runtime (runtime-headers/sliceguard/slice.h), runs both and
compares every line they print.  After every statement a program prints,
for each variable, whether it is nil, its len and cap and the contents of
s[:cap], and for each pair of variables whether their [ptr, ptr+cap)
ranges overlap and at what offset (unsafe in Go, the pointers in C).

The statements: make(len, cap), nil, assignment, append of one value and
of several (append_n), append(s, t...) (extend: self-appends, overlapping
views), s[lo:hi] and s[lo:hi:max] as operands everywhere, copy (overlapping
too), clone (append(s[:0:0], s...)), element writes, and in some programs
unrelated allocations in between.  Element types: uint8 (1 byte), int64
(8), and structs of 12, 24 and 40 bytes.

A program is valid by construction: a model of len, cap and nil-ness
(Go's growth rule, with the size classes read from the Go toolchain's own
runtime/sizeclasses.go) keeps every bound in range, so neither side should
ever panic; a panic is reported as a generator error.

Programs are built in batches, one Go file and one C file each (one
function per program), so a batch costs one `go build` and one clang
compile (ASan+UBSan).  For long runs, --engine vm runs the same statements
through a Go and a C interpreter built once (slices_vm.py), which print
the same lines; --engine both runs both engines and requires them to
agree.  A mismatch is shrunk by delta debugging over the statement list
(with the compiled engine) while a mismatch persists, and the minimal Go
and C programs are printed.

  gen_slices.py --workdir /tmp/d --include runtime-headers --seed 1 --count 300
  gen_slices.py --workdir /tmp/d --include runtime-headers --engine vm \
      --seed 1000000 --count 1000000 --batch 10000

Exit status: 0 all equal, 1 mismatches (or generator errors), 2 bad usage
or a build failure.
"""

import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402


# ---- element types --------------------------------------------------------

class Kind:
    """An element type in both languages."""

    def __init__(self, name, size, go_type, c_type, fields):
        self.name = name          # u8, i64, s12, s24, s40
        self.size = size          # bytes, as Go and C agree
        self.go_type = go_type
        self.c_type = c_type
        self.fields = fields      # struct fields as (name, go type, c type,
        # expression of x) or None for a scalar
        self.c_slice = name + "s"


def _struct(name, size, go_int, c_int, exprs):
    names = "abcde"[:len(exprs)]
    return Kind(name, size, name, name,
                [(n, go_int, c_int, e) for n, e in zip(names, exprs)])


KINDS = [
    Kind("u8", 1, "uint8", "uint8_t", None),
    Kind("i64", 8, "int64", "int64_t", None),
    _struct("s12", 12, "int32", "int32_t", ["x", "x + 1000", "-x"]),
    _struct("s24", 24, "int64", "int64_t", ["x", "x + 1000", "-x"]),
    _struct("s40", 40, "int64", "int64_t",
            ["x", "x + 1000", "-x", "3 * x", "x + 77"]),
]
KIND = {k.name: k for k in KINDS}


# ---- Go's growth rule, for the model --------------------------------------

def go_size_classes(go):
    """class_to_size from the Go toolchain's runtime/sizeclasses.go."""
    try:
        goroot = subprocess.run([go, "env", "GOROOT"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE,
                                universal_newlines=True,
                                timeout=120).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        sys.exit("gen_slices: cannot run %s env GOROOT: %s" % (go, e))
    path = os.path.join(goroot, "src", "runtime", "sizeclasses.go")
    try:
        text = open(path).read()
    except OSError as e:
        sys.exit("gen_slices: cannot read Go's size classes: %s" % e)
    m = re.search(r"class_to_size = \[_NumSizeClasses\]uint16\{([0-9, ]+)\}",
                  text)
    if not m:
        sys.exit("gen_slices: no class_to_size table in %s" % path)
    return [int(v) for v in m.group(1).split(",")]


class Growth:
    """Go 1.19's growslice capacity: nextslicecap, then the size class (up
    to 32 KiB) or the 8 KiB page."""

    def __init__(self, class_sizes):
        self.classes = class_sizes

    def roundup(self, size):
        if size <= self.classes[-1]:
            return next(c for c in self.classes if c >= size)
        return (size + 8191) // 8192 * 8192

    def cap(self, newlen, oldcap, elem_size):
        newcap = oldcap
        if newlen > 2 * oldcap:
            newcap = newlen
        elif oldcap < 256:
            newcap = 2 * oldcap
        else:
            while newcap < newlen:
                newcap += (newcap + 3 * 256) // 4
        return self.roundup(newcap * elem_size) // elem_size


# ---- programs -------------------------------------------------------------
#
# A program is (kind name, number of variables, statements).  Statements
# are tuples; an operand is ("var", j), ("slice", j, lo, hi) or
# ("slice3", j, lo, hi, max), bounds given as numbers.
#
#   ("make", i, len, cap)        vi = make([]T, len, cap)
#   ("nil", i)                   vi = nil
#   ("assign", i, op)            vi = op
#   ("append", i, op, [x...])    vi = append(op, e(x)...)  (one: append)
#   ("extend", i, op, op2)       vi = append(op, op2...)
#   ("clone", i, op)             vi = append(op[:0:0], op...)
#   ("copy", op, op2)            print copy(op, op2)
#   ("set", i, k, x)             vi[k] = e(x)  (C: set, or a store via at)
#   ("alloc", bytes)             an unrelated allocation


class Program:
    def __init__(self, pid, kind, nvars, stmts):
        self.pid = pid
        self.kind = kind
        self.nvars = nvars
        self.stmts = stmts


class Model:
    """len, cap and nil-ness of every variable; says whether a statement
    is in bounds and what it leaves behind."""

    def __init__(self, growth, kind, nvars):
        self.growth = growth
        self.size = KIND[kind].size
        self.vars = [(0, 0, True)] * nvars  # (len, cap, nil)

    def operand(self, op):
        """(len, cap, nil) of op, or None when its bounds are out of range."""
        ln, cp, nil = self.vars[op[1]]
        if op[0] == "var":
            return ln, cp, nil
        if op[0] == "slice":
            lo, hi = op[2], op[3]
            if not 0 <= lo <= hi <= cp:
                return None
            return hi - lo, cp - lo, nil
        lo, hi, mx = op[2], op[3], op[4]
        if not 0 <= lo <= hi <= mx <= cp:
            return None
        return hi - lo, mx - lo, nil

    def grown(self, base, n):
        ln, cp, nil = base
        if n == 0:
            return base
        newlen = ln + n
        if newlen > cp:
            cp = self.growth.cap(newlen, cp, self.size)
        return newlen, cp, False

    def step(self, st):
        """Applies st; False (nothing changed) when it is out of bounds."""
        tag = st[0]
        if tag == "make":
            if not 0 <= st[2] <= st[3]:
                return False
            self.vars[st[1]] = (st[2], st[3], False)
        elif tag == "nil":
            self.vars[st[1]] = (0, 0, True)
        elif tag in ("assign", "append", "clone"):
            base = self.operand(st[2])
            if base is None:
                return False
            if tag == "append":
                base = self.grown(base, len(st[3]))
            elif tag == "clone":
                ln, _, nil = base
                base = (ln, self.growth.cap(ln, 0, self.size) if ln else 0,
                        nil and ln == 0)
            self.vars[st[1]] = base
        elif tag == "extend":
            base, src = self.operand(st[2]), self.operand(st[3])
            if base is None or src is None:
                return False
            self.vars[st[1]] = self.grown(base, src[0])
        elif tag == "copy":
            if self.operand(st[1]) is None or self.operand(st[2]) is None:
                return False
        elif tag == "set":
            if not 0 <= st[2] < self.vars[st[1]][0]:
                return False
        return True


def valid(growth, kind, nvars, stmts):
    model = Model(growth, kind, nvars)
    return all(model.step(st) for st in stmts)


class Generator:
    """Random programs from a seed: the same seed gives the same program."""

    WEIGHTS = [("make", 8), ("nil", 2), ("assign", 12), ("append", 24),
               ("extend", 14), ("clone", 6), ("copy", 8), ("set", 14),
               ("alloc", 8)]

    def __init__(self, growth):
        self.growth = growth

    def program(self, seed):
        r = random.Random(seed)
        kind = r.choice(KINDS).name
        nvars = r.randint(2, 4)
        with_allocs = r.random() < 0.5
        model = Model(self.growth, kind, nvars)
        counter = [0]

        def value():
            counter[0] += 1
            return counter[0]

        stmts = []
        weights = [(t, w) for t, w in self.WEIGHTS
                   if t != "alloc" or with_allocs]
        total = sum(w for _, w in weights)
        for _ in range(r.randint(3, 16)):
            while True:
                pick = r.uniform(0, total)
                for tag, w in weights:
                    pick -= w
                    if pick <= 0:
                        break
                st = self.statement(r, tag, model, nvars, value)
                if st is not None and model.step(st):
                    stmts.append(st)
                    break
        return Program(str(seed), kind, nvars, stmts)

    @staticmethod
    def size(r, upto=None):
        x = r.random()
        if x < 0.75:
            n = r.randint(0, 6)
        elif x < 0.97:
            n = r.randint(7, 40)
        else:
            n = r.randint(250, 300)  # around Go's 256-element threshold
        return n if upto is None else min(n, upto)

    def operand(self, r, model, nvars, j=None):
        if j is None:
            # Mostly a variable that holds elements: nil ones make dull
            # programs.
            full = [k for k in range(nvars) if model.vars[k][1] > 0]
            j = r.choice(full) if full and r.random() < 0.8 else \
                r.randrange(nvars)
        ln, cp, _ = model.vars[j]
        form = r.random()
        if form < 0.45:
            return ("var", j)

        def bound(limit):
            x = r.random()
            if x < 0.25:
                return 0
            if x < 0.5:
                return min(ln, limit)
            if x < 0.7:
                return limit
            return r.randint(0, limit)

        if form < 0.8:
            hi = bound(cp)
            lo = min(bound(hi), hi)
            return ("slice", j, lo, hi)
        mx = bound(cp)
        hi = bound(mx)
        lo = min(bound(hi), hi)
        return ("slice3", j, lo, hi, mx)

    def statement(self, r, tag, model, nvars, value):
        i = r.randrange(nvars)
        if tag == "make":
            cap = self.size(r)
            return ("make", i, r.randint(0, cap) if r.random() < 0.6 else cap,
                    cap)
        if tag == "nil":
            return ("nil", i)
        if tag == "assign":
            op = self.operand(r, model, nvars)
            return None if op == ("var", i) else ("assign", i, op)
        if tag == "append":
            x = r.random()
            n = 1 if x < 0.55 else 0 if x < 0.6 else (
                r.randint(2, 5) if x < 0.95 else r.randint(6, 30))
            return ("append", i, self.operand(r, model, nvars),
                    [value() for _ in range(n)])
        if tag == "extend":
            dst = self.operand(r, model, nvars)
            # Self-appends and overlapping views: often the same variable.
            same = dst[1] if r.random() < 0.5 else None
            return ("extend", i, dst, self.operand(r, model, nvars, same))
        if tag == "clone":
            return ("clone", i, self.operand(r, model, nvars))
        if tag == "copy":
            dst = self.operand(r, model, nvars)
            same = dst[1] if r.random() < 0.5 else None
            return ("copy", dst, self.operand(r, model, nvars, same))
        if tag == "set":
            ln = model.vars[i][0]
            return ("set", i, r.randrange(ln), value()) if ln else None
        return ("alloc", r.choice([1, 8, 16, 24, 40, 64, 100, 1000, 3000,
                                   5000]))


# ---- emitting Go -----------------------------------------------------------

GO_DUMP = r'''// dump prints every variable (nil-ness, len, cap, s[:cap]) and, for each
// pair, the element offset between them when their [ptr, ptr+cap) ranges
// overlap, "-" when they do not.
func dump_%(name)s(step int, vs ...[]%(type)s) {
	var zero %(type)s
	size := int64(unsafe.Sizeof(zero))
	var lo, hi [8]int64
	for i, s := range vs {
		if cap(s) > 0 {
			lo[i] = int64(uintptr(unsafe.Pointer(&s[:cap(s)][0])))
			hi[i] = lo[i] + int64(cap(s))*size
		}
	}
	b := append([]byte("step "), strconv.Itoa(step)...)
	b = append(b, '\n')
	for i, s := range vs {
		b = append(b, 'v')
		b = strconv.AppendInt(b, int64(i), 10)
		if s == nil {
			b = append(b, " nil"...)
		}
		b = append(b, " len="...)
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, " cap="...)
		b = strconv.AppendInt(b, int64(cap(s)), 10)
		b = append(b, " ["...)
		for k, e := range s[:cap(s)] {
			if k > 0 {
				b = append(b, ' ')
			}
			b = show_%(name)s(b, e)
		}
		b = append(b, "]\n"...)
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			b = append(b, 'v')
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, "~v"...)
			b = strconv.AppendInt(b, int64(j), 10)
			if lo[i] < hi[j] && lo[j] < hi[i] {
				b = append(b, " off="...)
				b = strconv.AppendInt(b, (lo[j]-lo[i])/size, 10)
			} else {
				b = append(b, " -"...)
			}
			b = append(b, '\n')
		}
	}
	out.Write(b)
}

'''

GO_PRELUDE = r'''// Generated by gen_slices.py: slice programs, printed step by step.
package main

import (
	"bufio"
	"os"
	"strconv"
	"unsafe"
)

var out = bufio.NewWriterSize(os.Stdout, 1<<16)

// Unrelated allocations land here, so they really happen.
var sink []byte

%(types)s
func copied(n int) { out.WriteString("copy " + strconv.Itoa(n) + "\n") }

// run prints the program's header and runs it; a panic (which a valid
// program never raises) is printed instead of ending the batch.
func run(id string, program func()) {
	out.WriteString("=== " + id + "\n")
	defer func() {
		if r := recover(); r != nil {
			out.WriteString("panic: " + r.(error).Error() + "\n")
		}
	}()
	program()
}
'''


def go_kind_helpers(kind):
    """The type, value constructor and printer of one element kind."""
    lines = []
    if kind.fields:
        lines.append("type %s struct{ %s }" % (kind.go_type, "; ".join(
            "%s %s" % (f[0], f[1]) for f in kind.fields)))
        lines.append("func ev_%s(x int) %s { return %s{%s} }" % (
            kind.name, kind.go_type, kind.go_type, ", ".join(
                "%s(%s)" % (f[1], f[3]) for f in kind.fields)))
        body = "\n\tb = append(b, ':')\n".join(
            "\tb = strconv.AppendInt(b, int64(e.%s), 10)" % f[0]
            for f in kind.fields)
        lines.append("func show_%s(b []byte, e %s) []byte {\n%s\n\treturn b\n}"
                     % (kind.name, kind.go_type, body))
    else:
        conv = "AppendUint(b, uint64(e), 10)" if kind.name == "u8" else \
            "AppendInt(b, int64(e), 10)"
        lines.append("func ev_%s(x int) %s { return %s(x) }" % (
            kind.name, kind.go_type, kind.go_type))
        lines.append("func show_%s(b []byte, e %s) []byte { return strconv.%s }"
                     % (kind.name, kind.go_type, conv))
    lines.append(GO_DUMP % {"name": kind.name, "type": kind.go_type})
    return "\n".join(lines) + "\n"


def go_operand(op):
    v = "v%d" % op[1]
    if op[0] == "var":
        return v
    if op[0] == "slice":
        return "%s[%d:%d]" % (v, op[2], op[3])
    return "%s[%d:%d:%d]" % (v, op[2], op[3], op[4])


def go_statement(st, kind):
    tag, ev = st[0], "ev_" + kind.name
    if tag == "make":
        return "v%d = make([]%s, %d, %d)" % (st[1], kind.go_type, st[2], st[3])
    if tag == "nil":
        return "v%d = nil" % st[1]
    if tag == "assign":
        return "v%d = %s" % (st[1], go_operand(st[2]))
    if tag == "append":
        return "v%d = append(%s)" % (st[1], ", ".join(
            [go_operand(st[2])] + ["%s(%d)" % (ev, x) for x in st[3]]))
    if tag == "extend":
        return "v%d = append(%s, %s...)" % (st[1], go_operand(st[2]),
                                            go_operand(st[3]))
    if tag == "clone":
        op = go_operand(st[2])
        return "v%d = append(%s[:0:0], %s...)" % (st[1], op, op)
    if tag == "copy":
        return "copied(copy(%s, %s))" % (go_operand(st[1]), go_operand(st[2]))
    if tag == "set":
        return "v%d[%d] = %s(%d)" % (st[1], st[2], ev, st[3])
    return "sink = make([]byte, %d)" % st[1]


def go_program(prog):
    kind = KIND[prog.kind]
    names = ", ".join("v%d" % i for i in range(prog.nvars))
    lines = ["func p_%s() {" % prog.pid,
             "\tvar %s []%s" % (names, kind.go_type)]
    for n, st in enumerate(prog.stmts, 1):
        lines.append("\t" + go_statement(st, kind))
        lines.append("\tdump_%s(%d, %s)" % (kind.name, n, names))
    lines.append("}")
    return "\n".join(lines) + "\n"


def go_batch(programs):
    kinds = sorted({p.kind for p in programs}, key=lambda k: KIND[k].size)
    text = GO_PRELUDE % {"types": "\n".join(go_kind_helpers(KIND[k])
                                            for k in kinds)}
    text += "\n" + "\n".join(go_program(p) for p in programs)
    text += "\nfunc main() {\n\tdefer out.Flush()\n"
    text += "".join('\trun("%s", p_%s)\n' % (p.pid, p.pid) for p in programs)
    return text + "}\n"


# ---- emitting C ------------------------------------------------------------

C_PRELUDE = r'''// Generated by gen_slices.py: slice programs, printed step by step.
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>

#include <sliceguard/arena.h>

static void copied(ptrdiff_t n) { printf("copy %%td\n", n); }

// A panic (which a valid program never raises) is printed and ends only
// its program.
static jmp_buf on_panic;
static void caught(const char *message, const char *location) {
  (void)location;
  printf("%%s\n", message);
  longjmp(on_panic, 1);
}

// Element offset between two views whose [ptr, ptr+cap) ranges overlap.
static void print_pairs(int n, const uintptr_t *lo, const uintptr_t *hi,
                        size_t size) {
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++) {
      if (lo[i] < hi[j] && lo[j] < hi[i])
        printf("v%%d~v%%d off=%%lld\n", i, j,
               ((long long)lo[j] - (long long)lo[i]) / (long long)size);
      else
        printf("v%%d~v%%d -\n", i, j);
    }
}
%(types)s'''

C_KIND = r'''
#define SG_SLICE %(slice)s
#define SG_ELEM %(ctype)s
#include <sliceguard/slice.h>

static %(ctype)s ev_%(name)s(int x) { return %(value)s; }
static void show_%(name)s(%(ctype)s e) { %(show)s }

// dump: nil-ness, len, cap and s[:cap] of each variable, then the pairs.
static void dump_%(name)s(int step, int n, const %(slice)s *vs) {
  uintptr_t lo[8] = {0}, hi[8] = {0};
  printf("step %%d\n", step);
  for (int i = 0; i < n; i++) {
    %(slice)s whole = %(slice)s_slice(vs[i], 0, vs[i].cap);
    printf("v%%d%%s len=%%td cap=%%td [", i, vs[i].ptr ? "" : " nil", vs[i].len,
           vs[i].cap);
    for (ptrdiff_t k = 0; k < whole.len; k++) {
      if (k)
        putchar(' ');
      show_%(name)s(%(slice)s_get(whole, k));
    }
    printf("]\n");
    if (vs[i].cap > 0) {
      lo[i] = (uintptr_t)vs[i].ptr;
      hi[i] = lo[i] + (uintptr_t)vs[i].cap * sizeof(%(ctype)s);
    }
  }
  print_pairs(n, lo, hi, sizeof(%(ctype)s));
}
'''


def c_kind_helpers(kind):
    if kind.fields:
        struct = "typedef struct %s {\n%s} %s;\n" % (
            kind.c_type, "".join("  %s %s;\n" % (f[2], f[0])
                                 for f in kind.fields), kind.c_type)
        value = "(%s){%s}" % (kind.c_type, ", ".join(
            "(%s)(%s)" % (f[2], f[3]) for f in kind.fields))
        show = 'printf("%s", %s);' % (":".join(
            ["%lld"] * len(kind.fields)), ", ".join(
            "(long long)e.%s" % f[0] for f in kind.fields))
    else:
        struct = ""
        value = "(%s)x" % kind.c_type
        show = ('printf("%u", (unsigned)e);' if kind.name == "u8" else
                'printf("%lld", (long long)e);')
    return struct + C_KIND % {"slice": kind.c_slice, "ctype": kind.c_type,
                              "name": kind.name, "value": value,
                              "show": show}


def c_operand(op, kind):
    v = "v%d" % op[1]
    if op[0] == "var":
        return v
    if op[0] == "slice":
        return "%s_slice(%s, %d, %d)" % (kind.c_slice, v, op[2], op[3])
    return "%s_slice3(%s, %d, %d, %d)" % (kind.c_slice, v, op[2], op[3],
                                          op[4])


def c_statement(st, kind):
    tag, s, ev = st[0], kind.c_slice, "ev_" + kind.name
    if tag == "make":
        return "v%d = %s_make(a, %d, %d);" % (st[1], s, st[2], st[3])
    if tag == "nil":
        return "v%d = (%s){0};" % (st[1], s)
    if tag == "assign":
        return "v%d = %s;" % (st[1], c_operand(st[2], kind))
    if tag == "append":
        op, vals = c_operand(st[2], kind), st[3]
        if len(vals) == 1:
            return "v%d = %s_append(a, %s, %s(%d));" % (st[1], s, op, ev,
                                                        vals[0])
        if not vals:
            return "v%d = %s_append_n(a, %s, NULL, 0);" % (st[1], s, op)
        return "v%d = %s_append_n(a, %s, (%s[]){%s}, %d);" % (
            st[1], s, op, kind.c_type,
            ", ".join("%s(%d)" % (ev, x) for x in vals), len(vals))
    if tag == "extend":
        return "v%d = %s_extend(a, %s, %s);" % (
            st[1], s, c_operand(st[2], kind), c_operand(st[3], kind))
    if tag == "clone":
        return "v%d = %s_clone(a, %s);" % (st[1], s, c_operand(st[2], kind))
    if tag == "copy":
        return "copied(%s_copy(%s, %s));" % (s, c_operand(st[1], kind),
                                             c_operand(st[2], kind))
    if tag == "set":
        # Both ways of writing an element: set, and a store through at().
        if st[3] % 2:
            return "%s_set(v%d, %d, %s(%d));" % (s, st[1], st[2], ev, st[3])
        return "*%s_at(v%d, %d) = %s(%d);" % (s, st[1], st[2], ev, st[3])
    return "(void)sg_arena_alloc(a, %d);" % st[1]


def c_program(prog):
    kind = KIND[prog.kind]
    names = ", ".join("v%d" % i for i in range(prog.nvars))
    lines = ["static void p_%s(sg_arena *a) {" % prog.pid,
             "  %s %s;" % (kind.c_slice, ", ".join(
                 "v%d = {0}" % i for i in range(prog.nvars)))]
    for n, st in enumerate(prog.stmts, 1):
        lines.append("  " + c_statement(st, kind))
        lines.append("  dump_%s(%d, %d, (%s[]){%s});" % (
            kind.name, n, prog.nvars, kind.c_slice, names))
    lines.append("}")
    return "\n".join(lines) + "\n"


def c_batch(programs):
    kinds = sorted({p.kind for p in programs}, key=lambda k: KIND[k].size)
    text = C_PRELUDE % {"types": "".join(c_kind_helpers(KIND[k])
                                         for k in kinds)}
    text += "\n" + "\n".join(c_program(p) for p in programs)
    text += "\nstatic void run(const char *id, void (*program)(sg_arena *)) {\n"
    text += ('  printf("=== %s\\n", id);\n'
             "  fflush(stdout);\n"
             "  sg_arena *a = sg_arena_new();\n"
             "  if (!setjmp(on_panic))\n"
             "    program(a);\n"
             "  sg_arena_free(a);\n}\n")
    text += "\nint main(void) {\n  sg_set_panic_handler(caught);\n"
    text += "".join('  run("%s", p_%s);\n' % (p.pid, p.pid) for p in programs)
    return text + "  return 0;\n}\n"


# ---- running and shrinking -------------------------------------------------

class Tester:
    def __init__(self, tc, growth, c_extra=()):
        self.tc = tc
        self.growth = growth
        self.c_extra = list(c_extra)
        self.batches = 0
        self.pair_lines = 0
        self.shared_lines = 0
        self.not_run = []
        self.note = ""
        self.vm = None
        self.cross_check = False
        self.disagreements = 0

    def run(self, name, programs, compiled=False):
        """{pid: mismatch description}, the pids that panicked, and the
        BatchResult.  The vm engine, when there is one, runs the batch
        unless compiled is set (shrinking always compiles)."""
        self.batches += 1
        path = None
        if self.vm and not compiled:
            result, path = self.vm.run(name, programs)
        if path is None or self.cross_check:
            compiled_result = self.tc.run_batch(
                name, go_batch(programs), c_batch(programs), self.c_extra)
            if path is not None:
                self.disagree(programs, result, compiled_result)
            else:
                result = compiled_result
        ids = [p.pid for p in programs]
        found = result.mismatches(ids)
        self.not_run = result.not_run(ids)
        for pid in ids:
            for line in result.go.get(pid, []):
                if line.startswith("v") and "~" in line:
                    self.pair_lines += 1
                    self.shared_lines += " off=" in line
        self.note = result.failure_note()
        panicked = [pid for pid in ids
                    if any(line.startswith("panic:")
                           for line in result.go.get(pid, []))]
        if not found and not panicked and not self.not_run:
            if path:
                os.remove(path)
            else:
                self.tc.discard(name)
        return found, panicked, result

    def disagree(self, programs, vm, compiled):
        """Counts the programs whose output differs between the engines,
        on either side: the vm engine must print what compiled programs
        print."""
        for p in programs:
            for side, a, b in (("Go", vm.go, compiled.go),
                               ("C", vm.c, compiled.c)):
                if a.get(p.pid) != b.get(p.pid):
                    self.disagreements += 1
                    print("ENGINES DISAGREE on program %s (%s side): %s" % (
                        p.pid, side, oc.first_difference(
                            a.get(p.pid, []), b.get(p.pid, []))))

    def shrink(self, prog):
        """The smallest statement list (delta debugging) whose programs
        still differ."""
        rounds = [0]

        def still_fails_all(candidates):
            rounds[0] += 1
            progs, index = [], {}
            for n, stmts in enumerate(candidates):
                if valid(self.growth, prog.kind, prog.nvars, stmts):
                    index[n] = len(progs)
                    progs.append(Program("c%d" % n, prog.kind, prog.nvars,
                                         stmts))
            if not progs:
                return [False] * len(candidates)
            found, _, _ = self.run("shrink%d" % rounds[0], progs,
                                   compiled=True)
            return [n in index and progs[index[n]].pid in found
                    for n in range(len(candidates))]

        stmts = oc.ddmin(prog.stmts, still_fails_all)
        return Program(prog.pid + "_min", prog.kind, prog.nvars, stmts)


def run_all(tester, name, programs):
    """Runs programs as one batch; when a crash stopped one side early,
    the programs it never started go again in a new batch (the crashing
    one itself is a mismatch: its output ends early)."""
    found, panicked, attempt = {}, [], 0
    while programs:
        attempt += 1
        more, bad, _ = tester.run("%s_%d" % (name, attempt), programs)
        found.update(more)
        panicked += bad
        if tester.not_run:
            print("batch %s stopped early (%d programs not run, run again):"
                  "\n%s" % (name, len(tester.not_run), tester.note))
        if len(tester.not_run) == len(programs):
            for prog in programs:
                found[prog.pid] = "never ran: " + tester.note[:200]
            break
        programs = [p for p in programs if p.pid in tester.not_run]
    return found, panicked


def report_mismatch(tester, prog, description):
    print("MISMATCH in program %s (%s, %d variables, %d statements): %s" % (
        prog.pid, prog.kind, prog.nvars, len(prog.stmts), description))
    small = tester.shrink(prog)
    found, _, result = tester.run("minimal", [small], compiled=True)
    print("shrunk from %d to %d statements; still differs: %s" % (
        len(prog.stmts), len(small.stmts),
        found.get(small.pid, "no (the mismatch did not reproduce alone)")))
    go_lines = result.go.get(small.pid, [])
    c_lines = result.c.get(small.pid, [])
    print("--- minimal Go program ---")
    print(go_batch([small]), end="")
    print("--- minimal C program ---")
    print(c_batch([small]), end="")
    print("--- output: Go | C ---")
    for n in range(max(len(go_lines), len(c_lines))):
        g = go_lines[n] if n < len(go_lines) else "(nothing)"
        c = c_lines[n] if n < len(c_lines) else "(nothing)"
        print("%s %s | %s" % ("  " if g == c else "!!", g, c))
    if result.failure_note():
        print("--- exit status and stderr ---")
        print(result.failure_note())
    print("--- end of program %s ---" % prog.pid)


def main():
    p = oc.common_arguments(__doc__.split("\n\n")[0])
    p.add_argument("--cflag", action="append", default=[],
                   help="extra flag for the C compiler (repeatable)")
    p.add_argument("--engine", choices=("compiled", "vm", "both"),
                   default="compiled",
                   help="compiled: one Go and one C function per program "
                   "(the default, what CI runs); vm: Go and C interpreters "
                   "built once execute the same statements with the same "
                   "operations (slices_vm.py), for long runs; mismatches "
                   "are shrunk with the compiled engine either way; "
                   "both: the two engines on every batch, which must "
                   "print the same lines")
    p.add_argument("--progress", action="store_true",
                   help="print a line after every batch (long runs)")
    p.add_argument("--show", type=int,
                   help="print the Go and C source of this seed and exit")
    args = p.parse_args()
    if args.count < 0 or args.batch < 1:
        p.error("--count must be >= 0 and --batch >= 1")
    tc = oc.toolchains_from(args)
    growth = Growth(go_size_classes(args.go))
    gen = Generator(growth)
    if args.show is not None:
        prog = gen.program(args.show)
        print(go_batch([prog]), end="")
        print(c_batch([prog]), end="")
        return 0
    tester = Tester(tc, growth, args.cflag)
    if args.engine in ("vm", "both"):
        import slices_vm
        tester.cross_check = args.engine == "both"
        try:
            tester.vm = slices_vm.Engine(tc, args.cflag)
        except oc.BuildError as e:
            print("gen_slices: the vm engine did not build:\n%s" % e)
            return 2
    statements = 0
    clock = oc.Clock()
    mismatched, panicked, reported = [], [], 0
    by_kind = {}
    for start in range(args.seed, args.seed + args.count, args.batch):
        seeds = range(start, min(start + args.batch, args.seed + args.count))
        programs = [gen.program(s) for s in seeds]
        for prog in programs:
            by_kind[prog.kind] = by_kind.get(prog.kind, 0) + 1
            statements += len(prog.stmts)
        try:
            found, bad = run_all(tester, "batch%d" % start, programs)
        except oc.BuildError as e:
            print("gen_slices: a batch did not build:\n%s" % e)
            return 2
        panicked += bad
        for prog in programs:
            if prog.pid not in found:
                continue
            mismatched.append(prog.pid)
            if not args.no_shrink and reported < args.max_reports:
                reported += 1
                report_mismatch(tester, prog, found[prog.pid])
            else:
                print("MISMATCH in program %s: %s" % (prog.pid,
                                                      found[prog.pid]))
        if args.progress:
            print("progress: seeds %d..%d done, %d mismatches so far, "
                  "%.0f s" % (args.seed, seeds[-1], len(mismatched),
                              clock.seconds()))
        sys.stdout.flush()
    print("gen_slices: seeds %d..%d: %d programs (%s), %d mismatches, "
          "%d generator errors (panics), %d batches (%s), %.1f s" % (
              args.seed, args.seed + args.count - 1, args.count,
              ", ".join("%s %d" % (k, by_kind[k]) for k in sorted(
                  by_kind, key=lambda k: KIND[k].size)),
              len(mismatched), len(panicked), tester.batches, args.engine,
              clock.seconds()))
    print("gen_slices: %d statements; %d of %d pair lines (in Go's output) "
          "show shared memory" % (statements, tester.shared_lines,
                                  tester.pair_lines))
    if panicked:
        print("generator errors (a valid program never panics): seeds %s" %
              ", ".join(panicked[:20]))
    if tester.cross_check:
        print("gen_slices: engines disagree on %d program outputs" %
              tester.disagreements)
    return 1 if mismatched or panicked or tester.disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
