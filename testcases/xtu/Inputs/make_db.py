"""Copies a project into a work directory and writes its
compile_commands.json: make_db.py SRC DEST RUNTIME_INCLUDE [FILE.c...]
(default: every .c file of SRC)."""
import json
import os
import shutil
import sys

src, dest, runtime = sys.argv[1], sys.argv[2], sys.argv[3]
if os.path.exists(dest):
    shutil.rmtree(dest)
shutil.copytree(src, dest)
files = sys.argv[4:] or sorted(f for f in os.listdir(dest) if f.endswith(".c"))
entries = [{"directory": dest, "file": f,
            "arguments": ["clang", "-c", "-I" + runtime, f, "-o",
                          f[:-2] + ".o"]} for f in files]
with open(os.path.join(dest, "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=1)
