"""oracle_common - what the differential testers share: building a batch of
programs once in Go and once in C, running both, comparing their output
program by program, and shrinking a mismatch.

A batch is one Go file and one C file holding many programs, one function
each; main runs them in order and each program starts its output with a
header line "=== <id>", flushed before the program runs, so a crash leaves
the crashing program's header and loses no earlier output.  A batch therefore costs one `go build` and one
clang compile however many programs it holds.  The Go build and the C
build run side by side (two processes), everything else is sequential.

Only the Python 3 standard library is used.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

HEADER = "=== "

# The C side is built like the runtime tests: ASan and UBSan, no recovery.
SANITIZE = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer"]


class BuildError(Exception):
    """A batch did not compile: a bug in the emitter, never a mismatch."""


class Toolchains:
    """The Go toolchain and the C compiler, with every path and variable
    they need kept under one work directory (GOCACHE, GOPATH, HOME), so the
    testers work when HOME is unset or read-only."""

    def __init__(self, workdir, go="go", clang="clang", include=None,
                 cflags=None, gocache=None, timeout=900):
        self.workdir = os.path.abspath(workdir)
        os.makedirs(self.workdir, exist_ok=True)
        self.go = go
        self.clang = clang
        self.include = os.path.abspath(include) if include else None
        self.cflags = list(cflags) if cflags is not None else (
            ["-std=c11", "-O0", "-g0", "-w"] + SANITIZE)
        self.timeout = timeout
        gocache = gocache or os.path.join(self.workdir, "gocache")
        env = dict(os.environ)
        env.update({
            "GOCACHE": os.path.abspath(gocache),
            "GOPATH": os.path.join(self.workdir, "gopath"),
            "GOFLAGS": "",
            "GO111MODULE": "off",  # one file, no module, nothing to fetch
            "CGO_ENABLED": "0",
            "GOTOOLCHAIN": "local",
        })
        if not env.get("HOME"):
            env["HOME"] = self.workdir
        self.go_env = env
        run_env = dict(os.environ)
        # A panic must not spend time asking a symbolizer for its location.
        run_env["SLICEGUARD_SYMBOLIZER"] = "off"
        run_env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        run_env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
        self.run_env = run_env

    def check(self):
        """Exits with a clear message when a tool is missing."""
        for tool in (self.go, self.clang):
            if not shutil.which(tool):
                sys.exit("oracle: cannot run %r (not found)" % tool)
        if self.include and not os.path.isdir(
                os.path.join(self.include, "sliceguard")):
            sys.exit("oracle: %s holds no sliceguard/ headers" % self.include)

    # -- building -----------------------------------------------------------
    def _go_cmd(self, src, exe):
        return [self.go, "build", "-o", exe, src]

    def _c_cmd(self, src, exe, extra):
        inc = ["-I" + self.include] if self.include else []
        return [self.clang] + self.cflags + inc + list(extra) + [src, "-o", exe]

    def build(self, name, go_source, c_source, c_extra=()):
        """Writes <name>.go and <name>.c and builds both at once.  Returns
        the two executables; raises BuildError with the compiler's output."""
        base = os.path.join(self.workdir, name)
        go_src, c_src = base + ".go", base + ".c"
        go_exe, c_exe = base + ".go.bin", base + ".c.bin"
        with open(go_src, "w") as f:
            f.write(go_source)
        with open(c_src, "w") as f:
            f.write(c_source)
        jobs = [("go build", self._go_cmd(go_src, go_exe), self.go_env),
                ("clang", self._c_cmd(c_src, c_exe, c_extra), None)]
        procs = [(what, cmd, subprocess.Popen(
            cmd, env=env, cwd=self.workdir, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, universal_newlines=True))
            for what, cmd, env in jobs]
        errors = []
        for what, cmd, proc in procs:
            try:
                out, _ = proc.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                errors.append("%s timed out after %ds" % (what, self.timeout))
                continue
            if proc.returncode != 0:
                errors.append("%s failed (%s):\n%s" % (
                    what, " ".join(cmd), out[-4000:]))
        if errors:
            raise BuildError("\n".join(errors))
        return go_exe, c_exe

    # -- running ------------------------------------------------------------
    def run(self, exe, stdin=None):
        """Runs exe (with the file stdin as its input, if given); returns
        (exit status, stdout, stderr).  A hang is killed after the timeout
        and reported as status None."""
        try:
            with open(stdin or os.devnull) as feed:
                proc = subprocess.run([exe], env=self.run_env,
                                      cwd=self.workdir, stdin=feed,
                                      stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE,
                                      universal_newlines=True,
                                      timeout=self.timeout)
        except subprocess.TimeoutExpired as e:
            return None, _text(e.stdout), _text(e.stderr) + "\n(timed out)"
        return proc.returncode, proc.stdout, proc.stderr

    def run_batch(self, name, go_source, c_source, c_extra=()):
        """Builds and runs one batch: a BatchResult."""
        go_exe, c_exe = self.build(name, go_source, c_source, c_extra)
        return BatchResult(self.run(go_exe), self.run(c_exe))

    def discard(self, name):
        """Deletes a batch's sources and binaries (a long run would
        otherwise fill the disk with batches that matched)."""
        base = os.path.join(self.workdir, name)
        for suffix in (".go", ".c", ".go.bin", ".c.bin"):
            try:
                os.remove(base + suffix)
            except OSError:
                pass


