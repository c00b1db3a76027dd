#!/usr/bin/env python3
"""Makes a project in DEST whose files carry the names given (spaces, '+',
'#', '%', non-ASCII, control characters...): each holds the same
map-insert-in-range bug, and compile_commands.json has an entry for each.

usage: named_files.py [--unescape] [--hostile-line] DEST RUNTIME_INCLUDE
                      PROJECT_INCLUDE NAME...
--unescape      names may spell bytes as \\xNN (ESC, newline...)
--hostile-line  the flagged line also carries terminal escape sequences
                (an OSC title, clear screen, cursor up) and a C1 CSI"""
import json
import os
import shutil
import sys

BUG = """#include "tables.h"

void double_keys(counts m) {
  sg_range(counts, m, it) {
    counts_put(m, it.key * 2, it.val);
  }
}
"""

args = sys.argv[1:]
unescape = "--unescape" in args
hostile = "--hostile-line" in args
args = [a for a in args if a not in ("--unescape", "--hostile-line")]
dest, runtime, include = args[0:3]
names = args[3:]
if unescape:
    names = [n.encode("ascii").decode("unicode_escape") for n in names]
if hostile:
    BUG = BUG.replace("it.val);", "it.val); /* \x1b]0;pwned\x07\x1b[2J\x1b[1A"
                      "\u009b31m */")
shutil.rmtree(dest, ignore_errors=True)
os.makedirs(dest)
shutil.copytree(include, os.path.join(dest, "include"))
entries = []
for name in names:
    path = os.path.join(dest, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(BUG)
    entries.append({"directory": dest,
                    "arguments": ["cc", "-std=c11", "-Iinclude",
                                  "-I" + runtime, "-x", "c", "-c", name],
                    "file": name})
with open(os.path.join(dest, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
