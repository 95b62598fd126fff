/**
 * <presenter-bar>: while the chair presents a document, what the room sees: its title, the page
 * with a preview drawn by PDF.js, previous/next and stop. Fed with {presentation (the view's
 * slice), url}; quick clicks add up (the page asked for last counts until the server confirms it).
 * Intents: "present-page" {documentId, page}, "stop-presenting".
 */
import { t } from '../../shared/i18n.js';
import { html, render, setText, intent } from '../../shared/dom.js';
import '../../shared/components/pdf-viewer.js';

export class PresenterBar extends HTMLElement {
  constructor() {
    super();
    this.presentation = null;
    this.url = null;
    this.wanted = null;
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action]');
      if (!b) return;
      if (b.dataset.action === 'prev') this.turn(-1);
      if (b.dataset.action === 'next') this.turn(1);
      if (b.dataset.action === 'stop') intent(this, 'stop-presenting');
    });
  }

  connectedCallback() {
    this.update();
  }

  /** Asks for the page {@code delta} pages on from the one last asked for. */
  turn(delta) {
    const p = this.presentation;
    if (!p) return;
    const from = this.wanted ?? p.page;
    const page = Math.min(Math.max(1, from + delta), p.pageCount);
    if (page === from) return;
    this.wanted = page;
    this.update();
    intent(this, 'present-page', { documentId: p.documentId, page });
  }

  skeleton() {
    render(this, html`<section class="card presenting" aria-labelledby="presenting-title">
      <div class="row head">
        <h2 id="presenting-title" class="grow">${t('present.title')}</h2>
        <button class="small stop" data-action="stop">${t('present.stop')}</button>
      </div>
      <p class="doc"><strong class="title"></strong> <span class="class-tag"></span></p>
      <div class="row turn">
        <button data-action="prev" aria-label="${t('doc.prev')}">◀</button>
        <span class="page tabular" aria-live="polite"></span>
        <button data-action="next" class="primary" aria-label="${t('doc.next')}">▶</button>
      </div>
      <pdf-viewer bare fit="page"></pdf-viewer>
      <p class="muted help">${t('present.help')}</p>
    </section>`);
  }

  relabel() {
    this.__rendered = null;
    this.skeleton();
    this.update();
  }

  update() {
    const p = this.presentation;
    this.hidden = !p;
    if (!p) {
      this.wanted = null;
      return;
    }
    if (!this.querySelector('.presenting')) this.skeleton();
    if (this.wanted === p.page || (this.wanted && this.wanted > p.pageCount)) this.wanted = null;
    const page = this.wanted ?? p.page;
    setText(this.querySelector('.title'), p.title);
    render(this.querySelector('.class-tag'), p.classification !== 'UNCLASSIFIED' ? html`<span class="tag secret">${t(`class.${p.classification}`)}</span>` : '');
    setText(this.querySelector('.page'), t('present.page', { n: page, m: p.pageCount }));
    this.querySelector('[data-action="prev"]').disabled = page <= 1;
    this.querySelector('[data-action="next"]').disabled = page >= p.pageCount;
    this.querySelector('pdf-viewer').open({ id: p.documentId, title: p.title, classification: p.classification, pageCount: p.pageCount, url: this.url }, p.page);
  }
}

customElements.define('presenter-bar', PresenterBar);
