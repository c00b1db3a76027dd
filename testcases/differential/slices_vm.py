"""slices_vm - gen_slices.py's fast engine for long runs.

The compiled engine (gen_slices.py's default, and what CI runs) emits each
program as a Go function and a C function, so every batch costs a `go
build` and a clang compile: about 13 CPU seconds per 1,000 programs.  For
runs of 100,000 programs and more this engine builds, once, a Go program
and a C program (ASan+UBSan) that read the same statement lists from
standard input, one program per line, and execute them with the very
operations the compiled engine writes: Go's make, append (one value, several
values, t...), slicing, copy and append(s[:0:0], s...); the runtime's
make, append, append_n, extend, slice, slice3, copy, clone, set and at.
They print exactly the lines a compiled program prints, so the outputs are
compared the same way.  A mismatch found here is shrunk and printed with
the compiled engine.

A program line: "<id> <kind> <nvars> <nstmts>" and then each statement as
integers: a tag and its fields, operands as five numbers (form: 0 var,
1 s[lo:hi], 2 s[lo:hi:max]; variable; lo; hi; max).
"""

import gen_slices as gs

TAGS = {"make": 0, "nil": 1, "assign": 2, "append": 3, "extend": 4,
        "clone": 5, "copy": 6, "set": 7, "alloc": 8}
FORMS = {"var": 0, "slice": 1, "slice3": 2}


def operand_tokens(op):
    return [FORMS[op[0]]] + list(op[1:]) + [0] * (5 - len(op))


def statement_tokens(st):
    tag = st[0]
    out = [TAGS[tag]]
    if tag in ("make", "set"):
        out += list(st[1:])
    elif tag in ("nil", "alloc"):
        out.append(st[1])
    elif tag in ("assign", "clone"):
        out += [st[1]] + operand_tokens(st[2])
    elif tag == "append":
        out += [st[1]] + operand_tokens(st[2]) + [len(st[3])] + list(st[3])
    elif tag == "extend":
        out += [st[1]] + operand_tokens(st[2]) + operand_tokens(st[3])
    else:  # copy
        out += operand_tokens(st[1]) + operand_tokens(st[2])
    return out


def program_line(prog):
    tokens = [prog.pid, prog.kind, prog.nvars, len(prog.stmts)]
    for st in prog.stmts:
        tokens += statement_tokens(st)
    return " ".join(str(t) for t in tokens) + "\n"


GO_VM = r'''
type reader struct {
	fields []string
	at     int
}

func (r *reader) num() int {
	n, err := strconv.Atoi(r.fields[r.at])
	if err != nil {
		panic(err)
	}
	r.at++
	return n
}

func (r *reader) op() [5]int {
	var f [5]int
	for k := range f {
		f[k] = r.num()
	}
	return f
}

func operand[T any](v [][]T, f [5]int) []T {
	s := v[f[1]]
	switch f[0] {
	case 0:
		return s
	case 1:
		return s[f[2]:f[3]]
	}
	return s[f[2]:f[3]:f[4]]
}

// execute runs one program's statements with Go's own operations and
// dumps the variables after each, as a compiled program does.
func execute[T any](r *reader, nvars, nstmts int, ev func(int) T,
	dump func(int, ...[]T)) {
	v := make([][]T, nvars)
	for step := 1; step <= nstmts; step++ {
		switch r.num() {
		case 0:
			i, l, c := r.num(), r.num(), r.num()
			v[i] = make([]T, l, c)
		case 1:
			v[r.num()] = nil
		case 2:
			i := r.num()
			v[i] = operand(v, r.op())
		case 3:
			i := r.num()
			o := operand(v, r.op())
			switch n := r.num(); n {
			case 0:
				v[i] = append(o)
			case 1:
				v[i] = append(o, ev(r.num()))
			default:
				xs := make([]T, n)
				for k := range xs {
					xs[k] = ev(r.num())
				}
				v[i] = append(o, xs...)
			}
		case 4:
			i := r.num()
			o, o2 := operand(v, r.op()), operand(v, r.op())
			v[i] = append(o, o2...)
		case 5:
			i := r.num()
			o := operand(v, r.op())
			v[i] = append(o[:0:0], o...)
		case 6:
			o, o2 := operand(v, r.op()), operand(v, r.op())
			copied(copy(o, o2))
		case 7:
			i, k, x := r.num(), r.num(), r.num()
			v[i][k] = ev(x)
		case 8:
			sink = make([]byte, r.num())
		}
		dump(step, v...)
	}
}

func main() {
	defer out.Flush()
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		fields := strings.Fields(in.Text())
		if len(fields) < 4 {
			continue
		}
		r := &reader{fields: fields, at: 2}
		nvars, nstmts := r.num(), r.num()
		run(fields[0], func() {
			switch fields[1] {
%(cases)s			}
		})
	}
}
'''

