#!/usr/bin/env node
// Checks geodata/plans/*: schema, unique ids, citations, geometry types, and territory containment.
// Usage: node scripts/geodata/check.mjs [plan ...]   (exit 1 on any error)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = join(root, '..', 'shared', 'seeds');
const TOLERANCE_DEG = 0.01; // ~1 km: the boundary data is quantized to ~100 m
const ACCURACY = new Set(['boundary-data', 'approximate', 'schematic', 'unlocated']);
const GEOMETRY = {
  territories: ['Point'], parks: ['Polygon', 'MultiPolygon', 'Point'], zones: ['Polygon', 'MultiPolygon'],
  corridors: ['LineString', 'MultiLineString'], routes: ['LineString', 'MultiLineString'], route_stops: ['Point'],
  scenic_spots: ['Point', 'Polygon'], projects: ['Point', 'Polygon', 'LineString'],
  protected_areas: ['Polygon', 'MultiPolygon', 'Point'], transport_nodes: ['Point'],
  structure: ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'MultiPoint'],
};
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const norm = (s) => String(s).replace(/\s+/g, '');
// A name may run on past the end of its line (page breaks split names): it must start on the cited line.
function namedAt(lines, n, name) {
  const first = norm(lines[n - 1]);
  const joined = first + lines.slice(n, n + 3).map(norm).join('');
  const at = joined.indexOf(name);
  return at >= 0 && at < first.length;
}

const counties = JSON.parse(readFileSync(join(root, 'geodata', 'boundaries', 'counties.geojson'), 'utf8')).features;
const rings = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function segDist(x, y, [x1, y1], [x2, y2]) {
  const dx = x2 - x1, dy = y2 - y1, l = dx * dx + dy * dy;
  const t = l ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / l)) : 0;
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}
function inTerritory([x, y], polys) {
  for (const poly of polys) {
    for (const p of rings(poly)) {
      const [outer, ...holes] = p;
      if (inRing(x, y, outer) && !holes.some((h) => inRing(x, y, h))) return true;
      for (const r of p) for (let i = 1; i < r.length; i++) if (segDist(x, y, r[i - 1], r[i]) < TOLERANCE_DEG) return true;
    }
  }
  return false;
}
function vertices(g) {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    default: return [];
  }
}

const plans = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(join(root, 'geodata', 'plans'));
const ids = new Set();
for (const plan of plans) {
  const dir = join(root, 'geodata', 'plans', plan);
  const meta = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
  const lines = readFileSync(join(seeds, meta.source_doc), 'utf8').split('\n');
  const territory = counties.filter((c) => meta.territory_adcodes.includes(c.properties.adcode)).map((c) => c.geometry);
  if (territory.length !== meta.territory_adcodes.length) err(`${plan}/plan.json`, 'unknown territory_adcodes');
  const routeIds = new Set();
  const stops = [];
  for (const [collection, types] of Object.entries(GEOMETRY)) {
    const file = join(dir, `${collection}.geojson`);
    if (!existsSync(file)) continue;
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    for (const f of fc.features) {
      const p = f.properties || {};
      const at = `${plan}/${collection}/${f.id}`;
      if (!f.id || ids.has(f.id)) err(at, 'missing or duplicate id');
      ids.add(f.id);
      for (const k of ['name', 'kind', 'source_doc', 'source_line', 'position_accuracy']) if (p[k] == null) err(at, `missing ${k}`);
      if (!Array.isArray(p.aliases)) err(at, 'aliases must be an array');
      if (p.source_doc !== meta.source_doc) err(at, `source_doc ${p.source_doc} is not the plan's ${meta.source_doc}`);
      if (!ACCURACY.has(p.position_accuracy)) err(at, `bad position_accuracy ${p.position_accuracy}`);
      const line = lines[p.source_line - 1];
      const names = [p.name, ...(p.aliases || [])].map(norm);
      if (line == null) err(at, `line ${p.source_line} does not exist`);
      else if (!names.some((n) => namedAt(lines, p.source_line, n))) err(at, `line ${p.source_line} names neither ${p.name} nor an alias`);
      if (p.source_text && line && !norm(line).includes(norm(p.source_text))) err(at, 'source_text is not verbatim from source_line');
      if (f.geometry == null) {
        if (p.position_accuracy !== 'unlocated') err(at, 'null geometry but not unlocated');
      } else {
        if (!types.includes(f.geometry.type)) err(at, `geometry ${f.geometry.type} not allowed in ${collection}`);
        if (p.position_accuracy === 'unlocated') err(at, 'unlocated but has a geometry');
        const outside = vertices(f.geometry).filter((v) => !inTerritory(v, territory));
        if (outside.length && !p.outside_territory) err(at, `${outside.length} vertices outside the territory, e.g. ${JSON.stringify(outside[0])}`);
      }
      if (collection === 'routes') routeIds.add(f.id);
      if (collection === 'route_stops') stops.push(f);
    }
  }
  const byRoute = {};
  for (const s of stops) {
    if (!routeIds.has(s.properties.route_id)) err(`${plan}/route_stops/${s.id}`, `unknown route_id ${s.properties.route_id}`);
    (byRoute[s.properties.route_id] ||= []).push(s.properties.seq);
  }
  for (const [r, seqs] of Object.entries(byRoute)) {
    seqs.sort((a, b) => a - b);
    if (seqs.some((s, i) => s !== i + 1)) err(`${plan}/route_stops`, `route ${r} stops are not numbered 1..n`);
  }
  const ind = join(dir, 'indicators.json');
  if (existsSync(ind)) {
    for (const i of JSON.parse(readFileSync(ind, 'utf8')).indicators) {
      if (!i.id || !i.name || !lines[i.source_line - 1]) err(`${plan}/indicators/${i.id}`, 'missing id/name or bad source_line');
      else if (!norm(lines[i.source_line - 1]).includes(norm(i.name))) err(`${plan}/indicators/${i.id}`, `line ${i.source_line} does not contain ${i.name}`);
    }
  }
}
if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`${errors.length} errors`);
  process.exit(1);
}
console.log(`geodata OK: ${ids.size} features in ${plans.length} plans`);
