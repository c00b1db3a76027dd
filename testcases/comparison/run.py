#!/usr/bin/env python3
"""Runs every aliasing shape through go vet, staticcheck, clang --analyze,
cppcheck and sliceguard, and prints docs/comparison.md on stdout.

    python3 testcases/comparison/run.py --plugin build/lib/libsliceguard.so \
        > docs/comparison.md

Each shape is written three times: go/<id>.go (Go slices), cpp/<id>.cpp
(std::vector, only where C++ has a faithful counterpart) and c/<id>.c (the
sliceguard runtime).  shapes.txt lists the shapes and whether each is a bug
(a finding is a catch) or a correct idiom (a finding is a false alarm).
Nothing here measures time; every cell is a tool's own output.  Nothing
needs the network: the Go package has no dependencies and runs with
GOPROXY=off.

    python3 testcases/comparison/run.py --plugin ... --check

runs only the sliceguard column and exits non-zero unless every bug shape
is reported and every idiom is quiet (the lit test uses this; it needs no
Go or C++ tools).
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_shapes():
    shapes = []
    with open(os.path.join(HERE, "shapes.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            ident, kind, desc = line.split("|", 2)
            shapes.append((ident, kind, desc))
    return shapes


def run(cmd, cwd=None, env=None, want_rc=False):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return (proc.stdout, proc.returncode) if want_rc else proc.stdout


def tool_version(cmd):
    try:
        out = run(cmd)
    except OSError:
        return "not installed"
    first = out.strip().splitlines()
    return first[0].strip() if first else "?"


def go_findings(go, staticcheck, cache):
    """Runs go vet and staticcheck once over the Go package; returns
    {tool: {shape: [ids]}}."""
    env = dict(os.environ)
    env.setdefault("GOCACHE", cache)
    env["GOFLAGS"] = "-mod=mod"
    env["GOTOOLCHAIN"] = "local"
    env["GOPROXY"] = "off"
    godir = os.path.join(HERE, "go")
    found = {"go vet": {}, "staticcheck": {}}
    # A package that does not compile makes every vet cell "missed": stop.
    out, rc = run([go, "build", "./..."], cwd=godir, env=env, want_rc=True)
    if rc != 0:
        sys.exit("run.py: the Go shapes do not compile:\n" + out)
    pattern = re.compile(r"^\.?/?([\w.-]+)\.go:\d+:\d+: (.*)$")
    for line in run([go, "vet", "./..."], cwd=godir, env=env).splitlines():
        m = pattern.match(line.strip())
        if m:
            found["go vet"].setdefault(m.group(1), []).append("vet")
    if staticcheck:
        out = run([staticcheck, "-checks", "all", "./..."], cwd=godir, env=env)
        for line in out.splitlines():
            m = pattern.match(line.strip())
            if not m:
                continue
            ident = re.search(r"\((\w+)\)\s*$", m.group(2))
            code = ident.group(1) if ident else "staticcheck"
            # Style checks about names and comments say nothing about
            # aliasing; keep only the correctness families.
            if code.startswith(("ST", "U1000")):
                continue
            found["staticcheck"].setdefault(m.group(1), []).append(code)
    return found


def clang_analyze(clangxx, path):
    out, rc = run([clangxx, "--analyze", "-std=c++17", "-o", os.devnull,
                   path], want_rc=True)
    if rc != 0 or re.search(r"\berror:", out):
        sys.exit("run.py: clang --analyze could not compile %s:\n%s"
                 % (path, out))
    return re.findall(r"warning: .*\[([\w.-]+)\]", out)


def cppcheck(exe, path):
    # Only warning/error severities: style findings such as
    # unusedStructMember say nothing about the hazard.
    out = run([exe, "--quiet", "--enable=warning,style,performance",
               "--template={severity}:{id}", path])
    ids = []
    for line in out.splitlines():
        sev, _, ident = line.partition(":")
        if sev in ("error", "warning"):
            ids.append(ident)
    return ids


def sliceguard(clang, plugin, path):
    out = run([clang, "-fsyntax-only", "-std=c11",
               "-I" + os.path.join(ROOT, "runtime-headers"),
               "-fplugin=" + plugin, path])
    if re.search(r"\berror:", out):
        # A compile that fails proves nothing about the check: stop.
        sys.exit("run.py: sliceguard could not compile %s:\n%s" % (path, out))
    return re.findall(r"warning: .*\[sliceguard-([\w-]+)\]", out)


def cell(kind, ids, applicable=True):
    if not applicable:
        return "n/a"
    ids = sorted(set(ids))
    names = ", ".join("`%s`" % i for i in ids)
    if kind == "bug":
        return "**caught** (%s)" % names if ids else "missed"
    return "false alarm (%s)" % names if ids else "quiet"


def check_sliceguard(shapes, clang, plugin):
    """--check: sliceguard must report every bug shape (with a check of its
    own family) and stay quiet on every idiom."""
    family = {"sao": "subslice-append-overwrite", "aa": "append-alias",
              "raa": "ref-across-append", "aisl": "append-in-slice-loop"}
    bad = 0
    for ident, kind, _ in shapes:
        ids = sliceguard(clang, plugin, os.path.join(HERE, "c", ident + ".c"))
        if kind == "bug":
            want = family.get(ident.split("-", 1)[0])
            ok = bool(ids) and (want is None or want in ids)
        else:
            ok = not ids
        print("%s: %s %s -> %s" % ("ok" if ok else "FAIL", kind, ident,
                                   ", ".join(ids) or "quiet"))
        bad += not ok
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plugin", default=os.path.join(
        ROOT, "build", "lib", "libsliceguard.so"))
    ap.add_argument("--clang", default=shutil.which("clang-19") or "clang")
    ap.add_argument("--clangxx",
                    default=shutil.which("clang++-19") or "clang++")
    ap.add_argument("--check", action="store_true",
                    help="only verify the sliceguard column, exit 1 on a "
                    "miss or a false alarm")
    args = ap.parse_args()
    # lit hands over its %sg_plugin substitution, "-fplugin=PATH".
    if args.plugin.startswith("-fplugin="):
        args.plugin = args.plugin[len("-fplugin="):]
    if not os.path.exists(args.plugin):
        sys.exit("run.py: no plugin at %s (pass --plugin)" % args.plugin)
    shapes = load_shapes()
    if args.check:
        return check_sliceguard(shapes, args.clang, args.plugin)

    go = shutil.which("go")
    staticcheck = shutil.which("staticcheck") or shutil.which("go-staticcheck")
    cppcheck_exe = shutil.which("cppcheck")
    have_clangxx = shutil.which(args.clangxx) is not None
    with tempfile.TemporaryDirectory(prefix="sg-gocache-") as cache:
        found = (go_findings(go, staticcheck, cache) if go
                 else {"go vet": {}, "staticcheck": {}})
    tools = ["go vet", "staticcheck", "clang --analyze (C++)",
             "cppcheck (C++)", "sliceguard (C)"]
    score = {t: [0, 0, 0, 0] for t in tools}  # caught, bugs, quiet, idioms

    rows = []
    for ident, kind, desc in shapes:
        cpp = os.path.join(HERE, "cpp", ident + ".cpp")
        has_cpp = os.path.exists(cpp)
        results = {
            "go vet": (found["go vet"].get(ident, []), go is not None),
            "staticcheck": (found["staticcheck"].get(ident, []),
                            go is not None and staticcheck is not None),
            "clang --analyze (C++)": (
                clang_analyze(args.clangxx, cpp)
                if has_cpp and have_clangxx else [],
                has_cpp and have_clangxx),
            "cppcheck (C++)": (cppcheck(cppcheck_exe, cpp)
                               if has_cpp and cppcheck_exe else [],
                               has_cpp and cppcheck_exe is not None),
            "sliceguard (C)": (sliceguard(args.clang, args.plugin,
                                          os.path.join(HERE, "c",
                                                       ident + ".c")), True),
        }
        cells = []
        for t in tools:
            ids, applicable = results[t]
            cells.append(cell(kind, ids, applicable))
            if not applicable:
                continue
            if kind == "bug":
                score[t][1] += 1
                score[t][0] += bool(ids)
            else:
                score[t][3] += 1
                score[t][2] += not ids
        rows.append((ident, desc, kind, cells))

    command = " ".join(["python3", "testcases/comparison/run.py"] +
                       [shlex.quote(a) for a in sys.argv[1:]])
    print("# sliceguard next to Go and C++ tools")
    print()
    print("Generated from the repository root with")
    print()
    print("```sh")
    print("%s > docs/comparison.md" % command)
    print("```")
    print()
    print("(any build directory's `lib/libsliceguard.so` will do); do not "
          "edit the tables by hand.  Each shape is written in Go "
          "(`testcases/comparison/go/`), in C++ with `std::vector` where C++ "
          "has a faithful counterpart (`cpp/`) and in C against the "
          "sliceguard runtime (`c/`); `shapes.txt` lists them.  Rows marked "
          "*bug* should be reported; rows marked *quiet* are correct "
          "idioms, where any finding is a false alarm.  Nothing needs the "
          "network (`GOPROXY=off`, no Go dependencies).")
    print()
    print("Tools: %s; %s; %s; %s; sliceguard with %s." % (
        tool_version([go, "version"]) if go else "go not installed",
        "staticcheck " + (tool_version([staticcheck, "-version"])
                          if staticcheck else "not installed"),
        tool_version([args.clangxx, "--version"]) if have_clangxx
        else "clang++ not installed",
        tool_version([cppcheck_exe, "--version"]) if cppcheck_exe
        else "cppcheck not installed",
        tool_version([args.clang, "--version"])))
    print()
    print("`n/a`: no `cpp/` file.  `std::vector` copies its array on "
          "assignment, so the shared-backing-array shapes (`sao-*`, `aa-*`) "
          "and the idioms built on them cannot be written with it; the "
          "stale-pointer shapes (`raa-*`, `aisl-*`) can, and are undefined "
          "behaviour there.  staticcheck runs with "
          "`-checks all` minus the style (`ST*`) and unused (`U1000`) "
          "families; cppcheck counts `warning` and `error` findings; "
          "clang --analyze runs its default checkers.  A cell names the "
          "check ids that fired.")
    print()
    print("| shape | what | kind | " + " | ".join(tools) + " |")
    print("|---|---|---|" + "---|" * len(tools))
    for ident, desc, kind, cells in rows:
        print("| `%s` | %s | %s | %s |" % (ident, desc, kind,
                                          " | ".join(cells)))
    print()
    print("| tool | bugs caught | idioms kept quiet |")
    print("|---|---|---|")
    for t in tools:
        c, b, q, i = score[t]
        print("| %s | %d / %d | %d / %d |" % (t, c, b, q, i))
    return 0


if __name__ == "__main__":
    sys.exit(main())
