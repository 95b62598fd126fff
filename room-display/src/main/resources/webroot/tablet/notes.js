/**
 * The delegate's private notes, kept on the server for their author only (docs/protocol.md,
 * "HTTP API"): loaded on join, each saved a second after typing stops and at once when the field
 * is left, one request at a time per note; what is still unsaved when the page goes away leaves
 * with it (keepalive). Nothing of the notes is kept on the device.
 *
 * A note's status: "idle" (nothing written), "dirty" (changed, not sent yet), "saving", "saved",
 * "error" (with the failure). Dispatches "change" whenever a status or a loaded text moves.
 */
import { notesOf, saveNote } from '../shared/api.js';

const QUIET_MS = 1000;

export class NoteBook extends EventTarget {
  constructor(meetingId) {
    super();
    this.meetingId = meetingId;
    this.loaded = false;
    this.loading = false;
    this.loadError = null;
    this.notes = new Map();
    window.addEventListener('online', () => this.retryFailed());
  }

  async load() {
    if (this.loading) return;
    this.loading = true;
    this.loadError = null;
    this.announce();
    try {
      for (const n of await notesOf(this.meetingId)) {
        const e = this.entry(n.target);
        // a note typed while the list was on its way is newer than the list
        if (e.status === 'idle') e.text = n.text;
        e.saved = n.text;
        e.updatedAt = n.updatedAt;
        if (e.status === 'idle') e.status = 'saved';
      }
      this.loaded = true;
    } catch (err) {
      this.loadError = err;
    } finally {
      this.loading = false;
    }
    this.announce();
  }

  text(target) {
    return this.notes.get(target)?.text ?? '';
  }

  /** {status, updatedAt, error} of a note. */
  state(target) {
    const e = this.notes.get(target);
    return e ? { status: e.status, updatedAt: e.updatedAt, error: e.error } : { status: 'idle', updatedAt: null, error: null };
  }

  /** The delegate typed: the note goes to the server once typing has stopped for a second. */
  edit(target, text) {
    const e = this.entry(target);
    e.text = text;
    clearTimeout(e.timer);
    if (text === e.saved && !e.inFlight) {
      e.status = e.updatedAt ? 'saved' : 'idle';
    } else {
      e.status = 'dirty';
      e.timer = setTimeout(() => this.save(target), QUIET_MS);
    }
    this.announce();
  }

  /** The field was left (or its note is about to be replaced): save now what is not saved. */
  flush(target) {
    const e = this.notes.get(target);
    if (e && (e.status === 'dirty' || e.status === 'error')) this.save(target);
  }

  async save(target) {
    const e = this.entry(target);
    clearTimeout(e.timer);
    if (e.inFlight) {
      e.again = true;
      return;
    }
    const text = e.text;
    if (text === e.saved && e.status !== 'error') {
      e.status = e.updatedAt ? 'saved' : 'idle';
      this.announce();
      return;
    }
    e.inFlight = true;
    e.again = false;
    e.status = 'saving';
    e.error = null;
    this.announce();
    try {
      const out = await saveNote(this.meetingId, target, text);
      e.saved = text;
      e.updatedAt = out.updatedAt;
      e.status = e.text === text ? 'saved' : 'dirty';
    } catch (err) {
      e.error = err;
      e.status = 'error';
    } finally {
      e.inFlight = false;
    }
    if (e.status === 'dirty' && e.again) this.save(target);
    this.announce();
  }

  retryFailed() {
    for (const [target, e] of this.notes) if (e.status === 'error') this.save(target);
  }

  /** Whatever is not on the server yet leaves with the page. */
  flushOnLeave() {
    for (const [target, e] of this.notes) {
      if (e.text !== e.saved) saveNote(this.meetingId, target, e.text, { keepalive: true }).catch(() => {});
    }
  }

  entry(target) {
    if (!this.notes.has(target)) {
      this.notes.set(target, { text: '', saved: '', status: 'idle', updatedAt: null, error: null, timer: null, inFlight: false, again: false });
    }
    return this.notes.get(target);
  }

  announce() {
    this.dispatchEvent(new CustomEvent('change'));
  }
}
