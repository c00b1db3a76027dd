#!/bin/sh
# Builds the generated project with the plugin in summaries=DIR mode,
# callees first (descending file number), two compiles at a time.
W=$1; DIR=$2
ls src/f*.c | sort -r | xargs -P 2 -n 1 sh -c '/usr/lib/llvm-19/bin/clang-19 -fsyntax-only -I'$W'/runtime-headers -Isrc -fplugin='$W'/build/lib/libsliceguard.so -fplugin-arg-sliceguard-summaries='$DIR' "$0" 2>&1 | grep -c "warning: .*sliceguard" ' | awk '{s+=$1} END {print s " findings"}'
