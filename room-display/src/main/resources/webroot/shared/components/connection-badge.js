/** <connection-badge>: the live channel's state and how many actions wait to be sent. */
import { t } from '../i18n.js';
import { html, render } from '../dom.js';

export class ConnectionBadge extends HTMLElement {
  constructor() {
    super();
    this.state = 'connecting';
    this.pending = 0;
  }

  connectedCallback() {
    this.setAttribute('role', 'status');
    this.setAttribute('aria-live', 'polite');
    this.update();
  }

  update() {
    this.dataset.state = this.state;
    render(this, html`<span class="dot" aria-hidden="true"></span><span class="text">${t(`conn.${this.state}`)}</span>${
      this.pending > 0 ? html`<span class="pending">${t('conn.pending', { n: this.pending })}</span>` : ''}`);
  }
}

customElements.define('connection-badge', ConnectionBadge);
