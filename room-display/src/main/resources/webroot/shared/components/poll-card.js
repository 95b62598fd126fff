/**
 * <poll-card>: one poll as the console or a reader sees it: what it decides, how, its state, how
 * many have voted (never who chose what), and its result once there is one. With controls:
 * "open-poll", "close-poll", "show-result" {pollId}.
 */
import { t } from '../i18n.js';
import { html, render } from '../dom.js';
import './poll-result.js';

export class PollCard extends HTMLElement {
  constructor() {
    super();
    this.poll = null;
    this.controls = false;
    this.names = null;
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action]');
      if (b) this.dispatchEvent(new CustomEvent(b.dataset.action, { bubbles: true, detail: { pollId: this.poll.id } }));
    });
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const p = this.poll;
    if (!p) return;
    const open = p.status === 'OPEN';
    const tally = p.tally && !p.result ? p.tally : null;
    render(this, html`
      <div class="head">
        <span class="tag">${t(`poll.kind.${p.kind}`)}</span>
        <span class="tag ${p.mode === 'SECRET' ? 'secret' : ''}">${t(`poll.mode.${p.mode}`)}</span>
        <span class="tag status-${p.status.toLowerCase()}">${t(`poll.status.${p.status}`)}</span>
        ${p.shown ? html`<span class="tag ok">${t('console.shown')}</span>` : ''}
      </div>
      <p class="question">${p.question}</p>
      ${p.kind === 'ELECTION' ? html`<p class="muted">${t('poll.seats', { n: p.seats })}: ${p.candidates.map((c) => c.name).join(', ')}</p>` : ''}
      ${open || p.status === 'CLOSED' ? html`<p class="voted tabular">${t('poll.voted', { n: p.votedCount ?? 0, m: p.eligibleCount ?? p.votedCount ?? 0 })}</p>` : ''}
      ${this.controls && open && p.voters && this.names ? html`<p class="muted">${t('console.voters', { names: p.voters.map((v) => this.names.get(v) || v).join(', ') || '—' })}</p>` : ''}
      ${tally ? html`<p class="muted tabular">${t('console.tally')}: ${Object.entries(tally.counts).map(([k, n]) => `${t(`poll.answer.${k}`)} ${n}`).join(' · ')}</p>` : ''}
      ${p.result ? html`<poll-result></poll-result>` : ''}
      ${this.controls ? html`<div class="row actions">
        ${p.status === 'DRAFT' ? html`<button class="primary" data-action="open-poll">${t('console.openPoll')}</button>` : ''}
        ${open ? html`<button class="primary" data-action="close-poll">${t('console.closePoll')}</button>` : ''}
        ${p.status === 'CLOSED' && !p.shown ? html`<button class="primary" data-action="show-result">${t('console.showResult')}</button>` : ''}
      </div>` : ''}`);
    const result = this.querySelector('poll-result');
    if (result) {
      result.poll = p;
      result.update();
    }
  }
}

customElements.define('poll-card', PollCard);
