#!/bin/sh
# CPU time of 100 plugin compiles (f0400..f0499) with and without reading
# a full summaries directory (1000 files): plugin_overhead.sh WORKTREE DIR
W=$1; DIR=$2
for mode in with without; do
  if [ $mode = with ]; then A="-fplugin-arg-sliceguard-summaries=$DIR"; else A=""; fi
  /usr/bin/time -f "$mode summaries: %U s user %S s sys" sh -c "for f in src/f04??.c; do /usr/lib/llvm-19/bin/clang-19 -fsyntax-only -I$W/runtime-headers -Isrc -fplugin=$W/build/lib/libsliceguard.so $A \$f 2>/dev/null; done"
done
