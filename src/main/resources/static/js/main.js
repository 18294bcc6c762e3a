// Planmap's browser map: wires the plan selector, layers, legend, search, tables and URL state together.
import { fetchPlans, fetchConfig, fetchIndicators, fetchLandUse, forgetFeatures } from './api.js';
import { t, setLang, lang, onLangChange, applyStatic } from './i18n.js';
import { createMap, createBasemaps } from './map.js';
import { LAYER_KEYS, DRAW_ORDER, TILED_KEYS, loadPlanData, buildLayers } from './layers.js';
import { createParcelLayer, PARCEL_MIN_ZOOM } from './parcels.js';
import { setLandUseColors } from './symbology.js';
import { renderLayerTree } from './layertree.js';
import { renderLegend } from './legend.js';
import { popupContent, renderDetail, tooltipContent } from './popup.js';
import { setupSearch } from './search.js';
import { createProjectTable, createIndicatorTable } from './tables.js';
import { readState, writeState } from './urlstate.js';
import { clear, option } from './dom.js';
import { setupEditing } from './draw.js';
import { setupFeatureEditing } from './featureedit.js';

const $ = (id) => document.getElementById(id);

const state = {
  plans: [],
  plan: 'all',
  visible: new Set(LAYER_KEYS),
  data: null,
  built: null,
  selected: null,
  basemap: '',
  basemaps: [],
  loadSeq: 0,
};
const plansById = new Map();
const { map, renderer } = createMap($('pm-map'));
const basemaps = createBasemaps(map);
// Every park's parcels, from vector tiles (see parcels.js); persistent across plan switches.
const parcels = createParcelLayer(map);
let popupRecord = null;
let popup = null;

/** The plan's short name in the current language; a plan the interface does not know yet by its territory. */
function planName(id) {
  if (!id) return '';
  const key = `plan.${id}`;
  const known = t(key);
  return known !== key ? known : plansById.get(id)?.territoryName || id;
}

const ctx = {
  planTitle: (id) => planName(id),
  layerLabel: (key) => t(`layer.${key}`),
  nameOf: (id) => state.built?.records.get(id)?.feature.properties.name,
  landUse: () => state.landUse || [],
  parcelsDrawn: () => map.getZoom() >= PARCEL_MIN_ZOOM,
  showDetail: (record) => showDetail(record),
  closeDetail: () => closeDetail(),
  zoomTo: (record) => zoomTo(record, true),
  get routeIndex() { return state.built?.routeIndex || new Map(); },
  decorateDetail: (panel, record) => {
    features.decorateDetail(panel, record);
    editing.decorateDetail(panel, record);
  },
};

// Park layout editing (sign-in box, 编辑布局 in a park's detail panel, the layout panel): see draw.js.
const editing = setupEditing({
  map,
  panel: $('pm-layout'),
  authRoot: $('pm-auth'),
  planOf: (id) => plansById.get(id),
  onUser: () => {
    features.renderSide();
    if (state.selected) renderDetail($('pm-detail'), state.selected, ctx);
  },
  closeDetail: () => closeDetail(),
  reloadLayers: () => reloadAfterEdit(null),
  // The park being edited is GeoJSON in the editor: leave it out of the tiles, and read them again once done.
  onLayoutStart: (parkId) => parcels.hidePark(parkId),
  onLayoutEnd: (changed) => parcels.endEdit(changed),
});
// Projects, tourism routes and their stops: see featureedit.js.
const features = setupFeatureEditing({
  map,
  sideRoot: $('pm-feature-tools'),
  plan: () => state.plan,
  planOf: (id) => plansById.get(id),
  reload: (id) => reloadAfterEdit(id),
  stopLayout: () => editing.stop(true),
});

/** After an edit: reads the plan's features again, keeps the view, shows the edited feature. */
async function reloadAfterEdit(id) {
  forgetFeatures();
  const c = map.getCenter();
  await showPlan(state.plan, { view: { lat: c.lat, lng: c.lng, zoom: map.getZoom() } });
  const record = id && state.built.records.get(id);
  if (record) showDetail(record);
}

