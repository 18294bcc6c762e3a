// Geodesic areas on the WGS84 ellipsoid with GeographicLib (window.geodesic, the same library the server uses in Java).
import { t } from './i18n.js';

const M2_PER_MU = 10000 / 15;

function ringArea(ring) {
  const poly = window.geodesic.Geodesic.WGS84.Polygon(false);
  ring.forEach((ll) => poly.AddPoint(ll.lat, ll.lng));
  return Math.abs(poly.Compute(false, true).area);
}

/** The area in m² of a Leaflet polygon's latlngs (outer ring minus holes; several parts summed). */
export function geodesicArea(latlngs) {
  if (!latlngs || !latlngs.length) return 0;
  if (latlngs[0] && typeof latlngs[0].lat === 'number') return latlngs.length >= 3 ? ringArea(latlngs) : 0;
  if (Array.isArray(latlngs[0]) && latlngs[0].length && typeof latlngs[0][0].lat === 'number') {
    const [outer, ...holes] = latlngs;
    return Math.max(0, geodesicArea(outer) - holes.reduce((s, h) => s + geodesicArea(h), 0));
  }
  return latlngs.reduce((s, part) => s + geodesicArea(part), 0);
}

/** m², 公顷 and 亩 of an area in m². */
export function areaUnits(m2) {
  return { m2, hectares: m2 / 10000, mu: m2 / M2_PER_MU };
}

const fmt = (value, digits) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "12,345 m² · 1.23 公顷 · 18.5 亩" in the current language. */
export function areaText(m2) {
  const a = areaUnits(m2);
  return t('area.text', { m2: fmt(a.m2, 0), ha: fmt(a.hectares, 2), mu: fmt(a.mu, 1) });
}
