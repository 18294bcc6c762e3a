// The project table (filters, sorting, click to zoom) and the plan's indicator table.
import { el, clear, option } from './dom.js';
import { t, term } from './i18n.js';

const ALL = '';

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

function sortableHeader(columns, sort, onSort) {
  const tr = el('tr');
  for (const col of columns) {
    const th = el('th');
    const button = el('button', 'pm-sort', col.label);
    button.type = 'button';
    button.dataset.column = col.key;
    if (sort.key === col.key) button.classList.add(sort.dir > 0 ? 'pm-asc' : 'pm-desc');
    button.addEventListener('click', () => onSort(col.key));
    th.appendChild(button);
    tr.appendChild(th);
  }
  const thead = el('thead');
  thead.appendChild(tr);
  return thead;
}

export function createProjectTable({ filtersRoot, tableRoot, countRoot, ctx, onPick, onFilter }) {
  let records = [];
  let multiPlan = false;
  const filter = { sector: ALL, period: ALL, park: ALL };
  let sort = { key: 'name', dir: 1 };

  const value = (record, key) => {
    const p = record.feature.properties || {};
    switch (key) {
      case 'plan': return ctx.planTitle(p.plan);
      case 'name': return p.name;
      case 'sector': return term('sector', p.sector);
      case 'place': return [p.park_id ? ctx.nameOf(p.park_id) || p.park_id : null, p.town].filter(Boolean).join(' / ');
      case 'period': return p.period;
      case 'investment': return typeof p.investment_yi === 'number' ? p.investment_yi : null;
      case 'capacity': return p.capacity_text;
      case 'accuracy': return term('accuracy', p.position_accuracy);
      default: return null;
    }
  };

  const matches = (record) => {
    const p = record.feature.properties || {};
    return (filter.sector === ALL || p.sector === filter.sector)
      && (filter.period === ALL || p.period === filter.period)
      && (filter.park === ALL || p.park_id === filter.park);
  };

  function renderFilters() {
    clear(filtersRoot);
    const distinct = (get) => [...new Set(records.map(get).filter((v) => v !== null && v !== undefined && v !== ''))];
    const addSelect = (name, values, labelOf) => {
      const label = el('label', 'pm-filter');
      label.appendChild(el('span', null, t(`filter.${name}`)));
      const select = el('select');
      select.name = name;
      select.id = `pm-filter-${name}`;
      select.appendChild(option(ALL, t('filter.all'), filter[name] === ALL));
      values.map((v) => [v, labelOf(v)]).sort((a, b) => compare(a[1], b[1]))
        .forEach(([v, text]) => select.appendChild(option(v, text, filter[name] === v)));
      select.addEventListener('change', () => { filter[name] = select.value; changed(); });
      label.appendChild(select);
      filtersRoot.appendChild(label);
    };
    addSelect('sector', distinct((r) => r.feature.properties.sector), (v) => term('sector', v));
    addSelect('period', distinct((r) => r.feature.properties.period), (v) => v);
    addSelect('park', distinct((r) => r.feature.properties.park_id), (v) => ctx.nameOf(v) || v);
  }

  function renderTable() {
    const columns = [
      ...(multiPlan ? [{ key: 'plan', label: t('col.plan') }] : []),
      { key: 'name', label: t('col.name') }, { key: 'sector', label: t('col.sector') },
      { key: 'place', label: t('col.place') }, { key: 'period', label: t('col.period') },
      { key: 'investment', label: t('col.investment') }, { key: 'capacity', label: t('col.capacity') },
      { key: 'accuracy', label: t('col.accuracy') },
    ];
    const shown = records.filter(matches)
      .sort((a, b) => sort.dir * compare(value(a, sort.key), value(b, sort.key)));
    clear(tableRoot);
    const table = el('table', 'pm-table pm-project-table');
    table.appendChild(sortableHeader(columns, sort, (key) => {
      sort = { key, dir: sort.key === key ? -sort.dir : 1 };
      renderTable();
    }));
    const tbody = el('tbody');
    for (const record of shown) {
      const tr = el('tr', record.feature.geometry ? 'pm-row' : 'pm-row pm-unlocated');
      tr.dataset.featureId = record.feature.id;
      tr.tabIndex = 0;
      for (const col of columns) {
        const v = value(record, col.key);
        tr.appendChild(el('td', col.key === 'investment' ? 'pm-num' : null, v ?? ''));
      }
      tr.addEventListener('click', () => onPick(record));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') onPick(record); });
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    tableRoot.appendChild(table);
    if (!shown.length) tableRoot.appendChild(el('p', 'pm-empty', t('projects.none')));
    countRoot.textContent = t('filter.count', { n: shown.length, total: records.length });
  }

  function changed() {
    renderTable();
    onFilter(matches);
  }

  return {
    setRecords(list, isMultiPlan) {
      records = list;
      multiPlan = isMultiPlan;
      filter.sector = ALL; filter.period = ALL; filter.park = ALL;
      renderFilters();
      renderTable();
    },
    render() { renderFilters(); renderTable(); },
    matches,
  };
}

export function createIndicatorTable({ root, ctx }) {
  let indicators = [];
  let multiPlan = false;
  let sort = { key: null, dir: 1 };

  function render() {
    clear(root);
    if (!indicators.length) { root.appendChild(el('p', 'pm-empty', t('indicators.none'))); return; }
    const years = [...new Set(indicators.flatMap((i) => Object.keys(i.targets || {})))].sort();
    const columns = [
      ...(multiPlan ? [{ key: 'plan', label: t('col.plan'), get: (i) => ctx.planTitle(i.plan) }] : []),
      { key: 'category', label: t('col.category'), get: (i) => i.category },
      { key: 'name', label: t('col.name'), get: (i) => i.name },
      { key: 'unit', label: t('col.unit'), get: (i) => i.unit },
      { key: 'baseYear', label: t('col.baseYear'), get: (i) => i.baseYear },
      { key: 'baseValue', label: t('col.baseValue'), get: (i) => i.baseValue },
      ...years.map((y) => ({ key: `y${y}`, label: t('col.target', { year: y }), get: (i) => (i.targets || {})[y] })),
      { key: 'nature', label: t('col.nature'), get: (i) => (i.nature ? term('nature', i.nature) : '') },
      { key: 'source', label: t('col.source'), get: (i) => (i.sourceDoc ? t('detail.citeLine', { doc: i.sourceDoc, line: i.sourceLine }) : '') },
    ];
    const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
    const rows = sort.key && byKey[sort.key]
      ? [...indicators].sort((a, b) => sort.dir * compare(byKey[sort.key].get(a), byKey[sort.key].get(b)))
      : indicators;
    const table = el('table', 'pm-table pm-indicator-table');
    table.appendChild(sortableHeader(columns, sort, (key) => {
      sort = { key, dir: sort.key === key ? -sort.dir : 1 };
      render();
    }));
    const tbody = el('tbody');
    for (const ind of rows) {
      const tr = el('tr');
      if (ind.sourceText) tr.title = ind.sourceText;
      for (const col of columns) tr.appendChild(el('td', null, col.get(ind) ?? ''));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    root.appendChild(table);
  }

  return {
    setIndicators(list, isMultiPlan) { indicators = list; multiPlan = isMultiPlan; sort = { key: null, dir: 1 }; render(); },
    render,
  };
}
