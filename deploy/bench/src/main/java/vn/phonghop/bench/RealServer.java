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
    final Api api;
    final String adminToken;
    String meetingId;
    double rosterImportSeconds;
    final List<String> memberIds = new ArrayList<>();

    private RealServer(ChildProcess process, Api api, String adminToken) {
        this.process = process;
        this.api = api;
        this.adminToken = adminToken;
    }

    static RealServer start(Vertx vertx, Bench.Options o, Path work) throws IOException {
        Path jar = Path.of(o.text("serverJar", System.getProperty("phonghop.server.jar", "server/target/phonghop-server.jar")));
        if (!Files.isRegularFile(jar)) throw new IOException("no server jar at " + jar.toAbsolutePath() + ": run mvn -B install -DskipTests");
        Path data = Files.createDirectories(work.resolve("data"));
        int port = freePort();
        var args = new ArrayList<String>(List.of(o.text("serverJvm", "-Xmx2g").split(" ")));
        args.removeIf(String::isBlank);
        args.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        Bench.log("starting the server (" + jar + ") on port " + port);
        var process = ChildProcess.start("server", ChildProcess.java(args),
                Map.of("PORT", String.valueOf(port), "DATA_DIR", data.toString()), port, work.resolve("server.log"));
        var api = new Api(vertx, port);
        awaitHealth(api);
        return new RealServer(process, api, api.login("admin", ADMIN_PASSWORD));
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

    /** The server's own counters and histogram sums from /metrics (Prometheus text), by name. */
    java.util.Map<String, Double> metrics() {
        var out = new java.util.HashMap<String, Double>();
        try {
            String text = Api.await(api.call(io.vertx.core.http.HttpMethod.GET, "/metrics", null, null, null), 10).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.contains("{")) continue;
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

    @Override
    public void close() {
        process.close();
    }
}
