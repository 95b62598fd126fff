package vn.phonghop.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real server under test: its fat jar on a fresh data directory, and a meeting of
 * {@code members} set up through the HTTP API as the demo administrator would: scheduled from
 * the template, roster imported, chair and minute-taker assigned, published, started, and one
 * paired seat (token) per member.
 */
final class RealServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "phonghop-demo";

    final ChildProcess process;
    /** Every node (the first is {@code process}); one unless a cluster is under test. */
    final List<ChildProcess> nodes = new ArrayList<>();
    final Api api;
    final String adminToken;
    String meetingId;
    double rosterImportSeconds;
    final List<String> memberIds = new ArrayList<>();

    private RealServer(ChildProcess process, Api api, String adminToken) {
        this.process = process;
        this.nodes.add(process);
        this.api = api;
        this.adminToken = adminToken;
    }

    /**
     * One node on a fresh H2 directory; or, with {@code dbUrl=} (a fresh PostgreSQL database), on
     * PostgreSQL; with {@code nodes=N} as well, N clustered nodes on it (Hazelcast on 127.0.0.1).
     */
    static RealServer start(Vertx vertx, Bench.Options o, Path work) throws IOException {
        Path jar = Path.of(o.text("serverJar", System.getProperty("phonghop.server.jar", "server/target/phonghop-server.jar")));
        if (!Files.isRegularFile(jar)) throw new IOException("no server jar at " + jar.toAbsolutePath() + ": run mvn -B install -DskipTests");
        int count = o.integer("nodes", 1);
        String dbUrl = o.text("dbUrl", "");
        if (count > 1 && dbUrl.isEmpty()) throw new IllegalArgumentException("nodes=" + count + " needs dbUrl= (a PostgreSQL database)");
        var args = new ArrayList<String>(List.of(o.text("serverJvm", "-Xmx2g").split(" ")));
        args.removeIf(String::isBlank);
        args.add(Bench.transportProperty(o));
        args.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        var ports = new ArrayList<Integer>();
        var hazelcast = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ports.add(freePort());
            hazelcast.add("127.0.0.1:" + freePort());
        }
        var started = new ArrayList<ChildProcess>();
        var apis = new ArrayList<Api>();
        for (int i = 0; i < count; i++) {
            Path data = Files.createDirectories(work.resolve(count == 1 ? "data" : "data" + i));
            var env = new java.util.HashMap<String, String>(Map.of("PORT", String.valueOf(ports.get(i)), "DATA_DIR", data.toString()));
            if (!dbUrl.isEmpty()) {
                env.put("DB_URL", dbUrl);
                env.put("DB_USER", o.text("dbUser", "phonghop"));
            }
            if (count > 1) {
                env.put("CLUSTER_NAME", "phonghop-bench-" + ProcessHandle.current().pid());
                env.put("CLUSTER_MEMBERS", String.join(",", hazelcast));
                env.put("CLUSTER_PORT", hazelcast.get(i).substring(hazelcast.get(i).indexOf(':') + 1));
            }
            Bench.log("starting server node " + i + " (" + jar + ") on port " + ports.get(i) + (dbUrl.isEmpty() ? "" : " on " + dbUrl));
            started.add(ChildProcess.start(count == 1 ? "server" : "server" + i, ChildProcess.java(args), env, ports.get(i),
                    work.resolve(count == 1 ? "server.log" : "server" + i + ".log")));
            apis.add(new Api(vertx, ports.get(i)));
            awaitHealth(apis.get(i));
        }
        var api = apis.get(0);
        // in a cluster the oldest member seeds the demo (with its admin account) once the members see each other
        String admin = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (admin == null) {
            try {
                admin = api.login("admin", ADMIN_PASSWORD);
            } catch (RuntimeException notYet) {
                if (System.currentTimeMillis() > deadline) throw notYet;
                Bench.pause(200);
            }
        }
        var server = new RealServer(started.get(0), api, admin);
        for (int i = 1; i < count; i++) server.nodes.add(started.get(i));
        server.ports.addAll(ports);
        server.apis.addAll(apis);
        return server;
    }

    /** The HTTP port of each node, and an HTTP client for each. */
    final List<Integer> ports = new ArrayList<>();
    final List<Api> apis = new ArrayList<>();

    /** Which node decides the meeting now (0 unless a cluster is under test). */
    int owner() {
        for (int i = 0; i < ports.size(); i++) {
            var h = Api.await(apis.get(i).call(io.vertx.core.http.HttpMethod.GET, "/health?meeting=" + meetingId, null, null, null), 10);
            if (new JsonObject(h.body()).getBoolean("decidesHere", false)) return i;
        }
        return -1;
    }

    /** CPU time of every node, in microseconds. */
    long cpuMicros() {
        return nodes.stream().mapToLong(ChildProcess::cpuMicros).sum();
    }

    /** CPU time of the nodes' JIT compiler threads so far, in microseconds. */
    long compilerMicros() {
        return nodes.stream().mapToLong(n -> Cpu.compilerMicros(n.pid())).sum();
    }

    private static void awaitHealth(Api api) {
        boolean up = Bench.await(() -> {
            try {
                return Api.await(api.call(io.vertx.core.http.HttpMethod.GET, "/health", null, null, null), 5).status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }, 120_000);
        if (!up) throw new IllegalStateException("the server did not report healthy");
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Schedules, fills and publishes the meeting: member 1 chairs, member 2 takes the minutes. */
    void meetingOf(int members, String title) {
        meetingId = api.scheduleMeeting(adminToken, title);
        for (int i = 1; i <= members; i++) memberIds.add(String.format("d%05d", i));
        long t0 = System.nanoTime();
        api.importRoster(adminToken, meetingId, memberIds);
        rosterImportSeconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        Bench.log("roster of " + members + " imported in " + rosterImportSeconds + " s");
        command(new JsonObject().put("type", "AssignRole").put("memberId", memberIds.get(0)).put("role", "CHAIR"));
        command(new JsonObject().put("type", "AssignRole").put("memberId", memberIds.get(1)).put("role", "MINUTE_TAKER"));
        command(new JsonObject().put("type", "PublishMeeting"));
        Bench.log("meeting " + meetingId + " of " + members + " members published");
    }

    void command(JsonObject command) {
        Api.await(api.command(adminToken, meetingId, command));
    }

    /** The minute-taker's seat (the secretary at the door) starts the meeting: only the chair or minute-taker may. */
    void start(String secretaryToken) {
        Api.await(api.command(secretaryToken, meetingId, new JsonObject().put("type", "StartMeeting")));
        Bench.log("meeting " + meetingId + " started");
    }

    /** The secretary checks the first {@code count} members in over HTTP; returns check-ins per second. */
    double checkIn(String secretaryToken, int count) {
        long t0 = System.nanoTime();
        Api.all(count, 8, i -> api.command(secretaryToken, meetingId,
                new JsonObject().put("type", "CheckIn").put("personId", memberIds.get(i))));
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** One paired seat per member: a pairing code issued by the console, redeemed as the tablet would. */
    List<String> pairAll() {
        return Api.all(memberIds.size(), 16, i -> api.pairSeat(adminToken, meetingId, memberIds.get(i)));
    }

    /** The server's probe of its event loops (a timer every 100 ms on each, how late it fired). */
    static final String LOOP_LAG = "phonghop_event_loop_lag_seconds";

    /**
     * What the server says of a phase, between two scrapes of /metrics: store append, command and
     * fan-out (durable → written to the sockets), means and p99 buckets, and how long its event loops
     * were held: a stall the tablets saw but these did not was not the server's.
     */
    static io.vertx.core.json.JsonObject says(java.util.Map<String, Double> before, java.util.Map<String, Double> after) {
        return new io.vertx.core.json.JsonObject()
                .put("storeAppendMeanMs", meanMillis(before, after, "phonghop_store_append_seconds"))
                .put("commandMeanMs", meanMillis(before, after, "phonghop_command_seconds"))
                .put("fanOutMeanMs", meanMillis(before, after, "phonghop_fanout_seconds"))
                .put("storeAppendP99AtMostMs", p99AtMostMillis(before, after, "phonghop_store_append_seconds"))
                .put("commandP99AtMostMs", p99AtMostMillis(before, after, "phonghop_command_seconds"))
                .put("fanOutP99AtMostMs", p99AtMostMillis(before, after, "phonghop_fanout_seconds"))
                .put("eventLoopLagP99AtMostMs", p99AtMostMillis(before, after, LOOP_LAG))
                .put("eventLoopLagMaxAtMostMs", maxAtMostMillis(before, after, LOOP_LAG));
    }

    /** The server's own counters, histogram buckets and sums from /metrics (Prometheus text), by name with its labels. */
    java.util.Map<String, Double> metrics() {
        var out = new java.util.HashMap<String, Double>();
        try {
            String text = Api.await(api.call(io.vertx.core.http.HttpMethod.GET, "/metrics", null, null, null), 10).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) continue;
                int sp = line.lastIndexOf(' ');
                if (sp > 0) out.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        } catch (RuntimeException e) {
            Bench.log("no metrics: " + e);
        }
        return out;
    }

    /** The mean of a server histogram between two scrapes, in ms. */
    static double meanMillis(java.util.Map<String, Double> before, java.util.Map<String, Double> after, String histogram) {
        double count = after.getOrDefault(histogram + "_count", 0.0) - before.getOrDefault(histogram + "_count", 0.0);
        double sum = after.getOrDefault(histogram + "_sum", 0.0) - before.getOrDefault(histogram + "_sum", 0.0);
        return count == 0 ? -1 : Math.round(sum / count * 1e5) / 100.0;
    }

    /**
     * The upper bound in ms of the server histogram's bucket that holds its 99th percentile between
     * two scrapes (the buckets are coarse: 1, 2, 5, 10, 25, 50, 100, 250 ms …); -1 when it recorded
     * nothing, null when the percentile is past the last finite bucket.
     */
    static Double p99AtMostMillis(java.util.Map<String, Double> before, java.util.Map<String, Double> after, String histogram) {
        return atMostMillis(before, after, histogram, 0.99);
    }

    /** As {@link #p99AtMostMillis}, for the largest value recorded between the two scrapes. */
    static Double maxAtMostMillis(java.util.Map<String, Double> before, java.util.Map<String, Double> after, String histogram) {
        return atMostMillis(before, after, histogram, 1.0);
    }

    private static Double atMostMillis(java.util.Map<String, Double> before, java.util.Map<String, Double> after, String histogram,
            double fraction) {
        String prefix = histogram + "_bucket{le=\"";
        var bounds = new java.util.TreeMap<Double, Double>();
        for (var e : after.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            String le = e.getKey().substring(prefix.length(), e.getKey().length() - 2);
            bounds.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le) * 1000,
                    e.getValue() - before.getOrDefault(e.getKey(), 0.0));
        }
        if (bounds.isEmpty() || bounds.lastEntry().getValue() == 0) return -1.0;
        double total = bounds.lastEntry().getValue();
        for (var b : bounds.entrySet()) if (b.getValue() >= fraction * total) return b.getKey().isInfinite() ? null : b.getKey();
        return null;
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
    }
}
