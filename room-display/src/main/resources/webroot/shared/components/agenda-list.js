/**
 * <agenda-list>: the order of business with the current item highlighted, planned and spent time,
 * and each item's documents. Intents: "open-document" {itemId, documentId}, "select-item"
 * {itemId}; with controls, "start-item" {itemId}; with presentable (the console during the
 * meeting), a "Trình chiếu" button on each document: "present-document" {documentId}, and the
 * document on the screen (presentation) marked with its page.
 */
import { t, clock } from '../i18n.js';
import { html, render } from '../dom.js';

export class AgendaList extends HTMLElement {
  constructor() {
    super();
    this.agenda = null;
    this.selectedItemId = null;
    this.openDocumentId = null;
    this.controls = false;
    this.presentable = false;
    this.presentation = null;
    this.addEventListener('click', (e) => this.onClick(e));
  }

  connectedCallback() {
    this.update();
  }

  onClick(e) {
    const b = e.target.closest('button[data-action]');
    if (!b) return;
    const { action, item, doc } = b.dataset;
    if (action === 'open-document') this.dispatchEvent(new CustomEvent('open-document', { bubbles: true, detail: { itemId: item, documentId: doc } }));
    if (action === 'select-item') this.dispatchEvent(new CustomEvent('select-item', { bubbles: true, detail: { itemId: item } }));
    if (action === 'start-item') this.dispatchEvent(new CustomEvent('start-item', { bubbles: true, detail: { itemId: item } }));
    if (action === 'present-document') this.dispatchEvent(new CustomEvent('present-document', { bubbles: true, detail: { itemId: item, documentId: doc } }));
  }

  update() {
    const items = this.agenda?.items || [];
    if (items.length === 0) {
      render(this, html`<p class="muted">${t('agenda.empty')}</p>`);
      return;
    }
    const current = this.agenda.currentItemId;
    render(this, html`<ol class="items">${items.map((i) => html`
      <li class="item status-${i.status.toLowerCase()} ${i.parentId ? 'child' : ''} ${i.id === current ? 'current' : ''} ${i.id === this.selectedItemId ? 'selected' : ''}"
          ${i.id === current ? html`aria-current="step"` : ''} data-item="${i.id}">
        <button class="title" data-action="select-item" data-item="${i.id}">
          <span class="number">${i.number}</span>
          <span class="text">${i.title}</span>
        </button>
        <div class="meta">
          ${i.id === current ? html`<span class="tag now">${t('agenda.current')}</span>` : html`<span class="status">${t(`status.${i.status}`)}</span>`}
          <span class="tabular">${t('agenda.planned', { n: i.plannedMinutes })}${i.spentSeconds > 0 || i.id === current ? html` · ${t('agenda.spent', { time: clock(i.spentSeconds) })}` : ''}</span>
          ${this.controls && i.id !== current && i.status !== 'DONE' ? html`<button class="small" data-action="start-item" data-item="${i.id}">${t('console.startItem')}</button>` : ''}
        </div>
        ${i.documents.length ? html`<ul class="docs">${i.documents.map((d) => html`
          <li><button class="doc ${d.id === this.openDocumentId ? 'open' : ''}" data-action="open-document" data-item="${i.id}" data-doc="${d.id}">
            <span class="doc-icon" aria-hidden="true">PDF</span>
            <span class="doc-title">${d.title}</span>
            ${d.classification !== 'UNCLASSIFIED' ? html`<span class="tag secret">${t(`class.${d.classification}`)}</span>` : ''}
            <span class="muted">${t('doc.pages', { n: d.pageCount })}</span>
            ${this.presentation?.documentId === d.id ? html`<span class="tag on-screen">${t('present.onScreen', { n: this.presentation.page })}</span>` : ''}
          </button>${this.presentable ? html`<button class="small present" data-action="present-document" data-item="${i.id}" data-doc="${d.id}"
            aria-label="${t('present.doLabel', { title: d.title })}" ${this.presentation?.documentId === d.id ? 'disabled' : ''}>${t('present.do')}</button>` : ''}</li>`)}</ul>` : ''}
      </li>`)}</ol>`);
  }
}

customElements.define('agenda-list', AgendaList);
