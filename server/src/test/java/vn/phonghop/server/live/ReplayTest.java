package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.accounts.MutableClock;
import vn.phonghop.server.demo.Demo;

/**
 * A command sent again is answered with the ack it got and applied once, also when the meeting no
 * longer remembers its id ({@link AnsweredCommands} keeps two minutes): then the store does.
 */
class ReplayTest {
    @TempDir
    Path dir;

    private static JsonObject send(TestServer server, String token, String id, JsonObject command) throws Exception {
        var r = server.post("/api/meetings/" + Demo.MEETING_ID + "/commands", token,
                new JsonObject().put("id", id).put("command", command));
        return r.json();
    }

    @Test
    @DisplayName("A command sent again after the meeting forgot its id gets the same ack and is not applied twice")
    void replay_after_the_meeting_forgot() throws Exception {
        var clock = new MutableClock(Instant.now());
        try (var server = new TestServer(dir, clock)) {
            String chair = server.login("chutri");
            var started = send(server, chair, "start-1", new JsonObject().put("type", "StartMeeting"));
            assertEquals("ack", started.getString("type"), started.encode());
            var checkIn = send(server, chair, "ci-7", new JsonObject().put("type", "CheckIn").put("personId", "m07"));
            assertEquals("ack", checkIn.getString("type"), checkIn.encode());
            var moved = send(server, chair, "next-1", new JsonObject().put("type", "NextItem"));
            assertEquals(checkIn.getLong("seq") + 1, moved.getLong("seq"), moved.encode());
            assertEquals(checkIn, send(server, chair, "ci-7", new JsonObject().put("type", "CheckIn").put("personId", "m07")),
                    "sent again at once: answered from memory");

            clock.advance(AnsweredCommands.KEPT.plusMinutes(1));
            var later = send(server, chair, "ci-8", new JsonObject().put("type", "CheckIn").put("personId", "m08"));
            assertEquals(moved.getLong("seq") + 1, later.getLong("seq"));

            // ci-7 is forgotten by now; the store still knows it
            assertEquals(checkIn, send(server, chair, "ci-7", new JsonObject().put("type", "CheckIn").put("personId", "m07")));
            assertEquals(checkIn, send(server, chair, "ci-7", new JsonObject().put("type", "CheckIn").put("personId", "m07")),
                    "and again, after the meeting was rebuilt");
            // one the rules would accept again (the next item): the store refuses its id, answers its ack
            assertEquals(moved, send(server, chair, "next-1", new JsonObject().put("type", "NextItem")));
            var next = send(server, chair, "ci-9", new JsonObject().put("type", "CheckIn").put("personId", "m09"));
            assertEquals(later.getLong("seq") + 1, next.getLong("seq"), "the replays added no event");
            assertEquals(started, send(server, chair, "start-1", new JsonObject().put("type", "StartMeeting")),
                    "not ALREADY_STARTED");
        }
    }
}
