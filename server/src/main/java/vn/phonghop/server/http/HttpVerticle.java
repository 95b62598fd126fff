package vn.phonghop.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import vn.phonghop.server.Services;
import vn.phonghop.server.live.LiveHub;
import vn.phonghop.server.live.LiveSocket;

/**
 * The HTTP and WebSocket front of a node: the API, the live channel at /live, the front-ends and
 * their WebJars, health and metrics. Several instances share the port, one per event loop; each
 * keeps the sockets it accepted in its own {@link LiveHub}.
 */
public final class HttpVerticle extends VerticleBase {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration SILENCE = Duration.ofSeconds(45);

    private final Services services;
    private LiveHub hub;
    private HttpServer server;

    public HttpVerticle(Services services) {
        this.services = services;
    }

    @Override
    public Future<?> start() {
        hub = new LiveHub(vertx, services.metrics());
        Router router = Router.router(vertx);
        router.route().handler(this::securityHeaders);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        router.get("/openapi.yaml").handler(this::openApi);
        router.get("/i18n/messages.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8").end(Messages.table().encode()));
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(services.config().maxDocumentBytes())
                .setHandleFileUploads(false));
        new AuthApi(services).routes(router);
        new AccountsApi(services).routes(router);
        new MeetingsApi(services).routes(router);
        new DocumentsApi(services).routes(router);
        new RosterCsv(services).routes(router);
        new NotesApi(services).routes(router);
        new vn.phonghop.server.archive.ArchiveApi(services).routes(router);
        router.route("/api/*").handler(ctx -> ctx.fail(ApiError.notFound("no such API: " + ctx.request().path())));
        // PDF.js ships ES modules as .mjs, which the static handler has no type for; with nosniff a browser refuses them untyped
        router.route("/webjars/*").handler(ctx -> {
            if (ctx.normalizedPath().endsWith(".mjs")) ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8");
            ctx.next();
        });
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
        router.route().failureHandler(Failures::handle);

        var live = new LiveSocket.Services(vertx, services.meetings(), services.sessions(), services.accounts(),
                services.connections(), services.clock(), services.metrics());
        // every socket is pinged once per HEARTBEAT, a slice at a time (never all of a loop's sockets at once)
        vertx.setPeriodic(HEARTBEAT.toMillis() / LiveHub.HEARTBEAT_SLICES, t -> hub.heartbeatTick(services.clock().instant(), SILENCE));
        // the sockets' loop: a held loop holds every socket's reads and writes on it
        vn.phonghop.server.ops.LoopLag.probe(vertx, services.metrics().eventLoopLag);

        var options = new HttpServerOptions().setPort(services.config().port())
                .setMaxWebSocketFrameSize(256 * 1024).setMaxWebSocketMessageSize(256 * 1024)
                // WebSocket compression declined: Vert.x accepts permessage-deflate by default and
                // Chromium offers it on every socket, so each tablet's frames were deflated for it
                // alone (a ~170 KB zlib stream per socket, the same event compressed 1,500 times),
                // which undoes encoding a frame once (SharedFrame): at a congress of 1,500 the burst's
                // acks went from p99 ~30 to ~670 ms (docs/performance.md). Frames are small and the
                // meeting-room LAN is local; HTTP responses are still compressed.
                .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
                .setCompressionSupported(true);
        if (services.config().tls()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(services.config().tlsCert().orElseThrow().toString())
                    .setKeyPath(services.config().tlsKey().orElseThrow().toString()));
        }
        server = vertx.createHttpServer(options)
                .webSocketHandler(ws -> {
                    if (!"/live".equals(ws.path())) {
                        ws.close((short) 1008, "the live channel is /live");
                        return;
                    }
                    new LiveSocket(ws, hub, live).start();
                })
                .requestHandler(router);
        return server.listen();
    }

    /** Graceful stop: the server stops accepting, and open sockets are told the node is going away. */
    @Override
    public Future<?> stop() {
        hub.forEachSocket(LiveSocket::goingAway);
        return server.close();
    }

    public int sockets() {
        return hub == null ? 0 : hub.sockets();
    }

    private void securityHeaders(RoutingContext ctx) {
        // nothing may come from outside the server: the isolated LAN has no Internet
        ctx.response().putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                        + "worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; "
                        + "frame-ancestors 'none'")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
        ctx.next();
    }

    private void health(RoutingContext ctx) {
        vertx.executeBlocking(() -> services.store().lastSeq("health-probe")).onComplete(ar -> {
            var body = new JsonObject().put("status", ar.succeeded() ? "UP" : "DOWN")
                    .put("meetings", services.meetings().ids().size()).put("connections", services.connections().count());
            // ?meeting=<id>: whether this node decides that meeting now (for operators and the failover test)
            String meeting = ctx.request().getParam("meeting");
            if (meeting != null && !meeting.isBlank()) body.put("decidesHere", services.meetings().decidesHere(meeting));
            ctx.response().setStatusCode(ar.succeeded() ? 200 : 503)
                    .putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
        });
    }

    private void openApi(RoutingContext ctx) {
        try (var in = HttpVerticle.class.getClassLoader().getResourceAsStream("api/openapi.yaml")) {
            ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                    .end(io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
        } catch (java.io.IOException e) {
            ctx.fail(e);
        }
    }

    private void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(services.metrics().prometheus());
    }
}
