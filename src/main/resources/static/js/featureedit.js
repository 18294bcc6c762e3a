// Editing a plan's projects (points), tourism routes (lines) and their ordered stops (points): create by drawing,
// move or reshape on the map, change attributes; versions (If-Match), conflicts and history as for parcels.
import { el, clear, option } from './dom.js';
import { t, onLangChange } from './i18n.js';
import { write, problemText, mayEditIn } from './auth.js';
import { showConflict } from './conflict.js';
import { renderHistory, lastEditor } from './history.js';

/** Attribute fields per collection: text, number (with range) or choice. */
const FORMS = {
  projects: [
    { key: 'name', type: 'text', required: true }, { key: 'sector', type: 'text' },
    { key: 'status', type: 'choice', values: ['', 'planned', 'existing', 'upgrade'] },
    { key: 'investment_yi', type: 'number', min: 0, max: 100000 }, { key: 'capacity_text', type: 'text' },
    { key: 'period', type: 'text' }, { key: 'notes', type: 'area' },
  ],
  routes: [{ key: 'name', type: 'text', required: true }, { key: 'notes', type: 'area' }],
  route_stops: [
    { key: 'name', type: 'text', required: true }, { key: 'seq', type: 'number', min: 1, max: 1000, integer: true },
    { key: 'notes', type: 'area' },
  ],
};
const SHAPES = { projects: 'Marker', routes: 'Line', route_stops: 'Marker' };
const EDIT_STYLE = { color: '#1565c0', weight: 4, dashArray: '6 4' };

const label = (key) => t(`feature.${key}`);

function button(text, id, className = 'pm-btn') {
  const b = el('button', className, text);
  b.type = 'button';
  if (id) b.id = id;
  return b;
}

/**
 * Sets up feature editing. sideRoot holds the "new project / new route" buttons; plan() the current plan id; planOf(id) a plan;
 * reload() reloads the plan's layers after a change; stopLayout() ends a park layout session first.
 */
