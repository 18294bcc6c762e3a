// The legend: one entry per kind present in the visible layers, drawn with the map's own styles.
import { el, clear } from './dom.js';
import { t, term } from './i18n.js';
import {
  pathStyle, pointStyle, railwayTies, routeColor, gradeClass, sectorGroup, GRADE_STYLES, SECTOR_COLORS, SCHEMATIC_DASH,
} from './symbology.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(children) {
  const s = document.createElementNS(SVG, 'svg');
  s.setAttribute('width', '30');
  s.setAttribute('height', '16');
  s.setAttribute('viewBox', '0 0 30 16');
  s.setAttribute('class', 'pm-swatch');
  children.forEach((c) => s.appendChild(c));
  return s;
}

function shape(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  return node;
}

function lineSwatch(style, overlay) {
  const line = (s) => shape('line', {
    x1: 1, y1: 8, x2: 29, y2: 8, stroke: s.color, 'stroke-width': Math.min(s.weight ?? 2, 12),
    'stroke-opacity': s.opacity ?? 1, 'stroke-dasharray': s.dashArray, 'stroke-linecap': 'butt',
  });
  return svg(overlay ? [line(style), line(overlay)] : [line(style)]);
}

function fillSwatch(style) {
  return svg([shape('rect', {
    x: 2, y: 2, width: 26, height: 12, fill: style.fill === false ? 'none' : (style.fillColor || style.color),
    'fill-opacity': style.fillOpacity ?? 0.2, stroke: style.color, 'stroke-width': Math.min(style.weight ?? 1, 3),
    'stroke-dasharray': style.dashArray,
  })]);
}

function pointSwatch(style) {
  return svg([shape('circle', {
    cx: 15, cy: 8, r: Math.min(style.radius ?? 5, 7), fill: style.fillColor, 'fill-opacity': style.fillOpacity ?? 1,
    stroke: style.color, 'stroke-width': style.weight ?? 1,
  })]);
}

const isLine = (g) => g && /LineString/.test(g.type);
const isPoint = (g) => g && /Point/.test(g.type);

function swatchFor(key, feature) {
  const p = { ...feature.properties, position_accuracy: 'approximate' };
  const g = feature.geometry;
  if (isPoint(g)) return pointSwatch(pointStyle(key, p));
  if (key === 'corridors' && p.kind === 'railway') return lineSwatch(pathStyle(key, p), railwayTies(p));
  const style = pathStyle(key, p);
  if (isLine(g) || style.fill === false) return lineSwatch(style);
  return fillSwatch(style);
}

function entry(swatch, label) {
  const row = el('li', 'pm-legend-item');
  row.appendChild(swatch);
  row.appendChild(el('span', null, label));
  return row;
}

function domSwatch(className, text) {
  const wrap = el('span', 'pm-swatch pm-swatch-dom');
  wrap.appendChild(el('span', className, text));
  return wrap;
}

/** Entries for one layer's features, one per class present. */
function entriesFor(key, features, ctx) {
  const located = features.filter((f) => f.geometry);
  if (!located.length) return [];
  const byClass = new Map();
  const add = (cls, make) => { if (!byClass.has(cls)) byClass.set(cls, make()); };
  for (const f of located) {
    const p = f.properties || {};
    switch (key) {
      case 'counties': case 'townships': case 'neighbours':
        add(key, () => entry(key === 'townships' ? lineSwatch(pathStyle(key, p)) : fillSwatch(pathStyle(key, p)), ctx.layerLabel(key)));
        break;
      case 'routes':
        add(f.id, () => entry(lineSwatch({ ...pathStyle(key, { ...p, position_accuracy: 'approximate' }), color: routeColor(ctx.routeIndex.get(f.id) ?? 0) }), p.name));
        break;
      case 'route_stops':
        add('stop', () => entry(domSwatch('pm-stop pm-route-c0', '1'), t('attr.seq')));
        break;
      case 'scenic_spots': {
        const g = gradeClass(p);
        add(g, () => entry(pointSwatch({ ...GRADE_STYLES[g], fillColor: GRADE_STYLES[g].color, color: '#fff', weight: 1.5 }), t(`grade.${g}`)));
        break;
      }
      case 'projects': {
        const s = sectorGroup(p.sector);
        add(s, () => entry(domSwatch(`pm-project pm-sector-${s}`), t(`sectorGroup.${s}`)));
        break;
      }
      default:
        add(`${p.kind}|${isPoint(f.geometry) ? 'p' : 'a'}`, () => entry(swatchFor(key, f), term('kind', p.kind)));
    }
  }
  const order = key === 'scenic_spots' ? Object.keys(GRADE_STYLES) : key === 'projects' ? Object.keys(SECTOR_COLORS) : null;
  const keys = [...byClass.keys()];
  if (order) keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return keys.map((k) => byClass.get(k));
}

/** Parcels (from tiles): the construction-land classes in their land-use colours, once they are drawn. */
function parcelEntries(ctx) {
  if (!ctx.parcelsDrawn || !ctx.parcelsDrawn()) {
    return [entry(fillSwatch({ fillColor: '#ffffff', color: '#5d4037', weight: 1, fillOpacity: 0 }), t('legend.parcelsZoom'))];
  }
  return (ctx.landUse ? ctx.landUse() : [])
    .filter((c) => c.code.length === 2 && c.construction && c.color)
    .map((c) => entry(fillSwatch({ fillColor: c.color, color: '#5d4037', weight: 1, fillOpacity: 0.7 }), `${c.code} ${c.name}`));
}

export function renderLegend(root, { data, visible, order, ctx }) {
  clear(root);
  let any = false;
  for (const key of order) {
    if (!visible.has(key)) continue;
    const items = key === 'parcels' ? parcelEntries(ctx) : entriesFor(key, data[key] || [], ctx);
    if (!items.length) continue;
    any = true;
    const section = el('div', 'pm-legend-section');
    section.appendChild(el('h4', null, ctx.layerLabel(key)));
    if (key === 'structure') {
      const names = [...new Set((data.structure || []).map((f) => f.properties.structure_name).filter(Boolean))];
      names.forEach((name) => section.appendChild(el('p', 'pm-legend-structure', name)));
    }
    const list = el('ul');
    items.forEach((i) => list.appendChild(i));
    section.appendChild(list);
    root.appendChild(section);
  }
  if (!any) { root.appendChild(el('p', 'pm-empty', t('legend.empty'))); return; }
  const note = el('ul', 'pm-legend-note');
  note.appendChild(entry(lineSwatch({ color: '#555', weight: 2, dashArray: SCHEMATIC_DASH }), t('legend.schematic')));
  root.appendChild(note);
}
