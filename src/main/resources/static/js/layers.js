// The plan's layers: which collection feeds each, how the tree groups them, and how features become Leaflet layers.
import { fetchFeatures } from './api.js';
import { pathStyle, pointStyle, railwayTies, routeColor, sectorGroup, ROUTE_COLOR_COUNT } from './symbology.js';

export const LAYER_TREE = [
  { group: 'boundaries', layers: ['counties', 'townships', 'neighbours'] },
  { group: 'structure', layers: ['structure'] },
  { group: 'parks', layers: ['parks', 'zones', 'parcels'] },
  { group: 'corridors', layers: ['corridors', 'transport_nodes'] },
  { group: 'tourism', layers: ['routes', 'route_stops', 'scenic_spots'] },
  { group: 'projects', layers: ['projects'] },
  { group: 'protected', layers: ['protected_areas'] },
];

export const LAYER_KEYS = LAYER_TREE.flatMap((g) => g.layers);

/** Layers not read as GeoJSON with the plan: parcels come from vector tiles (see parcels.js). */
export const TILED_KEYS = new Set(['parcels']);

/** Bottom to top: areas, then lines, then points (parcels have a pane of their own, over these). */
export const DRAW_ORDER = [
  'neighbours', 'counties', 'zones', 'protected_areas', 'townships', 'parks', 'structure',
  'corridors', 'routes', 'projects', 'transport_nodes', 'scenic_spots', 'route_stops',
];

const PLAN_COLLECTIONS = [
  'structure', 'parks', 'zones', 'corridors', 'transport_nodes', 'routes', 'route_stops',
  'scenic_spots', 'projects', 'protected_areas',
];

// Neighbouring counties are context only: their outlines come simplified by the server to ~500 m, which keeps the
// first render quick (in full they are ~140 000 vertices, most of the territories' ~5 MB); the plans' own counties
// and townships come as stored.
const CONTEXT_TOLERANCE_DEG = 0.005;

/** Features by layer key for one plan, or for all plans (planIds) when planId is 'all'. */
export async function loadPlanData(planId, planIds = []) {
  const plan = planId === 'all' ? null : planId;
  const [context, own, ...lists] = await Promise.all([
    fetchFeatures('territories', null, null, CONTEXT_TOLERANCE_DEG),
    Promise.all((plan ? [plan] : planIds).map((id) => fetchFeatures('territories', id))).then((l) => l.flat()),
    ...PLAN_COLLECTIONS.map((c) => fetchFeatures(c, plan)),
  ]);
  const isCounty = (f) => Boolean(f.properties.adcode);
  const counties = own.filter(isCounty);
  const shown = new Set(counties.map((f) => f.properties.adcode));
  const neighbours = [];
  for (const f of context) {
    if (isCounty(f) && !shown.has(f.properties.adcode)) {
      shown.add(f.properties.adcode);
      neighbours.push(f);
    }
  }
  const data = { counties, townships: own.filter((f) => !isCounty(f)), neighbours };
  PLAN_COLLECTIONS.forEach((c, i) => { data[c] = lists[i]; });
  return data;
}

const isPoint = (g) => g && (g.type === 'Point' || g.type === 'MultiPoint');

function pointLatLngs(geometry) {
  const coords = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
  return coords.map(([lng, lat]) => L.latLng(lat, lng));
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = String(text);
  return el;
}

function projectIcon(props) {
  const schematic = props.position_accuracy === 'schematic' ? ' pm-schematic' : '';
  const dot = element('span', `pm-project pm-sector-${sectorGroup(props.sector)}${schematic}`);
  return L.divIcon({ html: dot, className: 'pm-project-icon', iconSize: [14, 14], iconAnchor: [7, 7] });
}

function stopIcon(props, routeIndex) {
  const badge = element('span', `pm-stop pm-route-c${routeIndex % ROUTE_COLOR_COUNT}`, props.seq ?? '?');
  return L.divIcon({ html: badge, className: 'pm-stop-icon', iconSize: [20, 20], iconAnchor: [10, 10] });
}

