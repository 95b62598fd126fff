package vn.phonghop.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Congress: one meeting of 1,500 tablets. The secretary checks people in at the door, the last
 * few tablets check themselves in live, the chair opens a poll (secret, or by show of hands with
 * {@code mode=SHOW_OF_HANDS}) and everyone votes, spread over 10 s; then again in a 1 s burst;
 * then a flood (every vote at once) for the store's capacity.
 * Every vote must be acknowledged; "N of M voted" and the result must reach every tablet.
 */
final class Congress {
    private final Vertx vertx;
    private final Bench.Options o;
    private final Path work;
    private RealServer server;
    private Fleet fleet;
    private List<Tablet> tablets;

    Congress(Vertx vertx, Bench.Options o, Path work) {
        this.vertx = vertx;
        this.o = o;
        this.work = work;
    }

    /** The CI smoke run: a tiny congress, checked only for working (acks and results), never for timing. */
    JsonObject smoke() throws Exception {
        return scenario(o.integer("tablets", 20), List.of(new Phase("spread", 0.5), new Phase("burst", 0.2)), 1, false, 0);
    }

    JsonObject run() throws Exception {
        var phases = new ArrayList<>(List.of(new Phase("spread", o.decimal("spreadSeconds", 10)),
                new Phase("burst", o.decimal("burstSeconds", 1))));
        if (o.integer("flood", 1) == 1) phases.add(new Phase("flood", 0));
        return scenario(o.integer("tablets", 1500), phases, o.integer("liveCheckIns", 2), true, o.integer("warmUps", 40));
    }

    private record Phase(String name, double seconds) { }

    /**
     * The events a vote is to a tablet: "one more has voted" ({@code VoteCounted}) to delegates and
     * the display; to the console {@code VoterMarked} in a secret poll, {@code VoteCast} (who chose
     * what) in an open one ({@code mode=SHOW_OF_HANDS} or {@code PARTY_CARD}).
     */
    private static final String[] VOTE_EVENTS = {"VoteCounted", "VoterMarked", "VoteCast"};

    private JsonObject scenario(int n, List<Phase> phases, int liveCheckIns, boolean heap, int warmUps) throws Exception {
        var out = new JsonObject().put("tablets", n);
        try (var s = RealServer.start(vertx, o, work); var f = new Fleet(vertx, Bench.clientLoops(o), o.integer("perAddress", 5000), o.integer("addresses", 8))) {
            server = s;
            fleet = f;
            server.meetingOf(n, "Đại hội thử tải " + n + " đại biểu");
            out.put("rosterImportSeconds", server.rosterImportSeconds);
            long t0 = System.nanoTime();
            List<String> tokens = server.pairAll();
            out.put("pairingsPerSecond", round(n / ((System.nanoTime() - t0) / 1e9)));
            server.start(tokens.get(1));
            out.put("checkInsPerSecondHttp", round(server.checkIn(tokens.get(1), n - liveCheckIns)));
            var memoryBefore = heap ? server.process.memoryAfterGc() : null;

            Bench.log("connecting " + n + " tablets");
            long c0 = System.nanoTime();
            int nodes = server.ports.size();
            if (nodes == 1) {
                tablets = fleet.connect(server.process.port, server.meetingId, server.memberIds, tokens, 300);
            } else {
                // tablets spread evenly over the nodes, the chair's (tablet 0) on the first
                tablets = new ArrayList<>();
                for (int node = 0; node < nodes; node++) {
                    int from = n * node / nodes;
                    int to = n * (node + 1) / nodes;
                    var part = fleet.connect(server.ports.get(node), server.meetingId, server.memberIds.subList(from, to),
                            tokens.subList(from, to), 300);
                    for (Tablet t : part) t.node = node;
                    tablets.addAll(part);
                }
                int owner = server.owner();
                out.put("cluster", new JsonObject().put("nodes", nodes).put("ownerNode", owner));
                Bench.log(nodes + " nodes; node " + owner + " decides the meeting");
            }
            double connectSeconds = (System.nanoTime() - c0) / 1e9;
            out.put("connect", fleet.connectFigures(connectSeconds, n));
            if (heap) {
                out.put("serverHeap", server.process.memoryAfterGc().perTablet(memoryBefore, n));
            }
            out.put("liveCheckIn", liveCheckIns(n, liveCheckIns));
            var results = new JsonObject();
            boolean ok = true;
            var warm = warmUp(n, warmUps);
            out.put("warmUp", warm);
            ok &= warm.getBoolean("ok");
            for (Phase p : phases) {
                Bench.log("poll: " + p.name() + " (" + p.seconds() + " s)");
                JsonObject r = poll(p, n);
                ok &= r.getBoolean("ok");
                results.put(p.name(), r);
            }
            if (!ok) Bench.log("server log (tail):\n" + server.process.tail());
            return out.put("polls", results).put("ok", ok);
        }
    }