// ---- layers -------------------------------------------------------------------------------------------

function applyVisibility() {
  if (!state.built) return;
  for (const key of LAYER_KEYS) {
    const { group } = state.built.groups[key];
    const on = state.visible.has(key);
    if (on && !map.hasLayer(group)) group.addTo(map);
    if (!on && map.hasLayer(group)) map.removeLayer(group);
  }
  for (const key of DRAW_ORDER) {
    const { group } = state.built.groups[key];
    if (map.hasLayer(group)) group.bringToFront();
  }
  applyBasemapFill();
}

function applyBasemapFill() {
  if (!state.built) return;
  const fill = { counties: state.basemap ? 0.08 : 0.9, neighbours: state.basemap ? 0.15 : 0.55 };
  for (const [key, opacity] of Object.entries(fill)) {
    state.built.groups[key].group.eachLayer((l) => { if (l.setStyle) l.setStyle({ fillOpacity: opacity }); });
  }
}

function layerCounts() {
  const counts = {};
  for (const key of LAYER_KEYS) {
    if (TILED_KEYS.has(key)) continue; // drawn from tiles: the count is not known here
    const list = state.data?.[key] || [];
    counts[key] = { total: list.length, located: list.filter((f) => f.geometry).length };
  }
  return counts;
}

function renderSide() {
  renderLayerTree($('pm-tree'), {
    visible: state.visible,
    counts: layerCounts(),
    onToggle: (keys, on) => {
      keys.forEach((key) => { if (on) state.visible.add(key); else state.visible.delete(key); });
      applyVisibility();
      renderSide();
      saveUrl();
    },
  });
  renderLegendNow();
}

function renderLegendNow() {
  if (!state.data) return;
  renderLegend($('pm-legend'), { data: state.data, visible: state.visible, order: ['parcels', ...[...DRAW_ORDER].reverse()], ctx });
}

// ---- plans --------------------------------------------------------------------------------------------

function planBounds(planId) {
  const boxes = state.plans.filter((p) => planId === 'all' || p.plan.id === planId).map((p) => p.bbox).filter(Boolean);
  if (!boxes.length) return null;
  const b = L.latLngBounds([]);
  boxes.forEach(([x1, y1, x2, y2]) => { b.extend([y1, x1]); b.extend([y2, x2]); });
  return b;
}

