/**
 * <sign-in>: a pairing code (tablets and the room display) and/or a username and password. On
 * success it stores the session (api.js) and dispatches "signed-in" {account | device}. The
 * attribute "modes" is "pair", "login" or "pair login".
 */
import { t, failureText } from '../i18n.js';
import { html, render } from '../dom.js';
import { login, pair } from '../api.js';

export class SignIn extends HTMLElement {
  connectedCallback() {
    this.update();
    this.addEventListener('submit', (e) => this.onSubmit(e));
  }

  update() {
    const modes = (this.getAttribute('modes') || 'pair login').split(/\s+/);
    const help = this.getAttribute('help-key');
    render(this, html`<div class="signin card">
      ${modes.includes('pair') ? html`<form class="pair" autocomplete="off">
        <h2>${t('signin.pairTitle')}</h2>
        <p class="muted">${help ? t(help) : t('signin.pairHelp')}</p>
        <div class="field"><label for="pair-code">${t('signin.code')}</label>
          <input id="pair-code" name="code" class="code" required maxlength="20" placeholder="ABCD-EFGH" autocapitalize="characters" spellcheck="false"></div>
        <button class="primary" type="submit">${t('signin.pair')}</button>
      </form>` : ''}
      ${modes.includes('pair') && modes.includes('login') ? html`<hr><p class="muted">${t('signin.or')}</p>` : ''}
      ${modes.includes('login') ? html`<form class="login">
        ${modes.includes('pair') ? '' : html`<h2>${t('signin.title')}</h2>`}
        <div class="field"><label for="username">${t('signin.username')}</label>
          <input id="username" name="username" autocomplete="username" required spellcheck="false" autocapitalize="none"></div>
        <div class="field"><label for="password">${t('signin.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required></div>
        <button class="primary" type="submit">${t('signin.submit')}</button>
      </form>` : ''}
      <p class="error" role="alert"></p>
    </div>`);
  }

  async onSubmit(e) {
    e.preventDefault();
    const form = e.target;
    const error = this.querySelector('.error');
    error.textContent = '';
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      let out;
      if (form.classList.contains('pair')) out = await pair(form.code.value.trim());
      else out = await login(form.username.value.trim(), form.password.value);
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, detail: out }));
    } catch (err) {
      error.textContent = failureText(err);
    } finally {
      button.disabled = false;
    }
  }
}

customElements.define('sign-in', SignIn);
