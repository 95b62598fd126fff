package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.store.PostgresServer;

/**
 * Three server processes in one cluster on one PostgreSQL, 300 tablets spread over them in one
 * meeting, a secret poll, and the meeting's owner killed with SIGKILL halfway through the voting.
 * Every acknowledged vote is counted exactly once, every tablet is back on a surviving node, and
 * the vote can be finished and closed there.
 */
class FailoverTest {
    private static final int TABLETS = 300;

    @TempDir
    Path data;
    final Vertx vertx = Vertx.vertx();
    final Process[] nodes = new Process[3];
    final int[] ports = new int[3];
    final int[] hazelcastPorts = new int[3];
    final List<LiveClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (var c : clients) c.close();
        for (Process p : nodes) if (p != null) p.destroyForcibly().waitFor();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("SIGKILL of the meeting's owner during a secret poll of 300 tablets on 3 nodes: every acknowledged vote counted once")
    void owner_killed_during_a_poll() throws Exception {
        String db = PostgresServer.get().newDatabase();
        String cluster = "phonghop-failover-" + System.nanoTime();
        for (int i = 0; i < 3; i++) hazelcastPorts[i] = TestServer.freePort();
        for (int i = 0; i < 3; i++) {
            ports[i] = TestServer.freePort();
            nodes[i] = start(i, db, cluster); // one after the other: the first seeds the demo
        }
        int owner = waitForOneOwner();

        // 300 members on the demo meeting's roster, each with a tablet paired through the console
        String secretary = login(0, "thuky");
        var csv = new StringBuilder("id,name,membership,standing\r\n");
        for (int i = 1; i <= TABLETS; i++) csv.append(String.format("f%03d,Đại biểu %03d,OFFICIAL,ACTIVE\r\n", i, i));
        var imported = http(0, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/roster.csv", secretary,
                Buffer.buffer(csv.toString()), "text/csv");
        assertEquals(200, imported.getInteger("status"), imported.encode());
        String chair = login(0, "chutri");
        assertEquals(200, command(0, chair, cmd("StartMeeting")).getInteger("status"));
        var tokens = new ArrayList<String>();
        for (int i = 1; i <= TABLETS; i++) {
            String member = String.format("f%03d", i);
            assertEquals(200, command(i % 3, chair, cmd("CheckIn").put("personId", member)).getInteger("status"));
            var code = http(i % 3, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/pairing-codes", secretary,
                    new JsonObject().put("memberId", member).toBuffer(), "application/json").getJsonObject("body").getString("code");
            tokens.add(http(i % 3, HttpMethod.POST, "/api/pair", null, new JsonObject().put("code", code).toBuffer(),
                    "application/json").getJsonObject("body").getString("token"));
        }
        for (int i = 0; i < TABLETS; i++) {
            var c = LiveClient.connect(vertx, ports[i % 3]);
            clients.add(c);
            c.hello(tokens.get(i), Demo.MEETING_ID);
        }
        for (var c : List.of(cmd("CreatePoll").put("pollId", "fo").put("itemId", "i-3").put("question", "Biểu quyết kín")
                .put("kind", "ORDINARY_RESOLUTION").put("mode", "SECRET").put("candidates", new JsonArray()).put("seats", 0)
                .put("forms", new JsonArray()).put("changeAllowed", false), cmd("OpenPoll").put("pollId", "fo"))) {
            assertEquals(200, command(0, chair, c).getInteger("status"));
        }

        // half of the tablets vote and are acknowledged
        for (int i = 0; i < TABLETS / 2; i++) assertEquals("ack", vote(i).getString("type"));

        long killed = System.nanoTime();
        nodes[owner].destroyForcibly();
        assertTrue(nodes[owner].waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, nodes[owner].exitValue(), "killed by SIGKILL");
        nodes[owner] = null;
        int survivor = (owner + 1) % 3;

        // the tablets of the dead node come back on a survivor and resume from their last seq
        for (int i = 0; i < TABLETS; i++) {
            if (i % 3 != owner) continue;
            long lastSeq = clients.get(i).lastSeq;
            clients.get(i).close();
            var again = LiveClient.connect(vertx, ports[survivor]);
            again.lastSeq = lastSeq;
            var hello = again.hello(tokens.get(i), Demo.MEETING_ID);
            assertTrue(List.of("resume", "snapshot").contains(hello.getString("type")), hello.encode());
            clients.set(i, again);
        }
        long reconnected = System.nanoTime();

        // the other half votes; commands during the takeover are answered "retry" and sent again
        long firstAckAfterKill = 0;
        for (int i = TABLETS / 2; i < TABLETS; i++) {
            assertEquals("ack", vote(i).getString("type"));
            if (firstAckAfterKill == 0) firstAckAfterKill = System.nanoTime();
        }
        // and a tablet that re-sends its acknowledged vote (it never saw the ack) gets the same answer
        assertEquals("ack", vote(0).getString("type"));

        var closed = retrying(survivor, chair, cmd("ClosePoll").put("pollId", "fo"));
        assertEquals(200, closed.getInteger("status"), closed.encode());
        var poll = http(survivor, HttpMethod.GET, "/api/meetings/" + Demo.MEETING_ID, chair, null, null).getJsonObject("body")
                .getJsonObject("view").getJsonArray("polls").stream().map(JsonObject.class::cast)
                .filter(p -> "fo".equals(p.getString("id"))).findFirst().orElseThrow();
        assertEquals(TABLETS, poll.getInteger("votedCount"), poll.encode());
        assertEquals(TABLETS, poll.getJsonObject("tally").getInteger("ballots"), poll.encode());
        assertEquals(TABLETS, poll.getJsonObject("tally").getJsonObject("counts").getInteger("FOR"), "each vote once");

        // the minutes, filed by whichever node decides the meeting now, record the vote complete
        var closedMeeting = retrying(survivor, chair, cmd("CloseMeeting"));
        assertEquals(200, closedMeeting.getInteger("status"), closedMeeting.encode());
        String committee = login(survivor, "uyban");
        var filed = awaitFiled(survivor, committee);
        var results = http(survivor, HttpMethod.GET, "/api/archive/" + filed.getString("id") + "/results.json", committee, null, null)
                .getJsonObject("body");
        var votes = results.getJsonArray("votes");
        assertEquals(1, votes.size(), results.encode());
        assertEquals(TABLETS, votes.getJsonObject(0).getInteger("ballots"), results.encode());
        var forVotes = votes.getJsonObject(0).getJsonArray("options").stream().map(JsonObject.class::cast)
                .filter(o -> "FOR".equals(o.getString("key"))).findFirst().orElseThrow();
        assertEquals(TABLETS, forVotes.getInteger("votes"), "the minutes count each acknowledged vote once");
        var verified = http(survivor, HttpMethod.GET, "/api/archive/" + filed.getString("id") + "/verify", committee, null, null)
                .getJsonObject("body");
        assertEquals("VALID", verified.getString("status"), verified.encode());

        System.out.printf("failover: %d tablets back on a survivor %d ms after the SIGKILL; first vote acknowledged after"
                + " the SIGKILL at %d ms%n", TABLETS / 3, (reconnected - killed) / 1_000_000, (firstAckAfterKill - killed) / 1_000_000);
    }

