/**
 * The archive of minutes, for committees: the tree of the bodies within the account's reach, a
 * search (with or without diacritics; the server folds them) with filters by body, kind and date,
 * and one archived minutes at a time: the signed PDF in the viewer, the server's verdict on its
 * signature, its versions (corrections), and downloads of the PDF and the vote results.
 * Everything comes from /api/archive; nothing is decided here about who may see what.
 */
import { t, applyI18n, toggleLang, loadServerMessages, failureText, dateTime } from '../shared/i18n.js';
import { session, api, logout, saveBlob } from '../shared/api.js';
import { html, render, setText } from '../shared/dom.js';
import '../shared/components/sign-in.js';
import '../shared/components/pdf-viewer.js';

const $ = (sel) => document.querySelector(sel);
const KINDS = ['REGULAR_CELL_MEETING', 'THEMATIC_MEETING', 'COMMITTEE_CONFERENCE', 'CONGRESS'];
const PAGE = 20;

const state = {
  bodies: [],
  org: null, // the chosen body (its subtree is searched), or null for all within reach
  items: [],
  total: 0,
  failure: null,
  entry: null, // the opened minutes: metadata from the server
  verdict: null, // the server's verification of the opened minutes, or {failed}
};

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', () => {
    applyI18n(document);
    $('sign-in')?.update();
    renderKinds();
    renderTree();
    renderList();
    renderEntry();
  });
  $('#sign-out').addEventListener('click', async () => { await logout(); location.reload(); });
  document.addEventListener('signed-in', () => start());
  $('#tree').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-org]');
    if (!b) return;
    state.org = b.dataset.org || null;
    renderTree();
    search();
  });
  $('#search').addEventListener('submit', (e) => { e.preventDefault(); search(); });
  $('#clear').addEventListener('click', () => {
    for (const id of ['#q', '#from', '#to']) $(id).value = '';
    $('#kind').value = '';
    state.org = null;
    renderTree();
    search();
  });
  $('#more').addEventListener('click', () => search({ append: true }));
  $('#minutes').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-open]');
    if (b) openEntry(b.dataset.open);
  });
  $('#back').addEventListener('click', () => showList());
  $('#entry').addEventListener('click', onDownload);
  window.addEventListener('hashchange', route);
  renderKinds();
  start();
}

async function start() {
  if (!session.get()?.account) {
    $('#signin-view').hidden = false;
    $('#archive-view').hidden = true;
    return;
  }
  $('#signin-view').hidden = true;
  $('#archive-view').hidden = false;
  $('#sign-out').hidden = false;
  try {
    state.bodies = (await api('/api/archive/organisations')).organisations || [];
    state.failure = null;
  } catch (err) {
    if (err.status === 401) { session.clear(); start(); return; }
    state.bodies = [];
    state.failure = err;
  }
  renderTree();
  if (!state.failure) await search();
  else renderList();
  route();
}

function renderKinds() {
  const chosen = $('#kind').value;
  render($('#kind'), html`<option value="">${t('archive.anyKind')}</option>${KINDS.map((k) => html`
    <option value="${k}">${t(`meeting.kind.${k}`)}</option>`)}`);
  $('#kind').value = chosen;
}

/** The bodies as a tree: a body whose superior is out of reach is a root. */
function renderTree() {
  const ids = new Set(state.bodies.map((b) => b.id));
  const children = new Map();
  for (const b of state.bodies) {
    const parent = b.parentId && ids.has(b.parentId) ? b.parentId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(b);
  }
  const branch = (parent) => {
    const list = children.get(parent) || [];
    if (list.length === 0) return '';
    return html`<ul class="tree">${list.map((b) => html`<li>
      <button data-org="${b.id}" aria-pressed="${state.org === b.id}">${b.name} <span class="symbol">${b.symbol}</span></button>
      ${branch(b.id)}</li>`)}</ul>`;
  };
  render($('#tree'), html`<ul class="tree"><li><button data-org="" aria-pressed="${state.org === null}">${t('archive.allBodies')}</button></li></ul>${branch('')}`);
}

async function search({ append = false } = {}) {
  const params = new URLSearchParams();
  const q = $('#q').value.trim();
  if (q) params.set('q', q);
  if (state.org) params.set('org', state.org);
  if ($('#kind').value) params.set('kind', $('#kind').value);
  if ($('#from').value) params.set('from', $('#from').value);
  if ($('#to').value) params.set('to', $('#to').value);
  params.set('limit', String(PAGE));
  params.set('offset', String(append ? state.items.length : 0));
  try {
    const page = await api(`/api/archive?${params}`);
    state.items = append ? state.items.concat(page.items) : page.items;
    state.total = page.total;
    state.failure = null;
  } catch (err) {
    if (err.status === 401) { session.clear(); start(); return; }
    state.failure = err;
  }
  renderList();
}

