/**
 * <countdown-timer>: the current speaker's remaining time, computed here (docs/protocol.md):
 * remaining = limit + extended − elapsed − (now − runningSince while running); a limit of 0 means
 * no limit. Ticks by itself; the text has a fixed width so the layout never moves.
 */
import { t, clock } from '../i18n.js';
import { serverClock } from '../live.js';
import { html, render, setText } from '../dom.js';

export class CountdownTimer extends HTMLElement {
  constructor() {
    super();
    this.speech = null;
    this.tick = null;
  }

  connectedCallback() {
    render(this, html`<span class="time tabular" aria-hidden="true"></span><span class="state"></span><span class="sr-only" aria-live="off"></span>`);
    this.tick = setInterval(() => this.update(), 250);
    this.update();
  }

  disconnectedCallback() {
    clearInterval(this.tick);
  }

  /** Seconds left (negative when over time), or null when there is no limit or no speaker. */
  remaining() {
    const s = this.speech;
    if (!s || !s.limitSeconds) return null;
    let used = s.elapsedSeconds;
    if (s.runningSince) used += (serverClock.now() - Date.parse(s.runningSince)) / 1000;
    return s.limitSeconds + s.extendedSeconds - used;
  }

  update() {
    const timeEl = this.querySelector('.time');
    if (!timeEl) return;
    const s = this.speech;
    const left = this.remaining();
    let text = '';
    let state = '';
    if (!s) {
      this.dataset.state = 'idle';
    } else if (left === null) {
      let used = s.elapsedSeconds;
      if (s.runningSince) used += (serverClock.now() - Date.parse(s.runningSince)) / 1000;
      text = clock(used);
      state = t('timer.unlimited');
      this.dataset.state = 'unlimited';
    } else if (left < 0) {
      text = `−${clock(Math.ceil(-left))}`;
      state = t('timer.over');
      this.dataset.state = 'over';
    } else {
      text = clock(Math.ceil(left));
      state = s.runningSince ? t('timer.remaining') : t('timer.paused');
      this.dataset.state = s.runningSince ? (left <= 30 ? 'ending' : 'running') : 'paused';
    }
    setText(timeEl, text || '–:––');
    setText(this.querySelector('.state'), state);
    setText(this.querySelector('.sr-only'), `${state} ${text}`);
  }
}

customElements.define('countdown-timer', CountdownTimer);
