#!/usr/bin/env bash
# arena_asan_bench.sh - what the arena's AddressSanitizer poisoning costs.
# Builds arena_asan_bench.c with -O2 -fsanitize=address twice: against this
# tree's runtime headers and against the same headers with arena.h taken
# from the git revision BASE (default 2ff7a0d, the last commit before
# poisoning came in), then prints the best of 5 runs of each.
#   testcases/bench/arena_asan_bench.sh [BASE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
base=${1:-2ff7a0d}
CC=${CC:-clang-19}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/runtime-headers" "$tmp/base"
git -C "$root" show "$base:runtime-headers/sliceguard/arena.h" >"$tmp/base/sliceguard/arena.h"
flags=(-std=gnu11 -O2 -DNDEBUG -fsanitize=address)
"$CC" "${flags[@]}" -I"$root/runtime-headers" "$here/arena_asan_bench.c" -o "$tmp/poison"
"$CC" "${flags[@]}" -I"$tmp/base" "$here/arena_asan_bench.c" -o "$tmp/nopoison"
best() { for _ in 1 2 3 4 5; do "$1" | cut -d' ' -f1; done | sort -n | head -1; }
p=$(best "$tmp/poison"); n=$(best "$tmp/nopoison")
echo "ASan, no poisoning: $n s"
echo "ASan, poisoning:    $p s"
awk -v p="$p" -v n="$n" 'BEGIN { printf "ratio: %.2fx\n", p / n }'
