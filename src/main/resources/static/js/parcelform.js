// The typed attribute form of a parcel: land-use class (2023 用地用海分类), name, FAR, density, green ratio, height, notes.
import { el, option } from './dom.js';
import { t } from './i18n.js';

/** Numeric fields with the ranges the server accepts. */
export const NUMBERS = [
  { key: 'far', min: 0, max: 20, step: '0.01' },
  { key: 'building_density', min: 0, max: 100, step: '0.1' },
  { key: 'green_ratio', min: 0, max: 100, step: '0.1' },
  { key: 'height_limit', min: 0, max: 1000, step: '1' },
];
export const FIELDS = ['land_use_code', 'name', ...NUMBERS.map((n) => n.key), 'notes'];

/**
 * Builds the form into root for the given properties. Returns {read(): {values, errors}} — values typed (numbers or
 * null), errors as [{field, message}] shown beside the fields.
 */
export function renderParcelForm(root, { properties = {}, landuse = [] }) {
  const form = el('div', 'pm-parcel-form');
  form.id = 'pm-parcel-form';
  const inputs = {};
  const messages = {};
  const row = (key, control) => {
    const label = el('label', 'pm-form-row');
    label.appendChild(el('span', 'pm-form-label', t(`parcel.${key}`)));
    control.id = `pm-parcel-${key}`;
    control.name = key;
    label.appendChild(control);
    const msg = el('span', 'pm-form-error');
    msg.id = `pm-parcel-${key}-error`;
    label.appendChild(msg);
    messages[key] = msg;
    inputs[key] = control;
    form.appendChild(label);
  };

  const select = el('select');
  select.appendChild(option('', t('parcel.pick'), !properties.land_use_code));
  for (const c of landuse) {
    const indent = '\u3000'.repeat(Math.max(0, c.code.length / 2 - 1));
    select.appendChild(option(c.code, `${indent}${c.code} ${c.name}`, c.code === properties.land_use_code));
  }
  row('land_use_code', select);

  const name = el('input');
  name.type = 'text';
  name.maxLength = 200;
  name.value = properties.name ?? '';
  row('name', name);

  for (const n of NUMBERS) {
    const input = el('input');
    input.type = 'number';
    input.min = String(n.min);
    input.max = String(n.max);
    input.step = n.step;
    input.value = properties[n.key] ?? '';
    row(n.key, input);
  }

  const notes = el('textarea');
  notes.rows = 2;
  notes.maxLength = 2000;
  notes.value = properties.notes ?? '';
  row('notes', notes);
  root.appendChild(form);

  function read() {
    const values = {};
    const errors = [];
    Object.values(messages).forEach((m) => { m.textContent = ''; });
    const fail = (field, message) => { errors.push({ field, message }); messages[field].textContent = message; };
    values.land_use_code = select.value || null;
    if (!values.land_use_code) fail('land_use_code', t('parcel.required', { field: t('parcel.land_use_code') }));
    values.name = name.value.trim() || null;
    for (const n of NUMBERS) {
      const raw = inputs[n.key].value.trim();
      const label = t(`parcel.${n.key}`);
      if (raw === '') { values[n.key] = null; continue; }
      const v = Number(raw);
      if (!Number.isFinite(v) || inputs[n.key].validity.badInput) fail(n.key, t('parcel.number', { field: label }));
      else if (v < n.min || v > n.max) fail(n.key, t('parcel.range', { field: label, min: n.min, max: n.max }));
      values[n.key] = Number.isFinite(v) ? v : null;
    }
    values.notes = notes.value.trim() || null;
    return { values, errors };
  }

  return { read, element: form };
}
