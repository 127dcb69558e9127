// A text description of the map in view, for readers who cannot see it: the map's and the embed's
// accessible description and the saved picture's alt text. It names what is mapped, where and when, the
// three highest and lowest areas with their values, the classes with their counts, and the areas without data.
import { t, name, formatNumber, unitOf } from './i18n.js';

/** The areas listed at each end of the ranking. */
const ENDS = 3;

export function describeMap(app) {
  const cur = app.current;
  const m = app.legendModel;
  if (!cur || !m) return '';
  const unit = cur.indicator.value_unit === '%' ? '%' : ` ${unitOf(cur.indicator)}`;
  const value = (r) => `${name(r)} ${formatNumber(r.value)}${unit}`;
  const ranked = cur.rows.filter((r) => r.value !== null && Number.isFinite(r.value)).sort((a, b) => b.value - a.value);
  const head = t('describeMap', { title: app.titleText || name(cur.indicator) });
  if (m.emptyReason || ranked.length === 0) return `${head}. ${m.emptyReason || t('noData')}`;
  const ends = ranked.length > 2 * ENDS ? ENDS : Math.ceil(ranked.length / 2);
  const highest = ranked.slice(0, ends).map(value).join(', ');
  const lowest = ranked.slice(-ends).reverse().map(value).join(', ');
  const classes = m.classes.map((c) => t('describeClass', { range: c.label, count: formatNumber(c.count) })).join('; ');
  const parts = [
    head,
    t('describeHighest', { areas: highest }),
    t('describeLowest', { areas: lowest }),
    `${t('describeClasses', { n: m.classes.length })}${m.scopeNote ? ` (${m.scopeNote})` : ''}: ${classes}`,
  ];
  if (m.noData) parts.push(t('describeNoData', { count: formatNumber(m.noData) }));
  return `${parts.join('. ')}.`;
}
