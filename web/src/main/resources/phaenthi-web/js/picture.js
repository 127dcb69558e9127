// "Save picture": a 1600×900 PNG (16:9, for slides) of the current view with title, legend, source and
// the data year in B.E. The map pixels are copied from Leaflet's canvas renderers (every layer is a
// canvas), so no screenshot library is needed. Base-map images are copied too when CORS allows.
import { t, formatNumber, getLang, served } from './i18n.js';
import { HATCH } from './layers.js';
import { SMALL_BASE_OPACITY } from './classify.js';

/** A credit of /api/meta in the interface's language, as the map's credits line shows it. */
const credit = (a, key) => served(a, key) || a[key];

const W = 1600;
const H = 900;
const FONT = 'Sarabun, "Noto Sans Thai", sans-serif';

/** Draws the picture and returns the canvas (the browser tests call this without downloading). */
export function renderPicture(app) {
  const out = document.createElement('canvas');
  out.width = W;
  out.height = H;
  const g = out.getContext('2d');
  g.fillStyle = '#f4f7fa';
  g.fillRect(0, 0, W, H);
  // the whole title, wrapped between words into at most two lines at the largest size down to 60 % that
  // holds it, else more lines: a title is never cut (it carries the area, level and year)
  const title = fitTitle(g, app.titleText || '', W - 60);
  const top = 30 + title.lines.length * title.lineH;
  const bottom = 50;
  drawMap(app, g, { x: 0, y: top, w: W - 420, h: H - top - bottom });
  g.fillStyle = '#1b2733';
  g.font = title.font;
  title.lines.forEach((line, k) => g.fillText(line, 30, 30 + (k + 0.8) * title.lineH));
  drawLegend(app.legendModel, g, W - 400, top + 10, 380);
  const a = app.meta.attribution;
  g.font = `18px ${FONT}`;
  g.fillStyle = '#333';
  g.fillText(`${t('source')}: ${credit(a, 'boundaries_short')} · ${credit(a, 'indicators_short')}`, 30, H - 22);
  g.textAlign = 'right';
  g.fillText(`${t('date')} ${app.state.year} · ${t('made')} ${madeDate(new Date())}`, W - 30, H - 22);
  g.textAlign = 'left';
  return out;
}

/**
 * The day a picture is made, in Bangkok, with the Buddhist Era year as the server's pictures write it:
 * "2 ธันวาคม 2569" in Thai, "2 December 2569 B.E." in English (a bare 2569 reads as a typo there).
 */
