#!/usr/bin/env python3
"""Decides whether one compiler run with the plugin went wrong.

Used by the sweep and, as a command, by the lit tests in this directory:

    crashcheck.py --runtime-include DIR -- clang -fsyntax-only -fplugin=... x.c

runs the command and exits 1, printing why, when
  * clang died from a signal, or printed its crash banner ("PLEASE submit a
    bug report", "Stack dump:", "LLVM ERROR", an assertion);
  * a sanitizer reported an error (the ASan build of the plugin);
  * the plugin put a diagnostic, or one of its notes, inside the runtime's
    own headers (DESIGN: findings always point at user code).
A compile that merely fails (exit 1, ordinary errors) is fine: broken input
is expected here.  The command's stderr is echoed so FileCheck can follow.
"""
import argparse
import os
import re
import subprocess
import sys

CRASH_MARKERS = (
    "PLEASE submit a bug report",
    "Stack dump:",
    "LLVM ERROR:",
    "Assertion `",
    "frontend command failed due to signal",
    "clang frontend command failed",
    "ERROR: AddressSanitizer",
    "ERROR: LeakSanitizer",
    "runtime error:",  # UBSan; the runtime's own panics only happen at run time
    "terminate called",
    "unable to execute command",
)

SETUP_MARKERS = ("unable to load plugin",)

# Clang echoes the offending source line under a diagnostic, and test files
# quote crash texts in their CHECK lines ("panic: runtime error: ...").
# Those echoes are not the compiler speaking: clang 17+ prints them behind a
# "  76 | " gutter, clang 14 bare, but always followed by a caret line.
GUTTER = re.compile(r"^\s*\d*\s*\| ")
CARET = re.compile(r"^[\s\d|]*\^[~^\s]*$")

DIAG = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|error|note|remark|fatal error): (?P<msg>.*)$")
SLICEGUARD_TAG = "[sliceguard-"


def plugin_diagnostics(stderr):
    """Yields (file, line, kind, message) for sliceguard findings and their
    notes, skipping clang's own macro-expansion notes, which legitimately
    point into the header that defines a macro such as sg_range."""
    in_finding = False
    for line in stderr.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        kind, msg = m.group("kind"), m.group("msg")
        if kind != "note":
            in_finding = SLICEGUARD_TAG in msg
            if in_finding:
                yield m.group("file"), m.group("line"), kind, msg
            continue
        if in_finding and not msg.startswith(("expanded from macro",
                                              "in expansion of macro")):
            yield m.group("file"), m.group("line"), kind, msg


def inside(path, directory):
    path = os.path.realpath(path)
    directory = os.path.realpath(directory)
    return path == directory or path.startswith(directory + os.sep)


def own_lines(stderr):
    """stderr without the source lines clang echoes under diagnostics."""
    lines = stderr.splitlines()
    kept = []
    for i, line in enumerate(lines):
        echoed = GUTTER.match(line) or (i + 1 < len(lines) and CARET.match(lines[i + 1]))
        if not echoed:
            kept.append(line)
    return "\n".join(kept)


def classify(returncode, stderr, runtime_include):
    """Returns a short reason string when the run went wrong, else None."""
    for marker in SETUP_MARKERS:
        if marker in stderr:
            return "setup: " + marker
    if returncode < 0:
        return "killed by signal %d" % -returncode
    if returncode > 128 and returncode != 255:
        return "exit code %d (signal?)" % returncode
    own = own_lines(stderr)
    for marker in CRASH_MARKERS:
        if marker in own:
            return "crash: " + marker.strip()
    if runtime_include:
        for path, line, kind, msg in plugin_diagnostics(stderr):
            if inside(path, runtime_include):
                return "plugin %s inside runtime header %s:%s: %s" % (
                    kind, path, line, msg)
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runtime-include", default="")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not cmd:
        p.error("no command")
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print("crashcheck: timed out after %gs: %s" % (args.timeout, " ".join(cmd)))
        return 1
    stderr = proc.stderr.decode(errors="replace")
    sys.stdout.write(stderr)
    reason = classify(proc.returncode, stderr, args.runtime_include)
    if reason:
        print("crashcheck: %s" % reason)
        return 1
    print("crashcheck: ok (exit %d)" % proc.returncode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
