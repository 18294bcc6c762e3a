#!/usr/bin/env bash
# Tiles: our /tiles endpoint, cold (cache off) and warm (cached), against the same ST_AsMVT SQL run straight
# on PostGIS with pgbench. Goals: cold >= 0.8x, warm >= 5x the raw requests/s.
# The three are measured in alternating rounds (BENCH_ROUNDS, default 3) and each ratio is the median of the
# per-round ratios, so that load from elsewhere on the machine hits all of them alike.
source "$(dirname "$0")/common.sh"
Z=${BENCH_TILE_ZOOM:-14}
TILES=${BENCH_TILES:-100}   # distinct tiles (pgbench takes at most 128 scripts)
ROUNDS=${BENCH_ROUNDS:-3}
MARGIN=$(awk 'BEGIN { printf "%.6f", 64 / 4096 }')
COLD_PORT=$PLANMAP_PORT
WARM_PORT=$((PLANMAP_PORT + 2))

# A fixed sample of tiles that hold generated parcels.
psql_bench -At -F ' ' -c "
  SELECT DISTINCT $Z, floor((ST_X(c) + 180) / 360 * 2 ^ $Z)::int,
    floor((1 - ln(tan(radians(ST_Y(c))) + 1 / cos(radians(ST_Y(c)))) / pi()) / 2 * 2 ^ $Z)::int
  FROM (SELECT ST_Centroid(geom) AS c FROM parcel WHERE source_file = 'generated:parcels'
        AND abs(hashtext(id)) % 500 = 0) s" | sort -u | awk 'BEGIN { srand(42) } { print rand() "\t" $0 }' \
  | sort -n | cut -f2 | awk -v n="$TILES" 'NR <= n' >"$OUT/tiles.txt"
awk '{ printf "/tiles/parcels/%s/%s/%s.pbf\n", $1, $2, $3 }' "$OUT/tiles.txt" >"$OUT/tile-paths.txt"

# The SQL of org.planmap.tiles.TileSql.postgisMvt for the parcels collection, one pgbench script per tile.
rm -rf "$OUT/pgbench-tiles" && mkdir -p "$OUT/pgbench-tiles"
args=()
while read -r z x y; do
  f="$OUT/pgbench-tiles/$z-$x-$y.sql"
  cat >"$f" <<SQL
SELECT ST_AsMVT(t, 'parcels', 4096, 'geom') FROM (SELECT id, name, plan_id AS plan, kind, position_accuracy, park_id, land_use_code, land_use_name, far, building_density, green_ratio, height_limit, area_m2, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope($z, $x, $y), 4096, 64, true) AS geom FROM parcel WHERE geom && ST_Transform(ST_TileEnvelope($z, $x, $y, margin => $MARGIN), 4326)) t;
SQL
  args+=(-f "$f@1")
done <"$OUT/tiles.txt"
pgbench_tps() {
  pgbench -n -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -M prepared -c "$BENCH_CONNECTIONS" -j "$BENCH_THREADS" \
    -T "$1" "${args[@]}" "$BENCH_DB" 2>&1 | tee "$OUT/pgbench-tiles.txt" | awk '/^tps = / { print $3 }'
}

PORT=$COLD_PORT start_planmap --planmap.tiles.cache-bytes=0
PORT=$WARM_PORT start_planmap --planmap.tiles.cache-bytes=256MB
size=$(curl -fsS "http://127.0.0.1:$COLD_PORT$(head -n 1 "$OUT/tile-paths.txt")" | wc -c)
echo "tiles: $(wc -l <"$OUT/tiles.txt") at z$Z (first: $size bytes); $ROUNDS rounds of ${BENCH_SECONDS}s each"
# Warm-ups, unmeasured: PostgreSQL backends, then each JVM until its JIT has settled; fills the cache.
pgbench_tps "$BENCH_WARMUP" >/dev/null
BENCH_SECONDS=$BENCH_JVM_WARMUP wrk_rps "$OUT/tile-paths.txt" "http://127.0.0.1:$COLD_PORT" >/dev/null
BENCH_SECONDS=$BENCH_JVM_WARMUP wrk_rps "$OUT/tile-paths.txt" "http://127.0.0.1:$WARM_PORT" >/dev/null

raws=() colds=() warms=() rc=() rw=()
for r in $(seq 1 "$ROUNDS"); do
  raw=$(pgbench_tps "$BENCH_SECONDS")
  cold=$(wrk_rps "$OUT/tile-paths.txt" "http://127.0.0.1:$COLD_PORT"); cold_p95=$(wrk_p95)
  warm=$(wrk_rps "$OUT/tile-paths.txt" "http://127.0.0.1:$WARM_PORT"); warm_p95=$(wrk_p95)
  echo "  round $r: raw $raw, cold $cold ($cold_p95), warm $warm ($warm_p95) req/s"
  raws+=("$raw") colds+=("$cold") warms+=("$warm") rc+=("$(ratio "$cold" "$raw")") rw+=("$(ratio "$warm" "$raw")")
done
stop_planmap "$COLD_PORT"; stop_planmap "$WARM_PORT"

result "tiles raw   ST_AsMVT via pgbench -M prepared: median $(median "${raws[@]}") req/s"
result "tiles cold  /tiles, cache off:               median $(median "${colds[@]}") req/s"
result "tiles warm  /tiles, cached:                  median $(median "${warms[@]}") req/s"
result "RATIO tiles cold / raw = $(median "${rc[@]}")  (goal >= 0.8; rounds: ${rc[*]})"
result "RATIO tiles warm / raw = $(median "${rw[@]}")  (goal >= 5; rounds: ${rw[*]})"
