/**
 * <ballot-sheet>: the full-screen ballot of the open poll. Its selection is its own state: a live
 * update (someone else voted, someone checked in) changes only the "N/M" line and never resets a
 * ballot being filled in. Asks for confirmation before sending; then says "recorded", and for a
 * secret poll shows nothing that would reveal the choice. Intents: "cast-vote" {pollId, choice},
 * "minimise-ballot", "check-in" (a late delegate checks in from the ballot itself).
 *
 * Properties set by the app: poll, ballot ({pending, voted, choice} or null), present, mayVote.
 */
import { t } from '../../shared/i18n.js';
import { html, render, setText } from '../../shared/dom.js';

export class BallotSheet extends HTMLElement {
  constructor() {
    super();
    this.poll = null;
    this.ballot = null;
    this.present = false;
    this.mayVote = false;
    this.pollId = null;
    this.selection = null;
    this.stage = 'choose';
    this.message = '';
    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('change', (e) => this.onChange(e));
  }

  connectedCallback() {
    this.setAttribute('role', 'dialog');
    this.setAttribute('aria-modal', 'true');
    this.setAttribute('aria-labelledby', 'ballot-question');
    this.update();
  }

  /** Clears whatever was chosen: after a secret ballot is sent, nothing of the choice stays here. */
  forget() {
    this.selection = this.poll ? this.empty(this.poll) : null;
  }

  empty(poll) {
    if (poll.kind === 'ELECTION') return new Set();
    return null;
  }

  onChange(e) {
    const input = e.target;
    if (input.name === 'candidate') {
      const set = new Set(this.selection || []);
      if (input.checked) set.add(input.value); else set.delete(input.value);
      if (set.size > this.poll.seats) {
        input.checked = false;
        set.delete(input.value);
      }
      this.selection = set;
      this.message = '';
      this.update();
    }
  }

  onClick(e) {
    const b = e.target.closest('button[data-action]');
    if (!b) return;
    const a = b.dataset.action;
    if (a === 'pick') {
      this.selection = b.dataset.value;
      this.message = '';
      this.update();
    } else if (a === 'review') {
      if (this.poll.kind !== 'ELECTION' && this.selection === null) {
        this.message = t('ballot.nothingChosen');
        this.update();
        return;
      }
      this.stage = 'confirm';
      this.update();
      this.querySelector('[data-action="send"]')?.focus();
    } else if (a === 'back') {
      this.stage = 'choose';
      this.update();
    } else if (a === 'send') {
      const choice = this.choice();
      this.stage = 'choose';
      if (this.poll.mode === 'SECRET') this.forget();
      this.dispatchEvent(new CustomEvent('cast-vote', { bubbles: true, detail: { pollId: this.poll.id, choice } }));
    } else if (a === 'change') {
      this.stage = 'choose';
      this.changing = true;
      this.update();
    } else if (a === 'check-in') {
      this.dispatchEvent(new CustomEvent('check-in', { bubbles: true }));
    } else if (a === 'minimise') {
      this.dispatchEvent(new CustomEvent('minimise-ballot', { bubbles: true }));
    }
  }

  choice() {
    const p = this.poll;
    if (p.kind === 'ELECTION') return { type: 'Election', approved: [...(this.selection || [])] };
    if (p.kind === 'DISCIPLINE') return { type: 'Discipline', form: this.selection === 'NONE' ? null : this.selection };
    return { type: 'Motion', answer: this.selection };
  }

  label(poll, value) {
    if (poll.kind === 'ELECTION') {
      const names = poll.candidates.filter((c) => value.has(c.id)).map((c) => c.name);
      return names.length ? names.join(', ') : t('ballot.noneApproved');
    }
    if (poll.kind === 'DISCIPLINE') return t(`poll.form.${value}`);
    return t(`poll.answer.${value}`);
  }

  ownChoiceLabel() {
    const c = this.ballot?.choice;
    if (!c || this.poll.mode === 'SECRET') return '';
    if (c.type === 'Election') return this.label(this.poll, new Set(c.approved));
    if (c.type === 'Discipline') return this.label(this.poll, c.form || 'NONE');
    return this.label(this.poll, c.answer);
  }

