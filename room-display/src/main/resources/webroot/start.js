/** The start page: four links and how to sign in, in Vietnamese or English. */
import { applyI18n, toggleLang } from './shared/i18n.js';

applyI18n(document);
document.querySelector('#lang').addEventListener('click', () => toggleLang());
