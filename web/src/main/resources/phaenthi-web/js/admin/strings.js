// Admin page strings in Thai (default) and English, the same approach as the map app's i18n.js: one table per
// language, `{name}` placeholders, the language kept by i18n.js (setLang / getLang).
import { getLang } from '../i18n.js';

const STRINGS = {
  th: {
    title: 'ผู้ดูแลข้อมูล', toMap: 'ไปที่แผนที่', language: 'English',
    login: 'เข้าสู่ระบบ', token: 'โทเคนผู้ดูแล', loginHint: 'โทเคนเก็บไว้ในแท็บนี้เท่านั้น (session storage) และหายไปเมื่อปิดแท็บ',
    logout: 'ออกจากระบบ', who: '{name} · ขอบเขต {scope}', scopeAll: 'ทั้งประเทศ', scopeProvince: 'จังหวัดรหัส {code}',
    badToken: 'โทเคนไม่ถูกต้องหรือถูกเพิกถอนแล้ว', adminOff: 'เซิร์ฟเวอร์นี้ปิดส่วนผู้ดูแลไว้',
    upload: 'นำเข้าไฟล์', dropHere: 'ลากไฟล์มาวางที่นี่ หรือเลือกไฟล์ (CSV, XLSX, XLS)', chooseFile: 'เลือกไฟล์', send: 'อัปโหลด',
    cancel: 'ยกเลิก', cancelled: 'ยกเลิกแล้ว', progress: 'ความคืบหน้า', uploading: 'กำลังอัปโหลด {pct}%',
    phase: { reading: 'กำลังอ่านไฟล์', detecting: 'กำลังตรวจรูปแบบ', validating: 'กำลังตรวจสอบข้อมูล', ready: 'ตรวจเสร็จแล้ว', publishing: 'กำลังเผยแพร่', published: 'เผยแพร่แล้ว', failed: 'ล้มเหลว', cancelled: 'ยกเลิกแล้ว' },
    preview: 'ตัวอย่างแถวแรก', format: 'รูปแบบที่ตรวจพบ',
    formats: { long: 'แบบยาว (รหัส ตัวชี้วัด ปี ตัวตั้ง ตัวหาร)', wide: 'แบบกว้าง (สองคอลัมน์ต่อตัวชี้วัด)', cdd: 'ตารางรายงาน กพช.', kcc2c: 'กชช.2ค รายหมู่บ้าน', indicators: 'นิยามตัวชี้วัด' },
    mapping: 'การจับคู่คอลัมน์', notMapped: '— ไม่ใช้ —', applyMapping: 'ตรวจใหม่ด้วยการจับคู่นี้',
    roles: { code: 'รหัสพื้นที่', name: 'ชื่อพื้นที่', parent_name: 'ชื่อพื้นที่แม่', indicator: 'ตัวชี้วัด', year: 'ปี', numerator: 'ตัวตั้ง (ไม่ผ่าน/ผ่าน)', denominator: 'ตัวหาร (จำนวนที่สำรวจ)', percent: 'ร้อยละ', passing: 'ผ่านเกณฑ์ (จำนวน)', passing_percent: 'ผ่านเกณฑ์ (ร้อยละ)' },
    uploadYear: 'ปีของข้อมูล (พ.ศ.) ถ้าไฟล์ไม่ได้ระบุ', uploadSet: 'ชุดตัวชี้วัด ถ้าไฟล์ไม่ได้ระบุ',
    report: 'ผลการตรวจสอบ', errors: 'ข้อผิดพลาด {n}', warnings: 'คำเตือน {n}', noIssues: 'ไม่พบปัญหา',
    row: 'แถว', column: 'คอลัมน์', message: 'รายละเอียด', suggestions: 'อาจหมายถึง', more: 'และอีก {n} รายการในไฟล์รายงาน',
    coverage: 'ความครอบคลุม', level: 'ระดับ', areas: 'พื้นที่', withData: 'มีข้อมูล', share: 'สัดส่วน', previousShare: 'ปีก่อน',
    download: 'ดาวน์โหลดรายงาน', blocked: 'แก้ข้อผิดพลาดก่อนจึงจะเผยแพร่ได้',
    publish: 'เผยแพร่', note: 'หมายเหตุ', published: 'เผยแพร่แล้วเป็นชุดที่ {id}', seeMap: 'ดูค่าใหม่บนแผนที่',
    publications: 'ประวัติการเผยแพร่', publishAgain: 'เผยแพร่ชุดนี้อีกครั้ง', served: 'กำลังใช้', confirmAgain: 'เผยแพร่ชุดที่ {id} อีกครั้ง?',
    rolledBack: 'เผยแพร่ชุดที่ {id} อีกครั้งแล้ว เป็นชุดที่ {made}', onlyAll: 'ต้องใช้โทเคนขอบเขตทั้งประเทศ',
    audit: 'บันทึกการใช้งาน', at: 'เวลา', whoCol: 'ผู้ทำ', action: 'การกระทำ', file: 'ไฟล์', rows: 'แถว', publication: 'ชุด', detail: 'รายละเอียด',
    refresh: 'โหลดใหม่', empty: 'ไม่มีรายการ', error: 'เกิดข้อผิดพลาด: {message}',
  },
  en: {
    title: 'Data admin', toMap: 'Go to the map', language: 'ไทย',
    login: 'Log in', token: 'Admin token', loginHint: 'The token is kept in this tab only (session storage) and forgotten when it closes',
    logout: 'Log out', who: '{name} · scope {scope}', scopeAll: 'whole country', scopeProvince: 'province {code}',
    badToken: 'The token is wrong or was revoked', adminOff: 'Admin is switched off on this server',
    upload: 'Import a file', dropHere: 'Drop a file here or choose one (CSV, XLSX, XLS)', chooseFile: 'Choose a file', send: 'Upload',
    cancel: 'Cancel', cancelled: 'Cancelled', progress: 'Progress', uploading: 'Uploading {pct}%',
    phase: { reading: 'Reading the file', detecting: 'Detecting the layout', validating: 'Checking the data', ready: 'Checked', publishing: 'Publishing', published: 'Published', failed: 'Failed', cancelled: 'Cancelled' },
    preview: 'First rows', format: 'Detected format',
    formats: { long: 'long (code, indicator, year, numerator, denominator)', wide: 'wide (two columns per indicator)', cdd: 'CDD report table', kcc2c: 'KCC 2C village file', indicators: 'indicator definitions' },
    mapping: 'Column mapping', notMapped: '— not used —', applyMapping: 'Check again with this mapping',
    roles: { code: 'Area code', name: 'Area name', parent_name: 'Parent name', indicator: 'Indicator', year: 'Year', numerator: 'Numerator (failing/passing)', denominator: 'Denominator (surveyed)', percent: 'Percent', passing: 'Passing (count)', passing_percent: 'Passing (percent)' },
    uploadYear: 'Survey year (B.E.), if the file does not say', uploadSet: 'Indicator set, if the file does not say',
    report: 'Validation report', errors: '{n} errors', warnings: '{n} warnings', noIssues: 'No issues found',
    row: 'Row', column: 'Column', message: 'Details', suggestions: 'Did you mean', more: 'and {n} more in the downloadable report',
    coverage: 'Coverage', level: 'Level', areas: 'Areas', withData: 'With data', share: 'Share', previousShare: 'Previous year',
    download: 'Download the report', blocked: 'Fix the errors before publishing',
    publish: 'Publish', note: 'Note', published: 'Published as publication {id}', seeMap: 'See the new values on the map',
    publications: 'Publications', publishAgain: 'Publish again', served: 'served', confirmAgain: 'Publish publication {id} again?',
    rolledBack: 'Publication {id} published again as {made}', onlyAll: 'Needs a token of scope all',
    audit: 'Audit log', at: 'When', whoCol: 'Who', action: 'Action', file: 'File', rows: 'Rows', publication: 'Publication', detail: 'Detail',
    refresh: 'Reload', empty: 'Nothing yet', error: 'Error: {message}',
  },
};

/** An admin string in the current language (falls back to Thai, then to the key). */
export function at(key, vars = {}) {
  const path = key.split('.');
  const look = (table) => path.reduce((o, k) => (o == null ? undefined : o[k]), table);
  const s = look(STRINGS[getLang()]) ?? look(STRINGS.th) ?? key;
  return typeof s === 'string' ? s.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '') : s;
}

export const LANGS = Object.keys(STRINGS);
