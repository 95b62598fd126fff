/**
 * The console of the chair and the minute-taker: prepare the meeting (roster with CSV, agenda,
 * documents, publish) and run it (attendance, items, speakers and timer, the record, polls,
 * pairing codes, devices, closing). Components show the view; their intents become commands.
 */
import { t, applyI18n, toggleLang, loadServerMessages, failureText, time } from '../shared/i18n.js';
import { session, meetings, logout, api, saveBlob, documentUrl } from '../shared/api.js';
import { LiveMeeting } from '../shared/live.js';
import { html, render, setText, newId } from '../shared/dom.js';
import '../shared/components/sign-in.js';
import '../shared/components/connection-badge.js';
import '../shared/components/agenda-list.js';
import '../shared/components/speaker-queue.js';
import '../shared/components/attendance-board.js';
import '../shared/components/poll-card.js';
import './components/presenter-bar.js';

const $ = (sel) => document.querySelector(sel);
const KINDS = ['ORDINARY_RESOLUTION', 'CONCLUSION', 'ADMISSION', 'PROBATION_CONFIRMATION', 'DISCIPLINE', 'EXPULSION', 'ELECTION', 'PROCEDURAL'];
const MODES = ['SHOW_OF_HANDS', 'PARTY_CARD', 'SECRET'];
const FORMS = ['REPRIMAND', 'WARNING', 'REMOVAL_FROM_POST', 'EXPULSION'];
const CLASSES = ['UNCLASSIFIED', 'MAT', 'TOI_MAT', 'TUYET_MAT'];

const state = { meetingId: null, live: null, tab: 'run', devices: [] };

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', () => { $('presenter-bar').relabel(); fillStaticSelects(); rerender(); });
  $('#sign-out').addEventListener('click', async () => { state.live?.close(); await logout(); location.reload(); });
  document.addEventListener('signed-in', () => start());
  fillStaticSelects();
  wire();
  start();
}

async function start() {
  const s = session.get();
  if (!s?.account) {
    show('#signin-view');
    return;
  }
  $('#sign-out').hidden = false;
  if (s.meetingId) {
    join(s.meetingId);
    return;
  }
  try {
    // archived meetings are read in the archive, not run from the console
    const list = (await meetings()).filter((m) => m.audience === 'CONSOLE' && m.phase !== 'ARCHIVED');
    const order = { IN_PROGRESS: 0, PUBLISHED: 1, DRAFT: 2, CLOSED: 3 };
    list.sort((a, b) => order[a.phase] - order[b.phase]);
    if (list.length === 1) {
      join(list[0].meetingId);
      return;
    }
    show('#choose-view');
    render($('#meeting-choices'), list.length === 0 ? html`<p>${t('signin.noMeeting')}</p>` : list.map((m) => html`
      <button data-meeting="${m.meetingId}"><span><strong>${m.title}</strong><br><span class="muted">${m.organisation} · ${t(`phase.${m.phase}`)}</span></span></button>`));
    $('#meeting-choices').onclick = (e) => {
      const b = e.target.closest('button[data-meeting]');
      if (b) join(b.dataset.meeting);
    };
  } catch (err) {
    if (err.status === 401) { session.clear(); start(); }
  }
}

function show(id) {
  for (const v of ['#signin-view', '#choose-view', '#meeting-view']) $(v).hidden = v !== id;
}

function join(meetingId) {
  const s = session.get();
  session.set({ ...s, meetingId });
  state.meetingId = meetingId;
  show('#meeting-view');
  const badge = $('connection-badge');
  badge.hidden = false;
  const live = new LiveMeeting({ meetingId, token: s.token });
  state.live = live;
  live.addEventListener('connection', (e) => { badge.state = e.detail.state; badge.update(); });
  live.addEventListener('outbox', (e) => { badge.pending = e.detail.pending; badge.update(); });
  live.addEventListener('denied', () => { session.clear(); location.reload(); });
  live.addEventListener('change', () => update());
  live.addEventListener('connections', (e) => { state.devices = e.detail.devices; renderDevices(); });
  live.connect();
}

const view = () => state.live?.view;
const me = () => state.live?.me || {};

function send(command) {
  setText($('#message'), '');
  return state.live.send(command).catch((err) => {
    setText($('#message'), failureText(err));
    throw err;
  });
}
const quietly = (p) => p.catch(() => {});

// ---- rendering ----------------------------------------------------------------------------