  update() {
    const p = this.poll;
    if (!p) {
      render(this, '');
      return;
    }
    if (p.id !== this.pollId) {
      this.pollId = p.id;
      this.selection = this.empty(p);
      this.stage = 'choose';
      this.changing = false;
      this.message = '';
    }
    const voted = this.ballot?.voted && !this.changing;
    const pending = this.ballot?.pending;
    let body;
    if (!this.present || !this.mayVote) {
      body = html`<p class="big-note">${this.mayVote ? t('ballot.mustCheckIn') : t('tablet.probationary')}</p>
        ${this.mayVote && this.canCheckIn ? html`<div class="row"><button class="big primary" data-action="check-in">${t('checkin.do')}</button></div>` : ''}`;
    } else if (pending) {
      body = html`<p class="big-note">${t('ballot.sending')}</p><p class="muted">${t('ballot.waitingNet')}</p>`;
    } else if (voted) {
      const own = this.ownChoiceLabel();
      body = html`<div class="recorded" role="status">
        <span class="tick" aria-hidden="true">✔</span>
        <p class="big-note">${t('ballot.recorded')}</p>
        ${own ? html`<p>${t('ballot.yourChoice', { choice: own })}</p>` : ''}
        ${p.mode === 'SECRET' ? html`<p class="muted">${t('poll.secretNote')}</p>` : ''}
        ${p.changeAllowed && p.mode !== 'SECRET' ? html`<button class="big" data-action="change">${t('ballot.change')}</button>` : ''}
      </div>`;
    } else if (this.stage === 'confirm') {
      body = html`<div class="confirm">
        <h3>${t('ballot.confirmTitle')}</h3>
        <p class="big-note">${t('ballot.confirmText', { choice: this.label(p, p.kind === 'ELECTION' ? this.selection : this.selection) })}</p>
        ${p.mode === 'SECRET' ? html`<p class="muted">${t('ballot.confirmSecret')}</p>` : ''}
        <div class="row"><button class="big" data-action="back">${t('ballot.back')}</button>
        <button class="big primary" data-action="send">${t('ballot.send')}</button></div></div>`;
    } else {
      body = html`${this.options(p)}
        <p class="error" role="alert">${this.message}</p>
        <div class="row"><button class="big primary" data-action="review">${t('ballot.send')}</button></div>`;
    }
    render(this, html`<div class="sheet">
      <div class="top">
        <span class="tag">${t(`poll.kind.${p.kind}`)}</span>
        <span class="tag ${p.mode === 'SECRET' ? 'secret' : ''}">${t(`poll.mode.${p.mode}`)}</span>
        <span class="spacer"></span>
        <button class="small quiet" data-action="minimise">${t('ballot.hide')}</button>
      </div>
      <h2 id="ballot-question" class="question">${p.question}</h2>
      <div class="body">${body}</div>
      <p class="count tabular" aria-live="off"></p>
    </div>`);
    this.updateCount();
  }

  /** Only the count changes on a live vote elsewhere. */
  updateCount() {
    const p = this.poll;
    if (p) setText(this.querySelector('.count'), t('poll.voted', { n: p.votedCount ?? 0, m: p.eligibleCount ?? 0 }));
  }

  options(p) {
    if (p.kind === 'ELECTION') {
      return html`<fieldset class="candidates"><legend>${t('poll.chooseUpTo', { n: p.seats })}</legend>
        ${p.candidates.map((c) => html`<label class="option check"><input type="checkbox" name="candidate" value="${c.id}" ${this.selection?.has(c.id) ? 'checked' : ''}><span>${c.name}</span></label>`)}
      </fieldset>`;
    }
    const values = p.kind === 'DISCIPLINE' ? [...p.forms, 'NONE'] : ['FOR', 'AGAINST', 'ABSTAIN'];
    return html`<div class="choices" role="radiogroup" aria-labelledby="ballot-question">
      ${values.map((v) => html`<button class="option choice-${v.toLowerCase()}" role="radio" aria-checked="${this.selection === v ? 'true' : 'false'}" data-action="pick" data-value="${v}">${this.label(p, v)}</button>`)}
    </div>`;
  }
}

customElements.define('ballot-sheet', BallotSheet);
