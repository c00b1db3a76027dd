"""The moved-helpers consistency test.

move_helpers.py SG_CHECK SRC_ROOT WORK_DIR

For every check's test program (testcases/checks/*/*.c, bugs and quiet
alike) that has same-file helpers (top-level `static` function
definitions), moves each helper into a second translation unit
mechanically:

  main.c     the program, each helper's definition replaced by its
             prototype (blank lines keep every line where it was);
  helpers.c  the program again, every function that is not a helper
             replaced by its prototype, the helpers made external.

Both run through sliceguard-check (-p over a generated database) and so
does the original file on its own.  The warnings (file line, check,
message) of the original must equal those of main.c plus helpers.c, which
keep the original's line numbers.  Notes may differ: a helper in another
file gets a note pointing there.  Prints one line per difference and a
summary; exits 1 if anything differs.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

SG_CHECK, SRC_ROOT, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
CHECKS = os.path.join(SRC_ROOT, "testcases", "checks")
RUNTIME = os.path.join(SRC_ROOT, "runtime-headers")
WARNING = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):\d+: "
                     r"(?:warning|error): (?P<msg>.*) \[sliceguard-(?P<check>[a-z-]+)\]$")
SIGNATURE_START = re.compile(r"^(static\s+)?[A-Za-z_][\w\s\*]*\b[A-Za-z_]\w*\s*\(")


# Findings that need more than a function summary, each with why.  The test
# counts them, so one that starts to work (or a new one) shows.
KNOWN_GAPS = {
    # The arena parameters a helper resets are the check's own same-file
    # walk (UseAfterArenaReset.cpp), not yet a summary field.
    ("use-after-arena-reset_bugs", 113, "use-after-arena-reset"),
    ("use-after-arena-reset_bugs", 123, "use-after-arena-reset"),
    # A finding inside the helper that needs the field assignments of the
    # helper's callers (`p->top = ...` in r5): a per-file scan, not a
    # summary of the helper.
    ("ref-across-append_variants", 43, "ref-across-append"),
    # Helpers that keep their argument (KeepsParam) or hand out a container
    # of uncapped views (SharedViewSite, ElementAppends) are same-file
    # summary facts that Summary.h does not store yet.
    ("subslice-append-overwrite_kept-by-callee", 32,
     "subslice-append-overwrite"),
    ("subslice-append-overwrite_shared-views", 39, "subslice-append-overwrite"),
    ("subslice-append-overwrite_shared-views", 47, "subslice-append-overwrite"),
    ("subslice-append-overwrite_shared-views", 73, "subslice-append-overwrite"),
    ("subslice-append-overwrite_shared-views", 80, "subslice-append-overwrite"),
}


def top_level_functions(lines):
    """(first line, body-open line, last line, is_static) of each top-level
    function definition: a line at column 0 that starts a signature, whose
    `{` opens a body that closes at a `}` in column 0."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not SIGNATURE_START.match(line) or line.startswith(("typedef", "#")) \
                or "=" in line.split("(")[0]:
            i += 1
            continue
        # The signature runs until a line holding `{` (a body) or `;`.
        j = i
        while j < len(lines) and "{" not in lines[j] and ";" not in lines[j]:
            j += 1
        if j >= len(lines) or "{" not in lines[j] or \
                (";" in lines[j] and lines[j].index(";") < lines[j].index("{")):
            i += 1
            continue
        k = j
        depth = 0
        while k < len(lines):
            code = re.sub(r"//.*", "", lines[k])
            depth += code.count("{") - code.count("}")
            if depth <= 0 and k >= j:
                break
            k += 1
        if k >= len(lines):
            break
        out.append((i, j, k, line.startswith("static")))
        i = k + 1
    return out


def prototype(lines, fn, drop_static):
    first, brace, last, _ = fn
    sig = " ".join(l.strip() for l in lines[first:brace + 1])
    sig = sig[:sig.index("{")].strip()
    sig = re.sub(r"//.*?$", "", sig)
    if drop_static:
        sig = re.sub(r"^static\s+(inline\s+)?", "", sig)
    return [sig + ";"] + [""] * (last - first)


