/**
 * The archive of minutes, for committees reviewing what the bodies under them filed: sign in,
 * the organisation tree within the account's reach, filters and full-text search (with or
 * without diacritics, folded by the server), the results, and one minutes opened beside its
 * signed PDF with the server's verification, the vote results, the versions and the downloads.
 * The address says what is shown (#/?org=…&q=… for a list, #/bien-ban/<id> for minutes), so the
 * browser's back button and a shared link work. Every access is checked and audited on the server.
 */
import { t, applyI18n, toggleLang, loadServerMessages, failureText } from '../shared/i18n.js';
import { session, api, logout, saveBlob } from '../shared/api.js';
import { html, render, setText } from '../shared/dom.js';
import { fileName } from './format.js';
import '../shared/components/sign-in.js';
import '../shared/components/pdf-viewer.js';
import './components/org-tree.js';
import './components/minutes-results.js';
import './components/minutes-entry.js';

const $ = (sel) => document.querySelector(sel);
const PAGE = 20;
const KINDS = ['REGULAR_CELL_MEETING', 'THEMATIC_MEETING', 'COMMITTEE_CONFERENCE', 'CONGRESS'];
const FILTERS = ['org', 'kind', 'from', 'to', 'q', 'offset'];

const state = {
  organisations: null, // [{id, name, kind, symbol, parentId}] within reach
  query: {},
  list: null, // {items, total, limit, offset}
  listProblem: null, // {failure}
  entry: null,
  entryProblem: null,
  lastList: '#/',
};
let visit = 0; // the newest navigation; answers to older ones are dropped

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', relabel);
  $('#sign-out').addEventListener('click', async () => { await logout(); location.hash = '#/'; location.reload(); });
  document.addEventListener('signed-in', () => start());
  window.addEventListener('hashchange', () => route());
  $('#filters').addEventListener('submit', search);
  $('#clear').addEventListener('click', () => go({}));
  $('org-tree').addEventListener('choose-organisation', (e) => go({ ...state.query, org: e.detail.orgId, offset: null }));
  $('minutes-results').addEventListener('change-page', (e) => go({ ...state.query, offset: e.detail.offset || null }));
  $('minutes-entry').addEventListener('download', (e) => download(e.detail.what));
  $('#back').addEventListener('click', (e) => { e.preventDefault(); location.hash = state.lastList; });
  document.body.addEventListener('click', (e) => {
    if (!e.target.closest('button[data-action="retry"]')) return;
    if (!state.organisations) loadOrganisations();
    route();
  });
  start();
}

function start() {
  const account = session.get()?.account;
  $('#signin-view').hidden = !!account;
  $('#sign-out').hidden = !account;
  setText($('#who'), account ? t('archive.signedInAs', { name: account.displayName || account.username }) : '');
  if (!account) {
    $('#list-view').hidden = true;
    $('#entry-view').hidden = true;
    $('sign-in').update();
    return;
  }
  state.organisations = null;
  loadOrganisations();
  route();
}

/** A failure worth showing, or null after a lapsed session sends the reader back to sign in. */
function problem(err) {
  if (err.status === 401) {
    session.clear();
    start();
    return null;
  }
  return { failure: err };
}

async function loadOrganisations() {
  const tree = $('org-tree');
  tree.problem = null;
  try {
    const out = await api('/api/archive/organisations');
    state.organisations = out.organisations || [];
  } catch (err) {
    const p = problem(err);
    if (!p) return;
    // 403: the account reaches no body (an empty tree says so); anything else may pass: retry offers it again
    if (err.status === 403) state.organisations = [];
    else tree.problem = err;
  }
  tree.organisations = state.organisations;
  tree.update();
  summarise();
}

// ---- the address --------------------------------------------------------------------------------

