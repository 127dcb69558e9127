// The static bundle's search answers as the server's /api/areas/search: the cases of
// src/test/resources/search-cases.json (real names, expected codes in order, written from the server's
// AreaSearch and checked against it by AreaSearchCasesTest) run here through area-search.js, and the bundle's
// data source answers `api/areas/search` with it.
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const web = '../../../target/classes/phaenthi-web/js/';
const { AreaSearch, boundedDistance, fold, norm } = await import(`${web}area-search.js`);
const cases = JSON.parse(readFileSync(new URL('../resources/search-cases.json', import.meta.url), 'utf8'));

test('every shared case is answered as the server answers it', () => {
  const search = new AreaSearch(cases.areas, cases.levels);
  assert.ok(cases.cases.length >= 20);
  for (const c of cases.cases) {
    assert.deepEqual(
      search.search(c.q, cases.limit).map((a) => a.code),
      c.expect,
      `search for ${JSON.stringify(c.q)}`,
    );
  }
});

test('the spellings of the issue find their area first', () => {
  const search = new AreaSearch(cases.areas, cases.levels);
  const first = (q) => search.search(q, 10)[0]?.code;
  assert.equal(first('Pitsanulok'), '65');
  assert.equal(first('chiangmai'), '50');
  assert.equal(first('Korat'), '30');
  const district = search.search('อ.เมือง', 10);
  assert.ok(district.length > 0 && district.every((a) => a.level === cases.levels[1]));
  // a bundle whose hierarchy has no third level finds nothing for a subdistrict prefix, as the server
  assert.deepEqual(new AreaSearch(cases.areas, cases.levels.slice(0, 2)).search('ต.ในเมือง', 10), []);
  assert.deepEqual(search.search('   ', 10), []);
});

test('normalisation and folding follow the server', () => {
  assert.equal(norm('  Chiang Mai\u00a0'), 'chiang mai\u00a0', "Java's trim keeps a no-break space");
  assert.equal(norm('e\u0301'), '\u00e9', 'NFC');
  assert.equal(fold('Phitsanulok'), fold('Pitsanulok'));
  assert.equal(fold('Chiang-Mai'), 'ciangmai');
  assert.equal(boundedDistance('kitten', 'sitting', 3), 3);
  assert.equal(boundedDistance('kitten', 'sitting', 2), -1);
  assert.equal(boundedDistance('', 'abc', 3), 3);
});

test("the bundle's data source answers api/areas/search with it", async () => {
  globalThis.pmtiles = { PMTiles: class {} };
  const { BundleSource } = await import(`${web}bundle-source.js`);
  const source = new BundleSource({ archive: { file: 'tiles.pmtiles', maxzoom: 12 } });
  let reads = 0;
  source.file = (path) => {
    reads++;
    if (path === 'data/levels.json') return Promise.resolve({ levels: cases.levels.map((level) => ({ level })) });
    assert.equal(path, 'data/areas.json');
    return Promise.resolve({ areas: cases.areas });
  };
  const r = await source.getJson('api/areas/search?q=Korat');
  assert.equal(r.query, 'Korat');
  assert.equal(r.results[0].code, '30');
  assert.ok(r.results.length <= 20);
  await source.getJson('api/areas/search?q=chiangmai');
  assert.equal(reads, 2, 'the index is built once, from areas.json and levels.json');
  // a level prefix keeps the level at that depth of the declared hierarchy
  const d = await source.getJson('api/areas/search?q=' + encodeURIComponent('อ.เมือง'));
  assert.ok(d.results.length > 0 && d.results.every((a) => a.level === cases.levels[1]));
});
