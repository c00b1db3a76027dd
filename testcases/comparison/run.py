#!/usr/bin/env python3
"""Runs every aliasing shape through go vet, staticcheck, clang --analyze,
cppcheck and sliceguard, and prints docs/comparison.md on stdout.

    python3 testcases/comparison/run.py --plugin build/lib/libsliceguard.so \
        > docs/comparison.md

Each shape is written three times: go/<id>.go (Go slices), cpp/<id>.cpp
(std::vector, only where C++ has a faithful counterpart) and c/<id>.c (the
sliceguard runtime).  shapes.txt lists the shapes and whether each is a bug
(a finding is a catch) or a correct idiom (a finding is a false alarm).
Nothing here measures time; every cell is a tool's own output.
"""
import argparse
import os
import re
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


def run(cmd, cwd=None, env=None):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return proc.stdout


def tool_version(cmd):
    try:
        out = run(cmd)
    except OSError:
        return "not installed"
    first = out.strip().splitlines()
    return first[0].strip() if first else "?"


def go_findings(shapes, staticcheck):
    """Runs go vet and staticcheck once over the Go package; returns
    {tool: {shape: [ids]}}."""
    env = dict(os.environ)
    env.setdefault("GOCACHE", tempfile.mkdtemp(prefix="sg-gocache-"))
    env["GOFLAGS"] = "-mod=mod"
    env["GOTOOLCHAIN"] = "local"
    env["GOPROXY"] = "off"
    godir = os.path.join(HERE, "go")
    found = {"go vet": {}, "staticcheck": {}}
    pattern = re.compile(r"^\.?/?([\w.-]+)\.go:\d+:\d+: (.*)$")
    for line in run(["go", "vet", "./..."], cwd=godir, env=env).splitlines():
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
    out = run([clangxx, "--analyze", "-std=c++17", "-o", os.devnull, path])
    return re.findall(r"warning: .*\[([\w.-]+)\]", out)


def cppcheck(path):
    # Only warning/error severities: style findings such as
    # unusedStructMember say nothing about the hazard.
    out = run(["cppcheck", "--quiet", "--enable=warning,style,performance",
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plugin", default=os.path.join(
        ROOT, "build", "lib", "libsliceguard.so"))
    ap.add_argument("--clang", default=shutil.which("clang-19") or "clang")
    ap.add_argument("--clangxx",
                    default=shutil.which("clang++-19") or "clang++")
    args = ap.parse_args()
    if not os.path.exists(args.plugin):
        sys.exit("run.py: no plugin at %s (pass --plugin)" % args.plugin)

    staticcheck = shutil.which("staticcheck") or shutil.which("go-staticcheck")
    shapes = load_shapes()
    go = go_findings(shapes, staticcheck)
    tools = ["go vet", "staticcheck", "clang --analyze (C++)",
             "cppcheck (C++)", "sliceguard (C)"]
    score = {t: [0, 0, 0, 0] for t in tools}  # caught, bugs, quiet, idioms

    rows = []
    for ident, kind, desc in shapes:
        cpp = os.path.join(HERE, "cpp", ident + ".cpp")
        has_cpp = os.path.exists(cpp)
        results = {
            "go vet": (go["go vet"].get(ident, []), True),
            "staticcheck": (go["staticcheck"].get(ident, []),
                            staticcheck is not None),
            "clang --analyze (C++)": (
                clang_analyze(args.clangxx, cpp) if has_cpp else [], has_cpp),
            "cppcheck (C++)": (cppcheck(cpp) if has_cpp else [], has_cpp),
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
        rows.append("| `%s` | %s | %s |" % (ident, desc, " | ".join(cells)))

    print("# sliceguard next to Go and C++ tools")
    print()
    print("Generated by `python3 testcases/comparison/run.py --plugin "
          "<build>/lib/libsliceguard.so > docs/comparison.md`; do not edit "
          "by hand.  Each shape is written in Go (`testcases/comparison/go/`),"
          " in C++ with `std::vector` where C++ has a faithful counterpart "
          "(`cpp/`) and in C against the sliceguard runtime (`c/`).  Rows "
          "marked *bug* should be reported; rows marked *quiet* are correct "
          "idioms, where any finding is a false alarm.")
    print()
    print("Tools: %s; %s; %s; %s; sliceguard with %s." % (
        tool_version(["go", "version"]),
        "staticcheck " + (tool_version([staticcheck, "-version"])
                          if staticcheck else "not installed"),
        tool_version([args.clangxx, "--version"]),
        tool_version(["cppcheck", "--version"]),
        tool_version([args.clang, "--version"])))
    print()
    print("`n/a`: `std::vector` copies its array on assignment, so the "
          "shared-backing-array shapes (`sao-*`, `aa-*`) cannot be written "
          "with it; the stale-pointer shapes (`raa-*`, `aisl-*`) can, and "
          "are undefined behaviour there.  staticcheck runs with "
          "`-checks all` minus the style (`ST*`) and unused (`U1000`) "
          "families; cppcheck counts `warning` and `error` findings.")
    print()
    print("| shape | what | kind | " + " | ".join(tools) + " |")
    print("|---|---|---|" + "---|" * len(tools))
    for (ident, kind, desc), row in zip(shapes, rows):
        head, rest = row.split(" | ", 1)
        what, cells = rest.split(" | ", 1)
        print("%s | %s | %s | %s" % (head, what, kind, cells))
    print()
    print("| tool | bugs caught | idioms kept quiet |")
    print("|---|---|---|")
    for t in tools:
        c, b, q, i = score[t]
        print("| %s | %d / %d | %d / %d |" % (t, c, b, q, i))


if __name__ == "__main__":
    main()
