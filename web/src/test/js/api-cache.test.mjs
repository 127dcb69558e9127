// The client's memo follows the data version the server says it serves: a new publication empties it, and
// later requests revalidate with the server instead of reusing the browser's cached answer.
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const web = '../../../target/classes/phaenthi-web/js/';

// a fake server: /api/meta says the version, /api/values answers with the value of that version
let served = 'd-1';
const calls = [];
globalThis.fetch = async (url, options) => {
  calls.push({ url, cache: options && options.cache });
  const body = url.startsWith('api/meta')
    ? { data_version: served }
    : { values: [{ code: '83', value: served === 'd-1' ? 10 : 20 }] };
  return { ok: true, status: 200, statusText: 'OK', json: async () => body };
};

const { api, checkDataVersion, onDataVersion, currentDataVersion } = await import(`${web}api.js`);

test('responses are memoised until the server serves a new data version', async () => {
  await api.meta();
  assert.equal(currentDataVersion(), 'd-1');
  const changes = [];
  onDataVersion((v, old) => changes.push([v, old]));
  const a = await api.values('province', 'test:rate', 2561);
  const again = await api.values('province', 'test:rate', 2561);
  assert.equal(a.values[0].value, 10);
  assert.equal(again, a, 'memoised');
  assert.equal(calls.filter((c) => c.url.startsWith('api/values')).length, 1);
  assert.equal(await checkDataVersion(), false, 'same version: nothing changes');
  assert.equal(calls.at(-1).cache, 'no-store', 'the check goes past the HTTP cache');
  assert.equal((await api.values('province', 'test:rate', 2561)).values[0].value, 10);

  served = 'd-2'; // a new publication
  assert.equal(await checkDataVersion(), true);
  assert.deepEqual(changes, [['d-2', 'd-1']]);
  const b = await api.values('province', 'test:rate', 2561);
  assert.equal(b.values[0].value, 20, 'the new value, not the memoised one');
  const last = calls.filter((c) => c.url.startsWith('api/values')).at(-1);
  assert.equal(last.cache, 'no-cache', 'revalidated with the server (ETag), not taken from the HTTP cache');
  assert.equal(calls.filter((c) => c.url.startsWith('api/values')).length, 2);
});
