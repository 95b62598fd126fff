/**
 * The archive of minutes for committees: signs in, then lists what GET /api/archive returns. The
 * server has no archive API yet (issue 6): until it answers, the page says so plainly in
 * Vietnamese rather than showing an empty list that would look like "no minutes".
 */
import { t, applyI18n, toggleLang, loadServerMessages, failureText, dateTime } from '../shared/i18n.js';
import { session, api, logout, saveBlob } from '../shared/api.js';
import { html, render } from '../shared/dom.js';
import '../shared/components/sign-in.js';

const $ = (sel) => document.querySelector(sel);
let entries = null;
let failure = null;

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', () => { $('sign-in')?.update(); update(); });
  $('#sign-out').addEventListener('click', async () => { await logout(); location.reload(); });
  document.addEventListener('signed-in', () => start());
  $('#minutes').addEventListener('click', onOpen);
  start();
}

async function start() {
  if (!session.get()?.account) {
    $('#signin-view').hidden = false;
    $('#list-view').hidden = true;
    return;
  }
  $('#signin-view').hidden = true;
  $('#list-view').hidden = false;
  $('#sign-out').hidden = false;
  render($('#minutes'), html`<p class="muted">${t('common.loading')}</p>`);
  try {
    entries = await api('/api/archive');
    failure = null;
  } catch (err) {
    if (err.status === 401) {
      session.clear();
      start();
      return;
    }
    entries = null;
    failure = err;
  }
  update();
}

function update() {
  const box = $('#minutes');
  if (failure) {
    // 404: the server has no archive yet; anything else is said as the server words it
    render(box, html`<p class="card state">${failure.status === 404 ? t('archive.unavailable') : failureText(failure)}</p>`);
    return;
  }
  if (!entries) return;
  const list = Array.isArray(entries) ? entries : entries.minutes || [];
  if (list.length === 0) {
    render(box, html`<p class="card state">${t('archive.empty')}</p>`);
    return;
  }
  render(box, html`<ul class="minutes-list">${list.map((m) => html`<li class="card">
    <div><strong>${m.title || m.meetingId}</strong><br>
      <span class="muted">${m.organisation?.name || m.organisation || ''}${m.closedAt ? ` · ${dateTime(m.closedAt)}` : ''}${m.version ? ` · ${t('archive.version', { n: m.version })}` : ''}</span></div>
    ${m.href || m.url ? html`<button class="primary" data-href="${m.href || m.url}" data-name="${m.title || m.meetingId}">${t('archive.open')}</button>` : ''}
  </li>`)}</ul>`);
}

async function onOpen(e) {
  const b = e.target.closest('button[data-href]');
  if (!b) return;
  try {
    const blob = await api(b.dataset.href, { as: 'blob' });
    saveBlob(blob, `${b.dataset.name}.pdf`);
  } catch (err) {
    render($('#minutes'), html`<p class="error">${failureText(err)}</p>`);
  }
}

main();
