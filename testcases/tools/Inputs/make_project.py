#!/usr/bin/env python3
"""Copies the test project to DEST and writes its compile_commands.json
with absolute paths (compile databases always carry them)."""
import os
import shutil
import sys

src, dest, runtime = sys.argv[1:4]
shutil.rmtree(dest, ignore_errors=True)
shutil.copytree(src, dest)
os.makedirs(os.path.join(dest, "build"), exist_ok=True)
template = os.path.join(dest, "compile_commands.json.in")
with open(template) as f:
    text = f.read()
os.remove(template)
with open(os.path.join(dest, "compile_commands.json"), "w") as f:
    f.write(text.replace("@DIR@", dest).replace("@RUNTIME@", runtime))
