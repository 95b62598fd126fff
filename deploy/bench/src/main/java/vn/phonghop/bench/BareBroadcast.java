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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: a bare Vert.x broadcast server with no application logic. It speaks just enough
 * of the live protocol for the same tablets: hello → an empty snapshot; a command → one event,
 * stamped with the time it arrived and padded to the size the real server's event had, built once
 * and written to every socket, then an ack. One verticle per event loop, like the real server;
 * the event crosses to the other loops over the local event bus, like the real server's.
 * {@code java -cp phonghop-bench.jar vn.phonghop.bench.BareBroadcast <port>}
 */
public final class BareBroadcast extends VerticleBase {
    private static final String ADDRESS = "bare.broadcast";
    private static final AtomicLong SEQ = new AtomicLong();
    private final int port;
    private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
    private HttpServer server;

    private BareBroadcast(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> new BareBroadcast(port), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare Vert.x broadcast on " + port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public Future<?> start() {
        vertx.eventBus().<String>localConsumer(ADDRESS, msg -> {
            String text = msg.body();
            for (ServerWebSocket ws : sockets) ws.writeTextMessage(text);
        });
        server = vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1")
                .setMaxWebSocketFrameSize(256 * 1024).setMaxWebSocketMessageSize(256 * 1024));
        server.webSocketHandler(this::connected);
        return server.listen();
    }

    private void connected(ServerWebSocket ws) {
        sockets.add(ws);
        ws.closeHandler(v -> sockets.remove(ws));
        ws.textMessageHandler(text -> {
            if (text.startsWith("{\"type\":\"hello\"")) {
                ws.writeTextMessage("{\"type\":\"snapshot\",\"seq\":" + SEQ.get() + "}");
            } else if (text.startsWith("{\"type\":\"command\"")) {
                String at = Instant.now().toString();
                var msg = new JsonObject(text);
                long seq = SEQ.incrementAndGet();
                int pad = msg.getJsonObject("command").getInteger("pad", 0);
                String event = "{\"type\":\"event\",\"seq\":" + seq + ",\"event\":{\"type\":\"CurrentItemChanged\",\"at\":\"" + at
                        + "\"},\"patch\":{\"pad\":\"" + "x".repeat(pad) + "\"}}";
                vertx.eventBus().publish(ADDRESS, event);
                ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", msg.getString("id")).put("seq", seq).encode());
            }
        });
    }
}
