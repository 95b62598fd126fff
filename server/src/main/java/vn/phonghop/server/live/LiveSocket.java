package vn.phonghop.server.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Accounts;
import vn.phonghop.server.accounts.Principal;
import vn.phonghop.server.accounts.Sessions;

/**
 * One device's live channel: hello (token, meeting, last seq) → snapshot or the missed events →
 * events in seq order; commands with client ids answered by ack or a typed error. Every bad
 * message is answered and the socket stays open; a socket that cannot keep up is closed and the
 * device resumes from its last seq.
 */
public final class LiveSocket {
    private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());

    /** Services a socket needs, shared by every socket of a node. */
    public record Services(Vertx vertx, Meetings meetings, Sessions sessions, Accounts accounts,
                           Connections connections, Clock clock, vn.phonghop.server.ops.Metrics metrics) {
    }

    private enum Stage { AWAITING_HELLO, SYNCING, LIVE, CLOSED }
    /**
     * What a device may ask for in its hello ({@code "compress":"deflate-raw"}): its snapshots as one
     * binary frame of raw DEFLATE (docs/protocol.md). WebSocket compression itself is declined
     * (a zlib stream per socket, every frame compressed per socket: docs/performance.md).
     */
    static final String COMPRESS = "deflate-raw";

    private final ServerWebSocket ws;
    private final SocketOut out;
    private final LiveHub hub;
    private final Services services;
    private final Context context;
    private final String connectionId = UUID.randomUUID().toString();
    private final List<LiveMessage> buffered = new ArrayList<>();
    private Stage stage = Stage.AWAITING_HELLO;
    /** Told to close: its close frame is on its way, and nothing more is written. */
    private boolean closing;
    /** Whether this device's snapshots go as raw DEFLATE in a binary frame (its hello asked). */
    private boolean deflatedSnapshots;
    private String meetingId;
    private MeetingRuntime runtime;
    private Viewer viewer;
    private long seq;
    private Instant lastSeen;
    /** Which tick of the hub's heartbeat round pings this socket. */
    int heartbeatSlice;
    /** Its lane in its room ({@link LiveHub}). */
    int paceLane;

    public LiveSocket(ServerWebSocket ws, LiveHub hub, Services services) {
        this.ws = ws;
        this.out = new SocketOut(ws);
        this.hub = hub;
        this.services = services;
        this.context = services.vertx().getOrCreateContext();
        this.lastSeen = services.clock().instant();
    }

    /**
     * What a socket may have unsent (besides its last snapshot) before it counts as too slow and is
     * dropped (it resumes from its seq): the channel's high water mark.
     */
    static final int WRITE_QUEUE_BYTES = 512 * 1024;

    /**
     * How long a socket told to close may take to let its close frame out before the connection is
     * cut. A device that stopped reading never lets it through: the frame waits behind what the
     * socket already holds (up to {@link #WRITE_QUEUE_BYTES}), and Vert.x times the close handshake
     * only from when the frame is written, so the connection, its buffers and its place in the
     * meeting would stay for as long as the device's kernel answers TCP's probes. A device that
     * is only slow reads its close within this and learns why it was closed. Tests shorten it.
     */
    static volatile long closeGraceMillis = 30_000;

    public void start() {
        ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> send(Protocol.error(null, "UNKNOWN_MESSAGE", "binary messages are not used")));
        ws.pongHandler(b -> lastSeen = services.clock().instant());
        ws.exceptionHandler(e -> LOG.fine(() -> "socket " + connectionId + ": " + e));
        ws.closeHandler(v -> closed());
        services.vertx().setTimer(15_000, t -> {
            if (stage == Stage.AWAITING_HELLO) close((short) 4001, "no hello");
        });
    }

    /** Heartbeat: ping a live device, close one silent for too long. */
    public void heartbeat(Instant now, java.time.Duration silence) {
        if (stage == Stage.CLOSED || closing) return;
        if (lastSeen.plus(silence).isBefore(now)) {
            close((short) 4002, "heartbeat missed");
        } else {
            ws.writePing(Buffer.buffer("hb"));
        }
    }

    /** The node is shutting down: the device should reconnect (to another node, or this one when back). */
    public void goingAway() {
        close((short) 1001, "server going away");
    }

    /**
     * Closes the socket with {@code code} (once: nothing is written after the close frame), and cuts
     * the connection if it is still open {@link #closeGraceMillis} later.
     */
    private void close(short code, String reason) {
        if (stage == Stage.CLOSED || closing) return;
        closing = true;
        ws.close(code, reason);
        long grace = closeGraceMillis;
        services.vertx().setTimer(grace, t -> {
            if (stage == Stage.CLOSED) return;
            LOG.info(() -> "socket " + connectionId + " did not take its close frame (" + code + ") in "
                    + grace + " ms: connection cut");
            out.cut();
        });
    }

    /**
     * A durable batch from the hub. A socket that stands just before it gets the audience's shared
     * frame; one that already has part of it (it resumed meanwhile) gets the rest one by one.
     */
    void deliver(List<LiveMessage> batch, java.util.function.Function<Audience, SharedFrame> frameFor) {
        if (stage == Stage.SYNCING) {
            buffered.addAll(batch);
        } else if (stage == Stage.LIVE) {
            long first = batch.get(0).seq();
            long last = batch.get(batch.size() - 1).seq();
            if (seq == first - 1) {
                seq = last;
                SharedFrame frame = frameFor.apply(viewer.audience());
                if (frame != null) send(frame);
            } else {
                for (LiveMessage m : batch) deliver(m);
            }
        }
    }

    void deliver(LiveMessage m) {
        if (stage == Stage.SYNCING) {
            buffered.add(m);
        } else if (stage == Stage.LIVE && m.seq() > seq) {
            seq = m.seq();
            String text = m.textFor(viewer.audience());
            if (text != null) send(text);
        }
    }

    private void onText(String text) {
        lastSeen = services.clock().instant();
        if (text.length() > Protocol.MAX_MESSAGE_CHARS) {
            send(Protocol.error(null, "MESSAGE_TOO_LARGE", "at most " + Protocol.MAX_MESSAGE_CHARS + " characters"));
            return;
        }
        JsonObject msg;
        try {
            msg = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            send(Protocol.error(null, "MALFORMED_JSON", "not a JSON object"));
            return;
        }
        Object type = msg.getValue("type");
        if ("hello".equals(type)) hello(msg);
        else if ("command".equals(type)) command(msg);
        else if ("ping".equals(type)) send(new JsonObject().put("type", "pong").put("seq", seq).encode());
        else if ("connections".equals(type)) connections();
        else send(Protocol.error(stringOrNull(msg, "id"), "UNKNOWN_MESSAGE", String.valueOf(type)));
    }

    private void hello(JsonObject msg) {
        if (stage != Stage.AWAITING_HELLO) {
            send(Protocol.error(null, "BAD_REQUEST", "hello was already said"));
            return;
        }
        String token = stringOrNull(msg, "token");
        String meeting = stringOrNull(msg, "meetingId");
        Object last = msg.getValue("lastSeq");
        Object compress = msg.getValue("compress");
        if (token == null || meeting == null || (last != null && !(last instanceof Number))
                || (compress != null && !COMPRESS.equals(compress))) {
            send(Protocol.error(null, "BAD_REQUEST", "hello needs token, meetingId, optionally lastSeq and compress \"" + COMPRESS + "\""));
            return;
        }
        deflatedSnapshots = compress != null;
        stage = Stage.SYNCING;
        services.vertx().executeBlocking(() -> identify(token)).compose(who -> {
            if (who == null) return Future.failedFuture(new Refusal("NOT_AUTHENTICATED"));
            return services.meetings().find(meeting)
                    .compose(found -> found.map(Future::succeededFuture).orElse(Future.failedFuture(new Refusal("NOT_FOUND"))))
                    .compose(rt -> Future.fromCompletionStage(rt.state(), context).compose(state -> {
                        var v = Access.viewer(who.principal(), who.account(), state);
                        if (v.isEmpty()) return Future.failedFuture(new Refusal("FORBIDDEN"));
                        runtime = rt;
                        viewer = v.get();
                        meetingId = meeting;
                        hub.join(meetingId, this);
                        String name = viewer.personId() == null ? "Màn hình phòng họp" : state.roster().nameOf(viewer.personId());
                        services.connections().add(new Connections.Connection(connectionId, meetingId,
                                viewer.personId(), name, viewer.audience(), services.clock().instant()));
                        return sync(last == null ? -1 : ((Number) last).longValue());
                    }));
        }).onComplete(ar -> {
            if (ar.succeeded()) return;
            stage = Stage.AWAITING_HELLO;
            String code = ar.cause() instanceof Refusal r ? r.getMessage() : "INTERNAL";
            if (!(ar.cause() instanceof Refusal)) LOG.warning(() -> "hello failed: " + ar.cause());
            send(Protocol.error(null, code, "hello refused"));
        });
    }

    /** Sends what the device missed since {@code lastSeq}, or a fresh snapshot, then goes live. */
    private Future<Void> sync(long lastSeq) {
        Future<Void> sent;
        if (lastSeq >= 0) {
            sent = Future.fromCompletionStage(runtime.since(lastSeq), context).compose(missed -> {
                if (missed == null) return sendSnapshot();
                send(new JsonObject().put("type", "resume").put("from", lastSeq).encode());
                seq = lastSeq;
                for (var m : missed) {
                    seq = m.seq();
                    String text = m.textFor(viewer.audience());
                    if (text != null) send(text);
                }
                return Future.succeededFuture();
            });
        } else {
            sent = sendSnapshot();
        }
        return sent.map(v -> {
            stage = Stage.LIVE;
            for (var m : buffered) deliver(m);
            buffered.clear();
            return null;
        });
    }

    private Future<Void> sendSnapshot() {
        return Future.fromCompletionStage(runtime.snapshotText(viewer, deflatedSnapshots), context).map(snap -> {
            seq = snap.seq();
            var metrics = services.metrics();
            if (snap.deflated() == null) {
                metrics.snapshotsText.incrementAndGet();
                if (writable()) out.snapshot(snap.text());
            } else {
                metrics.snapshotsDeflated.incrementAndGet();
                if (writable()) out.snapshot(snap.deflated());
            }
            return null;
        });
    }

    private void command(JsonObject msg) {
        String id = stringOrNull(msg, "id");
        if (stage != Stage.LIVE) {
            send(Protocol.error(id, "NOT_AUTHENTICATED", "say hello first"));
            return;
        }
        var parsed = CommandIntake.parse(msg, viewer, services.clock().instant());
        if (!parsed.ok()) {
            send(Protocol.error(id, parsed.errorCode(), parsed.detail()));
            return;
        }
        MeetingCommand command = parsed.command();
        long started = System.nanoTime();
        Future.fromCompletionStage(runtime.command(id, command), context).onComplete(ar -> {
            var metrics = services.metrics();
            metrics.commands.incrementAndGet();
            metrics.commandLatency.record(System.nanoTime() - started);
            if (ar.succeeded() && ar.result() instanceof Reply.Refused) metrics.refusals.incrementAndGet();
            if (ar.failed()) {
                send(Protocol.retry(id));
                return;
            }
            Reply r = ar.result();
            if (r instanceof Reply.Ack a) send(a.json());
            else if (r instanceof Reply.Refused f) send(Protocol.refused(id, f.rejection()));
            else if (r instanceof Reply.NoQuorum q) send(Protocol.noQuorum(id, q));
            else send(Protocol.retry(id));
        });
    }

    private void connections() {
        if (stage != Stage.LIVE || viewer.audience() != Audience.CONSOLE) {
            send(Protocol.error(null, "FORBIDDEN", "only the console sees connections"));
            return;
        }
        send(new JsonObject().put("type", "connections").put("devices", services.connections().of(meetingId)).encode());
    }

    private void send(String text) {
        if (writable()) out.text(text);
    }

    private void send(SharedFrame frame) {
        if (writable()) frame.writeTo(out);
    }

    private boolean writable() {
        if (stage == Stage.CLOSED || closing) return false;
        if (out.tooSlow()) {
            // a tablet that cannot keep up is dropped; it reconnects and resumes from its last seq
            close((short) 4008, "too slow");
            return false;
        }
        return true;
    }

    private void closed() {
        stage = Stage.CLOSED;
        if (meetingId != null) {
            hub.leave(meetingId, this);
            services.connections().remove(meetingId, connectionId);
        }
    }

    private record Who(Principal principal, Optional<Account> account) { }

    private Who identify(String token) {
        var session = services.sessions().lookup(token);
        if (session.isEmpty()) return null;
        Principal p = session.get().principal();
        Optional<Account> account = p instanceof Principal.User u ? services.accounts().find(u.accountId()) : Optional.empty();
        return new Who(p, account);
    }

    private static String stringOrNull(JsonObject o, String key) {
        return o.getValue(key) instanceof String s ? s : null;
    }

    /** A hello refused for a reason the device is told. */
    private static final class Refusal extends RuntimeException {
        Refusal(String code) {
            super(code, null, false, false);
        }
    }
}
