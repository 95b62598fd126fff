package vn.phonghop.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Agenda fan-out: every tablet of one meeting (10,000 by default) follows the secretary moving
 * from item to item. The same tablets then watch the same number of events of the same size from
 * the ceiling (a bare Vert.x broadcast server) and from Node's ws, in the same run, and the
 * ratios of the times to the last tablet are printed.
 */
final class FanOut {
    private static final int WARM_UP = 6;
    private final Vertx vertx;
    private final Bench.Options o;
    private final Path work;

    FanOut(Vertx vertx, Bench.Options o, Path work) {
        this.vertx = vertx;
        this.o = o;
        this.work = work;
    }

    JsonObject run() throws Exception {
        int n = o.integer("tablets", 10_000);
        int advances = o.integer("advances", 20);
        // processes=P: the tablets are spread over this process and P-1 workers (one process holds ~20,000 sockets)
        int processes = Math.max(1, o.integer("processes", 1));
        int local = n - (processes - 1) * (n / processes);
        var out = new JsonObject().put("tablets", n).put("advances", advances).put("processes", processes);
        JsonObject real;
        int perAddress = o.integer("perAddress", 5000);
        int addresses = o.integer("addresses", 8);
        try (var fleet = new Fleet(vertx, Bench.clientLoops(o), perAddress, addresses);
             var workers = new Workers(processes - 1, o, work, perAddress, addresses)) {
            try (var server = RealServer.start(vertx, o, work)) {
                server.meetingOf(n, "Phổ biến nghị quyết thử tải " + n + " máy tính bảng");
                out.put("rosterImportSeconds", server.rosterImportSeconds);
                List<String> tokens = server.pairAll();
                server.start(tokens.get(1));
                var memoryBefore = server.process.memoryAfterGc();
                Bench.log("connecting " + n + " tablets to the server");
                long c0 = System.nanoTime();
                var tablets = fleet.connect(server.process.port, server.meetingId, server.memberIds.subList(0, local),
                        tokens.subList(0, local), 900);
                workers.connect(server.process.port, server.meetingId, shares(tokens, local, workers.count()));
                out.put("connect", fleet.connectFigures((System.nanoTime() - c0) / 1e9, local));
                out.put("serverHeap", server.process.memoryAfterGc().perTablet(memoryBefore, n));
                Tablet secretary = tablets.get(1);
                var metrics0 = server.metrics();
                fleet.sampleTablet = local - 1; // a delegate's tablet: what it receives, the baselines send
                fleet.samples.clear();
                // warm-up moves (an even number) reach item 6; the measured ones then go back and forth between items 5 and 6
                real = advances(fleet, workers, secretary, local, n, advances, server.process, k -> new JsonObject()
                        .put("type", k < WARM_UP || (k - WARM_UP) % 2 == 1 ? "NextItem" : "PreviousItem"));
                var metrics1 = server.metrics();
                // the server's own view: commit time, and durable → written to every socket of this node
                real.put("serverSays", new JsonObject()
                        .put("storeAppendMeanMs", RealServer.meanMillis(metrics0, metrics1, "phonghop_store_append_seconds"))
                        .put("commandMeanMs", RealServer.meanMillis(metrics0, metrics1, "phonghop_command_seconds"))
                        .put("fanOutMeanMs", RealServer.meanMillis(metrics0, metrics1, "phonghop_fanout_seconds"))
                        .put("eventLoopLagMaxAtMostMs", RealServer.maxAtMostMillis(metrics0, metrics1, RealServer.LOOP_LAG)));
                fleet.disconnectAll();
                workers.disconnect();
            }
            out.put("server", real);
            Bench.log("server: " + real.encode());
            fleet.sampleTablet = -1;
            JsonObject sample = Baselines.command(fleet.samples, "CurrentItemChanged");
            var ratios = new JsonObject();
            for (String name : Baselines.names(o)) {
                JsonObject b;
                try {
                    b = baseline(fleet, workers, name, local, n, advances, sample);
                } catch (RuntimeException | IOException e) {
                    b = Baselines.failed(name, e);
                    fleet.disconnectAll();
                    workers.disconnect();
                }
                out.put(name, b);
                if (b.containsKey("timeToLastTablet")) {
                    double base = b.getJsonObject("timeToLastTablet").getDouble("p50ms");
                    ratios.put("serverOver" + Baselines.capital(name) + "TimeToLastP50",
                            Congress.round(real.getJsonObject("timeToLastTablet").getDouble("p50ms") / base));
                    ratios.put("serverOver" + Baselines.capital(name) + "CpuPerMessage", Congress.round(
                            real.getDouble("serverCpuMicrosPerMessage") / b.getDouble("serverCpuMicrosPerMessage")));
                }
            }
            out.put("ratios", ratios);
        }
        return out.put("ok", real.getBoolean("ok"));
    }

