// Thin client of the Phaenthi JSON API. Relative URLs only, so the app works behind any host or prefix.
// Responses are memoised per URL: switching back to an indicator costs no request.

const cache = new Map();

/** Counts of requests by kind, read by the browser tests and the measurement overlay. */
export const requestCounts = { geometry: 0, values: 0, area: 0, search: 0 };

async function getJson(url, kind) {
  if (cache.has(url)) return cache.get(url);
  if (kind) requestCounts[kind]++;
  const promise = fetch(url).then(async (r) => {
    if (!r.ok) {
      let message = r.statusText;
      try {
        message = (await r.json()).message || message;
      } catch (ignored) {
        // the body was not JSON; keep the status text
      }
      throw new Error(`${r.status} ${message}`);
    }
    return r.json();
  });
  cache.set(url, promise);
  promise.catch(() => cache.delete(url));
  return promise;
}

const qs = (params) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));

export const api = {
  meta: () => getJson('api/meta'),
  levels: () => getJson('api/levels'),
  indicators: () => getJson('api/indicators'),
  values: (level, indicator, year, parent, compare) =>
    getJson(`api/values?${qs({ level, indicator, year, parent, compare })}`, 'values'),
  area: (code, year) => getJson(`api/values/area/${encodeURIComponent(code)}?${qs({ year })}`, 'area'),
  search: (q) => getJson(`api/areas/search?${qs({ q })}`, 'search'),
  geometry: (level, zoom, parent) =>
    getJson(`api/geometry/${level}?${qs({ zoom, parent })}`, 'geometry').catch((err) => {
      // servers without the geometry endpoint still serve the same gap-free shapes as OGC API items
      if (!String(err.message).startsWith('404')) throw err;
      return getJson(`ogc/collections/${level}/items?${qs({ f: 'json', limit: 10000, zoom, parent })}`, 'geometry');
    }),
  tileUrl: (level) => `tiles/${level}/{z}/{x}/{y}.mvt`,
};
