// Unit tests of the map modules: classes, legend labels, hover box and ranked list (run by `node --test` in the web module's
// test phase, on the files Maven copied into target/classes with the vendor libraries).
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const web = '../../../target/classes/phaenthi-web/js/';
const classify = await import(`${web}classify.js`);
const { computeBreaks, classOf, countByClass, isWholeNumbers } = classify;
const { legendModel } = await import(`${web}controls.js`);
const { setLang } = await import(`${web}i18n.js`);

// province counts of target poor failing BMN 22, 2561 (shape of the real distribution: many zeros)
const counts = [0, 0, 0, 0, 0, 0, 3, 5, 8, 9, 12, 20, 28, 31, 40, 74, 75, 120, 300, 1277, null];

test('whole numbers get whole breaks, merged when they coincide', () => {
  assert.equal(isWholeNumbers(counts), true);
  assert.equal(isWholeNumbers([1.5, 2, null]), false);
  const breaks = computeBreaks(counts, 'quantile', 5);
  assert.ok(breaks.every(Number.isInteger), `breaks ${breaks}`);
  assert.deepEqual(breaks, [...new Set(breaks)].sort((a, b) => a - b));
  const rates = computeBreaks([0.5, 1.25, 2.75, 3.1, 4.9, 6.2, 7.7, 8.3], 'quantile', 4);
  assert.ok(rates.some((b) => !Number.isInteger(b)), 'rates keep their decimals');
});

test('no break at or above the largest value leaves an empty top class', () => {
  const values = [1, 2, 3, 4, 5, 6, 100, 100, 100, 100, 100, 100];
  for (const method of ['quantile', 'equal', 'jenks']) {
    const breaks = computeBreaks(values, method, 5);
    const { counts: perClass } = countByClass(values, breaks);
    assert.ok(perClass[perClass.length - 1] > 0, `${method}: ${breaks} → ${perClass}`);
    // equal intervals may leave gaps in the middle; quantiles and natural breaks do not
    if (method !== 'equal') assert.ok(perClass.every((c) => c > 0), `${method}: ${breaks} → ${perClass}`);
  }
});

test('every value lands in exactly one class and no data is counted apart', () => {
  const breaks = computeBreaks(counts, 'quantile', 5);
  const { counts: perClass, noData } = countByClass(counts, breaks);
  assert.equal(noData, 1);
  assert.equal(perClass.reduce((a, b) => a + b, 0), counts.length - 1);
  assert.equal(classOf(null, breaks), -1);
  assert.equal(classOf(0, breaks), 0);
});

test('legend labels of whole numbers start one above the class below, and one value stands alone', () => {
  setLang('en');
  const indicator = { value_unit: 'people', name_en: 'x', name_th: 'x' };
  const model = legendModel({
    indicator, breaks: [0, 9, 28], colours: ['a', 'b', 'c', 'd'], counts: [6, 4, 3, 7], noData: 1,
    min: 0, max: 1277, yearBe: 2561, whole: true,
  });
  assert.deepEqual(model.classes.map((c) => c.label), ['0', '1 – 9', '10 – 28', '29 – 1,277']);
  const rates = legendModel({
    indicator: { value_unit: '%', name_en: 'r' }, breaks: [1.5], colours: ['a', 'b'], counts: [1, 1], noData: 0,
    min: 0.25, max: 3, yearBe: 2561,
  });
  assert.deepEqual(rates.classes.map((c) => c.label), ['0.25 – 1.50', '1.50 – 3']);
});

test('the hover box says when a rate rests on a small base', async () => {
  const { InfoControl } = await import(`${web}controls.js`);
  setLang('en');
  const box = { ...InfoControl, _div: { innerHTML: '' } };
  const indicator = { value_unit: '%' };
  const props = { code: '830103', name_en: 'Ko Kaeo', name_th: 'เกาะแก้ว' };
  box.update({ props, indicator, row: { value: 25, numerator: 3, denominator: 12, small_denominator: true } });
  assert.match(box._div.innerHTML, /Small base: only 12 eligible units/);
  box.update({ props, indicator, row: { value: 10, numerator: 10, denominator: 100 } });
  assert.doesNotMatch(box._div.innerHTML, /Small base/);
});

