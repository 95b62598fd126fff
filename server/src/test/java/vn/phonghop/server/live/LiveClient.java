package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A device on the live channel, for tests: every message it receives is queued and a test waits
 * for the one it expects (never a fixed sleep). Keeps the last seq it applied, like a tablet.
 */
public final class LiveClient implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;
    // held so the client is not collected: Vert.x closes the connections of an unreachable client
    private final WebSocketClient client;
    private final WebSocket ws;
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    /** How many frames carried several events at once. */
    final java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
    private final List<JsonObject> seen = new ArrayList<>();
    private final List<JsonObject> backlog = new ArrayList<>();
    private volatile boolean closed;
    public long lastSeq = -1;

    private LiveClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(t -> {
            var m = new JsonObject(t);
            // a durable batch of several events comes as one frame; the tests read its events one by one
            if ("events".equals(m.getString("type"))) {
                batches.incrementAndGet();
                for (Object item : m.getJsonArray("items")) inbox.add((JsonObject) item);
            } else {
                inbox.add(m);
            }
        });
        // a snapshot asked for as raw DEFLATE (hello's "compress"): inflated here and queued as its text
        ws.binaryMessageHandler(b -> {
            binaryBytes.addAndGet(b.length());
            inbox.add(new JsonObject(inflateRaw(b.getBytes())));
        });
        ws.closeHandler(v -> closed = true);
    }

    /** Bytes received in binary frames (compressed snapshots). */
    final java.util.concurrent.atomic.AtomicLong binaryBytes = new java.util.concurrent.atomic.AtomicLong();

    static String inflateRaw(byte[] bytes) {
        var inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(bytes);
            var out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("raw DEFLATE stream ends before its final block");
                }
                out.write(buf, 0, n);
            }
            if (inflater.getRemaining() != 0) throw new IllegalStateException(inflater.getRemaining() + " bytes after the final block");
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("not raw DEFLATE", e);
        } finally {
            inflater.end();
        }
    }

    static LiveClient connect(Vertx vertx, int port) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024)
                .setMaxFrameSize(16 * 1024 * 1024));
        WebSocket ws = client.connect(port, "127.0.0.1", "/live").toCompletionStage().toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        return new LiveClient(client, ws);
    }

    public void sendText(String text) {
        ws.writeTextMessage(text);
    }

    public JsonObject hello(String token, String meetingId) {
        return hello(new JsonObject().put("type", "hello").put("token", token).put("meetingId", meetingId));
    }

    /** Says hello asking for the snapshot as raw DEFLATE in a binary frame, as a browser tablet does. */
    public JsonObject helloDeflated(String token, String meetingId) {
        return hello(new JsonObject().put("type", "hello").put("token", token).put("meetingId", meetingId).put("compress", "deflate-raw"));
    }

    private JsonObject hello(JsonObject h) {
        if (lastSeq >= 0) h.put("lastSeq", lastSeq);
        sendText(h.encode());
        return next(m -> "snapshot".equals(m.getString("type")) || "resume".equals(m.getString("type"))
                || "error".equals(m.getString("type")));
    }

    /** Sends a command with a fresh id and waits for its ack or error. */
    public JsonObject command(JsonObject command) {
        return command(UUID.randomUUID().toString(), command);
    }

    public JsonObject command(String id, JsonObject command) {
        sendText(new JsonObject().put("type", "command").put("id", id).put("command", command).encode());
        return next(m -> id.equals(m.getString("id")) && ("ack".equals(m.getString("type")) || "error".equals(m.getString("type"))));
    }

    /**
     * The first message matching, waiting for it. Messages passed over stay in a backlog that the
     * next wait looks at first, so a test may wait for an event that arrived before an ack.
     */
    public JsonObject next(Predicate<JsonObject> wanted) {
        for (var it = backlog.iterator(); it.hasNext(); ) {
            var m = it.next();
            if (wanted.test(m)) {
                it.remove();
                return m;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject m;
            try {
                m = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (m == null) fail("no matching message within " + WAIT_SECONDS + " s; saw " + summary());
            seen.add(m);
            if (m.getValue("seq") instanceof Number n && ("event".equals(m.getString("type"))
                    || "snapshot".equals(m.getString("type")))) {
                lastSeq = n.longValue();
            }
            if (wanted.test(m)) return m;
            backlog.add(m);
        }
    }

    private String summary() {
        var out = new StringBuilder();
        for (var m : seen) {
            out.append(m.getString("type"));
            if (m.getJsonObject("event") != null) out.append(':').append(m.getJsonObject("event").getString("type"));
            if (m.containsKey("seq")) out.append('@').append(m.getValue("seq"));
            if (m.containsKey("code")) out.append('!').append(m.getString("code")).append('/').append(m.getString("reason"));
            out.append(' ');
        }
        return out.toString();
    }

    /** The next event of this type (event.type). */
    public JsonObject event(String type) {
        return next(m -> "event".equals(m.getString("type")) && m.getJsonObject("event") != null
                && type.equals(m.getJsonObject("event").getString("type")));
    }

    public List<JsonObject> seen() {
        return seen;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) ws.close();
        client.close();
    }
}
