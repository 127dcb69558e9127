// The hierarchy comes from /api/levels: map levels, drill-down, going up, ancestors and URL checks follow
// whatever levels and code lengths the server declares, and a values-only level is never a map level.
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const web = '../../../target/classes/phaenthi-web/js/';
const { Levels } = await import(`${web}levels.js`);

// today's levels plus the village level of issue 10 (values only, no `geometry` on the others)
const thai = new Levels([
  { level: 'province', name_th: 'จังหวัด', name_en: 'Province', count: 77, code_digits: 2, parent: null, child: 'district' },
  { level: 'district', name_th: 'อำเภอ', name_en: 'District', count: 928, code_digits: 4, parent: 'province', child: 'subdistrict' },
  { level: 'subdistrict', name_th: 'ตำบล', name_en: 'Subdistrict', count: 7425, code_digits: 6, parent: 'district', child: 'village' },
  { level: 'village', name_th: 'หมู่บ้าน', name_en: 'Village', count: 84090, code_digits: 8, parent: 'subdistrict', child: null, geometry: 'none' },
]);

// another country's hierarchy, listed out of order: regions of 1 digit, then 3 and 5
const other = new Levels([
  { level: 'commune', count: 9000, code_digits: 5, parent: 'department', child: null, geometry: 'polygon' },
  { level: 'region', count: 9, code_digits: 1, parent: null, child: 'department' },
  { level: 'department', count: 90, code_digits: 3, parent: 'region', child: 'commune' },
]);

test('map levels run from the top down and leave out values-only levels', () => {
  assert.deepEqual(thai.map.map((l) => l.level), ['province', 'district', 'subdistrict']);
  assert.deepEqual(other.map.map((l) => l.level), ['region', 'department', 'commune']);
  assert.equal(thai.isMapLevel('village'), false);
  assert.equal(thai.child('subdistrict'), null, 'no drilling into a level without shapes');
  assert.equal(thai.child('province'), 'district');
  assert.equal(other.parent('commune'), 'department');
  assert.equal(other.parent('region'), null);
  assert.ok(other.isTop('region'));
});

test('codes are placed by the declared digits', () => {
  assert.equal(thai.ofCode('1601').level, 'district');
  assert.equal(thai.ofCode('16010101'), null, 'a village code is not a map area');
  assert.deepEqual(thai.ancestors('160104'), ['16', '1601', '160104']);
  assert.deepEqual(other.ancestors('21304'), ['2', '213', '21304']);
  assert.equal(other.parentCode('21304'), '213');
  assert.equal(other.parentCode('2'), '');
});

test('an area must sit above the level it holds, and a level change keeps what still fits', () => {
  assert.ok(thai.canContain('', 'province'));
  assert.ok(thai.canContain('16', 'subdistrict'));
  assert.equal(thai.canContain('1601', 'district'), false);
  assert.equal(thai.canContain('16', 'province'), false);
  assert.equal(thai.areaFor('province', '1601'), '');
  assert.equal(thai.areaFor('district', '1601'), '16');
  assert.equal(thai.areaFor('subdistrict', '16'), '16');
  assert.equal(other.areaFor('commune', '213'), '213');
  assert.equal(other.areaFor('department', '213'), '2');
});

test('levels with many areas are drawn from tiles, the others as shapes', () => {
  assert.equal(thai.usesTiles('subdistrict'), true);
  assert.equal(thai.usesTiles('district'), false);
  assert.equal(other.usesTiles('commune'), true);
});

test('no module names a level or a code length: the hierarchy is only in levels.js', () => {
  const dir = new URL(web, import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'levels.js')) {
    // comments may name levels; code may not
    const code = readFileSync(new URL(file, dir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/ \/\/ .*$/gm, '');
    assert.doesNotMatch(code, /['"`](province|district|subdistrict|village)['"`]/, `${file} names a level`);
    assert.doesNotMatch(code, /\.length\s*===?\s*[246]\b|slice\(0, [246]\)|\\d\{2(,6)?\}/, `${file} assumes a code length`);
  }
});
