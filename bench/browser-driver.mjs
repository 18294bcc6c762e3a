// Times the web map's first render in headless Chromium: navigation start -> the map's own "every layer drawn"
// mark (window.planmapFirstRender, set by js/main.js once the plan's layers and the parcels in view are drawn).
// Drives Debian's chromedriver over its W3C WebDriver HTTP API with Node's own fetch: no npm package, no download.
// Usage: node browser-driver.mjs RUNS NAME=URL [NAME=URL ...]   (prints one JSON line per run, then the medians)
// Each run is a fresh browser with a fresh profile (cold browser cache); the scenarios alternate run by run, after
// one unmeasured run of each, so load from elsewhere on the machine hits them alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [runsArg, ...pairs] = process.argv.slice(2);
const runs = Number(runsArg);
const scenarios = pairs.map((p) => ({ name: p.slice(0, p.indexOf('=')), url: p.slice(p.indexOf('=') + 1) }));
if (!(runs >= 1) || !scenarios.length || scenarios.some((s) => !s.name || !s.url)) {
  console.error('usage: node browser-driver.mjs RUNS NAME=URL [NAME=URL ...]');
  process.exit(2);
}
const PORT = Number(process.env.CHROMEDRIVER_PORT || 19515);
const DRIVER = `http://127.0.0.1:${PORT}`;
const TIMEOUT_MS = Number(process.env.BENCH_BROWSER_TIMEOUT_MS || 120000);

async function call(method, path, body) {
  const response = await fetch(DRIVER + path, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value).slice(0, 400)}`);
  return json.value;
}

async function startDriver() {
  const proc = spawn('/usr/bin/chromedriver', [`--port=${PORT}`], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await call('GET', '/status')).ready) return proc;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('chromedriver did not start');
}

/** One cold load of a URL: milliseconds from navigation start to the map's mark, with its own breakdown. */
async function measure(url) {
  const profile = mkdtempSync(join(tmpdir(), 'planmap-bench-chromium-'));
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'chrome',
        'goog:chromeOptions': {
          binary: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--disable-dev-shm-usage', '--window-size=1400,900', `--user-data-dir=${profile}`],
        },
      },
    },
  });
  const id = session.sessionId;
  try {
    await call('POST', `/session/${id}/url`, { url });
    const started = Date.now();
    for (;;) {
      const result = await call('POST', `/session/${id}/execute/sync`, {
        script: 'return window.planmapFirstRender === undefined ? null : {first: window.planmapFirstRender,'
          + ' render: window.planmapRenders[0], bytes: performance.getEntriesByType("resource")'
          + '.reduce((n, e) => n + (e.transferSize || 0), 0), requests: performance.getEntriesByType("resource").length};',
        args: [],
      });
      if (result) return result;
      if (Date.now() - started > TIMEOUT_MS) throw new Error(`no render mark after ${TIMEOUT_MS} ms: ${url}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await call('DELETE', `/session/${id}`).catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const driver = await startDriver();
try {
  for (const s of scenarios) await measure(s.url); // unmeasured: JIT, database and tile caches of the server
  const results = Object.fromEntries(scenarios.map((s) => [s.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const s of scenarios) {
      const r = await measure(s.url);
      r.render = { parcelsMs: 0, parcels: { features: 0 }, ...r.render }; // a map without parcels (an older build)
      results[s.name].push(r);
      console.log(JSON.stringify({ scenario: s.name, run, firstRenderMs: Math.round(r.first),
        loadMs: Math.round(r.render.loadMs), drawMs: Math.round(r.render.drawMs),
        parcelsMs: Math.round(r.render.parcelsMs), parcels: r.render.parcels, requests: r.requests, bytes: r.bytes }));
    }
  }
  for (const s of scenarios) {
    const list = results[s.name];
    const m = (f) => Math.round(median(list.map(f)));
    console.log(`MEDIAN ${s.name}: first render ${m((r) => r.first)} ms (data ${m((r) => r.render.loadMs)} ms,`
      + ` drawing ${m((r) => r.render.drawMs)} ms, parcels ${m((r) => r.render.parcelsMs)} ms;`
      + ` ${m((r) => r.render.parcels.features)} parcel features, ${m((r) => r.requests)} requests,`
      + ` ${(m((r) => r.bytes) / 1e6).toFixed(2)} MB) over ${list.length} runs`);
  }
} finally {
  driver.kill();
}
