// The side panel (pickers, classification, search), the breadcrumb and the keyboard shortcuts.
// All controls are native form elements so they are keyboard reachable and readable by screen readers.
import { L } from './lib.js';
import { api, inBundle } from './api.js';
import { PALETTES, METHODS, colours, isColourBlindSafe } from './classify.js';
import { t, name, bothNames, getLang, formatNumber, served } from './i18n.js';
import { esc } from './controls.js';
import { savePicture } from './picture.js';
import { openShareDialog } from './share.js';

const $ = (id) => document.getElementById(id);

export function buildSidebar(app, { setState }) {
  const s = app.state;
  const { indicators, years } = app.catalogue;
  const byCat = new Map();
  for (const i of indicators) {
    const key = i.category.code;
    if (!byCat.has(key)) byCat.set(key, { category: i.category, items: [] });
    byCat.get(key).items.push(i);
  }
  const groups = [...byCat.values()].map(({ category, items }) =>
    `<optgroup label="${esc(name(category))}">${items.map((i) => `<option value="${esc(i.code)}" title="${esc(bothNames(i))}">${esc(name(i))}</option>`).join('')}</optgroup>`);
  const side = $('controls');
  side.innerHTML = `
    <label>${t('indicator')}<select id="indicator">${groups.join('')}</select></label>
    <div class="row">
      <label>${t('year')}<select id="year">${years.map((y) => `<option value="${y.be}" title="${esc(served(y, 'label'))}">${y.be}${y.synthetic ? ' *' : ''}</option>`).join('')}</select></label>
      <label>${t('compareWith')}<select id="compare"><option value="">${esc(t('noCompare'))}</option>${years.map((y) => `<option value="${y.be}">${y.be}</option>`).join('')}</select></label>
      <label>${t('level')}<select id="level">${app.levels.map.map((l) => `<option value="${l.level}">${esc(name(l))}</option>`).join('')}</select></label>
    </div>
    <fieldset><legend>${t('classification')}</legend>
      <label><select id="method" aria-label="${t('classification')}">${METHODS.map((m) => `<option value="${m}">${t(m)}</option>`).join('')}</select></label>
      <label id="breaks-label" hidden>${t('breaks')}<input id="breaks" inputmode="decimal" placeholder="1, 2.5, 5, 10"></label>
      <label>${t('scope')}<select id="scope" aria-describedby="scope-explain"><option value="national">${esc(t('scopeNational'))}</option><option value="view">${esc(t('scopeView'))}</option></select></label>
      <p id="scope-explain" class="scope-explain muted"></p>
      <div class="row">
        <label>${t('classes')}<select id="classes">${[3, 4, 5, 6, 7, 8, 9].map((n) => `<option>${n}</option>`).join('')}</select></label>
      </div>
      <div id="palettes" class="palettes" role="radiogroup" aria-labelledby="palettes-label">
        <span id="palettes-label" class="palettes-label">${t('palette')} <span class="muted">(<span class="cb-safe" aria-hidden="true">◉</span> ${t('cbSafe')})</span></span>
        ${PALETTES.map((p) => {
          const safe = isColourBlindSafe(p);
          return `<label class="palette" data-cb-safe="${safe}" title="${esc(p)}${safe ? ` · ${esc(t('cbSafe'))}` : ''}"><input type="radio" name="palette" value="${esc(p)}" aria-label="${esc(p)}${safe ? `, ${esc(t('cbSafe'))}` : ''}"><span class="swatch"></span>${safe ? '<span class="cb-safe" aria-hidden="true">◉</span>' : ''}</label>`;
        }).join('')}
      </div>
      <label class="check"><input type="checkbox" id="reverse"> ${t('reverse')}</label>
    </fieldset>
    <p id="indicator-def" class="muted"></p>
    <div id="downloads" class="downloads"><span class="downloads-label">${t('download')}</span> <span class="links"></span></div>
    <details id="ranking" class="ranking"><summary>${t('ranking')}</summary><ol></ol></details>`;
  const sync = () => {
    const st = app.state;
    $('indicator').value = st.indicator;
    $('year').value = String(st.year);
    $('level').value = st.level;
    $('method').value = st.method;
    $('classes').value = String(st.classes);
    const ind0 = app.catalogue.byCode.get(st.indicator);
    for (const input of document.querySelectorAll('#palettes input')) {
      input.checked = input.value === st.palette.replace(/-r$/, '');
      // each swatch shows the palette as it will colour this indicator, lowest class on the left
      const cs = colours(input.value + (st.palette.endsWith('-r') ? '-r' : ''), 5, ind0.higher_is_better);
      // colours through CSSOM, not style attributes, which the CSP refuses
      const swatch = input.nextElementSibling;
      swatch.replaceChildren(...cs.map((c) => { const i = document.createElement('i'); i.style.background = c; return i; }));
    }
    $('reverse').checked = st.palette.endsWith('-r');
    $('breaks-label').hidden = st.method !== 'manual';
    $('scope').value = st.scope;
    $('scope').disabled = st.method === 'manual';
    // the options are short; what the choice means is said under the select
    $('scope-explain').textContent = t(st.method === 'manual' ? 'scopeManualExplain' : st.scope === 'view' ? 'scopeViewExplain' : 'scopeNationalExplain');
    $('breaks').value = st.breaks.join(', ');
    const ind = app.catalogue.byCode.get(st.indicator);
    const yrs = (ind.years && ind.years[st.level]) || [];
    for (const o of $('year').options) o.disabled = yrs.length > 0 && !yrs.includes(Number(o.value));
    // a change map compares with another year this indicator has at this level
    for (const o of $('compare').options) o.disabled = o.value !== '' && (Number(o.value) === st.year || !yrs.includes(Number(o.value)));
    $('compare').value = st.compare === null ? '' : String(st.compare);
    // the server words definitions and sources in both languages; the Thai side shows no English line
    const definition = getLang() === 'th' ? ind.definition_th : ind.definition_en || ind.definition;
    $('indicator-def').textContent = [definition, served(ind, 'source')].filter(Boolean).join(' · ');
    updateDownloads(app);
  };
  app.syncControls = sync;
  sync();
  $('indicator').onchange = (e) => setState({ indicator: e.target.value }).then(sync);
  $('year').onchange = (e) => setState({ year: Number(e.target.value) }).then(sync);
  $('compare').onchange = (e) => setState({ compare: e.target.value ? Number(e.target.value) : null }).then(sync);
  $('level').onchange = (e) => setState(levelChange(app, e.target.value), { fit: true }).then(sync);
  $('method').onchange = (e) => setState({ method: e.target.value }).then(sync);
  $('scope').onchange = (e) => setState({ scope: e.target.value }).then(sync);
  $('classes').onchange = (e) => setState({ classes: Number(e.target.value) }).then(sync);
  const palette = () => (document.querySelector('#palettes input:checked') || { value: 'RdYlBu' }).value + ($('reverse').checked ? '-r' : '');
  for (const input of document.querySelectorAll('#palettes input')) input.onchange = () => setState({ palette: palette() }).then(sync);
  $('reverse').onchange = () => setState({ palette: palette() }).then(sync);
  $('breaks').onchange = (e) => setState({ breaks: e.target.value.split(/[,\s]+/).map(Number).filter(Number.isFinite) });

  // a phone's search box is too narrow for the long hint
  $('search').placeholder = matchMedia('(max-width: 720px)').matches ? t('searchShort') : t('search');
  $('search').setAttribute('aria-label', t('search'));
  bindSearch(app, setState);
  const buttons = [['btn-present', 'present', 'P'], ['btn-picture', 'savePicture', 'PNG'], ['btn-share', 'share', '</>'], ['btn-help', 'help', '?'], ['btn-lang', 'language', t('languageShort')], ['btn-menu', 'menu', '☰']];
  for (const [id, key, short] of buttons) {
    $(id).title = t(key);
    $(id).setAttribute('aria-label', t(key));
    // the long label on wide screens, a short one on phones (CSS picks)
    if (id !== 'btn-help' && id !== 'btn-menu') $(id).innerHTML = `<span class="long">${esc(t(key))}</span><span class="short" aria-hidden="true">${esc(short)}</span>`;
  }
  $('btn-lang').onclick = () => setState({ lang: getLang() === 'th' ? 'en' : 'th' });
  $('btn-present').onclick = () => togglePresentation(app);
  $('btn-picture').onclick = () => savePicture(app);
  $('btn-share').onclick = () => openShareDialog(app);
  $('btn-help').onclick = () => openHelp();
  $('btn-menu').onclick = () => document.body.classList.toggle('side-open');
}

