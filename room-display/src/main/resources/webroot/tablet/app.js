/**
 * The delegate's tablet: join by pairing code or account, check in, follow the agenda and read its
 * documents, ask for the floor, vote. State flows down into the components; their intents come
 * back up here and become commands through the one live module.
 */
import { t, applyI18n, toggleLang, loadServerMessages, failureText } from '../shared/i18n.js';
import { session, meetings, logout, documentUrl } from '../shared/api.js';
import { LiveMeeting } from '../shared/live.js';
import { html, render, setText, newId } from '../shared/dom.js';
import '../shared/components/sign-in.js';
import '../shared/components/connection-badge.js';
import '../shared/components/agenda-list.js';
import '../shared/components/speaker-queue.js';
import '../shared/components/pdf-viewer.js';
import '../shared/components/poll-card.js';
import './components/ballot-sheet.js';

const $ = (sel) => document.querySelector(sel);

const state = {
  meetingId: null,
  live: null,
  selectedItemId: null,
  openDocument: null,
  follow: true,
  ballots: {},
  ballotHidden: false,
  // private notes live only in this page's memory: the server keeps none yet, and the device must keep none
  notes: new Map(),
};

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', () => { update(); rerenderAll(); });
  $('#sign-out').addEventListener('click', signOut);
  document.addEventListener('signed-in', () => start());
  wireMeetingView();
  start();
}

async function start() {
  const s = session.get();
  if (!s) {
    show('#signin-view');
    return;
  }
  $('#sign-out').hidden = false;
  if (s.device) {
    join(s.device.meetingId);
    return;
  }
  if (s.meetingId) {
    join(s.meetingId);
    return;
  }
  try {
    const list = (await meetings()).filter((m) => m.phase !== 'ARCHIVED');
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
    if (err.status === 401) {
      session.clear();
      start();
    }
  }
}

function show(id) {
  for (const v of ['#signin-view', '#choose-view', '#meeting-view']) $(v).hidden = v !== id;
}

async function signOut() {
  if (state.live) state.live.close();
  state.live = null;
  state.notes.clear();
  await logout();
  location.reload();
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
  live.addEventListener('denied', () => {
    session.clear();
    live.close();
    location.reload();
  });
  live.addEventListener('snapshot', (e) => {
    // what the server says this person has done wins over what this page remembers
    for (const [pollId, b] of Object.entries(e.detail.me.ballots || {})) state.ballots[pollId] = { voted: true, choice: b.choice || null };
  });
  live.addEventListener('change', (e) => onChange(e.detail));
  live.connect();
}

// ---- derived state -----------------------------------------------------------------------

function view() {
  return state.live?.view;
}

function me() {
  return state.live?.me || {};
}

function myRow() {
  return view()?.roster?.members?.find((m) => m.id === me().personId)
    || view()?.roster?.guests?.find((g) => g.id === me().personId);
}

function present() {
  return myRow()?.presence === 'PRESENT';
}

function openPoll() {
  return (view()?.polls || []).find((p) => p.status === 'OPEN') || null;
}

function item(id) {
  return view()?.agenda?.items?.find((i) => i.id === id) || null;
}

// ---- live changes -------------------------------------------------------------------------

function onChange({ slices, event }) {
  const v = view();
  if (!v) return;
  if (slices.includes('agenda') && state.follow) followCurrentItem();
  if (event && event.type === 'PresenterPageShown') followPresenterPage(event);
  update();
}

/** With "follow the presenter" on, the tablet shows the current item and opens its first document. */
function followCurrentItem() {
  const cur = view().agenda.currentItemId;
  if (!cur) return;
  state.selectedItemId = cur;
  const doc = item(cur)?.documents?.[0];
  if (doc && state.openDocument?.id !== doc.id) openDocument(cur, doc.id, 1);
}

/**
 * The page-sync hook: the live protocol has no message for the presenter's page yet. When it
 * has one (proposed: an event "PresenterPageShown" {documentId, page}), a following tablet turns
 * to that page here.
 */
function followPresenterPage({ documentId, page }) {
  if (!state.follow) return;
  const owner = (view().agenda.items || []).find((i) => i.documents.some((d) => d.id === documentId));
  if (owner) openDocument(owner.id, documentId, page);
}

