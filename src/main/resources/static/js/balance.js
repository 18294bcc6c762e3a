// The park's land-use balance table (用地平衡表), read from the server after every change, with CSV/XLSX downloads.
import { el, clear } from './dom.js';
import { t } from './i18n.js';

const num = (v, digits = 2) => (v === null || v === undefined ? '' : Number(v).toFixed(digits));

export async function renderBalance(root, parkId) {
  const base = `/api/parks/${encodeURIComponent(parkId)}/balance`;
  const response = await fetch(base, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${base}`);
  const b = await response.json();
  clear(root);
  root.appendChild(el('h3', null, t('balance.title')));
  const sums = el('dl', 'pm-attrs pm-balance-sums');
  const add = (label, area, id) => {
    sums.appendChild(el('dt', null, label));
    const dd = el('dd', null, `${num(area?.hectares)} ha`);
    dd.id = id;
    sums.appendChild(dd);
  };
  add(t('balance.parkArea'), b.parkArea, 'pm-balance-park');
  add(t('balance.parcelArea'), b.parcelArea, 'pm-balance-parcels');
  add(t('balance.construction'), b.constructionArea, 'pm-balance-construction');
  add(t('balance.unassigned'), b.unassignedArea, 'pm-balance-unassigned');
  root.appendChild(sums);

  const rows = b.rows || [];
  if (!rows.length) {
    root.appendChild(el('p', 'pm-empty', t('balance.empty')));
  } else {
    const table = el('table', 'pm-table pm-balance-table');
    table.id = 'pm-balance-table';
    const head = el('tr');
    ['code', 'name', 'hectares', 'share', 'count'].forEach((k) => head.appendChild(el('th', null, t(`balance.${k}`))));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const r of rows) {
      const tr = el('tr', `pm-balance-level${r.level || 1}`);
      tr.dataset.code = r.code || '';
      tr.appendChild(el('td', null, r.code || t('balance.total')));
      tr.appendChild(el('td', null, r.name || ''));
      tr.appendChild(el('td', 'pm-num', num(r.hectares)));
      tr.appendChild(el('td', 'pm-num', r.shareOfConstruction == null ? '' : num(r.shareOfConstruction, 1)));
      tr.appendChild(el('td', 'pm-num', r.parcels ?? ''));
      body.appendChild(tr);
    }
    const total = el('tr', 'pm-balance-total');
    total.appendChild(el('td', null, t('balance.total')));
    total.appendChild(el('td', null, ''));
    total.appendChild(el('td', 'pm-num', num(b.parcelArea?.hectares)));
    total.appendChild(el('td', 'pm-num', b.constructionArea?.squareMetres > 0 ? '100.0' : ''));
    total.appendChild(el('td', 'pm-num', rows.filter((r) => r.level === 1).reduce((s, r) => s + (r.parcels || 0), 0)));
    body.appendChild(total);
    table.appendChild(body);
    root.appendChild(table);
  }
  const links = el('div', 'pm-balance-links');
  for (const [kind, suffix] of [['csv', '.csv'], ['xlsx', '.xlsx']]) {
    const a = el('a', 'pm-link', t(`balance.${kind}`));
    a.href = `${base}${suffix}`;
    a.id = `pm-balance-${kind}`;
    a.setAttribute('download', '');
    links.appendChild(a);
  }
  root.appendChild(links);
  return b;
}
