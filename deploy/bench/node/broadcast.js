// The Node.js baseline: a `ws` broadcast server speaking the same slice of the live protocol as
// the bare Vert.x one (vn.phonghop.bench.BareBroadcast): hello → an empty snapshot; a command →
// one event stamped with its arrival time (microseconds), padded to the real event's size,
// encoded once and sent to every socket, then an ack. Listens on 127.0.0.1 only.
// node broadcast.js <port>
'use strict';
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2]);
const wss = new WebSocketServer({ host: '127.0.0.1', port, path: '/live', perMessageDeflate: false, maxPayload: 256 * 1024 });
let seq = 0;

function nowIso() {
  const t = performance.timeOrigin + performance.now();
  const ms = Math.floor(t);
  const micros = Math.floor((t - ms) * 1000);
  return new Date(ms).toISOString().replace('Z', String(micros).padStart(3, '0') + 'Z');
}

wss.on('error', (e) => console.error('server error', e));
wss.on('connection', (ws) => {
  ws.on('error', () => {}); // a tablet that goes away is not the server's problem
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('{"type":"hello"')) {
      ws.send('{"type":"snapshot","seq":' + seq + '}');
    } else if (text.startsWith('{"type":"command"')) {
      const at = nowIso();
      const msg = JSON.parse(text);
      seq++;
      const pad = (msg.command && msg.command.pad) | 0;
      const event = Buffer.from('{"type":"event","seq":' + seq + ',"event":{"type":"CurrentItemChanged","at":"' + at
        + '"},"patch":{"pad":"' + 'x'.repeat(pad) + '"}}');
      for (const client of wss.clients) client.send(event, { binary: false });
      ws.send(JSON.stringify({ type: 'ack', id: msg.id, seq }));
    }
  });
});
wss.on('listening', () => console.log('node ws broadcast on ' + port));
process.on('exit', (code) => console.log('exiting with ' + code));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => { console.log('got ' + signal); process.exit(0); });