function openDocument(itemId, documentId, page = 1) {
  const d = item(itemId)?.documents?.find((x) => x.id === documentId);
  if (!d) return;
  state.selectedItemId = itemId;
  state.openDocument = { ...d, itemId, url: documentUrl(state.meetingId, d.id) };
  $('pdf-viewer').open(state.openDocument, page);
  update();
}

// ---- rendering ----------------------------------------------------------------------------

function update() {
  const v = view();
  if (!v) return;
  const m = me();
  setText($('#title'), v.header.title);
  setText($('#subtitle'), `${v.header.organisation?.name || ''} · ${t(`phase.${v.header.phase}`)}`);
  document.title = `${v.header.title} — ${t('app.name')}`;

  // who I am, and checking in
  setText($('#me-name'), m.name || '');
  const isPresent = present();
  const started = v.header.phase === 'IN_PROGRESS';
  $('#check-in').hidden = isPresent || !started;
  setText($('#presence-note'), isPresent ? t('checkin.done') : started ? '' : t('checkin.notStarted'));
  if (m.personId && m.mayVote === false) setText($('#presence-note'), `${$('#presence-note').textContent} ${t('tablet.probationary')}`.trim());

  // the floor
  const q = v.queue;
  const waiting = q?.waiting || [];
  const place = waiting.findIndex((w) => w.personId === m.personId);
  const speaking = q?.current?.personId === m.personId;
  setText($('#floor-place'), speaking ? t('floor.speaking') : place >= 0 ? t('floor.place', { n: place + 1 }) : '');
  const canAsk = isPresent && !!q?.itemId && place < 0 && !speaking;
  $('#ask-floor').hidden = place >= 0;
  $('#point-of-order').hidden = place >= 0;
  $('#ask-floor').disabled = !canAsk;
  $('#point-of-order').disabled = !canAsk;
  $('#withdraw').hidden = place < 0;
  const sq = $('speaker-queue');
  sq.queue = q;
  sq.personId = m.personId;
  sq.update();

  // the agenda
  const al = $('agenda-list');
  al.agenda = v.agenda;
  al.selectedItemId = state.selectedItemId;
  al.openDocumentId = state.openDocument?.id || null;
  al.update();

  // notes for the selected item and the open document
  const noteItem = item(state.selectedItemId || v.agenda.currentItemId);
  $('#item-note').disabled = !noteItem;
  setText($('#item-note-label'), noteItem ? t('notes.forItem', { n: noteItem.number }) : t('notes.title'));
  syncNote($('#item-note'), noteItem ? `item:${noteItem.id}` : null);
  $('#doc-note-box').hidden = !state.openDocument;
  syncNote($('#doc-note'), state.openDocument ? `doc:${state.openDocument.id}` : null);

  // the ballot
  updateBallot();

  // results the chair has shown
  const shown = (v.polls || []).filter((p) => p.status === 'CLOSED' && p.shown).reverse();
  const results = $('#results');
  if (results.childElementCount !== shown.length || [...results.children].some((c, i) => c.poll?.id !== shown[i]?.id)) {
    results.replaceChildren(...shown.map(() => document.createElement('poll-card')));
  }
  [...results.children].forEach((card, i) => { card.poll = shown[i]; card.update(); });
}

function syncNote(area, key) {
  if (area.dataset.key !== (key || '')) {
    area.dataset.key = key || '';
    area.value = key ? state.notes.get(key) || '' : '';
  }
}

