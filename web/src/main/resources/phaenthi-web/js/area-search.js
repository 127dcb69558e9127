// Name search as the server's /api/areas/search answers it (server/.../AreaSearch.java), for the static
// bundle, which has no server: the same normalisation, romanisation folding, other names, level prefixes,
// typo tolerance and order. web/src/test/resources/search-cases.json holds the cases both implementations
// must answer alike (area-search.test.mjs here, AreaSearchCasesTest in the server), so the two cannot drift.

/** Names people use that are not a romanisation of the official one, by folded key. */
const OTHER_NAMES = new Map([
  ['korat', 'nakonratcasima'],
  ['koratcity', 'nakonratcasima'],
  ['bkk', 'bangkok'],
  ['krungtep', 'bangkok'],
  ['krungtepmahanakon', 'bangkok'],
]);

/**
 * Level prefixes, tried in this order: Thai abbreviations and words, and the romanised words, each with the
 * depth of the level it keeps (0 = the top of the hierarchy /api/levels declares: จังหวัด, 1 = อำเภอ/เขต,
 * 2 = ตำบล/แขวง), so no level is named here (levels.js owns the hierarchy).
 */
const PREFIXES = [
  ['จังหวัด', 0],
  ['จ.', 0],
  ['อำเภอ', 1],
  ['อ.', 1],
  ['เขต', 1],
  ['ตำบล', 2],
  ['ต.', 2],
  ['แขวง', 2],
  ['changwat ', 0],
  ['amphoe ', 1],
  ['amphur ', 1],
  ['khet ', 1],
  ['tambon ', 2],
  ['khwaeng ', 2],
];

/** Java's String.trim: drops code units up to U+0020 at both ends (not the wider JS whitespace). */
function javaTrim(s) {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}

/** NFC, trimmed, lower case (AreaSearch.norm). */
export function norm(s) {
  if (s == null) return '';
  return javaTrim(String(s).normalize('NFC')).toLowerCase();
}

/**
 * English folded for romanisation variants: letters and digits only, aspirated ph/th/kh/ch as p/t/k/c
 * (AreaSearch.fold).
 */
export function fold(s) {
  return norm(s)
    .replace(/[^a-z0-9]/g, '')
    .replaceAll('ph', 'p')
    .replaceAll('th', 't')
    .replaceAll('kh', 'k')
    .replaceAll('ch', 'c');
}

/**
 * Levenshtein distance of a and b when it is at most `threshold`, else −1 (as commons-text's
 * LevenshteinDistance(threshold) answers it).
 */
export function boundedDistance(a, b, threshold) {
  if (Math.abs(a.length - b.length) > threshold) return -1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > threshold) return -1;
    prev = cur;
  }
  return prev[b.length] <= threshold ? prev[b.length] : -1;
}

/** Edit distance to the whole name or to its start of the needle's length; −1 when too far. */
function best(needle, name, allowed) {
  const whole = boundedDistance(needle, name, allowed);
  const start = name.length > needle.length ? boundedDistance(needle, name.slice(0, needle.length), allowed) : -1;
  if (whole < 0) return start;
  return start < 0 ? whole : Math.min(whole, start);
}

/**
 * The search index: `areas` as the bundle's data/areas.json lists them (level, code, name_th, name_en, …),
 * in the server's order (levels from the top, then by code); `levels` the level names from the top, as
 * /api/levels lists them (by default the levels of `areas` in their order). `search(query, limit)` answers
 * the areas /api/areas/search would, in its order.
 */
export class AreaSearch {
  constructor(areas, levels = [...new Set(areas.map((a) => a.level))]) {
    this.levels = levels;
    this.entries = areas.map((area) => ({
      area,
      th: norm(area.name_th),
      en: norm(area.name_en),
      folded: fold(area.name_en),
    }));
  }

  search(query, limit = 20) {
    let q = norm(query);
    let only = null;
    for (const [prefix, depth] of PREFIXES) {
      if (q.startsWith(prefix) && q.length > prefix.length) {
        only = this.levels[depth];
        if (only === undefined) return []; // the server keeps a level no area has: nothing
        q = javaTrim(q.slice(prefix.length));
        break;
      }
    }
    if (q === '') return []; // an empty needle would match every name
    const f = fold(q);
    const other = OTHER_NAMES.get(f);
    const out = new Map(); // by code, in insertion order
    const contains = [];
    const foldedPrefix = [];
    const foldedContains = [];
    for (const e of this.entries) {
      if (only != null && e.area.level !== only) continue;
      if (e.th.startsWith(q) || e.en.startsWith(q) || e.en.includes(' ' + q) || e.folded === other) {
        out.set(e.area.code, e.area);
      } else if (e.th.includes(q) || e.en.includes(q)) {
        contains.push(e.area);
      } else if (f !== '' && e.folded.startsWith(f)) {
        foldedPrefix.push(e.area);
      } else if (f.length >= 4 && e.folded.includes(f)) {
        foldedContains.push(e.area);
      }
    }
    for (const group of [contains, foldedPrefix, foldedContains]) {
      for (const a of group) if (!out.has(a.code)) out.set(a.code, a);
    }
    if (out.size < limit) {
      for (const a of this.typos(q, f, only, out, limit - out.size)) if (!out.has(a.code)) out.set(a.code, a);
    }
    return [...out.values()].slice(0, limit);
  }

  /** Names within 1 edit (4–6 letters) or 2 (from 7) of the query, closest first (AreaSearch.typos). */
  typos(q, f, only, found, max) {
    const thai = [...q].some((c) => c.codePointAt(0) >= 0x0e00 && c.codePointAt(0) <= 0x0e7f);
    const needle = thai ? q : f;
    if (needle.length < 4) return [];
    const allowed = needle.length >= 7 ? 2 : 1;
    const hits = [];
    for (const e of this.entries) {
      if ((only != null && e.area.level !== only) || found.has(e.area.code)) continue;
      const d = best(needle, thai ? e.th : e.folded, allowed);
      if (d >= 0) hits.push({ area: e.area, d });
    }
    hits.sort((a, b) => a.d - b.d); // stable: equally close names keep the level-then-code order
    return hits.slice(0, max).map((h) => h.area);
  }
}
