// Leaflet controls in the style of the choropleth example: an info box for the hovered area and a big
// legend listing each class's range and how many areas fall in it, with the "no data" hatch.
import { L } from './lib.js';
import { t, bothNames, name, formatNumber, unitOf, reasonText, served } from './i18n.js';
import { SMALL_BASE_OPACITY, classOf } from './classify.js';

export const InfoControl = L.Control.extend({
  options: { position: 'topright' },
  onAdd() {
    this._div = L.DomUtil.create('div', 'info hover-info');
    this._div.setAttribute('aria-live', 'polite');
    this.update(null);
    return this._div;
  },
  /** @param h null, or {props, row, indicator, rank, total, parentName} */
  update(h) {
    if (!this._div) return;
    if (!h) {
      this._div.innerHTML = `<span class="muted">${t('hoverHint')}</span>`;
      return;
    }
    const { props, row, indicator, change, rank, total, parentName } = h;
    const unit = indicator.value_unit === '%' ? ' %' : ` ${unitOf(indicator)}`;
    let body;
    if (!row || row.value === null) {
      const why = reasonText(row);
      body = `<div class="value nodata">${t('noData')}${why ? ` – ${esc(why)}` : ''}</div>`;
    } else {
      const frac = change && row.from && row.to
        ? `<div>${change.from}: ${formatNumber(row.from.value)} → ${change.to}: ${formatNumber(row.to.value)}</div>`
        : row.denominator !== null && row.denominator !== undefined
          ? `<div>${formatNumber(row.numerator)} / ${formatNumber(row.denominator)}</div>` : '';
      const r = rank ? `<div>${t('rank')} ${rank} ${t('of')} ${total}${parentName ? ` ${t('in')} ${esc(parentName)}` : ''}</div>` : '';
      const small = row.small_denominator
        ? `<div class="note small-base">${esc(t('smallDenominator', { n: formatNumber(row.denominator) }))}</div>` : '';
      const sign = change && row.value > 0 ? '+' : '';
      body = `<div class="value">${sign}${formatNumber(row.value)}${esc(unit)}</div>${frac}${small}${r}`;
    }
    this._div.innerHTML = `<h4>${esc(bothNames(props))}</h4><div class="muted">${esc(props.code)}</div>${body}`;
  },
});

export const LegendControl = L.Control.extend({
  options: { position: 'bottomright' },
  onAdd() {
    this._div = L.DomUtil.create('div', 'info legend');
    this._div.setAttribute('role', 'region');
    this._div.setAttribute('aria-label', t('legend'));
    L.DomEvent.disableScrollPropagation(this._div);
    return this._div;
  },
  /** @param m the legend model from legendModel() */
  update(m) {
    if (!this._div) return;
    this._div.setAttribute('aria-label', t('legend'));
    const notice = m.notice ? `<p class="notice" role="status">${esc(m.notice)}</p>` : '';
    if (m.emptyReason) {
      this._div.innerHTML = `<h4>${esc(m.title)}</h4>${notice}<p class="empty-reason">${esc(m.emptyReason)}</p>`;
      return;
    }
    // each row reads "range: n areas" to a screen reader; the swatch and the bare number are for the eye;
    // swatch colours are set through CSSOM below: the CSP has no 'unsafe-inline' for style attributes
    const row = (label, count) => `aria-label="${esc(t('legendRow', { range: label, count: formatNumber(count) }))}"`;
    const rows = m.classes.map((c) => `<li ${row(c.label, c.count)}><i class="class-swatch" aria-hidden="true"></i><span class="range" aria-hidden="true">${esc(c.label)}</span><span class="count" aria-hidden="true">${c.count}</span></li>`);
    rows.push(`<li class="nodata-row" ${row(t('noData'), m.noData)}><i class="hatch" aria-hidden="true"></i><span class="range" aria-hidden="true">${t('noData')}</span><span class="count" aria-hidden="true">${m.noData}</span></li>`);
    if (m.faded) {
      rows.push(`<li class="faded-row" ${row(m.faded.label, m.faded.count)}><i class="faded-swatch" aria-hidden="true"></i><span class="range">${esc(m.faded.label)}</span><span class="count">${m.faded.count}</span></li>`);
    }
    const note = m.notOnMap ? `<p class="note">${esc(t('notOnMap', { units: formatNumber(m.notOnMap.units), households: formatNumber(m.notOnMap.households) }))}</p>` : '';
    const scope = m.scopeNote ? `<div class="scope-note muted" data-scope="${esc(m.scope)}">${esc(m.scopeNote)}</div>` : '';
    const caveat = m.caveat ? `<p class="note caveat">${esc(m.caveat)}</p>` : '';
    this._div.innerHTML = `<h4 id="legend-title">${esc(m.title)}</h4><div class="muted">${esc(m.subtitle)}</div>${scope}${notice}<ul aria-labelledby="legend-title">${rows.join('')}</ul>${note}${caveat}`;
    this._div.querySelectorAll('i.class-swatch').forEach((el, i) => { el.style.background = m.classes[i].colour; });
    const faded = this._div.querySelector('i.faded-swatch');
    if (faded) {
      faded.style.background = `linear-gradient(to right, ${m.faded.colours.join(', ')})`;
      faded.style.opacity = String(SMALL_BASE_OPACITY);
    }
  },
});

