// Entry point for both / and /embed: reads the URL, loads the catalogue, builds the map and keeps
// map, controls and URL in step. Everything a view depends on is in `state`; render() draws it.
import { L } from './lib.js';
import { api, requestCounts, onDataVersion, checkDataVersion, currentDataVersion } from './api.js';
import { parseState, formatState } from './url-state.js';
import { computeBreaks, classOf, colours, countByClass, isWholeNumbers, SMALL_BASE_OPACITY, changeBreaks, changeColours, changePalette } from './classify.js';
import { MapLayers, HATCH } from './layers.js';
import { InfoControl, LegendControl, legendModel, esc } from './controls.js';
import { setLang, getLang, t, name, served } from './i18n.js';
import { buildSidebar, bindKeys, updateBreadcrumb, updateRanking } from './ui.js';
import { showAreaPanel } from './panel.js';
import { Levels } from './levels.js';
import { describeMap } from './describe.js';
import { syncPictureButton, words } from './picture.js';

const SOFTWARE =
  'Map: Leaflet (BSD-2-Clause), Leaflet.VectorGrid (Beerware). Colours: ColorBrewer.org by Cynthia A. Brewer, ' +
  'Penn State (Apache-2.0). Statistics: simple-statistics (ISC). Font: Sarabun (SIL OFL 1.1).';

export const app = {
  embed: document.body.dataset.mode === 'embed',
  state: null,
  meta: null,
  levels: null, // Levels, from /api/levels
  catalogue: null, // {indicators, years, byCode}
  current: null, // what render() last drew: {indicator, rows, byCode, breaks, colours}
  timings: { start: performance.now() },
};

// Exposed for the browser tests and the figures they print; not used by the app itself.
window.phaenthi = { app, requestCounts };

async function main() {
  const params = new URLSearchParams(location.search);
  app.state = parseState(location.search, location.hash);
  setLang(app.state.lang);
  // The first map waits on the top level's shapes and the values: each is asked for as soon as what its URL
  // needs is known (shapes: levels and the boundary version; values: the defaults and the catalogue), not
  // after the map is built. api.js memoises by URL, so loadBackground() and render() reuse these requests.
  const metaP = api.meta();
  const levelsP = api.levels();
  Promise.all([metaP, levelsP])
    .then(([, l]) => api.geometry(new Levels(l.levels).top.level, 6))
    .catch(() => null); // loadBackground() asks again and reports
  const [meta, levels, catalogue] = await Promise.all([metaP, levelsP, api.indicators()]);
  app.meta = meta;
  app.levels = new Levels(levels.levels);
  app.catalogue = { ...catalogue, byCode: new Map(catalogue.indicators.map((i) => [i.code, i])) };
  const s = app.state;
  applyDefaults(s);
  prefetchValues(s);
  // an embed starts clean: the map and its legend, whatever panel the page it was copied from had open
  if (app.embed) s.selected = '';
  const lock = params.get('lock') || '';
  app.lock = app.embed && /^\d+$/.test(lock) && app.levels.isTop((app.levels.ofCode(lock) || {}).level) ? lock : null;
  app.interactive = !(app.embed && params.get('interactive') === '0');

  // decided now: the map's first moveend writes a view into the state
  const fitInitially = !s.view;
  const map = L.map('map', {
    zoomSnap: 0.25,
    preferCanvas: true,
    attributionControl: true,
    dragging: app.interactive,
    scrollWheelZoom: app.interactive,
    doubleClickZoom: app.interactive,
    touchZoom: app.interactive,
    // the map takes focus (Tab) and its arrow keys pan it; elsewhere they step through indicators and years (ui.js)
    keyboard: app.interactive,
    zoomControl: false, // added with labels in the interface's language (setControlLabels)
  });
  app.map = map;
  // the area panel and the presentation mode change the map's size without a window resize
  // (keeping the centre, so a view restored from a URL stays where it was when the layout settles)
  new ResizeObserver(() => map.invalidateSize({ animate: false })).observe(map.getContainer());
  if (meta.base_map_url) {
    // crossOrigin lets "save picture" copy the tiles when the tile server allows CORS
    L.tileLayer(meta.base_map_url, { maxZoom: 18, crossOrigin: 'anonymous', opacity: 0.7 }).addTo(map);
  }
  const [w, so, e, n] = meta.bounds;
  app.countryBounds = L.latLngBounds([so, w], [n, e]);
  if (s.view) map.setView([s.view.lat, s.view.lon], s.view.zoom);
  else map.fitBounds(app.countryBounds);

  app.info = new InfoControl();
  app.legend = new LegendControl();
  if (app.interactive) app.info.addTo(map);
  app.legend.addTo(map);
  app.layers = new MapLayers(map, app.levels, { onHover, onClick });
  setAttribution();
  if (app.embed) followFrameSize();
  if (!app.embed) {
    buildSidebar(app, { render, setState, goUp });
    bindKeys(app, { setState, goUp });
  }
  app.refit = () => fitArea();
  app.fitHeaderTitle = fitHeaderTitle;
  app.writeUrl = writeUrl;
  map.on('moveend', () => writeUrl());
  // render() refines once it has placed the view; zooms in between would refine shapes about to go
  map.on('zoomend', () => app.rendering || app.layers.refine().catch((err) => console.warn('finer shapes not loaded', err)));
  // Back/Forward between the entries drilling pushed, and a link pasted into the open tab
  const fromUrl = () => applyUrl().catch((err) => console.warn('link not applied', err));
  window.addEventListener('popstate', fromUrl);
  window.addEventListener('hashchange', fromUrl);
  await app.layers.loadBackground({ overBaseMap: Boolean(meta.base_map_url) });
  // an open area panel changes the map's size: open it before the first fit
  const panel = document.getElementById('area-panel');
  if (s.selected && panel) {
    panel.hidden = false;
    map.invalidateSize({ animate: false });
  }
  await render({ fit: fitInitially });
  followDataVersion();
}

