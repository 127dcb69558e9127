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
    <button type="button" id="share-copy">${t('copy')}</button>`;
  const $ = (id) => dlg.querySelector(`#${id}`);
  const base = new URL('.', location.href);
  const update = () => {
    $('share-link').value = `${base}#${formatState(app.state)}`;
    const extra = { interactive: $('share-interactive').checked ? '' : '0', lock: $('share-lock').checked ? province : '' };
    // an embed starts clean: no area panel over its small frame
    const src = `${base}embed?${formatState({ ...app.state, selected: '' }, extra)}`;
    $('share-iframe').value = `<iframe src="${esc(src)}" width="${Number($('share-w').value)}" height="${Number($('share-h').value)}" style="border:0" title="${esc(app.titleText || 'Phaenthi')}" loading="lazy"></iframe>`;
  };
  for (const id of ['share-w', 'share-h', 'share-interactive', 'share-lock']) $(id).oninput = update;
  $('share-copy').onclick = () => navigator.clipboard && navigator.clipboard.writeText($('share-iframe').value).catch(() => {});
  update();
  dlg.showModal();
}
