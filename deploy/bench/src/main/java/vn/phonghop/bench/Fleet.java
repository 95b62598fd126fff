package vn.phonghop.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated tablets of one scenario. Connections are spread over loopback source addresses
 * (127.0.0.2, .3, …): one address has only ~28k ephemeral ports, and closed sockets keep theirs
 * for a minute in TIME_WAIT, so each address takes at most {@code perAddress} connections in a run.
 */
final class Fleet implements AutoCloseable {
    private static final int CONNECTING_AT_ONCE = 256;
    /**
     * How long a tablet waits for its WebSocket handshake (-Dbench.handshakeSeconds, 30 by default):
     * at 20,000 members each hello is answered with a 2 MB snapshot, and the handshakes queue behind them.
     */
    private static final long HANDSHAKE_MILLIS = Long.getLong("bench.handshakeSeconds", 30) * 1000;
    /**
     * Whether the tablets offer permessage-deflate in their handshake, as Chromium does on every
     * WebSocket, and ask for their snapshot as raw DEFLATE in their hello, as the browser's live.js
     * does ({@code deflate=1}, the default; {@code deflate=0}: neither). The server decides whether
     * to accept the first: a benchmark whose tablets never offer it could not see a server that
     * compresses every frame for every real tablet. A worker process gets it as -Dbench.deflate.
     */
    static volatile boolean offerDeflate = Boolean.parseBoolean(System.getProperty("bench.deflate", "true"));

    private final Vertx vertx;
    /**
     * One context on each event loop of the load generator. A socket stays on the event loop of
     * the context that connected it, and Vert.x gives every call from one non-Vert.x thread the
     * same context: until 2026-11-24 every tablet was connected from the main thread's lanes and
     * all of them sat on one event loop, whatever {@code clientLoops} said, so one thread read all
     * 1,500 frames of a fan-out one after the other. Each lane now starts on its own loop's context:
     * those of a verticle deployed with one instance per loop ({@link #loopsDeployment}).
     */
    private final List<Context> loops;
    private final String loopsDeployment;
    private final int perAddress;
    private final int firstAddress;
    private final int lastAddress;
    private final Map<String, WebSocketClient> clients = new HashMap<>();
    private final List<Tablet> tablets = new ArrayList<>();
    private int opened;
    private volatile Window window = new Window();
    final AtomicLong snapshotBytes = new AtomicLong();
    /** The snapshots' bytes on the wire: raw DEFLATE when the tablets ask for it (deflate=1), else their UTF-8 text. */
    final AtomicLong snapshotWireBytes = new AtomicLong();
    /** The extensions the server accepted, by what its handshakes answered (e.g. "permessage-deflate"; "" for none). */
    final Map<String, Integer> extensions = new java.util.concurrent.ConcurrentHashMap<>();
    /** {@link #extensions} as the result line reports them. */
    JsonObject extensionsAccepted() {
        return new JsonObject(new HashMap<String, Object>(extensions));
    }

    /** The result line's {@code connect}: what the server accepted, how long it took, the snapshots' sizes per tablet of this process. */
    JsonObject connectFigures(double seconds, int connected) {
        return new JsonObject().put("extensionsAccepted", extensionsAccepted()).put("seconds", Congress.round(seconds))
                .put("snapshotBytesAverage", snapshotBytes.get() / connected).put("snapshotWireBytesAverage", snapshotWireBytes.get() / connected);
    }

    /** Which tablet keeps the text of the last event of each type it received ({@link #samples}); -1: none. */
    volatile int sampleTablet = -1;
    /** By event type, the last event the sample tablet received, as it came: the baselines send the same text. */
    final Map<String, String> samples = new java.util.concurrent.ConcurrentHashMap<>();

    Fleet(Vertx vertx, int loops, int perAddress, int addresses) {
        this(vertx, loops, perAddress, 2, addresses);
    }