    @Test
    @DisplayName("Quorum 2: a rolling restart of all three nodes during a meeting, its minutes filed after, a full stop and start: nothing acknowledged is lost")
    void rolling_restart_minutes_and_full_restart() throws Exception {
        String db = PostgresServer.get().newDatabase();
        String cluster = "phonghop-rolling-" + System.nanoTime();
        var quorum = java.util.Map.of("CLUSTER_QUORUM", "2");
        for (int i = 0; i < 3; i++) hazelcastPorts[i] = TestServer.freePort();
        for (int i = 0; i < 3; i++) {
            ports[i] = TestServer.freePort();
            nodes[i] = start(i, db, cluster, quorum); // the first is up before it has a quorum
        }
        // alone, node 0 could decide nothing: the demo is seeded once two members see each other
        String chair = awaitLogin(2, "chutri");
        waitForOneOwner();
        assertEquals(200, command(0, chair, cmd("StartMeeting")).getInteger("status"));

        // a tablet on each node follows the meeting
        var tokens = new ArrayList<String>();
        int[] on = {0, 1, 2}; // which node each tablet is connected to
        for (int i = 0; i < 3; i++) {
            tokens.add(login(i, String.format("daibieu%02d", i + 3)));
            var c = LiveClient.connect(vertx, ports[i]);
            clients.add(c);
            c.hello(tokens.get(i), Demo.MEETING_ID);
        }

        // each node in turn is stopped (SIGTERM) and started again; the meeting goes on meanwhile
        var checkedIn = new ArrayList<String>();
        long[] lastCheckIn = {0};
        for (int down = 0; down < 3; down++) {
            nodes[down].destroy();
            assertTrue(nodes[down].waitFor(60, TimeUnit.SECONDS));
            nodes[down] = null;
            int up = (down + 1) % 3;
            String member = String.format("m%02d", 6 + down);
            var r = command(up, chair, cmd("CheckIn").put("personId", member));
            assertEquals(200, r.getInteger("status"), "two of three decide: " + r.encode());
            checkedIn.add(member);
            lastCheckIn[0] = r.getJsonObject("body").getLong("seq");
            // the tablets of the stopped node resume on another node from their last seq
            for (int t = 0; t < 3; t++) {
                if (on[t] != down) continue;
                long lastSeq = clients.get(t).lastSeq;
                clients.get(t).close();
                var again = LiveClient.connect(vertx, ports[up]);
                again.lastSeq = lastSeq;
                var hello = again.hello(tokens.get(t), Demo.MEETING_ID);
                assertTrue(List.of("resume", "snapshot").contains(hello.getString("type")), hello.encode());
                clients.set(t, again);
                on[t] = up;
            }
            nodes[down] = start(down, db, cluster, quorum); // back: it rebuilds from the store
            waitForOneOwner();
        }
        // every tablet caught up with the last check-in, wherever it was connected at the time (by its
        // events, or by a fresh snapshot when the node it came back to had not kept them)
        for (var c : clients) {
            if (c.lastSeq < lastCheckIn[0]) c.next(m -> m.getValue("seq") instanceof Number n && n.longValue() >= lastCheckIn[0]
                    && ("event".equals(m.getString("type")) || "snapshot".equals(m.getString("type"))));
        }

        // closing files the minutes once, whichever node decides the meeting now
        var closed = command(1, chair, cmd("CloseMeeting"));
        assertEquals(200, closed.getInteger("status"), closed.encode());
        String committee = login(2, "uyban");
        JsonObject filed = awaitFiled(2, committee);
        var verified = http(0, HttpMethod.GET, "/api/archive/" + filed.getString("id") + "/verify", committee, null, null)
                .getJsonObject("body");
        assertEquals("VALID", verified.getString("status"), verified.encode());

        // a full stop and start of the cluster: the meeting, its check-ins and its minutes are all there
        var before = http(0, HttpMethod.GET, "/api/archive", committee, null, null).getJsonObject("body").getJsonArray("items");
        assertEquals(2, before.size(), "last month's minutes and this meeting's: " + before.encode());
        for (int i = 0; i < 3; i++) {
            nodes[i].destroy();
            assertTrue(nodes[i].waitFor(60, TimeUnit.SECONDS));
            nodes[i] = null;
        }
        for (int i = 0; i < 3; i++) nodes[i] = start(i, db, cluster, quorum);
        waitForOneOwner();
        String chairAgain = login(1, "chutri");
        var view = http(1, HttpMethod.GET, "/api/meetings/" + Demo.MEETING_ID, chairAgain, null, null).getJsonObject("body")
                .getJsonObject("view");
        assertEquals("ARCHIVED", view.getJsonObject("header").getString("phase"));
        var present = view.getJsonObject("roster").getJsonArray("members").stream().map(JsonObject.class::cast)
                .filter(m -> "PRESENT".equals(m.getString("presence"))).map(m -> m.getString("id")).toList();
        assertTrue(present.containsAll(checkedIn), present.toString());
        var after = http(0, HttpMethod.GET, "/api/archive", login(0, "uyban"), null, null).getJsonObject("body")
                .getJsonArray("items");
        assertEquals(before.encode(), after.encode(), "every archive entry is back, unchanged");
        var versions = after.stream().map(JsonObject.class::cast)
                .filter(o -> Demo.MEETING_ID.equals(o.getString("meetingId"))).toList();
        assertEquals(1, versions.size(), "filed once: " + versions);
        assertEquals(filed.getString("number"), versions.get(0).getString("number"));
    }

