// Classification of the values shown into 3–9 classes, and the colours for them. Breaks are the upper
// bounds of each class except the last, so class i holds breaks[i-1] < v <= breaks[i].
import { ss } from './lib.js';
import colorbrewer from '../vendor/colorbrewer/index.es.js';

/**
 * The ColorBrewer schemes offered, diverging first. All but RdYlGn and Spectral are marked colour-blind
 * safe on colorbrewer2.org (`properties.blind` 1 at every class count; those two are safe at 3 classes at
 * most, so they are offered unmarked).
 */
export const PALETTES = ['RdYlBu', 'RdBu', 'PuOr', 'BrBG', 'PiYG', 'PRGn', 'RdYlGn', 'Spectral', 'YlOrRd', 'YlGnBu', 'Blues', 'Greens', 'Purples', 'Oranges', 'Greys'];
const NOT_COLOUR_BLIND_SAFE = new Set(['RdYlGn', 'Spectral']);

/** Whether colorbrewer2.org marks a palette safe for colour-blind readers at any number of classes. */
export function isColourBlindSafe(palette) {
  return PALETTES.includes(palette) && !NOT_COLOUR_BLIND_SAFE.has(palette);
}

/** Diverging palettes have two strong ends; their first (warm) end means "worse". */
export function isDiverging(palette) {
  return colorbrewer.schemeGroups.diverging.includes(palette);
}
export const METHODS = ['quantile', 'jenks', 'equal', 'manual'];

/** Fill opacity of an area whose rate rests on fewer than 30 eligible units (the API's small_denominator). */
export const SMALL_BASE_OPACITY = 0.4;

/** Whether every value given is a whole number (counts of people or households): breaks are then whole too. */
export function isWholeNumbers(values) {
  return values.every((v) => v === null || v === undefined || !Number.isFinite(v) || Number.isInteger(v));
}

/**
 * Returns `n - 1` ascending inner breaks for the values (`null`s ignored). Fewer distinct values than
 * classes gives fewer breaks; the caller shows as many classes as there are colours then. For whole
 * numbers, quantile and equal-interval breaks are rounded to whole numbers (a class "28 – 74.6 people"
 * means nothing) and breaks that then coincide are merged.
 */
export function computeBreaks(values, method, n, manual = []) {
  const xs = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (method === 'manual') return [...manual].filter(Number.isFinite).sort((a, b) => a - b).slice(0, 8);
  if (xs.length === 0) return [];
  const distinct = [...new Set(xs)];
  if (distinct.length <= n) return distinct.slice(0, -1);
  let breaks;
  if (method === 'jenks') {
    breaks = ss.ckmeans(xs, n).slice(0, -1).map((cluster) => cluster[cluster.length - 1]);
  } else if (method === 'equal') {
    const lo = xs[0];
    const step = (xs[xs.length - 1] - lo) / n;
    breaks = Array.from({ length: n - 1 }, (_, i) => lo + step * (i + 1));
  } else {
    breaks = Array.from({ length: n - 1 }, (_, i) => ss.quantileSorted(xs, (i + 1) / n));
    const max = xs[xs.length - 1];
    if (breaks.some((b) => b >= max)) {
      // Many areas tie at the top (pass rates of exactly 100 %): the top value becomes a class of its
      // own and the values below it share the other classes, rather than one class holding them all.
      const below = xs.filter((v) => v < max);
      breaks = [...computeBreaks(below, 'quantile', n - 1), below[below.length - 1]];
    }
  }
  if (isWholeNumbers(xs)) breaks = breaks.map(Math.round);
  // a break at or above the largest value would leave an empty top class
  return [...new Set(breaks)].filter((b) => b < xs[xs.length - 1]);
}

/** Index of the class a value falls in, given inner breaks; -1 for no data. */
export function classOf(value, breaks) {
  if (value === null || value === undefined || !Number.isFinite(value)) return -1;
  let i = 0;
  while (i < breaks.length && value > breaks[i]) i++;
  return i;
}

