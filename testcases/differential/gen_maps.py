#!/usr/bin/env python3
"""Differential tester: sliceguard's maps against Go's.

Generates random straight-line map programs, emits each one as Go and as C
against the runtime, runs both (many programs per file: one Go build and
one C build per batch, the C under ASan+UBSan) and compares what they
print.  Only what Go defines is compared:

  * len, get, lookup (value and ok), delete, clear (Go 1.19 has no clear
    builtin: the Go side deletes the keys one by one), maps shared by
    assignment, the nil map's reads and the panic of a write to it;
  * the multiset of entries a range produces, sorted (Go's order is
    random), and for ranges that change the map while they run:
      - an entry deleted before the range reaches it is not produced (the
        body deletes a set D on its first iteration: a key of D may only
        be the first entry produced);
      - entries inserted during the range may or may not be produced, so
        they are left out of the comparison (they live in a key space of
        their own, "new" keys), but every other entry must be produced
        once, with its current value;
      - a clear during the first iteration leaves exactly one entry
        produced.
    The bodies are built so that the map's contents after the range do not
    depend on the order either, and later steps compare them.

A mismatch is shrunk to a minimal pair of programs (ops removed and
numbers made smaller while the two sides still differ), written to the
work directory and printed.

  gen_maps.py --seed 1 --count 300 --workdir DIR --include runtime-headers \\
      --cc clang --go go

Exit status: 0 when every program agreed, 1 on a mismatch, 2 on a tool
failure (a program that does not build, or a Go program that fails: a bug
of the generator, never silently passed).

gen_panics.py reuses the runner below (build, run, split, compare, shrink).
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time

# ---------------------------------------------------------------------------
# The runner, shared with gen_panics.py.


class ToolError(Exception):
    """A build or a Go run failed: the tester itself is wrong."""


def run_tool(cmd, env=None, cwd=None, check=True):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, cwd=cwd)
    if check and proc.returncode != 0:
        raise ToolError("%s failed (exit %d):\n%s" % (
            " ".join(cmd[:3]), proc.returncode,
            proc.stderr.decode("utf-8", "replace")[-4000:]))
    return proc


class Runner:
    """Builds and runs batches of programs on both sides."""

    def __init__(self, args, include):
        self.args = args
        self.include = include
        self.workdir = os.path.abspath(args.workdir)
        os.makedirs(self.workdir, exist_ok=True)
        self.env = dict(os.environ)
        self.env.setdefault("GOCACHE", os.path.join(self.workdir, "gocache"))
        self.env.setdefault("GOPATH", os.path.join(self.workdir, "gopath"))
        self.env["GOFLAGS"] = ""
        self.env["GO111MODULE"] = "off"  # one file, no module, no network
        self.env["GOTOOLCHAIN"] = "local"
        self.env["CGO_ENABLED"] = "0"
        if not self.env.get("HOME"):
            self.env["HOME"] = self.workdir
        self.env["SLICEGUARD_SYMBOLIZER"] = "off"  # locations are not compared
        self.env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        self.env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
        self.builds = 0

    def build(self, name, go_src, c_src):
        """Writes and builds both sides; returns the two executables."""
        go_file = os.path.join(self.workdir, name + ".go")
        c_file = os.path.join(self.workdir, name + ".c")
        go_exe = os.path.join(self.workdir, name + ".go.exe")
        c_exe = os.path.join(self.workdir, name + ".c.exe")
        with open(go_file, "w") as f:
            f.write(go_src)
        with open(c_file, "w") as f:
            f.write(c_src)
        go_cmd = [self.args.go, "build", "-o", go_exe, go_file]
        c_cmd = [self.args.cc, "-std=c11", "-Wall", "-Wextra", "-Werror",
                 "-Wno-unused-function", "-O" + self.args.opt,
                 "-gline-tables-only",
                 "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
                 "-fno-omit-frame-pointer", "-I" + self.include, c_file,
                 "-o", c_exe]
        # The two compilers run side by side (two processes at most).
        go_proc = subprocess.Popen(go_cmd, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, env=self.env,
                                   cwd=self.workdir)
        c_proc = run_tool(c_cmd, env=self.env, check=False)
        go_out = go_proc.communicate()[0]
        self.builds += 1
        if go_proc.returncode != 0:
            raise ToolError("go build %s failed:\n%s" % (
                go_file, go_out.decode("utf-8", "replace")[-4000:]))
        if c_proc.returncode != 0:
            raise ToolError("C build %s failed:\n%s" % (
                c_file, c_proc.stderr.decode("utf-8", "replace")[-4000:]))
        return go_exe, c_exe

    def run(self, exe, argv=(), stdin=None):
        proc = subprocess.run([exe] + list(argv), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env,
                              timeout=3600, input=stdin)
        return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
                proc.stderr.decode("utf-8", "replace"))


PROGRAM_MARK = "== program "


def split_programs(text):
    """Output of a batch -> {index: [lines]}; a program whose output did not
    end with its end mark (the C side crashed in it) is left out."""
    result = {}
    current, lines = None, []
    for line in text.split("\n"):
        if line.startswith(PROGRAM_MARK):
            current, lines = int(line[len(PROGRAM_MARK):]), []
        elif line == "== end" and current is not None:
            result[current] = lines
            current = None
        elif current is not None:
            lines.append(line)
    return result


class Mismatch:
    def __init__(self, program, go_lines, c_lines, note):
        self.program = program
        self.go_lines = go_lines
        self.c_lines = c_lines
        self.note = note


def first_difference(a, b):
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end of output>"
        y = b[i] if i < len(b) else "<end of output>"
        if x != y:
            return i, x, y
    return None


def compare_batch(runner, kind, programs, name):
    """Runs programs (a list) on both sides; returns the mismatches."""
    go_exe, c_exe = runner.build(name, kind.render_go(programs),
                                 kind.render_c(programs))
    go_rc, go_out, go_err = runner.run(go_exe)
    if go_rc != 0:
        raise ToolError("the Go batch %s failed (exit %d):\n%s" % (
            name, go_rc, go_err[-4000:]))
    c_rc, c_out, c_err = runner.run(c_exe)
    go_res = split_programs(go_out)
    c_res = split_programs(c_out)
    mismatches = []
    crashed = None
    for i, program in enumerate(programs):
        if i not in go_res:
            raise ToolError("the Go batch %s printed no result for program %d"
                            % (name, i))
        if i not in c_res:
            if crashed is None:
                crashed = i
                note = "the C program stopped (exit %d):\n%s" % (
                    c_rc, c_err[-3000:])
                mismatches.append(Mismatch(program, go_res[i], [], note))
            continue
        go_norm = kind.normalize(go_res[i])
        c_norm = kind.normalize(c_res[i])
        if go_norm != c_norm:
            mismatches.append(Mismatch(program, go_norm, c_norm, ""))
    if crashed is not None and crashed + 1 < len(programs):
        # The programs after the crash never ran: run them again.
        rest = compare_batch(runner, kind, programs[crashed + 1:],
                             name + "-rest")
        mismatches.extend(rest)
    elif crashed is None and c_rc != 0:
        raise ToolError("the C batch %s exited %d after all programs:\n%s" % (
            name, c_rc, c_err[-3000:]))
    return mismatches


def compare_outputs(kind, programs, go_out, c_out, c_rc, c_err, name):
    """Compares two batch outputs program by program.  Returns the
    mismatches and the index of the program the C side stopped in (None
    if it ran them all)."""
    go_res = split_programs(go_out)
    c_res = split_programs(c_out)
    mismatches = []
    for i, program in enumerate(programs):
        if i not in go_res:
            raise ToolError("the Go batch %s printed no result for program %d"
                            % (name, i))
        if i not in c_res:
            note = "the C program stopped (exit %d):\n%s" % (c_rc,
                                                             c_err[-3000:])
            mismatches.append(Mismatch(program, go_res[i], [], note))
            return mismatches, i
        go_norm = kind.normalize(go_res[i])
        c_norm = kind.normalize(c_res[i])
        if go_norm != c_norm:
            mismatches.append(Mismatch(program, go_norm, c_norm, ""))
    if c_rc != 0:
        raise ToolError("the C batch %s exited %d after all programs:\n%s" % (
            name, c_rc, c_err[-3000:]))
    return mismatches, None


class Interpreters:
    """The interpreter engine of a kind: built once, fed programs."""

    def __init__(self, runner, kind):
        go_src, c_src = kind.vm_sources()
        self.runner = runner
        self.kind = kind
        self.go_exe, self.c_exe = runner.build("vm", go_src, c_src)

    def outputs(self, programs):
        data = self.kind.encode(programs).encode()
        go_rc, go_out, go_err = self.runner.run(self.go_exe, stdin=data)
        if go_rc != 0:
            raise ToolError("the Go interpreter failed (exit %d):\n%s" % (
                go_rc, go_err[-4000:]))
        c_rc, c_out, c_err = self.runner.run(self.c_exe, stdin=data)
        return go_out, c_out, c_rc, c_err

    def compare(self, programs):
        go_out, c_out, c_rc, c_err = self.outputs(programs)
        mismatches, stopped = compare_outputs(self.kind, programs, go_out,
                                              c_out, c_rc, c_err, "vm")
        if stopped is not None and stopped + 1 < len(programs):
            mismatches += self.compare(programs[stopped + 1:])
        return mismatches


def engines_disagree(runner, kind, interpreters, programs):
    """Programs whose compiled Go output differs from the Go interpreter's
    (or compiled C from C interpreter): the interpreters must be faithful."""
    go_exe = os.path.join(runner.workdir, "batch0.go.exe")
    c_exe = os.path.join(runner.workdir, "batch0.c.exe")
    vm_go, vm_c, _, _ = interpreters.outputs(programs)
    bad = 0
    for exe, vm_out in ((go_exe, vm_go), (c_exe, vm_c)):
        compiled = split_programs(runner.run(exe)[1])
        interpreted = split_programs(vm_out)
        for i in range(len(programs)):
            if (kind.normalize(compiled.get(i, ["(none)"])) !=
                    kind.normalize(interpreted.get(i, ["(none)"]))):
                bad += 1
    return bad


def failing_candidates(runner, kind, candidates, name):
    """Runs candidate programs in one batch; returns the mismatches.  A
    candidate the generator cannot express (a Go failure) does not count
    as failing."""
    if not candidates:
        return []
    try:
        return compare_batch(runner, kind, candidates, name)
    except ToolError as e:
        if os.environ.get("SG_DIFF_DEBUG"):
            print("candidate batch failed: %s" % str(e)[:600], flush=True)
        if len(candidates) == 1:
            return []
        # One bad candidate spoils the batch: halve it.
        half = len(candidates) // 2
        return (failing_candidates(runner, kind, candidates[:half], name) +
                failing_candidates(runner, kind, candidates[half:], name))


def shrink(runner, kind, mismatch, log):
    """Makes a failing program smaller while it still fails.  Every round
    builds all candidates (every cut of every size, every simpler op) in
    one batch; then, in a second build, growing sets of the changes that
    still failed on their own, applied together (which usually goes most
    of the way to the minimum).  The smallest failing program wins."""
    best = mismatch
    for round_ in range(1, 60):
        changes = list(kind.shrink_changes(best.program))
        candidates = [kind.apply_changes(best.program, [c]) for c in changes]
        failing = failing_candidates(runner, kind, candidates,
                                     "shrink%d" % round_)
        if not failing:
            break
        by_id = {id(m.program): m for m in failing}
        good = [c for c, p in zip(changes, candidates) if id(p) in by_id]
        if len(good) > 1:
            # Several of them at once: growing prefixes and suffixes of the
            # list, in one more build.
            sizes = sorted({min(len(good), 1 << e)
                            for e in range(1, len(good).bit_length() + 1)})
            combined = [kind.apply_changes(best.program, good[:k])
                        for k in sizes]
            combined += [kind.apply_changes(best.program, good[-k:])
                         for k in sizes if k < len(good)]
            failing += failing_candidates(runner, kind, combined,
                                          "shrink%db" % round_)
        best = min(failing, key=lambda m: kind.weight(m.program))
        log("  shrink round %d: %d candidates, %d still fail, best %d ops" % (
            round_, len(candidates), len(failing), kind.size(best.program)))
    return best


def report_mismatch(runner, kind, m, index, log):
    name = "mismatch%d" % index
    log("MISMATCH (%s): %s" % (name, m.note.split("\n")[0] if m.note else
                               "the outputs differ"))
    shrunk = shrink(runner, kind, m, log)
    go_path = os.path.join(runner.workdir, name + ".min.go")
    c_path = os.path.join(runner.workdir, name + ".min.c")
    with open(go_path, "w") as f:
        f.write(kind.render_go([shrunk.program]))
    with open(c_path, "w") as f:
        f.write(kind.render_c([shrunk.program]))
    log("minimal pair (%d ops): %s %s" % (kind.size(shrunk.program),
                                          go_path, c_path))
    log("--- program")
    for line in kind.describe(shrunk.program):
        log("  " + line)
    diff = first_difference(shrunk.go_lines, shrunk.c_lines)
    if shrunk.note:
        log("--- " + shrunk.note.strip().split("\n")[0])
    if diff:
        log("--- first difference, line %d" % (diff[0] + 1))
        log("  go: " + diff[1])
        log("  c:  " + diff[2])
    log("--- go program")
    log(kind.render_go_body(shrunk.program))
    log("--- c program")
    log(kind.render_c_body(shrunk.program))
    return shrunk


def add_common_arguments(parser):
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=300,
                        help="programs to generate")
    parser.add_argument("--batch", type=int, default=300,
                        help="programs per Go file and C file")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--include", required=True,
                        help="the runtime headers (runtime-headers/)")
    parser.add_argument("--cc", default="clang")
    parser.add_argument("--go", default="go")
    parser.add_argument("--opt", default="0", help="C optimisation level")
    parser.add_argument("--mutate", default=None,
                        help="break one behaviour in a copy of the headers "
                        "(self-test; see MUTANTS)")
    parser.add_argument("--max-report", type=int, default=1,
                        help="mismatches to shrink and print")
    parser.add_argument("--engine", choices=("compiled", "vm"),
                        default="compiled",
                        help="vm (long runs): the first batch compiled, "
                        "the rest through interpreters built once")
    parser.add_argument("--check", type=int, default=300,
                        help="with --engine vm: programs also run compiled")
    parser.add_argument("--list", action="store_true",
                        help="print the generated programs and stop")


def mutated_headers(include, workdir, mutants, name):
    """A copy of the headers with one textual change: the self-test's
    broken runtime."""
    if name not in mutants:
        raise SystemExit("unknown mutant %r (known: %s)" %
                         (name, ", ".join(sorted(mutants))))
    header, old, new = mutants[name]
    dest = os.path.join(os.path.abspath(workdir), "mutant-" + name)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(include, dest)
    path = os.path.join(dest, "sliceguard", header)
    with open(path) as f:
        text = f.read()
    if text.count(old) != 1:
        raise SystemExit("mutant %s: the text to change occurs %d times in %s"
                         % (name, text.count(old), header))
    with open(path, "w") as f:
        f.write(text.replace(old, new))
    return dest


def main_loop(kind, args, mutants):
    include = os.path.abspath(args.include)
    if args.mutate:
        include = mutated_headers(include, args.workdir, mutants, args.mutate)
    runner = Runner(args, include)
    rng = random.Random(args.seed)
    programs = [kind.generate(rng) for _ in range(args.count)]
    if args.list:
        for p in programs:
            print("\n".join(kind.describe(p)))
            print()
        return 0

    def log(msg):
        print(msg, flush=True)

    start = time.time()
    failures = 0
    reported = 0
    interpreters = None
    if args.engine == "vm":
        # The first programs run compiled too: the engines must agree.
        check = programs[:args.check]
        try:
            failures += len(compare_batch(runner, kind, check, "batch0"))
            interpreters = Interpreters(runner, kind)
            bad = engines_disagree(runner, kind, interpreters, check)
        except ToolError as e:
            log("TOOL ERROR: %s" % e)
            return 2
        log("engines: compiled and interpreted outputs differ on %d of %d "
            "programs" % (bad, len(check)))
        if bad:
            return 2
    for b in range(0, len(programs), args.batch):
        batch = programs[b:b + args.batch]
        try:
            if interpreters:
                mismatches = interpreters.compare(batch)
            else:
                mismatches = compare_batch(runner, kind, batch, "batch%d" % b)
        except ToolError as e:
            log("TOOL ERROR: %s" % e)
            return 2
        failures += len(mismatches)
        for m in mismatches:
            if reported < args.max_report:
                reported += 1
                report_mismatch(runner, kind, m, reported, log)
        if args.count > args.batch:
            log("%d/%d programs, %d mismatches, %.0f s" % (
                b + len(batch), len(programs), failures, time.time() - start))
    log("%s: %d programs (seed %d%s), %d mismatches, %d builds, %.1f s" % (
        kind.name, len(programs), args.seed,
        ", mutant " + args.mutate if args.mutate else "", failures,
        runner.builds, time.time() - start))
    return 1 if failures else 0


# ---------------------------------------------------------------------------
# Map programs.
#
# A program has a few map variables, each with a fixed type, and a list of
# steps.  Keys and values are written as small integers ("ids") that each
# type renders in its own way; "new" keys (those a range inserts) are in a
# space of their own, apart from every id.

class KeyType:
    def __init__(self, tag, go, c, ids, go_lit, c_lit, go_from, c_from,
                 go_new, c_new, go_is_new, c_is_new, is_new_text,
                 go_int, c_int, go_eq, c_eq, go_fmt, c_fmt):
        self.__dict__.update(locals())
        del self.__dict__["self"]


def _str_lit_c(id_):
    return 'SG_STR("%s")' % str_key(id_)


def str_key(id_):
    if id_ == -1000:
        return ""
    if id_ == -1001:
        return "a-much-longer-key-of-forty-bytes-0123456"
    return "k%d" % id_


def _i64_lit(id_):
    return "%d" % id_


BIG_I64 = [1 << 40, -(1 << 40), 1 << 62, -(1 << 62), (1 << 63) - 1]

KEY_TYPES = {
    "i64": KeyType(
        "i64", "int64", "int64_t",
        ids=lambda rng: rng.choice(BIG_I64) if rng.random() < 0.05
        else rng.randrange(-50, 600),
        go_lit=_i64_lit, c_lit=lambda i: "INT64_C(%d)" % i if i >= 0
        else "(-INT64_C(%d))" % -i,
        go_from=lambda e: "int64(%s)" % e, c_from=lambda e: "(int64_t)(%s)" % e,
        go_new=lambda k: "1000000 + (%s & 1023)" % k,
        c_new=lambda k: "INT64_C(1000000) + (%s & 1023)" % k,
        go_is_new=lambda k: "(%s >= 1000000 && %s < 1001024)" % (k, k),
        c_is_new=lambda k: "(%s >= 1000000 && %s < 1001024)" % (k, k),
        is_new_text=lambda t: 1000000 <= int(t) < 1001024,
        go_int=lambda k: k, c_int=lambda k: k,
        go_eq=lambda a, b: "%s == %s" % (a, b),
        c_eq=lambda a, b: "%s == %s" % (a, b),
        go_fmt=lambda i: "%d" % i, c_fmt=None),
    "str": KeyType(
        "str", "string", "sg_str",
        ids=lambda rng: rng.choice([-1000, -1001]) if rng.random() < 0.04
        else rng.randrange(-50, 600),
        go_lit=lambda i: '"%s"' % str_key(i), c_lit=_str_lit_c,
        go_from=lambda e: '"k" + strconv.Itoa(int(%s))' % e,
        c_from=lambda e: "kstr(a, \"k\", (long)(%s))" % e,
        go_new=lambda k: '"n" + %s' % k, c_new=lambda k: 'prefixed(a, %s)' % k,
        go_is_new=lambda k: "(len(%s) > 0 && %s[0] == 'n')" % (k, k),
        c_is_new=lambda k: "(%s.len > 0 && %s.ptr[0] == 'n')" % (k, k),
        is_new_text=lambda t: t.startswith("n"),
        go_int=lambda k: "len(%s)" % k, c_int=lambda k: "%s.len" % k,
        go_eq=lambda a, b: "%s == %s" % (a, b),
        c_eq=lambda a, b: "sg_str_eq(%s, %s)" % (a, b),
        go_fmt=str_key, c_fmt=None),
    "u8": KeyType(
        "u8", "uint8", "uint8_t",
        ids=lambda rng: rng.randrange(0, 128),
        go_lit=_i64_lit, c_lit=lambda i: "(uint8_t)%d" % i,
        go_from=lambda e: "uint8(%s)" % e, c_from=lambda e: "(uint8_t)(%s)" % e,
        go_new=lambda k: "%s | 128" % k, c_new=lambda k: "(uint8_t)(%s | 128)" % k,
        go_is_new=lambda k: "(%s >= 128)" % k, c_is_new=lambda k: "(%s >= 128)" % k,
        is_new_text=lambda t: int(t) >= 128,
        go_int=lambda k: "int(%s)" % k, c_int=lambda k: "(int)%s" % k,
        go_eq=lambda a, b: "%s == %s" % (a, b),
        c_eq=lambda a, b: "%s == %s" % (a, b),
        go_fmt=lambda i: "%d" % i, c_fmt=None),
    "pt": KeyType(
        "pt", "pt", "pt",
        ids=lambda rng: rng.randrange(0, 600),
        go_lit=lambda i: "pt{%d, %d}" % (i, i % 7 - 3),
        c_lit=lambda i: "(pt){%d, %d}" % (i, i % 7 - 3),
        go_from=lambda e: "mkpt(%s)" % e, c_from=lambda e: "mkpt(%s)" % e,
        go_new=lambda k: "pt{%s.X | 1<<20, %s.Y}" % (k, k),
        c_new=lambda k: "(pt){%s.x | 1 << 20, %s.y}" % (k, k),
        go_is_new=lambda k: "(%s.X >= 1<<20)" % k,
        c_is_new=lambda k: "(%s.x >= 1 << 20)" % k,
        is_new_text=lambda t: int(t[1:].split()[0]) >= 1 << 20,
        go_int=lambda k: "int(%s.X)" % k, c_int=lambda k: "(int)%s.x" % k,
        go_eq=lambda a, b: "(%s == %s)" % (a, b),
        c_eq=lambda a, b: "pt_eq(%s, %s)" % (a, b),
        go_fmt=lambda i: "{%d %d}" % (i, i % 7 - 3), c_fmt=None),
}


class ValType:
    def __init__(self, tag, go, c, go_lit, c_lit, go_from, c_from):
        self.__dict__.update(locals())
        del self.__dict__["self"]


VAL_TYPES = {
    "i64": ValType("i64", "int64", "int64_t", go_lit=lambda v: "%d" % v,
                   c_lit=lambda v: "INT64_C(%d)" % v,
                   go_from=lambda e: "int64(%s)" % e,
                   c_from=lambda e: "(int64_t)(%s)" % e),
    "i32": ValType("i32", "int32", "int32_t", go_lit=lambda v: "%d" % v,
                   c_lit=lambda v: "%d" % v,
                   go_from=lambda e: "int32(%s)" % e,
                   c_from=lambda e: "(int32_t)(%s)" % e),
    "str": ValType("str", "string", "sg_str",
                   go_lit=lambda v: '"v%d"' % v,
                   c_lit=lambda v: 'SG_STR("v%d")' % v,
                   go_from=lambda e: '"v" + strconv.Itoa(int(%s))' % e,
                   c_from=lambda e: 'kstr(a, "v", (long)(%s))' % e),
    "rec": ValType("rec", "rec", "rec",
                   go_lit=lambda v: 'rec{%d, "s%d", %s}' % (
                       v, v % 5, "true" if v % 2 == 0 else "false"),
                   c_lit=lambda v: '(rec){%d, SG_STR("s%d"), %s}' % (
                       v, v % 5, "true" if v % 2 == 0 else "false"),
                   go_from=lambda e: "mkrec(a, %s)" % e,
                   c_from=lambda e: "mkrec(a, %s)" % e),
}

def val_text(tag, v):
    """How both sides print value v of type tag (v >= 0)."""
    if tag in ("i64", "i32"):
        return "%d" % v
    if tag == "str":
        return '"v%d"' % v
    return '{%d "s%d" %s}' % (v, v % 5, "true" if v % 2 == 0 else "false")


# (key, value) pairs; each is one map type on both sides.
MAP_TYPES = [("i64", "i64"), ("str", "i64"), ("i64", "rec"), ("str", "str"),
             ("u8", "i32"), ("pt", "i64"), ("str", "rec")]


def map_name(mt):
    return "m_%s_%s" % mt


GO_PRELUDE = r'''package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

var w = bufio.NewWriter(os.Stdout)

type rec struct {
	A int64
	S string
	B bool
}

type pt struct{ X, Y int32 }

type arena struct{}

var a arena

func mkpt(i int) pt { return pt{int32(i), int32(i%7 - 3)} }
func mkrec(_ arena, v int) rec {
	return rec{int64(v), "s" + strconv.Itoa(v%5), v%2 == 0}
}

func pk_i64(k int64) string  { return strconv.FormatInt(k, 10) }
func pk_str(k string) string { return k }
func pk_u8(k uint8) string   { return strconv.Itoa(int(k)) }
func pk_pt(k pt) string      { return fmt.Sprintf("{%d %d}", k.X, k.Y) }
func pv_i64(v int64) string  { return strconv.FormatInt(v, 10) }
func pv_i32(v int32) string  { return strconv.Itoa(int(v)) }
func pv_str(v string) string { return strconv.Quote(v) }
func pv_rec(v rec) string {
	return fmt.Sprintf("{%d %s %t}", v.A, strconv.Quote(v.S), v.B)
}

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(w, "panic: %v\n", r)
		}
	}()
	f()
}
'''

GO_TYPE_HELPERS = r'''
type $MAP map[$KG]$VG

func get_$MAP(i int, m $MAP, k $KG) {
	fmt.Fprintf(w, "get m%d[%s] = %s\n", i, pk_$KT(k), pv_$VT(m[k]))
}
func lookup_$MAP(i int, m $MAP, k $KG) {
	v, ok := m[k]
	fmt.Fprintf(w, "lookup m%d[%s] = %s %t\n", i, pk_$KT(k), pv_$VT(v), ok)
}
func len_$MAP(i int, m $MAP) { fmt.Fprintf(w, "len m%d = %d\n", i, len(m)) }
func dump_$MAP(i int, m $MAP) {
	fmt.Fprintf(w, "dump m%d {\n", i)
	for k, v := range m {
		fmt.Fprintf(w, "%s = %s\n", pk_$KT(k), pv_$VT(v))
	}
	fmt.Fprintf(w, "}\n")
}
// Deletes every key, one by one.  Not the range-delete loop: Go 1.19
// compiles that loop into runtime.mapclear, after which a range already
// under way over the map can still produce entries it had not reached
// (seen: 3 of 215 in 2,000 tries), against the spec's rule for deleted
// entries; deleting the keys one by one follows the rule.
func clear_$MAP(m $MAP) {
	var keys []$KG
	for k := range m {
		keys = append(keys, k)
	}
	for _, k := range keys {
		delete(m, k)
	}
}
func bput_$MAP(m $MAP, start, step, count, v int) {
	for j := 0; j < count; j++ {
		m[$KFROM] = $VFROM
	}
}
func bdel_$MAP(m $MAP, start, step, count int) {
	for j := 0; j < count; j++ {
		delete(m, $KFROM)
	}
}
func pe_$MAP(k $KG, v $VG) { fmt.Fprintf(w, "%s = %s\n", pk_$KT(k), pv_$VT(v)) }
'''

C_PRELUDE = r'''#include <setjmp.h>
#include <stdio.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

typedef struct rec {
  int64_t a;
  sg_str s;
  bool b;
} rec;

typedef struct pt {
  int32_t x, y;
} pt;

static pt mkpt(long i) {
  pt p = {(int32_t)i, (int32_t)(i % 7 - 3)};
  return p;
}
static bool pt_eq(pt p, pt q) { return p.x == q.x && p.y == q.y; }

/* "<prefix><i>" in the arena. */
static sg_str kstr(sg_arena *a, const char *prefix, long i) {
  char buf[32];
  int n = snprintf(buf, sizeof buf, "%s%ld", prefix, i);
  char *p = (char *)sg_arena_alloc(a, (size_t)n);
  memcpy(p, buf, (size_t)n);
  return sg_str_make(p, n);
}
static sg_str prefixed(sg_arena *a, sg_str k) {
  char *p = (char *)sg_arena_alloc(a, (size_t)k.len + 1);
  p[0] = 'n';
  if (k.len)
    memcpy(p + 1, k.ptr, (size_t)k.len);
  return sg_str_make(p, k.len + 1);
}
static rec mkrec(sg_arena *a, long v) {
  rec r = {v, kstr(a, "s", v % 5), v % 2 == 0};
  return r;
}

/* Go's strconv.Quote for the strings the programs use (printable ASCII). */
static void quote(sg_str s) {
  putchar('"');
  for (ptrdiff_t i = 0; i < s.len; i++) {
    if (s.ptr[i] == '"' || s.ptr[i] == '\\')
      putchar('\\');
    putchar(s.ptr[i]);
  }
  putchar('"');
}
static void pk_i64(int64_t k) { printf("%lld", (long long)k); }
static void pk_str(sg_str k) { printf("%.*s", (int)k.len, k.ptr); }
static void pk_u8(uint8_t k) { printf("%d", k); }
static void pk_pt(pt k) { printf("{%d %d}", k.x, k.y); }
static void pv_i64(int64_t v) { printf("%lld", (long long)v); }
static void pv_i32(int32_t v) { printf("%d", v); }
static void pv_str(sg_str v) { quote(v); }
static void pv_rec(rec v) {
  printf("{%lld ", (long long)v.a);
  quote(v.s);
  printf(" %s}", v.b ? "true" : "false");
}

/* A panic inside TRY prints Go's recovered text and comes back; any other
 * panic is a difference from Go, and stops the program. */
static jmp_buf try_env;
static volatile int trying;
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
#define TRY(stmt)                                                              \
  do {                                                                         \
    trying = 1;                                                                \
    if (!setjmp(try_env)) {                                                    \
      stmt;                                                                    \
    }                                                                          \
    trying = 0;                                                                \
  } while (0)
'''

C_TYPE_HELPERS = r'''
#define SG_MAP $MAP
#define SG_KEY $KC
#define SG_VAL $VC
#include <sliceguard/map.h>

static void get_$MAP(int i, $MAP m, $KC k) {
  printf("get m%d[", i);
  pk_$KT(k);
  printf("] = ");
  pv_$VT($MAP_get(m, k));
  putchar('\n');
}
static void lookup_$MAP(int i, $MAP m, $KC k) {
  $VC v;
  memset(&v, 0x5a, sizeof v);
  bool ok = $MAP_lookup(m, k, &v);
  printf("lookup m%d[", i);
  pk_$KT(k);
  printf("] = ");
  pv_$VT(v);
  printf(" %s\n", ok ? "true" : "false");
}
static void len_$MAP(int i, $MAP m) { printf("len m%d = %td\n", i, $MAP_len(m)); }
static void pe_$MAP($KC k, $VC v) {
  pk_$KT(k);
  printf(" = ");
  pv_$VT(v);
  putchar('\n');
}
static void dump_$MAP(int i, $MAP m) {
  printf("dump m%d {\n", i);
  sg_range($MAP, m, it) pe_$MAP(it.key, it.val);
  printf("}\n");
}
static void bput_$MAP(sg_arena *a, $MAP m, long start, long step, long count,
                     long v) {
  (void)a;
  for (long j = 0; j < count; j++)
    $MAP_put(m, $KFROM, $VFROM);
}
static void bdel_$MAP(sg_arena *a, $MAP m, long start, long step, long count) {
  (void)a;
  for (long j = 0; j < count; j++)
    $MAP_del(m, $KFROM);
}
'''


def instantiate(template, mt):
    """The helpers of one map type, from a template with $-placeholders."""
    kt, vt = KEY_TYPES[mt[0]], VAL_TYPES[mt[1]]
    go_side = template is GO_TYPE_HELPERS
    words = {
        "$KFROM": (kt.go_from if go_side else kt.c_from)("start + j*step"),
        "$VFROM": (vt.go_from if go_side else vt.c_from)("v + j"),
        "$MAP": map_name(mt), "$KG": kt.go, "$VG": vt.go, "$KC": kt.c,
        "$VC": vt.c, "$KT": kt.tag, "$VT": vt.tag}
    return re.sub(r"\$[A-Z]+", lambda m: words[m.group(0)], template)


class MapsKind:
    """Generation, rendering, normalisation and shrinking of map programs."""

    name = "maps"

    # -- generation ----------------------------------------------------------
    def generate(self, rng):
        n_vars = rng.choice([1, 2, 2, 3])
        types = [rng.choice(MAP_TYPES)]
        for _ in range(n_vars - 1):
            # Same-typed variables can share a map by assignment.
            types.append(types[0] if rng.random() < 0.6
                         else rng.choice(MAP_TYPES))
        pools = []
        for mt in types:
            kt = KEY_TYPES[mt[0]]
            pools.append([kt.ids(rng) for _ in range(rng.randint(3, 14))])
        ops = [("make", i, rng.choice([0, 0, 1, 8, 30, 200]))
               for i in range(n_vars) if rng.random() < 0.95]
        # Most maps start with some entries, from the pool or in bulk.
        for i in range(n_vars):
            if rng.random() < 0.3:
                start, step, count = self.bulk_range(
                    rng, KEY_TYPES[types[i][0]])
                ops.append(("bput", i, start, step, count,
                            rng.randrange(1000)))
            for _ in range(rng.choice([0, 2, 5, 10])):
                ops.append(("put", i, rng.choice(pools[i]),
                            rng.randrange(1000)))
        for _ in range(rng.randint(4, 40)):
            ops.append(self.random_op(rng, types, pools))
        return {"types": types, "ops": ops}

    def random_op(self, rng, types, pools):
        i = rng.randrange(len(types))
        kt = KEY_TYPES[types[i][0]]

        def key():
            return rng.choice(pools[i]) if rng.random() < 0.85 else kt.ids(rng)

        def val():
            return rng.randrange(0, 1000)

        r = rng.random()
        if r < 0.22:
            return ("put", i, key(), val())
        if r < 0.32:
            return ("get", i, key())
        if r < 0.42:
            return ("lookup", i, key())
        if r < 0.54:
            return ("del", i, key())
        if r < 0.58:
            return ("len", i)
        if r < 0.61:
            return ("clear", i)
        if r < 0.63:
            return ("make", i, rng.choice([0, 1, 5, 100]))
        if r < 0.64:
            return ("nil", i)
        if r < 0.67:
            return ("put", i, key(), val())
        if r < 0.70:
            same = [j for j in range(len(types))
                    if j != i and types[j] == types[i]]
            if same:
                return ("alias", i, rng.choice(same))
            return ("len", i)
        if r < 0.76:
            start, step, count = self.bulk_range(rng, kt)
            return ("bput", i, start, step, count, val())
        if r < 0.79:
            start, step, count = self.bulk_range(rng, kt)
            return ("bdel", i, start, step, count)
        if r < 0.83:
            return ("dump", i)
        return ("range", i, self.random_range(rng, pools[i]))

    @staticmethod
    def bulk_range(rng, kt):
        if kt.tag == "u8":
            step = rng.randint(1, 3)
            count = rng.randint(1, 127 // step)
            start = rng.randrange(0, 128 - step * (count - 1))
            return start, step, count
        count = rng.choice([rng.randint(1, 30), rng.randint(20, 300),
                            rng.randint(200, 1200)])
        start = rng.randrange(-50 if kt.tag != "pt" else 0, 300)
        return start, rng.randint(1, 4), count

    @staticmethod
    def random_range(rng, pool):
        spec = {"D": (), "U": (), "pred": None, "upd": None, "ins": None,
                "clr": False}
        if rng.random() < 0.08:
            spec["clr"] = True
            return spec
        if rng.random() < 0.4:
            spec["D"] = tuple(sorted(set(rng.sample(pool, min(
                len(pool), rng.randint(1, 4))))))
        if rng.random() < 0.35:
            spec["pred"] = (rng.choice([1, 2, 3]), 0)
            spec["pred"] = (spec["pred"][0],
                            rng.randrange(spec["pred"][0]))
        if rng.random() < 0.3:
            spec["U"] = tuple(sorted(set(rng.sample(pool, min(
                len(pool), rng.randint(1, 3))))))
        elif rng.random() < 0.35:
            spec["upd"] = rng.randrange(0, 1000)
        if rng.random() < 0.35:
            spec["ins"] = rng.randrange(0, 1000)
        return spec

    # -- rendering -------------------------------------------------------------
    def types_used(self, programs):
        seen = []
        for p in programs:
            for mt in p["types"]:
                if mt not in seen:
                    seen.append(mt)
        return seen

    def render_go(self, programs):
        out = [GO_PRELUDE]
        for mt in MAP_TYPES:
            out.append(instantiate(GO_TYPE_HELPERS, mt))
        for n, p in enumerate(programs):
            out.append("func p%d() {\n%s}\n" % (n, self.render_go_body(p)))
        out.append("func main() {\n\tdefer w.Flush()\n")
        for n in range(len(programs)):
            out.append('\tfmt.Fprintf(w, "%s%d\\n")\n\tp%d()\n'
                       '\tfmt.Fprintf(w, "== end\\n")\n' % (
                           PROGRAM_MARK, n, n))
        out.append("}\n")
        return "".join(out)

    def render_c(self, programs):
        out = [C_PRELUDE]
        for mt in self.types_used(programs):
            out.append(instantiate(C_TYPE_HELPERS, mt))
        for n, p in enumerate(programs):
            out.append("static void p%d(sg_arena *a) {\n%s}\n" % (
                n, self.render_c_body(p)))
        out.append("int main(void) {\n  sg_set_panic_handler(on_panic);\n")
        for n in range(len(programs)):
            out.append('  {\n    sg_arena *a = sg_arena_new();\n'
                       '    printf("%s%d\\n");\n    p%d(a);\n'
                       '    printf("== end\\n");\n    fflush(stdout);\n'
                       '    sg_arena_free(a);\n  }\n' % (PROGRAM_MARK, n, n))
        out.append("  return 0;\n}\n")
        return "".join(out)

    def nil_states(self, p):
        """Whether each variable is nil before each op (the programs are
        straight-line, so this is exact)."""
        nil = [True] * len(p["types"])
        states = []
        for op in p["ops"]:
            states.append(list(nil))
            if op[0] == "make":
                nil[op[1]] = False
            elif op[0] == "nil":
                nil[op[1]] = True
            elif op[0] == "alias":
                nil[op[1]] = nil[op[2]]
        return states

    def render_go_body(self, p):
        lines = []
        for i, mt in enumerate(p["types"]):
            lines.append("\tvar m%d %s\n\t_ = m%d\n" % (i, map_name(mt), i))
        for op, nil in zip(p["ops"], self.nil_states(p)):
            lines.append(self.go_op(p, op, nil))
        return "".join(lines)

    def render_c_body(self, p):
        lines = ["  (void)a;\n"]
        for i, mt in enumerate(p["types"]):
            lines.append("  %s m%d = NULL;\n  (void)m%d;\n" % (
                map_name(mt), i, i))
        for op, nil in zip(p["ops"], self.nil_states(p)):
            lines.append(self.c_op(p, op, nil))
        return "".join(lines)

    def go_op(self, p, op, nil):
        kind, i = op[0], op[1]
        mt = p["types"][i]
        kt, vt = KEY_TYPES[mt[0]], VAL_TYPES[mt[1]]
        name, m = map_name(mt), "m%d" % i
        if kind == "make":
            return "\t%s = make(%s, %d)\n" % (m, name, op[2])
        if kind == "nil":
            return "\t%s = nil\n" % m
        if kind == "alias":
            return "\t%s = m%d\n" % (m, op[2])
        if kind == "put":
            stmt = "%s[%s] = %s" % (m, kt.go_lit(op[2]), vt.go_lit(op[3]))
            if nil[i]:
                return "\ttry(func() { %s })\n" % stmt
            return "\t%s\n\tlen_%s(%d, %s)\n" % (stmt, name, i, m)
        if kind == "get":
            return "\tget_%s(%d, %s, %s)\n" % (name, i, m, kt.go_lit(op[2]))
        if kind == "lookup":
            return "\tlookup_%s(%d, %s, %s)\n" % (name, i, m, kt.go_lit(op[2]))
        if kind == "del":
            return "\tdelete(%s, %s)\n\tlen_%s(%d, %s)\n" % (
                m, kt.go_lit(op[2]), name, i, m)
        if kind == "len":
            return "\tlen_%s(%d, %s)\n" % (name, i, m)
        if kind == "clear":
            return "\tclear_%s(%s)\n\tlen_%s(%d, %s)\n" % (name, m, name, i, m)
        if kind == "bput":
            call = "bput_%s(%s, %d, %d, %d, %d)" % (name, m, *op[2:])
            if nil[i]:
                return "\ttry(func() { %s })\n" % call
            return "\t%s\n\tlen_%s(%d, %s)\n" % (call, name, i, m)
        if kind == "bdel":
            return "\tbdel_%s(%s, %d, %d, %d)\n\tlen_%s(%d, %s)\n" % (
                name, m, op[2], op[3], op[4], name, i, m)
        if kind == "dump":
            return "\tdump_%s(%d, %s)\n" % (name, i, m)
        if kind == "range":
            return self.go_range(p, op, kt, vt, name, m, i)
        raise AssertionError(kind)

    def c_op(self, p, op, nil):
        kind, i = op[0], op[1]
        mt = p["types"][i]
        kt, vt = KEY_TYPES[mt[0]], VAL_TYPES[mt[1]]
        name, m = map_name(mt), "m%d" % i
        if kind == "make":
            return "  %s = %s_make(a, %d);\n" % (m, name, op[2])
        if kind == "nil":
            return "  %s = NULL;\n" % m
        if kind == "alias":
            return "  %s = m%d;\n" % (m, op[2])
        if kind == "put":
            stmt = "%s_put(%s, %s, %s)" % (name, m, kt.c_lit(op[2]),
                                           vt.c_lit(op[3]))
            if nil[i]:
                return "  TRY(%s);\n" % stmt
            return "  %s;\n  len_%s(%d, %s);\n" % (stmt, name, i, m)
        if kind == "get":
            return "  get_%s(%d, %s, %s);\n" % (name, i, m, kt.c_lit(op[2]))
        if kind == "lookup":
            return "  lookup_%s(%d, %s, %s);\n" % (name, i, m, kt.c_lit(op[2]))
        if kind == "del":
            return "  %s_del(%s, %s);\n  len_%s(%d, %s);\n" % (
                name, m, kt.c_lit(op[2]), name, i, m)
        if kind == "len":
            return "  len_%s(%d, %s);\n" % (name, i, m)
        if kind == "clear":
            return "  %s_clear(%s);\n  len_%s(%d, %s);\n" % (
                name, m, name, i, m)
        if kind == "bput":
            call = "bput_%s(a, %s, %d, %d, %d, %d)" % (name, m, *op[2:])
            if nil[i]:
                return "  TRY(%s);\n" % call
            return "  %s;\n  len_%s(%d, %s);\n" % (call, name, i, m)
        if kind == "bdel":
            return "  bdel_%s(a, %s, %d, %d, %d);\n  len_%s(%d, %s);\n" % (
                name, m, op[2], op[3], op[4], name, i, m)
        if kind == "dump":
            return "  dump_%s(%d, %s);\n" % (name, i, m)
        if kind == "range":
            return self.c_range(p, op, kt, vt, name, m, i)
        raise AssertionError(kind)

    @staticmethod
    def range_header(kt, vt, i, spec):
        flags = [kt.tag, vt.tag, "m%d" % i]
        if spec["D"]:
            flags.append("D=" + "|".join(kt.go_fmt(d) for d in spec["D"]))
        if spec.get("U"):
            flags.append("U=" + "|".join(kt.go_fmt(u) for u in spec["U"]))
        if spec["ins"] is not None:
            flags.append("ins")
        if spec["clr"]:
            flags.append("clr")
        return "range " + " ".join(flags) + " {"

    # The body of a range, in this order, so that what it leaves in the map
    # does not depend on the order of the range:
    #   print the entry;
    #   first iteration: clear the map (clr), or delete the keys of D;
    #   skip the rest for a key of D (only the first entry can be one) and,
    #   if the range inserts, for new keys (which may or may not come);
    #   count the iteration (c) and set every key of U still present to
    #   value c, so an entry of U produced at count c must show c - 1;
    #   delete the current key if pred holds, else update it (upd) and
    #   insert its new key (ins).
    def go_range(self, p, op, kt, vt, name, m, i):
        spec = op[2]
        body = ["\t\tpe_%s(k, v)\n" % name]
        if spec["clr"]:
            body.append("\t\tif first {\n\t\t\tfirst = false\n"
                        "\t\t\tclear_%s(%s)\n\t\t}\n" % (name, m))
        if spec["D"]:
            body.append("\t\tif first {\n\t\t\tfirst = false\n")
            for d in spec["D"]:
                body.append("\t\t\tdelete(%s, %s)\n" % (m, kt.go_lit(d)))
            body.append("\t\t}\n")
            in_d = " || ".join(kt.go_eq("k", kt.go_lit(d)) for d in spec["D"])
            body.append("\t\tif %s {\n\t\t\tcontinue\n\t\t}\n" % in_d)
        if spec["ins"] is not None:
            body.append("\t\tif %s {\n\t\t\tcontinue\n\t\t}\n" %
                        kt.go_is_new("k"))
        if spec.get("U"):
            body.append("\t\tc++\n")
            for u in spec["U"]:
                body.append("\t\tif _, ok := %s[%s]; ok {\n\t\t\t%s[%s] = %s\n"
                            "\t\t}\n" % (m, kt.go_lit(u), m, kt.go_lit(u),
                                         vt.go_from("c")))
        if spec["pred"]:
            mod, res = spec["pred"]
            body.append("\t\tif %s%%%d == %d {\n\t\t\tdelete(%s, k)\n"
                        "\t\t\tcontinue\n\t\t}\n" % (kt.go_int("k"), mod, res,
                                                   m))
        if spec["upd"] is not None:
            body.append("\t\t%s[k] = %s\n" % (m, vt.go_lit(spec["upd"])))
        if spec["ins"] is not None:
            body.append("\t\t%s[%s] = %s\n" % (m, kt.go_new("k"),
                                               vt.go_lit(spec["ins"])))
        decls = ""
        if spec["D"] or spec["clr"]:
            decls += "\t\tfirst := true\n"
        if spec.get("U"):
            decls += "\t\tc := 0\n"
        return ("\t{\n%s\t\tfmt.Fprintf(w, \"%%s\\n\", %s)\n"
                "\t\tfor k, v := range %s {\n%s\t\t}\n"
                "\t\tfmt.Fprintf(w, \"}\\n\")\n\t\tlen_%s(%d, %s)\n\t}\n" % (
                    decls, '"%s"' % self.range_header(kt, vt, i, spec),
                    m, "".join(body), name, i, m))

    def c_range(self, p, op, kt, vt, name, m, i):
        spec = op[2]
        body = ["    pe_%s(it.key, it.val);\n" % name]
        if spec["clr"]:
            body.append("    if (first) {\n      first = false;\n"
                        "      %s_clear(%s);\n    }\n" % (name, m))
        if spec["D"]:
            body.append("    if (first) {\n      first = false;\n")
            for d in spec["D"]:
                body.append("      %s_del(%s, %s);\n" % (name, m, kt.c_lit(d)))
            body.append("    }\n")
            in_d = " || ".join(kt.c_eq("it.key", kt.c_lit(d))
                               for d in spec["D"])
            body.append("    if (%s)\n      continue;\n" % in_d)
        if spec["ins"] is not None:
            body.append("    if %s\n      continue;\n" % kt.c_is_new("it.key"))
        if spec.get("U"):
            body.append("    c++;\n")
            for u in spec["U"]:
                body.append("    if (%s_lookup(%s, %s, NULL))\n"
                            "      %s_put(%s, %s, %s);\n" % (
                                name, m, kt.c_lit(u), name, m, kt.c_lit(u),
                                vt.c_from("c")))
        if spec["pred"]:
            mod, res = spec["pred"]
            body.append("    if (%s %% %d == %d) {\n      %s_del(%s, it.key);\n"
                        "      continue;\n    }\n" % (kt.c_int("it.key"), mod,
                                                     res, name, m))
        if spec["upd"] is not None:
            body.append("    %s_put(%s, it.key, %s);\n" % (
                name, m, vt.c_lit(spec["upd"])))
        if spec["ins"] is not None:
            body.append("    %s_put(%s, %s, %s);\n" % (
                name, m, kt.c_new("it.key"), vt.c_lit(spec["ins"])))
        decls = ""
        if spec["D"] or spec["clr"]:
            decls += "    bool first = true;\n"
        if spec.get("U"):
            decls += "    long c = 0;\n"
        return ("  {\n%s    puts(\"%s\");\n"
                "    sg_range(%s, %s, it) {\n%s    }\n"
                "    puts(\"}\");\n    len_%s(%d, %s);\n  }\n" % (
                    decls, self.range_header(kt, vt, i, spec),
                    name, m, "".join(body), name, i, m))

    # -- normalisation -----------------------------------------------------------
    def normalize(self, lines):
        """Sorts what a range produces and keeps only what Go defines."""
        out = []
        k = 0
        while k < len(lines):
            line = lines[k]
            if line.endswith(" {") and (line.startswith("dump ") or
                                        line.startswith("range ")):
                end = k + 1
                while end < len(lines) and lines[end] != "}":
                    end += 1
                entries = lines[k + 1:end]
                if line.startswith("dump "):
                    out.append(line)
                    out.extend(sorted(entries))
                else:
                    out.extend(self.normalize_range(line, entries))
                out.append("}")
                k = end + 1
                continue
            out.append(line)
            k += 1
        return out

    @staticmethod
    def parse_range_header(header):
        """(key type, value type, D keys, U keys, ins, clr) as printed."""
        words = header[len("range "):-2].split(" ", 3)
        rest = " " + (words[3] if len(words) > 3 else "")
        parts = re.split(r" (?=D=|U=|ins$|ins |clr$)", rest)
        keys = {"D": set(), "U": set()}
        for part in parts:
            if part[:2] in ("D=", "U="):
                keys[part[0]] = set(part[2:].split("|"))
        return (KEY_TYPES[words[0]], words[1], keys["D"], keys["U"],
                "ins" in parts, "clr" in parts)

    @classmethod
    def normalize_range(cls, header, entries):
        kt, vtag, d_keys, u_keys, ins, clr = cls.parse_range_header(header)
        out = [header]
        if clr:
            out.append("produced %d entries" % len(entries))
            return out
        keep = []
        d_late = 0
        counted = 0
        for pos, e in enumerate(entries):
            key, val = e.split(" = ", 1)
            if key in d_keys:
                if pos != 0:
                    d_late += 1
                continue
            if ins and kt.is_new_text(key):
                continue
            if key in u_keys:
                # Set at the previous counted iteration, if there was one.
                want = val_text(vtag, counted)
                e = "%s = %s" % (key, "as set by the range"
                                 if counted == 0 or val == want
                                 else val + " (want %s)" % want)
            counted += 1
            keep.append(e)
        out.extend(sorted(keep))
        if d_keys:
            out.append("deleted keys produced after the first entry: %d" %
                       d_late)
        return out

    def vm_sources(self):
        return maps_vm_sources()

    def encode(self, programs):
        return maps_encode(programs)

    # -- shrinking -------------------------------------------------------------
    def size(self, p):
        return len(p["ops"])

    def weight(self, p):
        """What shrinking minimises: ops first, then their bulk."""
        bulk = 0
        for op in p["ops"]:
            if op[0] in ("bput", "bdel"):
                bulk += op[4]
            elif op[0] == "make":
                bulk += op[2]
            elif op[0] == "range":
                spec = op[2]
                bulk += len(spec["D"]) + len(spec["U"]) + sum(
                    spec[f] is not None for f in ("pred", "upd", "ins"))
        return (len(p["ops"]), len(p["types"]), bulk)

    def shrink_changes(self, p):
        """Changes that make p smaller: cuts of n/2, n/4, ... 1 consecutive
        ops, ("cut", indices); an op made simpler, ("op", index, op);
        unused variables dropped, ("vars",)."""
        ops = p["ops"]
        n = len(ops)
        chunk = max(1, n // 2)
        while True:
            for start in range(0, n, chunk):
                if n - chunk > 0 or start > 0:
                    yield ("cut", frozenset(range(start, min(n, start + chunk))))
            if chunk == 1:
                break
            chunk //= 2
        for k, op in enumerate(ops):
            for s in self.simpler_ops(op):
                yield ("op", k, s)
        if len(p["types"]) > 1:
            yield ("vars",)

    def apply_changes(self, p, changes):
        """p with changes applied (several at once: the simplified ops
        first, then all the cuts, then unused variables dropped)."""
        ops = list(p["ops"])
        cut = set()
        drop_vars = False
        for c in changes:
            if c[0] == "op":
                ops[c[1]] = c[2]
            elif c[0] == "cut":
                cut |= c[1]
            else:
                drop_vars = True
        ops = [op for k, op in enumerate(ops) if k not in cut] or ops[:1]
        types = p["types"]
        if drop_vars:
            used = sorted({op[1] for op in ops} |
                          {op[2] for op in ops if op[0] == "alias"})
            remap = {old: new for new, old in enumerate(used)}
            types = [types[u] for u in used]
            ops = [self.renumber(op, remap) for op in ops]
        return {"types": types, "ops": ops}

    @staticmethod
    def renumber(op, remap):
        op = list(op)
        op[1] = remap[op[1]]
        if op[0] == "alias":
            op[2] = remap[op[2]]
        return tuple(op)

    @staticmethod
    def simpler_ops(op):
        kind = op[0]
        if kind in ("bput", "bdel") and op[4] > 1:
            yield op[:4] + (max(1, op[4] // 2),) + op[5:]
        if kind == "make" and op[2] > 0:
            yield (kind, op[1], 0)
        if kind == "range":
            spec = op[2]
            for field, empty in (("D", ()), ("U", ()), ("pred", None),
                                 ("upd", None),
                                 ("ins", None), ("clr", False)):
                if spec[field] not in (empty,):
                    s = dict(spec)
                    s[field] = empty
                    yield (kind, op[1], s)
            if len(spec["D"]) > 1:
                for d in spec["D"]:
                    s = dict(spec)
                    s["D"] = (d,)
                    yield (kind, op[1], s)
                    break

    def describe(self, p):
        lines = ["types: " + ", ".join("m%d map[%s]%s" % (
            i, KEY_TYPES[k].go, VAL_TYPES[v].go)
            for i, (k, v) in enumerate(p["types"]))]
        for op in p["ops"]:
            lines.append(repr(op))
        return lines


# ---------------------------------------------------------------------------
# The interpreter engine, for long runs: one Go program and one C program,
# built once, read programs as lines of numbers and run the same steps the
# compiled programs run, printing the same lines (so the same comparison
# applies).  main_loop checks on the first batch that the two engines print
# the same for every program.

GO_VM = r'''package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

var w = bufio.NewWriter(os.Stdout)

type rec struct {
	A int64
	S string
	B bool
}

type pt struct{ X, Y int32 }

func strKey(id int64) string {
	switch id {
	case -1000:
		return ""
	case -1001:
		return "a-much-longer-key-of-forty-bytes-0123456"
	}
	return "k" + strconv.FormatInt(id, 10)
}

func mkrec(v int64) rec { return rec{v, "s" + strconv.FormatInt(v%5, 10), v%2 == 0} }

type traits[K comparable, V any] struct {
	ktag, vtag string
	key        func(int64) K
	val        func(int64) V
	pk         func(K) string
	pv         func(V) string
	isNew      func(K) bool
	newKey     func(K) K
	kint       func(K) int64
}

func pvI64(v int64) string { return strconv.FormatInt(v, 10) }

var tI64I64 = traits[int64, int64]{"i64", "i64",
	func(i int64) int64 { return i }, func(v int64) int64 { return v },
	pvI64, pvI64, func(k int64) bool { return k >= 1000000 && k < 1001024 },
	func(k int64) int64 { return 1000000 + (k & 1023) }, func(k int64) int64 { return k }}

func strTraits[V any](vtag string, val func(int64) V, pv func(V) string) traits[string, V] {
	return traits[string, V]{"str", vtag, strKey, val,
		func(k string) string { return k }, pv,
		func(k string) bool { return len(k) > 0 && k[0] == 'n' },
		func(k string) string { return "n" + k }, func(k string) int64 { return int64(len(k)) }}
}

func pvRec(v rec) string { return fmt.Sprintf("{%d %s %t}", v.A, strconv.Quote(v.S), v.B) }
func valStr(v int64) string { return "v" + strconv.FormatInt(v, 10) }

var tStrI64 = strTraits[int64]("i64", func(v int64) int64 { return v }, pvI64)
var tStrStr = strTraits[string]("str", valStr, strconv.Quote)
var tStrRec = strTraits[rec]("rec", mkrec, pvRec)
var tI64Rec = traits[int64, rec]{"i64", "rec",
	func(i int64) int64 { return i }, mkrec, pvI64, pvRec,
	func(k int64) bool { return k >= 1000000 && k < 1001024 },
	func(k int64) int64 { return 1000000 + (k & 1023) }, func(k int64) int64 { return k }}
var tU8I32 = traits[uint8, int32]{"u8", "i32",
	func(i int64) uint8 { return uint8(i) }, func(v int64) int32 { return int32(v) },
	func(k uint8) string { return strconv.Itoa(int(k)) },
	func(v int32) string { return strconv.Itoa(int(v)) },
	func(k uint8) bool { return k >= 128 }, func(k uint8) uint8 { return k | 128 },
	func(k uint8) int64 { return int64(k) }}
var tPtI64 = traits[pt, int64]{"pt", "i64",
	func(i int64) pt { return pt{int32(i), int32(i%7 - 3)} },
	func(v int64) int64 { return v },
	func(k pt) string { return fmt.Sprintf("{%d %d}", k.X, k.Y) }, pvI64,
	func(k pt) bool { return k.X >= 1<<20 }, func(k pt) pt { return pt{k.X | 1<<20, k.Y} },
	func(k pt) int64 { return int64(k.X) }}

// Deletes every key one by one (see clear_ in the compiled programs for
// why not the range-delete loop).
func (t traits[K, V]) clear(m map[K]V) {
	var keys []K
	for k := range m {
		keys = append(keys, k)
	}
	for _, k := range keys {
		delete(m, k)
	}
}

func (t traits[K, V]) dumpOrRange(i int64, m map[K]V, op []int64) {
	// range i clr nD d... nU u... predmod predres upd ins
	clr := op[0] != 0
	nd := op[1]
	ds := op[2 : 2+nd]
	nu := op[2+nd]
	us := op[3+nd : 3+nd+nu]
	rest := op[3+nd+nu:]
	predMod, predRes, upd, ins := rest[0], rest[1], rest[2], rest[3]
	h := []string{t.ktag, t.vtag, "m" + strconv.FormatInt(i, 10)}
	if nd > 0 {
		var parts []string
		for _, d := range ds {
			parts = append(parts, t.pk(t.key(d)))
		}
		h = append(h, "D="+strings.Join(parts, "|"))
	}
	if nu > 0 {
		var parts []string
		for _, u := range us {
			parts = append(parts, t.pk(t.key(u)))
		}
		h = append(h, "U="+strings.Join(parts, "|"))
	}
	if ins >= 0 {
		h = append(h, "ins")
	}
	if clr {
		h = append(h, "clr")
	}
	fmt.Fprintf(w, "range %s {\n", strings.Join(h, " "))
	first := true
	var c int64
	for k, v := range m {
		fmt.Fprintf(w, "%s = %s\n", t.pk(k), t.pv(v))
		if clr && first {
			first = false
			t.clear(m)
		}
		if nd > 0 {
			if first {
				first = false
				for _, d := range ds {
					delete(m, t.key(d))
				}
			}
			inD := false
			for _, d := range ds {
				inD = inD || k == t.key(d)
			}
			if inD {
				continue
			}
		}
		if ins >= 0 && t.isNew(k) {
			continue
		}
		if nu > 0 {
			c++
			for _, u := range us {
				if _, ok := m[t.key(u)]; ok {
					m[t.key(u)] = t.val(c)
				}
			}
		}
		if predMod > 0 && t.kint(k)%predMod == predRes {
			delete(m, k)
			continue
		}
		if upd >= 0 {
			m[k] = t.val(upd)
		}
		if ins >= 0 {
			m[t.newKey(k)] = t.val(ins)
		}
	}
	fmt.Fprintf(w, "}\n")
	fmt.Fprintf(w, "len m%d = %d\n", i, len(m))
}

func (t traits[K, V]) run(vars []any, op []int64) {
	i := op[1]
	m, _ := vars[i].(map[K]V)
	pl := func() { fmt.Fprintf(w, "len m%d = %d\n", i, len(m)) }
	switch op[0] {
	case 0: // make
		vars[i] = make(map[K]V, op[2])
	case 1: // nil
		vars[i] = nil
	case 2: // alias
		vars[i] = vars[op[2]]
	case 3: // put
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Fprintf(w, "panic: %v\n", r)
				}
			}()
			m[t.key(op[2])] = t.val(op[3])
			pl()
		}()
	case 4: // get
		fmt.Fprintf(w, "get m%d[%s] = %s\n", i, t.pk(t.key(op[2])), t.pv(m[t.key(op[2])]))
	case 5: // lookup
		v, ok := m[t.key(op[2])]
		fmt.Fprintf(w, "lookup m%d[%s] = %s %t\n", i, t.pk(t.key(op[2])), t.pv(v), ok)
	case 6: // del
		delete(m, t.key(op[2]))
		pl()
	case 7: // len
		pl()
	case 8: // clear
		t.clear(m)
		pl()
	case 9: // bput start step count v
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Fprintf(w, "panic: %v\n", r)
				}
			}()
			for j := int64(0); j < op[4]; j++ {
				m[t.key(op[2]+j*op[3])] = t.val(op[5] + j)
			}
			pl()
		}()
	case 10: // bdel
		for j := int64(0); j < op[4]; j++ {
			delete(m, t.key(op[2]+j*op[3]))
		}
		pl()
	case 11: // dump
		fmt.Fprintf(w, "dump m%d {\n", i)
		for k, v := range m {
			fmt.Fprintf(w, "%s = %s\n", t.pk(k), t.pv(v))
		}
		fmt.Fprintf(w, "}\n")
	case 12: // range
		t.dumpOrRange(i, m, op[2:])
	}
}

type runner interface{ run(vars []any, op []int64) }

var types = []runner{TYPES}

func main() {
	defer w.Flush()
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	var vars []any
	var vtypes []int64
	for in.Scan() {
		f := strings.Fields(in.Text())
		nums := make([]int64, len(f)-1)
		for j := range nums {
			nums[j], _ = strconv.ParseInt(f[j+1], 10, 64)
		}
		switch f[0] {
		case "P":
			fmt.Fprintf(w, "== program %d\n", nums[0])
			vtypes = nums[1:]
			vars = make([]any, len(vtypes))
		case "E":
			fmt.Fprintf(w, "== end\n")
		default:
			op, _ := strconv.Atoi(f[0])
			types[vtypes[nums[0]]].run(vars, append([]int64{int64(op)}, nums...))
		}
	}
}

'''

C_VM_PRELUDE = r'''
static sg_str key_str_(sg_arena *a, long long id) {
  if (id == -1000)
    return SG_STR("");
  if (id == -1001)
    return SG_STR("a-much-longer-key-of-forty-bytes-0123456");
  return kstr(a, "k", (long)id);
}
#define key_i64(a, id) ((void)(a), (int64_t)(id))
#define key_str(a, id) key_str_((a), (id))
#define key_u8(a, id) ((void)(a), (uint8_t)(id))
#define key_pt(a, id) ((void)(a), mkpt((long)(id)))
#define val_i64(a, v) ((void)(a), (int64_t)(v))
#define val_i32(a, v) ((void)(a), (int32_t)(v))
#define val_str(a, v) kstr((a), "v", (long)(v))
#define val_rec(a, v) mkrec((a), (long)(v))
#define isnew_i64(k) ((k) >= 1000000 && (k) < 1001024)
#define isnew_str(k) ((k).len > 0 && (k).ptr[0] == 'n')
#define isnew_u8(k) ((k) >= 128)
#define isnew_pt(k) ((k).x >= 1 << 20)
#define newkey_i64(a, k) ((void)(a), INT64_C(1000000) + ((k) & 1023))
#define newkey_str(a, k) prefixed((a), (k))
#define newkey_u8(a, k) ((void)(a), (uint8_t)((k) | 128))
#define newkey_pt(a, k) ((void)(a), (pt){(k).x | 1 << 20, (k).y})
#define kint_i64(k) ((long long)(k))
#define kint_str(k) ((long long)(k).len)
#define kint_u8(k) ((long long)(k))
#define kint_pt(k) ((long long)(k).x)
#define eq_i64(x, y) ((x) == (y))
#define eq_str(x, y) sg_str_eq((x), (y))
#define eq_u8(x, y) ((x) == (y))
#define eq_pt(x, y) pt_eq((x), (y))
'''

C_VM_TYPE = r'''
static void range_$MAP(sg_arena *a, long i, $MAP m, const long long *op) {
  /* clr nD d... nU u... predmod predres upd ins */
  bool clr = op[0] != 0;
  long long nd = op[1];
  const long long *ds = op + 2;
  long long nu = op[2 + nd];
  const long long *us = op + 3 + nd;
  const long long *rest = op + 3 + nd + nu;
  long long pred_mod = rest[0], pred_res = rest[1], upd = rest[2], ins = rest[3];
  printf("range $KT $VT m%ld", i);
  for (long long j = 0; j < nd; j++) {
    printf(j ? "|" : " D=");
    pk_$KT(key_$KT(a, ds[j]));
  }
  for (long long j = 0; j < nu; j++) {
    printf(j ? "|" : " U=");
    pk_$KT(key_$KT(a, us[j]));
  }
  printf("%s%s {\n", ins >= 0 ? " ins" : "", clr ? " clr" : "");
  bool first = true;
  long c = 0;
  sg_range($MAP, m, it) {
    pe_$MAP(it.key, it.val);
    if (clr && first) {
      first = false;
      $MAP_clear(m);
    }
    if (nd > 0) {
      bool in_d = false;
      if (first) {
        first = false;
        for (long long j = 0; j < nd; j++)
          $MAP_del(m, key_$KT(a, ds[j]));
      }
      for (long long j = 0; j < nd; j++)
        in_d = in_d || eq_$KT(it.key, key_$KT(a, ds[j]));
      if (in_d)
        continue;
    }
    if (ins >= 0 && isnew_$KT(it.key))
      continue;
    if (nu > 0) {
      c++;
      for (long long j = 0; j < nu; j++)
        if ($MAP_lookup(m, key_$KT(a, us[j]), NULL))
          $MAP_put(m, key_$KT(a, us[j]), val_$VT(a, c));
    }
    if (pred_mod > 0 && kint_$KT(it.key) % pred_mod == pred_res) {
      $MAP_del(m, it.key);
      continue;
    }
    if (upd >= 0)
      $MAP_put(m, it.key, val_$VT(a, upd));
    if (ins >= 0)
      $MAP_put(m, newkey_$KT(a, it.key), val_$VT(a, ins));
  }
  puts("}");
  len_$MAP((int)i, m);
}

static void vm_$MAP(sg_arena *a, void **vars, const long long *op) {
  long i = (long)op[1];
  $MAP m = ($MAP)vars[i];
  switch (op[0]) {
  case 0:
    vars[i] = $MAP_make(a, (ptrdiff_t)op[2]);
    break;
  case 1:
    vars[i] = NULL;
    break;
  case 2:
    vars[i] = vars[op[2]];
    break;
  case 3:
    TRY({
      $MAP_put(m, key_$KT(a, op[2]), val_$VT(a, op[3]));
      len_$MAP((int)i, m);
    });
    break;
  case 4:
    get_$MAP((int)i, m, key_$KT(a, op[2]));
    break;
  case 5:
    lookup_$MAP((int)i, m, key_$KT(a, op[2]));
    break;
  case 6:
    $MAP_del(m, key_$KT(a, op[2]));
    len_$MAP((int)i, m);
    break;
  case 7:
    len_$MAP((int)i, m);
    break;
  case 8:
    $MAP_clear(m);
    len_$MAP((int)i, m);
    break;
  case 9:
    TRY({
      bput_$MAP(a, m, (long)op[2], (long)op[3], (long)op[4], (long)op[5]);
      len_$MAP((int)i, m);
    });
    break;
  case 10:
    bdel_$MAP(a, m, (long)op[2], (long)op[3], (long)op[4]);
    len_$MAP((int)i, m);
    break;
  case 11:
    dump_$MAP((int)i, m);
    break;
  case 12:
    range_$MAP(a, i, m, op + 2);
    break;
  }
}
'''

C_VM_MAIN = r'''
typedef void (*vm_fn)(sg_arena *, void **, const long long *);
static const vm_fn vm_types[] = {VMTYPES};

int main(void) {
  static char line[1 << 16];
  long long nums[4096];
  long long vtypes[8];
  void *vars[8];
  sg_arena *a = NULL;
  sg_set_panic_handler(on_panic);
  while (fgets(line, sizeof line, stdin)) {
    char *p = line, *end;
    char tag[8] = {0};
    int t = 0;
    while (*p && *p != ' ' && *p != '\n' && t < 7)
      tag[t++] = *p++;
    int n = 0;
    for (;;) {
      long long v = strtoll(p, &end, 10);
      if (end == p || n == 4096)
        break;
      nums[n++] = v;
      p = end;
    }
    if (strcmp(tag, "P") == 0) {
      a = sg_arena_new();
      printf("== program %lld\n", nums[0]);
      for (int j = 1; j < n && j <= 8; j++) {
        vtypes[j - 1] = nums[j];
        vars[j - 1] = NULL;
      }
    } else if (strcmp(tag, "E") == 0) {
      printf("== end\n");
      fflush(stdout);
      sg_arena_free(a);
      a = NULL;
    } else {
      long long op[4097];
      op[0] = atoll(tag);
      memcpy(op + 1, nums, (size_t)n * sizeof nums[0]);
      vm_types[vtypes[nums[0]]](a, vars, op);
    }
  }
  return 0;
}
'''


OPCODES = {"make": 0, "nil": 1, "alias": 2, "put": 3, "get": 4, "lookup": 5,
           "del": 6, "len": 7, "clear": 8, "bput": 9, "bdel": 10, "dump": 11,
           "range": 12}
GO_TRAITS = {("i64", "i64"): "tI64I64", ("str", "i64"): "tStrI64",
             ("i64", "rec"): "tI64Rec", ("str", "str"): "tStrStr",
             ("u8", "i32"): "tU8I32", ("pt", "i64"): "tPtI64",
             ("str", "rec"): "tStrRec"}


def maps_vm_sources():
    go = GO_VM.replace("TYPES", ", ".join(GO_TRAITS[mt] for mt in MAP_TYPES))
    c = [C_PRELUDE, C_VM_PRELUDE]
    for mt in MAP_TYPES:
        c.append(instantiate(C_TYPE_HELPERS, mt))
        c.append(instantiate(C_VM_TYPE, mt))
    c.append(C_VM_MAIN.replace("VMTYPES", ", ".join(
        "vm_" + map_name(mt) for mt in MAP_TYPES)))
    return go, "".join(c)


def maps_encode(programs):
    """The programs as the interpreters' input."""
    out = []
    for n, p in enumerate(programs):
        out.append("P %d %s\n" % (n, " ".join(
            str(MAP_TYPES.index(mt)) for mt in p["types"])))
        for op in p["ops"]:
            if op[0] == "range":
                s = op[2]
                args = [int(s["clr"]), len(s["D"])] + list(s["D"]) + [
                    len(s["U"])] + list(s["U"]) + [
                    s["pred"][0] if s["pred"] else 0,
                    s["pred"][1] if s["pred"] else 0,
                    -1 if s["upd"] is None else s["upd"],
                    -1 if s["ins"] is None else s["ins"]]
                fields = [op[1]] + args
            else:
                fields = list(op[1:])
            out.append("%d %s\n" % (OPCODES[op[0]],
                                     " ".join(str(f) for f in fields)))
        out.append("E\n")
    return "".join(out)


# Each breaks one behaviour in a copy of the headers, to prove the tester
# notices (testcases/differential/maps.test).
MUTANTS = {
    # delete forgets to count the entry it removed
    "del-keeps-len": ("map.h", "      m->tombstones++;\n    }\n    m->len--;",
                      "      m->tombstones++;\n    }\n    if (m->len > 3)\n"
                      "      m->len--;"),
    # a range over a table that has since grown produces the stale value
    "range-stale-value": ("map.h", "        it->val = now->val;",
                          "        it->val = s->val;"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    args = parser.parse_args()
    return main_loop(MapsKind(), args, MUTANTS)


if __name__ == "__main__":
    sys.exit(main())