    /**
     * Unmeasured polls first, 1-second bursts and floods (every vote at once) in turn, until the JIT
     * compilers of both the server and the load generator have gone quiet (under {@code warmUpJit},
     * 5 % of a core, over each of the last two polls: a burst and a flood), at least two and at most
     * {@code most}. In a cold server C2 took half a core through every measured poll, 40 s after
     * start: that measures the compiler, not the server, which at a real congress has run since the
     * morning. Until 2026-11-24 16:17 the warm-up had only bursts, and the compilers took up to 39 %
     * of the server's CPU and ~50 % of the load generator's in most measured floods (its large commits
     * and all-at-once sends were compiled then). Reports how many polls and seconds it took, and the first
     * flood's votes per second (the cold figure).
     */
    private JsonObject warmUp(int n, int most) {
        double quiet = o.decimal("warmUpJit", 0.05);
        long t0 = System.nanoTime();
        int k = 0;
        double serverShare = -1;
        double clientShare = -1;
        int quietPolls = 0;
        double firstFlood = -1;
        boolean ok = true;
        while (k < most && quietPolls < 2) {
            long wall0 = System.nanoTime();
            long server0 = server.compilerMicros();
            long client0 = Cpu.selfCompilerMicros();
            boolean flood = k % 2 == 1;
            var r = poll(new Phase("warmup" + k, flood ? 0 : 1), n);
            ok &= r.getBoolean("ok");
            if (flood && firstFlood < 0) firstFlood = r.getDouble("ackedVotesPerSecond");
            double wallMicros = (System.nanoTime() - wall0) / 1e3;
            serverShare = (server.compilerMicros() - server0) / wallMicros;
            clientShare = (Cpu.selfCompilerMicros() - client0) / wallMicros;
            k++;
            quietPolls = serverShare < quiet && clientShare < quiet ? quietPolls + 1 : 0;
            Bench.log("poll: warm-up " + k + (flood ? " (flood" : " (1 s") + ", not measured); JIT compilers busy " + Math.round(serverShare * 100)
                    + " % of a core in the server, " + Math.round(clientShare * 100) + " % in the load generator");
        }
        return new JsonObject().put("ok", ok).put("polls", k).put("seconds", round((System.nanoTime() - t0) / 1e9))
                .put("firstFloodVotesPerSecond", firstFlood < 0 ? null : firstFlood)
                .put("lastPollJitShareOfACore", new JsonObject().put("server", round(serverShare)).put("client", round(clientShare)));
    }

    /** The last members were not checked in at the door: their tablets check in, and the whole room sees each. */
    private JsonObject liveCheckIns(int n, int count) {
        Window w = fleet.newWindow();
        var perCheckIn = new JsonArray();
        for (int i = n - count; i < n; i++) {
            Tablet t = tablets.get(i);
            long seq = Api.await(t.command(id(), new JsonObject().put("type", "CheckIn").put("personId", t.memberId)));
            everyone(w, seq, n, 120_000);
            perCheckIn.add(new JsonObject().put("seq", seq).put("messageBytes", w.bytesOf(seq))
                    .put("timeToLastTabletMs", Window.ms(w.timeToLastMicros(seq))));
        }
        return new JsonObject().put("ack", w.ackLatency()).put("events", perCheckIn);
    }

