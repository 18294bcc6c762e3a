// Park layout editing: a geoman session over one park's parcels (draw, edit vertices, drag, cut, delete, snapping,
// undo/redo), the attribute form, live geodesic areas, saving with versions, conflicts, history and the balance table.
import { el, clear } from './dom.js';
import { t, lang, onLangChange } from './i18n.js';
import { write, problemText, refreshUser, onUserChange, mayEditIn, setupAuthBox } from './auth.js';
import { geodesicArea, areaText } from './area.js';
import { renderParcelForm, FIELDS } from './parcelform.js';
import { renderBalance } from './balance.js';
import { renderHistory, lastEditor } from './history.js';
import { showConflict } from './conflict.js';

// Only layers marked pmIgnore: false take part in geoman's modes; the rest of the map stays as it is.
L.PM.setOptIn(true);

const PARCEL_STYLE = { color: '#6d4c41', weight: 2, fillColor: '#ffcc80', fillOpacity: 0.45 };
const SELECTED_STYLE = { color: '#d84315', weight: 3, fillColor: '#ffab91', fillOpacity: 0.55 };
const DIRTY_STYLE = { color: '#1565c0', weight: 2, dashArray: '4 3', fillColor: '#90caf9', fillOpacity: 0.45 };
const OUTLINE_STYLE = { color: '#2e7d32', weight: 3, fill: false, dashArray: '8 4' };

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

const cloneLatLngs = (v) => (Array.isArray(v) ? v.map(cloneLatLngs) : L.latLng(v.lat, v.lng));

function button(text, id, className = 'pm-btn') {
  const b = el('button', className, text);
  b.type = 'button';
  if (id) b.id = id;
  return b;
}

/**
 * Sets up editing: the sign-in box in authRoot, the layout panel, and the "编辑布局" button that decorateDetail adds
 * to a park's detail panel. planOf(id) gives a plan (with territoryAdcodes); onUser() is called when the user changes;
 * reloadLayers() reads the plan's layers again (after a park outline changed).
 */
