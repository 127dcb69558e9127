// Change maps (a year against a base year): breaks that split falls from rises at 0, and colours centred
// on no change whose warm ("worse") end follows the indicator's direction.
import './globals.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const web = '../../../target/classes/phaenthi-web/js/';
const { changeBreaks, changeColours, changePalette, colours, classOf, computeBreaks } = await import(`${web}classify.js`);
const { legendModel } = await import(`${web}controls.js`);
const { setLang, reasonText } = await import(`${web}i18n.js`);

const changes = [-6.2, -4.1, -3.3, -1.2, -0.4, 0.3, 0.9, 1.8, 2.2, 5.5, null];

test('no class of a change map holds both a fall and a rise', () => {
  for (const method of ['quantile', 'jenks', 'equal']) {
    for (const n of [3, 4, 5, 6, 7]) {
      const breaks = changeBreaks(changes, method, n);
      assert.ok(breaks.includes(0), `${method} ${n}: ${breaks}`);
      const signs = new Map();
      for (const v of changes.filter((x) => x !== null)) {
        const c = classOf(v, breaks);
        signs.set(c, (signs.get(c) || new Set()).add(Math.sign(v)));
      }
      for (const [c, s] of signs) assert.equal(s.size, 1, `${method} ${n}: class ${c} mixes falls and rises`);
    }
  }
  const rises = [0.5, 1, 2, 3, 4, 8];
  assert.deepEqual(changeBreaks(rises, 'quantile', 3), computeBreaks(rises, 'quantile', 3), 'only rises: breaks as usual');
  assert.deepEqual(changeBreaks(changes, 'manual', 5, [-1, 1]), [-1, 1], 'manual breaks are the user\'s');
});

test('change colours are centred on 0, the worse end follows higher_is_better', () => {
  const breaks = [-3, 0, 2]; // two classes of falls, two of rises
  const lowerIsBetter = changeColours('RdBu', breaks, false);
  const rdbu4 = colours('RdBu', 4, true); // warm → cool: [strong red, light red, light blue, strong blue]
  // lower is better (poverty): a rise is worse, so the highest class is the strong warm end
  assert.deepEqual(lowerIsBetter, [...rdbu4].reverse());
  assert.deepEqual(changeColours('RdBu', breaks, true), rdbu4, 'higher is better: a fall is worse');
  // one class of falls and three of rises: the falls take only the lightest colour of their side
  const lopsided = changeColours('RdBu', [0, 1, 2], false);
  const six = colours('RdBu', 6, false);
  assert.deepEqual(lopsided, six.slice(2, 6));
  // only rises: every class is on the rises' side, lightest first
  const rising = changeColours('RdBu', [1, 2], false);
  assert.deepEqual(rising, colours('RdBu', 6, false).slice(3, 6));
  // only falls (the target-poor rate 2561→2566 everywhere): the top class is a fall too
  const falling = changeColours('RdYlBu', [-8, -5, -3, -1], false, -0.05);
  assert.deepEqual(falling, colours('RdYlBu', 10, false).slice(0, 5), 'five cool classes, strongest first');
  assert.ok(falling.every((c) => parseInt(c.slice(5, 7), 16) > parseInt(c.slice(1, 3), 16)), `all cool: ${falling}`);
  assert.equal(changePalette('YlOrRd'), 'RdBu', 'a sequential palette cannot show falls and rises');
  assert.equal(changePalette('Greys-r'), 'RdBu-r');
  assert.equal(changePalette('PuOr'), 'PuOr');
});

test('the legend of a change map says so, with both years and the unit', () => {
  setLang('th');
  const m = legendModel({
    indicator: { name_th: 'สัดส่วนคนจน', name_en: 'Poor rate', value_unit: 'percentage points' },
    change: { from: 2561, to: 2566 }, breaks: [0], colours: ['#00f', '#f00'], counts: [3, 2], noData: 1,
    min: -2, max: 3, yearBe: 2566,
  });
  assert.equal(m.subtitle, 'จุดร้อยละ · การเปลี่ยนแปลง 2561→2566');
  setLang('en');
  const e = legendModel({
    indicator: { name_en: 'Poor rate', value_unit: 'percentage points' },
    change: { from: 2561, to: 2566 }, breaks: [0], colours: ['#00f', '#f00'], counts: [3, 2], noData: 1,
    min: -2, max: 3, yearBe: 2566,
  });
  assert.equal(e.subtitle, 'percentage points · change 2561→2566');
  setLang('th');
  // the server words the reasons in Thai too (reason_th); one it has no Thai for is not shown in English
  assert.equal(reasonText({ reason: 'no data in 2561', reason_th: 'ไม่มีข้อมูลปี 2561' }), 'ไม่มีข้อมูลปี 2561');
  assert.equal(reasonText({ reason: 'no data in 2561', reason_th: null }), '');
});
