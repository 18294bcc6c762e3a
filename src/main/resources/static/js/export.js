import { csrfHeaders } from './auth.js';
// Export panel: pick collection, format, encoding and CRS (filters come from the caller: plan, territory, park,
// bbox), run the export as a background job with a progress bar and a cancel button, then download the file.
// Usage: import { mountExport } from './export.js';
//        mountExport(container, { collections: [{id, title}], filters: () => ({ plan: 'korla', bbox: '...' }) });
// Every text is set with textContent: nothing from the server is parsed as HTML.

const el = (tag, text, attrs = {}) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
};

function select(name, label, options) {
  const wrap = el('label', label + ' ');
  const s = el('select', null, { name });
  options.forEach(([value, text]) => s.appendChild(el('option', text, { value })));
  wrap.appendChild(s);
  return [wrap, s];
}

async function problem(r) {
  try {
    const p = await r.json();
    return p.detail || p.title || `HTTP ${r.status}`;
  } catch {
    return `HTTP ${r.status}`;
  }
}

/** Polls a job until it ends, updating the progress bar; resolves with the final job. */
export async function followJob(id, progress, status, signal) {
  for (;;) {
    const r = await fetch(`api/exchange/jobs/${encodeURIComponent(id)}`);
    if (!r.ok) throw new Error(await problem(r));
    const job = await r.json();
    progress.value = job.percent;
    status.textContent = job.total ? `${job.done} / ${job.total}` : job.status;
    if (!['queued', 'running'].includes(job.status)) return job;
    if (signal?.aborted) throw new Error('stopped');
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

export function mountExport(container, { collections, filters = () => ({}) }) {
  const form = el('form', null, { class: 'exchange-export' });
  form.appendChild(el('h3', '导出 Export'));
  const [cWrap, collection] = select('collection', '图层', collections.map((c) => [c.id, c.title || c.id]));
  const [fWrap, format] = select('format', '格式', [['shp', 'Shapefile (zip)'], ['gpkg', 'GeoPackage'],
    ['geojson', 'GeoJSON'], ['kml', 'KML'], ['csv', 'CSV (WKT)']]);
  const [eWrap, encoding] = select('encoding', '编码', [['UTF-8', 'UTF-8'], ['GBK', 'GBK (ArcGIS 中文)']]);
  const [rWrap, crs] = select('crs', '坐标系', [['EPSG:4326', 'WGS 84 (EPSG:4326)'],
    ['EPSG:4490', 'CGCS2000 (EPSG:4490)'], ['gk', 'CGCS2000 3° 高斯-克吕格 (规划所在带)']]);
  const go = el('button', '导出', { type: 'submit' });
  const cancel = el('button', '取消', { type: 'button', hidden: '' });
  const progress = el('progress', null, { max: '100', value: '0', hidden: '' });
  const status = el('span', '', { class: 'exchange-status', role: 'status' });
  form.append(cWrap, fWrap, eWrap, rWrap, go, cancel, progress, status);
  container.appendChild(form);

  const lonLatOnly = () => ['geojson', 'kml'].includes(format.value);
  format.addEventListener('change', () => {
    crs.disabled = lonLatOnly();
    if (lonLatOnly()) crs.value = 'EPSG:4326';
    encoding.disabled = !['shp', 'csv'].includes(format.value);
  });

  let jobId = null;
  cancel.addEventListener('click', async () => {
    if (jobId) await fetch(`api/exchange/jobs/${encodeURIComponent(jobId)}`, { method: 'DELETE', headers: await csrfHeaders(), credentials: 'same-origin' });
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { collection: collection.value, format: format.value, encoding: encoding.value, crs: crs.value,
      ...filters() };
    go.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    status.textContent = '…';
    try {
      const r = await fetch('api/exchange/exports', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...(await csrfHeaders()) },
        body: JSON.stringify(body) });
      if (!r.ok) throw new Error(await problem(r));
      jobId = (await r.json()).id;
      const job = await followJob(jobId, progress, status);
      if (job.status === 'done') {
        status.textContent = `完成 ${job.total} 个要素`;
        window.location.assign(job.download);
      } else {
        status.textContent = job.status === 'cancelled' ? '已取消' : `失败：${job.message}`;
      }
    } catch (e) {
      status.textContent = `失败：${e.message}`;
    } finally {
      go.disabled = false;
      cancel.hidden = true;
      jobId = null;
    }
  });
  return form;
}
