#!/usr/bin/env python3
"""Writes its arguments, one a line, to FILE (quoting-free file creation
for lit's internal shell).  usage: write_file.py FILE LINE..."""
import sys

with open(sys.argv[1], "w") as f:
    f.write("".join(line + "\n" for line in sys.argv[2:]))
