// The admin page's logic (js/admin/): the token only in session storage, the API client's requests, and the
// models drawn from a job of docs/ADMIN-API.md (pickers, mapping edits, the report and the publish rule, the map
// link, publications with "publish again" for scope all).
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const web = '../../../target/classes/phaenthi-web/js/admin/';
const m = await import(`${web}model.js`);
const { Session } = await import(`${web}session.js`);
const { AdminClient, ApiError } = await import(`${web}client.js`);

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

// the contract's example job, a wide file with two indicators
const job = {
  id: '7f3c', who: 'phitsanulok-office', scope: '65', phase: 'ready', progress: { done: 1021, total: 1021 }, format: 'cdd',
  options: { encoding: 'UTF-8', year: 2566, level: 'village', numerator: 'failing' },
  preview: { columns: [{ index: 0, header: 'รหัสหมู่บ้าน' }, { index: 1, header: 'ชื่อ' }, { index: 2, header: 'สำรวจ' }, { index: 3, header: 'ไม่ผ่าน' }, { index: 4, header: 'ร้อยละ' }], rows: [['65010101', 'บ้านใหม่', '10', '2', '20']] },
  mapping: { code: 0, name: 1, parent_name: null, indicator: null, year: null, indicators: [{ indicator: 'bmn:1', denominator: 2, numerator: 3, percent: 4, levels: null, numerator_kind: 'failing' }, { indicator: 'bmn:2', denominator: 2, numerator: null }] },
  roles: ['code', 'name', 'parent_name', 'indicator', 'year', 'numerator', 'denominator'],
  report: { errors: 0, warnings: 2, issues: [
    { severity: 'warning', kind: 'percent_mismatch', row: 14, message_en: 'percent does not match', message_th: 'ร้อยละไม่ตรงกับจำนวน' },
    { severity: 'warning', kind: 'empty', row: 3, message_en: 'empty cell' },
  ], coverage: [{ level: 'village', areas: 1021, with_data: 1019, share: 0.998, previous_share: 0.991 }] },
  publishable: true, publication: null, error: null,
};

test('the token is kept in session storage only, and the page never uses localStorage or cookies', () => {
  const storage = new MemoryStorage();
  const s = new Session(storage);
  assert.deepEqual(s.headers(), {});
  s.token = ' pht_abc_def \n';
  assert.equal(s.token, 'pht_abc_def');
  assert.deepEqual(s.headers({ Accept: 'x' }), { Accept: 'x', Authorization: 'Bearer pht_abc_def' });
  s.token = null;
  assert.equal(storage.map.size, 0, 'logging out forgets it');
  const dir = new URL(web, import.meta.url);
  for (const f of readdirSync(dir)) {
    const src = readFileSync(new URL(f, dir), 'utf8').replace(/^\s*\/\/.*$/gm, ''); // code, not comments
    assert.doesNotMatch(src, /localStorage|document\.cookie/, f);
  }
  assert.match(readFileSync(new URL('admin.js', dir), 'utf8'), /new Session\(window\.sessionStorage\)/);
});

test('the client sends the token, JSON bodies and relative URLs, and turns errors into status and message', async () => {
  const calls = [];
  const answers = [
    { ok: true, status: 200, json: async () => ({ name: 'a', scope: 'all' }) },
    { ok: true, status: 200, json: async () => job },
    { ok: false, status: 403, statusText: 'Forbidden', json: async () => ({ status: 403, message: 'this needs a token of scope all' }) },
  ];
  const fetchFn = async (url, init) => { calls.push({ url, init }); return answers.shift(); };
  const s = new Session(new MemoryStorage());
  s.token = 'pht_x_y';
  const c = new AdminClient(s, fetchFn, null);
  assert.deepEqual(await c.whoami(), { name: 'a', scope: 'all' });
  assert.equal(calls[0].url, 'admin/api/whoami');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer pht_x_y');
  await c.remap('7f3c', { mapping: { code: 1 } });
  assert.equal(calls[1].init.method, 'PUT');
  assert.equal(calls[1].url, 'admin/api/imports/7f3c');
  assert.deepEqual(JSON.parse(calls[1].init.body), { mapping: { code: 1 } });
  assert.equal(calls[1].init.headers['Content-Type'], 'application/json');
  await assert.rejects(c.republish(3, 'back'), (e) => e instanceof ApiError && e.status === 403 && /scope all/.test(e.message));
  assert.equal(calls[2].url, 'admin/api/publications/3/publish?note=back');
  assert.equal(calls[2].init.method, 'POST');
});

test('an upload goes as the body with ?filename=, reports progress and can be aborted', async () => {
  const made = [];
  class FakeXhr {
    constructor() { this.headers = {}; this.upload = {}; made.push(this); }
    open(method, url) { this.method = method; this.url = url; }
    setRequestHeader(k, v) { this.headers[k] = v; }
    send(body) { this.body = body; }
    abort() { this.onabort(); }
  }
  const s = new Session(new MemoryStorage());
  s.token = 't';
  const c = new AdminClient(s, null, FakeXhr);
  const seen = [];
  const up = c.upload({ name: 'จปฐ 65.csv' }, (a, b) => seen.push([a, b]), { year: '2566' });
  const x = made[0];
  assert.equal(x.method, 'POST');
  assert.equal(x.url, `admin/api/imports?filename=${encodeURIComponent('จปฐ 65.csv').replace(/%20/g, '+')}&year=2566`);
  assert.equal(x.headers.Authorization, 'Bearer t');
  x.upload.onprogress({ lengthComputable: true, loaded: 5, total: 10 });
  assert.deepEqual(seen, [[5, 10]]);
  x.status = 202;
  x.responseText = JSON.stringify({ id: 'j1', phase: 'reading' });
  x.onload();
  assert.deepEqual(await up.promise, { id: 'j1', phase: 'reading' });
  const second = c.upload({ name: 'b.xlsx' });
  second.abort();
  await assert.rejects(second.promise, /aborted/);
  const third = c.upload({ name: 'big.csv' });
  made[2].status = 413;
  made[2].responseText = JSON.stringify({ status: 413, message: 'the file is larger than 50 MB' });
  made[2].onload();
  await assert.rejects(third.promise, (e) => e.status === 413 && /50 MB/.test(e.message));
});