/** The export formats offered for the view: the export API with the same level, indicator, year and area. */
const DOWNLOADS = [['csv', 'CSV'], ['xlsx', 'XLSX'], ['geojson', 'GeoJSON']];

/**
 * The data link: the current view (level, indicator, year, the area drilled into) as CSV, XLSX and
 * GeoJSON from /api/export; a change map's files carry the change too (compare, as the map).
 */
export function updateDownloads(app) {
  const box = $('downloads');
  if (!box) return;
  box.hidden = inBundle; // a static host has no export API
  if (inBundle) return;
  const s = app.state;
  const q = new URLSearchParams({ indicator: s.indicator, year: String(s.year) });
  if (s.area) q.set('parent', s.area);
  if (s.compare !== null) q.set('compare', String(s.compare));
  const query = q.toString().replace(/%3A/g, ':');
  box.querySelector('.links').innerHTML = DOWNLOADS
    .map(([ext, label]) => `<a href="api/export/${esc(s.level)}.${ext}?${esc(query)}" data-format="${ext}" download>${label}</a>`)
    .join(' · ');
}

/** Keeps the area consistent with a new level: an area can only hold the levels below its own. */
function levelChange(app, level) {
  return { level, area: app.levels.areaFor(level, app.state.area), selected: '' };
}

