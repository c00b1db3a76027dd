#!/usr/bin/env python3
"""Writes DEST/compile_commands.json whose entries carry every compile flag
that makes a compile write a file (dependency files, serialized
diagnostics, module caches, -MJ...), all aimed at DEST/out/ or at
DEST/link, a symlink to DEST/victim.  Also writes DEST/worker.json, a
sliceguard-clangd worker request for the first entry.

usage: writing_flags.py DEST SOURCE RUNTIME_INCLUDE PROJECT_INCLUDE"""
import json
import os
import shutil
import sys

dest, source, runtime, include = sys.argv[1:5]
shutil.rmtree(dest, ignore_errors=True)
os.makedirs(os.path.join(dest, "out"))
with open(os.path.join(dest, "victim"), "w") as f:
    f.write("keep me\n")
os.symlink(os.path.join(dest, "victim"), os.path.join(dest, "link"))
out = os.path.join(dest, "out")
link = os.path.join(dest, "link")
flag_sets = [
    ["-Wp,-MD," + out + "/wp-md.d"],
    ["-Wp,-MMD," + link],
    ["-MD", "-MF", link],
    ["-MMD", "-MF" + out + "/mmd.d", "-MT", "target"],
    ["--serialize-diagnostics", out + "/diag.dia"],
    ["--serialize-diagnostics", link],
    ["-fmodules", "-fmodules-cache-path=" + out + "/modules"],
    ["-fmodules", "-fimplicit-module-maps"],
    ["-MJ", out + "/cdb.json"],
    ["-Xclang", "-dependency-file", "-Xclang", link, "-Xclang", "-MT",
     "-Xclang", "x"],
    ["-Xclang", "-serialize-diagnostic-file", "-Xclang", link],
    ["-Xclang", "-diagnostic-log-file", "-Xclang", link],
    ["-Xclang", "-header-include-file", "-Xclang", link, "-H"],
    ["-Xclang", "-stats-file=" + link],
    ["-save-temps=obj", "-o", out + "/x.o"],
    ["-o", link],
]
entries = []
for i, flags in enumerate(flag_sets):
    name = "f%d.c" % i
    shutil.copy(source, os.path.join(dest, name))
    entries.append({"directory": dest,
                    "arguments": ["clang", "-std=c11", "-I" + include,
                                  "-I" + runtime] + flags + ["-c", name],
                    "file": name})
with open(os.path.join(dest, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
# The companion's worker gets one request per file; give it each entry.
for i, e in enumerate(entries):
    with open(os.path.join(dest, "worker%d.json" % i), "w") as f:
        json.dump({"file": os.path.join(dest, e["file"]),
                   "directory": dest, "arguments": e["arguments"]}, f)
print("%d entries" % len(entries))
