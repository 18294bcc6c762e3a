// Schematic shapes for digitizing plans: outlines sized from a stated area, belts along a line.
// Every shape made here is schematic and must be stored with position_accuracy "schematic".
const R = 6371008.8; // mean Earth radius, metres

function metresToDegrees(lat) {
  const dLat = 180 / (Math.PI * R);
  return { dLon: dLat / Math.cos((lat * Math.PI) / 180), dLat };
}

const round = (v) => Math.round(v * 1e5) / 1e5;

/** A regular n-gon (default octagon) centred at [lon, lat] whose area is areaKm2. */
export function polygonOfArea([lon, lat], areaKm2, sides = 8) {
  const areaM2 = areaKm2 * 1e6;
  const r = Math.sqrt((2 * areaM2) / (sides * Math.sin((2 * Math.PI) / sides)));
  const { dLon, dLat } = metresToDegrees(lat);
  const ring = [];
  for (let i = 0; i < sides; i++) {
    const a = (2 * Math.PI * i) / sides + Math.PI / sides;
    ring.push([round(lon + r * Math.cos(a) * dLon), round(lat + r * Math.sin(a) * dLat)]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** A schematic square of side sideKm centred at [lon, lat], for items with no stated area. */
export function square([lon, lat], sideKm) {
  const { dLon, dLat } = metresToDegrees(lat);
  const h = (sideKm * 1000) / 2;
  const x0 = round(lon - h * dLon), x1 = round(lon + h * dLon);
  const y0 = round(lat - h * dLat), y1 = round(lat + h * dLat);
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

/** A belt polygon of total width widthKm around a polyline of [lon, lat] points (flat caps). */
export function belt(points, widthKm) {
  const left = [], right = [];
  const h = (widthKm * 1000) / 2;
  for (let i = 0; i < points.length; i++) {
    const p = points[Math.max(0, i - 1)], n = points[Math.min(points.length - 1, i + 1)];
    const { dLon, dLat } = metresToDegrees(points[i][1]);
    const dx = (n[0] - p[0]) / dLon, dy = (n[1] - p[1]) / dLat;
    const len = Math.hypot(dx, dy) || 1;
    const ox = (-dy / len) * h * dLon, oy = (dx / len) * h * dLat;
    left.push([round(points[i][0] + ox), round(points[i][1] + oy)]);
    right.push([round(points[i][0] - ox), round(points[i][1] - oy)]);
  }
  const ring = [...left, ...right.reverse()];
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

export const point = ([lon, lat]) => ({ type: 'Point', coordinates: [round(lon), round(lat)] });
export const line = (points) => ({ type: 'LineString', coordinates: points.map(([x, y]) => [round(x), round(y)]) });
