// Copies the npm-installed Leaflet plugins into target/classes/static/vendor/, where Planmap serves them.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'target', 'classes', 'static', 'vendor');
const PLUGINS = {
  markercluster: 'leaflet.markercluster/dist',
};
for (const [name, dist] of Object.entries(PLUGINS)) {
  mkdirSync(join(out, name), { recursive: true });
  cpSync(join(here, 'node_modules', dist), join(out, name), { recursive: true });
}
console.log(`copied ${Object.keys(PLUGINS).join(', ')} to ${out}`);