/**
 * Colours for `n` classes from a palette, ordered from the lowest class up. "Worse" is always the strong
 * end: the darkest colour of a sequential palette, the first (warm) end of a diverging one. So where higher
 * is better the lowest class gets it, where lower is better the highest. `higherIsBetter` null (neither
 * direction is better: counts of people, shares of elderly) keeps the palette's own order, light to dark.
 * A "-r" suffix on the name reverses once more (the user's explicit choice).
 */
export function colours(palette, n, higherIsBetter = true) {
  const userReversed = palette.endsWith('-r');
  const name = PALETTES.includes(palette.replace(/-r$/, '')) ? palette.replace(/-r$/, '') : 'RdYlBu';
  const scheme = colorbrewer[name];
  const sizes = Object.keys(scheme).map(Number).filter(Number.isFinite);
  const size = Math.min(Math.max(n, Math.min(...sizes)), Math.max(...sizes));
  let cs = [...scheme[size]];
  // fewer classes than the smallest scheme: keep its ends, so the strong end stays strong
  if (n < size) cs = n === 1 ? [cs[cs.length - 1]] : [cs[0], cs[cs.length - 1]];
  // ColorBrewer lists sequential schemes light → dark and diverging ones warm → cool
  const worstFirst = isDiverging(name) ? cs : [...cs].reverse();
  let out;
  if (higherIsBetter === true) out = worstFirst;
  else if (higherIsBetter === false) out = [...worstFirst].reverse();
  else out = cs;
  return userReversed ? [...out].reverse() : out;
}

/** Counts of values per class (and of no-data) for the legend. */
export function countByClass(values, breaks) {
  const counts = new Array(breaks.length + 1).fill(0);
  let noData = 0;
  for (const v of values) {
    const c = classOf(v, breaks);
    if (c < 0) noData++;
    else counts[c]++;
  }
  return { counts, noData };
}

/**
 * Change maps (a year against a base year) need a diverging palette: the user's if it is one, else RdBu
 * (keeping a "-r" the user chose).
 */
export function changePalette(palette) {
  const base = palette.replace(/-r$/, '');
  return isDiverging(base) ? palette : `RdBu${palette.endsWith('-r') ? '-r' : ''}`;
}

/**
 * Breaks of a change map: as {@link computeBreaks}, and when the changes run from below 0 to above it,
 * the break nearest 0 moves to 0, so no class holds both falls and rises. Manual breaks are kept as given.
 */
export function changeBreaks(values, method, n, manual = []) {
  const breaks = computeBreaks(values, method, n, manual);
  const xs = values.filter((v) => v !== null && Number.isFinite(v));
  if (method === 'manual' || breaks.length === 0 || breaks.includes(0)) return breaks;
  if (!(Math.min(...xs) < 0 && Math.max(...xs) > 0)) return breaks;
  let k = 0;
  for (let i = 1; i < breaks.length; i++) if (Math.abs(breaks[i]) < Math.abs(breaks[k])) k = i;
  const out = [...breaks];
  out[k] = 0;
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Colours of a change map's classes, lowest up, centred on no change: the classes of falls (upper bound
 * ≤ 0) take the half of a diverging palette on one side of its centre and the classes of rises the
 * other half, each light near 0 and strong far from it. As in {@link colours}, "worse" is the warm end:
 * a fall where higher is better, a rise where lower is better. `max` is the largest change shown (the top
 * class's upper bound).
 */
export function changeColours(palette, breaks, higherIsBetter = true, max = Infinity) {
  const n = breaks.length + 1;
  // a class is a fall when its upper bound is at most 0: the inner breaks, and the top class's `max`
  const falls = breaks.filter((b) => b <= 0).length + (max <= 0 ? 1 : 0);
  const half = Math.max(falls, n - falls);
  if (2 * half > 10) return colours(palette, n, higherIsBetter);
  const full = colours(palette, 2 * half, higherIsBetter);
  return [...full.slice(half - falls, half), ...full.slice(half, half + n - falls)];
}
