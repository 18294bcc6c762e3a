#!/usr/bin/env bash
# Every comparison in one run on this machine: installs what is missing (apt), creates the PostGIS bench
# database with BENCH_PARCELS generated parcels, then runs each bench and prints the ratios.
# Knobs: BENCH_PARCELS (1000000), BENCH_SECONDS per load run (10), BENCH_CONNECTIONS (8), BENCH_BROWSER_RUNS (5).
source "$(dirname "$0")/common.sh"
trap 'stop_planmap; source "$BENCH_DIR/mapserver.sh"; stop_mapserver' EXIT
: >"$OUT/results.txt"
bash "$BENCH_DIR/setup.sh"
(cd "$ROOT" && mvn -B -q package -DskipTests) >/dev/null
result "machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB; $(psql_bench -Atc 'SELECT COUNT(*) FROM parcel') parcels; $(date -u +%FT%TZ)"
for b in tiles features bbox-p95 export import browser; do
  echo "== $b"
  bash "$BENCH_DIR/$b.sh" || result "FAILED $b (see output above)"
done
echo
echo "== results ($OUT/results.txt)"
cat "$OUT/results.txt"
