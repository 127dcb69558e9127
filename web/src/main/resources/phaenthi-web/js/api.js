// Thin client of the Phaenthi JSON API. Relative URLs only, so the app works behind any host or prefix.
// Responses are memoised per URL for the data version the server last said it serves (`data_version` of
// /api/meta): switching back to an indicator costs no request, and a new publication empties the memo.
// Cache policy (server side: VersionedUrls): values, geometry and tile URLs carry the version they are for
// (`v=` the data version, or for geometry and tiles the boundary version), and the server marks such an answer
// immutable, so the browser keeps it without asking again; a publish or rollback gives new versions, hence
// new URLs, and the next request after it reaches the new values. Other requests made after a version
// change revalidate with the server (ETags make an unchanged answer a 304).
const cache = new Map();
let dataVersion = null;
let boundaryVersion = null;
let revalidate = false;
const versionListeners = [];

// A static bundle (docs/BUNDLE.md) marks its page `<html data-bundle="bundle.json">`: every request is then
// answered from the bundle's files by bundle-source.js, loaded only there.
const bundleManifest = globalThis.document?.documentElement?.dataset?.bundle;
const bundle = bundleManifest ? import('./bundle-source.js').then((m) => m.openBundle(bundleManifest)) : null;
/** True in a static bundle: no downloads, pictures or report cards from a server. */
export const inBundle = Boolean(bundleManifest);
let bundleSource = null; // the resolved `bundle`, there before any layer is made (the map waits for api/meta)
bundle?.then((b) => (bundleSource = b));

/** The report cards a static bundle holds (its manifest's `reports`: area, indicator, year, files by language). */
export function bundleReports() {
  return (bundleSource && bundleSource.manifest && bundleSource.manifest.reports) || [];
}

/**
 * Tells the client the data version the server serves. A different one than before empties the memo and
 * calls the `onDataVersion` listeners with (new, old); the first one only records it.
 */
export function setDataVersion(version) {
  if (!version || version === dataVersion) return false;
  const old = dataVersion;
  dataVersion = version;
  if (old === null) return false;
  cache.clear();
  revalidate = true;
  for (const f of versionListeners) f(version, old);
  return true;
}

/** Calls `f(newVersion, oldVersion)` whenever the server's data version changes. */
export function onDataVersion(f) {
  versionListeners.push(f);
}

/** The data version the client follows (null before /api/meta answered). */
export function currentDataVersion() {
  return dataVersion;
}

/**
 * Asks the server for its data version, past the memo and the HTTP cache; true when it changed (the memo
 * was emptied and the listeners called).
 */
export async function checkDataVersion() {
  if (bundle) return false; // a bundle's data never changes
  const r = await fetch('api/meta', { cache: 'no-store' });
  if (!r.ok) return false;
  const meta = await r.json();
  return followMeta(meta);
}

function followMeta(meta) {
  if (meta.boundary_version) boundaryVersion = meta.boundary_version;
  return setDataVersion(meta.data_version);
}

/** Counts of requests by kind, read by the browser tests and the measurement overlay. */
export const requestCounts = { geometry: 0, values: 0, classes: 0, area: 0, search: 0 };

/**
 * GETs JSON once per URL (memoised). A URL naming its version (`versioned`) is new after every change of
 * version, and its answer immutable: it goes through the browser's HTTP cache as it is. Others revalidate
 * once the server has served a new version.
 */
async function getJson(url, kind, versioned = false) {
  if (cache.has(url)) return cache.get(url);
  if (kind) requestCounts[kind]++;
  if (bundle) return bundle.then((b) => b.getJson(url));
  const promise = fetch(url, revalidate && !versioned ? { cache: 'no-cache' } : undefined).then(async (r) => {
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

/** `params` plus `v` = the version, when the client knows it. */
const withVersion = (params, version) => (version ? { ...params, v: version } : params);

export const api = {
  meta: () => getJson('api/meta').then((m) => {
    followMeta(m);
    return m;
  }),
  levels: () => getJson('api/levels'),
  indicators: () => getJson('api/indicators'),
  values: (level, indicator, year, parent, compare) =>
    getJson(`api/values?${qs(withVersion({ level, indicator, year, parent, compare }, dataVersion))}`, 'values', Boolean(dataVersion)),
  /** The class breaks the server computes (the same for the app, the embed and the pictures). */
  classes: (params) => getJson(`api/classes?${qs(params)}`, 'classes'),
  area: (code, year) => getJson(`api/values/area/${encodeURIComponent(code)}?${qs({ year })}`, 'area'),
  search: (q) => getJson(`api/areas/search?${qs({ q })}`, 'search'),
  geometry: (level, zoom, parent) =>
    getJson(`api/geometry/${level}?${qs(withVersion({ zoom, parent }, boundaryVersion))}`, 'geometry', Boolean(boundaryVersion)).catch((err) => {
      // servers without the geometry endpoint still serve the same gap-free shapes as OGC API items
      if (!String(err.message).startsWith('404')) throw err;
      return getJson(`ogc/collections/${level}/items?${qs({ f: 'json', limit: 10000, zoom, parent })}`, 'geometry');
    }),
  /** Geometry tiles name the boundary version (`v=`): the server answers them immutable. */
  tileUrl: (level) => `tiles/${level}/{z}/{x}/{y}.mvt${boundaryVersion ? `?${qs({ v: boundaryVersion })}` : ''}`,
  /** In a bundle, the vector-tile layer reading its PMTiles archive; null when tiles come from tileUrl. */
  tileLayer: (options) => (bundleSource ? bundleSource.tileLayer(options) : null),
};
