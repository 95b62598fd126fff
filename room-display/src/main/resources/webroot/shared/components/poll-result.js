/**
 * <poll-result>: a closed poll's counts, each as a percentage of the basis its threshold is taken
 * of (the majority base, or all official members), computed exactly in integers (53,33%), and
 * whether it passed.
 */
import { t, percent, hundredthsOf } from '../i18n.js';
import { html, render } from '../dom.js';

export function basisOf(result, threshold) {
  const th = threshold || result.threshold;
  return th && th.basis === 'OFFICIAL_MEMBERS' ? result.officialMembers : result.majorityBase;
}

export function passedOf(result) {
  if (!result) return false;
  if (result.type === 'Election') return result.candidates.some((c) => c.elected);
  if (result.type === 'Discipline') return !!result.decided;
  return !!result.passed;
}

export class PollResult extends HTMLElement {
  constructor() {
    super();
    this.poll = null;
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const r = this.poll?.result;
    if (!r) {
      render(this, '');
      return;
    }
    const base = basisOf(r);
    const baseText = (n) => t(r.threshold?.basis === 'OFFICIAL_MEMBERS' ? 'poll.ofOfficial' : 'poll.ofBase', { pct: percent(hundredthsOf(n, base)), base });
    const row = (label, n, cls = '') => html`<tr class="${cls}"><th scope="row">${label}</th><td class="count tabular">${t('poll.votes', { n })}</td><td class="pct tabular">${baseText(n)}</td></tr>`;
    let rows;
    let verdict;
    if (r.type === 'Motion') {
      rows = [row(t('poll.answer.FOR'), r.forVotes, 'for'), row(t('poll.answer.AGAINST'), r.againstVotes), row(t('poll.answer.ABSTAIN'), r.abstainVotes)];
      verdict = r.passed ? t('poll.passed') : t('poll.failed');
    } else if (r.type === 'Election') {
      rows = r.candidates.map((c) => html`<tr class="${c.elected ? 'for' : ''}"><th scope="row">${c.name}</th><td class="count tabular">${t('poll.votes', { n: c.votes })}</td><td class="pct tabular">${baseText(c.votes)}</td><td>${c.elected ? t('poll.elected') : t('poll.notElected')}</td></tr>`);
      verdict = r.tieForLastSeat ? t('poll.tie') : (passedOf(r) ? t('poll.passed') : t('poll.failed'));
    } else {
      rows = [...r.forms.map((f) => html`<tr class="${f.form === r.decided ? 'for' : ''}"><th scope="row">${t(`poll.form.${f.form}`)}</th><td class="count tabular">${t('poll.votes', { n: f.votes })}</td><td class="pct tabular">${t('poll.ofBase', { pct: percent(hundredthsOf(f.cumulativeVotes, r.majorityBase)), base: r.majorityBase })}</td></tr>`),
        row(t('poll.form.NONE'), r.noDiscipline)];
      verdict = r.decided ? t('poll.decided', { form: t(`poll.form.${r.decided}`) }) : t('poll.noneDecided');
    }
    render(this, html`
      <p class="verdict ${passedOf(r) ? 'passed' : 'failed'}">${verdict}</p>
      <table class="counts"><tbody>${rows}</tbody></table>
      <p class="muted tabular">${t('poll.ballots', { n: r.ballots })}</p>`);
  }
}

customElements.define('poll-result', PollResult);