/** A name at the unit's seat (counties always, towns only at larger scales: see planmap.css). */
function seatLabel(props, className) {
  if (!Array.isArray(props.seat) || props.seat.length !== 2) return null;
  const label = element('span', `${className}-text`, props.name);
  return L.marker(L.latLng(props.seat[1], props.seat[0]), {
    icon: L.divIcon({ html: label, className, iconSize: null }),
    interactive: false, keyboard: false,
  });
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 'small' : n < 50 ? 'medium' : 'large';
  const inner = element('div', null);
  inner.appendChild(element('span', null, n));
  return L.divIcon({ html: inner, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(36, 36) });
}

/**
 * Builds one Leaflet group per layer key. Returns the groups and, per feature id, the record
 * {feature, layerKey, layer} (layer null when the feature has no geometry).
 */
export function buildLayers(data, { renderer, onSelect, tooltip, passClicks = () => false, tiled = {} }) {
  const groups = {};
  const records = new Map();
  const routeIndex = new Map((data.routes || []).map((f) => f.id).sort().map((id, i) => [id, i]));

  const wire = (layer, id) => {
    layer.on('click', (e) => {
      if (passClicks()) return; // while a park layout is edited, clicks belong to the drawing tools
      if (e.originalEvent) L.DomEvent.stopPropagation(e);
      onSelect(id, e.latlng);
    });
    layer.bindTooltip(() => tooltip(id), { sticky: true, direction: 'top', className: 'pm-tooltip' });
    return layer;
  };

  for (const key of LAYER_KEYS) {
    if (TILED_KEYS.has(key)) {
      groups[key] = { group: tiled[key], cluster: null };
      continue;
    }
    const group = L.featureGroup();
    const cluster = key === 'projects'
      ? L.markerClusterGroup({
        maxClusterRadius: 45, disableClusteringAtZoom: 12, showCoverageOnHover: false,
        spiderfyOnMaxZoom: true, animate: false, chunkedLoading: true, iconCreateFunction: clusterIcon,
      })
      : null;
    if (cluster) group.addLayer(cluster);
    groups[key] = { group, cluster };

    for (const feature of data[key] || []) {
      const props = feature.properties || {};
      const id = feature.id ?? `${key}-${records.size}`;
      let layer = null;
      const geometry = feature.geometry;
      if (geometry) {
        if (key === 'projects' && isPoint(geometry)) {
          const markers = pointLatLngs(geometry).map((ll) => wire(L.marker(ll, { icon: projectIcon(props), keyboard: false }), id));
          layer = markers.length === 1 ? markers[0] : L.featureGroup(markers);
          markers.forEach((m) => cluster.addLayer(m));
        } else if (key === 'route_stops' && isPoint(geometry)) {
          const idx = routeIndex.get(props.route_id) ?? 0;
          layer = wire(L.marker(pointLatLngs(geometry)[0], { icon: stopIcon(props, idx), keyboard: false }), id);
          group.addLayer(layer);
        } else {
          layer = geoJsonLayer(feature, key, renderer, routeIndex);
          wire(layer, id);
          group.addLayer(layer);
        }
        if (key === 'counties' || key === 'townships') {
          const label = seatLabel(props, key === 'counties' ? 'pm-county-label' : 'pm-town-label');
          if (label) group.addLayer(label);
        }
      }
      records.set(id, { feature, layerKey: key, layer, cluster });
    }
  }
  return { groups, records, routeIndex };
}

function geoJsonLayer(feature, key, renderer, routeIndex) {
  const props = feature.properties;
  const style = () => {
    if (isPoint(feature.geometry)) return { ...pointStyle(key, props), renderer };
    const s = pathStyle(key, props);
    if (key === 'routes') s.color = routeColor(routeIndex.get(feature.id) ?? 0);
    return { ...s, renderer };
  };
  const layer = L.geoJSON(feature, {
    style,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...pointStyle(key, props), renderer }),
  });
  if (key === 'corridors' && props.kind === 'railway') {
    const ties = L.geoJSON(feature, { style: () => ({ ...railwayTies(props), renderer }) });
    layer.addLayer(ties);
  }
  return layer;
}
