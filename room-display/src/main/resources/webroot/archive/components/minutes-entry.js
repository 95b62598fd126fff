/**
 * <minutes-entry>: one archived version of a meeting's minutes, beside its PDF: what it is
 * (number, title, body, date, version), whether its signature holds (the server's verify result:
 * valid, altered or unsigned, and whether a development key signed it), the downloads, the vote
 * results and the versions with their corrections. Nouns set by the app: .entry (the metadata),
 * .verification and .votes (each a result or {failure}). Intents: "download" {what: pdf|csv|json}.
 */
import { t, lang, percent, dateTime, failureText } from '../../shared/i18n.js';
import { html, render, intent } from '../../shared/dom.js';
import { meetingDate, entryHash, signerName } from '../format.js';

export class MinutesEntry extends HTMLElement {
  constructor() {
    super();
    this.entry = null;
    this.verification = null;
    this.votes = null;
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-download]');
      if (b) intent(this, 'download', { what: b.dataset.download });
    });
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const m = this.entry;
    if (!m) {
      render(this, '');
      return;
    }
    const newest = (m.versions || []).find((v) => v.latest);
    render(this, html`
      <section class="card head" aria-labelledby="entry-title">
        <p class="number tabular">${t('archive.number', { n: m.number })}</p>
        <h2 id="entry-title">${m.title}</h2>
        <p class="meta">${m.organisation?.name}</p>
        <p class="meta muted">${meetingDate(m.meetingDate)} · ${t(`meetingKind.${m.meetingKind}`)} · ${t('archive.term', { t: m.term })}</p>
        <p class="meta muted">${t('archive.version', { n: m.version })} · ${t('archive.filed', { time: dateTime(m.createdAt) })}</p>
        ${m.latest === false && newest ? html`<p class="notice-warn">${t('archive.notLatest')}
          <a href="${entryHash(newest.id)}">${t('archive.openLatest')}</a></p>` : ''}
      </section>
      ${this.verificationCard()}
      <section class="card downloads" aria-labelledby="downloads-title">
        <h3 id="downloads-title">${t('archive.downloads')}</h3>
        <div class="row">
          <button type="button" class="primary" data-download="pdf">${t('archive.downloadPdf')}</button>
          <button type="button" data-download="csv">${t('archive.downloadCsv')}</button>
          <button type="button" data-download="json">${t('archive.downloadJson')}</button>
        </div>
      </section>
      ${this.votesCard()}
      ${this.historyCard(m)}`);
  }

  verificationCard() {
    const v = this.verification;
    let body;
    if (!v) {
      body = html`<p class="verify-status muted" data-status="">${t('archive.verifying')}</p>`;
    } else if (v.failure) {
      body = html`<p class="verify-status error" data-status="ERROR">${t('archive.verifyFailed', { message: failureText(v.failure) })}</p>`;
    } else {
      const known = ['VALID', 'TAMPERED', 'UNSIGNED'].includes(v.status);
      const tone = v.status === 'VALID' ? 'ok' : 'bad';
      const explain = v.status === 'VALID' ? t('archive.verify.VALIDText')
        : v.status === 'TAMPERED' ? t(v.sha256Matches === false ? 'archive.verify.TAMPEREDFile' : 'archive.verify.TAMPEREDSignature')
          : v.status === 'UNSIGNED' ? t('archive.verify.UNSIGNEDText') : '';
      body = html`
        <p class="verify-status ${tone}" data-status="${v.status}">
          <span class="mark" aria-hidden="true">${tone === 'ok' ? '✓' : '✗'}</span>
          ${known ? t(`archive.verify.${v.status}`) : t('archive.verify.other', { status: v.status })}</p>
        ${explain ? html`<p class="verify-text">${explain}</p>` : ''}
        ${v.developmentKey ? html`<div class="dev-key" role="note"><strong>${t('archive.devKey')}</strong>
          <p>${t('archive.devKeyText')}</p></div>` : ''}
        <dl class="facts">
          ${v.signer ? html`<dt>${t('archive.signer')}</dt><dd class="signer">${signerName(v.signer)}</dd>` : ''}
          <dt>${t('archive.sha256')}</dt><dd class="hash tabular">${v.sha256}</dd>
        </dl>`;
    }
    const tone = !v || v.failure ? '' : v.status === 'VALID' ? (v.developmentKey ? 'valid dev' : 'valid') : 'invalid';
    return html`<section class="card verification ${tone}" aria-labelledby="verify-title" aria-live="polite">
      <h3 id="verify-title">${t('archive.verify')}</h3>${body}</section>`;
  }

  votesCard() {
    const r = this.votes;
    let body;
    if (!r) body = html`<p class="muted">${t('common.loading')}</p>`;
    else if (r.failure) body = html`<p class="error">${t('archive.votesFailed', { message: failureText(r.failure) })}</p>`;
    else if (!r.votes?.length) body = html`<p class="muted">${t('archive.noVotes')}</p>`;
    else body = r.votes.map((v) => this.vote(v));
    return html`<section class="card votes" aria-labelledby="votes-title">
      <h3 id="votes-title">${t('archive.votes')}</h3>${body}</section>`;
  }

  vote(v) {
    // the server words the outcome in Vietnamese (it may name a form of discipline); English says passed or not
    const outcome = lang() === 'vi' && v.outcome ? v.outcome : t(v.passed ? 'poll.passed' : 'poll.failed');
    const label = (o) => {
      for (const key of [`poll.answer.${o.key}`, `poll.form.${o.key}`]) if (t(key) !== key) return t(key);
      return o.label;
    };
    return html`<article class="vote">
      <header class="row">
        <h4 class="grow">${t('archive.item', { n: v.itemNumber })}: ${v.question}</h4>
        <span class="verdict ${v.passed ? 'passed' : 'failed'}">${outcome}</span>
      </header>
      <p class="muted">${t(`poll.kind.${v.kind}`)} · ${t(`poll.mode.${v.mode}`)} · ${t('archive.base', { n: v.majorityBase })} · ${t('archive.ballots', { n: v.ballots })}</p>
      <table class="counts"><tbody>${v.options.map((o) => html`<tr class="${o.key === 'FOR' ? 'for' : ''}">
        <th scope="row">${label(o)}</th>
        <td class="count tabular">${t('poll.votes', { n: o.votes })}</td>
        <td class="pct tabular">${percent(o.ofBaseHundredths)}</td>
      </tr>`)}</tbody></table>
    </article>`;
  }

  historyCard(m) {
    const versions = m.versions || [];
    return html`<section class="card history" aria-labelledby="history-title">
      <h3 id="history-title">${t('archive.history')}</h3>
      <ol class="versions">${versions.map((v) => html`<li class="${v.id === m.id ? 'current' : ''}">
        <div class="row">
          ${v.id === m.id ? html`<strong>${t('archive.version', { n: v.version })}</strong>`
            : html`<a href="${entryHash(v.id)}">${t('archive.version', { n: v.version })}</a>`}
          ${v.id === m.id ? html`<span class="tag">${t('archive.current')}</span>` : ''}
          ${v.latest ? html`<span class="tag ok">${t('archive.latest')}</span>` : ''}
        </div>
        <p class="muted">${v.correctsId ? t('archive.correction', { reason: v.reason || '' }) : t('archive.original')}
          · ${dateTime(v.createdAt)}${v.filedBy === 'server' ? ` · ${t('archive.filedByServer')}` : ''}</p>
      </li>`)}</ol>
    </section>`;
  }
}

customElements.define('minutes-entry', MinutesEntry);
