// The app's data source inside a static bundle (GET /api/export/bundle/{code}.zip, docs/BUNDLE.md): the
// page is marked `<html data-bundle="bundle.json">`, and api.js then hands every API URL it would fetch to
// this module, which answers it from the bundle's files — the server's own answers, written once per
// question the app asks — and draws vector tiles from the bundle's PMTiles archive with HTTP range
// requests (the `pmtiles` npm reader, shipped in vendor/). Nothing else in the app knows it runs static.
import { AreaSearch } from './area-search.js';
import { L } from './lib.js';

/** File names as the bundle builder writes them (BundleBuilder.safe). */
const safe = (s) => String(s).replace(/[^A-Za-z0-9_.-]/g, '_');

async function readJson(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`404 not in this bundle: ${path}`);
  return r.json();
}

/**
 * The archive over HTTP: byte ranges where the host answers them (206, as nginx, Apache and any CDN do);
 * a host that ignores Range and sends the whole file (200, as `python3 -m http.server` does) is asked
 * once, and every later read is cut from that copy in memory.
 */
class StaticHostSource {
  constructor(url) {
    this.url = url;
    this.whole = null;
  }

  getKey() {
    return this.url;
  }

  async getBytes(offset, length, signal) {
    if (this.whole) return { data: (await this.whole).slice(offset, offset + length) };
    const r = await fetch(this.url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` }, signal });
    if (r.status === 206) return { data: await r.arrayBuffer() };
    if (!r.ok) throw new Error(`${r.status} reading ${this.url}`);
    this.whole ??= r.arrayBuffer();
    return { data: (await this.whole).slice(offset, offset + length) };
  }
}

export class BundleSource {
  /** @param manifest the bundle's bundle.json */
  constructor(manifest) {
    this.manifest = manifest;
    this.files = new Map();
    // the global of vendor/pmtiles/dist/pmtiles.js (a classic script, like Leaflet's `L`)
    this.archive = new globalThis.pmtiles.PMTiles(new StaticHostSource(manifest.archive.file));
  }

  /** The JSON the server would answer for `url` (an api.js URL such as `api/values?level=…`). */
  getJson(url) {
    const u = new URL(url, 'http://bundle/');
    const p = u.searchParams;
    const path = u.pathname.replace(/^\//, '');
    if (path === 'api/meta') return this.file('data/meta.json');
    if (path === 'api/levels') return this.file('data/levels.json');
    if (path === 'api/indicators') return this.file('data/indicators.json');
    if (path === 'api/values') {
      if (p.get('compare')) return Promise.reject(new Error('400 change maps need the Phaenthi server'));
      const indicator = p.get('indicator');
      const years = this.manifest.indicators[indicator] || [];
      const year = p.get('year') || years[years.length - 1];
      return this.file(`data/values/${safe(p.get('level'))}/${safe(indicator)}/${safe(year)}/${safe(p.get('parent') || 'all')}.json`);
    }
    let m = path.match(/^api\/values\/area\/(\d+)$/);
    if (m) return this.file(`data/area/${m[1]}/${p.get('year') ? safe(p.get('year')) : 'latest'}.json`);
    m = path.match(/^api\/geometry\/([a-z_]+)$/);
    if (m) {
      const zooms = this.manifest.geometry_zooms;
      const want = Number(p.get('zoom'));
      const zoom = zooms.filter((z) => z <= want).pop() ?? zooms[0];
      return this.file(`data/geometry/${m[1]}/${zoom}/${safe(p.get('parent') || 'all')}.json`);
    }
    if (path === 'api/areas/search') return this.search(p.get('q') || '');
    return Promise.reject(new Error(`404 a static bundle does not answer ${path}`));
  }

  file(path) {
    if (!this.files.has(path)) {
      const promise = readJson(path);
      this.files.set(path, promise);
      promise.catch(() => this.files.delete(path));
    }
    return this.files.get(path);
  }

  /**
   * Name search over the bundle's areas, answered as the server's /api/areas/search would (area-search.js:
   * romanisations, other names, level prefixes, typos), 20 results.
   */
  async search(q) {
    if (!this.searchIndex) {
      this.searchIndex = Promise.all([this.file('data/areas.json'), this.file('data/levels.json')]).then(
        ([{ areas }, { levels }]) => new AreaSearch(areas, levels.map((l) => l.level)),
      );
      this.searchIndex.catch(() => (this.searchIndex = null));
    }
    return { query: q, results: (await this.searchIndex).search(q, 20) };
  }

  /** A Leaflet.VectorGrid layer reading its tiles from the archive instead of a URL template. */
  tileLayer(options) {
    const archive = this.archive;
    const Layer = L.VectorGrid.Protobuf.extend({
      // VectorGrid fetches `this._url`; each tile's bytes are handed to it as a blob: URL, so its own
      // decoding and styling run unchanged
      _getVectorTilePromise(coords, tileBounds) {
        const parent = L.VectorGrid.Protobuf.prototype._getVectorTilePromise;
        return archive.getZxy(coords.z, coords.x, coords.y).then((tile) => {
          if (!tile) return { layers: [] };
          const url = URL.createObjectURL(new Blob([tile.data]));
          const view = Object.create(this);
          view._url = url;
          return parent.call(view, coords, tileBounds).finally(() => URL.revokeObjectURL(url));
        });
      },
    });
    return new Layer('', { ...options, maxNativeZoom: this.manifest.archive.maxzoom });
  }
}

/** Opens the bundle whose manifest is at `manifestUrl`. */
export async function openBundle(manifestUrl) {
  return new BundleSource(await readJson(manifestUrl));
}
