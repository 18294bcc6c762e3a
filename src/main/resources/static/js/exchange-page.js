// The import/export page: export and import panels, with the sign-in box (imports need a planner).
import { mountExport } from './export.js';
import { mountImport } from './import.js';
import { refreshUser, setupAuthBox } from './auth.js';

const collections = (await (await fetch('ogcapi/collections')).json()).collections
  .map((c) => ({ id: c.id, title: `${c.title} (${c.id})` }));
const plans = await (await fetch('api/plans')).json();
const planSelect = document.getElementById('plan');
plans.forEach((p) => planSelect.appendChild(Object.assign(document.createElement('option'),
  { value: p.plan.id, textContent: p.plan.title })));
const plan = () => planSelect.value || null;
const territorySelect = document.getElementById('territory');
const parkSelect = document.getElementById('park');
const bboxInput = document.getElementById('bbox');

/** Fills the territory and park choices of the chosen plan (names as text, never as markup). */
async function fillPlanChoices() {
  for (const select of [territorySelect, parkSelect]) {
    while (select.options.length > 1) select.remove(1);
  }
  if (!plan()) return;
  const query = `plan=${encodeURIComponent(plan())}&limit=10000`;
  const [territories, parks] = await Promise.all([
    fetch(`ogcapi/collections/territories/items?${query}`).then((r) => r.json()),
    fetch(`ogcapi/collections/parks/items?${query}`).then((r) => r.json())]);
  territories.features.filter((f) => f.properties.adcode).forEach((f) => territorySelect.appendChild(
    Object.assign(document.createElement('option'), { value: f.id, textContent: f.properties.name })));
  parks.features.forEach((f) => parkSelect.appendChild(
    Object.assign(document.createElement('option'), { value: f.id, textContent: f.properties.name })));
}
planSelect.addEventListener('change', fillPlanChoices);

function exportFilters() {
  const f = {};
  if (plan()) f.plan = plan();
  if (territorySelect.value) f.territory = territorySelect.value;
  if (parkSelect.value) f.park = parkSelect.value;
  if (bboxInput.value.trim()) f.bbox = bboxInput.value.trim();
  return f;
}
mountExport(document.getElementById('panels'), { collections, filters: exportFilters });
mountImport(document.getElementById('panels'), { collections: collections.filter((c) => c.id !== 'territories'),
  plan });
setupAuthBox(document.getElementById('pm-auth'));
refreshUser();