export function setupEditing({
  map, panel, authRoot, planOf, onUser, closeDetail, reloadLayers, onLayoutStart = () => {}, onLayoutEnd = () => {},
}) {
  const svg = L.svg({ padding: 0.5 });
  if (!map.pm) map.pm = new L.PM.Map(map);
  const session = {
    park: null, // the park feature as stored
    outline: null, // its outline on the map (snapping target, not editable)
    group: null, // the parcel layers
    entries: new Map(), // layer -> {id, version, properties, dirty, layer}
    selected: null,
    undo: [],
    redo: [],
    landuse: [],
    problems: L.layerGroup(),
    compare: L.layerGroup(),
    outlineMode: false,
    deleted: [],
    changed: false, // whether anything was written, so the parcel tiles must be read again
  };
  let drawing = null;

  setupAuthBox(authRoot);
  onUserChange(() => onUser());
  refreshUser().catch(() => {});

  // ---- panel ------------------------------------------------------------------------------------------

  const parts = {};
  function buildPanel() {
    clear(panel);
    const head = el('div', 'pm-detail-head');
    parts.title = el('h2', 'pm-detail-title');
    parts.title.id = 'pm-layout-title';
    head.appendChild(parts.title);
    const close = button('×', 'pm-layout-close', 'pm-close');
    close.title = t('layout.close');
    close.addEventListener('click', () => stop());
    head.appendChild(close);
    panel.appendChild(head);
    parts.hint = el('p', 'pm-hint', t('layout.hint'));
    panel.appendChild(parts.hint);
    parts.notice = el('p', 'pm-warn');
    panel.appendChild(parts.notice);
    const tools = el('div', 'pm-buttons');
    parts.undo = button(t('layout.undo'), 'pm-undo');
    parts.redo = button(t('layout.redo'), 'pm-redo');
    parts.outline = button(t('layout.redrawOutline'), 'pm-redraw-outline');
    parts.undo.addEventListener('click', () => undo());
    parts.redo.addEventListener('click', () => redo());
    parts.outline.addEventListener('click', () => startOutline());
    tools.append(parts.undo, parts.redo, parts.outline);
    panel.appendChild(tools);
    parts.live = el('div', 'pm-live-area');
    parts.live.id = 'pm-live-area';
    parts.live.hidden = true;
    panel.appendChild(parts.live);
    parts.status = el('p', 'pm-status');
    parts.status.id = 'pm-layout-status';
    panel.appendChild(parts.status);
    parts.conflict = el('div');
    parts.conflict.id = 'pm-conflict-box';
    parts.conflict.hidden = true;
    panel.appendChild(parts.conflict);
    parts.parcel = el('section', 'pm-parcel');
    parts.parcel.id = 'pm-parcel';
    panel.appendChild(parts.parcel);
    parts.history = el('section', 'pm-history-box');
    parts.history.id = 'pm-history';
    panel.appendChild(parts.history);
    panel.appendChild(el('h3', null, t('layout.parcels')));
    parts.list = el('ul', 'pm-parcel-list');
    parts.list.id = 'pm-parcel-list';
    panel.appendChild(parts.list);
    parts.balance = el('section', 'pm-balance');
    parts.balance.id = 'pm-balance';
    panel.appendChild(parts.balance);
  }

  function setStatus(text, kind = '') {
    parts.status.textContent = text || '';
    parts.status.className = `pm-status ${kind}`;
  }

  // ---- start / stop -----------------------------------------------------------------------------------

  function canEditPark(feature) {
    const plan = planOf(feature.properties.plan);
    return mayEditIn(plan?.territoryAdcodes || []);
  }

  function decorateDetail(detailPanel, record) {
    if (record.layerKey !== 'parks' || !record.feature?.id || !canEditPark(record.feature)) return;
    const start = button(t('layout.start'), 'pm-layout-start');
    start.addEventListener('click', () => begin(record.feature.id).catch((err) => {
      console.warn(err);
      setStatus(err.message, 'pm-error');
    }));
    const head = detailPanel.querySelector('.pm-detail-head');
    detailPanel.insertBefore(start, head ? head.nextSibling : detailPanel.firstChild);
  }

  async function begin(parkId) {
    if (session.park) stop(true);
    map.closePopup();
    closeDetail();
    buildPanel();
    panel.hidden = false;
    map.invalidateSize({ pan: false });
    const [park, landuse] = await Promise.all([
      getJson(`/ogcapi/collections/parks/items/${encodeURIComponent(parkId)}`),
      session.landuse.length ? session.landuse : getJson('/api/landuse'),
    ]);
    session.park = park;
    session.landuse = landuse;
    session.changed = false;
    onLayoutStart(parkId);
    parts.title.textContent = t('layout.title', { park: park.properties.name });
    session.group = L.featureGroup().addTo(map);
    session.problems.addTo(map);
    session.compare.addTo(map);
    drawOutline();
    await loadParcels();
    const g = park.geometry;
    if (g && g.type !== 'Point') map.fitBounds(session.outline.getBounds(), { padding: [30, 30], animate: false });
    else if (g) map.setView([g.coordinates[1], g.coordinates[0]], 14, { animate: false });
    addControls();
    renderParcel();
    await refreshBalance();
    document.body.dataset.layoutPark = parkId;
  }

  function stop(force = false) {
    if (!session.park) return;
    if (!force && [...session.entries.values()].some((e) => e.dirty) && !window.confirm(t('layout.unsavedLeave'))) return;
    map.pm.disableDraw();
    map.pm.disableGlobalEditMode();
    map.pm.disableGlobalDragMode();
    map.pm.disableGlobalRemovalMode();
    if (map.pm.globalCutModeEnabled()) map.pm.disableGlobalCutMode();
    map.pm.removeControls();
    [session.group, session.outline].forEach((l) => l && map.removeLayer(l));
    session.problems.clearLayers();
    session.compare.clearLayers();
    map.removeLayer(session.problems);
    map.removeLayer(session.compare);
    const { changed } = session;
    Object.assign(session, {
      park: null, outline: null, group: null, selected: null, undo: [], redo: [], deleted: [], changed: false,
    });
    session.entries.clear();
    panel.hidden = true;
    clear(panel);
    delete document.body.dataset.layoutPark;
    map.invalidateSize({ pan: false });
    onLayoutEnd(changed);
  }

  function drawOutline() {
    if (session.outline) map.removeLayer(session.outline);
    session.outline = null;
    const g = session.park.geometry;
    const schematic = session.park.properties.position_accuracy === 'schematic';
    parts.notice.textContent = !g || g.type === 'Point' ? t('layout.noOutline') : schematic ? t('layout.schematic') : '';
    if (!g || g.type === 'Point') return;
    // Not editable (pmIgnore), but a snapping target (snapIgnore: false).
    session.outline = L.geoJSON(g, {
      style: OUTLINE_STYLE, interactive: false, pmIgnore: true, snapIgnore: false, renderer: svg,
    });
    session.outline.eachLayer((l) => { l.options.pmIgnore = true; l.options.snapIgnore = false; });
    session.outline.addTo(map);
  }

  async function loadParcels() {
    session.group.clearLayers();
    session.entries.clear();
    const params = new URLSearchParams({ plan: session.park.properties.plan, limit: '10000' });
    for (let url = `/ogcapi/collections/parcels/items?${params}`, page = 0; url && page < 100; page++) {
      const fc = await getJson(url);
      fc.features.filter((f) => f.properties.park_id === session.park.id && f.geometry).forEach((f) => addStored(f));
      const next = (fc.links || []).find((l) => l.rel === 'next');
      const u = next && new URL(next.href, window.location.href);
      url = u ? u.pathname + u.search : null; // the server's links carry the host it was asked for
    }
    renderList();
  }

  function latLngsOf(geometry) {
    if (geometry.type === 'Polygon') return L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1);
    return L.GeoJSON.coordsToLatLngs(geometry.coordinates, 2);
  }

  function addStored(feature) {
    const layer = L.polygon(latLngsOf(feature.geometry), { ...PARCEL_STYLE, renderer: svg, pmIgnore: false });
    const entry = {
      id: feature.id, version: feature.properties.version, properties: { ...feature.properties }, dirty: false, layer,
    };
    attach(layer, entry);
    return entry;
  }

  function attach(layer, entry) {
    entry.layer = layer;
    entry.latlngs = cloneLatLngs(layer.getLatLngs());
    layer.options.pmIgnore = false;
    if (!layer.pm) L.PM.reInitLayer(layer);
    session.entries.set(layer, entry);
    if (!session.group.hasLayer(layer)) session.group.addLayer(layer);
    if (!layer.pmParcelBound) {
      layer.pmParcelBound = true;
      const current = () => session.entries.get(layer);
      layer.on('click', () => { if (current()) select(current()); });
      layer.on('pm:edit', () => { if (current()) geometryChanged(current()); });
      layer.on('pm:markerdrag pm:drag pm:vertexadded pm:vertexremoved', () => showLive(layer.getLatLngs()));
      layer.on('pm:markerdragend pm:dragend', () => hideLive());
    }
    styleOf(entry);
  }

  function styleOf(entry) {
    const style = entry.dirty || !entry.id ? DIRTY_STYLE : PARCEL_STYLE;
    entry.layer.setStyle(entry === session.selected
      ? { ...style, ...SELECTED_STYLE, dashArray: style.dashArray || null }
      : { dashArray: null, ...style });
  }

  // ---- geoman -----------------------------------------------------------------------------------------

  function addControls() {
    map.pm.setLang(lang() === 'zh' ? 'zh' : 'en');
    map.pm.setGlobalOptions({
      snappable: true,
      snapDistance: 15,
      allowSelfIntersection: false,
      pathOptions: { ...DIRTY_STYLE, renderer: svg, pmIgnore: false },
      templineStyle: { color: '#1565c0', renderer: svg },
      hintlineStyle: { color: '#1565c0', dashArray: '5 5', renderer: svg },
      continueDrawing: false,
    });
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false, drawCircleMarker: false, drawPolyline: false, drawRectangle: true, drawPolygon: true,
      drawCircle: false, drawText: false, editMode: true, dragMode: true, cutPolygon: true, removalMode: true,
      rotateMode: false,
    });
  }

  map.on('pm:drawstart', ({ workingLayer }) => {
    if (!session.park) return;
    drawing = workingLayer;
    const update = () => {
      const hint = map.pm.Draw.Polygon?._hintMarker?.getLatLng?.();
      const pts = [...drawing.getLatLngs()];
      if (hint && map.pm.Draw.Polygon.enabled()) pts.push(hint);
      showLive(pts);
    };
    workingLayer.on('pm:vertexadded', update);
    drawing._pmUpdate = update;
    map.on('mousemove', update);
  });
  map.on('pm:drawend', () => {
    if (drawing) map.off('mousemove', drawing._pmUpdate);
    drawing = null;
    hideLive();
  });

  map.on('pm:create', ({ layer }) => {
    if (!session.park) return;
    if (session.outlineMode) {
      session.outlineMode = false;
      map.removeLayer(layer);
      saveOutline(layer.toGeoJSON().geometry);
      return;
    }
    const entry = { id: null, version: null, properties: { park_id: session.park.id }, dirty: true, layer };
    map.removeLayer(layer);
    attach(layer, entry);
    pushUndo({ kind: 'create', entry });
    select(entry);
    renderList();
  });

  map.on('pm:cut', ({ layer, originalLayer }) => {
    const entry = session.entries.get(originalLayer);
    if (!entry) return;
    const before = entry.latlngs;
    session.entries.delete(originalLayer);
    session.group.removeLayer(originalLayer);
    if (session.group.hasLayer(layer)) session.group.removeLayer(layer);
    if (map.hasLayer(layer)) map.removeLayer(layer);
    // A cut right through a parcel leaves several parts: the first keeps the parcel, the others become new
    // (unsaved) parcels with the same attributes.
    const geometry = layer.toGeoJSON(15).geometry;
    const parts = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
    const first = L.polygon(L.GeoJSON.coordsToLatLngs(parts[0], 1), { ...PARCEL_STYLE, renderer: svg, pmIgnore: false });
    attach(first, entry);
    entry.dirty = true;
    pushUndo({ kind: 'geometry', entry, before, after: cloneLatLngs(first.getLatLngs()) });
    styleOf(entry);
    for (const part of parts.slice(1)) {
      const extra = L.polygon(L.GeoJSON.coordsToLatLngs(part, 1), { ...DIRTY_STYLE, renderer: svg, pmIgnore: false });
      const { id, version, area_m2: area, ...rest } = entry.properties;
      const created = { id: null, version: null, properties: { ...rest, name: null }, dirty: true, layer: extra };
      attach(extra, created);
      pushUndo({ kind: 'create', entry: created });
    }
    if (map.pm.globalEditModeEnabled()) session.group.eachLayer((l) => l.pm && l.pm.enable());
    select(entry);
  });

  map.on('pm:remove', ({ layer }) => {
    const entry = session.entries.get(layer);
    if (!entry) return;
    removeEntry(entry, true);
  });

  function geometryChanged(entry) {
    const after = cloneLatLngs(entry.layer.getLatLngs());
    pushUndo({ kind: 'geometry', entry, before: entry.latlngs, after });
    entry.latlngs = after;
    entry.dirty = true;
    styleOf(entry);
    if (session.selected !== entry) select(entry);
    else renderParcel();
    renderList();
  }

  function showLive(latlngs) {
    parts.live.hidden = false;
    parts.live.textContent = t('layout.drawing', { area: areaText(geodesicArea(latlngs)) });
  }

  function hideLive() {
    parts.live.hidden = true;
  }

  // ---- undo / redo ------------------------------------------------------------------------------------

  function pushUndo(step) {
    session.undo.push(step);
    session.redo = [];
    updateUndoButtons();
  }

  function updateUndoButtons() {
    if (!parts.undo) return;
    parts.undo.disabled = !session.undo.length;
    parts.redo.disabled = !session.redo.length;
  }

  function setGeometry(entry, latlngs) {
    const { layer } = entry;
    const editing = layer.pm && layer.pm.enabled();
    if (editing) layer.pm.disable();
    layer.setLatLngs(cloneLatLngs(latlngs));
    entry.latlngs = cloneLatLngs(latlngs);
    if (editing) layer.pm.enable();
    entry.dirty = true;
    styleOf(entry);
  }

  async function applyStep(step, backwards) {
    const { entry } = step;
    if (step.kind === 'geometry') {
      setGeometry(entry, backwards ? step.before : step.after);
      select(entry);
    } else if (step.kind === 'create') {
      if (backwards) {
        session.entries.delete(entry.layer);
        session.group.removeLayer(entry.layer);
        if (session.selected === entry) session.selected = null;
        renderParcel();
      } else {
        attach(entry.layer, entry);
        select(entry);
      }
    } else if (step.kind === 'delete') {
      if (backwards) await restoreDeleted(entry, step.version);
      else await removeEntry(entry, false);
    }
    renderList();
  }

  async function undo() {
    const step = session.undo.pop();
    if (!step) return;
    session.redo.push(step);
    updateUndoButtons();
    await applyStep(step, true);
  }

  async function redo() {
    const step = session.redo.pop();
    if (!step) return;
    session.undo.push(step);
    updateUndoButtons();
    await applyStep(step, false);
  }

  // ---- selection and form -----------------------------------------------------------------------------

  let form = null;

  function select(entry) {
    const previous = session.selected;
    session.selected = entry;
    if (previous && session.entries.has(previous.layer)) styleOf(previous);
    if (entry) styleOf(entry);
    clear(parts.history);
    renderParcel();
    renderList();
  }

  function renderParcel() {
    clear(parts.parcel);
    form = null;
    const entry = session.selected;
    if (!entry) {
      parts.parcel.appendChild(el('p', 'pm-empty', t('parcel.select')));
      return;
    }
    const heading = entry.id ? entry.properties.name || entry.id : t('parcel.new');
    parts.parcel.appendChild(el('h3', null, heading));
    const meta = el('p', 'pm-parcel-meta');
    meta.id = 'pm-parcel-meta';
    const state = entry.id ? t('parcel.version', { version: entry.version }) : t('parcel.unsaved');
    meta.textContent = `${state}${entry.dirty && entry.id ? ` · ${t('parcel.changed')}` : ''}`;
    parts.parcel.appendChild(meta);
    const area = el('p', 'pm-parcel-area');
    area.id = 'pm-parcel-area';
    area.textContent = `${t('parcel.area')}: ${areaText(geodesicArea(entry.layer.getLatLngs()))}`;
    parts.parcel.appendChild(area);
    form = renderParcelForm(parts.parcel, { properties: entry.properties, landuse: session.landuse });
    form.element.addEventListener('input', () => {
      if (!entry.dirty) { entry.dirty = true; styleOf(entry); renderList(); }
    });
    const buttons = el('div', 'pm-buttons');
    const save = button(t('parcel.save'), 'pm-parcel-save');
    save.addEventListener('click', () => saveParcel(entry));
    buttons.appendChild(save);
    if (entry.id) {
      const del = button(t('parcel.delete'), 'pm-parcel-delete');
      del.addEventListener('click', () => { if (window.confirm(t('parcel.confirmDelete'))) removeEntry(entry, true); });
      const hist = button(t('parcel.history'), 'pm-parcel-history');
      hist.addEventListener('click', () => showHistory(entry));
      buttons.append(del, hist);
    }
    parts.parcel.appendChild(buttons);
  }

  function renderList() {
    if (!parts.list) return;
    clear(parts.list);
    const entries = [...session.entries.values()];
    if (!entries.length) parts.list.appendChild(el('li', 'pm-empty', t('layout.parcelsEmpty')));
    for (const entry of entries) {
      const p = entry.properties;
      const li = el('li', entry === session.selected ? 'pm-active' : null);
      if (entry.id) li.dataset.featureId = entry.id;
      const label = [p.land_use_code, p.land_use_name, p.name].filter(Boolean).join(' ') || t('parcel.new');
      const link = button(label, null, 'pm-link');
      link.addEventListener('click', () => {
        select(entry);
        map.fitBounds(entry.layer.getBounds(), { maxZoom: map.getZoom(), padding: [40, 40], animate: false });
      });
      li.appendChild(link);
      const area = el('span', 'pm-parcel-list-area', areaText(entry.id && !entry.dirty && p.area_m2 ? p.area_m2
        : geodesicArea(entry.layer.getLatLngs())));
      li.appendChild(area);
      if (entry.dirty || !entry.id) {
        li.appendChild(el('span', 'pm-dirty', ` · ${entry.id ? t('parcel.changed') : t('parcel.unsaved')}`));
      }
      parts.list.appendChild(li);
    }
    updateUndoButtons();
  }

  // ---- saving -----------------------------------------------------------------------------------------

  function problemMarker(location, text) {
    if (!Array.isArray(location) || location.length < 2) return;
    const marker = L.circleMarker([location[1], location[0]], {
      radius: 9, color: '#b71c1c', weight: 3, fillColor: '#ef5350', fillOpacity: 0.7, renderer: svg,
      className: 'pm-problem-marker', pmIgnore: true, snapIgnore: true,
    });
    marker.bindTooltip(text, { permanent: false });
    session.problems.addLayer(marker);
  }

  async function failed(result, entry, mine) {
    if (result.status === 412) {
      const user = await lastEditor('parcels', entry.id);
      setStatus(t('conflict.title'), 'pm-error');
      showConflict(parts.conflict, {
        mine,
        current: result.body?.current,
        user,
        onReload: () => reloadFrom(entry, result.body?.current),
        onKeepMine: () => { entry.version = result.body?.current?.properties?.version ?? entry.version; saveParcel(entry); },
        onCompare: (showIt) => {
          session.compare.clearLayers();
          if (showIt && result.body?.current?.geometry) {
            session.compare.addLayer(L.geoJSON(result.body.current.geometry, {
              style: { color: '#6a1b9a', weight: 3, dashArray: '6 4', fill: false }, interactive: false, pmIgnore: true,
              snapIgnore: true, renderer: svg,
            }));
          }
        },
      });
      return;
    }
    const detail = problemText(result);
    setStatus(t('parcel.rejected', { detail }), 'pm-error');
    if (result.status === 422) problemMarker(result.body?.location, detail);
  }

  function reloadFrom(entry, current) {
    session.compare.clearLayers();
    if (!current) return;
    entry.properties = { ...current.properties };
    entry.version = current.properties.version;
    entry.dirty = false;
    if (current.geometry) {
      setGeometry(entry, latLngsOf(current.geometry));
      entry.dirty = false;
    }
    styleOf(entry);
    setStatus(t('parcel.saved', { version: entry.version }));
    select(entry);
  }

  async function saveParcel(entry) {
    if (!form) return;
    const { values, errors } = form.read();
    session.problems.clearLayers();
    clear(parts.conflict);
    parts.conflict.hidden = true;
    if (errors.length) {
      setStatus(errors.map((e) => e.message).join('；'), 'pm-error');
      return;
    }
    const geometry = entry.layer.toGeoJSON(15).geometry;
    const properties = { ...values, park_id: session.park.id };
    const result = entry.id
      ? await write('PUT', `/api/edit/parcels/${encodeURIComponent(entry.id)}`,
        { json: { geometry, properties }, ifMatch: entry.version })
      : await write('POST', '/api/edit/parcels', { json: { geometry, properties } });
    if (!result.ok) {
      await failed(result, entry, { geometry, properties });
      return;
    }
    session.changed = true;
    entry.id = result.body.id;
    entry.version = result.etag ?? result.body.properties.version;
    entry.properties = { ...result.body.properties };
    entry.dirty = false;
    entry.latlngs = cloneLatLngs(entry.layer.getLatLngs());
    styleOf(entry);
    renderParcel();
    renderList();
    setStatus(t('parcel.saved', { version: entry.version }), 'pm-ok');
    await refreshBalance();
  }

  async function removeEntry(entry, record) {
    if (!entry.id) {
      session.entries.delete(entry.layer);
      session.group.removeLayer(entry.layer);
      if (session.selected === entry) session.selected = null;
      renderParcel();
      renderList();
      return;
    }
    const version = entry.version;
    const result = await write('DELETE', `/api/edit/parcels/${encodeURIComponent(entry.id)}`, { ifMatch: version });
    if (!result.ok) {
      if (!session.group.hasLayer(entry.layer)) attach(entry.layer, entry);
      await failed(result, entry, { geometry: entry.layer.toGeoJSON().geometry, properties: entry.properties });
      return;
    }
    session.changed = true;
    session.entries.delete(entry.layer);
    if (session.group.hasLayer(entry.layer)) session.group.removeLayer(entry.layer);
    if (map.hasLayer(entry.layer)) map.removeLayer(entry.layer);
    if (session.selected === entry) session.selected = null;
    session.deleted.push(entry);
    if (record) pushUndo({ kind: 'delete', entry, version });
    setStatus(t('parcel.deleted'), 'pm-ok');
    renderParcel();
    renderList();
    await refreshBalance();
  }

  async function restoreDeleted(entry, version) {
    const result = await write('POST', `/api/edit/parcels/${encodeURIComponent(entry.id)}/restore?version=${version}`);
    if (!result.ok) { setStatus(problemText(result), 'pm-error'); return; }
    session.changed = true;
    session.deleted = session.deleted.filter((e) => e !== entry);
    entry.version = result.etag;
    entry.properties = { ...result.body.properties };
    entry.dirty = false;
    attach(entry.layer, entry);
    select(entry);
    await refreshBalance();
  }

  async function showHistory(entry) {
    await renderHistory(parts.history, {
      collection: 'parcels',
      id: entry.id,
      currentVersion: () => (session.entries.has(entry.layer) ? entry.version : null),
      onRestored: async (feature, version) => {
        session.changed = true;
        if (!session.entries.has(entry.layer)) attach(entry.layer, entry);
        reloadFrom(entry, { ...feature, properties: { ...feature.properties, version } });
        await refreshBalance();
        await showHistory(entry);
      },
    });
  }

  async function refreshBalance() {
    if (!session.park) return;
    try {
      await renderBalance(parts.balance, session.park.id);
    } catch (err) {
      clear(parts.balance).appendChild(el('p', 'pm-error', err.message));
    }
  }

  // ---- park outline -----------------------------------------------------------------------------------

  function startOutline() {
    session.outlineMode = true;
    setStatus(t('layout.outlineDrawing'));
    map.pm.enableDraw('Polygon');
  }

  async function saveOutline(geometry) {
    const park = session.park;
    const result = await write('PUT', `/api/edit/parks/${encodeURIComponent(park.id)}`,
      { json: { geometry }, ifMatch: park.properties.version });
    if (!result.ok) {
      setStatus(t('parcel.rejected', { detail: problemText(result) }), 'pm-error');
      if (result.status === 422) problemMarker(result.body?.location, problemText(result));
      return;
    }
    session.changed = true;
    session.park = result.body;
    session.park.properties.version = result.etag ?? session.park.properties.version;
    drawOutline();
    setStatus(t('layout.outlineSaved', { version: session.park.properties.version }), 'pm-ok');
    await refreshBalance();
    if (reloadLayers) await reloadLayers();
  }

  onLangChange(() => {
    if (!session.park) return;
    const park = session.park;
    const selected = session.selected;
    buildPanel();
    parts.title.textContent = t('layout.title', { park: park.properties.name });
    drawOutline();
    map.pm.setLang(lang() === 'zh' ? 'zh' : 'en');
    session.selected = selected;
    renderParcel();
    renderList();
    refreshBalance();
  });

  // For the browser tests: the session's state, read-only.
  const view = {
    park: () => session.park?.id || null,
    parcels: () => [...session.entries.values()].map((e) => ({
      id: e.id, version: e.version, dirty: e.dirty, geometry: e.layer.toGeoJSON(15).geometry,
      ...FIELDS.reduce((o, k) => ({ ...o, [k]: e.properties[k] ?? null }), {}),
    })),
  };
  return { decorateDetail, begin, stop, view, active: () => Boolean(session.park) };
}
