// Signing in and out, who is signed in, and writes that carry the session's CSRF token.
import { el, clear } from './dom.js';
import { t, onLangChange } from './i18n.js';

let me = { signedIn: false, username: null, role: null, grants: [] };
const listeners = [];

export function currentUser() {
  return me;
}

export function onUserChange(fn) {
  listeners.push(fn);
}

/** True when the signed-in account may edit at all (planner or admin; the server still checks the territory). */
export function canEdit() {
  return me.signedIn && (me.role === 'PLANNER' || me.role === 'ADMIN');
}

/** True when the account may edit inside the county with this adcode. */
export function mayEditIn(adcodes) {
  if (!canEdit()) return false;
  if (me.role === 'ADMIN') return true;
  return adcodes.some((a) => me.grants.includes(a));
}

export async function refreshUser() {
  const response = await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  me = response.ok ? await response.json() : { signedIn: false, grants: [] };
  me.grants = me.grants || [];
  listeners.forEach((fn) => fn(me));
  return me;
}

/** Headers that let a browser write pass CSRF protection (for fetches that cannot go through {@link write}). */
export async function csrfHeaders() {
  if (!csrfToken()) await fetch('/api/me', { credentials: 'same-origin' });
  const token = csrfToken();
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

function csrfToken() {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
}

/** A write (POST/PUT/DELETE) with the current CSRF token; answers {status, ok, etag, body}. Never throws on 4xx. */
export async function write(method, url, { json, form, ifMatch } = {}) {
  if (!csrfToken()) await fetch('/api/me', { credentials: 'same-origin' });
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text }; }
  const etag = response.headers.get('ETag');
  return {
    status: response.status,
    ok: response.ok,
    etag: etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : null,
    body: parsed,
  };
}

/** A message for a failed write: the server's detail, or the status. */
export function problemText(result) {
  const b = result.body || {};
  if (result.status === 401) return t('auth.needed');
  const reason = reasonText(b);
  if (result.status === 403) return t('edit.forbidden', { detail: reason });
  return reason || b.title || `HTTP ${result.status}`;
}

/** The server's machine-readable reason in the interface language, else its (English) detail. */
function reasonText(body) {
  const key = `problem.${body.code}`;
  const known = body.code ? t(key, { field: body.field ?? '', detail: body.detail ?? '' }) : key;
  return known !== key ? known : body.detail || '';
}

/** The header control: a sign-in form (user, password) or the signed-in user with a sign-out button. */
export function setupAuthBox(root) {
  const render = () => {
    clear(root);
    if (me.signedIn) {
      root.appendChild(el('span', 'pm-user', t('auth.signedInAs', { user: me.username, role: t(`role.${me.role}`) })));
      const out = el('button', 'pm-auth-btn', t('auth.signOut'));
      out.type = 'button';
      out.id = 'pm-signout';
      out.addEventListener('click', async () => {
        await write('POST', '/logout');
        await refreshUser();
      });
      root.appendChild(out);
      return;
    }
    const open = el('button', 'pm-auth-btn', t('auth.signIn'));
    open.type = 'button';
    open.id = 'pm-signin-open';
    const form = el('form', 'pm-signin');
    form.id = 'pm-signin-form';
    form.hidden = true;
    const user = el('input');
    user.id = 'pm-signin-user';
    user.autocomplete = 'username';
    user.placeholder = t('auth.username');
    user.required = true;
    const pass = el('input');
    pass.id = 'pm-signin-password';
    pass.type = 'password';
    pass.autocomplete = 'current-password';
    pass.placeholder = t('auth.password');
    pass.required = true;
    const submit = el('button', 'pm-auth-btn', t('auth.submit'));
    submit.type = 'submit';
    submit.id = 'pm-signin-submit';
    const message = el('span', 'pm-signin-msg');
    message.id = 'pm-signin-msg';
    form.append(user, pass, submit, message);
    open.addEventListener('click', () => { form.hidden = !form.hidden; if (!form.hidden) user.focus(); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      message.textContent = '';
      const result = await write('POST', '/login', { form: { username: user.value, password: pass.value } });
      if (result.ok) {
        await refreshUser();
      } else {
        message.textContent = result.status === 401 ? t('auth.failed') : problemText(result);
      }
    });
    root.append(open, form);
  };
  onUserChange(render);
  onLangChange(render);
  render();
  return { render };
}