    /** Signs in as soon as the account exists (the demo is seeded by the cluster's oldest member). */
    private String awaitLogin(int node, String user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var r = http(node, HttpMethod.POST, "/api/login", null, new JsonObject().put("username", user)
                    .put("password", Demo.PASSWORD).toBuffer(), "application/json");
            if (r.getInteger("status") == 200) return r.getJsonObject("body").getString("token");
            nodes[node].waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(user + " cannot sign in within 60 s");
    }

    /** The demo meeting's minutes once they are filed. */
    private JsonObject awaitFiled(int node, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var items = http(node, HttpMethod.GET, "/api/archive?org=cb-hcth", token, null, null).getJsonObject("body")
                    .getJsonArray("items");
            for (Object o : items) {
                if (Demo.MEETING_ID.equals(((JsonObject) o).getString("meetingId"))) return (JsonObject) o;
            }
            nodes[node].waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the minutes were not filed within 60 s");
    }

    private JsonObject vote(int tablet) {
        String member = String.format("f%03d", tablet + 1);
        var c = cmd("CastVote").put("pollId", "fo").put("voterId", member)
                .put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var answer = clients.get(tablet).command("vote-" + member, c);
            if (!"RETRY".equals(answer.getString("code")) || System.nanoTime() > deadline) return answer;
        }
    }

    /** An HTTP command, sent again under the same id while the answer is "retry". */
    private JsonObject retrying(int node, String token, JsonObject c) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var r = http(node, HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/commands", token,
                    new JsonObject().put("id", id).put("command", c).toBuffer(), "application/json");
            if (r.getInteger("status") != 503 || System.nanoTime() > deadline) return r;
        }
    }

    /** Waits until exactly one node says it decides the demo meeting; returns it. */
    private int waitForOneOwner() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            int owners = 0;
            int owner = -1;
            for (int i = 0; i < 3; i++) {
                var h = http(i, HttpMethod.GET, "/health?meeting=" + Demo.MEETING_ID, null, null, null).getJsonObject("body");
                if (h.getBoolean("decidesHere", false)) {
                    owners++;
                    owner = i;
                }
            }
            if (owners == 1) return owner;
            nodes[0].waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("no single owner of the demo meeting within 60 s");
    }

    private Process start(int i, String db, String cluster) throws Exception {
        return start(i, db, cluster, java.util.Map.of());
    }

    private Process start(int i, String db, String cluster, java.util.Map<String, String> env) throws Exception {
        Path log = Files.createTempFile(data, "node" + i, ".log");
        var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "vn.phonghop.server.Main");
        pb.environment().put("PORT", String.valueOf(ports[i]));
        pb.environment().put("DATA_DIR", data.resolve("node" + i).toString());
        pb.environment().put("DB_URL", db);
        pb.environment().put("DB_USER", "phonghop");
        pb.environment().putAll(ClusterTest.node(java.util.Map.of(), hazelcastPorts, i));
        pb.environment().put("CLUSTER_NAME", cluster);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("node " + i + " exited: " + Files.readString(log));
            try {
                if (http(i, HttpMethod.GET, "/health", null, null, null).getInteger("status") == 200) return p;
            } catch (Exception notYet) {
                // the port is not open yet
            }
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("node " + i + " not healthy in 90 s: " + Files.readString(log));
    }

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    private String login(int node, String user) throws Exception {
        return http(node, HttpMethod.POST, "/api/login", null, new JsonObject().put("username", user)
                .put("password", Demo.PASSWORD).toBuffer(), "application/json").getJsonObject("body").getString("token");
    }

    private JsonObject command(int node, String token, JsonObject c) throws Exception {
        return retrying(node, token, c);
    }

    private JsonObject http(int node, HttpMethod method, String path, String token, Buffer body, String type) throws Exception {
        var opts = new RequestOptions().setMethod(method).setPort(ports[node]).setHost("127.0.0.1").setURI(path);
        if (type != null) opts.putHeader("Content-Type", type);
        if (token != null) opts.putHeader("Authorization", "Bearer " + token);
        var client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        try {
            return client.request(opts).compose(r -> body == null ? r.send() : r.send(body))
                    .compose(r -> r.body().map(b -> new JsonObject().put("status", r.statusCode())
                            .put("body", b.length() > 0 && b.getByte(0) == '{' ? new JsonObject(b) : new JsonObject())))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
