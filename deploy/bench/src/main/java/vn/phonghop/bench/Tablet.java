package vn.phonghop.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * One simulated tablet on the live channel: says hello, keeps the seq it has, reports every
 * event it receives to the current window, and sends commands whose latency counts from the time
 * they were meant to be sent. Messages are read by scanning for the few fields the bench needs:
 * a full JSON parse per message would make the load generator the bottleneck.
 */
final class Tablet {
    private static final int MAX_RETRIES = 5;

    final int index;
    final String memberId;
    private final Fleet fleet;
    private WebSocket ws;
    private Context context;
    private final Map<String, Pending> pending = new HashMap<>();
    private final Promise<Long> synced = Promise.promise();
    volatile long seq = -1;
    volatile boolean closed;
    private boolean closing;
    /** Tablets of this process whose socket closed (the bench does not reconnect them). */
    static final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();

    private record Pending(String text, long intendedNanos, Promise<Long> answer, int attempt) { }

    /** Which server node this tablet is connected to (0 unless a cluster is under test). */
    int node;

    Tablet(int index, String memberId, Fleet fleet) {
        this.index = index;
        this.memberId = memberId;
        this.fleet = fleet;
    }

    /** The context of this tablet's socket (its event loop), once connected. */
    Context context() {
        return context;
    }

    /** Runs on the socket's own context once connected: from then on all of this tablet's work happens there. */
    Future<Long> attach(WebSocket socket, String token, String meetingId) {
        this.ws = socket;
        this.context = Vertx.currentContext();
        ws.textMessageHandler(this::onText);
        ws.closeHandler(v -> {
            closed = true;
            if (closing) return;
            dropped.incrementAndGet();
            // the bench does not reconnect: a dropped tablet is reported, and what it waited for fails now
            fleet.window().dropped(ws.closeStatusCode() == null ? "none" : String.valueOf(ws.closeStatusCode()), node);
            for (Pending p : pending.values()) p.answer().tryFail("socket closed");
            pending.clear();
        });
        ws.exceptionHandler(e -> { });
        // as a browser tablet does (deflate=1): the snapshot comes as raw DEFLATE in a binary frame
        ws.binaryMessageHandler(b -> {
            fleet.snapshotWireBytes.addAndGet(b.length());
            onText(inflateRaw(b.getBytes()));
        });
        var hello = new JsonObject().put("type", "hello").put("token", token).put("meetingId", meetingId);
        if (Fleet.offerDeflate) hello.put("compress", "deflate-raw");
        ws.writeTextMessage(hello.encode());
        return synced.future();
    }

    /** Sends a command at {@code intendedNanos} (System.nanoTime); the future holds the acknowledged seq. */
    Future<Long> command(String id, JsonObject command, long intendedNanos) {
        var answer = Promise.<Long>promise();
        String text = new JsonObject().put("type", "command").put("id", id).put("command", command).encode();
        context.runOnContext(v -> {
            long delayMillis = (intendedNanos - System.nanoTime()) / 1_000_000;
            if (delayMillis >= 1) context.owner().setTimer(delayMillis, t -> send(id, new Pending(text, intendedNanos, answer, 0)));
            else send(id, new Pending(text, intendedNanos, answer, 0));
        });
        return answer.future();
    }

    Future<Long> command(String id, JsonObject command) {
        return command(id, command, System.nanoTime());
    }

    private void send(String id, Pending p) {
        pending.put(id, p);
        ws.writeTextMessage(p.text());
    }

    void close() {
        if (context == null) return;
        context.runOnContext(v -> {
            closing = true;
            if (!closed) ws.close();
        });
    }