function renderList() {
  const box = $('#minutes');
  if (state.failure) {
    setText($('#count'), '');
    render(box, html`<li class="card state error">${state.failure.status === 404 ? t('archive.unavailable') : failureText(state.failure)}</li>`);
    $('#more').hidden = true;
    return;
  }
  setText($('#count'), t('archive.count', { n: state.total }));
  if (state.items.length === 0) {
    render(box, html`<li class="card state">${t('archive.empty')}</li>`);
    $('#more').hidden = true;
    return;
  }
  render(box, html`${state.items.map((m) => html`<li class="card">
    <div><span class="number">${t('archive.number')} ${m.number}</span> · ${shortDate(m.meetingDate)}${m.version > 1 ? ` · ${t('archive.version', { n: m.version })}` : ''}<br>
      <strong>${m.title}</strong><br>
      <span class="muted">${m.organisation?.name || ''} · ${t(`meeting.kind.${m.meetingKind}`)}</span></div>
    <button class="primary" data-open="${m.id}">${t('archive.open')}</button>
  </li>`)}`);
  $('#more').hidden = state.items.length >= state.total;
}

/** #m/<id> opens an entry, so that the browser's back button returns to the list. */
function route() {
  const m = /^#m\/(.+)$/.exec(location.hash);
  if (m && session.get()?.account) loadEntry(decodeURIComponent(m[1]));
  else if (!m) showListView();
}

function openEntry(id) {
  location.hash = `#m/${encodeURIComponent(id)}`;
}

function showList() {
  history.pushState(null, '', location.pathname);
  showListView();
}

function showListView() {
  $('#entry-view').hidden = true;
  $('#list-view').hidden = false;
}

async function loadEntry(id) {
  $('#list-view').hidden = true;
  $('#entry-view').hidden = false;
  state.entry = null;
  state.verdict = null;
  render($('#entry'), html`<p class="muted">${t('common.loading')}</p>`);
  try {
    state.entry = await api(`/api/archive/${encodeURIComponent(id)}`);
  } catch (err) {
    render($('#entry'), html`<p class="card state error">${failureText(err)}</p>`);
    $('#viewer').open(null);
    return;
  }
  renderEntry();
  const m = state.entry;
  $('#viewer').open({ id: m.id, title: `${t('archive.number')} ${m.number}`, classification: 'UNCLASSIFIED', url: m.links.pdf });
  try {
    state.verdict = await api(m.links.verify);
  } catch (err) {
    state.verdict = { failed: failureText(err) };
  }
  if (state.entry === m) renderEntry();
}

function renderEntry() {
  const m = state.entry;
  if (!m) return;
  const v = state.verdict;
  const verdict = !v ? html`<p class="verdict pending" role="status">${t('archive.verifying')}</p>`
    : v.failed ? html`<p class="verdict failed" role="status">${v.failed}</p>`
      : html`<p class="verdict ${v.status}" role="status" data-status="${v.status}">${t(`archive.verify.${v.status}`)}
        ${v.developmentKey ? html`<span class="dev">${t('archive.devKey')}</span>` : ''}</p>`;
  render($('#entry'), html`<header>
      <p class="number">${t('archive.number')} ${m.number} · ${m.organisation?.name || ''}</p>
      <h2>${m.title}</h2>
    </header>
    ${verdict}
    <dl>
      <dt>${t('archive.date')}</dt><dd>${shortDate(m.meetingDate)}</dd>
      <dt>${t('archive.kind')}</dt><dd>${t(`meeting.kind.${m.meetingKind}`)}</dd>
      <dt>${t('archive.signer')}</dt><dd>${m.signer}</dd>
      <dt>${t('archive.filedAt')}</dt><dd>${dateTime(m.createdAt)}</dd>
      <dt>SHA-256</dt><dd><code>${m.pdfSha256}</code></dd>
    </dl>
    <div class="downloads">
      <button class="primary" data-download="${m.links.pdf}" data-name="bien-ban-${m.number.replaceAll('/', '-')}-v${m.version}.pdf">${t('archive.downloadPdf')}</button>
      <button data-download="${m.links.resultsCsv}" data-name="ket-qua-bieu-quyet-${m.number.replaceAll('/', '-')}.csv">${t('archive.resultsCsv')}</button>
      <button data-download="${m.links.resultsJson}" data-name="ket-qua-bieu-quyet-${m.number.replaceAll('/', '-')}.json">${t('archive.resultsJson')}</button>
    </div>
    ${m.versions && m.versions.length > 1 ? html`<h3>${t('archive.versions')}</h3><ol class="versions">${m.versions.map((x) => html`<li>
      ${x.id === m.id ? html`<strong>${t('archive.version', { n: x.version })}</strong>` : html`<a href="#m/${encodeURIComponent(x.id)}">${t('archive.version', { n: x.version })}</a>`}
      · ${dateTime(x.createdAt)} · ${x.reason ? t('archive.correction', { reason: x.reason }) : t('archive.original')}${x.latest ? ` (${t('archive.latest')})` : ''}</li>`)}</ol>` : ''}`);
}

async function onDownload(e) {
  const b = e.target.closest('button[data-download]');
  if (!b) return;
  try {
    saveBlob(await api(b.dataset.download, { as: 'blob' }), b.dataset.name);
  } catch (err) {
    state.verdict = { failed: failureText(err) };
    renderEntry();
  }
}

function shortDate(iso) {
  if (!iso) return '';
  const [y, mo, d] = iso.split('-');
  return `${d}/${mo}/${y}`;
}

main();