test('the legend counts the faded small-base areas, and only shows the row when there are some', () => {
  setLang('en');
  const base = {
    indicator: { value_unit: '%', name_en: 'r' }, breaks: [50], colours: ['#a', '#b'], counts: [3, 4], noData: 0,
    min: 0, max: 100, yearBe: 2561,
  };
  const faded = legendModel({ ...base, smallBase: 2 }).faded;
  assert.deepEqual(faded, { colours: ['#a', '#b'], count: 2, label: 'Faded: fewer than 30 eligible units' });
  assert.equal(legendModel(base).faded, null);
});

test('a quantile tie at the top value becomes its own class instead of swallowing the others', () => {
  const values = [90.24, 91, 93, 95, 96, 97, 98, 99, 99.5, ...Array(40).fill(100)];
  const breaks = computeBreaks(values, 'quantile', 5);
  const { counts: perClass } = countByClass(values, breaks);
  assert.equal(perClass.length, 5, `breaks ${breaks}`);
  assert.ok(perClass.every((c) => c > 0), `${breaks} → ${perClass}`);
  assert.equal(perClass[4], 40, 'the top class is exactly the areas at 100');
  assert.deepEqual(computeBreaks([1, 1, 1, 1], 'quantile', 5), [], 'one value: one class');
});

