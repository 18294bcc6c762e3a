#!/usr/bin/env bash
# Shapefile import of all parcels: Planmap's import endpoint against ogr2ogr -f PostgreSQL on the same file.
# Goal: ours <= 1.2x ogr2ogr's time. The import endpoint comes with the exchange feature (branch exchange; its
# path is not settled: set BENCH_IMPORT_PATH); when this build lacks it the comparison is skipped with a message.
source "$(dirname "$0")/common.sh"
IMPORT_PATH=${BENCH_IMPORT_PATH:-/api/exchange/import/parcels}
now() { date +%s.%N; }

start_planmap
probe=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE$IMPORT_PATH")
if [[ "$probe" == 404 || "$probe" == 405 ]]; then
  stop_planmap
  result "SKIP import: POST $IMPORT_PATH is not in this build (HTTP $probe); it arrives with the exchange feature"
  exit 0
fi

if [[ ! -f "$OUT/ogr-export/parcel.shp" ]]; then
  mkdir -p "$OUT/ogr-export"
  ogr2ogr -f "ESRI Shapefile" "$OUT/ogr-export" \
    PG:"host=$PG_HOST port=$PG_PORT dbname=$BENCH_DB user=$PG_USER" parcel -lco ENCODING=UTF-8
fi
(cd "$OUT/ogr-export" && rm -f ../parcels-shp.zip && zip -q ../parcels-shp.zip parcel.*)
t0=$(now)
ogr2ogr -f PostgreSQL PG:"host=$PG_HOST port=$PG_PORT dbname=$BENCH_DB user=$PG_USER" \
  "$OUT/ogr-export/parcel.shp" -nln bench_ogr_import -overwrite -lco GEOMETRY_NAME=geom
t1=$(now)
curl -fsS -o "$OUT/planmap-import.json" -F "file=@$OUT/parcels-shp.zip" "$BASE$IMPORT_PATH"
t2=$(now)
stop_planmap
psql_bench -c "DROP TABLE IF EXISTS bench_ogr_import"
ogr=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
ours=$(awk -v a="$t1" -v b="$t2" 'BEGIN{printf "%.1f", b-a}')
result "import ogr2ogr -f PostgreSQL: $ogr s; Planmap POST $IMPORT_PATH: $ours s"
result "RATIO import time Planmap / ogr2ogr = $(ratio "$ours" "$ogr")  (goal <= 1.2)"
