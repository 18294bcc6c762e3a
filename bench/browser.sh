#!/usr/bin/env bash
# Browser first render in headless Chromium (navigation start -> every layer drawn, the map's own mark), median of
# BENCH_BROWSER_RUNS (5) cold loads each: the "all plans" view, and a park with BENCH_BROWSER_PARCELS (10 000)
# generated parcels seen at zoom 13 (1400 x 900 px), its parcels from vector tiles (the map's way) and, for comparison,
# from OGC API GeoJSON (`?parcels=geojson`). Runs on a small PostGIS database of its own (BENCH_BROWSER_DB,
# planmap_browser), where the generator puts every parcel around one park (BENCH_BROWSER_PARK).
BENCH_DB=${BENCH_BROWSER_DB:-planmap_browser}
source "$(dirname "$0")/common.sh"
need psql:postgresql-15-postgis-3 chromium:chromium chromedriver:chromium-driver node:nodejs curl:curl
RUNS=${BENCH_BROWSER_RUNS:-5}
PARCELS=${BENCH_BROWSER_PARCELS:-10000}
PARK=${BENCH_BROWSER_PARK:-tekes-parks-nonferrous}
BROWSER_PORT=${BENCH_BROWSER_PORT:-18082}
trap 'stop_planmap "$BROWSER_PORT"' EXIT

if ! psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc \
    "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "CREATE DATABASE $BENCH_DB"
fi
have=$(psql_bench -Atc "SELECT COUNT(*) FROM parcel WHERE source_file = 'generated:parcels' AND park_id = '$PARK'" \
  2>/dev/null || echo 0)
if [[ "$have" != "$PARCELS" ]]; then
  echo "generating $PARCELS parcels around $PARK into $BENCH_DB…"
  java -Xmx1g -jar "$(jar)" --server.port=0 --spring.datasource.url="$JDBC_URL?reWriteBatchedInserts=true" \
    --spring.datasource.username="$PG_USER" --spring.datasource.password= --planmap.geodata-dir="$ROOT/geodata" \
    --planmap.generate.parcels="$PARCELS" --planmap.generate.park="$PARK" >"$OUT/generate-browser.log" 2>&1 \
    || { tail -n 40 "$OUT/generate-browser.log"; exit 1; }
fi
PORT=$BROWSER_PORT start_planmap
base="http://127.0.0.1:$BROWSER_PORT"
plan=$(psql_bench -Atc "SELECT plan_id FROM park WHERE id = '$PARK'")
view=$(psql_bench -At -F ',' -c "SELECT round(ST_Y(c)::numeric, 5), round(ST_X(c)::numeric, 5)
  FROM (SELECT ST_Centroid(ST_Extent(geom)::geometry) AS c FROM parcel WHERE park_id = '$PARK') s")
park_url="$base/#plan=$plan&view=$view,13&lang=zh"
echo "park view: $park_url"

node "$BENCH_DIR/browser-driver.mjs" "$RUNS" "all-plans=$base/" "park-tiles=$park_url" \
  "park-geojson=$base/?parcels=geojson${park_url#$base/}" | tee "$OUT/browser.txt"
while read -r _ name rest; do
  result "browser first render, ${name%:} ($PARCELS-parcel park at z13 for park-*): $rest"
done < <(grep '^MEDIAN' "$OUT/browser.txt")