/**
 * Starts the values and class-breaks requests render() will make for this state (same year choice, same
 * parameters), so they run while the map and the shapes load instead of one after the other once the shapes
 * are in; a state render() changes (a lock) only wastes the requests.
 */
function prefetchValues(s) {
  const indicator = app.catalogue.byCode.get(s.indicator);
  const years = (indicator && indicator.years && indicator.years[s.level]) || [];
  const year = years.length && !years.includes(s.year) ? Math.max(...years) : s.year;
  const compare = s.compare !== null && s.compare !== year && years.includes(s.compare) ? s.compare : null;
  const area = app.levels.isTop(s.level) ? '' : s.area;
  api.values(s.level, s.indicator, year, area || null, compare).catch(() => null);
  serverClasses({ ...s, year, compare, area });
}

/** How often an open app asks whether a new publication is served (also when its tab becomes visible). */
const VERSION_CHECK_MS = 5 * 60 * 1000;

/**
 * The client follows the data version the server says it serves: on a new one the memoised responses
 * are gone (api.js), the catalogue is read again and the view redrawn with the new values.
 */
function followDataVersion() {
  onDataVersion(() => {
    Promise.all([api.meta(), api.indicators()])
      .then(([meta, catalogue]) => {
        app.meta = meta;
        app.catalogue = { ...catalogue, byCode: new Map(catalogue.indicators.map((i) => [i.code, i])) };
        const panel = document.getElementById('area-panel');
        if (panel) panel.dataset.key = '';
        return render({});
      })
      .catch((err) => console.warn('new data version not applied', err));
  });
  const check = () => checkDataVersion().catch(() => false);
  setInterval(check, VERSION_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

/** The whole state from the URL: nothing of the previous view survives unless the link says so. */
async function applyUrl() {
  const hash = location.hash.slice(1);
  if (app.embed || hash === app.lastHash) return;
  app.lastHash = hash; // popstate and hashchange both fire for one step
  const next = parseState(location.search, location.hash);
  applyDefaults(next);
  const prevLang = app.state.lang;
  app.state = next;
  app.notice = null;
  languageChanged(prevLang);
  // the link's own view, read before anything moves the map: opening the panel resizes it, and the
  // moveend that follows writes the view shown until now into the state (the link would then keep the
  // old view instead of fitting its area)
  const v = next.view;
  const panel = document.getElementById('area-panel');
  // the panel the link shows (or none) before the fit: it changes the map's size, and a fit made with
  // the old panel would be off-centre once it opens or closes
  if (panel && Boolean(next.selected) === panel.hidden) {
    panel.hidden = !next.selected;
    if (panel.hidden) panel.dataset.key = '';
    app.map.invalidateSize({ animate: false });
  }
  next.view = v;
  app.rendering = true;
  if (v) app.map.setView([v.lat, v.lon], v.zoom, { animate: false });
  await render({ fit: !v });
}

/** Rebuilds what carries the interface's own strings after a language change. */
function languageChanged(prevLang) {
  if (app.state.lang === prevLang) return;
  setLang(app.state.lang);
  if (!app.embed) buildSidebar(app, { render, setState, goUp });
  setAttribution();
  if (app.legendModel) app.legend.update(app.legendModel);
}

/** Fills what the URL left out from the server's defaults, and drops what the levels do not allow. */
function applyDefaults(s) {
  const d = app.meta.default;
  const levels = app.levels;
  if (!levels.isMapLevel(s.level)) s.level = levels.isMapLevel(d.level) ? d.level : levels.top.level;
  if (!levels.canContain(s.area, s.level)) s.area = '';
  if (s.selected && !levels.ofCode(s.selected)) s.selected = '';
  s.indicator = app.catalogue.byCode.has(s.indicator) ? s.indicator : d.indicator;
  s.year ??= d.year;
}

/**
 * Merges a change into the state and redraws; `fit` zooms to the new area. A drill-down, going up or
 * another level is a new history entry (Back returns to the view before it), and so is a change made with
 * `push` (a search result); other changes refine the current entry.
 */
export function setState(change, opts = {}) {
  const prev = { ...app.state };
  Object.assign(app.state, change);
  app.notice = null;
  languageChanged(prev.lang);
  if (opts.push || prev.level !== app.state.level || prev.area !== app.state.area) writeUrl({ push: true });
  return render(opts);
}

/** Up one level: the area in view becomes one of the shapes, among its siblings. */
export function goUp() {
  const s = app.state;
  if (!s.area || (app.lock && s.area === app.lock)) return;
  const level = app.levels.ofCode(s.area);
  if (!level) return;
  setState({ level: level.level, area: app.levels.parentCode(s.area), selected: '' }, { fit: true });
}

async function render(opts = {}) {
  const s = app.state;
  const levels = app.levels;
  if (app.lock && !(s.area || '').startsWith(app.lock)) {
    Object.assign(s, { area: app.lock, level: levels.isTop(s.level) ? levels.child(s.level) : s.level });
  }
  if (levels.isTop(s.level)) s.area = '';
  const token = (app.renderToken = (app.renderToken || 0) + 1);
  app.rendering = true;
  const indicator = app.catalogue.byCode.get(s.indicator);
  // an indicator without the year at this level: its latest year there, and the legend says so
  const years = (indicator.years && indicator.years[s.level]) || [];
  if (years.length && !years.includes(s.year)) {
    const from = s.year;
    s.year = Math.max(...years);
    app.notice = t('yearMoved', { from, to: s.year, level: name(levels.get(s.level)) });
  }
  // a change map needs a base year the indicator has at this level, other than the year shown
  if (s.compare !== null && (s.compare === s.year || !years.includes(s.compare))) s.compare = null;
  // the server filters by any ancestor, so the "not on map" note counts only the area in view
  const parentParam = s.area || null;
  const [, response, served] = await Promise.all([
    app.layers.show(s.level, s.area),
    api.values(s.level, s.indicator, s.year, parentParam, s.compare).catch((err) => {
      console.warn('values not loaded', err);
      return { values: [], failed: true };
    }),
    serverClasses(s),
  ]);
  if (token !== app.renderToken) return;
  app.rendering = false;
  app.info.update(null);
  const rows = response.values.filter((r) => !s.area || r.code.startsWith(s.area));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const values = rows.map((r) => r.value);
  // a change map: values are changes from the base year, in the change's unit, on a palette centred on 0
  const change = s.compare !== null && response.change ? response.change : null;
  const shown = change ? { ...indicator, value_unit: change.unit, value_unit_th: change.unit_th } : indicator;
  // the server's breaks when it gave them for this very map (a change map's or not), else the view's own
  const classes = served && Boolean(served.compare) === Boolean(change) ? served : null;
  const breaks = classes
    ? classes.breaks
    : change ? changeBreaks(values, s.method, s.classes, s.breaks) : computeBreaks(values, s.method, s.classes, s.breaks);
  // which areas the breaks come from, said in the legend once the view is smaller than the country
  const national = Boolean(classes) && !classes.parent;
  const scope = s.method === 'manual' || !s.area ? null : national ? 'national' : 'view';
  const finiteValues = values.filter((v) => v !== null && Number.isFinite(v));
  const top = national && classes.max !== null ? classes.max : Math.max(...finiteValues);
  const cs = change
    ? changeColours(changePalette(s.palette), breaks, indicator.higher_is_better, top)
    : colours(s.palette, breaks.length + 1, indicator.higher_is_better);
  const getColor = (d) => cs[classOf(d, breaks)];
  const styleFor = (code) => {
    const r = byCode.get(code);
    if (!r) return { fillColor: '#000', fillOpacity: 0 };
    if (r.value === null) return { fillColor: HATCH, fillOpacity: 1 };
    // a rate over fewer than 30 eligible units keeps its class colour, faded (see the legend)
    return { fillColor: getColor(r.value), fillOpacity: r.small_denominator ? SMALL_BASE_OPACITY : 0.9 };
  };
  app.current = { indicator: shown, rows, byCode, breaks, colours: cs, getColor, change, scope };
  const t0 = performance.now();
  app.layers.recolour(styleFor, byCode.keys());
  app.timings.recolourMs = performance.now() - t0;
  app.layers.attach();
  const finite = finiteValues;
  const { counts, noData } = countByClass(values, breaks);
  // national classes are labelled with the country's range; their counts are of the areas in view
  const range = national && s.area ? classes : finite.length ? { min: Math.min(...finite), max: Math.max(...finite) } : { min: null, max: null };
  app.legendModel = legendModel({
    indicator: shown, change, breaks, colours: cs, counts, noData, scope,
    min: range.min,
    max: range.max,
    notOnMap: response.not_on_map, emptyReason: rows.length ? null : emptyReason(response), yearBe: s.year, notice: app.notice,
    // a class of one value in view may hold others elsewhere in the country: national classes keep their range
    values: scope === 'national' ? null : values,
    singles: national && classes.classes.length === breaks.length + 1 ? classes.classes.map((c) => c.single) : null,
    whole: isWholeNumbers(values),
    smallBase: rows.filter((r) => r.small_denominator && r.value !== null).length,
  });
  app.legend.update(app.legendModel);
  if (!app.embed) {
    updateRanking(app, { choose: chooseByCode });
    syncPictureButton(app);
  }
  document.title = `${name(indicator)} ${yearText()} – Phaenthi`;
  if (opts.fit) await fitArea();
  await syncPanel();
  await app.layers.outlineSelected(s.selected);
  app.layers.refine().catch((err) => console.warn('finer shapes not loaded', err));
  await updateTitle();
  describe();
  if (!opts.fit) postHeight();
  writeUrl();
  if (app.syncControls) app.syncControls();
  if (!app.timings.firstMap) {
    app.timings.firstMap = performance.now() - app.timings.start;
    app.timings.firstMapFromNavigation = performance.now(); // the page's time origin is navigation
    document.body.dataset.ready = 'true';
  }
  document.body.dataset.renders = String(token);
}

/**
 * The class breaks from the server (`/api/classes`), so the app, the embed and the pictures agree: by
 * default those of the whole country's areas at this level ("national breaks": an area keeps its colour
 * when drilling in), or of the areas in view. Manual breaks are the user's own; without an answer (a
 * server or static copy without the endpoint) the app classifies the values in view itself.
 */
function serverClasses(s) {
  if (s.method === 'manual') return Promise.resolve(null);
  const parent = s.scope === 'view' && s.area ? s.area : null;
  return api
    .classes({ level: s.level, indicator: s.indicator, year: s.year, compare: s.compare, method: s.method, n: s.classes, parent })
    .catch((err) => {
      console.warn('class breaks not loaded; classifying the values in view', err);
      return null;
    });
}

/** Title line and breadcrumb: the names of the area and its ancestors come from the area endpoint. */
async function updateTitle() {
  const s = app.state;
  const codes = s.area ? app.levels.ancestors(s.area) : [];
  const infos = await Promise.all(codes.map((code) => api.area(code, s.year).catch(() => null)));
  const chain = codes.map((code, k) => ({ code, ...(infos[k] ? infos[k].area : { name_th: code, name_en: code }) }));
  app.chain = chain;
  const where = chain.length ? name(chain[chain.length - 1]) : t('country');
  const level = app.levels.get(s.level);
  app.titleText = `${name(app.current.indicator)} · ${where} · ${name(level)} · ${yearText()}`;
  const el = document.getElementById('map-title');
  if (el) setHeaderTitle(el, app.titleText);
  if (!app.embed) updateBreadcrumb(app, chain, { setState });
}

const THAI = /[\u0E00-\u0E7F]/;

/**
 * The header's map title, whole: it wraps between words (Thai ones, which have no spaces, where
 * Intl.Segmenter finds them, as the saved picture does) over two lines, its type shrinking down to
 * 14 px before it takes a third (then down to 13 px). It is never cut by an ellipsis.
 */
function setHeaderTitle(el, text) {
  const parts = words(text);
  el.replaceChildren();
  parts.forEach((w, k) => {
    if (k && THAI.test(parts[k - 1].slice(-1)) && THAI.test(w[0])) el.append(document.createElement('wbr'));
    el.append(w);
  });
  fitHeaderTitle();
}

/** Shrinks the header's title until it fits two lines (presentation mode has its own size). */
function fitHeaderTitle() {
  const el = document.getElementById('map-title');
  if (!el) return;
  el.style.fontSize = '';
  el.style.maxHeight = '';
  if (document.body.classList.contains('present')) return;
  const base = parseFloat(getComputedStyle(el).fontSize);
  // two lines down to 14 px; a very long title (a BMN indicator's) takes a third line, down to 13 px
  for (const [lines, least] of [[2, 14], [3, 13]]) {
    el.style.maxHeight = `${lines * 1.25}em`;
    for (let size = base; size >= least; size -= 1) {
      el.style.fontSize = `${size}px`;
      if (el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth) return;
    }
  }
}
addEventListener('resize', () => fitHeaderTitle());

/** "ปี (พ.ศ.) 2566", or for a change map "การเปลี่ยนแปลง 2561→2566". */
export function yearText() {
  const c = app.current && app.current.change;
  return c ? `${t('change')} ${c.from}→${c.to}` : `${t('year')} ${app.state.year}`;
}

/** Why the map is empty, in the interface's language. */
function emptyReason(response) {
  if (response.failed) return t('valuesFailed');
  // the Thai says where the indicator has data; the English one names codes, so the app words its own
  if (getLang() === 'th' && response.empty_reason_th) return response.empty_reason_th;
  return t('noDataHere', { year: app.state.year, level: name(app.levels.get(app.state.level)) });
}

/** The area panel shows the selected area in the current language, year and indicator, or nothing. */
async function syncPanel() {
  const panel = document.getElementById('area-panel');
  if (!panel) return;
  const s = app.state;
  const key = s.selected ? [s.selected, s.year, s.indicator, getLang(), currentDataVersion()].join('|') : '';
  if (!key) {
    panel.hidden = true;
    panel.dataset.key = '';
    return;
  }
  if (panel.dataset.key === key && !panel.hidden) return;
  panel.dataset.key = key;
  await showAreaPanel(app, s.selected);
}

/** Fits the area in view (or, after a search, the area found: `app.fitTo`), clear of the legend and panel. */
async function fitArea() {
  const s = app.state;
  const target = app.fitTo || s.area;
  const found = Boolean(app.fitTo);
  app.fitTo = null;
  const b = target ? (!found && app.pendingBounds) || (await app.layers.boundsOf(target)) : app.countryBounds;
  app.pendingBounds = null;
  if (!b || !b.isValid()) return;
  // keep the area clear of the legend (bottom right): beside it or above it, whichever shows the area larger
  const legend = app.legend.getContainer();
  const size = app.map.getSize();
  // on a phone the area panel is a sheet over the bottom of the map rather than beside it
  const panel = document.getElementById('area-panel');
  const sheet = panel && !panel.hidden && getComputedStyle(panel).position === 'absolute' && !app.embed;
  const base = sheet ? Math.min(panel.offsetHeight, size.y * 0.6) + 10 : 10;
  // the legend's reach from the map's right and bottom edges (it sits above the credits line)
  const mr = app.map.getContainer().getBoundingClientRect();
  const lr = legend ? legend.getBoundingClientRect() : null;
  const lw = lr && lr.width ? mr.right - lr.left + 6 : 0;
  const lh = lr && lr.height ? mr.bottom - lr.top + 6 : 0;
  // only a padding that clears the legend counts; if neither fits, beside it with at most 45 % of the width
  // (with a phone's sheet up the legend sits above the sheet over 70 % of the strip: beside it then, as
  // long as 90 px of the map stay free)
  const options = [];
  if (lw <= (sheet ? size.x - 90 : size.x * 0.45)) options.push([lw, base]);
  if (Math.max(base, lh) <= size.y * 0.6) options.push([10, Math.max(base, lh)]);
  const zoomWith = ([r, bt]) => app.map.getBoundsZoom(b, false, L.point(10 + r, 10 + bt));
  const [right, bottom] = options.sort((p, q) => zoomWith(q) - zoomWith(p))[0] || [Math.min(lw, size.x * 0.45), base];
  // no animation: the area panel may open next and resize the map, which would cut an animation short
  // a small area found by search is shown with some of its surroundings, not at street level
  app.map.fitBounds(b, { paddingTopLeft: [10, 10], paddingBottomRight: [right, bottom], animate: false, maxZoom: found ? 12 : 18 });
  app.fitted = true;
  app.fittedBounds = b;
  postHeight();
}

function onHover(props) {
  // after a tap-to-inspect the box keeps the tapped area when the emulated mouse leaves it
  if (!props && app.inspected && app.current.byCode.has(app.inspected)) {
    const r = app.current.byCode.get(app.inspected);
    props = { code: r.code, name_th: r.name_th, name_en: r.name_en, parent_code: r.parent_code };
  }
  if (!props) return app.info.update(null);
  const { indicator, byCode, rows } = app.current;
  const row = byCode.get(props.code);
  if (!row) return app.info.update(null);
  // Low-zoom subdistrict tiles carry codes only (names would push them past 500 KB): names come from the values.
  if (!props.name_th && !props.name_en) props = { ...props, name_th: row.name_th, name_en: row.name_en };
  const siblings = rows.filter((r) => r.parent_code === row.parent_code && r.value !== null);
  const sorted = siblings.map((r) => r.value).sort((a, b) => b - a);
  const rank = row.value === null ? null : sorted.indexOf(row.value) + 1;
  const parent = app.chain.find((c) => c.code === row.parent_code);
  app.info.update({ props, row, indicator, change: app.current.change, rank, total: sorted.length, parentName: row.parent_code ? (parent ? name(parent) : row.parent_code) : t('country') });
}

function onClick(props, bounds, domEvent) {
  // shapes outside the area in view (vector tiles carry them) are context, not choices
  if (!app.interactive || !app.current.byCode.has(props.code)) return;
  // a finger has no hover: the first tap on an area shows its values (and outline), a second tap opens it
  if (domEvent && domEvent.pointerType === 'touch' && app.inspected !== props.code) {
    app.inspected = props.code;
    onHover(props);
    app.layers.outlineSelected(props.code);
    return;
  }
  app.inspected = null;
  const child = app.levels.child(app.state.level);
  // the panel takes room from the map: make room before fitting, so the area is not hidden behind it
  const panel = document.getElementById('area-panel');
  if (panel && panel.hidden) {
    panel.hidden = false;
    app.map.invalidateSize({ animate: false });
  }
  if (child) {
    app.pendingBounds = bounds;
    setState({ level: child, area: props.code, selected: props.code }, { fit: true });
  } else {
    app.state.selected = props.code;
    writeUrl();
    syncPanel();
    app.layers.outlineSelected(props.code);
  }
}

/** The ranked list's buttons act like a click on the shape with that code. */
function chooseByCode(code) {
  const row = app.current.byCode.get(code);
  if (!row) return;
  let bounds = null;
  if (app.layers.active && app.layers.active.eachLayer) {
    app.layers.active.eachLayer((l) => {
      if (l.feature && l.feature.properties.code === code) bounds = l.getBounds();
    });
  }
  onClick({ code, name_th: row.name_th, name_en: row.name_en, parent_code: row.parent_code }, bounds);
}

/** Focus on a ranked-list entry shows its hover box, so keyboard users get the same information. */
app.focusArea = (code) => {
  const row = app.current && app.current.byCode.get(code);
  if (row) onHover({ code, name_th: row.name_th, name_en: row.name_en, parent_code: row.parent_code });
};

/** A credit of /api/meta in the interface's language (a server without the Thai keys: its English). */
export function credit(a, key) {
  return served(a, key) || a[key];
}

/** The text description of the map in view, for screen readers (the map's and the embed's aria) and the picture. */
function describe() {
  app.description = describeMap(app);
  const el = document.getElementById('map-description');
  if (el) el.textContent = app.description;
}

/** Leaflet's own controls in the interface's language: zoom buttons (when interactive) and the credits' prefix. */
function setControlLabels() {
  app.map.getContainer().setAttribute('aria-label', t('mapLabel'));
  if (app.zoomControl) app.zoomControl.remove();
  app.zoomControl = app.interactive ? L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(app.map) : null;
  app.map.attributionControl.setPrefix(`${esc(t('mapBy'))} <a href="https://leafletjs.com" hreflang="en">Leaflet</a>`);
}

/**
 * An embed tells its host page the height it wants for its width (the responsive snippet's script sets
 * the iframe to it; see share.js): the area in view at its own aspect, within 0.6–1.25 of the width,
 * plus the title. A height that depends on the width only cannot start a resize loop. When the frame
 * changes size the map is fitted again, so the area fills the new frame.
 */
function followFrameSize() {
  let timer;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (app.current) fitArea().then(postHeight);
    }, 150);
  });
}

