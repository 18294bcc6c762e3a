// Parcels of every park, which can be a million in a prefecture: drawn from the server's vector tiles
// (/tiles/parcels/{z}/{x}/{y}.pbf, Leaflet.VectorGrid) in land-use colours, with a plan filter, the park being edited
// left out (its parcels are GeoJSON in the editor), a version in the tile URL that is bumped after edits, and
// picking at map level for popups. `?parcels=geojson` in the page URL draws them from OGC API GeoJSON instead (the
// way the benchmark compares).
import { landUseColor } from './symbology.js';

/** Parcels are ~120 m: below zoom 13 they are a few pixels each, and a tile would hold thousands. */
export const PARCEL_MIN_ZOOM = 13;
const PANE = 'pm-parcels';
const GEOJSON_PAGE = 10000;

patchVectorGrid();

/**
 * Leaflet.VectorGrid 1.3.0 predates Leaflet 1.8 (Leaflet.VectorGrid#274, fixed upstream in #288 but not released):
 * its tile canvas calls L.DomEvent.fakeStop, which Leaflet 1.8 removed, and a tile unloaded while the mouse is on it
 * has no _map any more. Tile canvases here take no pointer events (picking is done at map level, see featureAt), so
 * these paths should not run; they are made safe anyway, the way Leaflet 1.9's own canvas renderer does it.
 */
function patchVectorGrid() {
  if (!L.DomEvent.fakeStop) L.DomEvent.fakeStop = (e) => { e._stopped = true; };
  if (!L.Canvas.Tile || L.Canvas.Tile.prototype._planmapPatched) return;
  L.Canvas.Tile.include({
    _planmapPatched: true,
    _onClick(e) {
      if (!this._map) return;
      const point = this._map.mouseEventToLayerPoint(e).subtract(this.getOffset());
      let clicked = null;
      for (const layer of Object.values(this._layers)) {
        if (layer.options.interactive && layer._containsPoint(point) && !this._map._draggableMoved(layer)) clicked = layer;
      }
      this._fireEvent(clicked ? [clicked] : false, e);
    },
    _fireEvent(layers, e, type) {
      if (this._map) this._map._fireDOMEvent(e, type || e.type, layers);
    },
  });
}

function parcelStyle(props, zoom) {
  return {
    fill: true, fillColor: landUseColor(props.land_use_code), fillOpacity: 0.7,
    stroke: true, color: '#5d4037', weight: zoom >= 16 ? 1 : 0.5, opacity: 0.85,
  };
}

/** The page's choice of how parcels travel: 'tiles' (default) or 'geojson' (`?parcels=geojson`). */
export function parcelMode() {
  return new URLSearchParams(window.location.search).get('parcels') === 'geojson' ? 'geojson' : 'tiles';
}

/**
 * The parcel layer of the map. Returns {layer, mode, setPlan, hidePark, endEdit, featureAt, whenDrawn, stats}:
 * layer is what the layer tree adds and removes; featureAt(latlng) gives the properties of the parcel drawn there.
 */
export function createParcelLayer(map, { mode = parcelMode() } = {}) {
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = 450; // over the plan's areas, under markers
  const filter = { plan: null, park: null };
  const shown = (p) => (!filter.plan || p.plan === filter.plan) && (!filter.park || p.park_id !== filter.park);
  const impl = mode === 'geojson' ? geojsonParcels(map, shown) : tileParcels(map, shown);
  const update = () => { if (map.hasLayer(impl.layer)) impl.redraw(); };
  return {
    layer: impl.layer,
    mode,
    /** Only this plan's parcels (null: every plan's). The layer is re-added on a plan change, which redraws it. */
    setPlan(plan) { filter.plan = plan || null; },
    /** Leaves out the parcels of the park being edited (null: none). */
    hidePark(parkId) {
      if (filter.park === (parkId || null)) return;
      filter.park = parkId || null;
      update();
    },
    /** Shows the edited park again; after changes, read under new tile URLs, so no browser cache answers. */
    endEdit(changed) {
      filter.park = null;
      if (changed) impl.bump();
      update();
    },
    featureAt: (latlng) => (map.hasLayer(impl.layer) ? impl.featureAt(latlng) : null),
    /** Resolves once the parcels of the current view are drawn (at once when there is nothing to draw). */
    whenDrawn: () => (map.hasLayer(impl.layer) ? impl.whenDrawn() : Promise.resolve()),
    stats: () => impl.stats(),
  };
}

// ---- vector tiles ---------------------------------------------------------------------------------------------

