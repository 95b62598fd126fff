/**
 * <minutes-results>: one page of archived minutes as the list call returned it ({items, total,
 * limit, offset}): number, meeting date, body, title and version, each opening the minutes
 * (a link to #/bien-ban/<id>). Paging dispatches "change-page" {offset}.
 */
import { t } from '../../shared/i18n.js';
import { html, render, intent } from '../../shared/dom.js';
import { meetingDate, entryHash, versionText } from '../format.js';

export class MinutesResults extends HTMLElement {
  constructor() {
    super();
    this.result = null;
    this.searched = false;
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-offset]');
      if (b) intent(this, 'change-page', { offset: Number(b.dataset.offset) });
    });
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const r = this.result;
    if (!r) {
      render(this, '');
      return;
    }
    if (r.items.length === 0) {
      render(this, html`<p class="card state empty">${this.searched ? t('archive.noMatch') : t('archive.empty')}</p>`);
      return;
    }
    const first = r.offset + 1;
    const last = r.offset + r.items.length;
    render(this, html`
      <table class="minutes-table">
        <thead><tr>
          <th scope="col">${t('archive.col.number')}</th>
          <th scope="col">${t('archive.col.date')}</th>
          <th scope="col">${t('archive.col.title')}</th>
          <th scope="col">${t('archive.col.body')}</th>
          <th scope="col">${t('archive.col.version')}</th>
        </tr></thead>
        <tbody>${r.items.map((m) => html`<tr data-id="${m.id}">
          <td class="number tabular">${m.number}</td>
          <td class="date tabular">${meetingDate(m.meetingDate)}</td>
          <td class="title"><a href="${entryHash(m.id)}">${m.title}</a>
            <span class="kind muted">${t(`meetingKind.${m.meetingKind}`)}</span></td>
          <td class="body">${m.organisation?.name || ''}</td>
          <td class="version">${versionText(m)}</td>
        </tr>`)}</tbody>
      </table>
      ${r.total > r.items.length ? html`<nav class="paging row" aria-label="${t('archive.shown', { from: first, to: last, total: r.total })}">
        <button type="button" class="small" data-offset="${Math.max(0, r.offset - r.limit)}" ${r.offset === 0 ? 'disabled' : ''}>${t('archive.prev')}</button>
        <span class="muted tabular">${t('archive.shown', { from: first, to: last, total: r.total })}</span>
        <button type="button" class="small" data-offset="${r.offset + r.limit}" ${last >= r.total ? 'disabled' : ''}>${t('archive.next')}</button>
      </nav>` : ''}`);
  }
}

customElements.define('minutes-results', MinutesResults);
