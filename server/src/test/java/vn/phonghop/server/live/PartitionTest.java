package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.store.PostgresServer;

/**
 * A real network partition: three server JVMs, each in its own network namespace with two links,
 * one to a "LAN" bridge (tablets, this test, and PostgreSQL through a relay on the host) and one to
 * a "cluster" bridge (Hazelcast and the event bus). Pulling the owner's cluster link leaves it
 * alone with the store still in reach: the dangerous case. It must refuse commands and say so; the
 * two others take the meeting over; when the link is back the three merge and nothing acknowledged
 * on either side is lost or doubled. Needs root for {@code ip netns} (CI runs as root). With
 * {@code PARTITION_LOGS=<dir>} the nodes' logs are kept there.
 */
class PartitionTest {
    private static final String TAG = "ph" + (ProcessHandle.current().pid() % 100_000);
    private static final String LAN = "10.213.0.";
    private static final String CLUSTER = "10.214.0.";
    private static final int HTTP = 8080;

    @TempDir
    Path data;
    final Vertx vertx = Vertx.vertx();
    final Process[] nodes = new Process[3];
    final List<String> cleanup = new ArrayList<>();
    NetServer relay;

    @AfterEach
    void stop() throws Exception {
        for (Process p : nodes) if (p != null) p.destroyForcibly().waitFor();
        if (System.getenv("PARTITION_LOGS") != null) {
            try (var files = Files.list(data)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    Files.copy(f, Path.of(System.getenv("PARTITION_LOGS")).resolve(f.getFileName()));
                }
            }
        }
        for (int i = cleanup.size() - 1; i >= 0; i--) ip(false, cleanup.get(i).split(" "));
        if (relay != null) relay.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("Partition: the owner cut off from the two others refuses commands with NO_QUORUM; they decide; after healing nothing is lost or doubled")
    void owner_cut_off() throws Exception {
        network();
        String db = relayedDatabase();
        String name = "phonghop-partition-" + System.nanoTime();
        for (int i = 0; i < 3; i++) nodes[i] = start(i, db, name);
        String chair = awaitLogin(0, "chutri");
        int owner = awaitOneOwner();
        assertEquals(200, retrying(owner, chair, UUID.randomUUID().toString(), cmd("StartMeeting")).getInteger("status"));

        // the owner's cluster link is pulled: it still reaches PostgreSQL and its tablets
        ip(true, "link", "set", TAG + "c" + owner, "down");
        long cut = System.nanoTime();
        int majority = (owner + 1) % 3;
        // until it notices it is alone it may still decide (durably, through the store); then it refuses
        var acked = new ArrayList<String>();
        JsonObject refused = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int n = 0; refused == null && System.nanoTime() < deadline; n++) {
            String member = String.format("m%02d", 3 + n % 10);
            var r = http(owner, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/commands", chair,
                    new JsonObject().put("id", UUID.randomUUID().toString()).put("command", cmd("CheckIn").put("personId", member)));
            if (r.getInteger("status") == 200) acked.add(member);
            if ("NO_QUORUM".equals(r.getJsonObject("body").getString("code"))) refused = r;
            else nodes[owner].waitFor(100, TimeUnit.MILLISECONDS);
        }
        assertTrue(refused != null, "the cut-off node says it has no quorum");
        long noQuorum = System.nanoTime();
        assertEquals(503, refused.getInteger("status"));
        assertEquals(1, refused.getJsonObject("body").getInteger("members"), refused.encode());

        // the two others take the meeting over from the store and decide
        String late = "m14";
        var decided = retrying(majority, chair, UUID.randomUUID().toString(), cmd("CheckIn").put("personId", late));
        assertEquals(200, decided.getInteger("status"), decided.encode());
        // the cut-off node refuses this one and does not apply it; reading goes on there
        String refusedId = UUID.randomUUID().toString();
        var no = http(owner, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/commands", chair,
                new JsonObject().put("id", refusedId).put("command", cmd("CheckIn").put("personId", "m15")));
        assertEquals("NO_QUORUM", no.getJsonObject("body").getString("code"), no.encode());
        assertEquals(200, http(owner, HttpMethod.GET, "/api/meetings/" + Demo.MEETING_ID, chair, null).getInteger("status"));
        assertFalse(present(majority, chair).contains("m15"), "a refused command is not applied anywhere");

