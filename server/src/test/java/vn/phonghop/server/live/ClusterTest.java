package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.store.PostgresServer;

/**
 * Two clustered nodes (Hazelcast on loopback) on one PostgreSQL: a device may use either node;
 * commands reach the meeting's owner, events reach every node's sockets; when the owner leaves,
 * the other node rebuilds the meeting from the store and decides from then on, losing no vote.
 */
class ClusterTest {
    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    @DisplayName("Two nodes: a vote sent to either node is decided once by the owner and seen on both; the owner leaves, nothing is lost")
    void two_nodes() throws Exception {
        var env = Map.of("DB_URL", PostgresServer.get().newDatabase(), "DB_USER", "phonghop",
                "CLUSTER_NAME", "phonghop-test-" + System.nanoTime());
        int[] hz = {TestServer.freePort(), TestServer.freePort()};
        var nodeA = new TestServer(a, node(env, hz, 0));
        TestServer nodeB = null;
        try {
            nodeB = new TestServer(b, node(env, hz, 1));
            var bb = nodeB;
            // partitions migrate to the new member; while they do, a forwarded command may be answered "retry"
            waitFor(() -> settled(nodeA, bb), "both nodes see each other and agree who owns the meeting");
            String ownerId = nodeA.cluster.ownership().owner(Demo.MEETING_ID);
            TestServer owner = ownerId.equals(nodeA.cluster.ownership().self()) ? nodeA : nodeB;
            TestServer other = owner == nodeA ? nodeB : nodeA;

            try (var chair = other.live(); var onOwner = owner.live(); var tablet = other.live()) {
                chair.hello(other.login("chutri"), Demo.MEETING_ID);
                onOwner.hello(owner.login("daibieu05"), Demo.MEETING_ID);
                tablet.hello(other.login("daibieu04"), Demo.MEETING_ID);
                for (var c : new JsonObject[] {cmd("StartMeeting"), cmd("CheckIn").put("personId", "m04"),
                        cmd("CreatePoll").put("pollId", "s1").put("itemId", "i-3").put("question", "Biểu quyết kín")
                                .put("kind", "ORDINARY_RESOLUTION").put("mode", "SECRET").put("candidates", new JsonArray())
                                .put("seats", 0).put("forms", new JsonArray()).put("changeAllowed", false),
                        cmd("OpenPoll").put("pollId", "s1")}) {
                    var answer = chair.command(c);
                    assertEquals("ack", answer.getString("type"), "forwarded to the owner: " + c + " → " + answer);
                }
                var vote = tablet.command("vote-m04", cmd("CastVote").put("pollId", "s1").put("voterId", "m04")
                        .put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR")));
                assertEquals("ack", vote.getString("type"), vote.encode());
                // the event reaches sockets on both nodes, each projected there
                onOwner.event("VoteCounted");
                tablet.event("VoteCounted");
                assertEquals(vote, tablet.command("vote-m04", cmd("CastVote").put("pollId", "s1").put("voterId", "m04")
                        .put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR"))), "a repeat is answered, not applied");
            }

            owner.close();
            if (owner == nodeB) nodeB = null;
            TestServer survivor = other;
            waitFor(() -> survivor.cluster.members() == 1, "the survivor sees the owner gone");
            try (var chair = survivor.live()) {
                chair.hello(survivor.login("chutri"), Demo.MEETING_ID);
                var closed = chair.command(cmd("ClosePoll").put("pollId", "s1"));
                assertEquals("ack", closed.getString("type"), closed.encode());
                var poll = survivor.get("/api/meetings/" + Demo.MEETING_ID, survivor.login("chutri")).json()
                        .getJsonObject("view").getJsonArray("polls").getJsonObject(0);
                assertEquals(1, poll.getJsonObject("tally").getJsonObject("counts").getInteger("FOR"),
                        "the vote acknowledged by the old owner is counted once by the new one");
            }
        } finally {
            if (nodeB != null) nodeB.close();
            try {
                nodeA.close();
            } catch (IllegalStateException alreadyClosed) {
                // the owner was node A and is closed already
            }
        }
    }

    @Test
    @DisplayName("Split brain: a node that sees fewer members than CLUSTER_QUORUM decides nothing and says so; reads go on")
    void minority_refuses_commands() throws Exception {
        var env = Map.of("DB_URL", PostgresServer.get().newDatabase(), "DB_USER", "phonghop",
                "CLUSTER_NAME", "phonghop-test-" + System.nanoTime());
        int[] hz = {TestServer.freePort(), TestServer.freePort()};
        var nodeA = new TestServer(a, node(env, hz, 0));
        TestServer nodeB = null;
        try {
            var withQuorum = new java.util.HashMap<>(node(env, hz, 1));
            withQuorum.put("CLUSTER_QUORUM", "2");
            nodeB = new TestServer(b, withQuorum);
            var bb = nodeB;
            waitFor(() -> settled(nodeA, bb), "both nodes see each other and agree who owns the meeting");
            try (var chair = nodeB.live()) {
                chair.hello(nodeB.login("chutri"), Demo.MEETING_ID);
                assertEquals("ack", chair.command(cmd("StartMeeting")).getString("type"), "two of two: a majority");
            }
            nodeA.close();
            waitFor(() -> bb.cluster.members() == 1, "node B sees node A gone");
            String chairToken = nodeB.login("chutri");
            try (var chair = nodeB.live()) {
                chair.hello(chairToken, Demo.MEETING_ID);
                var refused = chair.command(cmd("CheckIn").put("personId", "m04"));
                assertEquals("NO_QUORUM", refused.getString("code"), refused.encode());
                assertTrue(refused.getBoolean("retryable"));
                assertEquals(1, refused.getInteger("members"));
                assertEquals(2, refused.getInteger("quorum"));
            }
            var rest = nodeB.post("/api/meetings/" + Demo.MEETING_ID + "/commands", chairToken,
                    new JsonObject().put("id", "ci-m05").put("command", cmd("CheckIn").put("personId", "m05")));
            assertEquals(503, rest.status());
            assertEquals("NO_QUORUM", rest.json().getString("code"));
            var view = nodeB.get("/api/meetings/" + Demo.MEETING_ID, chairToken);
            assertEquals(200, view.status(), "reading the meeting goes on");
            assertEquals("IN_PROGRESS", view.json().getJsonObject("view").getJsonObject("header").getString("phase"));
        } finally {
            if (nodeB != null) nodeB.close();
            try {
                nodeA.close();
            } catch (IllegalStateException alreadyClosed) {
                // closed in the test
            }
        }
    }

    @Test
    @DisplayName("Started together on an empty store with quorum 2: the demo is seeded once when the quorum forms, and every node serves what another scheduled")
    void quorum_forms_then_the_demo_is_seeded_and_served_everywhere() throws Exception {
        var env = new java.util.HashMap<>(Map.of("DB_URL", PostgresServer.get().newDatabase(), "DB_USER", "phonghop",
                "CLUSTER_NAME", "phonghop-test-" + System.nanoTime(), "CLUSTER_QUORUM", "2"));
        int[] hz = {TestServer.freePort(), TestServer.freePort()};
        // alone it may decide nothing, so it cannot seed: it starts all the same (it used to fail)
        var nodeA = new TestServer(a, node(env, hz, 0));
        TestServer nodeB = null;
        try {
            assertTrue(!canLogIn(nodeA, "admin"), "nothing seeded without the quorum");
            nodeB = new TestServer(b, node(env, hz, 1));
            var bb = nodeB;
            // the oldest member seeds once it sees two; node B may have loaded the store before that
            waitFor(() -> canLogIn(bb, "chutri"), "the demo is seeded once the quorum forms");
            waitFor(() -> settled(nodeA, bb), "both nodes agree who owns the meeting");
            String chair = nodeB.login("chutri");
            waitFor(() -> phase(bb, chair).equals("PUBLISHED"), "node B serves the meeting scheduled by node A");
            var listed = new JsonArray(nodeB.get("/api/meetings", nodeB.login("admin")).body()).stream()
                    .map(o -> ((JsonObject) o).getString("meetingId")).sorted().toList();
            assertEquals(java.util.List.of(Demo.MEETING_ID, Demo.ARCHIVED_MEETING_ID), listed, "each meeting once, on the node that did not seed");
            // a meeting scheduled through node A after both started: node B finds it in the store
            String admin = nodeA.login("admin");
            var scheduled = nodeA.post("/api/meetings", admin, new JsonObject().put("title", "Sinh hoạt chi bộ tháng 12 năm 2026")
                    .put("kind", "REGULAR_CELL_MEETING").put("venue", "Hội trường").put("place", "Hà Nội")
                    .put("plannedStart", "2026-12-05T01:00:00Z").put("template", true)
                    .put("organisation", new JsonObject().put("id", "cb-2").put("name", "Chi bộ Phòng Tổ chức")
                            .put("kind", "CELL").put("superiorName", "Đảng bộ Sở").put("symbol", "CB")));
            assertEquals(201, scheduled.status(), scheduled.text());
            var later = nodeB.get("/api/meetings/" + scheduled.json().getString("meetingId"), nodeB.login("admin"));
            assertEquals(200, later.status(), later.text());
            assertEquals("Sinh hoạt chi bộ tháng 12 năm 2026", later.json().getJsonObject("view").getJsonObject("header").getString("title"));
            try (var onA = nodeA.live(); var onB = nodeB.live()) {
                onA.hello(nodeA.login("daibieu05"), Demo.MEETING_ID);
                onB.hello(chair, Demo.MEETING_ID);
                assertEquals("ack", onB.command(cmd("StartMeeting")).getString("type"));
                onA.event("MeetingStarted");
            }
        } finally {
            if (nodeB != null) nodeB.close();
            nodeA.close();
        }
    }

    /**
     * Both see two members, no partition is migrating, and they agree who owns the demo meeting
     * (while partitions move to a new member, a forwarded command may be answered "retry").
     */
    private static boolean settled(TestServer a, TestServer b) {
        return a.cluster.members() == 2 && b.cluster.members() == 2 && a.cluster.settled() && b.cluster.settled()
                && a.cluster.ownership().owner(Demo.MEETING_ID).equals(b.cluster.ownership().owner(Demo.MEETING_ID));
    }

    private static boolean canLogIn(TestServer node, String username) {
        try {
            return node.post("/api/login", null, new JsonObject().put("username", username).put("password", Demo.PASSWORD))
                    .status() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static String phase(TestServer node, String token) {
        try {
            var r = node.get("/api/meetings/" + Demo.MEETING_ID, token);
            return r.status() == 200 ? r.json().getJsonObject("view").getJsonObject("header").getString("phase") : "HTTP " + r.status();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    @DisplayName("A cluster on the embedded H2 store is refused: each node would keep its own history")
    void cluster_needs_postgresql() {
        var config = vn.phonghop.server.config.Config.from(Map.of("DATA_DIR", a.toString(), "CLUSTER_MEMBERS", "127.0.0.1"));
        var started = vn.phonghop.server.cluster.Cluster.start(config);
        assertTrue(started.failed());
        assertTrue(started.cause().getMessage().contains("DB_URL"), started.cause().getMessage());
    }

    /** Node {@code i} of a cluster whose members are on loopback at the given Hazelcast ports. */
    static Map<String, String> node(Map<String, String> env, int[] hazelcastPorts, int i) {
        var out = new java.util.HashMap<>(env);
        out.put("CLUSTER_PORT", String.valueOf(hazelcastPorts[i]));
        out.put("CLUSTER_MEMBERS", java.util.Arrays.stream(hazelcastPorts).mapToObj(p -> "127.0.0.1:" + p)
                .collect(java.util.stream.Collectors.joining(",")));
        return out;
    }

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Conditions.waitFor(condition, what, java.time.Duration.ofSeconds(30));
    }
}
