#!/usr/bin/env bash
# Times `patchchain file-version` against python3-pefile and exiftool over one directory of PE files, whole
# process each (start-up included, as an admin would run them), and prints the median of N runs and the ratios.
# Usage: patchchain-bench/scripts/file-version-vs-peers.sh [DIR] [RUNS]
# Needs: Java and Maven (the launcher builds the jar), /usr/bin/python3 with pefile, exiftool.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dir="${1:-/usr/lib/x86_64-linux-gnu/wine/x86_64-windows}"
runs="${2:-5}"
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

files=$(find "$dir" -type f | wc -l)
echo "directory: $dir ($files files), median of $runs runs, whole process"
ours=$(time_runs "$repo/patchchain" file-version --csv "$dir")
pefile=$(time_runs /usr/bin/python3 "$here/pefile_versions.py" "$dir")
pefile_full=$(time_runs /usr/bin/python3 "$here/pefile_versions.py" "$dir" --full)
exif=$(time_runs exiftool -q -r -csv -FileVersionNumber -ProductVersionNumber "$dir")
printf '%-30s %8.3f s\n' "patchchain file-version" "$ours" "python3-pefile (fast_load)" "$pefile" \
  "python3-pefile (full parse)" "$pefile_full" "exiftool" "$exif"
awk -v o="$ours" -v p="$pefile" -v f="$pefile_full" -v e="$exif" 'BEGIN {
  printf "ratio pefile fast_load/patchchain:  %6.1fx\n", p / o
  printf "ratio pefile full parse/patchchain: %6.1fx\n", f / o
  printf "ratio exiftool/patchchain:          %6.1fx\n", e / o }'