/**
 * Class labels "a – b" from the data range and inner breaks, in the indicator's unit. A class holds
 * lo < v ≤ hi; for whole numbers (`whole`) that is shown as "lo+1 – hi", and a class of one value as that
 * value alone ("0", not "0 – 0"). Given the `values`, a class whose values are all the same is labelled
 * by that value ("100", not "99.91 – 100"); under national classes `singles` (the server's per-class
 * `single`) says it instead.
 */
export function legendModel({ indicator, change = null, scope = null, breaks, colours, counts, noData, min, max, notOnMap, emptyReason, yearBe, whole = false, smallBase = 0, notice = null, values = null, singles = null }) {
  const unit = indicator.value_unit === '%' ? '%' : unitOf(indicator);
  const edges = [min, ...breaks, max];
  // national classes: the server says which hold one value across the whole country (`single` of
  // /api/classes); the values in view cannot tell, a class may hold other values elsewhere
  const single = singles
    ? singles.map((v) => (v === null || v === undefined ? undefined : v))
    : singleValueClasses(values, breaks, colours.length);
  const classes = colours.map((colour, i) => {
    const lo = whole && i > 0 && Number.isInteger(edges[i]) ? edges[i] + 1 : edges[i];
    const label = single[i] !== undefined ? formatNumber(single[i]) : rangeLabel(lo, edges[i + 1], i, colours.length);
    return { colour, count: counts[i] ?? 0, label };
  });
  // the swatch of the faded areas runs through every class colour at their opacity: any class may be faded
  const faded = smallBase ? { colours: [...colours], count: smallBase, label: t('smallBaseLegend') } : null;
  // a change map says so, with both years: "จุดร้อยละ · การเปลี่ยนแปลง 2561→2566"
  const when = change ? `${t('change')} ${change.from}→${change.to}` : `${t('year')} ${yearBe}`;
  // drilled in, the legend says whose breaks colour the map: the whole country's or this view's
  const scopeNote = scope ? t(scope === 'national' ? 'scopeNationalNote' : 'scopeViewNote') : null;
  // the two years may not be comparable (other sources): the server's caveat, in the interface's language
  const caveat = change ? served(change, 'caveat') || null : null;
  return { title: name(indicator), subtitle: `${unit ? `${unit} · ` : ''}${when}`, change, caveat, classes, noData, notOnMap, emptyReason, faded, notice, scope, scopeNote };
}

/** For each class index whose values are all one value, that value (sparse array). */
function singleValueClasses(values, breaks, n) {
  const out = [];
  if (!values) return out;
  const lo = new Array(n).fill(Infinity);
  const hi = new Array(n).fill(-Infinity);
  for (const v of values) {
    const c = classOf(v, breaks);
    if (c < 0 || c >= n) continue;
    lo[c] = Math.min(lo[c], v);
    hi[c] = Math.max(hi[c], v);
  }
  for (let i = 0; i < n; i++) if (lo[i] === hi[i]) out[i] = lo[i];
  return out;
}

/** "lo – hi"; manual breaks outside the data range would give lo > hi, shown as "≤ hi" or "> lo" instead. */
function rangeLabel(lo, hi, i, n) {
  if (lo !== null && lo === hi) return formatNumber(lo);
  if (lo === null || hi === null || lo <= hi) return `${formatNumber(lo)} – ${formatNumber(hi)}`;
  return i === 0 ? `≤ ${formatNumber(hi)}` : i === n - 1 ? `> ${formatNumber(lo)}` : `${formatNumber(hi)} – ${formatNumber(lo)}`;
}

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
