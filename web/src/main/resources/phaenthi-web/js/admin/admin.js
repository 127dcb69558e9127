// The admin page (/admin): log in with a token, upload a file, check and fix its column mapping, read the
// validation report, publish, roll back, read the audit log. The logic is in model.js / client.js (tested under
// node); this module draws it. No globals: the browser tests read body[data-*].
import { getLang, setLang, formatNumber } from '../i18n.js';
import { at } from './strings.js';
import { Session } from './session.js';
import { AdminClient } from './client.js';
import * as m from './model.js';

const $ = (id) => document.getElementById(id);
const session = new Session(window.sessionStorage);
const client = new AdminClient(session, window.fetch.bind(window), window.XMLHttpRequest);
const state = { principal: null, job: null, file: null, upload: null, poll: null, mapping: null };

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function fillTable(table, headers, rows) {
  table.replaceChildren();
  if (!rows.length) return;
  table.append(el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', text: h })))));
  table.append(el('tbody', {}, ...rows));
}

function say(text) {
  $('status').textContent = text || '';
}

function fail(err) {
  if (err && err.status === 401) {
    logout(at('badToken'));
    return;
  }
  $('alert').hidden = false;
  $('alert').textContent = at('error', { message: err && err.message ? err.message : String(err) });
}

function clearAlert() {
  $('alert').hidden = true;
  $('alert').textContent = '';
}

// ---- language and static labels

const LABELS = {
  'login-h': 'login', 'token-label': 'token', 'btn-login': 'login', 'login-hint': 'loginHint', 'btn-logout': 'logout',
  'upload-h': 'upload', 'drop-text': 'dropHere', 'btn-upload': 'send', 'btn-cancel': 'cancel', 'progress-label': 'progress',
  'preview-h': 'preview', 'format-label': 'format', 'mapping-h': 'mapping', 'btn-remap': 'applyMapping', 'report-h': 'report',
  'download-label': 'download', 'upload-year-label': 'uploadYear', 'upload-set-label': 'uploadSet', 'note-label': 'note', 'btn-publish': 'publish', 'pubs-h': 'publications', 'audit-h': 'audit',
  'btn-audit': 'refresh', 'to-map': 'toMap', title: 'title', 'btn-lang': 'language',
};

/**
 * The language asked for by the URL as the map app reads it: `#lang=en` (the app's hash key, so a link
 * between the two keeps it), else `?lang=en`; Thai by default.
 */
function urlLang(loc = window.location) {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('lang');
  const l = fromHash || new URLSearchParams(loc.search).get('lang');
  return l === 'en' ? 'en' : 'th';
}

/** Writes the language into the hash (no new history entry), as the map app keeps it. */
function writeLang() {
  const p = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  p.set('lang', getLang());
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${p}`);
}

function applyLang() {
  for (const [id, key] of Object.entries(LABELS)) $(id).textContent = at(key);
  document.title = `Phaenthi – ${at('title')}`;
  // the link to the map opens it in the same language
  $('to-map').href = `./#lang=${getLang()}`;
  drawWho();
  if (state.job) drawJob();
  if (state.principal) {
    loadPublications();
    loadAudit();
  }
}

// ---- session

function drawWho() {
  const p = state.principal;
  const scope = p ? (p.scope === 'all' ? at('scopeAll') : at('scopeProvince', { code: p.scope })) : '';
  $('who').textContent = p ? at('who', { name: p.name, scope }) : '';
  document.body.dataset.who = p ? `${p.name}|${p.scope}` : '';
}

async function login(token) {
  if (token !== undefined) session.token = token;
  if (!session.token) {
    $('token-input').focus();
    return;
  }
  try {
    state.principal = await client.whoami();
  } catch (err) {
    state.principal = null;
    session.token = null;
    $('login').hidden = false;
    $('work').hidden = true;
    $('alert').hidden = false;
    $('alert').textContent = err.status === 404 ? at('adminOff') : err.status === 401 ? at('badToken') : at('error', { message: err.message });
    $('token-input').value = '';
    $('token-input').focus();
    return;
  }
  clearAlert();
  $('login').hidden = true;
  $('work').hidden = false;
  $('btn-logout').hidden = false;
  $('token-input').value = '';
  drawWho();
  loadPublications();
  loadAudit();
  $('file-input').focus();
}

function logout(message) {
  session.token = null;
  state.principal = null;
  stopPolling();
  $('login').hidden = false;
  $('work').hidden = true;
  $('btn-logout').hidden = true;
  drawWho();
  if (message) {
    $('alert').hidden = false;
    $('alert').textContent = message;
  }
  $('token-input').focus();
}

// ---- upload and the job

function chooseFile(file) {
  state.file = file || null;
  $('file-name').textContent = file ? `${file.name} · ${m.formatBytes(file.size)}` : '';
  $('btn-upload').disabled = !file;
}

function showProgress(value, max, label) {
  $('progress-box').hidden = false;
  const bar = $('progress');
  if (value === null) bar.removeAttribute('value');
  else {
    bar.max = max;
    bar.value = value;
  }
  $('progress-label').textContent = label;
}

function upload() {
  if (!state.file) return;
  clearAlert();
  $('published').hidden = true;
  $('btn-upload').disabled = true;
  const options = m.uploadOptions({ year: $('upload-year').value, indicatorSet: $('upload-set').value });
  state.upload = client.upload(state.file, (loaded, total) =>
    showProgress(loaded, total, at('uploading', { pct: Math.round((100 * loaded) / total) })), options);
  showProgress(0, 100, at('uploading', { pct: 0 }));
  state.upload.promise
    .then((job) => {
      state.upload = null;
      setJob(job);
    })
    .catch((err) => {
      state.upload = null;
      $('progress-box').hidden = true;
      $('btn-upload').disabled = !state.file;
      if (err.message === 'aborted') say(at('cancelled'));
      else fail(err);
    });
}

async function cancel() {
  if (state.upload) {
    state.upload.abort();
    return;
  }
  if (state.job && m.isBusy(state.job)) {
    try {
      setJob(await client.cancel(state.job.id));
    } catch (err) {
      fail(err);
    }
  }
}

function stopPolling() {
  clearTimeout(state.poll);
  state.poll = null;
}

function setJob(job) {
  state.job = job;
  state.mapping = job && job.mapping ? structuredClone(job.mapping) : null;
  document.body.dataset.phase = job ? job.phase : '';
  drawJob();
  stopPolling();
  if (m.isBusy(job)) {
    state.poll = setTimeout(async () => {
      try {
        setJob(await client.job(job.id));
      } catch (err) {
        fail(err);
      }
    }, 400);
  }
  if (job && job.phase === 'published') {
    loadPublications();
    loadAudit();
  }
}

function drawJob() {
  const job = state.job;
  $('job').hidden = !job;
  if (!job) return;
  const busy = m.isBusy(job);
  const p = m.progressOf(job);
  if (busy) showProgress(p ? p.value : null, p ? p.max : 100, `${at(`phase.${job.phase}`)}${p ? ` ${p.pct}%` : ''}`);
  else $('progress-box').hidden = true;
  $('btn-upload').disabled = busy || !state.file;
  say(job.error ? `${at(`phase.${job.phase}`)}: ${job.error}` : at(`phase.${job.phase}`));
  $('format').textContent = job.format ? `${job.format} – ${at(`formats.${job.format}`)}` : '–';
  const o = job.options || {};
  $('options').textContent = ['encoding', 'delimiter', 'sheet', 'year', 'indicator_set', 'numerator', 'level']
    .filter((k) => o[k] !== undefined && o[k] !== null).map((k) => `${k}: ${o[k]}`).join(' · ');
  drawPreview(job);
  drawMapping(job);
  drawReport(job);
  $('btn-publish').disabled = !m.canPublish(job);
  const r = m.reportModel(job);
  $('blocked').textContent = r && r.errors > 0 ? at('blocked') : '';
  if (job.phase === 'published' && job.publication) {
    $('published').hidden = false;
    $('published-text').textContent = at('published', { id: job.publication.id ?? job.publication });
    $('map-link').textContent = at('seeMap');
    $('map-link').href = withLang(m.mapLink(job, state.principal));
  }
}

function drawPreview(job) {
  const cols = (job.preview && job.preview.columns) || [];
  const rows = (job.preview && job.preview.rows) || [];
  fillTable($('preview-table'), cols.map((c) => `${c.index + 1}: ${c.header ?? ''}`),
    rows.map((r) => el('tr', {}, ...r.map((v) => el('td', { text: v ?? '' })))));
}

function columnSelect(id, label, selected, onchange) {
  const sel = el('select', { id, onchange: (e) => onchange(e.target.value) },
    el('option', { value: '', text: at('notMapped') }),
    ...m.columnOptions(state.job).map((o) => el('option', { value: o.value, text: o.label, selected: String(selected) === o.value })));
  return [el('label', { for: id, text: label }), sel];
}

function drawMapping(job) {
  const box = $('role-pickers');
  box.replaceChildren();
  const mapping = state.mapping || {};
  for (const { role } of m.rolePickers(job)) {
    box.append(el('div', {}, ...columnSelect(`role-${role}`, at(`roles.${role}`), mapping[role],
      (v) => { state.mapping = m.withRole(state.mapping, role, v); })));
  }
  const entries = m.indicatorPickers({ mapping });
  const fields = m.INDICATOR_FIELDS.filter((f) => entries.some((e) => e.fields.some((x) => x.field === f)));
  fillTable($('indicator-pickers'), [at('roles.indicator'), ...fields.map((f) => at(`roles.${f}`))],
    entries.map((e) => el('tr', {}, el('th', { scope: 'row', text: e.indicator }),
      ...fields.map((f) => {
        const has = e.fields.find((x) => x.field === f);
        if (!has) return el('td', { text: '' });
        const [lab, sel] = columnSelect(`ind-${e.index}-${f}`, `${e.indicator} ${at(`roles.${f}`)}`, has.selected,
          (v) => { state.mapping = m.withIndicatorField(state.mapping, e.index, f, v); });
        lab.className = 'visually-hidden';
        return el('td', {}, lab, sel);
      }))));
  $('btn-remap').disabled = m.isBusy(job) || job.phase === 'published';
}

function drawReport(job) {
  const r = m.reportModel(job);
  const counts = $('report-counts');
  counts.replaceChildren();
  if (!r) return;
  counts.append(el('span', { class: r.errors ? 'counts-error' : '', text: at('errors', { n: r.errors }) }), ' · ',
    el('span', { text: at('warnings', { n: r.warnings }) }), r.errors + r.warnings === 0 ? ` · ${at('noIssues')}` : '');
  fillTable($('coverage'), [at('level'), at('areas'), at('withData'), at('share'), at('previousShare')],
    r.coverage.map((c) => el('tr', {}, el('td', { text: c.level }), el('td', { text: formatNumber(c.areas) }),
      el('td', { text: formatNumber(c.with_data) }), el('td', { text: `${formatNumber(100 * c.share, 1)}%` }),
      el('td', { text: c.previous_share === null || c.previous_share === undefined ? '–' : `${formatNumber(100 * c.previous_share, 1)}%` }))));
  fillTable($('issues'), [at('row'), at('column'), at('message'), at('suggestions')],
    r.shown.map((i) => el('tr', { class: i.severity }, el('td', { text: i.row ?? '' }), el('td', { text: i.column ?? '' }),
      el('td', { text: m.issueMessage(i, getLang()) }), el('td', { text: (i.suggestions || []).join(', ') }))));
  $('issues-more').textContent = r.hidden ? at('more', { n: r.hidden }) : '';
}

async function remap(e) {
  e.preventDefault();
  if (!state.job) return;
  try {
    setJob(await client.remap(state.job.id, { mapping: state.mapping }));
  } catch (err) {
    fail(err);
  }
}

async function publish(e) {
  e.preventDefault();
  if (!m.canPublish(state.job)) return;
  $('btn-publish').disabled = true;
  try {
    setJob(await client.publish(state.job.id, $('note').value.trim()));
  } catch (err) {
    fail(err);
    drawJob();
  }
}

async function download(kind) {
  try {
    const blob = await client.report(state.job.id, kind);
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: `report-${state.job.id}.${kind}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    fail(err);
  }
}

// ---- publications and audit

async function loadPublications() {
  try {
    const body = await client.publications();
    const rows = m.publicationRows(body.publications || body, state.principal);
    fillTable($('pubs-table'), ['#', at('at'), at('whoCol'), at('note'), ''],
      rows.map((p) => el('tr', { class: p.isServed ? 'served' : '', 'data-id': p.id },
        el('td', { text: p.id }), el('td', { text: p.published_at }), el('td', { text: p.who ?? '' }),
        el('td', { text: p.note ?? '' }),
        el('td', {}, p.isServed ? at('served') : p.canRepublish
          ? el('button', { type: 'button', class: 'republish', 'data-id': p.id, text: at('publishAgain'), onclick: () => republish(p.id) })
          : ''))));
    document.body.dataset.served = String(rows.find((p) => p.isServed)?.id ?? '');
  } catch (err) {
    fail(err);
  }
}

async function republish(id) {
  if (!window.confirm(at('confirmAgain', { id }))) return;
  try {
    const made = await client.republish(id, '');
    say(at('rolledBack', { id, made: made.id }));
    await loadPublications();
    loadAudit();
  } catch (err) {
    fail(err);
  }
}

async function loadAudit() {
  try {
    const body = await client.audit(100);
    fillTable($('audit-table'), [at('at'), at('whoCol'), at('action'), at('file'), at('rows'), at('publication'), at('detail')],
      body.entries.map((e) => el('tr', {}, el('td', { text: e.at }), el('td', { text: e.who }), el('td', { text: e.action }),
        el('td', { text: e.file ?? '', title: e.sha256 ? `SHA-256 ${e.sha256}` : null }), el('td', { text: e.rows ?? '' }),
        el('td', { text: e.publication ?? '' }), el('td', { text: e.detail ?? '' }))));
    document.body.dataset.auditEntries = String(body.entries.length);
  } catch (err) {
    fail(err);
  }
}

// ---- wiring

function wire() {
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    login($('token-input').value);
  });
  $('btn-logout').addEventListener('click', () => logout());
  $('btn-lang').addEventListener('click', () => {
    setLang(getLang() === 'th' ? 'en' : 'th');
    writeLang();
    applyLang();
  });
  // a link with another #lang= pasted into the open tab
  window.addEventListener('hashchange', () => {
    if (urlLang() === getLang()) return;
    setLang(urlLang());
    applyLang();
  });
  $('file-input').addEventListener('change', (e) => chooseFile(e.target.files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    chooseFile(e.dataTransfer.files[0]);
  });
  $('btn-upload').addEventListener('click', upload);
  $('btn-cancel').addEventListener('click', cancel);
  $('mapping-form').addEventListener('submit', remap);
  $('publish-form').addEventListener('submit', publish);
  $('btn-csv').addEventListener('click', () => download('csv'));
  $('btn-xlsx').addEventListener('click', () => download('xlsx'));
  $('btn-audit').addEventListener('click', loadAudit);
}

/** A map link of the model with the interface's language added to its hash. */
function withLang(link) {
  return `${link}${link.includes('#') ? '&' : '#'}lang=${getLang()}`;
}

setLang(urlLang());
wire();
applyLang();
login().finally(() => {
  document.body.dataset.ready = 'true';
});
