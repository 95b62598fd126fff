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
import './components/private-notes.js';
import { NoteBook } from './notes.js';

const $ = (sel) => document.querySelector(sel);

const state = {
  meetingId: null,
  live: null,
  selectedItemId: null,
  openDocument: null,
  follow: true,
  ballots: {},
  ballotHidden: false,
  // the private notes, kept on the server for this person only
  book: null,
  wasPresent: false,
};

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', () => { $('private-notes').relabel(); update(); rerenderAll(); });
  window.addEventListener('pagehide', () => state.book?.flushOnLeave());
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
  state.book?.flushOnLeave();
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
  live.addEventListener('connection', (e) => {
    badge.state = e.detail.state;
    badge.update();
    if (e.detail.state === 'online' && !state.book.loaded) state.book.load();
  });
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
  state.book = new NoteBook(meetingId);
  state.book.addEventListener('change', () => updateNotes());
  state.book.load();
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
  if (state.follow) {
    // the page on the screen leads; without one, the item under discussion does
    if (v.presentation && (slices.includes('presentation') || slices.includes('agenda'))) followPresenterPage(v.presentation);
    else if (slices.includes('agenda')) followCurrentItem();
  }
  update();
}

/** Where "follow the presenter" leads when it is switched on: the page on the screen, else the current item. */
function follow() {
  if (view().presentation) followPresenterPage(view().presentation);
  else followCurrentItem();
}

/** With "follow the presenter" on and nothing on the screen, the tablet shows the current item and opens its first document. */
function followCurrentItem() {
  const cur = view().agenda.currentItemId;
  if (!cur) return;
  state.selectedItemId = cur;
  const doc = item(cur)?.documents?.[0];
  if (doc && state.openDocument?.id !== doc.id) openDocument(cur, doc.id, 1);
}

/** A following tablet opens the document the chair presents (the "presentation" slice) and turns with it. */
function followPresenterPage({ itemId, documentId, page }) {
  if (!state.follow) return;
  const owner = item(itemId) || (view().agenda.items || []).find((i) => i.documents.some((d) => d.id === documentId));
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

  // following the presenter, or reading freely
  const p = v.presentation;
  setText($('#follow-status'), p ? (state.follow ? t('doc.presenting', { title: p.title, n: p.page, m: p.pageCount }) : t('doc.freeReading', { n: p.page, m: p.pageCount })) : t('doc.followHelp'));
  $('#follow-status').classList.toggle('on-screen', !!p && state.follow);

  // a classified document refused before checking in opens once the delegate is present
  const viewer = $('pdf-viewer');
  if (isPresent && !state.wasPresent && viewer.failed && state.openDocument) viewer.open(state.openDocument, viewer.page, { reload: true });
  state.wasPresent = isPresent;

  updateNotes();

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

/** The notes on the selected (or current) item and on the open document. */
function updateNotes() {
  const v = view();
  const notes = $('private-notes');
  if (!v || !notes) return;
  const noteItem = item(state.selectedItemId || v.agenda.currentItemId);
  notes.book = state.book;
  notes.zone = v.header.zone;
  notes.slots = {
    item: noteItem ? { target: `item:${noteItem.id}`, label: t('notes.forItem', { n: `${noteItem.number}. ${noteItem.title}` }) } : null,
    doc: state.openDocument ? { target: `doc:${state.openDocument.id}`, label: `${t('notes.forDoc')}: ${state.openDocument.title}` } : null,
  };
  notes.update();
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
    if (state.follow && view()) follow();
    update();
  });
  document.addEventListener('open-document', (e) => openDocument(e.detail.itemId, e.detail.documentId));
  document.addEventListener('select-item', (e) => {
    state.selectedItemId = e.detail.itemId;
    const doc = item(e.detail.itemId)?.documents?.[0];
    if (doc) openDocument(e.detail.itemId, doc.id);
    else update();
  });
  document.addEventListener('edit-note', (e) => state.book?.edit(e.detail.target, e.detail.text));
  document.addEventListener('leave-note', (e) => state.book?.flush(e.detail.target));
  document.addEventListener('retry-note', (e) => state.book?.save(e.detail.target));
  document.addEventListener('reload-notes', () => state.book?.load());
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
