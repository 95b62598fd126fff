/** Small helpers every component uses: escaped HTML templates and a render that touches the DOM only on change. */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A tagged template that escapes every interpolated value unless it is already {@link raw}. */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += piece(values[i]) + strings[i + 1];
  }
  return new Raw(out);
}

class Raw {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

export function raw(text) {
  return new Raw(text);
}

function piece(v) {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === null || v === undefined || v === false) return '';
  return escape(v);
}

/**
 * Replaces an element's content only when the markup differs from what it last rendered, so a
 * live update that changes nothing for this element causes no reflow and keeps the focus.
 */
export function render(el, markup) {
  const text = String(markup);
  if (el.__rendered === text) return false;
  el.__rendered = text;
  el.innerHTML = text;
  return true;
}

/** Sets an element's text only when it changed. */
export function setText(el, text) {
  const value = String(text ?? '');
  if (el && el.textContent !== value) el.textContent = value;
}

/** Dispatches an intent (a verb) that bubbles up to the app. */
export function intent(el, name, detail = {}) {
  el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
