#!/usr/bin/env bash
# Load: LOAD_CLIENTS (50) clients for LOAD_SECONDS (60) s on OGC API item pages, vector tiles and edits
# (org.planmap.load.LoadDriver), against Planmap on a fresh PostGIS database `planmap_load` of LOAD_PARCELS (100 000)
# generated parcels. Prints requests, errors by status and p50/p95/p99 per kind; exits 1 on any error.
source "$(dirname "$0")/common.sh"
LOAD_DB=${LOAD_DB:-planmap_load}
LOAD_PARCELS=${LOAD_PARCELS:-100000}
LOAD_CLIENTS=${LOAD_CLIENTS:-50}
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_PASSWORD=load-admin-password
need psql:postgresql-15-postgis-3 curl:curl
psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $LOAD_DB" \
  -c "CREATE DATABASE $LOAD_DB"
JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$LOAD_DB"
psql_load() { psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$LOAD_DB" -v ON_ERROR_STOP=1 "$@"; }

echo "generating $LOAD_PARCELS parcels into $LOAD_DB…"
java -Xmx2g -jar "$(jar)" --server.port=0 --spring.datasource.url="$JDBC_URL?reWriteBatchedInserts=true" \
  --spring.datasource.username="$PG_USER" --spring.datasource.password= --planmap.geodata-dir="$ROOT/geodata" \
  --planmap.security.initial-admin-password="$LOAD_PASSWORD" --planmap.generate.parcels="$LOAD_PARCELS" \
  >"$OUT/load-generate.log" 2>&1 || { tail -n 40 "$OUT/load-generate.log"; exit 1; }
psql_load -c "VACUUM ANALYZE parcel"
# reads hit the driver's park in Korla and 0.05° around it (the densest Korla parcels), unless LOAD_AREA is given
AREA_ARG=${LOAD_AREA:+--area=$LOAD_AREA}

# the driver is test code: compile it and get the test classpath once
if [[ ! -f "$ROOT/target/test-classes/org/planmap/load/LoadDriver.class" ]]; then
  (cd "$ROOT" && mvn -B -q test-compile) >&2
fi
if [[ ! -s "$OUT/load-classpath.txt" || "$ROOT/pom.xml" -nt "$OUT/load-classpath.txt" ]]; then
  (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/load-classpath.txt") >&2
fi

PORT=${LOAD_PORT:-18090} start_planmap --planmap.security.initial-admin-password="$LOAD_PASSWORD"
trap 'stop_planmap "${LOAD_PORT:-18090}"' EXIT
java -cp "$ROOT/target/test-classes:$(cat "$OUT/load-classpath.txt")" org.planmap.load.LoadDriver \
  --base="http://127.0.0.1:${LOAD_PORT:-18090}" --admin="admin:$LOAD_PASSWORD" --clients="$LOAD_CLIENTS" \
  --seconds=10 $AREA_ARG >"$OUT/load-warmup.txt" || true   # unmeasured: until the JIT has settled
java -cp "$ROOT/target/test-classes:$(cat "$OUT/load-classpath.txt")" org.planmap.load.LoadDriver \
  --base="http://127.0.0.1:${LOAD_PORT:-18090}" --admin="admin:$LOAD_PASSWORD" --clients="$LOAD_CLIENTS" \
  --seconds="$LOAD_SECONDS" $AREA_ARG | tee "$OUT/load.txt"
