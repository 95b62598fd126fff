/**
 * <speaker-queue>: who speaks now (with the countdown) and who waits, points of order first as the
 * server orders them. With controls (the console): "grant-floor", "skip-speaker", "move-speaker"
 * {personId, newIndex}. The viewer's own row is marked.
 */
import { t } from '../i18n.js';
import { html, render } from '../dom.js';
import './countdown-timer.js';

export class SpeakerQueue extends HTMLElement {
  constructor() {
    super();
    this.queue = null;
    this.personId = null;
    this.controls = false;
    this.limit = 0;
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action]');
      if (!b) return;
      const detail = { personId: b.dataset.person };
      if (b.dataset.index !== undefined) detail.newIndex = Number(b.dataset.index);
      this.dispatchEvent(new CustomEvent(b.dataset.action, { bubbles: true, detail }));
    });
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const q = this.queue;
    if (!q || !q.itemId) {
      render(this, html`<p class="muted">${t('floor.noItem')}</p>`);
      this.timer = null;
      return;
    }
    const waiting = q.waiting || [];
    const cur = q.current;
    const changed = render(this, html`
      <div class="now ${cur && cur.personId === this.personId ? 'mine' : ''}">
        <div class="who">
          <div class="label">${t('floor.current')}</div>
          <div class="name">${cur ? cur.name : t('floor.nobody')}</div>
        </div>
        <countdown-timer></countdown-timer>
      </div>
      <h3 class="next-title">${t('floor.next')}</h3>
      ${waiting.length === 0 ? html`<p class="muted empty">${t('floor.queueEmpty')}</p>` : html`
      <ol class="waiting">${waiting.map((w, i) => html`
        <li class="${w.personId === this.personId ? 'mine' : ''}">
          <span class="place tabular">${i + 1}</span>
          <span class="name">${w.name}</span>
          ${w.pointOfOrder ? html`<span class="tag warn">${t('floor.por')}</span>` : ''}
          ${this.controls ? html`<span class="actions">
            <button class="small primary" data-action="grant-floor" data-person="${w.personId}">${t('console.grant')}</button>
            <button class="small" data-action="move-speaker" data-person="${w.personId}" data-index="${i - 1}" ${i === 0 ? 'disabled' : ''} aria-label="${t('console.up')}: ${w.name}">▲</button>
            <button class="small" data-action="move-speaker" data-person="${w.personId}" data-index="${i + 1}" ${i === waiting.length - 1 ? 'disabled' : ''} aria-label="${t('console.down')}: ${w.name}">▼</button>
            <button class="small" data-action="skip-speaker" data-person="${w.personId}">${t('console.skip')}</button>
          </span>` : ''}
        </li>`)}</ol>`}`);
    const timer = this.querySelector('countdown-timer');
    if (timer) {
      timer.speech = cur || null;
      timer.update();
    }
    return changed;
  }
}

customElements.define('speaker-queue', SpeakerQueue);
