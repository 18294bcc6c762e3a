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
mountExport(document.getElementById('panels'), { collections, filters: () => (plan() ? { plan: plan() } : {}) });
mountImport(document.getElementById('panels'), { collections: collections.filter((c) => c.id !== 'territories'),
  plan });
setupAuthBox(document.getElementById('pm-auth'));
refreshUser();
