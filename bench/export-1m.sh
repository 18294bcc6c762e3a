#!/usr/bin/env bash
# Exports N synthetic parcels (default 1,000,000) with the JVM capped at -Xmx512m, on PostGIS, and reports time,
# file size, peak heap after GC and peak RSS for each format. Not a test: figures depend on the machine.
#   bash bench/export-1m.sh [N] [formats]      e.g. bash bench/export-1m.sh 1000000 "shp csv geojson"
# Needs: PostgreSQL+PostGIS on 127.0.0.1:5432 (user postgres, trust), curl, a built jar (mvn -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
FORMATS=${2:-"shp csv geojson gpkg"}
PORT=${BENCH_PORT:-8099}
DB=planmap_bench_export_$$
JAR=$(ls target/planmap-*.jar | grep -v original | head -n 1)
WORK=$(mktemp -d)
PSQL=(psql -q -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1)

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
java -Xmx512m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --planmap.exchange.work-dir="$WORK/exchange" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB"; rm -rf "$WORK"' EXIT INT TERM
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

# The generator: N parcels of a 1000-column grid near Korla, Chinese names and land-use classes, decimals.
start=$(date +%s)
"${PSQL[@]}" -d $DB <<SQL
INSERT INTO parcel (id, plan_id, name, kind, source_doc, source_line, source_text, position_accuracy, source_file,
  park_id, land_use_code, land_use_name, far, building_density, green_ratio, height_limit, area_m2, geom)
SELECT 'bench-' || i, 'korla', '上库高新区地块 ' || i, 'parcel', 'bench', i % 800,
  '一类工业用地，容积率不低于1.0，建筑密度不低于40%，绿地率不高于15%。', 'schematic', 'bench',
  'korla-parks-shangku', (ARRAY['100101','100102','1101','0701','0901'])[1 + i % 5],
  (ARRAY['一类工业用地','二类工业用地','物流仓储用地','城镇住宅用地','商业用地'])[1 + i % 5],
  1.0 + (i % 37) / 10.0, 0.4 + (i % 11) / 100.0, 0.15, 24.5, 10000.0 + (i % 997) * 1.25,
  ST_MakeEnvelope(86.0 + (i % 1000) * 0.0005, 41.5 + (i / 1000) * 0.0002,
                  86.0 + (i % 1000) * 0.0005 + 0.0004, 41.5 + (i / 1000) * 0.0002 + 0.00015, 4326)
FROM generate_series(1, $N) AS i;
ANALYZE parcel;
SQL
echo "generated $N parcels in $(( $(date +%s) - start )) s"

peak_rss() { grep VmHWM /proc/$APP/status | awk '{print $2 / 1024 " MB"}'; }
for f in $FORMATS; do
  crs=gk; case $f in geojson|kml) crs=EPSG:4326;; esac
  out="$WORK/parcels.$f"
  t=$(curl -sf -o "$out" -w '%{time_total}' \
    "http://127.0.0.1:$PORT/api/exchange/export?collection=parcels&plan=korla&format=$f&encoding=GBK&crs=$crs")
  heap=$(grep -o 'Pause[^>]*->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -n 1)
  echo "$f: ${t}s, $(du -m "$out" | cut -f1) MB, peak heap after GC ${heap} MB (max 512), peak RSS $(peak_rss)"
  rm -f "$out"
done
grep -q OutOfMemoryError "$WORK/app.log" && { echo "OutOfMemoryError!"; exit 1; }
echo "no OutOfMemoryError at -Xmx512m"
