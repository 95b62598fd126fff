package vn.phonghop.server.e2e;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.phonghop.server.Server;
import vn.phonghop.server.config.Config;

/** A real server on a free port with its own data directory, started the way Main starts it, with the demo meeting. */
final class Room implements AutoCloseable {
    private final Vertx vertx;
    private final Server server;
    private final int port;

    private Room(Vertx vertx, Server server, int port) {
        this.vertx = vertx;
        this.server = server;
        this.port = port;
    }

    static Room start(Path dataDir) throws Exception {
        int port = freePort();
        var config = Config.from(Map.of("PORT", String.valueOf(port), "DATA_DIR", dataDir.toString()));
        Vertx vertx = Vertx.vertx();
        Server server = Server.start(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        return new Room(vertx, server, port);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The demo's pairing code for the tablet seat of a member (m03, m04, m05). */
    String seatCode(String memberId) {
        return server.demo().seatCodes().stream().filter(c -> c.startsWith(memberId + " "))
                .map(c -> c.substring(memberId.length() + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo code for " + memberId));
    }

    /** The server's /metrics text, as a monitoring system reads it. */
    String metrics() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/metrics"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    String displayCode() {
        return server.demo().displayCode();
    }

    @Override
    public void close() throws Exception {
        server.close().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
