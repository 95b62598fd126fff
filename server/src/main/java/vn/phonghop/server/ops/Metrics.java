package vn.phonghop.server.ops;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The server's counters in Prometheus text format: connections, commands, command latency,
 * fan-out latency, the store's commits and how long the event loops were held. Lock-free, cheap enough for the vote path.
 */
public final class Metrics {
    private static final double[] BUCKETS_MS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500};

    /** A latency histogram in milliseconds. */
    public static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS_MS.length + 1);
        private final AtomicLong sumMicros = new AtomicLong();

        public void record(long nanos) {
            double ms = nanos / 1e6;
            int i = 0;
            while (i < BUCKETS_MS.length && ms > BUCKETS_MS[i]) i++;
            counts.incrementAndGet(i);
            sumMicros.addAndGet(nanos / 1000);
        }

        void write(StringBuilder out, String name, String help) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n');
            out.append("# TYPE ").append(name).append(" histogram\n");
            long cumulative = 0;
            for (int i = 0; i < BUCKETS_MS.length; i++) {
                cumulative += counts.get(i);
                out.append(name).append("_bucket{le=\"").append(BUCKETS_MS[i] / 1000).append("\"} ").append(cumulative).append('\n');
            }
            cumulative += counts.get(BUCKETS_MS.length);
            out.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
            out.append(name).append("_sum ").append(sumMicros.get() / 1e6).append('\n');
            out.append(name).append("_count ").append(cumulative).append('\n');
        }
    }

    public final AtomicLong commands = new AtomicLong();
    public final AtomicLong refusals = new AtomicLong();
    public final Histogram commandLatency = new Histogram();
    public final Histogram fanOutLatency = new Histogram();
    public final Histogram storeLatency = new Histogram();
    /** How late each event loop's probe timer fired ({@link LoopLag}). */
    public final Histogram eventLoopLag = new Histogram();
    /** Snapshots sent as JSON text, and as raw DEFLATE (the device asked: hello's "compress"). */
    public final AtomicLong snapshotsText = new AtomicLong();
    public final AtomicLong snapshotsDeflated = new AtomicLong();
    private final LongSupplier connections;
    private final LongSupplier storeCommits;
    private final LongSupplier storeAppends;
    private final LongSupplier storeRetried;

    public Metrics(LongSupplier connections, LongSupplier storeCommits, LongSupplier storeAppends, LongSupplier storeRetried) {
        this.connections = connections;
        this.storeCommits = storeCommits;
        this.storeAppends = storeAppends;
        this.storeRetried = storeRetried;
    }

    public String prometheus() {
        var out = new StringBuilder(2048);
        gauge(out, "phonghop_connections", "Live sockets connected to this node", connections.getAsLong());
        counter(out, "phonghop_commands_total", "Commands decided", commands.get());
        counter(out, "phonghop_refusals_total", "Commands refused by the rules", refusals.get());
        counter(out, "phonghop_store_commits_total", "Transactions committed by the event store (group commit)", storeCommits.getAsLong());
        counter(out, "phonghop_store_appends_total", "Appends written by the event store", storeAppends.getAsLong());
        counter(out, "phonghop_store_batches_retried_total", "Group commits written again request by request after the whole"
                + " batch at once failed (PostgreSQL: another node's write or a repeated command in it)", storeRetried.getAsLong());
        out.append("# HELP phonghop_snapshots_total Snapshots sent, by form (text, or deflate-raw when the device asked)\n")
                .append("# TYPE phonghop_snapshots_total counter\n")
                .append("phonghop_snapshots_total{form=\"text\"} ").append(snapshotsText.get()).append('\n')
                .append("phonghop_snapshots_total{form=\"deflate-raw\"} ").append(snapshotsDeflated.get()).append('\n');
        commandLatency.write(out, "phonghop_command_seconds", "From command received to acknowledgement (durable)");
        fanOutLatency.write(out, "phonghop_fanout_seconds", "From event durable to written to this node's sockets");
        storeLatency.write(out, "phonghop_store_append_seconds", "From append submitted to committed (group commit)");
        eventLoopLag.write(out, "phonghop_event_loop_lag_seconds", "How late a timer fires on each event loop, probed every "
                + LoopLag.PERIOD_MS + " ms: the time the loop was held by other work");
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long v) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(v).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long v) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(v).append('\n');
    }
}
