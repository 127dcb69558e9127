// The panel opened by clicking an area: all its indicators against its parent, and an SVG radar of the
// five TPMAP poverty dimensions. Each dimension is a count of target poor deprived in it, shown as a
// share of the people surveyed so areas of different size compare.
import { api, inBundle, bundleReports } from './api.js';
import { t, name, bothNames, formatNumber, unitOf, getLang } from './i18n.js';
import { esc } from './controls.js';

const DIMENSIONS = ['health', 'living', 'education', 'income', 'access'];
const SURVEYED = 'tpmap:people_surveyed';
const TARGET_POOR = 'tpmap:target_poor';

const valueOf = (values, code) => (values[code] && values[code].value) || null;
const baseOf = (values) => valueOf(values, SURVEYED) || valueOf(values, TARGET_POOR);

export async function showAreaPanel(app, code) {
  const el = document.getElementById('area-panel');
  if (!el) return;
  const data = await api.area(code, app.state.year).catch((err) => ({ error: err.message }));
  if (data.error) {
    el.innerHTML = `<p>${t('error')}: ${esc(data.error)}</p>`;
    el.hidden = false;
    return;
  }
  const parentName = app.chain && app.chain.find((c) => c.code === data.area.parent_code);
  const radar = radarSvg(shares(data.values), shares(data.parent_values));
  const rows = panelIndicators(app.catalogue.indicators, app.state.indicator)
    .map((i) => {
      const v = data.values[i.code];
      const p = data.parent_values ? data.parent_values[i.code] : null;
      if (!v) return '';
      const unit = i.value_unit === '%' ? '%' : '';
      return `<tr${i.code === app.state.indicator ? ' class="current"' : ''}><th scope="row">${esc(name(i))}</th><td>${v.value === null ? t('noData') : formatNumber(v.value) + unit + smallBaseMark(v)}</td><td class="muted">${p && p.value !== null ? formatNumber(p.value) + unit : ''}</td></tr>`;
    }).join('');
  el.innerHTML = `
    <button type="button" class="close" aria-label="${t('close')}">×</button>
    <h3>${esc(bothNames(data.area))}</h3>
    <p class="muted">${esc(data.area.code)} · ${t('year')} ${data.year.be}</p>
    <figure class="radar"><figcaption>${valueOf(data.values, SURVEYED) ? t('radar') : t('radarTargetPoor')}</figcaption>${radar}
      <div class="radar-key"><span class="k-area"></span>${esc(name(data.area))}
      ${data.parent_values ? `<span class="k-parent"></span>${esc(parentName ? name(parentName) : t('parent'))}` : ''}</div></figure>
    <table class="all-values"><caption>${t('allIndicators')}</caption>
      <thead><tr><th></th><th>${esc(name(data.area))}</th><th>${esc(parentName ? name(parentName) : data.parent_values ? t('parent') : '')}</th></tr></thead>
      <tbody>${rows}</tbody></table>
    <div class="below"></div>`;
  el.hidden = false;
  el.querySelector('.close').onclick = () => hideAreaPanel(app);
  offerReportCard(app, el, data.area);
  await showValuesOnlyChildren(app, el, data);
}

/**
 * A province's or district's panel offers its one-page report card (GET /render/report/{code}.pdf, in the
 * interface's language) when /api/meta says the server makes them (`render.report`); a server without the
 * flag (an older one, a static copy) shows no button. The app never asks the endpoint itself: a HEAD
 * request renders the whole PDF, and a busy answer must not hide the button.
 */
