#!/usr/bin/env python3
"""Two builds of the plugin must report the same findings.

For work on the analysis' speed: compiles every given C file with the
plugin library A and with B (both as users run it and with analyze-all,
which runs the flow on every function that uses the runtime) and compares
the diagnostics line by line.  Prints one line per file that differs and a
summary; exits 1 on any difference.

  plugin_differential.py --clang clang-19 --a old.so --b new.so \\
      --flag=-Iruntime-headers FILE...

Run it over the test programs and generated inputs (see
docs/performance.md, "Long functions").
"""
import argparse
import concurrent.futures
import subprocess
import sys

KINDS = (": warning: ", ": error: ", ": note: ", ": remark: ")


def diagnostics(clang, flags, lib, extra, path):
    proc = subprocess.run(
        [clang, "-fsyntax-only", "-fno-color-diagnostics", *flags,
         "-fplugin=" + lib, *extra, path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    lines = [l for l in proc.stderr.splitlines() if any(k in l for k in KINDS)]
    return proc.returncode, lines


def compare(args, path):
    out = []
    findings = 0
    for extra in ([], ["-fplugin-arg-sliceguard-analyze-all"]):
        a = diagnostics(args.clang, args.flags, args.a, extra, path)
        b = diagnostics(args.clang, args.flags, args.b, extra, path)
        findings += sum("[sliceguard-" in l for l in a[1])
        if a != b:
            mode = " ".join(extra) or "default"
            only_a = [l for l in a[1] if l not in b[1]]
            only_b = [l for l in b[1] if l not in a[1]]
            out.append("DIFFERENCE %s (%s): exit %d vs %d" %
                       (path, mode, a[0], b[0]))
            out += ["  only A: " + l for l in only_a[:5]]
            out += ["  only B: " + l for l in only_b[:5]]
    return out, findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang", required=True)
    parser.add_argument("--a", required=True, help="the reference plugin")
    parser.add_argument("--b", required=True, help="the plugin under test")
    parser.add_argument("--flag", dest="flags", action="append", default=[],
                        help="a compiler flag for every run (-I...)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    differing = findings = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for lines, n in pool.map(lambda p: compare(args, p), args.files):
            findings += n
            if lines:
                differing += 1
                print("\n".join(lines))
    print("plugin-differential: %d files, %d sliceguard findings (default "
          "and analyze-all), %d files differ" %
          (len(args.files), findings, differing))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