export function madeDate(day) {
  const thai = getLang() !== 'en';
  const text = day.toLocaleDateString(thai ? 'th-TH-u-ca-buddhist' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Bangkok' });
  if (thai) return text;
  const year = Number(day.toLocaleDateString('en-GB', { year: 'numeric', timeZone: 'Asia/Bangkok' }));
  return `${text.replace(/\d{4}$/, '')}${year + 543} B.E.`;
}

/**
 * Why the view cannot be saved as a picture, in the interface's language, or null when it can: a map
 * with no value in it (an indicator without data for the year and level, values that failed to load)
 * would be a picture of nothing but hatching.
 */
export function pictureBlocked(app) {
  const c = app.current;
  if (!c || !c.rows || !c.rows.some((r) => r.value !== null && Number.isFinite(r.value))) return t('pictureEmpty');
  return null;
}

/** The "save picture" button: disabled, with the reason as its label, while the map is empty. */
export function syncPictureButton(app) {
  const b = document.getElementById('btn-picture');
  if (!b) return;
  const why = pictureBlocked(app);
  b.disabled = Boolean(why);
  b.title = why || t('savePicture');
  b.setAttribute('aria-label', why ? `${t('savePicture')}: ${why}` : t('savePicture'));
}

/**
 * The picture as PNG bytes carrying its alt text: the map's text description (describe.js) and the title in
 * iTXt chunks ("Description", "Title"; UTF-8, so Thai survives), which image viewers and slide tools read.
 */
export async function pictureBytes(app) {
  const canvas = renderPicture(app);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const png = new Uint8Array(await blob.arrayBuffer());
  return withText(png, [['Title', app.titleText || ''], ['Description', app.description || '']]);
}

export function savePicture(app) {
  const why = pictureBlocked(app);
  if (why) {
    // the keyboard shortcut reaches here with the button disabled: say why in the legend
    if (app.legendModel) app.legend.update({ ...app.legendModel, notice: why });
    return;
  }
  pictureBytes(app).then((bytes) => {
    const blob = new Blob([bytes], { type: 'image/png' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `phaenthi-${app.state.level}-${app.state.indicator.replace(/[^\w-]+/g, '_')}-${app.state.year}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
}

/** Inserts uncompressed iTXt chunks [keyword, text] before a PNG's IEND chunk (the last 12 bytes). */
export function withText(png, entries) {
  const utf8 = new TextEncoder();
  const chunks = entries.filter(([, text]) => text).map(([keyword, text]) => {
    // keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, UTF-8 text
    const data = concat([utf8.encode(keyword), Uint8Array.of(0, 0, 0, 0, 0), utf8.encode(text)]);
    const typed = concat([utf8.encode('iTXt'), data]);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(typed, 4);
    view.setUint32(8 + data.length, crc32(typed));
    return out;
  });
  const end = png.length - 12;
  return concat([png.subarray(0, end), ...chunks, png.subarray(end)]);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let crcTable;
function crc32(bytes) {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Copies every canvas (and same-origin tile image) in the map, in pane z-order, scaled to fit the box. */
function drawMap(app, g, box) {
  const container = app.map.getContainer();
  const mr = container.getBoundingClientRect();
  const scale = Math.min(box.w / mr.width, box.h / mr.height);
  const ox = box.x + (box.w - mr.width * scale) / 2;
  const oy = box.y + (box.h - mr.height * scale) / 2;
  g.save();
  g.beginPath();
  g.rect(ox, oy, mr.width * scale, mr.height * scale);
  g.clip();
  g.fillStyle = '#dfe8ee';
  g.fillRect(ox, oy, mr.width * scale, mr.height * scale);
  const zOf = (el) => Number(getComputedStyle(el.closest('.leaflet-pane:not(.leaflet-map-pane)') || container).zIndex) || 0;
  const items = [...container.querySelectorAll('.leaflet-pane canvas, .leaflet-tile-pane img')]
    .map((el, i) => ({ el, z: zOf(el), i }))
    .sort((a, b) => a.z - b.z || a.i - b.i);
  for (const { el } of items) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right < mr.left || r.left > mr.right || r.bottom < mr.top || r.top > mr.bottom) continue;
    try {
      g.drawImage(el, ox + (r.left - mr.left) * scale, oy + (r.top - mr.top) * scale, r.width * scale, r.height * scale);
    } catch (e) {
      // a cross-origin base-map tile without CORS would taint the canvas; it is left out
    }
  }
  g.restore();
}

function drawLegend(m, g, x, y, w) {
  if (!m) return;
  g.fillStyle = 'rgba(255,255,255,0.95)';
  const rows = m.emptyReason ? 1 : m.classes.length + 1 + (m.faded ? 1 : 0) + (m.caveat ? 3 : 0) + (m.notOnMap && m.notOnMap.units > 0 ? 2 : 0);
  g.fillRect(x, y, w, 110 + rows * 46);
  g.fillStyle = '#1b2733';
  g.font = `bold 24px ${FONT}`;
  let yy = wrap(g, m.title, x + 16, y + 36, w - 32, 28, 3);
  g.font = `18px ${FONT}`;
  g.fillStyle = '#555';
  g.fillText(m.scopeNote ? `${m.subtitle} · ${m.scopeNote}` : m.subtitle, x + 16, yy + 4);
  yy += 24;
  if (m.emptyReason) {
    wrap(g, m.emptyReason, x + 16, yy + 20, w - 32, 24, 4);
    return;
  }
  const swatch = (fill, label, count, alpha = 1) => {
    if (Array.isArray(fill)) {
      const gradient = g.createLinearGradient(x + 16, 0, x + 60, 0);
      fill.forEach((c, k) => gradient.addColorStop(fill.length > 1 ? k / (fill.length - 1) : 0, c));
      fill = gradient;
    }
    g.fillStyle = fill;
    g.globalAlpha = alpha;
    g.fillRect(x + 16, yy, 44, 32);
    g.globalAlpha = 1;
    g.strokeStyle = '#777';
    g.strokeRect(x + 16, yy, 44, 32);
    g.fillStyle = '#1b2733';
    g.font = `22px ${FONT}`;
    g.fillText(label, x + 74, yy + 24);
    g.textAlign = 'right';
    g.fillText(formatNumber(count), x + w - 16, yy + 24);
    g.textAlign = 'left';
    yy += 46;
  };
  for (const c of m.classes) swatch(c.colour, c.label, c.count);
  swatch(HATCH, t('noData'), m.noData);
  if (m.faded) swatch(m.faded.colours, m.faded.label, m.faded.count, SMALL_BASE_OPACITY);
  // the notes of the app's legend: municipal units without a polygon, a change map's caveat
  const notes = [];
  if (m.notOnMap && m.notOnMap.units > 0) notes.push(t('notOnMap', { units: formatNumber(m.notOnMap.units), households: formatNumber(m.notOnMap.households) }));
  if (m.caveat) notes.push(m.caveat);
  g.font = `17px ${FONT}`;
  g.fillStyle = '#555';
  for (const note of notes) yy = wrap(g, note, x + 16, yy + 16, w - 32, 22, 6) - 6;
}

/** The title's font, lines and line height: 40 px bold, down to 24 px before it takes a third line. */
export function fitTitle(g, text, maxW) {
  for (let size = 40; size >= 24; size -= 2) {
    g.font = `bold ${size}px ${FONT}`;
    const lines = lineBreaks(g, text, maxW);
    if (lines.length <= 2 || size === 24) return { font: g.font, lines, lineH: Math.round(size * 1.2) };
  }
  return null;
}

/** Word boundaries of a text: Thai has no spaces between words, Intl.Segmenter finds them. */
export function words(text) {
  const seg = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(getLang() === 'en' ? 'en' : 'th', { granularity: 'word' }) : null;
  if (!seg) return text.split(/(?<=\s)/);
  return [...seg.segment(text)].map((p) => p.segment);
}

/** The text broken into lines at most `maxW` wide, between words (a word wider than a line by character). */
export function lineBreaks(g, text, maxW) {
  const lines = [];
  let line = '';
  for (const word of words(text)) {
    if (line && g.measureText(line + word).width > maxW) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else {
      line += word;
    }
    while (g.measureText(line).width > maxW && line.length > 1) {
      // one word wider than the line: by character
      let k = line.length - 1;
      while (k > 1 && g.measureText(line.slice(0, k)).width > maxW) k--;
      lines.push(line.slice(0, k));
      line = line.slice(k);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Fills text wrapped at `maxW` between words (lineBreaks), at most `maxLines` lines; returns the next y. */
function wrap(g, text, x, y, maxW, lineH, maxLines) {
  for (const line of lineBreaks(g, text, maxW).slice(0, maxLines)) {
    g.fillText(line, x, y);
    y += lineH;
  }
  return y;
}