function offerReportCard(app, el, area) {
  const child = app.levels && area.level ? app.levels.child(area.level) : null;
  if (!child || !app.levels.isMapLevel(child)) return;
  // a static host makes none: a bundle offers the cards it was built with (its area and districts)
  const href = inBundle ? bundleReportHref(app, area) : app.meta && app.meta.render && app.meta.render.report ? reportCardHref(app, area, child) : null;
  const open = el.querySelector('.report-card');
  if (open && !href) open.remove();
  if (!href) return;
  if (open) {
    open.href = href; // the view may have changed under the open panel
    return;
  }
  const a = Object.assign(document.createElement('a'), { className: 'report-card button', href, textContent: t('reportCard') });
  a.setAttribute('download', '');
  el.querySelector('h3').after(a);
}

/**
 * In a static bundle, the file of the area's card for the map's indicator: the view's year when the bundle has
 * that card, else the latest year it has for the indicator, in the interface's language; null when it has none.
 */
export function bundleReportHref(app, area) {
  const cards = bundleReports().filter((r) => r.area === area.code && r.indicator === app.state.indicator);
  if (!cards.length) return null;
  const card = cards.find((r) => r.year === app.state.year) || cards.reduce((a, b) => (b.year > a.year ? b : a));
  return card.files[getLang()] || card.files.th || null;
}

/**
 * The report card of the view the panel was opened from: the map's indicator, its year when the card's map (the
 * area's children) has it — else none, so the server takes the children's latest, rather than a 404 — and the
 * map's method, classes and palette (a manual classification is the server's default there), in the
 * interface's language.
 */
export function reportCardHref(app, area, child) {
  // child: the name of the level the card maps (the area's children)
  const s = app.state;
  const q = new URLSearchParams();
  const ind = app.catalogue && app.catalogue.indicators.find((i) => i.code === s.indicator);
  if (ind) {
    q.set('indicator', ind.code);
    const years = (ind.years && ind.years[child]) || [];
    if (s.year && years.includes(s.year)) q.set('year', String(s.year));
  }
  if (s.method && s.method !== 'manual' && s.method !== 'quantile') q.set('method', s.method);
  if (s.classes && s.classes !== 5) q.set('classes', String(s.classes));
  if (s.palette && s.palette !== 'RdYlBu') q.set('palette', s.palette);
  q.set('lang', getLang());
  return `render/report/${encodeURIComponent(area.code)}.pdf?${q.toString().replace(/%3A/g, ':')}`;
}

/**
 * Under an area whose level has a values-only child level (a subdistrict's villages), a ranked table of
 * those areas for the indicator on the map; "no data" rows last, never as 0.
 */
async function showValuesOnlyChildren(app, el, data) {
  const child = app.levels && data.area.level ? app.levels.valuesOnlyChild(data.area.level) : null;
  const box = el.querySelector('.below');
  if (!child || !box) return;
  const indicator = app.catalogue.indicators.find((i) => i.code === app.state.indicator);
  if (!indicator) return;
  const r = await api.values(child.level, indicator.code, data.year.be, data.area.code).catch(() => null);
  // the panel may show another area by now
  if (!r || !box.isConnected || app.state.selected !== data.area.code) return;
  box.innerHTML = childTableHtml(child, data.area, indicator, r.values);
}

/** Rows ranked by value, highest first (as the map's ranking); rows without a value after them, unranked. */
export function rankRows(rows) {
  const withValue = rows.filter((r) => r.value !== null && r.value !== undefined).sort((a, b) => b.value - a.value);
  const without = rows.filter((r) => r.value === null || r.value === undefined);
  return [...withValue.map((row, k) => ({ rank: k + 1, row })), ...without.map((row) => ({ rank: null, row }))];
}

/** The table of a values-only child level (e.g. the villages of a subdistrict) for one indicator. */
export function childTableHtml(level, area, indicator, rows) {
  const unit = indicator.value_unit === '%' ? '%' : '';
  const body = rankRows(rows).map(({ rank, row }) => `<tr${row.value === null || row.value === undefined ? ' class="no-data"' : ''}><td>${rank ?? ''}</td><th scope="row">${esc(name(row))}</th><td>${row.value === null || row.value === undefined ? t('noData') : formatNumber(row.value) + unit + smallBaseMark(row)}</td></tr>`).join('');
  return `<table class="children"><caption>${esc(t('childrenRanked', { level: name(level), area: name(area), indicator: name(indicator) }))}</caption>
    <thead><tr><th>${t('rank')}</th><th>${esc(name(level))}</th><th>${esc(unitOf(indicator))}</th></tr></thead>
    <tbody>${body || `<tr><td colspan="3">${t('noData')}</td></tr>`}</tbody></table>`;
}

