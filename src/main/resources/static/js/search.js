// Search across every layer of the shown plan(s), by name and alias; unlocated features are found too.
import { el, clear } from './dom.js';
import { t, term } from './i18n.js';

const MAX_RESULTS = 30;

function rank(props, q) {
  const names = [props.name, ...(Array.isArray(props.aliases) ? props.aliases : [])]
    .filter((n) => typeof n === 'string').map((n) => n.toLowerCase());
  if (names.some((n) => n === q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.includes(q))) return 2;
  return -1;
}

export function findFeatures(records, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits = [];
  for (const record of records.values()) {
    if (record.layerKey === 'neighbours') continue;
    const r = rank(record.feature.properties || {}, q);
    if (r >= 0) hits.push({ record, r });
  }
  hits.sort((a, b) => a.r - b.r || String(a.record.feature.properties.name).length - String(b.record.feature.properties.name).length);
  return hits.map((h) => h.record);
}

export function setupSearch({ input, list, getRecords, onPick, ctx }) {
  let timer = null;
  let current = [];

  const hide = () => { list.hidden = true; clear(list); };
  const pick = (record) => { hide(); onPick(record); };

  const show = () => {
    current = findFeatures(getRecords(), input.value);
    clear(list);
    if (!input.value.trim()) { hide(); return; }
    if (!current.length) list.appendChild(el('li', 'pm-search-empty', t('search.none')));
    for (const record of current.slice(0, MAX_RESULTS)) {
      const p = record.feature.properties || {};
      const item = el('li');
      const button = el('button', 'pm-search-hit');
      button.type = 'button';
      button.dataset.featureId = record.feature.id;
      button.appendChild(el('span', 'pm-search-name', p.name));
      const meta = [term('kind', p.kind), ctx.layerLabel(record.layerKey), p.plan ? ctx.planTitle(p.plan) : null];
      if (!record.feature.geometry) meta.push(t('search.unlocated'));
      button.appendChild(el('span', 'pm-search-meta', meta.filter(Boolean).join(' · ')));
      button.addEventListener('click', () => pick(record));
      item.appendChild(button);
      list.appendChild(item);
    }
    if (current.length > MAX_RESULTS) list.appendChild(el('li', 'pm-search-empty', t('search.more', { n: current.length - MAX_RESULTS })));
    list.hidden = false;
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(show, 120); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { clearTimeout(timer); show(); if (current[0]) pick(current[0]); }
    if (e.key === 'Escape') hide();
    if (e.key === 'ArrowDown' && !list.hidden) {
      e.preventDefault();
      list.querySelector('.pm-search-hit')?.focus();
    }
  });
  list.addEventListener('keydown', (e) => {
    const hits = [...list.querySelectorAll('.pm-search-hit')];
    const i = hits.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && i >= 0 && i < hits.length - 1) { e.preventDefault(); hits[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); if (i > 0) hits[i - 1].focus(); else input.focus(); }
    if (e.key === 'Escape') { hide(); input.focus(); }
  });
  document.addEventListener('click', (e) => { if (!list.contains(e.target) && e.target !== input) hide(); });
  return { refresh: () => { if (!list.hidden) show(); } };
}