export function setupFeatureEditing({ map, sideRoot, plan, planOf, reload, stopLayout }) {
  const svg = L.svg({ padding: 0.5 });
  let busy = false;
  let temp = null; // the editable copy of a geometry, or a newly drawn one
  let pending = null; // {collection, properties} of a feature being created

  const mayEditPlan = (planId) => Boolean(planId) && planId !== 'all' && mayEditIn(planOf(planId)?.territoryAdcodes || []);

  function clearTemp() {
    if (temp) {
      if (temp.pm && temp.pm.enabled()) temp.pm.disable();
      map.removeLayer(temp);
    }
    temp = null;
  }

  function finish() {
    clearTemp();
    map.pm.disableDraw();
    busy = false;
  }

  // ---- the form -----------------------------------------------------------------------------------------

  function renderForm(root, collection, properties) {
    const form = el('div', 'pm-parcel-form pm-feature-form');
    form.id = 'pm-feature-form';
    const inputs = {};
    const errors = {};
    for (const f of FORMS[collection]) {
      const row = el('label', 'pm-form-row');
      row.appendChild(el('span', 'pm-form-label', label(f.key)));
      let input;
      if (f.type === 'choice') {
        input = el('select');
        f.values.forEach((v) => input.appendChild(option(v, v ? t(`status.${v}`) : '—', v === (properties[f.key] ?? ''))));
      } else if (f.type === 'area') {
        input = el('textarea');
        input.rows = 2;
        input.value = properties[f.key] ?? '';
      } else {
        input = el('input');
        input.type = f.type === 'number' ? 'number' : 'text';
        if (f.type === 'number') { input.min = String(f.min); input.max = String(f.max); input.step = f.integer ? '1' : 'any'; }
        input.value = properties[f.key] ?? '';
      }
      input.id = `pm-feature-${f.key}`;
      row.appendChild(input);
      const msg = el('span', 'pm-form-error');
      row.appendChild(msg);
      inputs[f.key] = input;
      errors[f.key] = msg;
      form.appendChild(row);
    }
    root.appendChild(form);
    return () => {
      const values = {};
      let ok = true;
      for (const f of FORMS[collection]) {
        const raw = inputs[f.key].value.trim();
        errors[f.key].textContent = '';
        const fail = (m) => { errors[f.key].textContent = m; ok = false; };
        if (f.type === 'number') {
          const v = raw === '' ? null : Number(raw);
          const field = label(f.key);
          if (v !== null && (!Number.isFinite(v) || (f.integer && !Number.isInteger(v)))) fail(t('parcel.number', { field }));
          else if (v !== null && (v < f.min || v > f.max)) fail(t('parcel.range', { field, min: f.min, max: f.max }));
          values[f.key] = v;
        } else {
          values[f.key] = raw || null;
        }
        if (f.required && values[f.key] == null) fail(t('parcel.required', { field: label(f.key) }));
      }
      return ok ? values : null;
    };
  }

  // ---- saving -------------------------------------------------------------------------------------------

  async function save({ collection, feature, geometry, values, status, onSaved }) {
    const id = feature?.id;
    const body = { properties: values };
    if (geometry) body.geometry = geometry;
    const result = id
      ? await write('PUT', `/api/edit/${collection}/${encodeURIComponent(id)}`,
        { json: body, ifMatch: feature.properties.version })
      : await write('POST', `/api/edit/${collection}`, { json: body });
    if (result.ok) {
      status.textContent = t('parcel.saved', { version: result.etag });
      status.className = 'pm-status pm-ok';
      await onSaved(result.body, result.etag);
      return;
    }
    status.className = 'pm-status pm-error';
    if (result.status === 412) {
      status.textContent = t('conflict.title');
      const box = el('div');
      status.after(box);
      const current = result.body?.current;
      showConflict(box, {
        mine: { geometry: geometry || feature.geometry, properties: values },
        current,
        user: await lastEditor(collection, id),
        fields: FORMS[collection].map((f) => f.key),
        label,
        onReload: () => onSaved(current, current?.properties?.version, true),
        onKeepMine: () => save({
          collection, geometry, values, status, onSaved,
          feature: { ...feature, properties: { ...feature.properties, version: current?.properties?.version } },
        }),
        onCompare: () => {},
      });
      return;
    }
    status.textContent = t('parcel.rejected', { detail: problemText(result) });
  }

  // ---- existing features: the detail panel ----------------------------------------------------------------

  function decorateDetail(panel, record) {
    const collection = record.layerKey;
    const feature = record.feature;
    if (!FORMS[collection] || !feature?.id || !mayEditPlan(feature.properties.plan)) return;
    const box = el('section', 'pm-feature-edit');
    box.id = 'pm-feature-edit';
    const buttons = el('div', 'pm-buttons');
    const editAttrs = button(t('feature.edit'), 'pm-feature-edit-open');
    const move = button(SHAPES[collection] === 'Line' ? t('feature.reshape') : t('feature.move'), 'pm-feature-move');
    const history = button(t('parcel.history'), 'pm-feature-history');
    buttons.append(editAttrs, move, history);
    if (collection === 'routes') {
      const addStop = button(t('feature.addStop'), 'pm-feature-add-stop');
      addStop.addEventListener('click', () => startCreate('route_stops', {
        route_id: feature.id, plan: feature.properties.plan, seq: (feature.properties.stop_count || 0) + 1,
      }, box));
      buttons.appendChild(addStop);
    }
    if (!feature.geometry) move.hidden = true;
    box.appendChild(buttons);
    const body = el('div');
    const status = el('p', 'pm-status');
    status.id = 'pm-feature-status';
    box.append(body, status);
    const head = panel.querySelector('.pm-detail-head');
    panel.insertBefore(box, head ? head.nextSibling : panel.firstChild);

    const saved = async (f) => { finish(); if (f) await reload(f.id); };
    editAttrs.addEventListener('click', () => {
      clear(body);
      const read = renderForm(body, collection, feature.properties);
      const ok = button(t('parcel.save'), 'pm-feature-save');
      ok.addEventListener('click', () => {
        const values = read();
        if (values) save({ collection, feature, values, status, onSaved: saved });
      });
      body.appendChild(ok);
    });
    move.addEventListener('click', () => {
      stopLayout();
      finish();
      busy = true;
      temp = L.geoJSON(feature.geometry, {
        pmIgnore: false, style: EDIT_STYLE, renderer: svg,
        pointToLayer: (f, latlng) => L.marker(latlng, { pmIgnore: false, draggable: true }),
      }).getLayers()[0];
      temp.options.pmIgnore = false;
      L.PM.reInitLayer(temp);
      temp.addTo(map);
      temp.pm.enable({ snappable: true, draggable: true });
      if (temp.dragging) temp.dragging.enable();
      clear(body);
      body.appendChild(el('p', 'pm-hint', t('feature.moveHint')));
      const ok = button(t('parcel.save'), 'pm-feature-save');
      const cancel = button(t('feature.cancel'), 'pm-feature-cancel');
      cancel.addEventListener('click', () => { finish(); clear(body); });
      ok.addEventListener('click', () => save({
        collection, feature, geometry: temp.toGeoJSON(15).geometry, values: {}, status, onSaved: saved,
      }));
      body.append(ok, cancel);
    });
    history.addEventListener('click', () => {
      clear(body);
      renderHistory(body, {
        collection, id: feature.id, currentVersion: () => feature.properties.version,
        onRestored: async () => reload(feature.id),
      });
    });
  }

  // ---- new features ---------------------------------------------------------------------------------------

  function startCreate(collection, properties, root) {
    stopLayout();
    finish();
    busy = true;
    pending = { collection, properties, root };
    map.pm.enableDraw(SHAPES[collection], {
      snappable: true, pathOptions: { ...EDIT_STYLE, renderer: svg, pmIgnore: false },
      templineStyle: { color: '#1565c0', renderer: svg }, hintlineStyle: { color: '#1565c0', dashArray: '5 5', renderer: svg },
      markerStyle: { pmIgnore: false },
    });
    const status = root.querySelector('.pm-status') || root.appendChild(el('p', 'pm-status'));
    status.className = 'pm-status';
    status.textContent = t(SHAPES[collection] === 'Line' ? 'feature.drawLine' : 'feature.drawPoint');
  }

  map.on('pm:create', ({ layer }) => {
    if (!pending) return;
    const { collection, properties, root } = pending;
    pending = null;
    temp = layer;
    const body = el('div', 'pm-feature-new');
    body.id = 'pm-feature-new';
    body.appendChild(el('h3', null, t(`feature.new.${collection}`)));
    const read = renderForm(body, collection, properties);
    const status = el('p', 'pm-status');
    const ok = button(t('parcel.save'), 'pm-feature-save');
    const cancel = button(t('feature.cancel'), 'pm-feature-cancel');
    cancel.addEventListener('click', () => { finish(); body.remove(); });
    ok.addEventListener('click', () => {
      const values = read();
      if (!values) return;
      save({
        collection, feature: null, geometry: layer.toGeoJSON(15).geometry, values: { ...properties, ...values }, status,
        onSaved: async (f) => { finish(); body.remove(); await reload(f.id); },
      });
    });
    body.append(ok, cancel, status);
    root.appendChild(body);
  });

  // ---- the side panel: new project / new route for the current plan ---------------------------------------

  function renderSide() {
    clear(sideRoot);
    const planId = plan();
    sideRoot.hidden = !mayEditPlan(planId);
    if (sideRoot.hidden) return;
    sideRoot.appendChild(el('h2', null, t('feature.title')));
    const buttons = el('div', 'pm-buttons');
    const project = button(t('feature.newProject'), 'pm-new-project');
    const route = button(t('feature.newRoute'), 'pm-new-route');
    project.addEventListener('click', () => startCreate('projects', { plan: planId }, sideRoot));
    route.addEventListener('click', () => startCreate('routes', { plan: planId }, sideRoot));
    buttons.append(project, route);
    sideRoot.appendChild(buttons);
  }

  onLangChange(() => renderSide());
  return { decorateDetail, renderSide, busy: () => busy };
}
