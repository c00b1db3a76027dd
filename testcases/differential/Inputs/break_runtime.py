#!/usr/bin/env python3
"""break_runtime.py SRC DST - copies the runtime headers from SRC (the
directory holding sliceguard/) to DST and breaks the copy on purpose: its
append grows a full slice in place when its array is the arena's newest
allocation and the block has room, the bug issue 11 found.  The
differential self-test runs the slice tester against DST and requires it
to report and shrink a mismatch; the real headers are never touched.
"""
import os
import shutil
import sys

# Where the patch goes: just before append's grow path allocates the new
# array.  If slice.h changes so that this line is gone, the self-test fails
# here, loudly, instead of testing nothing.
ANCHOR = "  g.ptr = (SG_SE_ *)sg_arena_alloc_uninit_(a, newbytes, SG_S_ALIGN_);\n"

IN_PLACE = """  /* BROKEN ON PURPOSE (differential self-test): grow the arena's newest
   * array in place instead of moving to a new one. */
  if (len == cap && cap > 0 && (char *)ptr + (size_t)cap * size == a->cur &&
      newbytes - (size_t)cap * size <= (size_t)(a->end - a->cur)) {
    SG_ARENA_UNPOISON_(a->cur, newbytes - (size_t)cap * size);
    memset(a->cur, 0, newbytes - (size_t)cap * size);
    a->cur = (char *)ptr + newbytes;
    return g;
  }
"""


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: break_runtime.py SRC DST")
    src, dst = sys.argv[1], sys.argv[2]
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(os.path.join(src, "sliceguard"),
                    os.path.join(dst, "sliceguard"))
    path = os.path.join(dst, "sliceguard", "slice.h")
    with open(path) as f:
        text = f.read()
    if text.count(ANCHOR) != 1:
        sys.exit("break_runtime.py: slice.h no longer has the line to patch:\n"
                 + ANCHOR)
    with open(path, "w") as f:
        f.write(text.replace(ANCHOR, IN_PLACE + ANCHOR))
    print("broken copy of the runtime in %s" % dst)


if __name__ == "__main__":
    main()