function updateBallot() {
  const poll = openPoll();
  const sheet = $('ballot-sheet');
  const m = me();
  const banner = $('#open-poll');
  if (!poll) {
    sheet.hidden = true;
    banner.hidden = true;
    sheet.poll = null;
    sheet.update();
    state.ballotHidden = false;
    return;
  }
  const samePoll = sheet.poll?.id === poll.id;
  sheet.poll = poll;
  sheet.ballot = state.ballots[poll.id] || null;
  sheet.present = present();
  sheet.mayVote = !!m.mayVote;
  sheet.canCheckIn = view().header.phase === 'IN_PROGRESS';
  const mustAct = sheet.present && sheet.mayVote && !sheet.ballot?.voted;
  if (!samePoll) state.ballotHidden = false;
  sheet.hidden = state.ballotHidden;
  banner.hidden = !state.ballotHidden;
  setText($('#open-poll-text'), `${poll.question} — ${t('poll.voted', { n: poll.votedCount ?? 0, m: poll.eligibleCount ?? 0 })}`);
  // the sheet re-renders only when the ballot's own state changed; a vote elsewhere updates the count only
  const key = JSON.stringify([poll.id, sheet.ballot, sheet.present, sheet.mayVote, poll.changeAllowed]);
  if (sheet.dataset.key !== key) {
    sheet.dataset.key = key;
    sheet.update();
  } else {
    sheet.updateCount();
  }
  if (mustAct && !state.ballotHidden && !sheet.contains(document.activeElement)) sheet.querySelector('button.option, input')?.focus();
}

function rerenderAll() {
  for (const el of document.querySelectorAll('agenda-list, speaker-queue, poll-card, ballot-sheet, sign-in')) el.update?.();
  const sheet = $('ballot-sheet');
  sheet.dataset.key = '';
  update();
}

// ---- intents → commands -------------------------------------------------------------------

function send(command) {
  return state.live.send(command);
}

function wireMeetingView() {
  const checkIn = () => send({ type: 'CheckIn', personId: me().personId }).catch(() => {});
  $('#check-in').addEventListener('click', checkIn);
  document.addEventListener('check-in', checkIn);
  const floorError = (err) => setText($('#floor-error'), failureText(err));
  $('#ask-floor').addEventListener('click', () => {
    setText($('#floor-error'), '');
    send({ type: 'RequestFloor', personId: me().personId, pointOfOrder: false }).catch(floorError);
  });
  $('#point-of-order').addEventListener('click', () => {
    setText($('#floor-error'), '');
    send({ type: 'RequestFloor', personId: me().personId, pointOfOrder: true }).catch(floorError);
  });
  $('#withdraw').addEventListener('click', () => {
    setText($('#floor-error'), '');
    send({ type: 'WithdrawRequest', personId: me().personId }).catch(floorError);
  });
  $('#follow').addEventListener('change', (e) => {
    state.follow = e.target.checked;
    if (state.follow && view()) followCurrentItem();
    update();
  });
  document.addEventListener('open-document', (e) => openDocument(e.detail.itemId, e.detail.documentId));
  document.addEventListener('select-item', (e) => {
    state.selectedItemId = e.detail.itemId;
    const doc = item(e.detail.itemId)?.documents?.[0];
    if (doc) openDocument(e.detail.itemId, doc.id);
    else update();
  });
  for (const id of ['#item-note', '#doc-note']) {
    $(id).addEventListener('input', (e) => {
      if (e.target.dataset.key) state.notes.set(e.target.dataset.key, e.target.value);
    });
  }
  document.addEventListener('cast-vote', (e) => castVote(e.detail));
  document.addEventListener('minimise-ballot', () => {
    state.ballotHidden = true;
    updateBallot();
    $('#show-ballot').focus();
  });
  $('#show-ballot').addEventListener('click', () => {
    state.ballotHidden = false;
    updateBallot();
  });
}

function castVote({ pollId, choice }) {
  const poll = (view().polls || []).find((p) => p.id === pollId);
  const secret = poll?.mode === 'SECRET';
  // a secret ballot's choice is kept nowhere after it leaves: not in this page's state either
  state.ballots[pollId] = { pending: true, voted: state.ballots[pollId]?.voted, choice: secret ? null : choice };
  updateBallot();
  const command = { type: 'CastVote', pollId, voterId: me().personId, choice, ballotId: secret ? newId() : '' };
  send(command).then(() => {
    state.ballots[pollId] = { voted: true, choice: secret ? null : choice };
    $('ballot-sheet').changing = false;
    updateBallot();
  }, (err) => {
    if (err.reason === 'ALREADY_VOTED') {
      state.ballots[pollId] = { voted: true, choice: null };
    } else {
      state.ballots[pollId] = state.ballots[pollId]?.voted ? { voted: true, choice: null } : null;
      const sheet = $('ballot-sheet');
      sheet.message = failureText(err);
    }
    updateBallot();
  });
}

main();
