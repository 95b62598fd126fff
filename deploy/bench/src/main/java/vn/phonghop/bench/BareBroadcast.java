package vn.phonghop.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: a bare Vert.x broadcast server with no application logic. It speaks just enough
 * of the live protocol for the same tablets: hello (with a meeting id: the room) → an empty
 * snapshot; a command → one event to every socket of the sender's room, then an ack. The event is
 * the one the command carries (the real server's event as a tablet received it: same text, same
 * bytes), stamped with the time the command arrived, built once and written to every socket with
 * {@code writeTextMessage} (encoded to UTF-8 per socket, as an application using the public API
 * does). One verticle per event loop, like the real server; the event crosses to the other loops
 * over the local event bus, like the real server's.
 * {@code java -cp phonghop-bench.jar vn.phonghop.bench.BareBroadcast <port>}
 */
public final class BareBroadcast extends VerticleBase {
    private static final String ADDRESS = "bare.broadcast";
    /** Each room's own seq, as each real meeting has. */
    private static final Map<String, AtomicLong> SEQS = new ConcurrentHashMap<>();
    private final int port;
    private final Map<String, Set<ServerWebSocket>> rooms = new HashMap<>();
    private HttpServer server;

    private BareBroadcast(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        // the same transport as the server under test (-Dphonghop.nativeTransport, as the server reads it)
        Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setPreferNativeTransport(Bench.nativeTransportFromProperty()));
        int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> new BareBroadcast(port), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare Vert.x broadcast on " + port + (vertx.isNativeTransportEnabled() ? " (epoll)" : " (Java NIO)")))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public Future<?> start() {
        // the body: the room, a NUL, the event's text
        vertx.eventBus().<String>localConsumer(ADDRESS, msg -> {
            String body = msg.body();
            int cut = body.indexOf('\0');
            Set<ServerWebSocket> room = rooms.get(body.substring(0, cut));
            if (room == null) return;
            String text = body.substring(cut + 1);
            for (ServerWebSocket ws : room) ws.writeTextMessage(text);
        });
        server = vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1")
                .setMaxWebSocketFrameSize(256 * 1024).setMaxWebSocketMessageSize(256 * 1024)
                // no WebSocket compression, like the real server and Node's ws (the tablets offer it)
                .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false));
        server.webSocketHandler(this::connected);
        return server.listen();
    }

    private void connected(ServerWebSocket ws) {
        String[] room = new String[1];
        ws.closeHandler(v -> {
            if (room[0] != null) rooms.get(room[0]).remove(ws);
        });
        ws.textMessageHandler(text -> {
            if (text.startsWith("{\"type\":\"hello\"")) {
                room[0] = new JsonObject(text).getString("meetingId", "");
                rooms.computeIfAbsent(room[0], k -> new LinkedHashSet<>()).add(ws);
                ws.writeTextMessage("{\"type\":\"snapshot\",\"seq\":" + seq(room[0]).get() + "}");
            } else if (text.startsWith("{\"type\":\"command\"") && room[0] != null) {
                String at = Instant.now().toString();
                var msg = new JsonObject(text);
                long seq = seq(room[0]).incrementAndGet();
                // the real server's event as a tablet received it, restamped: the same bytes on the wire
                JsonObject command = msg.getJsonObject("command");
                JsonObject sample = command.getJsonObject("event", new JsonObject().put("type", "CurrentItemChanged"));
                String event = "{\"type\":\"event\",\"seq\":" + seq + ",\"event\":" + sample.copy().put("at", at).encode()
                        + ",\"patch\":" + command.getJsonObject("patch", new JsonObject()).encode() + "}";
                vertx.eventBus().publish(ADDRESS, room[0] + '\0' + event);
                ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", msg.getString("id")).put("seq", seq).encode());
            }
        });
    }

    private static AtomicLong seq(String room) {
        return SEQS.computeIfAbsent(room, k -> new AtomicLong());
    }
}
