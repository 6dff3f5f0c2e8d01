#!/usr/bin/env bash
# Fleet store scale run (docs/scaling.md): ingest rate into SQLite and PostgreSQL, and the report over
# MACHINES generated machines (default 100000). PostgreSQL comes from PATCHCHAIN_TEST_PG_URL or .ci/postgres;
# each run gets a fresh database. Usage: patchchain-bench/scripts/fleet-scale.sh [MACHINES]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
machines="${1:-100000}"
jar="$root/patchchain-bench/target/benchmarks.jar"
[ -f "$jar" ] || mvn -B -q -f "$root/pom.xml" -DskipTests package -pl patchchain-bench -am
run() { echo "load average before the run: $(cut -d" " -f1-3 /proc/loadavg), $(nproc) cores"; java -cp "$jar" dev.patchchain.bench.fleet.FleetScaleRun "$@"; }

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
run "$tmp/fleet.db" "$machines" 1

admin="${PATCHCHAIN_TEST_PG_URL:-$("$root/.ci/postgres")}"
for writers in 1 4; do
  db="patchchain_bench_$$_$writers"
  psql_url="${admin%%\?*}"; host_port="${psql_url#jdbc:postgresql://}"; host_port="${host_port%%/*}"
  psql -h "${host_port%%:*}" -p "${host_port##*:}" -U postgres -q -c "CREATE DATABASE $db" postgres
  run "$(echo "$admin" | sed -E "s#/[^/?]*(\?|$)#/$db\1#")" "$machines" "$writers"
  psql -h "${host_port%%:*}" -p "${host_port##*:}" -U postgres -q -c "DROP DATABASE $db" postgres
done
