/**
 * <attendance-board>: the figures the chair reports (present of expected, the majority base, voters
 * present, quorum) and, when given the roster, each member's presence. With controls (the
 * console): "check-in" {personId}, "check-out" {personId}, "mark-absent" {memberId, reason}.
 */
import { t, percent } from '../i18n.js';
import { html, render } from '../dom.js';

export class AttendanceBoard extends HTMLElement {
  constructor() {
    super();
    this.figures = null;
    this.roster = null;
    this.controls = false;
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-action]');
      if (!b) return;
      const id = b.dataset.person;
      if (b.dataset.action === 'mark-absent') {
        const reason = this.querySelector(`input[data-reason="${CSS.escape(id)}"]`)?.value || '';
        this.dispatchEvent(new CustomEvent('mark-absent', { bubbles: true, detail: { memberId: id, reason } }));
      } else {
        this.dispatchEvent(new CustomEvent(b.dataset.action, { bubbles: true, detail: { personId: id } }));
      }
    });
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const f = this.figures;
    if (!f) return;
    const pct = percent(f.attendanceHundredthsOfPercent);
    const members = this.roster?.members || [];
    // reasons being typed survive a live update of the board
    const typed = new Map([...this.querySelectorAll('input[data-reason]')].map((i) => [i.dataset.reason, i.value]));
    const focused = document.activeElement?.dataset?.reason;
    render(this, html`
      <dl class="figures">
        <div class="big"><dt>${t('att.title')}</dt><dd class="tabular">${t('att.presentOf', { present: f.presentOfExpected, expected: f.expected, pct })}</dd></div>
        <div class="big"><dt>${t('att.base')}</dt><dd class="tabular">${f.majorityBase}</dd></div>
        <div><dt>${t('att.voters')}</dt><dd class="tabular">${f.presentVoters}</dd></div>
        <div><dt>${t('att.official')}</dt><dd class="tabular">${f.officialPresent}/${f.officialMembers}</dd></div>
        <div><dt>${t('att.probationary')}</dt><dd class="tabular">${f.probationaryPresent}/${f.probationaryMembers}</dd></div>
        <div><dt>${t('att.absentReason')}</dt><dd class="tabular">${f.absentWithReason}</dd></div>
        <div><dt>${t('att.absentNoReason')}</dt><dd class="tabular">${f.absentWithoutReason}</dd></div>
        <div><dt>${t('att.exemptAbsent')}</dt><dd class="tabular">${f.exemptAbsent}</dd></div>
        ${f.guestsPresent ? html`<div><dt>${t('att.guests')}</dt><dd class="tabular">${f.guestsPresent}</dd></div>` : ''}
        <div class="quorum"><dd><span class="tag ${f.quorumMet ? 'ok' : 'warn'}">${f.quorumMet ? t('att.quorumMet') : t('att.quorumNotMet')}</span>
          ${f.expected && 100 * f.presentOfExpected > 85 * f.expected ? html` <span class="tag ok">${t('att.high')}</span>` : ''}</dd></div>
      </dl>
      ${members.length ? html`<table class="roster">
        <thead><tr><th scope="col">${t('console.name')}</th><th scope="col">${t('console.membership')}</th><th scope="col">${t('att.title')}</th>${this.controls ? html`<th scope="col"><span class="sr-only">${t('common.confirm')}</span></th>` : ''}</tr></thead>
        <tbody>${members.map((m) => html`<tr class="presence-${m.presence.toLowerCase()}">
          <th scope="row">${m.name}</th>
          <td>${t(`membership.${m.membership}`)}${m.standing && m.standing !== 'ACTIVE' ? html`<br><span class="muted">${t(`standing.${m.standing}`)}</span>` : ''}</td>
          <td><span class="presence">${t(`att.${m.presence === 'PRESENT' ? 'present' : m.presence === 'ABSENT' ? 'absent' : m.presence === 'LEFT' ? 'left' : 'unknown'}`)}</span>${m.late ? html` <span class="muted">(${t('att.late')})</span>` : ''}${m.absenceReason ? html`<br><span class="muted">${m.absenceReason}</span>` : ''}</td>
          ${this.controls ? html`<td class="actions">
            ${m.presence !== 'PRESENT' ? html`<button class="small primary" data-action="check-in" data-person="${m.id}">${t('att.checkIn')}</button>` : html`<button class="small" data-action="check-out" data-person="${m.id}">${t('att.checkOut')}</button>`}
            ${m.presence === 'UNKNOWN' || m.presence === 'ABSENT' ? html`<input data-reason="${m.id}" aria-label="${t('att.reason')}: ${m.name}" placeholder="${t('att.reason')}" size="12">
            <button class="small" data-action="mark-absent" data-person="${m.id}">${t('att.markAbsent')}</button>` : ''}
          </td>` : ''}
        </tr>`)}</tbody></table>` : ''}`);
    for (const [id, value] of typed) {
      const input = this.querySelector(`input[data-reason="${CSS.escape(id)}"]`);
      if (input && !input.value) input.value = value;
      if (input && id === focused && document.activeElement !== input) input.focus();
    }
  }
}

customElements.define('attendance-board', AttendanceBoard);
