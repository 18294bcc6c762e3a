// A feature's history (who, when, what) with "restore this version"; restoring a deleted feature brings it back.
import { el, clear } from './dom.js';
import { t, lang } from './i18n.js';
import { write, problemText } from './auth.js';

function when(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB');
}

/**
 * Lists the history of collection/id into root. currentVersion() gives the version now stored (null when deleted);
 * onRestored(feature, version) is called after a successful restore.
 */
export async function renderHistory(root, { collection, id, currentVersion, onRestored }) {
  const url = `/api/edit/${encodeURIComponent(collection)}/${encodeURIComponent(id)}/history`;
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  clear(root);
  root.appendChild(el('h3', null, t('history.title')));
  if (!response.ok) {
    root.appendChild(el('p', 'pm-error', `HTTP ${response.status}`));
    return [];
  }
  const entries = await response.json();
  if (!entries.length) root.appendChild(el('p', 'pm-empty', t('history.empty')));
  const list = el('ul', 'pm-history');
  list.id = 'pm-history-list';
  const message = el('p', 'pm-status');
  const latest = Math.max(...entries.map((e) => e.version));
  for (const e of [...entries].sort((a, b) => b.version - a.version)) {
    const item = el('li', `pm-history-${e.operation}`);
    item.dataset.version = e.version;
    item.appendChild(el('span', null, t('history.entry', {
      version: e.version, op: t(`history.op.${e.operation}`), user: e.username, when: when(e.changedAt),
    })));
    if (e.after && (e.version !== latest)) {
      const restore = el('button', 'pm-link', t('history.restore'));
      restore.type = 'button';
      restore.addEventListener('click', async () => {
        const result = await write('POST', `/api/edit/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`
          + `/restore?version=${e.version}`, { ifMatch: currentVersion() });
        if (!result.ok) {
          message.textContent = problemText(result);
          return;
        }
        await onRestored(result.body, result.etag);
        message.textContent = t('history.restored', { version: result.etag });
      });
      item.appendChild(restore);
    }
    list.appendChild(item);
  }
  root.appendChild(list);
  root.appendChild(message);
  return entries;
}

/** The user name of the latest change of a feature (for the conflict message), or null. */
export async function lastEditor(collection, id) {
  try {
    const url = `/api/edit/${encodeURIComponent(collection)}/${encodeURIComponent(id)}/history`;
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const entries = await response.json();
    return entries.reduce((a, b) => (b.version > (a?.version ?? -1) ? b : a), null)?.username ?? null;
  } catch (e) {
    return null;
  }
}
