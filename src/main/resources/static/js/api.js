// Reads Planmap's JSON API and OGC API - Features. Every response is cached for the page's life.
const cache = new Map();

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

function cached(key, load) {
  if (!cache.has(key)) {
    const promise = load();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return cache.get(key);
}

export function fetchPlans() {
  return cached('plans', () => getJson('/api/plans'));
}

export function fetchConfig() {
  return cached('config', () => getJson('/api/config'));
}

/** The 2023 用地用海分类 list: code, name, construction, color. */
export function fetchLandUse() {
  return cached('landuse', () => getJson('/api/landuse'));
}

export function fetchIndicators(planId) {
  return cached(`indicators|${planId}`, async () => {
    const body = await getJson(`/api/plans/${encodeURIComponent(planId)}/indicators`);
    return body.indicators || [];
  });
}

/**
 * All features of a collection (of one plan, or of every plan when planId is null), following rel=next links;
 * simplify: a tolerance in degrees for outlines drawn only as context (the server simplifies them).
 */
export function fetchFeatures(collection, planId, kind = null, simplify = null) {
  return cached(`items|${collection}|${planId}|${kind}|${simplify}`, async () => {
    const params = new URLSearchParams({ limit: '10000' });
    if (planId) params.set('plan', planId);
    if (kind) params.set('kind', kind);
    if (simplify) params.set('simplify', String(simplify));
    let url = `/ogcapi/collections/${encodeURIComponent(collection)}/items?${params}`;
    const features = [];
    for (let page = 0; url && page < 100; page++) {
      const body = await getJson(url);
      features.push(...(body.features || []));
      const next = (body.links || []).find((link) => link.rel === 'next');
      url = next ? sameOrigin(next.href) : null;
    }
    return features;
  });
}

// The server writes absolute links with the host it was asked for; keep to this page's origin.
function sameOrigin(href) {
  const u = new URL(href, window.location.href);
  return u.pathname + u.search;
}

/** Forgets cached answers of one plan's features (after an edit), so the next load reads them again. */
export function forgetFeatures() {
  for (const key of [...cache.keys()]) if (key.startsWith('items|') && !key.startsWith('items|territories|')) cache.delete(key);
}