test('the ranked list marks small-base rates with an explained asterisk', async () => {
  const { updateRanking } = await import(`${web}ui.js`);
  setLang('en');
  const list = { innerHTML: '', querySelectorAll: () => [] };
  globalThis.document.querySelector = (sel) => (sel === '#ranking ol' ? list : null);
  const rows = [
    { code: '1', name_en: 'A', name_th: 'ก', value: 90, denominator: 200 },
    { code: '2', name_en: 'B', name_th: 'ข', value: 100, denominator: 12, small_denominator: true },
    { code: '3', name_en: 'C', name_th: 'ค', value: null },
  ];
  updateRanking({ current: { rows, indicator: { value_unit: '%' } } }, { choose: () => {} });
  const items = list.innerHTML.split('</li>').filter((x) => x.includes('<li'));
  assert.equal(items.length, 2, 'no-data areas are not ranked');
  assert.match(items[0], /B.*100%<abbr class="small-base" title="Small base: only 12 eligible units/);
  assert.doesNotMatch(items[1], /small-base/);
});

test('the area panel lists the indicators without the radar dimensions and the per-BMN target-poor counts', async () => {
  const { panelIndicators } = await import(`${web}panel.js`);
  const codes = ['bmn-2560:1', 'tpmap:target_poor_rate', 'tpmap:dim_health', 'tpmap:ind_1', 'tpmap:ind_22'];
  const indicators = codes.map((code) => ({ code }));
  assert.deepEqual(panelIndicators(indicators, 'bmn-2560:1').map((i) => i.code), ['bmn-2560:1', 'tpmap:target_poor_rate']);
  assert.deepEqual(panelIndicators(indicators, 'tpmap:ind_22').map((i) => i.code),
    ['bmn-2560:1', 'tpmap:target_poor_rate', 'tpmap:ind_22'], 'the one on the map stays');
});

test('the panel of a subdistrict ranks its villages by value, in both languages, with "no data" last and never 0', async () => {
  const { rankRows, childTableHtml } = await import(`${web}panel.js`);
  const { setLang } = await import(`${web}i18n.js`);
  const rows = [
    { code: '8301010101', name_th: 'บ้านกะรน', name_en: 'Moo 1', value: 15, denominator: 60 },
    { code: '8301010201', name_th: 'หมู่ที่ 2', name_en: 'Moo 2', value: null, denominator: null, reason: 'no data' },
    { code: '8301010102', name_th: 'บ้านกะรน (02)', name_en: 'Moo 1 (02)', value: 2.5, denominator: 12, small_denominator: true },
    { code: '8301010301', name_th: 'บ้านสาม', name_en: 'Moo 3', value: 0, denominator: 40 },
  ];
  assert.deepEqual(rankRows(rows).map((r) => [r.rank, r.row.code]),
    [[1, '8301010101'], [2, '8301010102'], [3, '8301010301'], [null, '8301010201']]);
  const level = { level: 'village', name_th: 'หมู่บ้าน/ชุมชน', name_en: 'Village/community', geometry: 'none' };
  const area = { code: '830101', name_th: 'กะรน', name_en: 'Karon' };
  const indicator = { code: 'test:rate', name_th: 'อัตรา', name_en: 'Rate', value_unit: '%' };
  setLang('en');
  const en = childTableHtml(level, area, indicator, rows);
  assert.match(en, /Village\/community in Karon, ranked by Rate/);
  const trs = en.split('<tr').slice(2);
  assert.match(trs[0], /<td>1<\/td><th scope="row">Moo 1<\/th><td>15%<\/td>/);
  assert.match(trs[1], /Moo 1 \(02\).*2\.50%<abbr class="small-base"/);
  assert.match(trs[2], /Moo 3<\/th><td>0%<\/td>/, 'a real 0 is a value');
  assert.match(trs[3], /class="no-data"><td><\/td><th scope="row">Moo 2<\/th><td>No data<\/td>/);
  assert.doesNotMatch(trs[3], /0%/, 'no data is never 0');
  setLang('th');
  const th = childTableHtml(level, area, indicator, rows);
  assert.match(th, /หมู่บ้าน\/ชุมชนในกะรน เรียงตามอัตรา/);
  assert.match(th, /หมู่ที่ 2<\/th><td>ไม่มีข้อมูล<\/td>/);
});

test('"worse" is the strong end of every palette, whichever direction is better', async () => {
  const { colours, PALETTES, isDiverging, isColourBlindSafe } = await import(`${web}classify.js`);
  const { default: colorbrewer } = await import('../../../target/classes/phaenthi-web/vendor/colorbrewer/index.es.js');
  const lum = (hex) => {
    const n = parseInt(hex.slice(1), 16);
    return [n >> 16, (n >> 8) & 255, n & 255].map((c) => c / 255).reduce((s, c, k) => s + [0.2126, 0.7152, 0.0722][k] * c, 0);
  };
  for (const p of PALETTES) {
    for (const n of [3, 5, 7, 9]) {
      const scheme = colorbrewer[p][n];
      // the strong "worse" end: a diverging palette's warm first colour, a sequential palette's darkest
      const strong = isDiverging(p) ? scheme[0] : [...scheme].sort((a, b) => lum(a) - lum(b))[0];
      const good = colours(p, n, true);
      const bad = colours(p, n, false);
      assert.equal(good.length, n);
      assert.equal(good[0], strong, `${p}/${n}, higher is better: the lowest class is worst`);
      assert.equal(bad[n - 1], strong, `${p}/${n}, lower is better: the highest class is worst`);
      assert.deepEqual(colours(`${p}-r`, n, false), [...bad].reverse(), 'the user can still reverse');
    }
  }
  assert.deepEqual(colours('YlOrRd', 5, null), colorbrewer.YlOrRd[5], 'no better direction: light to dark');
  assert.equal(colours('Blues', 2, false)[1], colorbrewer.Blues[3][2], 'two classes keep the strong end');
  assert.equal(isColourBlindSafe('RdYlBu'), true);
  assert.equal(isColourBlindSafe('Spectral'), false);
});

test('a class holding a single value is labelled by that value', () => {
  setLang('en');
  const { computeBreaks, countByClass } = classify;
  // many subdistricts at exactly 100 % (a quantile tie at the top becomes its own class)
  const values = [97.5, 98.2, 99.1, 99.5, 99.8, 99.91, 99.95, 99.99, ...Array(40).fill(100), null];
  const breaks = computeBreaks(values, 'quantile', 5);
  const { counts: perClass, noData } = countByClass(values, breaks);
  const model = legendModel({
    indicator: { value_unit: '%', name_en: 'r' }, breaks, colours: ['a', 'b', 'c', 'd', 'e'].slice(0, breaks.length + 1),
    counts: perClass, noData, min: 97.5, max: 100, yearBe: 2561, values,
  });
  const labels = model.classes.map((c) => c.label);
  assert.equal(labels[labels.length - 1], '100', `labels ${labels}`);
  assert.ok(labels.slice(0, -1).every((l) => l.includes('–')), `the others stay ranges: ${labels}`);
  // a class of one value in the middle too, such as every area at exactly 50 %
  const mid = legendModel({
    indicator: { value_unit: '%', name_en: 'r' }, breaks: [40, 50], colours: ['a', 'b', 'c'], counts: [2, 3, 2], noData: 0,
    min: 10, max: 90, yearBe: 2561, values: [10, 40, 50, 50, 50, 70, 90],
  });
  assert.deepEqual(mid.classes.map((c) => c.label), ['10 – 40', '50', '50 – 90']);
});
