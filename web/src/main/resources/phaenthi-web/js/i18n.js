// Interface strings in Thai (default) and English. Data names come from the API in both languages;
// `name(obj)` picks the one for the current language and falls back to the other.

const STRINGS = {
  th: {
    title: 'แผนที่ตัวชี้วัดการพัฒนา', indicator: 'ตัวชี้วัด', year: 'ปี (พ.ศ.)', level: 'ระดับ', country: 'ประเทศไทย',
    classification: 'การจำแนกชั้น', classes: 'จำนวนชั้น', palette: 'ชุดสี', cbSafe: 'ผู้บกพร่องการเห็นสีอ่านได้', reverse: 'กลับสี',
    quantile: 'ควอนไทล์', jenks: 'ช่วงธรรมชาติ (Jenks)', equal: 'ช่วงเท่ากัน', manual: 'กำหนดเอง', breaks: 'ขอบชั้น (คั่นด้วยจุลภาค)',
    smallDenominator: 'ฐานเล็ก: คำนวณจากเพียง {n} หน่วย ควรอ่านด้วยความระมัดระวัง',
    smallBaseLegend: 'สีจาง: ฐานน้อยกว่า 30 หน่วย',
    noData: 'ไม่มีข้อมูล', areas: 'พื้นที่', search: 'ค้นหาพื้นที่ (ไทย/อังกฤษ)', searchShort: 'ค้นหาพื้นที่', noResults: 'ไม่พบพื้นที่',
    hoverHint: 'ชี้ที่พื้นที่เพื่อดูค่า', rank: 'อันดับ', of: 'จาก', in: 'ใน',
    savePicture: 'บันทึกภาพ', share: 'แชร์ / ฝัง', present: 'โหมดนำเสนอ', help: 'ช่วยเหลือ', close: 'ปิด', language: 'English', languageShort: 'EN',
    link: 'ลิงก์', iframe: 'โค้ด iframe', width: 'กว้าง', height: 'สูง', interactive: 'โต้ตอบได้', lockProvince: 'ล็อกเฉพาะจังหวัดนี้', copy: 'คัดลอก',
    notOnMap: 'หน่วยเขตเทศบาล {units} แห่ง ({households} ครัวเรือน) ไม่มีขอบเขตบนแผนที่', source: 'ที่มา', date: 'ข้อมูลปี',
    radar: 'ห้ามิติความยากจน (TPMAP) ร้อยละของคนที่สำรวจ', radarTargetPoor: 'ห้ามิติความยากจน (TPMAP) ร้อยละของคนจนเป้าหมาย', allIndicators: 'ตัวชี้วัดทั้งหมด', childrenRanked: '{level}ใน{area} เรียงตาม{indicator}', parent: 'พื้นที่แม่',
    health: 'สุขภาพ', living: 'ความเป็นอยู่', education: 'การศึกษา', income: 'รายได้', access: 'การเข้าถึงบริการรัฐ',
    ranking: 'อันดับพื้นที่', loading: 'กำลังโหลด…', error: 'เกิดข้อผิดพลาด', menu: 'ตั้งค่า',
    yearMoved: 'ตัวชี้วัดนี้ไม่มีข้อมูลปี {from} ระดับ{level} จึงแสดงปี {to} ซึ่งเป็นปีล่าสุดที่มีข้อมูล',
    valuesFailed: 'โหลดค่าของแผนที่ไม่สำเร็จ ลองใหม่อีกครั้ง', noDataHere: 'ไม่มีข้อมูลปี {year} ระดับ{level}',
    change: 'การเปลี่ยนแปลง', compareWith: 'เทียบกับปี', noCompare: '— ไม่เทียบ —',
    scope: 'แบ่งชั้นจาก', scopeNational: 'ทั้งประเทศ', scopeView: 'มุมมองนี้',
    scopeNationalExplain: 'ขอบชั้นคิดจากทั้งประเทศ สีเดียวกันในทุกมุมมอง จึงเทียบกันได้',
    scopeViewExplain: 'ขอบชั้นคิดจากพื้นที่ที่แสดงอยู่เท่านั้น สีจึงเทียบกับมุมมองอื่นไม่ได้',
    scopeManualExplain: 'ขอบชั้นกำหนดเอง ใช้เหมือนกันทุกมุมมอง',
    scopeNationalNote: 'ชั้นตามเกณฑ์ทั้งประเทศ', scopeViewNote: 'ชั้นตามพื้นที่ที่แสดงนี้',
    zoomIn: 'ขยาย', zoomOut: 'ย่อ', mapLabel: 'แผนที่ (กดปุ่มลูกศรเพื่อเลื่อน)', mapBy: 'แผนที่โดย', legend: 'คำอธิบายสัญลักษณ์', legendRow: '{range}: {count} พื้นที่',
    describeMap: 'แผนที่ {title}', describeHighest: 'สูงสุด: {areas}', describeLowest: 'ต่ำสุด: {areas}',
    describeClasses: 'แบ่งเป็น {n} ชั้น', describeClass: '{range} มี {count} พื้นที่', describeNoData: 'ไม่มีข้อมูล {count} พื้นที่',
    download: 'ดาวน์โหลดข้อมูลของมุมมองนี้',
    made: 'จัดทำเมื่อ', pictureEmpty: 'แผนที่นี้ไม่มีค่าให้แสดง จึงบันทึกเป็นภาพไม่ได้ เลือกปีหรือตัวชี้วัดอื่น',
    reportCard: 'รายงานพื้นที่ (PDF)', responsive: 'โค้ดฝังแบบปรับความสูงอัตโนมัติ (แนะนำ)',
    units: { people: 'คน', households: 'ครัวเรือน', score: 'คะแนน', person: 'คน', household: 'ครัวเรือน', 'percentage points': 'จุดร้อยละ', points: 'คะแนน' },
    keys: [['← →', 'ตัวชี้วัดก่อนหน้า / ถัดไป'], ['↑ ↓', 'ปีก่อนหน้า / ถัดไป'], ['P', 'โหมดนำเสนอ'], ['L', 'เปลี่ยนระดับ'], ['U หรือ Backspace', 'ขึ้นไปหนึ่งระดับ'], ['S', 'บันทึกภาพ'], ['/', 'ค้นหา'], ['?', 'ความช่วยเหลือนี้'], ['Esc', 'ปิดหน้าต่าง']],
  },
  en: {
    title: 'Development indicator map', indicator: 'Indicator', year: 'Year (B.E.)', level: 'Level', country: 'Thailand',
    classification: 'Classification', classes: 'Classes', palette: 'Palette', cbSafe: 'colour-blind safe', reverse: 'Reverse',
    quantile: 'Quantile', jenks: 'Natural breaks (Jenks)', equal: 'Equal interval', manual: 'Manual', breaks: 'Breaks (comma separated)',
    smallDenominator: 'Small base: only {n} eligible units, read with care',
    smallBaseLegend: 'Faded: fewer than 30 eligible units',
    noData: 'No data', areas: 'areas', search: 'Search an area (Thai/English)', searchShort: 'Search an area', noResults: 'No area found',
    hoverHint: 'Hover over an area', rank: 'Rank', of: 'of', in: 'in',
    savePicture: 'Save picture', share: 'Share / embed', present: 'Presentation', help: 'Help', close: 'Close', language: 'ไทย', languageShort: 'ไทย',
    link: 'Link', iframe: 'iframe code', width: 'Width', height: 'Height', interactive: 'Interactive', lockProvince: 'Lock to this province', copy: 'Copy',
    notOnMap: '{units} municipal units ({households} households) have no polygon on the map', source: 'Source', date: 'Data year',
    radar: 'Five TPMAP poverty dimensions, % of people surveyed', radarTargetPoor: 'Five TPMAP poverty dimensions, % of target poor', allIndicators: 'All indicators', childrenRanked: '{level} in {area}, ranked by {indicator}', parent: 'Parent area',
    health: 'Health', living: 'Living', education: 'Education', income: 'Income', access: 'Public services',
    ranking: 'Areas ranked', loading: 'Loading…', error: 'Error', menu: 'Settings',
    yearMoved: 'This indicator has no {from} data at {level} level: showing {to}, its latest year',
    valuesFailed: 'The map values could not be loaded; please try again', noDataHere: 'No data for {year} at {level} level',
    change: 'change', compareWith: 'Change since', noCompare: '— none —',
    scope: 'Breaks from', scopeNational: 'whole country', scopeView: 'this view',
    scopeNationalExplain: 'Breaks from the whole country: the same colours in every view, so views compare',
    scopeViewExplain: 'Breaks from the areas in this view only: colours do not compare with other views',
    scopeManualExplain: 'Manual breaks: the same in every view',
    scopeNationalNote: 'national breaks', scopeViewNote: 'breaks of this view',
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', mapLabel: 'Map (arrow keys pan it)', mapBy: 'Map by', legend: 'Legend', legendRow: '{range}: {count} areas',
    describeMap: 'Map of {title}', describeHighest: 'Highest: {areas}', describeLowest: 'Lowest: {areas}',
    describeClasses: '{n} classes', describeClass: '{range}, {count} areas', describeNoData: 'No data: {count} areas',
    download: 'Download the data of this view',
    made: 'made', pictureEmpty: 'This map shows no values, so it cannot be saved as a picture: choose another year or indicator',
    reportCard: 'Report card (PDF)', responsive: 'Responsive code, auto-height (recommended)',
    units: {},
    keys: [['← →', 'Previous / next indicator'], ['↑ ↓', 'Previous / next year'], ['P', 'Presentation mode'], ['L', 'Cycle level'], ['U or Backspace', 'Up one level'], ['S', 'Save picture'], ['/', 'Search'], ['?', 'This help'], ['Esc', 'Close dialogs']],
  },
};

