// The client's memo and URLs follow the data version the server says it serves: values and geometry URLs
// name their version (`v=`, answered immutable by the server), so after a publish the next values request
// is a new URL that reaches the new values; version-less requests revalidate with the server instead of
// reusing the browser's cached answer.
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const web = '../../../target/classes/phaenthi-web/js/';

// a fake server: /api/meta says the versions, /api/values answers with the value of that version
let served = 'd-1';
let boundary = 'b-1';
const calls = [];
globalThis.fetch = async (url, options) => {
  calls.push({ url, cache: options && options.cache });
  const body = url.startsWith('api/meta')
    ? { data_version: served, boundary_version: boundary }
    : { values: [{ code: '83', value: served === 'd-1' ? 10 : 20 }], type: 'FeatureCollection', features: [] };
  return { ok: true, status: 200, statusText: 'OK', json: async () => body };
};

const { api, checkDataVersion, onDataVersion, currentDataVersion } = await import(`${web}api.js`);

const valueCalls = () => calls.filter((c) => c.url.startsWith('api/values?'));

test('values and geometry URLs carry the served versions; a publish makes the next values request a new URL', async () => {
  await api.meta();
  assert.equal(currentDataVersion(), 'd-1');
  const changes = [];
  onDataVersion((v, old) => changes.push([v, old]));
  const a = await api.values('province', 'test:rate', 2561);
  const again = await api.values('province', 'test:rate', 2561);
  assert.equal(a.values[0].value, 10);
  assert.equal(again, a, 'memoised');
  assert.equal(valueCalls().length, 1);
  const first = new URL(valueCalls()[0].url, 'http://x/');
  assert.equal(first.searchParams.get('v'), 'd-1', 'the values URL names the data version');
  assert.equal(valueCalls()[0].cache, undefined, 'an immutable URL goes through the HTTP cache as it is');
  await api.geometry('province', 6);
  const geometry = calls.find((c) => c.url.startsWith('api/geometry/'));
  assert.equal(new URL(geometry.url, 'http://x/').searchParams.get('v'), 'b-1', 'geometry names the boundary version');

  assert.equal(await checkDataVersion(), false, 'same version: nothing changes');
  assert.equal(calls.at(-1).cache, 'no-store', 'the check goes past the HTTP cache');
  assert.equal((await api.values('province', 'test:rate', 2561)).values[0].value, 10);
  assert.equal(valueCalls().length, 1);

  served = 'd-2'; // a new publication
  assert.equal(await checkDataVersion(), true);
  assert.deepEqual(changes, [['d-2', 'd-1']]);
  const b = await api.values('province', 'test:rate', 2561);
  assert.equal(b.values[0].value, 20, 'the new value, not the memoised one');
  assert.equal(valueCalls().length, 2);
  const last = valueCalls().at(-1);
  assert.equal(new URL(last.url, 'http://x/').searchParams.get('v'), 'd-2', 'a new URL: no cache holds an answer for it');
  assert.notEqual(last.url, valueCalls()[0].url);
  assert.equal(last.cache, undefined);

  // a version-less request (here the area panel's) revalidates once the version has changed
  await api.area('83', 2561);
  const area = calls.find((c) => c.url.startsWith('api/values/area/'));
  assert.equal(new URL(area.url, 'http://x/').searchParams.get('v'), null);
  assert.equal(area.cache, 'no-cache', 'revalidated with the server (ETag), not taken from the HTTP cache');
});

test('tile URLs name the boundary version the server serves, and follow a new boundary set', async () => {
  await api.meta();
  const template = api.tileUrl('subdistrict');
  assert.ok(template.startsWith('tiles/subdistrict/{z}/{x}/{y}.mvt?'), template);
  assert.equal(new URL(template, 'http://x/').searchParams.get('v'), 'b-1', 'geometry tiles name the boundary version');
  const tile = template.replace('{z}', '6').replace('{x}', '50').replace('{y}', '30');
  assert.equal(new URL(tile, 'http://x/').pathname, '/tiles/subdistrict/6/50/30.mvt', 'still a tile template');

  boundary = 'b-2';
  served = 'd-3'; // a publication with a new boundary set
  assert.equal(await checkDataVersion(), true);
  assert.equal(new URL(api.tileUrl('subdistrict'), 'http://x/').searchParams.get('v'), 'b-2', 'a new URL for the new shapes');
});