function fillPlanSelect() {
  const select = $('pm-plan-select');
  clear(select);
  select.appendChild(option('all', t('plan.all'), state.plan === 'all'));
  for (const { plan } of state.plans) {
    const period = plan.period ? (lang() === 'zh' ? `（${plan.period}）` : ` (${plan.period})`) : '';
    const o = option(plan.id, `${planName(plan.id)}${period}`, state.plan === plan.id);
    o.title = plan.title || '';
    select.appendChild(o);
  }
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function showPlan(planId, { view } = {}) {
  const seq = ++state.loadSeq;
  const started = performance.now();
  const loading = $('pm-loading');
  loading.textContent = t('loading');
  loading.hidden = false;
  let data;
  try {
    data = await loadPlanData(planId, state.plans.map((p) => p.plan.id));
  } catch (err) {
    loading.textContent = t('loading.failed', { msg: err.message });
    throw err;
  }
  if (seq !== state.loadSeq) return;
  const fetched = performance.now();
  if (state.built) Object.values(state.built.groups).forEach(({ group }) => map.removeLayer(group));
  map.closePopup();
  closeDetail();
  state.plan = planId;
  state.data = data;
  parcels.setPlan(planId === 'all' ? null : planId);
  state.built = buildLayers(data, {
    renderer,
    onSelect: (id, latlng) => selectAt(state.built.records.get(id), latlng),
    tooltip: (id) => tooltipContent(state.built.records.get(id)),
    passClicks: () => editing.active() || features.busy(),
    tiled: { parcels: parcels.layer },
  });
  if (view) map.setView([view.lat, view.lng], view.zoom, { animate: false });
  else {
    const bounds = planBounds(planId);
    if (bounds) map.fitBounds(bounds, { padding: [20, 20], animate: false });
    else map.setView([41.5, 84], 5, { animate: false });
  }
  applyVisibility();
  fillPlanSelect();
  renderSide();
  features.renderSide();
  updateTables();
  saveUrl();
  $('pm-report').href = planId === 'all' ? '/report.html' : `/report.html?plan=${encodeURIComponent(planId)}`;
  await nextFrame();
  await nextFrame();
  const drawn = performance.now();
  await parcels.whenDrawn();
  await nextFrame();
  if (seq !== state.loadSeq) return;
  loading.hidden = true;
  markRendered(planId, { started, fetched, drawn });
}

/** Marks for the browser test: when the plan's layers were all drawn, and how long loading and drawing took. */
function markRendered(planId, { started, fetched, drawn }) {
  const now = performance.now();
  window.planmapRenders = window.planmapRenders || [];
  window.planmapRenders.push({
    plan: planId, at: now, loadMs: fetched - started, drawMs: drawn - fetched, parcelsMs: now - drawn,
    parcels: parcels.stats(),
  });
  performance.mark('planmap-rendered', { detail: { plan: planId } });
  if (window.planmapFirstRender === undefined) window.planmapFirstRender = now;
  window.planmapRendered = now;
  document.body.dataset.renderedPlan = planId;
}

// ---- selection, popup, detail -------------------------------------------------------------------------

function anchor(record) {
  const { layer, feature } = record;
  if (layer.getLatLng) return layer.getLatLng();
  const g = feature.geometry;
  const line = g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' ? g.coordinates[0] : null;
  if (line && line.length) {
    const [lng, lat] = line[Math.floor(line.length / 2)];
    return L.latLng(lat, lng);
  }
  return layer.getBounds().getCenter();
}

function openPopup(record, latlng) {
  popupRecord = record;
  popup = L.popup({ maxWidth: 380, minWidth: 240, autoPanPadding: [30, 30], className: 'pm-leaflet-popup' })
    .setLatLng(latlng || anchor(record))
    .setContent(popupContent(record, ctx))
    .openOn(map);
}

/** A click on a plan feature: over an area, a parcel drawn there is the more precise answer. */
function selectAt(record, latlng) {
  const area = record && /Polygon/.test(record.feature.geometry?.type || '');
  const parcel = area && latlng && parcels.featureAt(latlng);
  if (parcel) selectParcel(parcel, latlng);
  else select(record, latlng);
}

/** A parcel picked from the tiles: popup and detail panel from the tile's properties. */
function selectParcel(props, latlng) {
  const record = {
    feature: { type: 'Feature', id: props.id, properties: { kind: 'parcel', ...props }, geometry: null },
    layerKey: 'parcels', layer: null, tiled: true,
  };
  showDetail(record);
  openPopup(record, latlng);
}

function select(record, latlng) {
  if (!record) return;
  showDetail(record);
  if (record.layer) openPopup(record, latlng);
}

function showDetail(record) {
  state.selected = record;
  const panel = $('pm-detail');
  renderDetail(panel, record, ctx);
  panel.hidden = false;
  map.invalidateSize({ pan: false });
}

function closeDetail() {
  state.selected = null;
  const panel = $('pm-detail');
  panel.hidden = true;
  clear(panel);
  map.invalidateSize({ pan: false });
}

function zoomTo(record, withPopup) {
  showDetail(record);
  if (!record.layer) return;
  if (!state.visible.has(record.layerKey)) {
    state.visible.add(record.layerKey);
    applyVisibility();
    renderSide();
    saveUrl();
  }
  const done = () => { if (withPopup) openPopup(record); };
  if (record.cluster && record.layer.getLatLng && record.cluster.hasLayer(record.layer)) {
    record.cluster.zoomToShowLayer(record.layer, done);
    return;
  }
  if (record.layer.getLatLng) map.setView(record.layer.getLatLng(), Math.max(map.getZoom(), 11), { animate: false });
  else map.fitBounds(record.layer.getBounds(), { maxZoom: 12, padding: [40, 40], animate: false });
  done();
}

// ---- tables -------------------------------------------------------------------------------------------

const projectTable = createProjectTable({
  filtersRoot: $('pm-project-filters'),
  tableRoot: $('pm-project-table'),
  countRoot: $('pm-project-count'),
  ctx,
  onPick: (record) => zoomTo(record, true),
  onFilter: (matches) => filterProjects(matches),
});
const indicatorTable = createIndicatorTable({ root: $('pm-indicator-table'), ctx });

function filterProjects(matches) {
  const { group, cluster } = state.built.groups.projects;
  cluster.clearLayers();
  group.eachLayer((l) => { if (l !== cluster) group.removeLayer(l); });
  for (const record of state.built.records.values()) {
    if (record.layerKey !== 'projects' || !record.layer || !matches(record)) continue;
    if (record.layer.getLatLng) cluster.addLayer(record.layer);
    else if (record.layer instanceof L.FeatureGroup && record.layer.getLayers().every((l) => l.getLatLng)) {
      record.layer.eachLayer((m) => cluster.addLayer(m));
    } else group.addLayer(record.layer);
  }
  applyVisibility();
}

async function updateTables() {
  const projects = [...state.built.records.values()].filter((r) => r.layerKey === 'projects');
  projectTable.setRecords(projects, state.plan === 'all');
  const planIds = state.plan === 'all' ? state.plans.map((p) => p.plan.id) : [state.plan];
  const plan = state.plan;
  const lists = await Promise.all(planIds.map(async (id) => {
    try {
      return (await fetchIndicators(id)).map((i) => ({ ...i, plan: i.plan || i.planId || id }));
    } catch (err) {
      return [];
    }
  }));
  if (plan === state.plan) indicatorTable.setIndicators(lists.flat(), state.plan === 'all');
}

function setupDrawer() {
  const drawer = $('pm-drawer');
  const toggle = $('pm-drawer-toggle');
  const setOpen = (open) => {
    drawer.classList.toggle('pm-collapsed', !open);
    toggle.dataset.i18n = open ? 'tabs.hide' : 'tabs.show';
    toggle.textContent = t(toggle.dataset.i18n);
    map.invalidateSize({ pan: false });
  };
  const showTab = (name) => {
    document.querySelectorAll('.pm-tab').forEach((b) => b.classList.toggle('pm-active', b.dataset.tab === name));
    $('pm-tab-projects').hidden = name !== 'projects';
    $('pm-tab-indicators').hidden = name !== 'indicators';
    setOpen(true);
  };
  document.querySelectorAll('.pm-tab').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  toggle.addEventListener('click', () => setOpen(drawer.classList.contains('pm-collapsed')));
  showTab('projects');
  setOpen(false);
}

// ---- URL state, language, basemap ---------------------------------------------------------------------

let applyingUrl = false;

function saveUrl() {
  if (applyingUrl || !state.built) return;
  const c = map.getCenter();
  writeState({
    plan: state.plan,
    layers: LAYER_KEYS.filter((k) => state.visible.has(k)),
    view: { lat: c.lat, lng: c.lng, zoom: map.getZoom() },
    lang: lang(),
    basemap: state.basemap,
  });
}

function applyUrl(url) {
  applyingUrl = true;
  try {
    if (url.layers) state.visible = new Set(url.layers.filter((k) => LAYER_KEYS.includes(k)));
    if (url.lang && url.lang !== lang()) setLang(url.lang);
    if (url.basemap !== undefined) setBasemap(url.basemap);
  } finally {
    applyingUrl = false;
  }
}

function setBasemap(name) {
  const chosen = state.basemaps.find((b) => b.name === name) || null;
  state.basemap = chosen ? chosen.name : '';
  basemaps.show(chosen);
  $('pm-basemap-select').value = state.basemap;
  applyBasemapFill();
}

function fillBasemapSelect() {
  const select = $('pm-basemap-select');
  clear(select);
  select.appendChild(option('', t('basemap.none'), !state.basemap));
  state.basemaps.forEach((b) => select.appendChild(option(b.name, b.name, b.name === state.basemap)));
}

function rerenderForLanguage() {
  fillPlanSelect();
  fillBasemapSelect();
  renderSide();
  projectTable.render();
  indicatorTable.render();
  search.refresh();
  if (state.selected) renderDetail($('pm-detail'), state.selected, ctx);
  if (popup && popupRecord && popup.isOpen()) popup.setContent(popupContent(popupRecord, ctx));
  saveUrl();
}

const search = setupSearch({
  input: $('pm-search'),
  list: $('pm-search-results'),
  getRecords: () => state.built?.records || new Map(),
  onPick: (record) => zoomTo(record, true),
  ctx,
});

// For the browser test and for debugging: read-only views and the detail renderer.
window.planmap = {
  map,
  showDetail: (feature, layerKey = 'parks') => showDetail({ feature, layerKey, layer: null }),
  isLayerOn: (key) => Boolean(state.built && map.hasLayer(state.built.groups[key].group)),
  parcels: { stats: () => parcels.stats(), featureAt: (lat, lng) => parcels.featureAt(L.latLng(lat, lng)), mode: parcels.mode },
  plan: () => state.plan,
  layout: editing.view,
};

async function start() {
  const url = readState();
  setLang(url.lang === 'en' ? 'en' : 'zh');
  applyStatic(document);
  onLangChange(rerenderForLanguage);
  setupDrawer();
  $('pm-lang').addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));

  const [plans, config, landUse] = await Promise.all([
    fetchPlans(), fetchConfig().catch(() => ({ basemaps: [] })), fetchLandUse().catch(() => []),
  ]);
  setLandUseColors(landUse);
  state.landUse = landUse;
  state.plans = plans;
  plans.forEach((p) => plansById.set(p.plan.id, p.plan));
  state.basemaps = (config.basemaps || []).filter((b) => b && b.name && b.url);
  fillBasemapSelect();
  $('pm-basemap-select').addEventListener('change', (e) => { setBasemap(e.target.value); saveUrl(); });
  applyUrl(url);

  $('pm-plan-select').addEventListener('change', (e) => showPlan(e.target.value));
  map.on('moveend', saveUrl);
  map.on('click', (e) => {
    if (editing.active() || features.busy()) return; // clicks belong to the drawing tools
    const parcel = parcels.featureAt(e.latlng);
    if (parcel) selectParcel(parcel, e.latlng);
  });
  const markScale = () => map.getContainer().classList.toggle('pm-small-scale', map.getZoom() < 8.5);
  map.on('zoomend', markScale);
  let parcelScale = map.getZoom() >= PARCEL_MIN_ZOOM;
  map.on('zoomend', () => {
    if ((map.getZoom() >= PARCEL_MIN_ZOOM) !== parcelScale) { parcelScale = !parcelScale; renderLegendNow(); }
  });
  markScale();
  window.addEventListener('hashchange', () => {
    const next = readState();
    applyUrl(next);
    if (next.plan && next.plan !== state.plan) showPlan(next.plan, { view: next.view });
    else {
      applyVisibility();
      renderSide();
      if (next.view) map.setView([next.view.lat, next.view.lng], next.view.zoom, { animate: false });
      saveUrl();
    }
  });

  const planId = url.plan && (url.plan === 'all' || plansById.has(url.plan)) ? url.plan : 'all';
  await showPlan(planId, { view: url.view });
}

start().catch((err) => {
  $('pm-loading').textContent = t('loading.failed', { msg: err.message });
  $('pm-loading').hidden = false;
  console.error(err);
});