function bindSearch(app, setState) {
  const input = $('search');
  const list = $('search-results');
  let timer;
  input.oninput = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) return (list.innerHTML = '');
      const { results } = await api.search(q);
      list.innerHTML = results.length
        ? results.map((r, k) => {
          // each result says what it is and where: "ตำบล/แขวง · เมืองลพบุรี, ลพบุรี"
          const level = app.levels.all.find((l) => l.level === r.level);
          const where = [...r.parents].reverse().map(name).join(', ');
          return `<li><button type="button" data-k="${k}">${esc(name(r))} <span class="muted">${esc([level ? name(level) : '', where].filter(Boolean).join(' · '))}</span></button></li>`;
        }).join('')
        : `<li class="muted">${t('noResults')}</li>`;
      for (const b of list.querySelectorAll('button')) b.onclick = () => choose(results[Number(b.dataset.k)]);
    }, 150);
  };
  input.onkeydown = (e) => {
    if (e.key === 'Enter') {
      const first = list.querySelector('button');
      if (first) first.click();
    }
  };
  const choose = (r) => {
    list.innerHTML = '';
    input.value = name(r);
    // show the area among its siblings, so its colour is read against its neighbours
    // a result of a values-only level (no shapes) is shown through its nearest area on the map
    const chain = [...r.parents, r].filter((x) => app.levels.isMapLevel(x.level));
    const shown = chain[chain.length - 1] || r;
    // the panel takes room from the map: open it first, then fit the area itself into what is left
    const panel = $('area-panel');
    if (panel && panel.hidden) {
      panel.hidden = false;
      app.map.invalidateSize({ animate: false });
    }
    app.fitTo = shown.code;
    // a search is a jump: Back returns to the view searched from, even when the level stays the same
    setState({ level: shown.level, area: app.levels.parentCode(shown.code), selected: shown.code }, { fit: true, push: true }).then(() => app.syncControls && app.syncControls());
  };
}

/**
 * The areas in view as a ranked list of buttons: the keyboard (and screen-reader) way to hover, drill down
 * and open an area, and a quick ranking for presenters. Long lists show the top and bottom 50.
 */
export function updateRanking(app, { choose }) {
  const list = document.querySelector('#ranking ol');
  if (!list) return;
  const { rows, indicator } = app.current;
  const sorted = rows.filter((r) => r.value !== null).sort((a, b) => b.value - a.value);
  const shown = sorted.length > 100 ? [...sorted.slice(0, 50), null, ...sorted.slice(-50)] : sorted;
  const unit = indicator.value_unit === '%' ? '%' : '';
  list.innerHTML = shown.map((r) => (r === null ? '<li class="gap" aria-hidden="true">…</li>'
    : `<li value="${sorted.indexOf(r) + 1}"><button type="button" data-code="${esc(r.code)}"><span>${esc(name(r))}</span><span>${formatNumber(r.value)}${unit}${r.small_denominator
      ? `<abbr class="small-base" title="${esc(t('smallDenominator', { n: formatNumber(r.denominator) }))}">*</abbr>` : ''}</span></button></li>`)).join('');
  for (const b of list.querySelectorAll('button')) {
    b.onclick = () => choose(b.dataset.code);
    b.onfocus = () => app.focusArea && app.focusArea(b.dataset.code);
  }
}

