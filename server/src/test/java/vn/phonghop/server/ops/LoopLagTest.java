package vn.phonghop.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoopLagTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("A loop held by a long handler shows as that much lag; the probe stops with its verticle")
    void a_held_loop_shows() throws Exception {
        var lag = new Metrics.Histogram();
        var loop = new AtomicReference<Context>();
        String deployment = vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                loop.set(context);
                LoopLag.probe(vertx, lag);
                return Future.succeededFuture();
            }
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        waitUntil(() -> count(lag, "+Inf") >= 2, "the probe fires");

        // 700 ms of work on the probed loop: the timer due within the next 100 ms fires ≥ 600 ms late
        loop.get().runOnContext(v -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        });
        waitUntil(() -> count(lag, "+Inf") - count(lag, "0.5") >= 1, "a lag over 500 ms is recorded");

        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long after = count(lag, "+Inf");
        // a timer of this loop's context that the probe would have re-armed: by the time it fires, the probe has had two turns
        var fired = new java.util.concurrent.CompletableFuture<Void>();
        vertx.setTimer(2 * LoopLag.PERIOD_MS + 50, id -> fired.complete(null));
        fired.get(10, TimeUnit.SECONDS);
        assertEquals(after, count(lag, "+Inf"), "no probe after the verticle is gone");
    }

    /** Cumulative count of the histogram's bucket {@code le} (seconds), as /metrics shows it. */
    private static long count(Metrics.Histogram h, String le) {
        var out = new StringBuilder();
        h.write(out, "lag", "test");
        String key = "lag_bucket{le=\"" + le + "\"} ";
        int i = out.indexOf(key);
        assertTrue(i >= 0, out.toString());
        int end = out.indexOf("\n", i);
        return Long.parseLong(out.substring(i + key.length(), end));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        var lock = new Object();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            synchronized (lock) {
                lock.wait(20); // no event to wait on: the condition is re-read
            }
        }
    }
}
