/**
 * The HTTP API (docs/protocol.md, "HTTP API") with the bearer token. The session lives in
 * sessionStorage: it ends with the tab, and nothing of it stays on the device.
 */
const KEY = 'phonghop.session';

export const session = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY)) || null;
    } catch (e) {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
  token() {
    return this.get()?.token || null;
  },
};

/** A failed call: the HTTP status and the server's stable code and message. */
export class ApiFailure extends Error {
  constructor(status, body) {
    super(body?.code || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code || (status === 0 ? 'OFFLINE' : `HTTP_${status}`);
    this.reason = body?.reason || null;
    this.serverMessage = body?.message || null;
    this.detail = body?.detail || null;
    this.body = body;
  }
}

/** Calls the API; JSON in and out unless {@code body} is a Blob/File/string with its own type. */
export async function api(path, { method = 'GET', body, type, as = 'json', keepalive = false } = {}) {
  const headers = {};
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (type) {
    headers['Content-Type'] = type;
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, cache: 'no-store', keepalive });
  } catch (e) {
    throw new ApiFailure(0, null);
  }
  if (!res.ok) {
    let err = null;
    try {
      err = await res.json();
    } catch (e) {
      err = null;
    }
    throw new ApiFailure(res.status, err);
  }
  if (res.status === 204) return null;
  if (as === 'blob') return res.blob();
  if (as === 'text') return res.text();
  return res.json();
}

export async function login(username, password) {
  const out = await api('/api/login', { method: 'POST', body: { username, password } });
  session.set({ token: out.token, expiresAt: out.expiresAt, account: out.account });
  return out;
}

export async function pair(code) {
  const out = await api('/api/pair', { method: 'POST', body: { code } });
  session.set({ token: out.token, expiresAt: out.expiresAt, device: out.device });
  return out;
}

export async function logout() {
  try {
    if (session.token()) await api('/api/logout', { method: 'POST' });
  } catch (e) {
    // the session is forgotten here whatever the server says
  }
  session.clear();
}

export function meetings() {
  return api('/api/meetings');
}

export function documentUrl(meetingId, documentId) {
  return `/api/meetings/${encodeURIComponent(meetingId)}/documents/${encodeURIComponent(documentId)}`;
}

/** The caller's own private notes on the meeting: [{target, text, updatedAt}]. */
export async function notesOf(meetingId) {
  const out = await api(`/api/meetings/${encodeURIComponent(meetingId)}/notes`);
  return out.notes || [];
}

/**
 * Saves a private note on "item:<itemId>" or "doc:<documentId>" (an empty text deletes it);
 * {keepalive} lets the request finish while the page unloads. Resolves with {target, updatedAt}.
 */
export function saveNote(meetingId, target, text, { keepalive = false } = {}) {
  return api(`/api/meetings/${encodeURIComponent(meetingId)}/notes/${encodeURIComponent(target)}`, { method: 'PUT', body: { text }, keepalive });
}

/** Saves a blob under a file name (used for unclassified documents and the roster CSV only). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
