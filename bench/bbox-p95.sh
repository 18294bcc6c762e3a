#!/usr/bin/env bash
# Viewport query at 1M parcels through the API: p95 latency of /ogcapi/collections/parcels/items?bbox=… with
# every parcel in a 1024 x 768 px viewport at zoom 16 (0.022° x 0.012°, ~100 parcels) in one response.
# Two concurrent clients, alternating rounds (BENCH_ROUNDS); the median of the rounds' p95. Goal: p95 < 50 ms.
source "$(dirname "$0")/common.sh"
viewports 0.022 0.012 >"$OUT/viewports-z16.txt"
awk '{ printf "/ogcapi/collections/parcels/items?limit=1000&bbox=%s\n", $0 }' "$OUT/viewports-z16.txt" \
  >"$OUT/bbox-paths.txt"
parcels=$(psql_bench -Atc "SELECT COUNT(*) FROM parcel")
start_planmap
n=$(curl -fsS "$BASE$(head -n 1 "$OUT/bbox-paths.txt")" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
BENCH_SECONDS=$BENCH_JVM_WARMUP wrk_rps "$OUT/bbox-paths.txt" >/dev/null   # JIT warm-up, unmeasured
p95s=() p50s=()
for r in $(seq 1 "${BENCH_ROUNDS:-3}"); do
  rps=$(WRK_CONNECTIONS=2 wrk_rps "$OUT/bbox-paths.txt")
  p95s+=("$(awk '/^p95_ms/ {print $2}' "$OUT/wrk-last.txt")") p50s+=("$(awk '/^p50_ms/ {print $2}' "$OUT/wrk-last.txt")")
  echo "  round $r: $rps req/s, p50 ${p50s[-1]} ms, p95 ${p95s[-1]} ms"
done
stop_planmap
p95=$(median "${p95s[@]}")
result "bbox viewport at $parcels parcels ($n features/response, 2 clients): p50 $(median "${p50s[@]}") ms, p95 $p95 ms (median of rounds: ${p95s[*]})"
result "RATIO bbox p95 / 50 ms = $(ratio "$p95" 50)  (goal < 1)"
