package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The heartbeat goes round a loop's sockets a slice at a time: every socket once per round, never
 * all at once (9,000 pings in one go held every event of the loop for ~90 ms, the national
 * evening's p99). Real sockets on loopback; the clock says every one of them has been silent.
 */
class HeartbeatTest {
    private static final int SOCKETS = 2 * LiveHub.HEARTBEAT_SLICES;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(60)
    @DisplayName("Each tick looks at one slice of the sockets, and one round closes every silent socket exactly once")
    void a_round_visits_every_socket_once_a_slice_at_a_time() throws Exception {
        Instant connectedAt = Instant.parse("2026-11-23T08:00:00Z");
        var services = new LiveSocket.Services(vertx, null, null, null, null, Clock.fixed(connectedAt, ZoneOffset.UTC), null);
        Context loop = vertx.getOrCreateContext();
        var hub = new LiveHub(vertx, null);
        var joined = new AtomicInteger();
        var listening = Promise.<HttpServer>promise();
        loop.runOnContext(v -> vertx.createHttpServer().webSocketHandler(ws -> {
            hub.join("mt-heartbeat", new LiveSocket(ws, hub, services));
            joined.incrementAndGet();
        }).listen(0, "127.0.0.1").onComplete(listening));
        int port = await(listening.future()).actualPort();

        // the client's default pool holds fewer connections per server than this test opens
        var client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions().setMaxConnections(SOCKETS));
        Map<Integer, Short> closeCodes = new ConcurrentHashMap<>();
        var sockets = new ArrayList<Future<WebSocket>>();
        for (int i = 0; i < SOCKETS; i++) {
            int index = i;
            sockets.add(client.connect(port, "127.0.0.1", "/live").onSuccess(ws -> ws.closeHandler(x -> closeCodes.put(index, ws.closeStatusCode()))));
        }
        await(Future.all(sockets));
        waitFor(() -> joined.get() == SOCKETS);

        // an hour later nobody has answered: each tick closes its own slice, and only that
        Instant later = connectedAt.plus(Duration.ofHours(1));
        List<Integer> looked = new ArrayList<>();
        for (int tick = 0; tick < LiveHub.HEARTBEAT_SLICES; tick++) {
            var seen = Promise.<Integer>promise();
            loop.runOnContext(v -> seen.complete(hub.heartbeatTick(later, Duration.ofSeconds(45))));
            looked.add(await(seen.future()));
        }
        assertEquals(java.util.Collections.nCopies(LiveHub.HEARTBEAT_SLICES, SOCKETS / LiveHub.HEARTBEAT_SLICES), looked,
                "sockets looked at per tick");
        waitFor(() -> closeCodes.size() == SOCKETS);
        assertTrue(closeCodes.values().stream().allMatch(c -> c == 4002), () -> "every socket closed as silent: " + closeCodes);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met in 30 s");
            Thread.sleep(5);
        }
    }
}
