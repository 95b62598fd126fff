/**
 * <org-tree>: the party bodies whose minutes the account may read, nested as the server's
 * organisation tree says (a body whose parent is out of reach is a root). Choosing a body
 * dispatches "choose-organisation" {orgId} (null for all of them); the app sets .selected, and
 * .problem when the tree could not be loaded.
 */
import { t, failureText } from '../../shared/i18n.js';
import { html, render, intent } from '../../shared/dom.js';

export class OrgTree extends HTMLElement {
  constructor() {
    super();
    this.organisations = null;
    this.selected = null;
    this.problem = null; // the failure of the last load
    this.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-org]');
      if (b) intent(this, 'choose-organisation', { orgId: b.dataset.org || null });
    });
  }

  connectedCallback() {
    this.update();
  }

  update() {
    const all = this.organisations;
    if (!all && this.problem) {
      const p = this.problem;
      render(this, html`<p class="error">${p.status === 0 ? t('common.offline') : t('archive.failed', { message: failureText(p) })}</p>`);
      return;
    }
    if (!all) {
      render(this, html`<p class="muted">${t('common.loading')}</p>`);
      return;
    }
    if (all.length === 0) {
      render(this, html`<p class="muted">${t('archive.noBodies')}</p>`);
      return;
    }
    const children = new Map();
    for (const o of all) {
      const key = o.parentId || '';
      if (!children.has(key)) children.set(key, []);
      children.get(key).push(o);
    }
    for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const node = (o) => {
      const kids = children.get(o.id) || [];
      return html`<li>
        ${this.button(o.id, o.name, t(`body.${o.kind}`), o.symbol)}
        ${kids.length ? html`<ul>${kids.map(node)}</ul>` : ''}
      </li>`;
    };
    // nested lists of buttons (not an ARIA tree, which would promise arrow-key navigation)
    render(this, html`<ul class="tree" aria-label="${t('archive.tree')}">
      <li>${this.button('', t('archive.allBodies'), '', '')}</li>
      ${(children.get('') || []).map(node)}
    </ul>`);
  }

  button(id, name, kind, symbol) {
    const chosen = (this.selected || '') === id;
    return html`<button type="button" data-org="${id}" aria-pressed="${chosen ? 'true' : 'false'}"
      class="${chosen ? 'chosen' : ''}"><span class="name">${name}</span>${kind
      ? html`<span class="kind">${kind}${symbol ? ` · ${symbol}` : ''}</span>` : ''}</button>`;
  }
}

customElements.define('org-tree', OrgTree);
