// The Node.js baseline: a `ws` broadcast server speaking the same slice of the live protocol as
// the bare Vert.x one (vn.phonghop.bench.BareBroadcast): hello (with a meeting id: the room) → an
// empty snapshot; a command → one event to every socket of the sender's room, then an ack. The
// event is the one the command carries (the real server's event as a tablet received it), stamped
// with its arrival time (microseconds), encoded once and sent to every socket of the room.
// Listens on 127.0.0.1 only.   node broadcast.js <port>
'use strict';
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2]);
const wss = new WebSocketServer({ host: '127.0.0.1', port, path: '/live', perMessageDeflate: false, maxPayload: 256 * 1024 });
const rooms = new Map(); // meeting id → { seq, sockets }

function nowIso() {
  const t = performance.timeOrigin + performance.now();
  const ms = Math.floor(t);
  const micros = Math.floor((t - ms) * 1000);
  return new Date(ms).toISOString().replace('Z', String(micros).padStart(3, '0') + 'Z');
}

wss.on('error', (e) => console.error('server error', e));
wss.on('connection', (ws) => {
  let room = null;
  ws.on('error', () => {}); // a tablet that goes away is not the server's problem
  ws.on('close', () => { if (room) room.sockets.delete(ws); });
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('{"type":"hello"')) {
      const id = JSON.parse(text).meetingId || '';
      room = rooms.get(id);
      if (!room) rooms.set(id, room = { seq: 0, sockets: new Set() });
      room.sockets.add(ws);
      ws.send('{"type":"snapshot","seq":' + room.seq + '}');
    } else if (text.startsWith('{"type":"command"') && room) {
      const at = nowIso();
      const msg = JSON.parse(text);
      const seq = ++room.seq;
      const command = msg.command || {};
      const sample = command.event || { type: 'CurrentItemChanged' };
      sample.at = at; // keeps its place among the keys: the same text as the real event
      const event = Buffer.from('{"type":"event","seq":' + seq + ',"event":' + JSON.stringify(sample)
        + ',"patch":' + JSON.stringify(command.patch || {}) + '}');
      for (const client of room.sockets) client.send(event, { binary: false });
      ws.send(JSON.stringify({ type: 'ack', id: msg.id, seq }));
    }
  });
});
wss.on('listening', () => console.log('node ws broadcast on ' + port));
process.on('exit', (code) => console.log('exiting with ' + code));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => { console.log('got ' + signal); process.exit(0); });
