import { csrfHeaders } from './auth.js';
// Import panel: upload a shapefile zip, GeoJSON, GeoPackage or KML; show the preview (count, CRS, encoding,
// fields with samples, problems, extent on the map) and a field mapping; then commit as a background job with
// a progress bar and a cancel button. Nothing is written before "导入".
// Usage: import { mountImport } from './import.js';
//        mountImport(container, { collections: [{id, title}], plan: () => 'korla', map /* optional Leaflet map */ });
// Every text is set with textContent: nothing from the file or the server is parsed as HTML.
import { followJob } from './export.js';

const el = (tag, text, attrs = {}) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
};

async function problem(r) {
  try {
    const p = await r.json();
    return p.detail || p.title || `HTTP ${r.status}`;
  } catch {
    return `HTTP ${r.status}`;
  }
}

function mappingTable(preview) {
  const t = el('table', null, { class: 'exchange-mapping' });
  const head = t.createTHead().insertRow();
  ['文件字段', '示例', '写入'].forEach((h) => head.appendChild(el('th', h)));
  const body = t.createTBody();
  const selects = {};
  preview.fields.forEach((f) => {
    const tr = body.insertRow();
    tr.appendChild(el('td', f.name));
    tr.appendChild(el('td', f.sample ?? ''));
    const s = el('select');
    s.appendChild(el('option', '（不导入）', { value: '' }));
    s.appendChild(el('option', `附加属性 ${f.name}`, { value: `attrs:${f.name}` }));
    preview.targets.forEach((c) => s.appendChild(el('option', c, { value: c })));
    const suggested = preview.mapping[f.name] ?? '';
    if (![...s.options].some((o) => o.value === suggested)) s.appendChild(el('option', suggested, { value: suggested }));
    s.value = suggested;
    selects[f.name] = s;
    const td = el('td');
    td.appendChild(s);
    tr.appendChild(td);
  });
  return [t, () => Object.fromEntries(Object.entries(selects).map(([k, s]) => [k, s.value]))];
}

export function mountImport(container, { collections, plan = () => null, map = null }) {
  const form = el('form', null, { class: 'exchange-import' });
  form.appendChild(el('h3', '导入 Import'));
  const collection = el('select', null, { name: 'collection' });
  collections.forEach((c) => collection.appendChild(el('option', c.title || c.id, { value: c.id })));
  const file = el('input', null, { type: 'file', name: 'file', accept: '.zip,.geojson,.json,.gpkg,.kml' });
  const encoding = el('select', null, { name: 'encoding' });
  [['', '编码：按文件 (.cpg)'], ['GBK', 'GBK'], ['UTF-8', 'UTF-8']].forEach(([v, t]) =>
    encoding.appendChild(el('option', t, { value: v })));
  const crs = el('input', null, { name: 'crs', placeholder: '坐标系（无 .prj 时），如 EPSG:4538' });
  const preview = el('button', '预览', { type: 'submit' });
  const out = el('div', null, { class: 'exchange-preview' });
  const status = el('p', '', { role: 'status' });
  form.append(collection, file, encoding, crs, preview, status, out);
  container.appendChild(form);
  let extentLayer = null;

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!file.files.length) return;
    out.replaceChildren();
    status.textContent = '读取中…';
    const data = new FormData();
    data.append('file', file.files[0]);
    data.append('collection', collection.value);
    if (encoding.value) data.append('encoding', encoding.value);
    if (crs.value.trim()) data.append('crs', crs.value.trim());
    const r = await fetch('api/exchange/imports', { method: 'POST', body: data, headers: await csrfHeaders(), credentials: 'same-origin' });
    if (!r.ok) {
      status.textContent = `无法导入：${await problem(r)}`;
      return;
    }
    const p = await r.json();
    status.textContent = `${p.count} 个要素`;
    p.layers.forEach((l) => out.appendChild(el('p',
      `${l.name}：${l.count} 个｜${l.crs}（${l.crsNote}）｜${l.encoding}（${l.encodingNote}）`)));
    if (p.invalid) out.appendChild(el('p', `${p.invalid} 个几何无效：${p.invalidExamples.join('；')}`));
    p.problems.forEach((x) => out.appendChild(el('p', `⚠ ${x}`, { class: 'problem' })));
    if (map && window.L && p.extent) {
      if (extentLayer) extentLayer.remove();
      const [w, s, e, n] = p.extent;
      extentLayer = window.L.rectangle([[s, w], [n, e]], { color: '#d33', weight: 2, fill: false }).addTo(map);
      map.fitBounds(extentLayer.getBounds());
    }
    const [table, mapping] = mappingTable(p);
    out.appendChild(table);
    const repairWrap = el('label', ' 修复无效几何');
    const repair = el('input', null, { type: 'checkbox' });
    repairWrap.prepend(repair);
    const go = el('button', '导入', { type: 'button' });
    const cancel = el('button', '取消', { type: 'button', hidden: '' });
    const progress = el('progress', null, { max: '100', value: '0', hidden: '' });
    const jobStatus = el('span', '', { role: 'status' });
    out.append(repairWrap, go, cancel, progress, jobStatus);
    let jobId = null;
    cancel.addEventListener('click', () => jobId && csrfHeaders().then((headers) => fetch(`api/exchange/jobs/${jobId}`, { method: 'DELETE', headers, credentials: 'same-origin' })));
    go.addEventListener('click', async () => {
      go.disabled = true;
      const c = await fetch(`api/exchange/imports/${encodeURIComponent(p.id)}/commit`, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...(await csrfHeaders()) },
        body: JSON.stringify({ plan: plan(), mapping: mapping(), repair: repair.checked }) });
      if (!c.ok) {
        jobStatus.textContent = `未导入：${await problem(c)}`;
        go.disabled = false;
        return;
      }
      jobId = (await c.json()).id;
      cancel.hidden = false;
      progress.hidden = false;
      const job = await followJob(jobId, progress, jobStatus);
      cancel.hidden = true;
      jobStatus.textContent = job.status === 'done' ? `已导入 ${job.result.inserted} 个要素`
        : job.status === 'cancelled' ? '已取消，未写入任何要素' : `失败：${job.message}`;
    });
  });
  return form;
}
