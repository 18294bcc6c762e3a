// The "changed by someone else" dialog (412): nothing is lost; reload the stored version, or compare first.
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { FIELDS } from './parcelform.js';

const show = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));

/**
 * Shows the conflict in root. mine = {geometry, properties} not saved; current = the stored feature (GeoJSON) from
 * the 412 answer. onReload() takes the stored version; onKeepMine() saves mine over it; onCompare(show) draws the
 * stored geometry on the map while the comparison is open.
 */
export function showConflict(root, {
  mine, current, user, onReload, onKeepMine, onCompare, fields = FIELDS, label = (key) => t(`parcel.${key}`),
}) {
  clear(root);
  root.hidden = false;
  const p = current?.properties || {};
  const box = el('div', 'pm-conflict');
  box.id = 'pm-conflict';
  box.setAttribute('role', 'alertdialog');
  box.appendChild(el('h3', null, t('conflict.title')));
  box.appendChild(el('p', null, t('conflict.text', { user: user || '?', version: show(p.version) })));
  const buttons = el('div', 'pm-buttons');
  const reload = el('button', 'pm-btn', t('conflict.reload'));
  reload.type = 'button';
  reload.id = 'pm-conflict-reload';
  const compare = el('button', 'pm-btn', t('conflict.compare'));
  compare.type = 'button';
  compare.id = 'pm-conflict-compare';
  const keep = el('button', 'pm-btn', t('conflict.keepMine'));
  keep.type = 'button';
  keep.id = 'pm-conflict-keep';
  keep.hidden = true;
  buttons.append(reload, compare, keep);
  box.appendChild(buttons);
  const table = el('table', 'pm-table pm-compare');
  table.id = 'pm-conflict-table';
  table.hidden = true;
  box.appendChild(table);
  root.appendChild(box);

  const close = () => { onCompare(false); clear(root); root.hidden = true; };
  reload.addEventListener('click', () => { close(); onReload(); });
  keep.addEventListener('click', () => { close(); onKeepMine(); });
  compare.addEventListener('click', () => {
    clear(table);
    const head = el('tr');
    [t('conflict.field'), t('conflict.mine'), t('conflict.theirs')].forEach((h) => head.appendChild(el('th', null, h)));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const key of fields) {
      const a = show(mine.properties[key]);
      const b = show(p[key]);
      const tr = el('tr', a === b ? null : 'pm-differs');
      tr.dataset.field = key;
      tr.append(el('td', null, label(key)), el('td', null, a), el('td', null, b));
      body.appendChild(tr);
    }
    const same = JSON.stringify(mine.geometry) === JSON.stringify(current?.geometry);
    const geo = el('tr', same ? null : 'pm-differs');
    geo.dataset.field = 'geometry';
    geo.append(el('td', null, t('conflict.geometry')), el('td', null, '—'),
      el('td', null, same ? t('conflict.sameGeometry') : t('conflict.otherGeometry')));
    body.appendChild(geo);
    table.appendChild(body);
    table.hidden = false;
    keep.hidden = false;
    onCompare(!same);
  });
}