def rewrite(lines, fns, keep):
    """Lines with every function not kept replaced by its prototype, the
    kept ones' `static` removed (they are called from the other TU)."""
    out = list(lines)
    for fn in fns:
        first, brace, last, is_static = fn
        if keep(fn):
            if is_static:
                out[first] = re.sub(r"^static\s+(inline\s+)?", "", out[first])
        else:
            out[first:last + 1] = prototype(lines, fn, drop_static=True)
    return out


def flags_of(path):
    """The extra flags of the test's %sg_verify RUN line."""
    with open(path) as f:
        for line in f:
            m = re.match(r"//\s*RUN:\s*%sg_verify\s+%s(.*)$", line)
            if m:
                return (["-I" + os.path.dirname(path)] +
                        m.group(1).replace("%S", os.path.dirname(path)).split())
    return None


def findings(directory, files, flags):
    db = [{"directory": directory, "file": f,
           "arguments": ["clang", "-fsyntax-only", "-I" + RUNTIME] + flags + [f]}
          for f in files]
    with open(os.path.join(directory, "compile_commands.json"), "w") as out:
        json.dump(db, out)
    run = subprocess.run([SG_CHECK, "-q", "-j", "1", "-p", directory],
                         cwd=directory, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        return None, run.stderr
    found = set()
    for line in run.stdout.splitlines():
        m = WARNING.match(line)
        if m:
            found.add((int(m.group("line")), m.group("check"), m.group("msg")))
    return found, ""


def one_test(path):
    flags = flags_of(path)
    if flags is None:
        return None
    with open(path) as f:
        lines = f.read().split("\n")
    fns = top_level_functions(lines)
    helpers = [fn for fn in fns if fn[3]]
    if not helpers:
        return None
    name = os.path.relpath(path, CHECKS).replace("/", "_")[:-2]
    base = os.path.join(WORK, name)
    one, two = os.path.join(base, "one"), os.path.join(base, "two")
    for d in (one, two):
        os.makedirs(d)
    shutil.copy(path, os.path.join(one, "original.c"))
    with open(os.path.join(two, "main.c"), "w") as f:
        f.write("\n".join(rewrite(lines, fns, keep=lambda fn: not fn[3])))
    with open(os.path.join(two, "helpers.c"), "w") as f:
        f.write("\n".join(rewrite(lines, fns, keep=lambda fn: fn[3])))
    before, err1 = findings(one, ["original.c"], flags)
    after, err2 = findings(two, ["main.c", "helpers.c"], flags)
    return name, len(helpers), before, after, err1 + err2


def main():
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    tests = sorted(os.path.join(d, f) for d, _, fs in os.walk(CHECKS)
                   for f in fs if f.endswith(".c") and "Inputs" not in d)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [r for r in pool.map(one_test, tests) if r]
    differences = moved = compared = known = 0
    for name, count, before, after, err in results:
        moved += count
        if before is None or after is None:
            print("%s: sliceguard-check failed: %s" % (name, err.strip()))
            differences += 1
            continue
        compared += len(before)
        for line, check, msg in sorted(before - after):
            if (name, line, check) in KNOWN_GAPS:
                print("%s:%d: known gap: [%s] %s" % (name, line, check, msg))
                known += 1
                continue
            print("%s:%d: lost when the helpers moved: [%s] %s" % (name, line, check, msg))
            differences += 1
        for line, check, msg in sorted(after - before):
            print("%s:%d: new when the helpers moved: [%s] %s" % (name, line, check, msg))
            differences += 1
    print("moved %d helpers out of %d test programs; %d findings compared; "
          "%d known gaps; %d differences" % (moved, len(results), compared,
                                             known, differences))
    sys.exit(1 if differences else 0)


main()