test('pickers: one per role and per indicator field, with the mapped column selected', () => {
  assert.deepEqual(m.columnOptions(job).map((o) => o.value), ['0', '1', '2', '3', '4']);
  assert.equal(m.columnOptions(job)[0].label, '1: รหัสหมู่บ้าน');
  const roles = m.rolePickers(job);
  assert.deepEqual(roles.map((r) => r.role), job.roles);
  assert.equal(roles.find((r) => r.role === 'code').selected, 0, 'column 0 is a choice, not "unmapped"');
  assert.equal(roles.find((r) => r.role === 'year').selected, null);
  const ind = m.indicatorPickers(job);
  assert.equal(ind.length, 2);
  assert.deepEqual(ind[0].fields, [{ field: 'denominator', selected: 2 }, { field: 'numerator', selected: 3 }, { field: 'percent', selected: 4 }]);
  assert.deepEqual(ind[1].fields.map((f) => f.field), ['denominator', 'numerator'], 'only the fields the entry has');
});

test('editing the mapping sets numbers or null and leaves the job untouched', () => {
  const a = m.withRole(job.mapping, 'name', '');
  assert.equal(a.name, null);
  const b = m.withRole(a, 'parent_name', '1');
  assert.equal(b.parent_name, 1);
  const c = m.withIndicatorField(b, 1, 'numerator', '3');
  assert.equal(c.indicators[1].numerator, 3);
  assert.equal(c.indicators[0].numerator, 3);
  assert.equal(c.indicators[0].numerator_kind, 'failing', 'fields that are not columns go back as they came');
  assert.equal(job.mapping.name, 1, 'the job keeps its mapping until the server answers');
  assert.equal(job.mapping.indicators[1].numerator, null);
});

test('the report: counts, errors listed first then by row, a limit, and errors block publishing', () => {
  const r = m.reportModel(job);
  assert.equal(r.errors, 0);
  assert.equal(r.warnings, 2);
  assert.deepEqual(r.shown.map((i) => i.row), [3, 14]);
  assert.equal(m.canPublish(job), true);
  const bad = { ...job, report: { ...job.report, errors: 1, issues: [...job.report.issues, { severity: 'error', kind: 'unknown_code', row: 20 }] } };
  assert.deepEqual(m.reportModel(bad).shown.map((i) => i.row), [20, 3, 14]);
  assert.equal(m.canPublish(bad), false);
  assert.equal(m.reportModel(bad, 1).hidden, 2);
  assert.equal(m.canPublish({ ...job, phase: 'validating' }), false);
  assert.equal(m.canPublish({ ...job, publishable: false }), false);
  assert.equal(m.issueMessage(job.report.issues[0], 'th'), 'ร้อยละไม่ตรงกับจำนวน');
  assert.equal(m.issueMessage(job.report.issues[1], 'th'), 'empty cell', 'falls back to the other language');
});

test('progress and busy phases', () => {
  assert.equal(m.isBusy({ phase: 'validating' }), true);
  assert.equal(m.isBusy({ phase: 'ready' }), false);
  assert.deepEqual(m.progressOf({ progress: { done: 50, total: 200 } }), { value: 50, max: 200, pct: 25 });
  assert.equal(m.progressOf({ progress: { done: 0, total: 0 } }), null, 'unknown total: an indeterminate bar');
});

test('the map link shows what was published, inside a scoped token\'s province', () => {
  const scoped = new URLSearchParams(m.mapLink(job, { name: 'o', scope: '65' }).replace('./#', ''));
  assert.equal(scoped.get('l'), 'subdistrict', 'village values are seen by subdistrict');
  assert.equal(scoped.get('a'), '65');
  assert.equal(scoped.get('i'), 'bmn:1');
  assert.equal(scoped.get('y'), '2566');
  const national = new URLSearchParams(m.mapLink({ ...job, options: { year: 2561, level: 'province' } }, { scope: 'all' }).replace('./#', ''));
  assert.equal(national.get('l'), 'province');
  assert.equal(national.get('a'), null);
});

test('publications newest first; "publish again" only for scope all and not on the served one', () => {
  const list = [{ id: 1, served: false }, { id: 3, served: true }, { id: 2, served: false }];
  const all = m.publicationRows(list, { scope: 'all' });
  assert.deepEqual(all.map((p) => p.id), [3, 2, 1]);
  assert.deepEqual(all.map((p) => p.canRepublish), [false, true, true]);
  assert.equal(all[0].isServed, true);
  assert.deepEqual(m.publicationRows(list, { scope: '65' }).map((p) => p.canRepublish), [false, false, false]);
  assert.equal(m.formatBytes(183211), '178.9 KB');
  assert.deepEqual(m.uploadOptions({ year: ' 2566 ', indicatorSet: '' }), { year: '2566' });
  assert.deepEqual(m.uploadOptions({ year: '', indicatorSet: 'bmn-2566' }), { indicator_set: 'bmn-2566' });
});
