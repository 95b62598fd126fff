package vn.phonghop.server.ops;

import io.vertx.core.Vertx;

/**
 * How late a timer fires on an event loop. Whatever holds a loop (a long handler, a blocking call,
 * a collector's pause, a starved core) delays its timers by as much, so a probe per loop, every
 * {@link #PERIOD_MS} ms, says whether the server's own loops were held when devices saw a stall:
 * held loops show here ({@code phonghop_event_loop_lag_seconds}); a stall outside the server (the
 * network, the devices, another process on the same cores) does not. Vert.x itself warns only of a
 * loop blocked for two seconds.
 */
public final class LoopLag {
    /** How often each loop is probed. */
    public static final long PERIOD_MS = 100;

    private LoopLag() {
    }

    /**
     * Probes the loop of the calling context from now on (call it on an event-loop context); its
     * timer ends with that context's verticle.
     */
    public static void probe(Vertx vertx, Metrics.Histogram lag) {
        long due = System.nanoTime() + PERIOD_MS * 1_000_000;
        vertx.setTimer(PERIOD_MS, id -> {
            lag.record(Math.max(0, System.nanoTime() - due));
            probe(vertx, lag);
        });
    }
}
