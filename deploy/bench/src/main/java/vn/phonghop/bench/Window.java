package vn.phonghop.bench;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the tablets observe during one phase of a scenario: every delivery's latency from the
 * server's event timestamp to receipt (same machine clock), per event the latest receipt over all
 * tablets (time to last tablet), and every command's latency from its intended send time to its
 * acknowledgement. Written from the client's event loops without locks; read at the phase's end.
 */
final class Window {
    static final int MAX_SEQ = 1 << 17;

    private final long wallMicrosAtStart;
    private final long nanosAtStart;
    private final Map<String, Recorder> deliveries = new ConcurrentHashMap<>();
    /** The same deliveries by the node the tablet is connected to (a cluster run): per node (the index), by event type. */
    private final java.util.List<Map<String, Recorder>> deliveriesByNode = java.util.stream.IntStream.range(0, MAX_NODES)
            .<Map<String, Recorder>>mapToObj(i -> new ConcurrentHashMap<>()).toList();
    // what has been read from the recorders so far (reading a recorder empties it)
    private final Map<String, Histogram> deliveredSoFar = new java.util.HashMap<>();
    final AtomicLong events = new AtomicLong();
    private final AtomicLongArray atMicros = new AtomicLongArray(MAX_SEQ);
    private final AtomicLongArray lastMicros = new AtomicLongArray(MAX_SEQ);
    private final AtomicLongArray receivers = new AtomicLongArray(MAX_SEQ);
    private final AtomicLongArray bytes = new AtomicLongArray(MAX_SEQ);
    private final String[] types = new String[MAX_SEQ];
    final Recorder acks = new Recorder(3);
    final AtomicLong acked = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong messages = new AtomicLong();
    /** WebSocket frames received: fewer than messages when the server batches a group commit's events in one frame. */
    final AtomicLong frames = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong messageBytes = new AtomicLong();
    final AtomicLong lastAckNanos = new AtomicLong();
    /** Tablets whose socket closed during the window, by "close code@node" (the server drops a tablet too slow to read). */
    final Map<String, AtomicLong> drops = new ConcurrentHashMap<>();

    void dropped(String closeCode, int node) {
        drops.computeIfAbsent(closeCode + "@node" + node, k -> new AtomicLong()).incrementAndGet();
    }

