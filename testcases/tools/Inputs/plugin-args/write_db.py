"""Writes DIR/compile_commands.json with one entry for DIR/both.c whose
command carries the given extra arguments (as a build with the plugin
would): write_db.py DIR RUNTIME_INCLUDE ARG..."""
import json
import os
import sys

PROJECT_INCLUDE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "..", "project", "include")

directory, runtime_include, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
entry = {
    "directory": directory,
    "file": "both.c",
    "arguments": ["clang", "-I" + runtime_include, "-I" + PROJECT_INCLUDE,
                  "-fplugin=/opt/sliceguard/lib/libsliceguard.so",
                  *extra, "-c", "both.c", "-o", "both.o"],
}
with open(directory + "/compile_commands.json", "w") as out:
    json.dump([entry], out, indent=1)