C_VM = r'''
static long num(const char **cur) {
  char *end;
  long n = strtol(*cur, &end, 10);
  *cur = end;
  return n;
}

static void word(const char **cur, char *out, size_t size) {
  const char *p = *cur;
  size_t n = 0;
  while (*p == ' ')
    p++;
  while (*p && *p != ' ' && *p != '\n' && n + 1 < size)
    out[n++] = *p++;
  out[n] = '\0';
  *cur = p;
}
%(kinds)s
int main(void) {
  static char line[1 << 20];
  sg_set_panic_handler(caught);
  while (fgets(line, sizeof line, stdin)) {
    const char *cur = line;
    char id[64], kind[8];
    word(&cur, id, sizeof id);
    word(&cur, kind, sizeof kind);
    if (!id[0])
      continue;
    int nvars = (int)num(&cur), nstmts = (int)num(&cur);
    printf("=== %%s\n", id);
    fflush(stdout);
    sg_arena *a = sg_arena_new();
    if (!setjmp(on_panic)) {
%(dispatch)s    }
    sg_arena_free(a);
  }
  return 0;
}
'''

C_VM_KIND = r'''
static %(slice)s vmop_%(name)s(const %(slice)s *v, const char **cur) {
  long f[5];
  for (int k = 0; k < 5; k++)
    f[k] = num(cur);
  if (f[0] == 0)
    return v[f[1]];
  if (f[0] == 1)
    return %(slice)s_slice(v[f[1]], f[2], f[3]);
  return %(slice)s_slice3(v[f[1]], f[2], f[3], f[4]);
}

// The runtime's operations, as a compiled program calls them.
static void vm_%(name)s(sg_arena *a, int nvars, int nstmts, const char *cur) {
  %(slice)s v[8] = {{0}};
  for (int step = 1; step <= nstmts; step++) {
    long tag = num(&cur);
    int i = 0;
    if (tag != 6 && tag != 8)
      i = (int)num(&cur);
    if (tag == 0) {
      long len = num(&cur);
      v[i] = %(slice)s_make(a, len, num(&cur));
    } else if (tag == 1) {
      v[i] = (%(slice)s){0};
    } else if (tag == 2) {
      v[i] = vmop_%(name)s(v, &cur);
    } else if (tag == 3) {
      %(slice)s o = vmop_%(name)s(v, &cur);
      long n = num(&cur);
      %(ctype)s xs[64];
      for (long k = 0; k < n; k++)
        xs[k] = ev_%(name)s((int)num(&cur));
      if (n == 1)
        v[i] = %(slice)s_append(a, o, xs[0]);
      else
        v[i] = %(slice)s_append_n(a, o, n ? xs : NULL, n);
    } else if (tag == 4) {
      %(slice)s o = vmop_%(name)s(v, &cur);
      %(slice)s o2 = vmop_%(name)s(v, &cur);
      v[i] = %(slice)s_extend(a, o, o2);
    } else if (tag == 5) {
      v[i] = %(slice)s_clone(a, vmop_%(name)s(v, &cur));
    } else if (tag == 6) {
      %(slice)s o = vmop_%(name)s(v, &cur);
      %(slice)s o2 = vmop_%(name)s(v, &cur);
      copied(%(slice)s_copy(o, o2));
    } else if (tag == 7) {
      long k = num(&cur), x = num(&cur);
      if (x %% 2)
        %(slice)s_set(v[i], k, ev_%(name)s((int)x));
      else
        *%(slice)s_at(v[i], k) = ev_%(name)s((int)x);
    } else if (tag == 8) {
      (void)sg_arena_alloc(a, (size_t)num(&cur));
    }
    dump_%(name)s(step, nvars, v);
  }
}
'''


def go_source():
    kinds = gs.KINDS
    text = gs.GO_PRELUDE.replace('\t"strconv"\n', '\t"strconv"\n\t"strings"\n')
    text = text % {"types": "\n".join(gs.go_kind_helpers(k) for k in kinds)}
    cases = "".join(
        '\t\t\tcase "%s":\n\t\t\t\texecute(r, nvars, nstmts, ev_%s, dump_%s)\n'
        % (k.name, k.name, k.name) for k in kinds)
    return text + GO_VM % {"cases": cases}


def c_source():
    kinds = gs.KINDS
    text = gs.C_PRELUDE.replace("#include <stdio.h>\n",
                                "#include <stdio.h>\n#include <stdlib.h>\n"
                                "#include <string.h>\n")
    text = text % {"types": "".join(gs.c_kind_helpers(k) for k in kinds)}
    dispatch = "".join(
        '      %sif (!strcmp(kind, "%s"))\n        vm_%s(a, nvars, nstmts, cur);\n'
        % ("" if n == 0 else "else ", k.name, k.name)
        for n, k in enumerate(kinds))
    body = C_VM % {"kinds": "".join(
        C_VM_KIND % {"slice": k.c_slice, "name": k.name, "ctype": k.c_type}
        for k in kinds), "dispatch": dispatch}
    return text + body


class Engine:
    """Builds the two interpreters once; runs batches of programs."""

    def __init__(self, tc, c_extra=()):
        self.tc = tc
        self.go_exe, self.c_exe = tc.build("vm", go_source(), c_source(),
                                           c_extra)

    def run(self, name, programs):
        path = "%s/%s.programs" % (self.tc.workdir, name)
        with open(path, "w") as f:
            f.writelines(program_line(p) for p in programs)
        result = gs.oc.BatchResult(self.tc.run(self.go_exe, stdin=path),
                                   self.tc.run(self.c_exe, stdin=path))
        return result, path
