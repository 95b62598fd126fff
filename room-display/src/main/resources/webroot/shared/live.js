/**
 * The one module that touches the WebSocket (docs/protocol.md, "The live channel"). It says hello
 * with the token, the meeting and the last seq it applied; keeps the view by replacing the slices
 * each event patches; reconnects with exponential backoff and resumes from its last seq, also when
 * it sees a gap; and keeps an outbox of commands keyed by their id, sent again after a reconnect
 * until the server acknowledges or refuses them, so a vote is neither lost nor counted twice.
 *
 * Events it dispatches: "connection" (detail: {state}), "snapshot", "change" (detail: {slices,
 * event}), "connections" (detail: {devices}), "denied" (detail: {code}), "outbox" (detail: {pending}).
 */
import { newId } from './dom.js';

const PING_EVERY_MS = 20_000;

/**
 * A poll's new row; the console's may carry votersAdded (who has voted since the row it replaces)
 * in place of voters: the voters are then the old row's and those, sorted as the server sorts them.
 */
function withVoters(row, old) {
  if (!row.votersAdded) return row;
  const { votersAdded, ...rest } = row;
  return { ...rest, voters: [...new Set([...((old && old.voters) || []), ...votersAdded])].sort() };
}

/**
 * The server's clock as seen from here: the offset is learnt from the time stamps of the events
 * as they arrive, so a tablet whose clock is wrong still counts a speaker's time down correctly.
 */
export const serverClock = {
  offset: 0,
  now() {
    return Date.now() + this.offset;
  },
  learn(iso) {
    const at = Date.parse(iso);
    if (!Number.isNaN(at)) this.offset = at - Date.now();
  },
};
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 15_000;

/**
 * Whether this browser inflates raw DEFLATE: then the hello asks for the snapshot that way (one
 * binary frame, a fraction of the bytes on the room's Wi-Fi); the events stay text.
 */
const INFLATES = (() => {
  try {
    return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw');
  } catch (e) {
    return false;
  }
})();

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

export class LiveMeeting extends EventTarget {
  constructor({ meetingId, token, url }) {
    super();
    this.meetingId = meetingId;
    this.token = token;
    this.url = url || `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/live`;
    this.view = null;
    this.me = null;
    this.audience = null;
    this.seq = -1;
    this.state = 'connecting';
    this.outbox = new Map();
    this.socket = null;
    this.synced = false;
    this.attempt = 0;
    this.stopped = false;
    this.retryTimer = null;
    this.pingTimer = null;
  }

  connect() {
    this.stopped = false;
    this.open();
    if (!this.pingTimer) this.pingTimer = setInterval(() => this.write({ type: 'ping' }), PING_EVERY_MS);
    window.addEventListener('online', () => { if (!this.synced) this.reconnectNow(); });
    return this;
  }