    private JsonObject poll(Phase phase, int n) {
        Tablet chair = tablets.get(0);
        String pollId = "p-" + phase.name();
        Window w = fleet.newWindow();
        Api.await(chair.command(id(), new JsonObject().put("type", "CreatePoll").put("pollId", pollId).put("itemId", "i-3")
                .put("question", "Biểu quyết thử tải " + phase.name()).put("kind", "ORDINARY_RESOLUTION").put("mode", o.text("mode", "SECRET"))
                .put("candidates", new JsonArray()).put("seats", 0).put("forms", new JsonArray()).put("changeAllowed", false)));
        long openSeq = Api.await(chair.command(id(), new JsonObject().put("type", "OpenPoll").put("pollId", pollId)));
        everyone(w, openSeq, n, 60_000);
        w.acks.reset();
        var metrics0 = server.metrics();
        long server0 = server.cpuMicros();
        long client0 = Cpu.self();
        long serverJit0 = server.compilerMicros();
        long clientJit0 = Cpu.selfCompilerMicros();
        long messages0 = w.messages.get();
        long frames0 = w.frames.get();

        var order = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new Random(42));
        long start = System.nanoTime() + 200_000_000L;
        long spreadNanos = (long) (phase.seconds() * 1e9);
        var votes = new ArrayList<Future<Long>>();
        for (int k = 0; k < n; k++) {
            Tablet t = tablets.get(order.get(k));
            long intended = start + spreadNanos * k / n;
            votes.add(t.command("v-" + pollId + "-" + t.memberId, new JsonObject().put("type", "CastVote").put("pollId", pollId)
                    .put("voterId", t.memberId).put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR"))
                    .put("ballotId", ""), intended));
        }
        Bench.await(() -> votes.stream().allMatch(Future::isComplete), (long) (phase.seconds() * 1000) + 120_000);
        long acked = votes.stream().filter(Future::succeeded).count();
        long lastSeq = votes.stream().filter(Future::succeeded).mapToLong(Future::result).max().orElse(openSeq);
        var ack = w.ackLatency();
        long lastAck = w.lastAckNanos.get();
        boolean countsArrived = everyone(w, lastSeq, n, 120_000);
        long delivered = System.nanoTime();
        long serverCpu = server.cpuMicros() - server0;
        long clientCpu = Cpu.self() - client0;
        long serverJit = server.compilerMicros() - serverJit0;
        long clientJit = Cpu.selfCompilerMicros() - clientJit0;
        long messages = w.messages.get() - messages0;
        var metrics1 = server.metrics();
        var counts = w.timeToLast(openSeq + 1, lastSeq, n, VOTE_EVENTS);
        var countLatency = w.deliveryLatency(VOTE_EVENTS);
        // in a cluster: the same deliveries by node (the owner's tablets get them first-hand, the others through the event bus)
        var byNode = new JsonObject();
        for (int node = 0; node < server.ports.size() && server.ports.size() > 1; node++) {
            byNode.put("node" + node, w.deliveryLatencyOnNode(node, VOTE_EVENTS));
        }

        long closeSeq = Api.await(chair.command(id(), new JsonObject().put("type", "ClosePoll").put("pollId", pollId)));
        boolean closed = everyone(w, closeSeq, n, 60_000);
        long showSeq = Api.await(chair.command(id(), new JsonObject().put("type", "ShowResult").put("pollId", pollId)));
        boolean shown = everyone(w, showSeq, n, 60_000);

        long commits = (long) (metrics1.getOrDefault("phonghop_store_commits_total", 0.0)
                - metrics0.getOrDefault("phonghop_store_commits_total", 0.0));
        return new JsonObject().put("ok", acked == n && countsArrived && closed && shown && w.drops.isEmpty())
                .put("windowSeconds", phase.seconds()).put("votes", n).put("acked", acked)
                .put("retries", w.retried.get()).put("refused", w.refused.get()).put("seqGaps", w.gaps.get())
                .put("droppedTablets", w.drops())
                .put("missing", w.missing(openSeq + 1, lastSeq, n)).put("firstVoteSeq", openSeq + 1).put("lastVoteSeq", lastSeq)
                .put("ack", ack)
                .put("ackedVotesPerSecond", round(acked / Math.max(1e-9, (lastAck - start) / 1e9)))
                .put("storeCommits", commits).put("votesPerCommit", commits > 0 ? round((double) acked / commits) : null)
                .put("serverSays", RealServer.says(metrics0, metrics1))
                .put("votedCountDelivery", countLatency)
                .put("votedCountDeliveryByNode", byNode.isEmpty() ? null : byNode)
                .put("votedCountTimeToLastTablet", counts)
                .put("resultTimeToLastTabletMs", new JsonObject().put("PollClosed", Window.ms(w.timeToLastMicros(closeSeq)))
                        .put("PollResultShown", Window.ms(w.timeToLastMicros(showSeq))))
                .put("messagesDelivered", messages)
                .put("framesDelivered", w.frames.get() - frames0)
                .put("messagesPerSecond", round(messages / ((delivered - start) / 1e9)))
                .put("serverCpuMicrosPerMessage", round((double) serverCpu / Math.max(1, messages)))
                .put("clientCpuMicrosPerMessage", round((double) clientCpu / Math.max(1, messages)))
                // how much of that CPU the JIT compilers took: near 0 once warm
                .put("jitShareOfCpu", new JsonObject().put("server", round((double) serverJit / Math.max(1, serverCpu)))
                        .put("client", round((double) clientJit / Math.max(1, clientCpu))));
    }

    /** True once every one of {@code n} tablets has received event {@code seq}. */
    static boolean everyone(Window w, long seq, int n, long timeoutMillis) {
        // a dropped tablet never receives it: waiting stops once every tablet still connected has it
        Bench.await(() -> w.receivers(seq) >= n - Tablet.dropped.get(), timeoutMillis);
        boolean all = w.receivers(seq) >= n;
        if (!all) Bench.log("event " + seq + " reached " + w.receivers(seq) + " of " + n + " tablets; dropped: " + w.drops());
        return all;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
