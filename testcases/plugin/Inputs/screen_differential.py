#!/usr/bin/env python3
"""The cheap screen (plugin/HazardScreen.cpp) must never hide a finding.

Compiles every given C file twice with the plugin: as users run it, and
with -fplugin-arg-sliceguard-analyze-all, which runs the flow analysis on
every function that uses the runtime.  Any difference in the diagnostics
is a function the screen wrongly judged harmless (or, the other way, a
finding that depends on the screen, which is as wrong).

  screen_differential.py --clang CLANG --flag=-fplugin=LIB --flag=-IDIR FILE...

Prints one line per difference and a summary; exits 1 on any difference.
"""
import argparse
import subprocess
import sys


def diagnostics(clang, flags, path):
    proc = subprocess.run(
        [clang, "-fsyntax-only", "-fno-color-diagnostics", *flags, path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    lines = [l for l in proc.stderr.splitlines()
             if ": warning: " in l or ": error: " in l or ": note: " in l]
    return proc.returncode, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang", required=True)
    parser.add_argument("--flag", dest="flags", action="append", default=[],
                        help="a compiler flag for both runs (the plugin, -I)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    base = args.flags
    differences = findings = 0
    for path in args.files:
        screened = diagnostics(args.clang, base, path)
        everything = diagnostics(
            args.clang, base + ["-fplugin-arg-sliceguard-analyze-all"], path)
        findings += sum("[sliceguard-" in l for l in screened[1])
        if screened == everything:
            continue
        differences += 1
        print("DIFFERENCE in %s (exit %d screened, %d analyze-all)"
              % (path, screened[0], everything[0]))
        for line in sorted(set(screened[1]) ^ set(everything[1])):
            side = "screened only" if line in screened[1] else "analyze-all only"
            print("  %s: %s" % (side, line))
    print("screen-differential: %d files, %d sliceguard findings, %d differences"
          % (len(args.files), findings, differences))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
