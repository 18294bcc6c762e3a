#!/usr/bin/env bash
# Features: /ogcapi/collections/parcels/items against MapServer 8's OGC API - Features (Debian cgi-mapserver,
# FastCGI under lighttpd, one mapserv process per connection) on the same PostGIS table, the same viewports and
# page size. Goal: ours >= 1.0x. Alternating rounds (BENCH_ROUNDS); the ratio is the median of the rounds'.
source "$(dirname "$0")/common.sh"
source "$BENCH_DIR/mapserver.sh"
LIMIT=${BENCH_PAGE:-100}
ROUNDS=${BENCH_ROUNDS:-3}
# Viewports of 1024 x 768 px at zoom 15 around 44°N (0.044° x 0.024°): a few hundred parcels, one page of $LIMIT.
viewports 0.044 0.024 >"$OUT/viewports-z15.txt"
awk -v l="$LIMIT" '{ printf "/ogcapi/collections/parcels/items?limit=%s&bbox=%s\n", l, $0 }' \
  "$OUT/viewports-z15.txt" >"$OUT/items-ours.txt"
awk -v l="$LIMIT" '{ printf "/mapserv/planmap/ogcapi/collections/parcels/items?f=json&limit=%s&bbox=%s\n", l, $0 }' \
  "$OUT/viewports-z15.txt" >"$OUT/items-mapserver.txt"
MS="http://127.0.0.1:$MAPSERVER_PORT"
count() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["features"]), d.get("numberMatched"))'; }

start_mapserver
start_planmap
echo "first viewport: MapServer $(curl -fsS "$MS$(head -n 1 "$OUT/items-mapserver.txt")" | count)," \
  "Planmap $(curl -fsS "$BASE$(head -n 1 "$OUT/items-ours.txt")" | count) (returned, matched)"
BENCH_SECONDS=$BENCH_JVM_WARMUP wrk_rps "$OUT/items-ours.txt" >/dev/null   # JIT warm-up, unmeasured

mss=() ourss=() rs=()
for r in $(seq 1 "$ROUNDS"); do
  ms=$(wrk_rps "$OUT/items-mapserver.txt" "$MS"); ms_p95=$(wrk_p95)
  ours=$(wrk_rps "$OUT/items-ours.txt"); ours_p95=$(wrk_p95)
  echo "  round $r: MapServer $ms ($ms_p95), Planmap $ours ($ours_p95) req/s"
  mss+=("$ms") ourss+=("$ours") rs+=("$(ratio "$ours" "$ms")")
done
stop_mapserver
stop_planmap

result "features MapServer 8 OGC API items, limit $LIMIT: median $(median "${mss[@]}") req/s"
result "features Planmap /ogcapi items,     limit $LIMIT: median $(median "${ourss[@]}") req/s"
result "RATIO features Planmap / MapServer = $(median "${rs[@]}")  (goal >= 1.0; rounds: ${rs[*]})"
