// The layer tree: groups as in the plan, one checkbox per layer, with the count of features on the map.
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { LAYER_TREE } from './layers.js';

export function renderLayerTree(root, { visible, counts, onToggle }) {
  clear(root);
  for (const { group, layers } of LAYER_TREE) {
    const fieldset = el('fieldset', 'pm-tree-group');
    const legend = el('legend');
    if (layers.length > 1) {
      const all = el('input');
      all.type = 'checkbox';
      all.id = `pm-group-${group}`;
      const on = layers.filter((k) => visible.has(k)).length;
      all.checked = on === layers.length;
      all.indeterminate = on > 0 && on < layers.length;
      all.addEventListener('change', () => onToggle(layers, all.checked));
      const label = el('label', 'pm-tree-group-label');
      label.appendChild(all);
      label.appendChild(el('span', null, t(`group.${group}`)));
      legend.appendChild(label);
    } else {
      legend.textContent = t(`group.${group}`);
    }
    fieldset.appendChild(legend);
    for (const key of layers) {
      const label = el('label', 'pm-tree-layer');
      const box = el('input');
      box.type = 'checkbox';
      box.id = `pm-layer-${key}`;
      box.dataset.layer = key;
      box.checked = visible.has(key);
      box.addEventListener('change', () => onToggle([key], box.checked));
      label.appendChild(box);
      label.appendChild(el('span', null, t(`layer.${key}`)));
      const c = counts[key];
      if (c) label.appendChild(el('span', 'pm-count', c.located === c.total ? c.total : `${c.located}/${c.total}`));
      fieldset.appendChild(label);
    }
    root.appendChild(fieldset);
  }
}