  close() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.pingTimer = null;
    if (this.socket) this.socket.close(1000, 'bye');
    this.setState('offline');
  }

  /**
   * Sends a command and resolves with the ack ({seq}) or rejects with the error ({code, reason,
   * message}). The command stays in the outbox, under the same id, until one of the two arrives.
   */
  send(command, id = newId()) {
    return new Promise((resolve, reject) => {
      const entry = { id, command, resolve, reject };
      this.outbox.set(id, entry);
      this.announceOutbox();
      if (this.synced) this.write({ type: 'command', id, command });
    });
  }

  /** Asks the server which devices are connected (console only); answered by a "connections" event. */
  askConnections() {
    this.write({ type: 'connections' });
  }

  /** Drops the socket and reconnects at once: what a device does when it learns it missed something. */
  reconnectNow() {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) {
      this.socket.close(4000, 'resync');
    } else {
      this.open();
    }
  }

  // ---- the socket --------------------------------------------------------------------------

  open() {
    if (this.stopped) return;
    this.synced = false;
    this.setState(this.view ? 'reconnecting' : 'connecting');
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.scheduleRetry();
      return;
    }
    this.socket = ws;
    ws.binaryType = 'arraybuffer';
    // messages are read in the order they came, also while a snapshot is being inflated
    let reading = Promise.resolve();
    ws.onopen = () => {
      const hello = { type: 'hello', token: this.token, meetingId: this.meetingId };
      if (this.seq >= 0) hello.lastSeq = this.seq;
      if (INFLATES) hello.compress = 'deflate-raw';
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (m) => {
      if (ws !== this.socket) return;
      const data = m.data;
      reading = reading
        .then(() => (typeof data === 'string' ? data : inflate(data)))
        .then((text) => {
          if (ws !== this.socket) return;
          let msg;
          try {
            msg = JSON.parse(text);
          } catch (e) {
            return;
          }
          this.receive(msg);
        }, () => {
          // a snapshot that does not inflate: start again on a fresh socket
          if (ws === this.socket) ws.close(4000, 'resync');
        })
        // a failing handler is reported as before, and the messages after it are still read
        .catch((e) => setTimeout(() => { throw e; }));
    };
    ws.onclose = () => {
      if (ws !== this.socket) return;
      this.socket = null;
      this.synced = false;
      if (this.stopped || this.state === 'denied') return;
      this.setState('offline');
      this.scheduleRetry();
    };
    ws.onerror = () => { /* onclose follows and schedules the retry */ };
  }

  scheduleRetry() {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt);
    this.attempt += 1;
    const wait = base / 2 + Math.random() * base / 2;
    this.retryTimer = setTimeout(() => this.open(), wait);
  }

  write(msg) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(msg));
      return true;
    }
    return false;
  }

  receive(msg) {
    switch (msg.type) {
      case 'snapshot':
        this.view = msg.view;
        this.me = msg.me || {};
        this.audience = msg.audience;
        this.seq = msg.seq;
        this.live();
        this.dispatchEvent(new CustomEvent('snapshot', { detail: { view: this.view, me: this.me } }));
        this.dispatchEvent(new CustomEvent('change', { detail: { slices: Object.keys(this.view), event: null } }));
        break;
      case 'resume':
        // the events that follow are everything after lastSeq that this device may see
        this.live();
        break;
      case 'event':
        this.applyEvent(msg);
        break;
      case 'events':
        // the events of one group commit, in seq order, in one frame
        for (const item of msg.items || []) this.applyEvent(item);
        break;
      case 'ack':
        if (this.state === 'noQuorum') this.setState('online');
        this.settle(msg.id, (e) => e.resolve(msg));
        break;
      case 'error':
        this.onError(msg);
        break;
      case 'connections':
        this.dispatchEvent(new CustomEvent('connections', { detail: { devices: msg.devices || [] } }));
        break;
      default:
        break;
    }
  }

  live() {
    this.synced = true;
    this.attempt = 0;
    this.setState('online');
    // whatever was not answered before the socket dropped is sent again, under the same id
    for (const e of this.outbox.values()) this.write({ type: 'command', id: e.id, command: e.command });
  }

  applyEvent(msg) {
    if (!this.view || msg.seq <= this.seq) return;
    // a run of votes may come folded into one item standing for the events fromSeq…seq
    if ((msg.fromSeq ?? msg.seq) > this.seq + 1) {
      // a gap: something was missed; resume from the last seq applied
      this.reconnectNow();
      return;
    }
    this.seq = msg.seq;
    if (msg.event?.at) serverClock.learn(msg.event.at);
    const patch = msg.patch || {};
    for (const [slice, value] of Object.entries(patch)) {
      if (slice === 'rosterRows') {
        // only these members' rows changed (people checking in): replace them by id
        const rows = new Map(value.map((r) => [r.id, r]));
        const roster = this.view.roster || { members: [], guests: [] };
        this.view.roster = { ...roster, members: (roster.members || []).map((m) => rows.get(m.id) || m) };
      } else if (slice === 'pollRows') {
        // only these polls changed (one more has voted): replace them by id
        const rows = new Map(value.map((r) => [r.id, r]));
        this.view.polls = (this.view.polls || []).map((p) => (rows.has(p.id) ? withVoters(rows.get(p.id), p) : p));
      } else {
        this.view[slice] = value;
      }
    }
    const slices = Object.keys(patch).map((k) => ({ rosterRows: 'roster', pollRows: 'polls' })[k] || k);
    this.dispatchEvent(new CustomEvent('change', { detail: { slices, event: msg.event || null } }));
  }

  onError(msg) {
    if (msg.id && this.outbox.has(msg.id)) {
      if (msg.code === 'RETRY' || msg.code === 'NO_QUORUM') {
        // NO_QUORUM: this server is cut off from most of its cluster; the command waits and is sent
        // again (same id) until a server that can decide takes it
        if (msg.code === 'NO_QUORUM') this.setState('noQuorum');
        const entry = this.outbox.get(msg.id);
        setTimeout(() => {
          if (this.outbox.has(entry.id) && this.synced) this.write({ type: 'command', id: entry.id, command: entry.command });
        }, msg.code === 'NO_QUORUM' ? 3_000 : BACKOFF_FIRST_MS);
        return;
      }
      this.settle(msg.id, (e) => e.reject(msg));
      return;
    }
    if (!this.synced && ['NOT_AUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(msg.code)) {
      this.setState('denied');
      this.stopped = true;
      if (this.socket) this.socket.close(1000, 'denied');
      this.dispatchEvent(new CustomEvent('denied', { detail: { code: msg.code, message: msg.message } }));
    }
  }

  settle(id, fn) {
    const entry = this.outbox.get(id);
    if (!entry) return;
    this.outbox.delete(id);
    this.announceOutbox();
    fn(entry);
  }

  announceOutbox() {
    this.dispatchEvent(new CustomEvent('outbox', { detail: { pending: this.outbox.size } }));
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('connection', { detail: { state } }));
  }
}