function tileParcels(map, shown) {
  const grid = L.vectorGrid.protobuf('/tiles/parcels/{serverZ}/{x}/{y}.pbf?v={v}', {
    v: Date.now().toString(36),
    // 512 px tiles, one zoom level up: a quarter of the requests (and of the parcels cut at tile edges) for a view.
    // VectorGrid has no zoomOffset; Leaflet's URL template calls a function value with the tile's {x, y, z}.
    tileSize: 512,
    serverZ: (tile) => tile.z - 1,
    pane: PANE,
    rendererFactory: L.canvas.tile,
    vectorTileLayerStyles: { parcels: (p, z) => (shown(p) ? parcelStyle(p, z) : []) },
    interactive: true, // gives every feature its pixel bounds, which featureAt needs; the pane takes no pointer events
    getFeatureId: (f) => f.properties.id,
    minZoom: PARCEL_MIN_ZOOM,
    maxNativeZoom: 18,
    attribution: '',
  });
  let version = 0;
  return {
    layer: grid,
    // Not grid.redraw(): Leaflet 1.9's GridLayer.redraw takes the map's zoom unrounded, and with zoomSnap 0.25 asks
    // for tiles such as /tiles/parcels/15.5/…; taking the layer off and on again picks the tile zoom as usual.
    redraw() {
      if (!grid._map) return;
      map.removeLayer(grid);
      map.addLayer(grid);
    },
    bump() { version += 1; grid.options.v = `${Date.now().toString(36)}-${version}`; },
    featureAt(latlng) {
      const z = grid._tileZoom;
      if (z === undefined || map.getZoom() < PARCEL_MIN_ZOOM) return null;
      const size = grid.getTileSize();
      const p = map.project(latlng, z);
      const coords = L.point(Math.floor(p.x / size.x), Math.floor(p.y / size.y));
      coords.z = z;
      const tile = grid._vectorTiles[grid._tileCoordsToKey(coords)];
      if (!tile || !tile._features) return null;
      const local = p.subtract(coords.scaleBy(size));
      let hit = null;
      for (const { feature } of Object.values(tile._features)) if (feature._containsPoint(local)) hit = feature;
      return hit ? { ...hit.properties } : null;
    },
    // GridLayer fires 'load' once every tile in view is drawn; a tile whose request failed never is, hence the limit.
    whenDrawn: () => new Promise((resolve) => {
      if (!grid.isLoading()) resolve();
      else grid.once('load', () => resolve());
      setTimeout(resolve, 30000);
    }),
    stats() {
      const tiles = Object.values(grid._vectorTiles || {});
      const features = tiles.reduce((n, t) => n + Object.keys(t._features || {}).length, 0);
      const ids = new Map(); // park -> ids of its parcels drawn (a parcel on several tiles counts once)
      tiles.forEach((t) => Object.values(t._features || {}).forEach(({ feature }) => {
        const park = feature.properties.park_id || '';
        if (!ids.has(park)) ids.set(park, new Set());
        ids.get(park).add(feature.properties.id);
      }));
      const parks = Object.fromEntries([...ids].map(([park, set]) => [park, set.size]));
      return { mode: 'tiles', tiles: tiles.length, features, parks, version: grid.options.v };
    },
  };
}

// ---- GeoJSON from OGC API (the comparison) ----------------------------------------------------------------------

function geojsonParcels(map, shown) {
  const renderer = L.canvas({ pane: PANE, padding: 0.1 });
  const group = L.geoJSON(null, {
    pane: PANE, renderer, interactive: false, filter: (f) => shown(f.properties),
    style: (f) => parcelStyle(f.properties, map.getZoom()),
  });
  let features = [];
  let seq = 0;
  let loading = Promise.resolve();
  const draw = () => { group.clearLayers(); group.addData(features); };
  const load = () => {
    const mine = ++seq;
    if (map.getZoom() < PARCEL_MIN_ZOOM) { features = []; draw(); loading = Promise.resolve(); return; }
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
    loading = fetchAll(`/ogcapi/collections/parcels/items?limit=${GEOJSON_PAGE}&bbox=${bbox}`).then((list) => {
      if (mine !== seq) return;
      features = list;
      draw();
    });
  };
  group.on('add', () => { map.on('moveend', load); load(); });
  group.on('remove', () => { map.off('moveend', load); seq += 1; });
  return {
    layer: group,
    redraw: draw,
    bump() { if (map.hasLayer(group)) load(); },
    featureAt(latlng) {
      const point = map.latLngToLayerPoint(latlng);
      let hit = null;
      group.eachLayer((l) => { if (l._containsPoint && l._containsPoint(point)) hit = l; });
      return hit ? { id: hit.feature.id, ...hit.feature.properties } : null;
    },
    whenDrawn: () => loading.then(() => new Promise((r) => requestAnimationFrame(() => r()))),
    stats: () => ({ mode: 'geojson', tiles: 0, features: group.getLayers().length }),
  };
}

async function fetchAll(url) {
  const out = [];
  for (let next = url, page = 0; next && page < 100; page++) {
    const response = await fetch(next, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(`${response.status} ${next}`);
    const body = await response.json();
    out.push(...(body.features || []));
    const link = (body.links || []).find((l) => l.rel === 'next');
    const u = link && new URL(link.href, window.location.href);
    next = u ? u.pathname + u.search : null; // the server's links carry the host it was asked for
  }
  return out;
}