let lang = 'th';

export function setLang(l) {
  lang = STRINGS[l] ? l : 'th';
  document.documentElement.lang = lang;
}

export const getLang = () => lang;

export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.th[key] ?? key;
  return typeof s === 'string' ? s.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '') : s;
}

/** An indicator's value unit in the current language ("people" is "คน" in Thai); "%" stays. */
export function unitOf(indicator) {
  const u = (indicator && indicator.value_unit) || '';
  if (lang === 'th' && indicator && indicator.value_unit_th) return indicator.value_unit_th;
  return STRINGS[lang].units[u] ?? u;
}

/**
 * Why a value is missing, in the current language: the server words each reason in both (`reason`,
 * `reason_th`); a reason it has no Thai for is left out of the Thai interface rather than shown in English.
 */
export function reasonText(row) {
  if (!row) return '';
  return (lang === 'en' ? row.reason : row.reason_th) || '';
}

/**
 * A text the server gives in both languages, `key` (English; `key_en` where the server words it in
 * full, e.g. a source stored with "จปฐ." in it) and `key_th` (Thai): the one for the interface's
 * language, and in Thai nothing rather than English when the server has no Thai for it.
 */
export function served(obj, key) {
  if (!obj) return '';
  return (lang === 'en' ? obj[`${key}_en`] || obj[key] : obj[`${key}_th`]) || '';
}

/** The name of an area, indicator or category in the current language. */
export function name(obj) {
  if (!obj) return '';
  return (lang === 'en' ? obj.name_en || obj.name_th : obj.name_th || obj.name_en) || obj.code || '';
}

/** Both names, current language first, for hover boxes that must serve Thai and English readers. */
export function bothNames(obj) {
  const first = name(obj);
  const other = lang === 'en' ? obj.name_th : obj.name_en;
  return other && other !== first ? `${first} · ${other}` : first;
}

export function formatNumber(v, digits = 2) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const locale = lang === 'th' ? 'th-TH' : 'en-GB';
  const d = Number.isInteger(v) ? 0 : digits;
  return v.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
}