async function postHeight() {
  if (!app.embed || window.parent === window) return;
  const map = app.map;
  // an embed opened at a given view was not fitted: the area's own bounds then
  const b = app.fittedBounds || (app.state.area ? await app.layers.boundsOf(app.state.area) : app.countryBounds);
  if (!b || !b.isValid()) return;
  const nw = map.project(b.getNorthWest(), 10);
  const se = map.project(b.getSouthEast(), 10);
  const aspect = Math.min(1.25, Math.max(0.6, (se.y - nw.y) / Math.max(1, se.x - nw.x)));
  const title = document.getElementById('map-title');
  const height = Math.round(innerWidth * aspect + (title ? title.offsetHeight : 0));
  window.parent.postMessage({ type: 'phaenthi:height', height }, '*');
}

function setAttribution() {
  setControlLabels();
  const a = app.meta.attribution;
  const ctl = app.map.attributionControl;
  for (const old of app.attributions || []) ctl.removeAttribution(old);
  app.attributions = [
    `<a href="#" class="attr-link" data-attr="boundaries" title="${esc(credit(a, 'boundaries'))}">${esc(credit(a, 'boundaries_short'))}</a>`,
    `<a href="#" class="attr-link" data-attr="indicators" title="${esc(credit(a, 'indicators'))}">${esc(credit(a, 'indicators_short'))}</a>`,
  ];
  for (const html of app.attributions) ctl.addAttribution(html);
}

