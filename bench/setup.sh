#!/usr/bin/env bash
# Installs what the benches need, creates the PostGIS bench database, loads the plans and generates the parcels.
source "$(dirname "$0")/common.sh"
need psql:postgresql-15-postgis-3 pgbench:postgresql-15-postgis-3 wrk:wrk ogr2ogr:gdal-bin \
  mapserv:"cgi-mapserver mapserver-bin" lighttpd:lighttpd curl:curl zip:zip python3:python3
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
fi
if ! psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc \
    "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "CREATE DATABASE $BENCH_DB"
fi
have=$(psql_bench -Atc "SELECT COUNT(*) FROM parcel WHERE source_file = 'generated:parcels'" 2>/dev/null || echo 0)
if [[ "$have" == "$BENCH_PARCELS" ]]; then
  echo "bench database $BENCH_DB already has $have generated parcels"
  exit 0
fi
echo "generating $BENCH_PARCELS parcels into $BENCH_DB (a few minutes for 1M)…"
start=$(date +%s.%N)
java -Xmx3g -jar "$(jar)" --server.port=0 --spring.datasource.url="$JDBC_URL?reWriteBatchedInserts=true" \
  --spring.datasource.username="$PG_USER" --spring.datasource.password= --planmap.geodata-dir="$ROOT/geodata" \
  --planmap.generate.parcels="$BENCH_PARCELS" --logging.level.org.planmap=info >"$OUT/generate.log" 2>&1 \
  || { tail -n 40 "$OUT/generate.log"; exit 1; }
psql_bench -c "VACUUM ANALYZE parcel"
end=$(date +%s.%N)
echo "generated $(psql_bench -Atc "SELECT COUNT(*) FROM parcel") parcels in $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.0f", b-a}') s"