export function hideAreaPanel(app) {
  const el = document.getElementById('area-panel');
  if (el) {
    el.hidden = true;
    el.dataset.key = '';
  }
  if (app) {
    app.state.selected = '';
    if (app.layers) app.layers.outlineSelected('');
    if (app.writeUrl) app.writeUrl();
  }
}

/**
 * The indicators listed in the panel: all but the five TPMAP dimension counts (drawn in the radar) and the 31
 * "target poor failing BMN k" counts (a detail, one click away in the indicator picker), unless one of them is on
 * the map — 44 rows instead of 80.
 */
export function panelIndicators(indicators, current) {
  return indicators.filter((i) => i.code === current || !/^tpmap:(dim|ind)_/.test(i.code));
}

/** The explained "*" after a rate over fewer than 30 eligible units (also in the ranked list). */
function smallBaseMark(v) {
  return v.small_denominator
    ? `<abbr class="small-base" title="${esc(t('smallDenominator', { n: formatNumber(v.denominator) }))}">*</abbr>` : '';
}

/**
 * Percent deprived in each dimension, of the people surveyed where that count exists for the year, else
 * of the target poor (years such as 2566 publish only the latter); null where the data is missing.
 */
function shares(values) {
  if (!values) return null;
  const base = baseOf(values);
  return DIMENSIONS.map((d) => {
    const v = values[`tpmap:dim_${d}`];
    if (!v || v.value === null || !base) return null;
    return (100 * v.value) / base;
  });
}

/** A small radar; the scale is the largest share shown, rounded up, so small shares stay visible. */
function radarSvg(area, parent) {
  const size = 260;
  const c = size / 2;
  const r = 88;
  const all = [...(area || []), ...(parent || [])].filter((v) => v !== null);
  const max = niceMax(Math.max(1, ...all));
  const angle = (k) => -Math.PI / 2 + (2 * Math.PI * k) / DIMENSIONS.length;
  const pt = (k, v) => [c + r * (v / max) * Math.cos(angle(k)), c + r * (v / max) * Math.sin(angle(k))];
  const rings = [0.25, 0.5, 0.75, 1].map((f) =>
    `<polygon class="grid" points="${DIMENSIONS.map((_, k) => pt(k, f * max).join(',')).join(' ')}"/>`).join('');
  const axes = DIMENSIONS.map((d, k) => {
    const [x, y] = pt(k, max);
    const [lx, ly] = pt(k, max * 1.22);
    return `<line class="axis" x1="${c}" y1="${c}" x2="${x}" y2="${y}"/><text x="${lx}" y="${ly}" text-anchor="middle" dominant-baseline="middle">${esc(t(d))}</text>`;
  }).join('');
  const shape = (vals, cls) => vals
    ? `<polygon class="${cls}" points="${vals.map((v, k) => pt(k, v ?? 0).join(',')).join(' ')}"><title>${vals.map((v, k) => `${t(DIMENSIONS[k])}: ${formatNumber(v)}%`).join('\n')}</title></polygon>`
    : '';
  return `<svg viewBox="0 0 ${size} ${size}" role="img" aria-label="${esc(t('radar'))}">${rings}${axes}${shape(parent, 'parent')}${shape(area, 'area')}<text class="scale" x="${c + 4}" y="${c - r - 2}">${formatNumber(max)}%</text></svg>`;
}

function niceMax(x) {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= x);
}
