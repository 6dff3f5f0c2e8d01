#!/usr/bin/env bash
# Times `patchchain signature` (inline signature, else the catalogs of CATDIR) over one directory of PE files against
# `osslsigncode verify` run on each file, whole process each (start-up included), and prints the median of N runs
# and the ratio. osslsigncode checks inline signatures only (catalogs need -catalog per file).
# Usage: patchchain-bench/scripts/signature-vs-osslsigncode.sh [DIR] [RUNS] [CATDIR]
# Needs: Java and Maven (the launcher builds the jar), osslsigncode.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dir="${1:-/usr/lib/x86_64-linux-gnu/wine/x86_64-windows}"
runs="${2:-3}"
catdir="${3:-}"
"$repo/patchchain" --version >/dev/null   # builds the jar if it is stale

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}'
  done | median
}
osslsigncode_each() { find "$1" -type f -print0 | xargs -0 -n 1 osslsigncode verify -in; }

files=$(find "$dir" -type f | wc -l)
echo "directory: $dir ($files files), median of $runs runs, whole process"
if [ -n "$catdir" ]; then
  ours=$(time_runs "$repo/patchchain" signature "$dir" --catalogs "$catdir")
else
  ours=$(time_runs "$repo/patchchain" signature "$dir")
fi
theirs=$(time_runs osslsigncode_each "$dir")
printf '%-36s %8.3f s\n' "patchchain signature" "$ours" "osslsigncode verify, once per file" "$theirs"
awk -v o="$ours" -v t="$theirs" 'BEGIN { printf "ratio osslsigncode/patchchain: %6.1fx\n", t / o }'