function update() {
  const v = view();
  if (!v) return;
  if (state.live.audience !== 'CONSOLE') {
    setText($('#message'), t('console.notConsole'));
    return;
  }
  const h = v.header;
  setText($('#title'), h.title);
  setText($('#subtitle'), `${h.organisation?.name || ''} · ${h.venue || ''}`);
  document.title = `${h.title} — ${t('console.title')}`;
  setText($('#phase'), t(`phase.${h.phase}`));
  $('#publish').hidden = h.phase !== 'DRAFT';
  $('#start-meeting').hidden = h.phase !== 'PUBLISHED';
  $('#close-meeting').hidden = h.phase !== 'IN_PROGRESS';
  setText($('#warnings'), (v.warnings || []).map((w) => t(`warning.${w}`)).join(' · '));

  const names = new Map([...(v.roster?.members || []), ...(v.roster?.guests || [])].map((m) => [m.id, m.name]));
  const cur = v.agenda.currentItemId;

  // run: agenda
  const ra = $('#run-agenda');
  ra.agenda = v.agenda;
  ra.controls = h.phase === 'IN_PROGRESS';
  ra.presentable = h.phase === 'IN_PROGRESS';
  ra.presentation = v.presentation || null;
  ra.update();

  // run: the page on the room's screen
  const bar = $('presenter-bar');
  bar.presentation = v.presentation || null;
  bar.url = v.presentation ? documentUrl(state.meetingId, v.presentation.documentId) : null;
  bar.update();
  $('#prev-item').disabled = h.phase !== 'IN_PROGRESS';
  $('#next-item').disabled = h.phase !== 'IN_PROGRESS';

  // run: speakers
  const q = $('#queue');
  q.queue = v.queue;
  q.controls = true;
  q.update();
  const speaking = !!v.queue?.current;
  $('#timer-start').disabled = !speaking || !!v.queue.current.runningSince;
  $('#timer-stop').disabled = !speaking || !v.queue.current.runningSince;
  $('#extend').disabled = !speaking;
  $('#finish').disabled = !speaking;
  const present = (v.roster?.members || []).filter((m) => m.presence === 'PRESENT');
  fillSelect($('#behalf'), present.map((m) => [m.id, m.name]));
  fillSelect($('#remark-speaker'), (v.roster?.members || []).map((m) => [m.id, m.name]), v.queue?.current?.personId);

  // run: the record of the current item
  const remarks = (v.remarks || []).filter((r) => r.itemId === cur);
  render($('#remarks'), remarks.map((r) => html`<li><strong>${r.speaker}:</strong> ${r.text}</li>`));
  const conclusion = v.conclusions?.[cur];
  const area = $('#conclusion-text');
  if (document.activeElement !== area && area.dataset.item !== cur) {
    area.dataset.item = cur || '';
    area.value = conclusion || '';
  }
  $('#record-remark').disabled = !cur;
  $('#record-conclusion').disabled = !cur;

  // run: attendance
  const att = $('#attendance');
  att.figures = v.figures;
  att.roster = v.roster;
  att.controls = h.phase === 'IN_PROGRESS';
  att.update();

  // polls
  renderPolls(v, names);
  renderCandidates(v);

  // prepare
  renderRoster(v);
  const pa = $('#prep-agenda');
  pa.agenda = v.agenda;
  pa.update();
  const items = v.agenda.items.map((i) => [i.id, `${i.number}. ${i.title}`]);
  fillSelect($('#item-parent'), [['', t('console.topLevel')], ...v.agenda.items.filter((i) => !i.parentId).map((i) => [i.id, `${i.number}. ${i.title}`])]);
  fillSelect($('#doc-item'), items);
  fillSelect($('#pair-member'), (v.roster?.members || []).map((m) => [m.id, m.name]));
}

function fillSelect(select, options, preferred) {
  if (!select) return;
  const key = JSON.stringify(options);
  if (select.dataset.key === key) return;
  const keep = select.value || preferred;
  select.dataset.key = key;
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
  if (keep && options.some(([v]) => v === keep)) select.value = keep;
}