    private void onText(String text) {
        long now = System.nanoTime();
        Window w = fleet.window();
        w.received(text.length());
        if (text.startsWith(BATCH)) {
            // one frame with the events of a group commit, each item an event message: counted and scanned one by one
            int next = text.indexOf(EVENT, BATCH.length());
            boolean firstItem = true;
            while (next >= 0) {
                int end = text.indexOf(EVENT, next + 1);
                if (!firstItem) w.received(0);
                firstItem = false;
                onEvent(text, next, end < 0 ? text.length() : end, now, w);
                next = end;
            }
        } else if (text.startsWith(EVENT)) {
            onEvent(text, 0, text.length(), now, w);
        } else if (text.startsWith("{\"type\":\"ack\"")) {
            String id = stringAfter(text, "\"id\":\"", 0);
            Pending p = pending.remove(id);
            if (p == null) return;
            w.ack(p.intendedNanos(), now);
            p.answer().complete(longAfter(text, "\"seq\":", 0));
        } else if (text.startsWith("{\"type\":\"snapshot\"")) {
            seq = longAfter(text, "\"seq\":", 0);
            fleet.snapshotBytes.addAndGet(text.length());
            if (!Fleet.offerDeflate) fleet.snapshotWireBytes.addAndGet(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            synced.tryComplete(seq);
        } else if (text.startsWith("{\"type\":\"error\"")) {
            String id = stringAfter(text, "\"id\":\"", 0);
            Pending p = id == null ? null : pending.remove(id);
            if (p == null) {
                synced.tryFail(text);
                return;
            }
            if (text.contains("\"code\":\"RETRY\"") && p.attempt() < MAX_RETRIES) {
                w.retried.incrementAndGet();
                send(id, new Pending(p.text(), p.intendedNanos(), p.answer(), p.attempt() + 1));
            } else {
                w.refused.incrementAndGet();
                p.answer().fail(text);
            }
        }
    }

    private static final String BATCH = "{\"type\":\"events\",\"items\":[";
    private static final String EVENT = "{\"type\":\"event\"";

    private static final String FOLDED = "{\"type\":\"event\",\"fromSeq\":";

    /** The item of {@code text} from {@code start} to {@code end} (read in place: a copy per item was a tenth of what the load generator allocated). */
    private void onEvent(String text, int start, int end, long now, Window w) {
        long s = longAfter(text, "\"seq\":", start);
        // a run of votes folded into one item (docs/protocol.md): it stands for the events from…s
        long from = text.startsWith(FOLDED, start) ? longAfter(text, FOLDED, start) : s;
        // a jump in seq is what a device takes as "I missed something": the server must never cause one
        if (seq >= 0 && from > seq + 1) w.gaps.incrementAndGet();
        if (s > seq) seq = s;
        if (from < s) {
            w.folded(from, s, "VoteCounted", stringAfter(text, "\"firstAt\":\"", start), now, end - start, node);
            return;
        }
        int ev = within(text.indexOf("\"event\":", start), end);
        boolean silent = ev < 0 || text.startsWith("null", ev + 8);
        String type = silent ? null : stringAfter(text, "\"type\":\"", ev);
        int patch = ev < 0 ? -1 : within(text.indexOf("\"patch\":", ev), end);
        int at = silent ? -1 : within(text.indexOf("\"at\":\"", ev), end);
        String stamp = at < 0 || (patch >= 0 && at > patch) ? null : stringAfter(text, "\"at\":\"", at);
        if (index == fleet.sampleTablet && type != null) fleet.samples.put(type, text.substring(start, end));
        w.event(s, type, stamp, now, end - start, node);
    }

    /** {@code i} if it falls before {@code end}, else -1 (not in this item). */
    private static int within(int i, int end) {
        return i < end ? i : -1;
    }

    static long longAfter(String text, String key, int from) {
        int i = text.indexOf(key, from);
        if (i < 0) return -1;
        long v = 0;
        for (int k = i + key.length(); k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String stringAfter(String text, String key, int from) {
        int i = text.indexOf(key, from);
        if (i < 0) return null;
        int start = i + key.length();
        int end = text.indexOf('"', start);
        return end < 0 ? null : text.substring(start, end);
    }

    /** A raw DEFLATE stream (RFC 1951) inflated to its UTF-8 text. */
    static String inflateRaw(byte[] bytes) {
        var inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(bytes);
            var out = new java.io.ByteArrayOutputStream(bytes.length * 8);
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && inflater.needsInput()) throw new IllegalStateException("raw DEFLATE stream ends before its final block");
                out.write(buf, 0, n);
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("not raw DEFLATE", e);
        } finally {
            inflater.end();
        }
    }
}
