# Starts/stops MapServer 8 (Debian cgi-mapserver, run as FastCGI under lighttpd) serving the bench database's
# parcel table as OGC API - Features at http://127.0.0.1:$MAPSERVER_PORT/mapserv/planmap/ogcapi. Sourced.
MS_BASE="http://127.0.0.1:$MAPSERVER_PORT/mapserv/planmap/ogcapi"

start_mapserver() {
  stop_mapserver
  mkdir -p "$OUT/www"
  cat >"$OUT/parcels.map" <<EOMAP
MAP
  NAME "planmap"
  EXTENT 73 34 97 50
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "ows_title" "planmap bench"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "oga_onlineresource" "$MS_BASE"
      "ows_srs" "EPSG:4326"
    END
  END
  LAYER
    NAME "parcels"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=$PG_HOST port=$PG_PORT dbname=$BENCH_DB user=$PG_USER"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA "geom FROM parcel USING UNIQUE id USING SRID=4326"
    PROJECTION "init=epsg:4326" END
    METADATA
      "ows_title" "parcels"
      "ows_extent" "73 34 97 50"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "gml_types" "auto"
      "oga_max_limit" "10000"
    END
    TEMPLATE "none"
  END
END
EOMAP
  cat >"$OUT/mapserver.conf" <<EOCONF
CONFIG
  ENV
    MS_MAP_PATTERN "^$OUT"
  END
  MAPS
    planmap "$OUT/parcels.map"
  END
END
EOCONF
  cat >"$OUT/lighttpd.conf" <<EOCONF
server.document-root = "$OUT/www"
server.bind = "127.0.0.1"
server.port = $MAPSERVER_PORT
server.errorlog = "$OUT/lighttpd-error.log"
server.max-connections = 256
server.modules = ("mod_setenv", "mod_fastcgi")
setenv.add-environment = ("MAPSERVER_CONFIG_FILE" => "$OUT/mapserver.conf")
fastcgi.server = ("/mapserv" => ((
  "socket" => "$OUT/mapserv.sock",
  "bin-path" => "$(command -v mapserv || echo /usr/lib/cgi-bin/mapserv)",
  "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "$OUT/mapserver.conf"),
  "max-procs" => $BENCH_CONNECTIONS,
  "check-local" => "disable"
)))
EOCONF
  lighttpd -D -f "$OUT/lighttpd.conf" >"$OUT/lighttpd.out" 2>&1 &
  echo $! >"$OUT/lighttpd.pid"
  for _ in $(seq 1 30); do
    curl -fsS "$MS_BASE/collections/parcels?f=json" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "MapServer did not answer; see $OUT/lighttpd-error.log"; curl -sS "$MS_BASE/collections/parcels?f=json" | head -c 600; return 1
}

stop_mapserver() {
  if [[ -f "$OUT/lighttpd.pid" ]]; then
    local pid; pid=$(cat "$OUT/lighttpd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$OUT/lighttpd.pid"
  fi
}