        // the link is back: the sides merge; the command refused before is sent again and applied once
        ip(true, "link", "set", TAG + "c" + owner, "up");
        long healed = System.nanoTime();
        var again = retrying(owner, chair, refusedId, cmd("CheckIn").put("personId", "m15"));
        long ackedAfterHeal = System.nanoTime();
        assertEquals(200, again.getInteger("status"), again.encode());
        var repeat = retrying(majority, chair, refusedId, cmd("CheckIn").put("personId", "m15"));
        assertEquals(again.getJsonObject("body").getLong("seq"), repeat.getJsonObject("body").getLong("seq"), "applied once");

        // every node ends with the same history: every acknowledged check-in, on either side
        long seq = again.getJsonObject("body").getLong("seq");
        for (int i = 0; i < 3; i++) {
            int node = i;
            awaitTrue(() -> seqOf(node, chair) >= seq, () -> "node " + node + " has caught up with seq " + seq + ": " + describe(node, chair));
            var people = present(node, chair);
            assertTrue(people.containsAll(acked) && people.contains(late) && people.contains("m15"), "node " + node + ": " + people);
        }
        System.out.printf("partition: NO_QUORUM %d ms after the cut (%d commands decided by the cut-off node before, all kept);"
                + " first ack through it %d ms after healing%n", (noQuorum - cut) / 1_000_000, acked.size(),
                (ackedAfterHeal - healed) / 1_000_000);
    }

    // --- the network -------------------------------------------------------------------------

    /** Two bridges on the host and, for each node, a namespace with a LAN link and a cluster link. */
    private void network() throws Exception {
        String lanBridge = TAG + "lan";
        String clusterBridge = TAG + "clu";
        ip(true, "link", "add", lanBridge, "type", "bridge");
        cleanup.add("link del " + lanBridge);
        ip(true, "addr", "add", LAN + "1/24", "dev", lanBridge);
        ip(true, "link", "set", lanBridge, "up");
        ip(true, "link", "add", clusterBridge, "type", "bridge");
        cleanup.add("link del " + clusterBridge);
        ip(true, "link", "set", clusterBridge, "up");
        for (int i = 0; i < 3; i++) {
            String ns = TAG + "n" + i;
            ip(true, "netns", "add", ns);
            cleanup.add("netns del " + ns);
            ip(true, "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            link(ns, TAG + "l" + i, TAG + "L" + i, lanBridge, LAN + (10 + i));
            link(ns, TAG + "c" + i, TAG + "C" + i, clusterBridge, CLUSTER + (10 + i));
        }
    }

    private void link(String ns, String hostEnd, String nodeEnd, String bridge, String address) throws Exception {
        ip(true, "link", "add", hostEnd, "type", "veth", "peer", "name", nodeEnd);
        ip(true, "link", "set", nodeEnd, "netns", ns);
        ip(true, "link", "set", hostEnd, "master", bridge, "up");
        ip(true, "netns", "exec", ns, "ip", "addr", "add", address + "/24", "dev", nodeEnd);
        ip(true, "netns", "exec", ns, "ip", "link", "set", nodeEnd, "up");
    }

    private static void ip(boolean mustWork, String... args) throws IOException, InterruptedException {
        var cmd = new ArrayList<String>();
        cmd.add("ip");
        cmd.addAll(List.of(args));
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 && mustWork) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }

    /** The test's PostgreSQL listens on 127.0.0.1 only; the nodes reach it through a relay on the LAN bridge. */
    private String relayedDatabase() throws Exception {
        String url = PostgresServer.get().newDatabase(); // jdbc:postgresql://127.0.0.1:<port>/<name>
        var m = java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)/(.+)$").matcher(url);
        assertTrue(m.find(), url);
        int port = Integer.parseInt(m.group(1));
        var client = vertx.createNetClient();
        relay = vertx.createNetServer().connectHandler(in -> {
            in.pause();
            client.connect(port, "127.0.0.1").onSuccess(out -> {
                in.pipeTo(out);
                out.pipeTo(in);
                in.resume();
            }).onFailure(e -> in.close());
        });
        relay.listen(0, LAN + "1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return "jdbc:postgresql://" + LAN + "1:" + relay.actualPort() + "/" + m.group(2);
    }

    // --- the nodes ---------------------------------------------------------------------------

    private Process start(int i, String db, String name) throws Exception {
        Path log = Files.createTempFile(data, "node" + i, ".log");
        var pb = new ProcessBuilder("ip", "netns", "exec", TAG + "n" + i,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "vn.phonghop.server.Main");
        var env = pb.environment();
        env.put("PORT", String.valueOf(HTTP));
        env.put("DATA_DIR", data.resolve("node" + i).toString());
        env.put("DB_URL", db);
        env.put("DB_USER", "phonghop");
        env.put("CLUSTER_NAME", name);
        env.put("CLUSTER_INTERFACE", CLUSTER + (10 + i));
        env.put("CLUSTER_PORT", "5701");
        env.put("CLUSTER_MEMBERS", CLUSTER + "10:5701," + CLUSTER + "11:5701," + CLUSTER + "12:5701");
        env.put("CLUSTER_QUORUM", "2");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("node " + i + " exited: " + Files.readString(log));
            try {
                if (http(i, HttpMethod.GET, "/health", null, null).getInteger("status") == 200) return p;
            } catch (Exception notYet) {
                // not listening yet
            }
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("node " + i + " not healthy in 90 s: " + Files.readString(log));
    }

    private String awaitLogin(int node, String user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var r = http(node, HttpMethod.POST, "/api/login", null, new JsonObject().put("username", user).put("password", Demo.PASSWORD));
            if (r.getInteger("status") == 200) return r.getJsonObject("body").getString("token");
            nodes[node].waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(user + " cannot sign in within 60 s");
    }

    private int awaitOneOwner() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            int owners = 0;
            int owner = -1;
            for (int i = 0; i < 3; i++) {
                if (http(i, HttpMethod.GET, "/health?meeting=" + Demo.MEETING_ID, null, null).getJsonObject("body")
                        .getBoolean("decidesHere", false)) {
                    owners++;
                    owner = i;
                }
            }
            if (owners == 1) return owner;
            nodes[0].waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("no single owner within 60 s");
    }

    /** A command sent again under the same id while the answer is retryable (RETRY, NO_QUORUM). */
    private JsonObject retrying(int node, String token, String id, JsonObject c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            var r = http(node, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/commands", token,
                    new JsonObject().put("id", id).put("command", c));
            if (r.getInteger("status") != 503 || System.nanoTime() > deadline) return r;
            nodes[node].waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    private List<String> present(int node, String token) throws Exception {
        return http(node, HttpMethod.GET, "/api/meetings/" + Demo.MEETING_ID, token, null).getJsonObject("body")
                .getJsonObject("view").getJsonObject("roster").getJsonArray("members").stream().map(JsonObject.class::cast)
                .filter(m -> "PRESENT".equals(m.getString("presence"))).map(m -> m.getString("id")).toList();
    }

    private long seqOf(int node, String token) {
        try {
            return http(node, HttpMethod.GET, "/api/meetings/" + Demo.MEETING_ID, token, null).getJsonObject("body").getLong("seq");
        } catch (Exception e) {
            return -1;
        }
    }

    private String describe(int node, String token) {
        try {
            var body = http(node, HttpMethod.GET, "/api/meetings/" + Demo.MEETING_ID, token, null).getJsonObject("body");
            return "seq " + body.getLong("seq") + ", present " + present(node, token);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private void awaitTrue(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out: " + what.get());
            nodes[0].waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    private JsonObject http(int node, HttpMethod method, String path, String token, JsonObject body) throws Exception {
        var opts = new RequestOptions().setMethod(method).setHost(LAN + (10 + node)).setPort(HTTP).setURI(path);
        if (body != null) opts.putHeader("Content-Type", "application/json");
        if (token != null) opts.putHeader("Authorization", "Bearer " + token);
        var client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        try {
            return client.request(opts).compose(r -> body == null ? r.send() : r.send(body.toBuffer()))
                    .compose(r -> r.body().map(b -> new JsonObject().put("status", r.statusCode())
                            .put("body", b.length() > 0 && b.getByte(0) == '{' ? new JsonObject(b) : new JsonObject())))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
