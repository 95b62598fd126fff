/**
 * <private-notes>: "Ghi chú riêng", one field for the item under discussion (or the one chosen)
 * and one for the open document, each with what has become of it: "Chưa lưu", "Đang lưu…",
 * "Đã lưu lúc 10:42" or the failure with a retry. Fed with {book (a NoteBook), zone, slots:
 * {item: {target, label} | null, doc: {target, label} | null}}; the fields are built once and
 * never re-rendered under the delegate's fingers.
 * Intents: "edit-note" {target, text}, "leave-note" {target}, "retry-note" {target}, "reload-notes".
 */
import { t, failureText, time } from '../../shared/i18n.js';
import { html, render, setText, intent } from '../../shared/dom.js';

const SLOTS = ['item', 'doc'];

export class PrivateNotes extends HTMLElement {
  constructor() {
    super();
    this.book = null;
    this.zone = null;
    this.slots = { item: null, doc: null };
    this.addEventListener('input', (e) => {
      const target = e.target.closest('textarea')?.dataset.target;
      if (target) intent(this, 'edit-note', { target, text: e.target.value });
    });
    this.addEventListener('focusout', (e) => {
      const target = e.target.closest('textarea')?.dataset.target;
      if (target) intent(this, 'leave-note', { target });
    });
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action]');
      if (!b) return;
      if (b.dataset.action === 'retry') intent(this, 'retry-note', { target: b.closest('.note').querySelector('textarea').dataset.target });
      if (b.dataset.action === 'reload') intent(this, 'reload-notes');
    });
  }

  connectedCallback() {
    this.update();
  }

  skeleton() {
    render(this, html`<section class="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">${t('notes.title')}</h2>
      <p class="muted help">${t('notes.help')}</p>
      <p class="load-state" role="status"><span class="text"></span> <button type="button" class="small" data-action="reload" hidden>${t('notes.retry')}</button></p>
      ${SLOTS.map((slot) => html`<div class="note" data-slot="${slot}">
        <label for="${slot}-note"></label>
        <textarea id="${slot}-note" maxlength="20000" spellcheck="false"></textarea>
        <p class="note-status" id="${slot}-note-status" role="status" aria-live="polite"><span class="text"></span> <button type="button" class="small" data-action="retry" hidden>${t('notes.retry')}</button></p>
      </div>`)}
    </section>`);
  }

  /** Builds the fields anew for another language. */
  relabel() {
    this.__rendered = null;
    for (const area of this.querySelectorAll('textarea')) area.dataset.target = '';
    this.skeleton();
    this.update();
  }

  update() {
    if (!this.querySelector('.notes')) this.skeleton();
    const book = this.book;
    const ready = !!book?.loaded;
    const load = this.querySelector('.load-state');
    setText(load.querySelector('.text'), !book ? '' : book.loadError ? t('notes.loadFailed', { message: failureText(book.loadError) }) : ready ? '' : t('notes.loading'));
    load.classList.toggle('error', !!book?.loadError);
    load.hidden = !book || (ready && !book.loadError);
    load.querySelector('button').hidden = !book?.loadError;
    for (const slot of SLOTS) this.updateSlot(slot, this.slots[slot], ready);
  }

  updateSlot(slot, field, ready) {
    const box = this.querySelector(`.note[data-slot="${slot}"]`);
    const area = box.querySelector('textarea');
    box.hidden = slot === 'doc' && !field;
    setText(box.querySelector('label'), field ? field.label : t('notes.title'));
    const target = field?.target || '';
    if (area.dataset.target !== target) {
      // the note on screen is about to be another: what was typed in the old one is saved now
      if (area.dataset.target) intent(this, 'leave-note', { target: area.dataset.target });
      area.dataset.target = target;
      area.value = target && this.book ? this.book.text(target) : '';
    } else if (target && this.book && document.activeElement !== area && area.value !== this.book.text(target)) {
      area.value = this.book.text(target);
    }
    area.disabled = !field || !ready;
    area.placeholder = field ? '' : t('notes.noItem');
    const s = target && this.book ? this.book.state(target) : { status: 'idle' };
    const line = box.querySelector('.note-status');
    line.dataset.status = s.status;
    const words = {
      idle: '',
      dirty: t('notes.unsaved'),
      saving: t('notes.saving'),
      saved: s.updatedAt ? t('notes.savedAt', { time: time(s.updatedAt, this.zone) }) : t('notes.saved'),
      error: s.error ? t('notes.failed', { message: failureText(s.error) }) : '',
    };
    setText(line.querySelector('.text'), words[s.status] || '');
    line.querySelector('button').hidden = s.status !== 'error';
  }
}

customElements.define('private-notes', PrivateNotes);
