// The share / embed dialog: the link to this exact view, and iframe code for /embed with a size,
// interactive or static, optionally locked to the top-level area (the province) being shown.
import { formatState } from './url-state.js';
import { t } from './i18n.js';
import { esc } from './controls.js';

export function openShareDialog(app) {
  const dlg = document.getElementById('share-dialog');
  const province = (app.state.area || '').slice(0, app.levels.top.code_digits);
  dlg.querySelector('h2').textContent = t('share');
  dlg.querySelector('.body').innerHTML = `
    <label>${t('link')}<input id="share-link" readonly></label>
    <div class="row">
      <label>${t('width')}<input id="share-w" type="number" min="200" max="2000" value="800"></label>
      <label>${t('height')}<input id="share-h" type="number" min="200" max="2000" value="600"></label>
    </div>
    <label class="check"><input type="checkbox" id="share-interactive" checked> ${t('interactive')}</label>
    <label class="check"><input type="checkbox" id="share-lock" ${province ? '' : 'disabled'}> ${t('lockProvince')}${province ? ` (${esc(province)})` : ''}</label>
    <label>${t('iframe')}<textarea id="share-iframe" rows="4" readonly></textarea></label>
    <button type="button" id="share-copy">${t('copy')}</button>
    <label>${t('responsive')}<textarea id="share-responsive" rows="6" readonly></textarea></label>
    <button type="button" id="share-copy-responsive">${t('copy')}</button>`;
  const $ = (id) => dlg.querySelector(`#${id}`);
  const base = new URL('.', location.href);
  const update = () => {
    $('share-link').value = `${base}#${formatState(app.state)}`;
    const extra = { interactive: $('share-interactive').checked ? '' : '0', lock: $('share-lock').checked ? province : '' };
    // an embed starts clean: no area panel over its small frame, and no view — the zoom and centre of this
    // window would show a 360×300 frame a fragment of the area; the embed fits the area to its own frame
    const src = `${base}embed?${formatState({ ...app.state, selected: '', view: null }, extra)}`;
    $('share-iframe').value = `<iframe src="${esc(src)}" width="${Number($('share-w').value)}" height="${Number($('share-h').value)}" style="border:0" title="${esc(app.titleText || 'Phaenthi')}" loading="lazy"></iframe>`;
    $('share-responsive').value = responsiveSnippet(src, base.origin, Number($('share-h').value), app.titleText || 'Phaenthi');
  };
  for (const id of ['share-w', 'share-h', 'share-interactive', 'share-lock']) $(id).oninput = update;
  $('share-copy').onclick = () => navigator.clipboard && navigator.clipboard.writeText($('share-iframe').value).catch(() => {});
  $('share-copy-responsive').onclick = () => navigator.clipboard && navigator.clipboard.writeText($('share-responsive').value).catch(() => {});
  update();
  dlg.showModal();
}

/**
 * The responsive embed (Datawrapper's pattern): a full-width iframe and a tiny script for the host page.
 * The embed posts `{type: 'phaenthi:height', height}` to its parent (app.js, postHeight); the script takes
 * a message only from this server's origin, only of that shape with a height of 100–4000 px, and only for
 * the iframe that sent it, and sets that iframe's height.
 */
export function responsiveSnippet(src, origin, height, title) {
  const script = `(function(){var o=${JSON.stringify(origin)};window.addEventListener("message",function(e){var d=e.data;`
    + `if(e.origin!==o||!d||typeof d!=="object"||d.type!=="phaenthi:height"||typeof d.height!=="number"||!(d.height>=100&&d.height<=4000))return;`
    + `var f=document.querySelectorAll("iframe[data-phaenthi-embed]");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.round(d.height)+"px";});})();`;
  return `<iframe src="${esc(src)}" data-phaenthi-embed width="100%" height="${height}" style="border:0;width:100%" title="${esc(title)}" loading="lazy"></iframe>\n<script>${script}</script>`;
}
