// Copies the npm-installed Leaflet plugins into target/classes/static/vendor/, where Planmap serves them.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'target', 'classes', 'static', 'vendor');
// vendor folder -> what to copy from node_modules: a whole dist/ folder, or a list of single files.
const PLUGINS = {
  markercluster: 'leaflet.markercluster/dist',
  // Drawing and editing (UMD: extends the global L with L.PM and map.pm).
  geoman: '@geoman-io/leaflet-geoman-free/dist',
  // GeographicLib's own JavaScript port (UMD: window.geodesic), for live geodesic areas like the server's.
  geographiclib: ['geographiclib-geodesic/geographiclib-geodesic.min.js', 'geographiclib-geodesic/LICENSE.txt'],
  // Vector tiles in Leaflet (UMD: L.vectorGrid.protobuf; the bundle carries its pbf and vector-tile readers).
  vectorgrid: ['leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.min.js'],
};
for (const [name, source] of Object.entries(PLUGINS)) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  if (Array.isArray(source)) {
    source.forEach((file) => cpSync(join(here, 'node_modules', file), join(dir, file.split('/').pop())));
  } else {
    cpSync(join(here, 'node_modules', source), dir, { recursive: true });
  }
}
console.log(`copied ${Object.keys(PLUGINS).join(', ')} to ${out}`);
