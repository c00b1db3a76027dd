#!/usr/bin/env python3
"""Compares the plugin's count of flow-query steps on two input sizes.

  check_growth.py --max-ratio R SMALL.txt LARGE.txt

Each file holds the stderr of a compile with -fplugin-arg-sliceguard-stats
("flow queries took N steps").  Prints the two counts and their ratio, and
exits 1 if the ratio exceeds R: the count is the plugin's own measure of
its work, so this catches superlinear growth without timing anything.
"""
import argparse
import re
import sys


def steps(path):
    with open(path) as f:
        m = re.search(r"flow queries took (\d+) steps", f.read())
    if not m:
        sys.exit("%s: no step count (was -fplugin-arg-sliceguard-stats given?)"
                 % path)
    return int(m.group(1))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--max-ratio", type=float, required=True)
    p.add_argument("small")
    p.add_argument("large")
    args = p.parse_args()
    a, b = steps(args.small), steps(args.large)
    if a == 0:
        sys.exit("no work counted on the small input")
    ratio = b / a
    verdict = "ok" if ratio <= args.max_ratio else "TOO MUCH"
    print("growth: %d -> %d steps, %.2fx (at most %.2fx): %s" %
          (a, b, ratio, args.max_ratio, verdict))
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