function fillStaticSelects() {
  const kind = $('#poll-kind');
  const k = kind.value;
  kind.dataset.key = '';
  fillSelect(kind, KINDS.map((x) => [x, t(`poll.kind.${x}`)]));
  if (k) kind.value = k;
  const mode = $('#poll-mode');
  mode.dataset.key = '';
  fillSelect(mode, [['', t('poll.mode.default')], ...MODES.map((x) => [x, t(`poll.mode.${x}`)])]);
  for (const [sel, list, prefix] of [['#member-membership', ['OFFICIAL', 'PROBATIONARY'], 'membership'], ['#member-standing', ['ACTIVE', 'EXEMPT', 'ATTACHED_ELSEWHERE', 'SUSPENDED'], 'standing'], ['#doc-class', CLASSES, 'class']]) {
    $(sel).dataset.key = '';
    fillSelect($(sel), list.map((x) => [x, t(`${prefix}.${x}`)]));
  }
  render($('#poll-forms'), FORMS.map((f) => html`<label class="check"><input type="checkbox" name="form" value="${f}" checked> ${t(`poll.form.${f}`)}</label>`));
  pollFormShape();
}

function pollFormShape() {
  const kind = $('#poll-kind').value;
  $('#candidates-field').hidden = kind !== 'ELECTION';
  $('#seats-field').hidden = kind !== 'ELECTION';
  $('#forms-field').hidden = kind !== 'DISCIPLINE';
}

function renderCandidates(v) {
  const officials = (v.roster?.members || []).filter((m) => m.membership === 'OFFICIAL');
  const box = $('#poll-candidates');
  const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
  const key = JSON.stringify(officials.map((m) => m.id));
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  render(box, officials.map((m) => html`<label class="check"><input type="checkbox" name="candidate" value="${m.id}" data-name="${m.name}" ${checked.has(m.id) ? 'checked' : ''}> ${m.name}</label>`));
}

function renderPolls(v, names) {
  const list = $('#poll-list');
  const polls = [...(v.polls || [])].reverse();
  if (list.childElementCount !== polls.length || [...list.children].some((c, i) => c.poll?.id !== polls[i].id)) {
    list.replaceChildren(...polls.map(() => document.createElement('poll-card')));
  }
  [...list.children].forEach((card, i) => {
    card.poll = polls[i];
    card.controls = true;
    card.names = names;
    card.update();
  });
}

function renderRoster(v) {
  const members = v.roster?.members || [];
  render($('#roster-table'), html`<thead><tr><th>${t('console.memberId')}</th><th>${t('console.name')}</th><th>${t('console.membership')}</th><th>${t('console.standing')}</th><th></th></tr></thead>
    <tbody>${members.map((m) => html`<tr><td>${m.id}</td><td>${m.name}</td>
      <td><select data-standing-of="${m.id}" data-field="membership" aria-label="${t('console.membership')}: ${m.name}">${['OFFICIAL', 'PROBATIONARY'].map((x) => html`<option value="${x}" ${m.membership === x ? 'selected' : ''}>${t(`membership.${x}`)}</option>`)}</select></td>
      <td><select data-standing-of="${m.id}" data-field="standing" aria-label="${t('console.standing')}: ${m.name}">${['ACTIVE', 'EXEMPT', 'ATTACHED_ELSEWHERE', 'SUSPENDED'].map((x) => html`<option value="${x}" ${m.standing === x ? 'selected' : ''}>${t(`standing.${x}`)}</option>`)}</select></td>
      <td><button class="small" data-remove-member="${m.id}" aria-label="${t('common.remove')}: ${m.name}">${t('common.remove')}</button></td></tr>`)}</tbody>`);
}

function renderDevices() {
  render($('#devices'), state.devices.length === 0 ? html`<tbody><tr><td>${t('console.noDevices')}</td></tr></tbody>` : html`
    <thead><tr><th>${t('console.name')}</th><th>${t('console.tab.devices')}</th><th></th></tr></thead>
    <tbody>${state.devices.map((d) => html`<tr><td>${d.name}</td><td>${t(`console.device.${d.audience}`)}</td><td>${t('console.since', { time: time(d.since, view()?.header.zone) })}</td></tr>`)}</tbody>`);
}

function rerender() {
  document.querySelectorAll('agenda-list, speaker-queue, attendance-board, poll-card, sign-in').forEach((el) => el.update?.());
  for (const el of document.querySelectorAll('[data-key]')) el.dataset.key = '';
  fillStaticSelects();
  update();
  renderDevices();
}

// ---- intents → commands -------------------------------------------------------------------

