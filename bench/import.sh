#!/usr/bin/env bash
# Shapefile import of all parcels: Planmap's import (upload with preview, commit, background job until done) against
# ogr2ogr -f PostgreSQL on the same file. Goal: ours <= 1.2x ogr2ogr's time.
source "$(dirname "$0")/common.sh"
now() { date +%s.%N; }
ADMIN_PASSWORD=bench-admin-password
AUTH=(-u "admin:$ADMIN_PASSWORD")

# The bench database is a scratch database: make its first admin one whose password this script knows.
psql_bench -c "DELETE FROM app_user" 2>/dev/null || true
start_planmap --planmap.security.initial-admin-password="$ADMIN_PASSWORD" --planmap.exchange.max-import-features=2000000 \
  --planmap.exchange.max-upload-bytes=4000000000 --planmap.exchange.max-expanded-bytes=8000000000 \
  --spring.servlet.multipart.max-file-size=4GB --spring.servlet.multipart.max-request-size=4GB

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
preview=$(curl -fsS "${AUTH[@]}" -F "file=@$OUT/parcels-shp.zip" -F collection=parcels "$BASE/api/exchange/imports")
id=$(echo "$preview" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
job=$(curl -fsS "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"mapping":{}}' \
  "$BASE/api/exchange/imports/$id/commit" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
status=running
for _ in $(seq 1 3600); do
  status=$(curl -fsS "${AUTH[@]}" "$BASE/api/exchange/jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [[ "$status" == running || "$status" == queued ]] || break
  sleep 0.5
done
t2=$(now)
stop_planmap
imported=$(psql_bench -At -c "SELECT COUNT(*) FROM parcel WHERE source_file LIKE 'import:%'")
psql_bench -c "DROP TABLE IF EXISTS bench_ogr_import" -c "DELETE FROM parcel WHERE source_file LIKE 'import:%'"
ogr=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
ours=$(awk -v a="$t1" -v b="$t2" 'BEGIN{printf "%.1f", b-a}')
result "import ogr2ogr -f PostgreSQL: $ogr s; Planmap upload+preview+commit job ($status, $imported rows): $ours s"
result "RATIO import time Planmap / ogr2ogr = $(ratio "$ours" "$ogr")  (goal <= 1.2)"