def _text(data):
    if data is None:
        return ""
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return data


def sections(stdout):
    """Splits a batch's output into {program id: [lines]} at HEADER lines."""
    out, current = {}, None
    for line in stdout.splitlines():
        if line.startswith(HEADER):
            current = line[len(HEADER):]
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return out


class BatchResult:
    """The Go and C runs of one batch, compared program by program."""

    def __init__(self, go_run, c_run):
        self.go_status, self.go_out, self.go_err = go_run
        self.c_status, self.c_out, self.c_err = c_run
        self.go = sections(self.go_out)
        self.c = sections(self.c_out)

    def mismatches(self, ids):
        """{id: description} for every program both sides started whose
        output differs (a program that crashed one side has its header,
        flushed before it ran, and a truncated output)."""
        found = {}
        for pid in ids:
            if pid in self.go and pid in self.c:
                diff = first_difference(self.go[pid], self.c[pid])
                if diff:
                    found[pid] = diff
        return found

    def not_run(self, ids):
        """The programs one side never started, because an earlier one
        crashed it: they are neither passed nor failed, run them again."""
        return [pid for pid in ids if pid not in self.go or pid not in self.c]

    def failure_note(self):
        """Exit statuses and the tail of stderr, for a report."""
        notes = []
        for side, status, err in (("go", self.go_status, self.go_err),
                                  ("c", self.c_status, self.c_err)):
            if status != 0 or err.strip():
                # The head of a sanitizer report says what and where.
                notes.append("%s exited %s; stderr:\n%s" % (
                    side, status, err.strip()[:2000]))
        return "\n".join(notes)


def first_difference(go_lines, c_lines):
    """None when both are the same; else a one-line description of the
    first line that differs."""
    if go_lines == c_lines:
        return None
    for i, (g, c) in enumerate(zip(go_lines, c_lines)):
        if g != c:
            return "line %d: go %r, c %r" % (i + 1, g, c)
    shorter = "C" if len(c_lines) < len(go_lines) else "Go"
    n = min(len(go_lines), len(c_lines))
    extra = (go_lines if shorter == "C" else c_lines)[n]
    return "line %d: %s output ends, the other prints %r" % (
        n + 1, shorter, extra)


def ddmin(items, still_fails_all):
    """Zeller's delta debugging, one batch per round: the smallest sublist
    of items (order kept) found while still_fails_all keeps answering True.
    still_fails_all takes a list of candidate sublists and returns a list of
    booleans (True: the mismatch persists), so a caller can build and run
    all candidates of a round as one batch."""
    items = list(items)
    n = 2
    while len(items) >= 2:
        size = len(items) // n
        chunks = [items[i * size:(i + 1) * size] for i in range(n - 1)]
        chunks.append(items[(n - 1) * size:])
        complements = [[x for j, c in enumerate(chunks) if j != i for x in c]
                       for i in range(n)]
        candidates = chunks + (complements if n > 2 else [])
        verdicts = still_fails_all(candidates)
        hit = next((i for i, v in enumerate(verdicts) if v), None)
        if hit is None:
            if n >= len(items):
                break
            n = min(len(items), 2 * n)
        elif hit < len(chunks):
            items, n = candidates[hit], 2
        else:
            items, n = candidates[hit], max(n - 1, 2)
    if len(items) == 1 and still_fails_all([[]])[0]:
        return []
    return items


def common_arguments(description):
    """The options every tester takes."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--seed", type=int, default=1, help="first seed")
    p.add_argument("--count", type=int, default=300,
                   help="number of programs (default 300)")
    p.add_argument("--batch", type=int, default=400,
                   help="programs per Go/C batch (default 400)")
    p.add_argument("--workdir", required=True,
                   help="scratch directory (sources, binaries, GOCACHE)")
    p.add_argument("--gocache", help="GOCACHE (default <workdir>/gocache)")
    p.add_argument("--go", default="go", help="the Go toolchain")
    p.add_argument("--clang", default="clang", help="the C compiler")
    p.add_argument("--include", required=True,
                   help="directory holding sliceguard/*.h")
    p.add_argument("--no-shrink", action="store_true",
                   help="report mismatches without shrinking them")
    p.add_argument("--max-reports", type=int, default=3,
                   help="mismatches to shrink and print (default 3)")
    p.add_argument("--timeout", type=int, default=900,
                   help="seconds allowed for one build or run")
    return p


def toolchains_from(args):
    tc = Toolchains(args.workdir, go=args.go, clang=args.clang,
                    include=args.include, gocache=args.gocache,
                    timeout=args.timeout)
    tc.check()
    return tc


class Clock:
    """Wall time since creation, for the summary line."""

    def __init__(self):
        self.start = time.time()

    def seconds(self):
        return time.time() - self.start
