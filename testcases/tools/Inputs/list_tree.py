#!/usr/bin/env python3
"""Lists DIR's entries that are not inputs (*.c, *.json), recursively and
sorted: directories end in '/', symlinks show their target, and regular
files named "victim" show their content; "end of tree" ends it.  usage: list_tree.py DIR"""
import os
import sys

root = sys.argv[1]
for dirpath, dirnames, filenames in sorted(os.walk(root)):
    dirnames.sort()
    rel_dir = os.path.relpath(dirpath, root)
    for d in dirnames:
        print(os.path.normpath(os.path.join(rel_dir, d)) + "/")
    for name in sorted(filenames):
        if name.endswith((".c", ".json")):
            continue
        path = os.path.join(dirpath, name)
        rel = os.path.normpath(os.path.join(rel_dir, name))
        if os.path.islink(path):
            print("%s -> %s" % (rel, os.readlink(path)))
        elif name == "victim":
            with open(path) as f:
                print("%s: %s" % (rel, f.read().strip()))
        else:
            print(rel)
print("end of tree")
