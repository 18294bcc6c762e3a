// The map's state in the URL hash (#plan=…&layers=…&view=lat,lng,zoom&lang=…), so a link reopens the same map.
export function readState() {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const state = {};
  if (params.has('plan')) state.plan = params.get('plan');
  if (params.has('layers')) state.layers = params.get('layers').split(',').filter(Boolean);
  if (params.has('lang')) state.lang = params.get('lang');
  if (params.has('basemap')) state.basemap = params.get('basemap');
  const view = (params.get('view') || '').split(',').map(Number);
  if (view.length === 3 && view.every(Number.isFinite)) state.view = { lat: view[0], lng: view[1], zoom: view[2] };
  return state;
}

export function writeState({ plan, layers, view, lang, basemap }) {
  const params = new URLSearchParams();
  params.set('plan', plan);
  params.set('layers', layers.join(','));
  if (view) params.set('view', `${view.lat.toFixed(5)},${view.lng.toFixed(5)},${view.zoom}`);
  params.set('lang', lang);
  if (basemap) params.set('basemap', basemap);
  const hash = `#${params.toString().replace(/%2C/g, ',')}`;
  if (hash !== window.location.hash) history.replaceState(null, '', hash);
}