    private JsonObject baseline(Fleet fleet, Workers workers, String name, int local, int n, int advances, JsonObject sample)
            throws IOException {
        var skipped = new JsonObject();
        try (var child = Baselines.start(name, o, work, skipped)) {
            if (child == null) return skipped;
            Bench.log("baseline " + name + ": " + n + " tablets");
            var ids = new ArrayList<String>();
            for (int i = 0; i < local; i++) ids.add("b" + i);
            var tablets = fleet.connect(child.port, "bench", ids, java.util.Collections.nCopies(local, "none"), 900);
            workers.connect(child.port, "bench", shares(java.util.Collections.nCopies(n, "none"), local, workers.count()));
            long heap = Baselines.heapAfterGc(name, child);
            var r = advances(fleet, workers, tablets.get(1), local, n, advances, child, k -> sample);
            if (heap > 0) r.put("heapConnectedMB", heap / 1e6);
            fleet.disconnectAll();
            workers.disconnect();
            return r;
        }
    }

    /** The tokens after the first {@code local}, in {@code count} nearly equal shares (one per worker). */
    private static List<List<String>> shares(List<String> tokens, int local, int count) {
        var out = new ArrayList<List<String>>();
        int rest = tokens.size() - local;
        for (int k = 0; k < count; k++) out.add(tokens.subList(local + rest * k / count, local + rest * (k + 1) / count));
        return out;
    }

    /**
     * The secretary moves the agenda {@code count} times after {@link #WARM_UP} unmeasured moves; each
     * move is waited for on every tablet (the {@code local} ones here, the others in the workers)
     * before the next.
     */
    private JsonObject advances(Fleet fleet, Workers workers, Tablet secretary, int local, int n, int count, ChildProcess server,
                                java.util.function.IntFunction<JsonObject> move) throws IOException {
        for (int k = 0; k < WARM_UP; k++) {
            Window warm = fleet.newWindow();
            long seq = Api.await(secretary.command(Congress.id(), move.apply(k)));
            Congress.everyone(warm, seq, local, 60_000);
            workers.await(seq, 60_000);
        }
        Window w = fleet.newWindow();
        workers.window();
        var toLast = new Histogram(3);
        long server0 = server.cpuMicros();
        long client0 = Cpu.self();
        int reachedAll = 0;
        for (int k = 0; k < count; k++) {
            if (!server.alive()) throw new IllegalStateException(server.name + " exited: " + server.tail());
            long seq = Api.await(secretary.command(Congress.id(), move.apply(WARM_UP + k)), 30);
            boolean here = Congress.everyone(w, seq, local, 60_000);
            long[] there = workers.await(seq, 60_000);
            if (here && there[0] == n - local) {
                reachedAll++;
                toLast.recordValue(Math.max(w.timeToLastMicros(seq), there[1]));
            }
            Bench.pause(50); // let the room settle between moves, as a secretary would
        }
        long serverCpu = server.cpuMicros() - server0;
        var elsewhere = workers.stats();
        long clientCpu = Cpu.self() - client0 + elsewhere.cpuMicros();
        long messages = w.messages.get() + elsewhere.messages();
        long bytes = w.messageBytes.get() + elsewhere.bytes();
        var delivery = w.deliveryHistogram();
        delivery.add(elsewhere.delivery());
        return new JsonObject().put("ok", reachedAll == count).put("advancesReachingEveryTablet", reachedAll)
                .put("timeToLastTablet", Window.summary(toLast)).put("delivery", Window.summary(delivery))
                .put("secretaryAck", w.ackLatency())
                .put("eventBytesAverage", messages == 0 ? 0 : bytes / messages)
                .put("messagesDelivered", messages).put("seqGaps", w.gaps.get() + elsewhere.gaps())
                .put("serverCpuMicrosPerMessage", Congress.round((double) serverCpu / Math.max(1, messages)))
                .put("clientCpuMicrosPerMessage", Congress.round((double) clientCpu / Math.max(1, messages)));
    }
}
