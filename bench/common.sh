# Shared settings and helpers of the bench scripts; sourced, not run.
# Everything runs on 127.0.0.1 only, with bounded durations.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"

PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
BENCH_DB=${BENCH_DB:-planmap_bench}
BENCH_PARCELS=${BENCH_PARCELS:-1000000}   # parcels the generator writes
BENCH_SECONDS=${BENCH_SECONDS:-10}        # length of each load run
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-8} # concurrent connections of every load generator
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_WARMUP=${BENCH_WARMUP:-5}           # unmeasured seconds of the same load before every measured run
BENCH_JVM_WARMUP=${BENCH_JVM_WARMUP:-40}  # unmeasured seconds of load on a fresh Planmap, until the JIT has settled
PLANMAP_PORT=${BENCH_PLANMAP_PORT:-18080}
MAPSERVER_PORT=${BENCH_MAPSERVER_PORT:-18081}
JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$BENCH_DB"
BASE="http://127.0.0.1:$PLANMAP_PORT"

psql_bench() { psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$BENCH_DB" -v ON_ERROR_STOP=1 "$@"; }

# Installs the Debian packages a script needs when their command is missing.
need() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

jar() {
  local j
  j=$(ls "$ROOT"/target/planmap-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
  if [[ -z "$j" ]]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
    j=$(ls "$ROOT"/target/planmap-*.jar | grep -v plain | head -n 1)
  fi
  echo "$j"
}

# Starts Planmap on the bench database with extra --properties; waits until it answers.
# PORT=… picks another port (several instances can run side by side).
start_planmap() {
  local port=${PORT:-$PLANMAP_PORT}
  stop_planmap "$port"
  java -Xmx2g -jar "$(jar)" --server.port="$port" --spring.datasource.url="$JDBC_URL" \
    --spring.datasource.username="$PG_USER" --spring.datasource.password= \
    --planmap.geodata-dir="$ROOT/geodata" --logging.level.root=warn "$@" >"$OUT/planmap-$port.log" 2>&1 &
  echo $! >"$OUT/planmap-$port.pid"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$OUT/planmap-$port.pid")" 2>/dev/null || { tail -n 30 "$OUT/planmap-$port.log"; return 1; }
    sleep 1
  done
  echo "Planmap did not start; see $OUT/planmap-$port.log"; return 1
}

# Stops the Planmap on one port, or every one this bench started.
stop_planmap() {
  local f pid
  for f in "$OUT"/planmap-${1:-*}.pid; do
    [[ -f "$f" ]] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$f"
  done
}

# wrk GETting random paths from a file against a base URL; prints requests/s (details in $OUT/wrk-last.txt).
# WRK_CONNECTIONS overrides the connection count for one call.
wrk_rps() {
  local paths=$1 base=${2:-$BASE} c=${WRK_CONNECTIONS:-$BENCH_CONNECTIONS}
  wrk -t"$(( c < BENCH_THREADS ? c : BENCH_THREADS ))" -c"$c" -d"${BENCH_WARMUP}s" --timeout 10s \
    -s "$BENCH_DIR/paths.lua" "$base" -- "$paths" >/dev/null 2>&1 || true
  wrk -t"$(( c < BENCH_THREADS ? c : BENCH_THREADS ))" -c"$c" -d"${BENCH_SECONDS}s" --timeout 10s \
    -s "$BENCH_DIR/paths.lua" "$base" -- "$paths" >"$OUT/wrk-last.txt" 2>&1 \
    || { cat "$OUT/wrk-last.txt"; return 1; }
  if [[ "$(awk '/^failed/ {print $2}' "$OUT/wrk-last.txt")" != 0 ]]; then
    echo "some requests failed:" >&2; cat "$OUT/wrk-last.txt" >&2
  fi
  awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-last.txt"
}

# "p95 X ms" of the last wrk run.
wrk_p95() { awk '/^p95_ms/ {print "p95 " $2 " ms"}' "$OUT/wrk-last.txt"; }

# Viewport bounding boxes (lon/lat) centred on a fixed sample of generated parcels: $1 wide, $2 high (degrees).
viewports() {
  psql_bench -At -F ',' -c "
    SELECT round((ST_X(c) - $1 / 2)::numeric, 6), round((ST_Y(c) - $2 / 2)::numeric, 6),
           round((ST_X(c) + $1 / 2)::numeric, 6), round((ST_Y(c) + $2 / 2)::numeric, 6)
    FROM (SELECT id, ST_Centroid(geom) AS c FROM parcel WHERE source_file = 'generated:parcels'
          AND abs(hashtext(id)) % 1000 = 0 ORDER BY id LIMIT ${3:-200}) s"
}

# Median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# Appends one line to the results file and prints it.
result() { echo "$*" | tee -a "$OUT/results.txt"; }