    /**
     * Source addresses 127.0.0.{firstAddress} … (a worker process takes other addresses than the
     * main one); the tablets spread over the {@code loops} event loops of {@code vertx}.
     */
    Fleet(Vertx vertx, int loops, int perAddress, int firstAddress, int addresses) {
        this.vertx = vertx;
        var contexts = new java.util.concurrent.CopyOnWriteArrayList<Context>();
        this.loopsDeployment = Api.await(vertx.deployVerticle(() -> new io.vertx.core.VerticleBase() {
            @Override
            public Future<?> start() {
                contexts.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(loops)), 30);
        this.loops = List.copyOf(contexts);
        this.perAddress = perAddress;
        this.firstAddress = firstAddress;
        this.lastAddress = Math.min(254, firstAddress + addresses - 1);
        if (firstAddress < 2 || firstAddress > lastAddress) throw new IllegalArgumentException("no source addresses from 127.0.0." + firstAddress);
    }

    Window window() {
        return window;
    }

    /** Starts a new phase: what tablets observe from now on goes into a fresh window. */
    Window newWindow() {
        window = new Window();
        return window;
    }

    /** A window for tablets of many meetings, whose seqs overlap: deliveries only. */
    Window newSharedWindow() {
        window = new Window(false);
        return window;
    }

    /** Connects one tablet per token, says hello and waits for every snapshot; fails if any tablet does not get one. */
    List<Tablet> connect(int port, String meetingId, List<String> memberIds, List<String> tokens, long timeoutSeconds) {
        return connect(port, java.util.Collections.nCopies(tokens.size(), meetingId), memberIds, tokens, timeoutSeconds);
    }

    /** The same, each tablet to its own meeting. */
    List<Tablet> connect(int port, List<String> meetingIds, List<String> memberIds, List<String> tokens, long timeoutSeconds) {
        var connected = new ArrayList<Tablet>();
        var next = new AtomicInteger();
        var lanes = new ArrayList<Future<Void>>();
        for (int i = 0; i < tokens.size(); i++) connected.add(new Tablet(tablets.size() + i, memberIds.get(i), this));
        var sources = new ArrayList<String>();
        for (int i = 0; i < tokens.size(); i++) sources.add(sourceAddress());
        for (int lane = 0; lane < Math.min(CONNECTING_AT_ONCE, tokens.size()); lane++) {
            // a lane connects its next tablet from the last one's context: it stays on the loop it starts on
            var started = Promise.<Void>promise();
            loops.get(lane % loops.size()).runOnContext(v -> lane(next, port, meetingIds, connected, tokens, sources).onComplete(started));
            lanes.add(started.future());
        }
        Api.await(Future.all(lanes), timeoutSeconds);
        tablets.addAll(connected);
        return connected;
    }

    private Future<Void> lane(AtomicInteger next, int port, List<String> meetingIds, List<Tablet> connected, List<String> tokens,
                              List<String> sources) {
        int i = next.getAndIncrement();
        if (i >= tokens.size()) return Future.succeededFuture();
        var done = Promise.<Void>promise();
        var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/live").setTimeout(HANDSHAKE_MILLIS);
        client(sources.get(i)).connect(options)
                .compose(ws -> {
                    String accepted = ws.headers() == null ? null : ws.headers().get("sec-websocket-extensions");
                    extensions.merge(accepted == null ? "" : accepted, 1, Integer::sum);
                    return connected.get(i).attach(ws, tokens.get(i), meetingIds.get(i));
                })
                .onComplete(ar -> {
                    if (ar.failed()) done.fail(new IllegalStateException("tablet " + i + ": " + ar.cause().getMessage(), ar.cause()));
                    else lane(next, port, meetingIds, connected, tokens, sources).onComplete(done);
                });
        return done.future();
    }

    private String sourceAddress() {
        int span = lastAddress - firstAddress + 1;
        int slot = (opened++ / perAddress) % span;
        return "127.0.0." + (firstAddress + slot);
    }

    private WebSocketClient client(String source) {
        synchronized (clients) {
            return clients.computeIfAbsent(source, s -> vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress(s).setMaxConnections(100_000).setConnectTimeout(30_000)
                    .setTryUsePerMessageCompression(offerDeflate)
                    .setMaxMessageSize(64 * 1024 * 1024).setMaxFrameSize(1024 * 1024)));
        }
    }

    List<Tablet> tablets() {
        return tablets;
    }

    /** Closes every tablet's socket (the clients stay, so their addresses keep counting). */
    void disconnectAll() {
        tablets.forEach(Tablet::close);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && tablets.stream().anyMatch(t -> !t.closed)) Bench.pause(50);
        tablets.clear();
    }

    @Override
    public void close() {
        disconnectAll();
        synchronized (clients) {
            clients.values().forEach(c -> c.close());
            clients.clear();
        }
        Api.await(vertx.undeploy(loopsDeployment), 30);
    }
}