function wire() {
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener('click', () => {
      state.tab = tab.dataset.tab;
      for (const other of document.querySelectorAll('[role="tab"]')) other.setAttribute('aria-selected', String(other === tab));
      for (const panel of document.querySelectorAll('[role="tabpanel"]')) panel.hidden = panel.id !== `tab-${state.tab}`;
      if (state.tab === 'devices') state.live?.askConnections();
    });
  }
  $('#publish').addEventListener('click', () => quietly(send({ type: 'PublishMeeting' })));
  $('#start-meeting').addEventListener('click', () => quietly(send({ type: 'StartMeeting' })));
  $('#close-meeting').addEventListener('click', () => {
    if (confirm(t('console.closeConfirm'))) quietly(send({ type: 'CloseMeeting' }));
  });
  $('#prev-item').addEventListener('click', () => quietly(send({ type: 'PreviousItem' })));
  $('#next-item').addEventListener('click', () => quietly(send({ type: 'NextItem' })));
  document.addEventListener('start-item', (e) => quietly(send({ type: 'StartItem', itemId: e.detail.itemId })));
  document.addEventListener('present-document', (e) => quietly(send({ type: 'PresentDocument', documentId: e.detail.documentId, page: 1 })));
  document.addEventListener('present-page', (e) => {
    send({ type: 'PresentDocument', documentId: e.detail.documentId, page: e.detail.page }).catch(() => {
      const bar = $('presenter-bar');
      bar.wanted = null;
      bar.update();
    });
  });
  document.addEventListener('stop-presenting', () => quietly(send({ type: 'StopPresenting' })));
  // a presenter's clicker sends Page Down / Page Up: they turn the room's page unless a field has the keys
  document.addEventListener('keydown', (e) => {
    if (!view()?.presentation || e.target.closest('input, textarea, select, [contenteditable]')) return;
    const step = { PageDown: 1, PageUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    $('presenter-bar').turn(step);
  });
  document.addEventListener('grant-floor', (e) => quietly(send({ type: 'GrantFloor', personId: e.detail.personId })));
  document.addEventListener('skip-speaker', (e) => quietly(send({ type: 'SkipSpeaker', personId: e.detail.personId })));
  document.addEventListener('move-speaker', (e) => quietly(send({ type: 'MoveSpeaker', personId: e.detail.personId, newIndex: e.detail.newIndex })));
  $('#timer-start').addEventListener('click', () => quietly(send({ type: 'StartTimer' })));
  $('#timer-stop').addEventListener('click', () => quietly(send({ type: 'StopTimer' })));
  $('#extend').addEventListener('click', () => quietly(send({ type: 'ExtendTime', seconds: 60 })));
  $('#finish').addEventListener('click', () => quietly(send({ type: 'FinishSpeech' })));
  $('#add-speaker').addEventListener('click', () => {
    const personId = $('#behalf').value;
    if (personId) quietly(send({ type: 'RequestFloor', personId, pointOfOrder: false }));
  });
  $('#record-remark').addEventListener('click', () => {
    const text = $('#remark-text').value.trim();
    const itemId = view().agenda.currentItemId;
    if (!text || !itemId) return;
    send({ type: 'RecordRemark', remarkId: newId(), itemId, speakerId: $('#remark-speaker').value, text })
      .then(() => { $('#remark-text').value = ''; }, () => {});
  });
  $('#record-conclusion').addEventListener('click', () => {
    const text = $('#conclusion-text').value.trim();
    const itemId = view().agenda.currentItemId;
    if (text && itemId) quietly(send({ type: 'RecordConclusion', itemId, text }));
  });
  document.addEventListener('check-in', (e) => quietly(send({ type: 'CheckIn', personId: e.detail.personId })));
  document.addEventListener('check-out', (e) => quietly(send({ type: 'CheckOut', personId: e.detail.personId })));
  document.addEventListener('mark-absent', (e) => quietly(send({ type: 'MarkAbsent', memberId: e.detail.memberId, reason: e.detail.reason })));

  // polls
  $('#poll-kind').addEventListener('change', pollFormShape);
  $('#poll-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const kind = $('#poll-kind').value;
    const candidates = kind === 'ELECTION' ? [...document.querySelectorAll('#poll-candidates input:checked')].map((i) => ({ id: i.value, name: i.dataset.name })) : [];
    const forms = kind === 'DISCIPLINE' ? [...document.querySelectorAll('#poll-forms input:checked')].map((i) => i.value) : [];
    const command = {
      type: 'CreatePoll',
      pollId: `p-${newId().slice(0, 8)}`,
      itemId: view().agenda.currentItemId,
      question: $('#poll-question').value.trim(),
      kind,
      mode: $('#poll-mode').value || null,
      candidates,
      seats: kind === 'ELECTION' ? Number($('#poll-seats').value) : 0,
      forms,
      changeAllowed: $('#poll-change').checked,
    };
    send(command).then(() => { $('#poll-question').value = ''; setText($('#message'), ''); }, () => {});
  });
  document.addEventListener('open-poll', (e) => quietly(send({ type: 'OpenPoll', pollId: e.detail.pollId })));
  document.addEventListener('close-poll', (e) => quietly(send({ type: 'ClosePoll', pollId: e.detail.pollId })));
  document.addEventListener('show-result', (e) => quietly(send({ type: 'ShowResult', pollId: e.detail.pollId })));

  // prepare
  $('#export-csv').addEventListener('click', async () => {
    try {
      const blob = await api(`/api/meetings/${encodeURIComponent(state.meetingId)}/roster.csv`, { as: 'blob' });
      saveBlob(blob, `roster-${state.meetingId}.csv`);
    } catch (err) {
      setText($('#message'), failureText(err));
    }
  });
  $('#import-csv').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    const out = $('#csv-result');
    try {
      await api(`/api/meetings/${encodeURIComponent(state.meetingId)}/roster.csv`, { method: 'POST', body: file, type: 'text/csv' });
      render(out, html`<p class="notice">${t('console.imported')}</p>`);
    } catch (err) {
      const rows = err.body?.rows || [];
      render(out, html`<div class="error"><p>${failureText(err)}</p>${rows.length ? html`<ul>${rows.map((r) => html`<li>${t('console.csvLine', { line: r.line, message: r.message })}</li>`)}</ul>` : ''}</div>`);
    }
    e.target.value = '';
  });
  $('#member-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const member = { id: $('#member-id').value.trim(), name: $('#member-name').value.trim(), membership: $('#member-membership').value, standing: $('#member-standing').value };
    send({ type: 'RegisterMember', member }).then(() => { $('#member-id').value = ''; $('#member-name').value = ''; }, () => {});
  });
  $('#roster-table').addEventListener('change', (e) => {
    const sel = e.target.closest('select[data-standing-of]');
    if (!sel) return;
    const id = sel.dataset.standingOf;
    const row = sel.closest('tr');
    quietly(send({ type: 'ChangeStanding', memberId: id, membership: row.querySelector('[data-field="membership"]').value, standing: row.querySelector('[data-field="standing"]').value }));
  });
  $('#roster-table').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-remove-member]');
    if (b) quietly(send({ type: 'RemoveMember', memberId: b.dataset.removeMember }));
  });
  $('#apply-template').addEventListener('click', () => quietly(send({ type: 'ApplyTemplate', template: 'REGULAR_CELL_MEETING', idPrefix: `t${newId().slice(0, 4)}` })));
  $('#item-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const command = { type: 'AddAgendaItem', itemId: `i-${newId().slice(0, 8)}`, parentId: $('#item-parent').value || null, title: $('#item-title').value.trim(), plannedMinutes: Number($('#item-minutes').value) };
    send(command).then(() => { $('#item-title').value = ''; }, () => {});
  });
  $('#upload-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = $('#doc-file').files[0];
    if (!file) return;
    const q = new URLSearchParams({ itemId: $('#doc-item').value, title: $('#doc-title').value.trim(), classification: $('#doc-class').value });
    const out = $('#upload-result');
    try {
      const res = await api(`/api/meetings/${encodeURIComponent(state.meetingId)}/documents?${q}`, { method: 'POST', body: file, type: 'application/pdf' });
      render(out, html`<span class="notice">${t('console.uploaded', { title: res.document?.title || $('#doc-title').value })}</span>`);
      e.target.reset();
    } catch (err) {
      render(out, html`<span class="error">${failureText(err)}</span>`);
    }
  });

  // devices
  const issue = async (body, who) => {
    try {
      const res = await api(`/api/meetings/${encodeURIComponent(state.meetingId)}/pairing-codes`, { method: 'POST', body });
      render($('#pair-code'), html`<div class="code" data-code="${res.code}">${res.code}</div><p>${t('console.codeFor', { who, time: time(res.expiresAt, view()?.header.zone) })}</p>`);
    } catch (err) {
      render($('#pair-code'), html`<p class="error">${failureText(err)}</p>`);
    }
  };
  $('#pair-seat').addEventListener('click', () => {
    const sel = $('#pair-member');
    issue({ memberId: sel.value }, sel.selectedOptions[0]?.textContent || sel.value);
  });
  $('#pair-display').addEventListener('click', () => issue({ display: true }, t('console.display')));
  $('#refresh-devices').addEventListener('click', () => state.live?.askConnections());
}

main();
