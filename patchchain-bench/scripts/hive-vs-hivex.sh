#!/usr/bin/env bash
# Times, whole process each (start-up included), the PFRO lookup and the full .reg export of one hive: patchchain
# through the launcher (class-data sharing archive, C1 only), without the archive (C1 only), as a plain
# `java -jar`, and hivex (hivexget, hivexregedit --export). Runs are interleaved so that load from other programs
# hits all alike; prints best and median of RUNS, wall and CPU (user + system, less sensitive to that load), the
# load average before and after, and the export ratios. docs/benchmarks.md#registry-hives.
# Usage: patchchain-bench/scripts/hive-vs-hivex.sh [HIVE] [RUNS]
# Needs: Java and Maven (the launcher builds the jar), hivex tools (libhivex-bin, libwin-hivex-perl).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
hive="${1:-${PATCHCHAIN_CORPUS:-$repo/../shared/corpus}/hives/regipy/SYSTEM}"
runs="${2:-5}"
jar="$repo/patchchain-cli/target/patchchain.jar"
sm='ControlSet001\Control\Session Manager'
"$repo/patchchain" --version >/dev/null   # builds the jar and the archive if they are stale

# "wall_ms,cpu_ms" of one run (bash's time keyword: real, and user + sys of the command and its children)
seconds() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1 || true; } 2>&1 )
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d,%d", a[1] * 1000, (a[2] + a[3]) * 1000 }'
}

declare -A times
cases=(lookup-launcher lookup-no-archive lookup-java-jar lookup-hivexget
       export-launcher export-no-archive export-java-jar export-hivexregedit)
run_case() {
  case "$1" in
    lookup-launcher) seconds "$repo/patchchain" queue show --hive "$hive" ;;
    lookup-no-archive) seconds java -XX:TieredStopAtLevel=1 -jar "$jar" queue show --hive "$hive" ;;
    lookup-java-jar) seconds java -jar "$jar" queue show --hive "$hive" ;;
    lookup-hivexget) seconds hivexget "$hive" "$sm" PendingFileRenameOperations ;;
    export-launcher) seconds "$repo/patchchain" hive export "$hive" ;;
    export-no-archive) seconds java -XX:TieredStopAtLevel=1 -jar "$jar" hive export "$hive" ;;
    export-java-jar) seconds java -jar "$jar" hive export "$hive" ;;
    export-hivexregedit) seconds hivexregedit --export "$hive" '\' ;;
  esac
}

echo "hive: $hive, $runs runs each, interleaved; $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  for c in "${cases[@]}"; do
    times[$c]="${times[$c]:-} $(run_case "$c")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# field 1 = wall, 2 = CPU: "best median" of that field over the runs
stat() { tr ' ' '\n' | grep . | cut -d, -f"$1" | sort -n | awk '{a[NR]=$1} END {printf "%d %d", a[1], a[int((NR+1)/2)]}'; }
declare -A best median cpubest cpumedian
for c in "${cases[@]}"; do
  read -r best[$c] median[$c] <<<"$(echo "${times[$c]}" | stat 1)"
  read -r cpubest[$c] cpumedian[$c] <<<"$(echo "${times[$c]}" | stat 2)"
  printf '%-20s wall best %5d median %5d ms, CPU best %5d median %5d ms  (wall,CPU:%s)\n' "$c" "${best[$c]}" \
    "${median[$c]}" "${cpubest[$c]}" "${cpumedian[$c]}" "${times[$c]}"
done
ratio() { awk -v t="$1" -v o="$2" 'BEGIN { printf "%.1fx", t / o }'; }
echo "export, hivexregedit / patchchain launcher: best $(ratio "${best[export-hivexregedit]}" "${best[export-launcher]}"), median $(ratio "${median[export-hivexregedit]}" "${median[export-launcher]}"); CPU best $(ratio "${cpubest[export-hivexregedit]}" "${cpubest[export-launcher]}"), median $(ratio "${cpumedian[export-hivexregedit]}" "${cpumedian[export-launcher]}")"
echo "export, hivexregedit / patchchain no archive: best $(ratio "${best[export-hivexregedit]}" "${best[export-no-archive]}"), median $(ratio "${median[export-hivexregedit]}" "${median[export-no-archive]}")"
echo "export, hivexregedit / patchchain java -jar: best $(ratio "${best[export-hivexregedit]}" "${best[export-java-jar]}"), median $(ratio "${median[export-hivexregedit]}" "${median[export-java-jar]}")"