function route() {
  if (!session.get()?.account) return;
  const hash = location.hash || '#/';
  const entry = /^#\/bien-ban\/(.+)$/.exec(hash);
  if (entry) {
    showEntry(decodeURIComponent(entry[1]));
    return;
  }
  const params = new URLSearchParams(hash.replace(/^#\/?\??/, ''));
  const query = {};
  for (const k of FILTERS) if (params.get(k)) query[k] = params.get(k);
  state.lastList = hash;
  showList(query);
}

function go(query) {
  const params = new URLSearchParams();
  for (const k of FILTERS) if (query[k] !== null && query[k] !== undefined && query[k] !== '') params.set(k, query[k]);
  const next = `#/?${params}`;
  if (location.hash === next) route();
  else location.hash = next;
}

// ---- the list -----------------------------------------------------------------------------------

function search(e) {
  e.preventDefault();
  const f = e.target;
  const from = f.from.value;
  const to = f.to.value;
  setText($('#filter-error'), from && to && from > to ? t('archive.badRange') : '');
  if (from && to && from > to) return;
  go({ org: state.query.org, kind: f.kind.value, from, to, q: f.q.value.trim() });
}

async function showList(query) {
  const mine = ++visit;
  $('#entry-view').hidden = true;
  $('#list-view').hidden = false;
  state.query = query;
  fillForm(query);
  const tree = $('org-tree');
  tree.selected = query.org || null;
  tree.update();
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const k of FILTERS) if (query[k]) params.set(k, query[k]);
  setText($('#summary'), t('common.loading'));
  try {
    const list = await api(`/api/archive?${params}`);
    if (mine !== visit) return;
    state.list = list;
    state.listProblem = null;
  } catch (err) {
    if (mine !== visit) return;
    state.list = null;
    state.listProblem = problem(err);
    if (!state.listProblem) return;
  }
  updateList();
}

function fillForm(query) {
  const f = $('#filters');
  kindOptions();
  f.kind.value = query.kind || '';
  f.q.value = query.q || '';
  f.from.value = query.from || '';
  f.to.value = query.to || '';
}

/** The kinds of meeting in the current language, keeping the one chosen. */
function kindOptions() {
  const select = $('#kind');
  const chosen = select.value;
  render(select, html`<option value="">${t('archive.anyKind')}</option>${KINDS.map((k) => html`<option value="${k}">${t(`meetingKind.${k}`)}</option>`)}`);
  select.value = chosen;
}

function updateList() {
  const results = $('minutes-results');
  results.result = state.list;
  results.searched = FILTERS.some((k) => k !== 'offset' && state.query[k]);
  results.update();
  const p = state.listProblem;
  let words = null;
  if (p) {
    const s = p.failure.status;
    if (s === 403) words = state.query.org ? t('archive.forbiddenList') : t('archive.noBodies');
    else if (s === 400) words = t('archive.badQuery');
    else words = s === 0 ? t('common.offline') : t('archive.failed', { message: failureText(p.failure) });
  }
  render($('#list-problem'), words ? html`<div class="card state failure" data-status="${p.failure.status}">
    <p>${words}</p>${p.failure.status === 0 || p.failure.status >= 500 ? html`<button type="button" data-action="retry">${t('archive.retry')}</button>` : ''}</div>` : '');
  summarise();
}

function summarise() {
  const list = state.list;
  if (!list) {
    setText($('#summary'), '');
    return;
  }
  const parts = [t('archive.count', { n: list.total })];
  const org = state.organisations?.find((o) => o.id === state.query.org);
  if (org) parts.push(t('archive.within', { org: org.name }));
  if (state.query.q) parts.push(t('archive.matching', { q: state.query.q }));
  setText($('#summary'), parts.join(' · '));
}

// ---- one minutes --------------------------------------------------------------------------------

async function showEntry(id) {
  const mine = ++visit;
  $('#list-view').hidden = true;
  $('#entry-view').hidden = false;
  window.scrollTo(0, 0);
  const panel = $('minutes-entry');
  const viewer = $('pdf-viewer');
  if (state.entry?.id !== id) {
    state.entry = null;
    panel.entry = null;
    panel.update();
  }
  render($('#entry-problem'), '');
  try {
    state.entry = await api(`/api/archive/${encodeURIComponent(id)}`);
    state.entryProblem = null;
  } catch (err) {
    if (mine !== visit) return;
    state.entry = null;
    state.entryProblem = problem(err);
    if (state.entryProblem) showEntryProblem();
    return;
  }
  if (mine !== visit) return;
  const m = state.entry;
  $('#entry-grid').hidden = false;
  Object.assign(panel, { entry: m, verification: null, votes: null });
  panel.update();
  document.title = `${m.number} — ${t('archive.title')}`;
  viewer.open({ id: m.id, title: t('archive.viewerTitle', { n: m.number }), classification: 'UNCLASSIFIED', url: m.links.pdf });
  const settle = async (key, path) => {
    let value;
    try {
      value = await api(path);
    } catch (err) {
      value = problem(err);
      if (!value) return;
    }
    if (mine !== visit) return;
    panel[key] = value;
    panel.update();
  };
  settle('verification', m.links.verify);
  settle('votes', m.links.resultsJson);
}

function showEntryProblem() {
  const s = state.entryProblem.failure.status;
  const words = s === 403 ? t('archive.forbidden') : s === 404 ? t('archive.notFound')
    : s === 0 ? t('common.offline') : t('archive.failed', { message: failureText(state.entryProblem.failure) });
  $('#entry-grid').hidden = true;
  render($('#entry-problem'), html`<div class="card state failure" data-status="${s}"><p>${words}</p>
    ${s === 0 || s >= 500 ? html`<button type="button" data-action="retry">${t('archive.retry')}</button>` : ''}</div>`);
}

async function download(what) {
  const m = state.entry;
  if (!m) return;
  const [path, name] = what === 'pdf' ? [m.links.pdf, fileName('bien-ban', m, 'pdf')]
    : what === 'csv' ? [m.links.resultsCsv, fileName('ket-qua-bieu-quyet', m, 'csv')]
      : [m.links.resultsJson, fileName('ket-qua-bieu-quyet', m, 'json')];
  render($('#entry-problem'), '');
  try {
    saveBlob(await api(path, { as: 'blob' }), name);
  } catch (err) {
    const p = problem(err);
    if (!p) return;
    // the minutes stay on the screen; only the download failed
    render($('#entry-problem'), html`<p class="error">${t('archive.failed', { message: p.failure.status === 0 ? t('common.offline') : failureText(p.failure) })}</p>`);
  }
}

function relabel() {
  $('sign-in')?.update();
  const account = session.get()?.account;
  setText($('#who'), account ? t('archive.signedInAs', { name: account.displayName || account.username }) : '');
  if (!account) return;
  $('org-tree').update();
  kindOptions();
  updateList();
  $('minutes-entry').update();
  if (state.entryProblem && !$('#entry-view').hidden) showEntryProblem();
}

main();
