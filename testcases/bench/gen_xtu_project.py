"""Generates a C project of N translation units with cross-file call chains,
for the whole-program summary benchmark (docs/performance.md, "Whole-program
summaries").

gen_xtu_project.py OUT_DIR RUNTIME_INCLUDE [N=1000] [DEPTH=4]

File k (0 <= k < N) defines
  void grow_k(sg_arena *a, ints *s)   appends to *s itself when k is a leaf
                                       of its chain, else calls grow_{k+1}
                                       (in file k+1): chains of DEPTH files;
  void put_k(counts m, int key)       inserts into m, or calls put_{k+1};
  int *slot_k(sg_arena *a, ints *s)   appends through grow_k and returns a
                                       pointer to the new last element;
  void use_k(sg_arena *a, ints s, counts m)
                                       a caller with one hazard of each
                                       kind reached through the chain, and
                                       the same shapes kept harmless.
Expected findings: 3 per file (ref-across-append twice, map-insert-in-range
once), all through other files' helpers.  Writes compile_commands.json.
"""
import json
import os
import sys

out, runtime = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
depth = int(sys.argv[4]) if len(sys.argv) > 4 else 4
os.makedirs(os.path.join(out, "src"), exist_ok=True)

header = ["#include <sliceguard/arena.h>",
          "#define SG_SLICE ints", "#define SG_ELEM int",
          "#include <sliceguard/slice.h>",
          "#define SG_MAP counts", "#define SG_KEY int", "#define SG_VAL int",
          "#include <sliceguard/map.h>",
          "int next_key(int k);"]
for k in range(n):
    header += ["void grow_%d(sg_arena *a, ints *s);" % k,
               "void put_%d(counts m, int key);" % k,
               "int *slot_%d(sg_arena *a, ints *s);" % k]
with open(os.path.join(out, "src", "project.h"), "w") as f:
    f.write("\n".join(header) + "\n")

for k in range(n):
    leaf = (k % depth == depth - 1) or k == n - 1
    body = ['#include "project.h"']
    if leaf:
        body += ["void grow_%d(sg_arena *a, ints *s) { *s = ints_append(a, *s, %d); }" % (k, k),
                 "void put_%d(counts m, int key) { counts_put(m, key, %d); }" % (k, k)]
    else:
        body += ["void grow_%d(sg_arena *a, ints *s) { grow_%d(a, s); }" % (k, k + 1),
                 "void put_%d(counts m, int key) { put_%d(m, key); }" % (k, k + 1)]
    body += [
        "int *slot_%d(sg_arena *a, ints *s) {" % k,
        "  grow_%d(a, s);" % k,
        "  return ints_at(*s, s->len - 1);",
        "}",
        "void use_%d(sg_arena *a, ints s, counts m) {" % k,
        "  int *first = ints_at(s, 0);",
        "  grow_%d(a, &s);" % k,
        "  *first = 1; /* BUG: ref-across-append */",
        "  int *p = slot_%d(a, &s);" % k,
        "  int *q = slot_%d(a, &s);" % k,
        "  *p = 2; /* BUG: ref-across-append */",
        "  *q = 3;",
        "  sg_range(counts, m, it) {",
        "    put_%d(m, next_key(it.key)); /* BUG: map-insert-in-range */" % k,
        "  }",
        "  sg_range(counts, m, it) {",
        "    put_%d(m, it.key); /* quiet: the current key */" % k,
        "  }",
        "  grow_%d(a, &s);" % k,
        "  int *last = ints_at(s, s.len - 1); /* quiet: taken after */",
        "  *last = 4;",
        "}",
    ]
    with open(os.path.join(out, "src", "f%04d.c" % k), "w") as f:
        f.write("\n".join(body) + "\n")

db = [{"directory": out, "file": "src/f%04d.c" % k,
       "arguments": ["clang", "-c", "-I" + runtime, "-Isrc", "src/f%04d.c" % k,
                     "-o", "obj/f%04d.o" % k]} for k in range(n)]
with open(os.path.join(out, "compile_commands.json"), "w") as f:
    json.dump(db, f, indent=1)
