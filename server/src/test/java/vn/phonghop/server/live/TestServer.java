package vn.phonghop.server.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.phonghop.server.Server;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.demo.Demo;

/** A real server on a free loopback port with its own data directory, and a plain HTTP client for it. */
public final class TestServer implements AutoCloseable {
    public final Vertx vertx;
    /** The node's Vert.x and, when CLUSTER_MEMBERS is given, its Hazelcast membership. */
    public final vn.phonghop.server.cluster.Cluster cluster;
    public final Server server;
    public final int port;
    private final HttpClient http;

    public TestServer(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    /** With more environment variables (e.g. TLS_CERT and TLS_KEY). */
    public TestServer(Path dataDir, Map<String, String> env) throws Exception {
        this(dataDir, env, null);
    }

    /** One node on the given clock (the time commands arrive at), for what happens minutes later. */
    public TestServer(Path dataDir, java.time.Clock clock) throws Exception {
        this(dataDir, Map.of(), clock);
    }

    private TestServer(Path dataDir, Map<String, String> env, java.time.Clock clock) throws Exception {
        this.port = freePort();
        var all = new java.util.HashMap<>(env);
        all.put("PORT", String.valueOf(port));
        all.put("DATA_DIR", dataDir.toString());
        var config = Config.from(all);
        this.cluster = vn.phonghop.server.cluster.Cluster.start(config).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        this.vertx = cluster.vertx();
        this.server = (clock == null ? Server.start(cluster, config) : Server.start(cluster.vertx(), config, clock))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        this.http = vertx.createHttpClient();
    }

    public static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An HTTP exchange: status, headers and body. */
    public record Response(int status, io.vertx.core.MultiMap headers, Buffer body) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response call(HttpMethod method, String path, String token, String contentType, Buffer body) throws Exception {
        var opts = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
        if (token != null) opts.putHeader("Authorization", "Bearer " + token);
        if (contentType != null) opts.putHeader("Content-Type", contentType);
        return http.request(opts).compose(req -> (body == null ? req.send() : req.send(body))
                        .compose(res -> res.body().map(b -> new Response(res.statusCode(), res.headers(), b))))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    public Response get(String path, String token) throws Exception {
        return call(HttpMethod.GET, path, token, null, null);
    }

    public Response post(String path, String token, JsonObject body) throws Exception {
        return call(HttpMethod.POST, path, token, "application/json", body.toBuffer());
    }

    /** Signs a demo account in and returns its token. */
    public String login(String username) throws Exception {
        var r = post("/api/login", null, new JsonObject().put("username", username).put("password", Demo.PASSWORD));
        if (r.status() != 200) throw new IllegalStateException("login " + username + ": " + r.text());
        return r.json().getString("token");
    }

    public LiveClient live() throws Exception {
        return LiveClient.connect(vertx, port);
    }

    @Override
    public void close() {
        try {
            server.close().compose(v -> cluster.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not stop", e);
        }
    }
}
