// A feature's popup (short) and detail panel (everything), built from elements with textContent only.
import { el, clear } from './dom.js';
import { t, term, lang } from './i18n.js';
import { areaText } from './area.js';

const ATTRIBUTES = [
  'land_use_code', 'land_use_name', 'area_m2', 'far', // parcels (no other collection has these)
  'level', 'grade', 'status', 'code', 'sector', 'investment_yi', 'capacity_text', 'period', 'park_id', 'town',
  'parent_park', 'route_id', 'seq', 'stop_count', 'structure_name', 'members', 'industries', 'area_text', 'area_km2',
  'prefecture', 'parent', 'adcode', 'building_density', 'green_ratio', 'height_limit',
];
const POPUP_ATTRIBUTES = 4;
const NOT_SHOWN = new Set([
  'name', 'plan', 'kind', 'aliases', 'position_accuracy', 'location_text', 'source_doc', 'source_line', 'source_text',
  'other_lines', 'notes', 'version', 'outside_territory', 'seat', 'parent_id', 'source',
]);

function listText(values) {
  return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(lang() === 'zh' ? '、' : ', ');
}

function plainValue(key, value, ctx) {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? listText(value) : null;
  switch (key) {
    case 'kind': return term('kind', value);
    case 'status': return term('status', value);
    case 'sector': return term('sector', value);
    case 'position_accuracy': return term('accuracy', value);
    case 'park_id': case 'parent_park': case 'route_id': return ctx.nameOf(value) || String(value);
    case 'plan': return ctx.planTitle(value);
    case 'area_m2': return Number.isFinite(Number(value)) ? areaText(Number(value)) : String(value);
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function citation(props) {
  const box = el('div', 'pm-citation');
  if (props.source_text) box.appendChild(el('blockquote', 'pm-quote', props.source_text));
  if (props.source_doc) {
    const where = props.source_line != null
      ? t('detail.citeLine', { doc: props.source_doc, line: props.source_line })
      : props.source_doc;
    box.appendChild(el('div', 'pm-cite', where));
  }
  return box;
}

function kindLine(record, ctx) {
  const p = record.feature.properties || {};
  const parts = [term('kind', p.kind), ctx.layerLabel(record.layerKey), p.plan ? ctx.planTitle(p.plan) : null];
  return el('div', 'pm-kind', parts.filter(Boolean).join(' · '));
}

function accuracyBadge(props) {
  const acc = props.position_accuracy || 'unlocated';
  const colon = lang() === 'zh' ? '：' : ': ';
  return el('span', `pm-badge pm-acc-${acc.replace(/[^a-z-]/g, '')}`, `${t('attr.position_accuracy')}${colon}${term('accuracy', acc)}`);
}

/** The popup: name, kind, accuracy, and the plan's sentence with document and line. */
export function popupContent(record, ctx) {
  const p = record.feature.properties || {};
  const box = el('div', 'pm-popup');
  box.appendChild(el('h3', 'pm-popup-title', p.name));
  box.appendChild(kindLine(record, ctx));
  box.appendChild(accuracyBadge(p));
  const dl = el('dl', 'pm-attrs pm-popup-attrs');
  let shown = 0;
  for (const key of ATTRIBUTES) {
    const value = plainValue(key, p[key], ctx);
    if (value === null || shown >= POPUP_ATTRIBUTES) continue;
    dl.appendChild(el('dt', null, t(`attr.${key}`)));
    dl.appendChild(el('dd', null, value));
    shown += 1;
  }
  if (shown) box.appendChild(dl);
  box.appendChild(citation(p));
  const more = el('button', 'pm-link', t('detail.more'));
  more.type = 'button';
  more.addEventListener('click', () => ctx.showDetail(record));
  box.appendChild(more);
  return box;
}

/** Short hover text: the name and its kind. */
export function tooltipContent(record) {
  const p = record.feature.properties || {};
  const box = el('span', null, p.name);
  if (p.kind) box.appendChild(el('span', 'pm-tooltip-kind', ` ${term('kind', p.kind)}`));
  return box;
}

/** Fills the detail panel with every attribute in plain words. */
export function renderDetail(panel, record, ctx) {
  const p = record.feature.properties || {};
  clear(panel);
  const head = el('div', 'pm-detail-head');
  head.appendChild(el('h2', 'pm-detail-title', p.name));
  const close = el('button', 'pm-close', '×');
  close.type = 'button';
  close.title = t('detail.close');
  close.setAttribute('aria-label', t('detail.close'));
  close.addEventListener('click', () => ctx.closeDetail());
  head.appendChild(close);
  panel.appendChild(head);
  panel.appendChild(kindLine(record, ctx));
  panel.appendChild(accuracyBadge(p));
  if (!record.feature.geometry && !record.tiled) panel.appendChild(el('p', 'pm-warn', t('detail.noGeometry')));
  if (p.outside_territory === true) panel.appendChild(el('p', 'pm-warn', t('detail.outside')));
  if (record.layer) {
    const zoom = el('button', 'pm-link', t('detail.zoom'));
    zoom.type = 'button';
    zoom.addEventListener('click', () => ctx.zoomTo(record));
    panel.appendChild(zoom);
  }
  if (ctx.decorateDetail) ctx.decorateDetail(panel, record);

  panel.appendChild(el('h3', null, t('detail.citation')));
  panel.appendChild(citation(p));
  if (Array.isArray(p.other_lines) && p.other_lines.length) {
    panel.appendChild(el('div', 'pm-cite', t('detail.otherLines', { lines: listText(p.other_lines) })));
  }

  panel.appendChild(el('h3', null, t('detail.attributes')));
  const dl = el('dl', 'pm-attrs');
  const add = (label, value) => {
    if (value === null) return;
    dl.appendChild(el('dt', null, label));
    dl.appendChild(el('dd', null, value));
  };
  add(t('attr.plan'), plainValue('plan', p.plan, ctx));
  add(t('attr.aliases'), plainValue('aliases', p.aliases, ctx));
  add(t('attr.location_text'), plainValue('location_text', p.location_text, ctx));
  for (const key of ATTRIBUTES) add(t(`attr.${key}`), plainValue(key, p[key], ctx));
  for (const [key, value] of Object.entries(p)) {
    if (!NOT_SHOWN.has(key) && !ATTRIBUTES.includes(key) && !key.startsWith('_')) add(key, plainValue(key, value, ctx));
  }
  panel.appendChild(dl);

  if (p.notes) {
    panel.appendChild(el('h3', null, t('detail.notes')));
    panel.appendChild(el('p', 'pm-notes', p.notes));
  }
}