export function updateBreadcrumb(app, chain, { setState }) {
  const nav = $('breadcrumb');
  const levels = app.levels;
  const items = [`<li><button type="button" data-level="${esc(levels.top.level)}" data-area="">${esc(t('country'))}</button></li>`];
  chain.forEach((c, k) => {
    const last = k === chain.length - 1;
    // an ancestor in the breadcrumb shows the level below it inside it
    const below = levels.child(levels.ofCode(c.code).level);
    items.push(last ? `<li aria-current="page">${esc(name(c))}</li>` : `<li><button type="button" data-level="${esc(below)}" data-area="${esc(c.code)}">${esc(name(c))}</button></li>`);
  });
  nav.innerHTML = `<ol>${items.join('')}</ol>`;
  for (const b of nav.querySelectorAll('button')) {
    b.onclick = () => setState({ level: b.dataset.level, area: b.dataset.area, selected: '' }, { fit: true }).then(() => app.syncControls && app.syncControls());
  }
}

/**
 * Presentation mode on or off. The layout changes (side panels go, fonts grow, perhaps full screen), so
 * once it has settled the map is refitted to the area in view: the whole country when nothing is drilled.
 */
export function togglePresentation(app, force) {
  const on = force ?? !document.body.classList.contains('present');
  if (on === document.body.classList.contains('present')) return;
  document.body.classList.toggle('present', on);
  if (app.fitHeaderTitle) app.fitHeaderTitle();
  app.fitted = false;
  const settled = on && document.documentElement.requestFullscreen && !document.fullscreenElement
    ? document.documentElement.requestFullscreen().catch(() => {})
    : !on && document.fullscreenElement ? document.exitFullscreen().catch(() => {}) : Promise.resolve();
  settled
    .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    .then(() => {
      app.map.invalidateSize({ animate: false });
      return app.refit();
    });
}

function openHelp() {
  const dlg = $('help-dialog');
  dlg.querySelector('.body').innerHTML = `<table>${t('keys').map(([k, d]) => `<tr><th><kbd>${esc(k)}</kbd></th><td>${esc(d)}</td></tr>`).join('')}</table>`;
  dlg.querySelector('h2').textContent = t('help');
  dlg.showModal();
}

/** Shortcuts stay off while typing in a field, so Thai text can be entered in the search box. */
export function bindKeys(app, { setState, goUp }) {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest('input, select, textarea, dialog')) return;
    // on the focused map the arrow keys pan it (Leaflet's keyboard handler), they do not step indicators
    if (e.key.startsWith('Arrow') && e.target.closest('.leaflet-container')) return;
    const s = app.state;
    const list = app.catalogue.indicators.map((i) => i.code);
    const years = app.catalogue.years.map((y) => y.be);
    const step = (arr, cur, d) => arr[(arr.indexOf(cur) + d + arr.length) % arr.length];
    const after = () => app.syncControls && app.syncControls();
    const actions = {
      ArrowRight: () => setState({ indicator: step(list, s.indicator, 1) }).then(after),
      ArrowLeft: () => setState({ indicator: step(list, s.indicator, -1) }).then(after),
      ArrowUp: () => setState({ year: step(years, s.year, 1) }).then(after),
      ArrowDown: () => setState({ year: step(years, s.year, -1) }).then(after),
      p: () => togglePresentation(app),
      l: () => setState(levelChange(app, step(app.levels.map.map((x) => x.level), s.level, 1)), { fit: true }).then(after),
      u: () => goUp(),
      Backspace: () => goUp(),
      s: () => savePicture(app),
      '/': () => $('search').focus(),
      '?': () => openHelp(),
      Escape: () => togglePresentation(app, false),
    };
    const action = actions[e.key] || actions[e.key.toLowerCase()];
    if (action) {
      e.preventDefault();
      action();
    }
  });
}
