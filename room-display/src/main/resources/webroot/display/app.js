/**
 * The room's big screen: read-only. Pairs with a display code, then shows the body and the
 * meeting, the current item, the speaker and the countdown, who speaks next, attendance and the
 * majority base, and during a poll "N/M đã biểu quyết" (never a running tally of a secret poll:
 * the display is never sent one) and the result once the chair shows it. While the chair presents
 * a document, its page fills the left of the screen (PDF.js, fitted whole) and turns with the
 * chair's; an open poll or its result takes the screen over. Only text changes in place: each
 * layout's areas never move.
 */
import { t, applyI18n, toggleLang, loadServerMessages, percent, clock } from '../shared/i18n.js';
import { session, documentUrl } from '../shared/api.js';
import { LiveMeeting, serverClock } from '../shared/live.js';
import { html, render, setText } from '../shared/dom.js';
import '../shared/components/sign-in.js';
import '../shared/components/connection-badge.js';
import '../shared/components/countdown-timer.js';
import '../shared/components/poll-result.js';
import '../shared/components/pdf-viewer.js';

const $ = (sel) => document.querySelector(sel);
let live = null;

async function main() {
  applyI18n(document);
  await loadServerMessages();
  $('#lang').addEventListener('click', () => toggleLang());
  window.addEventListener('langchange', () => { applyI18n(document); $('sign-in')?.update(); update(); });
  document.addEventListener('signed-in', () => start());
  start();
}

function start() {
  const s = session.get();
  if (!s?.device || s.device.kind !== 'DISPLAY') {
    $('#signin-view').hidden = false;
    $('#screen').hidden = true;
    return;
  }
  $('#signin-view').hidden = true;
  $('#screen').hidden = false;
  live = new LiveMeeting({ meetingId: s.device.meetingId, token: s.token });
  const badge = $('connection-badge');
  live.addEventListener('connection', (e) => { badge.state = e.detail.state; badge.update(); });
  live.addEventListener('denied', () => {
    session.clear();
    location.reload();
  });
  live.addEventListener('change', () => update());
  live.connect();
  // the item's spent time moves on by itself
  setInterval(() => updateItemTime(), 1000);
}

function currentItem(v) {
  return v.agenda.items.find((i) => i.id === v.agenda.currentItemId) || null;
}

/** The poll the room should look at: the open one, else a result shown during the current item. */
function pollOnScreen(v) {
  const polls = v.polls || [];
  const open = polls.find((p) => p.status === 'OPEN');
  if (open) return open;
  const item = currentItem(v);
  const since = item?.currentSince ? Date.parse(item.currentSince) : 0;
  const shown = polls.filter((p) => p.status === 'CLOSED' && p.shown && Date.parse(p.closedAt) >= since);
  const last = shown[shown.length - 1];
  if (!last) return null;
  const speech = v.queue?.current;
  if (speech && Date.parse(speech.grantedAt) > Date.parse(last.closedAt)) return null;
  return last;
}

function update() {
  const v = live?.view;
  if (!v) return;
  const h = v.header;
  setText($('#body-name'), h.organisation?.name || '');
  setText($('#meeting-title'), h.title);
  document.title = `${h.title} — ${t('display.title')}`;

  const item = currentItem(v);
  setText($('#item-number'), item ? item.number : '');
  setText($('#item-title'), item ? item.title : (h.phase === 'IN_PROGRESS' ? t('agenda.none') : t('display.waiting')));
  updateItemTime();

  const q = v.queue;
  setText($('#speaker-name'), q?.current ? q.current.name : t('floor.nobody'));
  const timer = $('countdown-timer');
  timer.speech = q?.current || null;
  timer.update();
  const waiting = (q?.waiting || []).slice(0, 5);
  render($('#next-speakers'), waiting.length === 0 ? html`<li class="empty">${t('floor.queueEmpty')}</li>` : waiting.map((w, i) => html`
    <li><span class="n">${i + 1}</span><span>${w.name}</span>${w.pointOfOrder ? html`<span class="por">${t('floor.por')}</span>` : ''}</li>`));

  const f = v.figures;
  setText($('#att-present'), `${f.presentOfExpected}/${f.expected} · ${percent(f.attendanceHundredthsOfPercent)}`);
  setText($('#att-base'), String(f.majorityBase));
  setText($('#att-voters'), String(f.presentVoters));

  const poll = pollOnScreen(v);
  $('#screen').classList.toggle('voting', !!poll);
  updatePresentation(poll ? null : v.presentation);
  $('#poll').hidden = !poll;
  if (poll) {
    setText($('#poll-kind'), t(`poll.kind.${poll.kind}`));
    setText($('#poll-mode'), t(`poll.mode.${poll.mode}`));
    setText($('#poll-status'), t(`poll.status.${poll.status}`));
    setText($('#poll-question'), poll.question);
    setText($('#poll-progress'), poll.result ? '' : t('poll.voted', { n: poll.votedCount ?? 0, m: poll.eligibleCount ?? poll.votedCount ?? 0 }));
    $('#poll-progress').hidden = !!poll.result;
  }
  const result = $('poll-result');
  result.poll = poll && poll.result ? poll : null;
  result.update();
}

/** The presented page, or the meeting view when there is none. */
function updatePresentation(p) {
  const screen = $('#screen');
  const section = $('#presentation');
  screen.classList.toggle('presenting', !!p);
  section.hidden = !p;
  if (!p) return;
  setText($('#presented-title'), p.title);
  render($('#presented-class'), p.classification !== 'UNCLASSIFIED' ? html`<span class="tag secret">${t(`class.${p.classification}`)}</span>` : '');
  setText($('#presented-page'), t('present.page', { n: p.page, m: p.pageCount }));
  // shown first, so PDF.js measures the space it has
  section.querySelector('pdf-viewer').open({
    id: p.documentId, title: p.title, classification: p.classification, pageCount: p.pageCount, url: documentUrl(live.meetingId, p.documentId),
  }, p.page);
}

function updateItemTime() {
  const v = live?.view;
  if (!v) return;
  const item = currentItem(v);
  if (!item) {
    setText($('#item-time'), '');
    return;
  }
  let spent = item.spentSeconds;
  if (item.currentSince) spent += Math.max(0, (serverClock.now() - Date.parse(item.currentSince)) / 1000);
  setText($('#item-time'), `${t('agenda.planned', { n: item.plannedMinutes })}\n${t('agenda.spent', { time: clock(spent) })}`);
}

main();
