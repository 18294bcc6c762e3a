// The data report of a plan: counts per collection, unlocated items, aliases, notes (contradictions flagged).
// Every value is set with textContent: nothing from the data is ever parsed as HTML.

const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
};

function table(headers, rows, rowClass) {
  const t = el('table');
  const head = t.createTHead().insertRow();
  headers.forEach((h) => head.appendChild(el('th', h)));
  const body = t.createTBody();
  rows.forEach((r, i) => {
    const tr = body.insertRow();
    if (rowClass) tr.className = rowClass(i);
    r.forEach((v) => tr.appendChild(el('td', v, typeof v === 'number' ? 'num' : undefined)));
  });
  return t;
}

function section(title, english, content) {
  const s = el('section');
  const h = el('h2', title + ' ');
  h.appendChild(el('small', english));
  s.append(h, content);
  return s;
}

async function show(planId) {
  const r = await (await fetch(`api/plans/${encodeURIComponent(planId)}/report`)).json();
  document.getElementById('json').href = `api/plans/${encodeURIComponent(planId)}/report`;
  const main = document.getElementById('report');
  main.replaceChildren();
  const p = r.plan;
  main.appendChild(el('p', `${p.title}｜${p.period ?? ''}｜${p.sourceDoc}:${p.sourceLine ?? ''}`));
  const accuracies = ['boundary-data', 'approximate', 'schematic', 'unlocated', 'drawn'];
  const counts = Object.entries(r.collections).map(([id, c]) =>
    [id, c.total, ...accuracies.map((a) => c.byAccuracy[a] ?? 0)]);
  main.appendChild(section('要素数量', 'Features per collection',
    table(['图层 collection', '合计 total', ...accuracies], counts)));
  main.appendChild(el('p', `指标 Indicators: ${r.indicators}`));
  const item = (i) => [i.collection, i.name, i.sourceLine ?? '', (i.aliases ?? []).join('、'), i.notes ?? ''];
  const headers = ['图层 collection', '名称 name', '行 line', '别名 aliases', '说明 notes'];
  main.appendChild(section(`无位置要素（${r.unlocated.length}）`, 'Items without position', table(headers, r.unlocated.map(item))));
  main.appendChild(section(`别名（${r.aliases.length}）`, 'Aliases', table(headers, r.aliases.map(item))));
  main.appendChild(section(`说明与矛盾（${r.notes.length}，其中矛盾/错字 ${r.notes.filter((n) => n.contradiction).length}）`,
    'Notes; contradictions and typos highlighted',
    table(headers, r.notes.map(item), (i) => (r.notes[i].contradiction ? 'contradiction' : ''))));
}

async function init() {
  const plans = await (await fetch('api/plans')).json();
  const select = document.getElementById('plan');
  plans.forEach(({ plan }) => {
    const o = el('option', `${plan.title.slice(0, 24)}（${plan.id}）`);
    o.value = plan.id;
    select.appendChild(o);
  });
  const wanted = new URLSearchParams(location.search).get('plan');
  if (wanted) select.value = wanted;
  select.addEventListener('change', () => {
    history.replaceState(null, '', `?plan=${select.value}`);
    show(select.value);
  });
  await show(select.value);
}

init();
