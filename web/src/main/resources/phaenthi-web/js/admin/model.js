// What the admin page shows, computed from the API's JSON (docs/ADMIN-API.md) without touching the page, so it
// is tested under node. admin.js draws these models.

/** Phases in which the job is still working (the page polls and shows the progress bar). */
export const BUSY_PHASES = ['reading', 'detecting', 'validating', 'publishing'];

export const isBusy = (job) => !!job && BUSY_PHASES.includes(job.phase);

/** The progress bar: value and max, or an indeterminate bar (null) while the total is not known. */
export function progressOf(job) {
  const p = job && job.progress;
  if (!p || !Number.isFinite(p.total) || p.total <= 0) return null;
  return { value: Math.min(p.done ?? 0, p.total), max: p.total, pct: Math.round((100 * Math.min(p.done ?? 0, p.total)) / p.total) };
}

/** Column choices of the mapping pickers: "not used" then every previewed column by its header. */
export function columnOptions(job) {
  const cols = (job && job.preview && job.preview.columns) || [];
  return cols.map((c) => ({ value: String(c.index), label: `${c.index + 1}: ${c.header ?? ''}`.trim() }));
}

/** One picker per role of the job (`job.roles`), with the column the mapping gives it (null = not used). */
export function rolePickers(job) {
  const mapping = (job && job.mapping) || {};
  return ((job && job.roles) || []).map((role) => ({ role, selected: mapping[role] ?? null }));
}

/** The column fields of one indicator entry of `mapping.indicators`, in the order the page shows them. */
export const INDICATOR_FIELDS = ['denominator', 'numerator', 'passing', 'percent', 'passing_percent'];

/** Per-indicator pickers of wide/CDD/KCC files: one row per entry of `mapping.indicators`. */
export function indicatorPickers(job) {
  const list = (job && job.mapping && job.mapping.indicators) || [];
  return list.map((entry, i) => ({ index: i, indicator: entry.indicator, fields: INDICATOR_FIELDS.filter((f) => f in entry).map((f) => ({ field: f, selected: entry[f] ?? null })) }));
}

const toColumn = (value) => (value === '' || value === null || value === undefined ? null : Number(value));

/** The mapping with one role set to a column (a select's value: '' = not used); the job is not changed. */
export function withRole(mapping, role, value) {
  return { ...mapping, [role]: toColumn(value) };
}

/** The mapping with one field of one indicator entry set to a column. */
export function withIndicatorField(mapping, index, field, value) {
  const indicators = (mapping.indicators || []).map((e, i) => (i === index ? { ...e, [field]: toColumn(value) } : e));
  return { ...mapping, indicators };
}

/** The report as the page shows it: counts, issues split by severity (at most `max` listed), and the rule. */
export function reportModel(job, max = 200) {
  const r = (job && job.report) || null;
  if (!r) return null;
  const issues = r.issues || [];
  const errors = r.errors ?? issues.filter((i) => i.severity === 'error').length;
  const warnings = r.warnings ?? issues.filter((i) => i.severity === 'warning').length;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'error' ? -1 : 1));
  return { errors, warnings, shown: sorted.slice(0, max), hidden: Math.max(0, sorted.length - max), coverage: r.coverage || [] };
}

/** Publishing is allowed only for a checked job whose report has no error and that the server calls publishable. */
export function canPublish(job) {
  if (!job || job.phase !== 'ready') return false;
  const r = reportModel(job);
  return job.publishable !== false && (!r || r.errors === 0);
}

/** An issue's message in the page's language (the other one when it has only that). */
export function issueMessage(issue, lang) {
  return (lang === 'en' ? issue.message_en || issue.message_th : issue.message_th || issue.message_en) || issue.kind || '';
}

/** The query options of an upload: the year (B.E.) and indicator set when given; blanks are left out. */
export function uploadOptions({ year, indicatorSet }) {
  const out = {};
  if (year && String(year).trim()) out.year = String(year).trim();
  if (indicatorSet && indicatorSet.trim()) out.indicator_set = indicatorSet.trim();
  return out;
}

const MAP_LEVELS = ['province', 'district', 'subdistrict'];

/**
 * The map view of what a job published: its first indicator, its year, at its level when that is a map level
 * (village values are seen summed by subdistrict), inside the token's province when it has one.
 */
export function mapLink(job, principal) {
  const opts = (job && job.options) || {};
  const mapping = (job && job.mapping) || {};
  const indicator = (mapping.indicators && mapping.indicators[0] && mapping.indicators[0].indicator) || opts.indicator || null;
  const level = MAP_LEVELS.includes(opts.level) ? opts.level : opts.level === 'village' ? 'subdistrict' : 'province';
  const p = new URLSearchParams();
  const scoped = principal && principal.scope && principal.scope !== 'all';
  p.set('l', scoped && level === 'province' ? 'district' : level);
  if (scoped) p.set('a', principal.scope);
  if (indicator) p.set('i', indicator);
  if (opts.year) p.set('y', String(opts.year));
  return `./#${p}`;
}

/** Publications newest first, marking the served one and whether "publish again" is offered. */
export function publicationRows(list, principal) {
  const all = !!principal && principal.scope === 'all';
  const items = [...(list || [])].sort((a, b) => b.id - a.id);
  const servedId = items.find((p) => p.served)?.id ?? items[0]?.id;
  return items.map((p) => ({ ...p, isServed: p.id === servedId, canRepublish: all && p.id !== servedId }));
}

/** "1.5 MB" style sizes. */
export function formatBytes(n) {
  if (!Number.isFinite(n)) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
