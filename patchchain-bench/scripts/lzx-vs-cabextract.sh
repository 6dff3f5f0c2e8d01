#!/usr/bin/env bash
# LZX expansion speed: our CabReader against cabextract on one large LZX cabinet (window 2^21, E8 translation on)
# made by the tests' LZX encoder from the first MB MiB of the files under DIR (x86 code: Wine's DLLs by default).
# Ours: best of RUNS expansions in one warm JVM (in-process). cabextract: median of RUNS whole processes, writing
# to /dev/null (`cabextract -p`). Both outputs are checked to be the same bytes first.
# Usage: patchchain-bench/scripts/lzx-vs-cabextract.sh [MB] [RUNS] [DIR]
# Needs: Java and Maven (compiles patchchain-formats and its tests), cabextract.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mb="${1:-64}"
runs="${2:-5}"
dir="${3:-/usr/lib/x86_64-linux-gnu/wine/x86_64-windows}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$repo" && mvn -B -o -q -pl patchchain-formats -am test-compile)
cp="$repo/patchchain-formats/target/test-classes:$repo/patchchain-formats/target/classes:$repo/patchchain-core/target/classes"
java -cp "$cp" dev.patchchain.formats.cab.LzxBench make "$work/lzx.cab" "$mb" "$dir"
echo "cabinet: $(stat -c %s "$work/lzx.cab") bytes, $mb MiB expanded, from $dir"

theirs_sha=$(cabextract -q -p "$work/lzx.cab" | sha256sum | cut -d' ' -f1)
ours_sha=$(java -cp "$cp" dev.patchchain.formats.cab.LzxBench read "$work/lzx.cab" 1 | tail -1)
[ "$ours_sha" = "$theirs_sha" ] || { echo "different output: ours $ours_sha, cabextract $theirs_sha" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
theirs=$(for _ in $(seq "$runs"); do
  start=$(date +%s.%N); cabextract -q -p "$work/lzx.cab" >/dev/null; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}'
done | median)
printf 'patchchain (in-process, best of %s): ' "$runs"
java -cp "$cp" dev.patchchain.formats.cab.LzxBench read "$work/lzx.cab" "$runs" | head -1
awk -v s="$theirs" -v mb="$mb" 'BEGIN { printf "cabextract -p (whole process, median): %.3f s: %.1f MB/s\n", s, mb * 1048576 / s / 1e6 }'