    JsonObject drops() {
        var out = new JsonObject();
        new java.util.TreeMap<>(drops).forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** False when tablets of many meetings share this window: seqs are per meeting, so only deliveries are kept. */
    private final boolean perEvent;

    Window() {
        this(true);
    }

    Window(boolean perEvent) {
        this.perEvent = perEvent;
        Instant now = Instant.now();
        nanosAtStart = System.nanoTime();
        wallMicrosAtStart = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** More server nodes than a cluster run here starts. */
    private static final int MAX_NODES = 16;

    private Recorder byNode(String type, int node) {
        return deliveriesByNode.get(node).computeIfAbsent(type, k -> new Recorder(3));
    }

    /** The last time text read on a thread, and its value: the tablets of a loop read the same event one after the other. */
    private static final class Parsed {
        String text = "";
        long micros;
    }

    private static final ThreadLocal<Parsed> LAST_PARSED = ThreadLocal.withInitial(Parsed::new);

    /**
     * An event's time ({@code at}, ISO-8601) in wall microseconds. Parsed once per thread for the
     * many tablets that read the same text in a row: parsing it for each was ~5 % of what the
     * load generator allocated, and its collector's cycles stall every tablet at once.
     */
    static long micros(String at) {
        Parsed last = LAST_PARSED.get();
        if (!at.equals(last.text)) {
            Instant i = Instant.parse(at);
            last.text = at;
            last.micros = i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
        }
        return last.micros;
    }

    /** The wall clock in microseconds, read cheaply through the monotonic clock. */
    long wallMicros(long nanoTime) {
        return wallMicrosAtStart + (nanoTime - nanosAtStart) / 1000;
    }

    /** A message arrived at a tablet: any kind counts for throughput; an event also for latency. */
    void received(int length) {
        if (length > 0) frames.incrementAndGet();
        messages.incrementAndGet();
        messageBytes.addAndGet(length);
    }

    void event(long seq, String type, String at, long receivedNanos, int length, int node) {
        if (seq <= 0 || seq >= MAX_SEQ || at == null) return;
        if (!perEvent) {
            long stamp = micros(at);
            // an event the server recorded before this window opened belongs to the phase before it
            // (a warm-up's last delivery arriving late was counted here, and the phase before ended one short)
            if (stamp < wallMicrosAtStart) return;
            long latency = Math.max(0, wallMicros(receivedNanos) - stamp);
            deliveries.computeIfAbsent(type == null ? "?" : type, k -> new Recorder(3)).recordValue(latency);
            events.incrementAndGet();
            return;
        }
        long stamp = atMicros.get((int) seq);
        if (stamp == 0) {
            stamp = micros(at);
            atMicros.set((int) seq, stamp);
            types[(int) seq] = type;
            bytes.set((int) seq, length);
        }
        long latency = Math.max(0, wallMicros(receivedNanos) - stamp);
        deliveries.computeIfAbsent(type == null ? "?" : type, k -> new Recorder(3)).recordValue(latency);
        byNode(type == null ? "?" : type, node).recordValue(latency);
        events.incrementAndGet();
        lastMicros.accumulateAndGet((int) seq, latency, Math::max);
        receivers.incrementAndGet((int) seq);
    }

    /** Folded runs received (from, to, receipt in wall µs, node, the run's first `at` in µs), turned into deliveries when read. */
    private final java.util.concurrent.ConcurrentLinkedQueue<long[]> foldedRuns = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * A tablet learned of the events from…to at once (the server folded a run of votes into one
     * item). Each counts as delivered at this receipt, with its latency from its own `at`: known
     * once the console's tablet (which gets every event singly) has reported it, so the latencies
     * are worked out when read; failing that, from the run's first `at` (which overstates it).
     */
    void folded(long from, long to, String type, String firstAt, long receivedNanos, int length, int node) {
        if (from <= 0 || to >= MAX_SEQ || firstAt == null) return;
        long first = micros(firstAt);
        long received = wallMicros(receivedNanos);
        if (!perEvent) {
            if (first < wallMicrosAtStart) return;
            for (long s = from; s <= to; s++) {
                deliveries.computeIfAbsent(type, k -> new Recorder(3)).recordValue(Math.max(0, received - first));
                events.incrementAndGet();
            }
            return;
        }
        for (long s = from; s <= to; s++) {
            if (types[(int) s] == null) types[(int) s] = type;
            bytes.compareAndSet((int) s, 0, length);
            events.incrementAndGet();
        }
        foldedRuns.add(new long[] {from, to, received, node, first});
        // counted last: a reader that sees every tablet has them also finds this run to resolve
        for (long s = from; s <= to; s++) receivers.incrementAndGet((int) s);
    }

    /** Turns the folded runs received so far into deliveries (see {@link #folded}). */
    private synchronized void resolveFolded() {
        long[] r;
        while ((r = foldedRuns.poll()) != null) {
            Recorder all = deliveries.computeIfAbsent("VoteCounted", k -> new Recorder(3));
            Recorder onNode = byNode("VoteCounted", (int) r[3]);
            for (long s = r[0]; s <= r[1]; s++) {
                long stamp = atMicros.get((int) s);
                long latency = Math.max(0, r[2] - (stamp != 0 ? stamp : r[4]));
                all.recordValue(latency);
                onNode.recordValue(latency);
                lastMicros.accumulateAndGet((int) s, latency, Math::max);
            }
        }
    }

    /**
     * {@code -Dbench.timeline=FILE} (in {@code BENCH_JVM}): a line per acknowledgement ({@code a},
     * intended send time µs, latency µs) and per event whose time to the last tablet is summed up
     * ({@code t}, seq, event time µs, time to last tablet µs), to see when in a phase the tail
     * happens: a stall, or every frame alike. Off (null) by default.
     */
    static final java.io.PrintStream TIMELINE = timeline();

    private static java.io.PrintStream timeline() {
        String f = System.getProperty("bench.timeline");
        try {
            return f == null ? null : new java.io.PrintStream(new java.io.FileOutputStream(f, true), true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void ack(long intendedNanos, long receivedNanos) {
        if (TIMELINE != null) TIMELINE.println("a " + intendedNanos / 1000 + " " + (receivedNanos - intendedNanos) / 1000);
        acks.recordValue(Math.max(0, (receivedNanos - intendedNanos) / 1000));
        acked.incrementAndGet();
        lastAckNanos.accumulateAndGet(receivedNanos, Math::max);
    }

    long receivers(long seq) {
        return seq > 0 && seq < MAX_SEQ ? receivers.get((int) seq) : 0;
    }

    /** Bytes of the first copy of this event a tablet received (the delegate's message, unless the console got there first). */
    long bytesOf(long seq) {
        return seq > 0 && seq < MAX_SEQ ? bytes.get((int) seq) : 0;
    }

    /** The seqs in [from, to] that fewer than {@code expected} tablets received (at most 20): what went missing. */
    io.vertx.core.json.JsonArray missing(long from, long to, long expected) {
        var out = new io.vertx.core.json.JsonArray();
        for (long s = Math.max(1, from); s <= to && s < MAX_SEQ && out.size() < 20; s++) {
            if (receivers.get((int) s) < expected) out.add(new JsonObject().put("seq", s).put("receivers", receivers.get((int) s)));
        }
        return out;
    }

    long timeToLastMicros(long seq) {
        resolveFolded();
        return seq > 0 && seq < MAX_SEQ ? lastMicros.get((int) seq) : -1;
    }

    /** Deliveries of the given event types (all when none named): p50, p99, p99.9, max in ms. */
    synchronized JsonObject deliveryLatency(String... eventTypes) {
        return summary(deliveryHistogram(eventTypes));
    }

    /** The deliveries of the given event types (all when none named) so far, as a histogram of µs. */
    synchronized Histogram deliveryHistogram(String... eventTypes) {
        resolveFolded();
        deliveries.forEach((type, r) -> deliveredSoFar.computeIfAbsent(type, k -> new Histogram(3)).add(r.getIntervalHistogram()));
        var h = new Histogram(3);
        deliveredSoFar.forEach((type, d) -> {
            if (eventTypes.length == 0 || java.util.Arrays.asList(eventTypes).contains(type)) h.add(d);
        });
        return h;
    }

    /** Deliveries of these event types to the tablets connected to one node: p50, p99, p99.9, max in ms (read once). */
    JsonObject deliveryLatencyOnNode(int node, String... eventTypes) {
        resolveFolded();
        var h = new Histogram(3);
        for (String t : eventTypes) {
            var r = node < deliveriesByNode.size() ? deliveriesByNode.get(node).get(t) : null;
            if (r != null) h.add(r.getIntervalHistogram());
        }
        return summary(h);
    }

    /** Time to last tablet over the events in [from, to] that every one of {@code expected} tablets received. */
    JsonObject timeToLast(long from, long to, long expected, String... eventTypes) {
        resolveFolded();
        var h = new Histogram(3);
        long complete = 0;
        long events = 0;
        for (long s = Math.max(1, from); s <= to && s < MAX_SEQ; s++) {
            String t = types[(int) s];
            if (eventTypes.length > 0 && !java.util.Arrays.asList(eventTypes).contains(t)) continue;
            events++;
            if (TIMELINE != null) TIMELINE.println("t " + s + " " + atMicros.get((int) s) + " " + lastMicros.get((int) s));
            if (receivers.get((int) s) >= expected) {
                complete++;
                h.recordValue(lastMicros.get((int) s));
            }
        }
        return summary(h).put("events", events).put("reachedEveryTablet", complete);
    }

    JsonObject ackLatency() {
        return summary(acks.getIntervalHistogram());
    }

    static JsonObject summary(Histogram h) {
        return new JsonObject().put("count", h.getTotalCount()).put("p50ms", ms(h.getValueAtPercentile(50)))
                .put("p99ms", ms(h.getValueAtPercentile(99))).put("p999ms", ms(h.getValueAtPercentile(99.9)))
                .put("maxms", ms(h.getMaxValue()));
    }

    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
