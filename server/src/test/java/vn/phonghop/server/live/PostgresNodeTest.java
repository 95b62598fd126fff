package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.store.PostgresServer;

/** The whole node on PostgreSQL: schema, accounts, documents, the demo, a secret vote, and a restart. */
class PostgresNodeTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("A node on PostgreSQL runs the demo meeting and keeps an acknowledged secret vote across a restart")
    void node_on_postgres() throws Exception {
        var env = Map.of("DB_URL", PostgresServer.get().newDatabase(), "DB_USER", "phonghop");
        try (var server = new TestServer(data, env)) {
            String chair = server.login("chutri");
            for (var c : new JsonObject[] {cmd("StartMeeting"), cmd("CheckIn").put("personId", "m04"),
                    cmd("CreatePoll").put("pollId", "s1").put("itemId", "i-3").put("question", "Biểu quyết kín")
                            .put("kind", "ORDINARY_RESOLUTION").put("mode", "SECRET").put("candidates", new JsonArray())
                            .put("seats", 0).put("forms", new JsonArray()).put("changeAllowed", false),
                    cmd("OpenPoll").put("pollId", "s1")}) {
                assertEquals(200, send(server, chair, c).status());
            }
            var vote = send(server, server.login("daibieu04"), cmd("CastVote").put("pollId", "s1").put("voterId", "m04")
                    .put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR")));
            assertEquals("ack", vote.json().getString("type"), vote.text());
            var doc = server.get("/api/meetings/" + Demo.MEETING_ID, chair).json().getJsonObject("view")
                    .getJsonObject("agenda").getJsonArray("items").getJsonObject(3).getJsonArray("documents").getJsonObject(0);
            var range = server.get("/api/meetings/" + Demo.MEETING_ID + "/documents/" + doc.getString("id"), chair);
            assertEquals(200, range.status(), "documents are stored as bytea and read back");
        }
        try (var again = new TestServer(data, env)) {
            String chair = again.login("chutri");
            assertEquals(200, send(again, chair, cmd("ClosePoll").put("pollId", "s1")).status());
            var poll = again.get("/api/meetings/" + Demo.MEETING_ID, chair).json().getJsonObject("view").getJsonArray("polls")
                    .getJsonObject(0);
            assertEquals(1, poll.getJsonObject("tally").getJsonObject("counts").getInteger("FOR"));
        }
    }

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    private static TestServer.Response send(TestServer s, String token, JsonObject c) throws Exception {
        return s.post("/api/meetings/" + Demo.MEETING_ID + "/commands", token,
                new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("command", c));
    }
}