document.addEventListener('click', (e) => {
  const link = e.target.closest && e.target.closest('.attr-link');
  if (!link) return;
  e.preventDefault();
  const dlg = document.getElementById('attribution-dialog');
  const a = app.meta.attribution;
  const body = dlg.querySelector('.body');
  body.textContent = [credit(a, 'boundaries'), credit(a, 'indicators'), SOFTWARE].join('\n\n');
  if (a.licence_url) {
    const link = Object.assign(document.createElement('a'), { href: a.licence_url, textContent: a.licence_url, rel: 'license' });
    body.append('\n\n', link);
  }
  dlg.showModal();
});

/** Writes the state into the hash: a new history entry with `push`, else the current one is updated. */
export function writeUrl({ push = false } = {}) {
  if (!app.map || !app.state) return;
  const c = app.map.getCenter();
  app.state.view = { zoom: app.map.getZoom(), lat: c.lat, lon: c.lng };
  const hash = formatState(app.state);
  app.lastHash = hash;
  if (app.embed) return;
  const url = `${location.pathname}${location.search}#${hash}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

main().catch((err) => {
  console.error(err);
  const el = document.getElementById('fatal');
  if (el) {
    el.hidden = false;
    el.textContent = `${t('error')}: ${err.message}`;
  }
});
