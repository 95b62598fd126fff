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
            waitFor(() -> nodeA.cluster.members() == 2 && bb.cluster.members() == 2, "both nodes see each other");
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
                    assertEquals("ack", chair.command(c).getString("type"), "forwarded to the owner: " + c);
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
            waitFor(() -> nodeA.cluster.members() == 2 && bb.cluster.members() == 2, "both nodes see each other");
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
        long deadline = System.nanoTime() + 30_000_000_000L;
        var lock = new Object();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            synchronized (lock) {
                lock.wait(50); // re-checks a condition another thread changes; no event to wait on here
            }
        }
    }
}
