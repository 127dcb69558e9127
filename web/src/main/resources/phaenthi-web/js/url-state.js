// The whole map state lives in the URL so that a copied link reopens the same view. The app uses the
// hash (no reload on change); /embed uses the query string (what an iframe src carries). Both parse here.

/** Defaults for every key; `null` means "take it from /api/meta". */
export const DEFAULTS = Object.freeze({
  level: null, // a level of /api/levels (checked against them by the app)
  area: '', // code of the parent whose children are shown; '' = whole country
  indicator: null,
  year: null, // Buddhist Era
  compare: null, // base year (B.E.) of a change map; null = the values of `year`
  method: 'quantile', // quantile | jenks | equal | manual
  classes: 5, // 3..9
  palette: 'RdYlBu',
  breaks: [], // manual upper bounds
  view: null, // {zoom, lat, lon}
  lang: 'th',
  selected: '', // area whose panel is open
  scope: 'national', // class breaks of the whole country's areas at this level ('national') or of the areas in view ('view')
});

const KEYS = { level: 'l', area: 'a', indicator: 'i', year: 'y', compare: 'c', method: 'm', classes: 'n', palette: 'p', breaks: 'b', view: 'v', lang: 'lang', selected: 's', scope: 'sc' };
const METHODS = ['quantile', 'jenks', 'equal', 'manual'];

export function parseState(search, hash) {
  const params = new URLSearchParams(search);
  for (const [k, v] of new URLSearchParams(hash.replace(/^#/, ''))) params.set(k, v);
  const s = { ...DEFAULTS };
  const get = (key) => params.get(KEYS[key]);
  if (/^[a-z][a-z_]*$/.test(get('level') || '')) s.level = get('level');
  if (/^\d+$/.test(get('area') || '')) s.area = get('area');
  if (get('indicator')) s.indicator = get('indicator');
  if (/^\d{4}$/.test(get('year') || '')) s.year = Number(get('year'));
  if (/^\d{4}$/.test(get('compare') || '')) s.compare = Number(get('compare'));
  if (METHODS.includes(get('method'))) s.method = get('method');
  const n = Number(get('classes'));
  if (Number.isInteger(n) && n >= 3 && n <= 9) s.classes = n;
  if (/^[A-Za-z]+(-r)?$/.test(get('palette') || '')) s.palette = get('palette');
  if (get('breaks')) s.breaks = get('breaks').split(',').map(Number).filter(Number.isFinite);
  const v = (get('view') || '').split('/').map(Number);
  if (v.length === 3 && v.every(Number.isFinite)) s.view = { zoom: v[0], lat: v[1], lon: v[2] };
  if (['th', 'en'].includes(get('lang'))) s.lang = get('lang');
  if (/^\d+$/.test(get('selected') || '')) s.selected = get('selected');
  if (['national', 'view'].includes(get('scope'))) s.scope = get('scope');
  return s;
}

/** Serialises only what differs from the defaults, in a fixed key order, so links stay short and stable. */
export function formatState(s, extra = {}) {
  const out = new URLSearchParams();
  for (const [key, short] of Object.entries(KEYS)) {
    let v = s[key];
    if (key === 'view') v = v ? `${round(v.zoom, 2)}/${round(v.lat, 5)}/${round(v.lon, 5)}` : '';
    if (key === 'breaks') v = s.method === 'manual' ? v.join(',') : '';
    if (v === null || v === undefined || v === '' || v === DEFAULTS[key]) continue;
    out.set(short, String(v));
  }
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== '') out.set(k, String(v));
  return out.toString().replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%2C/g, ',');
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
