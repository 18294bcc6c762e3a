#!/usr/bin/env bash
# Shapefile export of all parcels: Planmap's export endpoint against ogr2ogr -f "ESRI Shapefile" PG:… on the same
# table. Goal: ours <= 1.2x ogr2ogr's time (both UTF-8, EPSG:4326).
source "$(dirname "$0")/common.sh"
EXPORT_PATH=${BENCH_EXPORT_PATH:-/api/exchange/export?collection=parcels&format=shapefile}
now() { date +%s.%N; }

start_planmap
probe=$(curl -s -o /dev/null -w '%{http_code}' "$BASE${EXPORT_PATH%%\?*}?format=__probe__")
if [[ "$probe" == 404 ]]; then
  stop_planmap
  result "SKIP export: $EXPORT_PATH is not in this build (HTTP 404); it arrives with the exchange feature"
  exit 0
fi

rm -rf "$OUT/ogr-export" && mkdir -p "$OUT/ogr-export"
t0=$(now)
ogr2ogr -f "ESRI Shapefile" "$OUT/ogr-export" \
  PG:"host=$PG_HOST port=$PG_PORT dbname=$BENCH_DB user=$PG_USER" parcel -lco ENCODING=UTF-8
t1=$(now)
curl -fsS -o "$OUT/planmap-export.zip" "$BASE$EXPORT_PATH"
t2=$(now)
stop_planmap
ogr=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
ours=$(awk -v a="$t1" -v b="$t2" 'BEGIN{printf "%.1f", b-a}')
result "export ogr2ogr ESRI Shapefile: $ogr s; Planmap $EXPORT_PATH: $ours s ($(du -h "$OUT/planmap-export.zip" | cut -f1))"
result "RATIO export time Planmap / ogr2ogr = $(ratio "$ours" "$ogr")  (goal <= 1.2)"
