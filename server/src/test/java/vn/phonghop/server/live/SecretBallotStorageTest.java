package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/**
 * After a secret poll, nothing the server keeps links a member to a choice: not the event log,
 * not the ballot box, not the remembered acknowledgements, not the log output.
 */
class SecretBallotStorageTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("After the meeting no table, event or log line holds a member-to-choice link")
    void no_member_to_choice_link_anywhere() throws Exception {
        var logged = new ArrayList<String>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try (var server = new TestServer(data)) {
            String chair = server.login("chutri");
            try (var c = server.live()) {
                c.hello(chair, Demo.MEETING_ID);
                c.command(new JsonObject().put("type", "StartMeeting"));
                for (String m : List.of("m01", "m03", "m04", "m05")) c.command(new JsonObject().put("type", "CheckIn").put("personId", m));
                c.command(new JsonObject().put("type", "CreatePoll").put("pollId", "s1").put("itemId", "i-3")
                        .put("question", "Kết nạp đảng viên").put("kind", "ADMISSION").put("mode", "SECRET")
                        .put("candidates", new JsonArray()).put("seats", 0).put("forms", new JsonArray()).put("changeAllowed", false));
                c.command(new JsonObject().put("type", "OpenPoll").put("pollId", "s1"));
            }
            String[] answers = {"FOR", "AGAINST", "ABSTAIN", "FOR"};
            String[] members = {"m01", "m03", "m04", "m05"};
            String[] accounts = {"chutri", "daibieu03", "daibieu04", "daibieu05"};
            for (int i = 0; i < 4; i++) {
                try (var v = server.live()) {
                    v.hello(server.login(accounts[i]), Demo.MEETING_ID);
                    assertEquals("ack", v.command(new JsonObject().put("type", "CastVote").put("pollId", "s1")
                            .put("voterId", members[i]).put("choice", new JsonObject().put("type", "Motion")
                                    .put("answer", answers[i]))).getString("type"));
                }
            }
            try (var c = server.live()) {
                c.hello(chair, Demo.MEETING_ID);
                c.command(new JsonObject().put("type", "ClosePoll").put("pollId", "s1"));
                c.command(new JsonObject().put("type", "CloseMeeting"));
            }

            try (var conn = server.server.services().database().connection(); var st = conn.createStatement()) {
                // the ballot box has no column that could name a voter, a time or an order
                var cols = new ArrayList<String>();
                try (var rs = conn.getMetaData().getColumns(null, null, "BALLOT_BOX", null)) {
                    while (rs.next()) cols.add(rs.getString("COLUMN_NAME").toLowerCase());
                }
                assertEquals(List.of("ballot_id", "choice", "meeting_id", "poll_id"), cols.stream().sorted().toList());
                int ballots = 0;
                // the demo's archived October meeting has ballots of its own
                try (var rs = st.executeQuery("SELECT * FROM ballot_box WHERE meeting_id = 'mt-demo'")) {
                    while (rs.next()) {
                        ballots++;
                        for (String m : members) assertFalse(rs.getString("choice").contains(m));
                    }
                }
                assertEquals(4, ballots);
                // the log: VoterMarked names the voter, never a choice; no VoteCast for a secret poll
                try (var rs = st.executeQuery("SELECT type, payload FROM meeting_events WHERE meeting_id = 'mt-demo'")) {
                    while (rs.next()) {
                        String type = rs.getString(1);
                        String payload = rs.getString(2);
                        assertFalse("VoteCast".equals(type), "a secret vote became a VoteCast event");
                        if ("VoterMarked".equals(type)) {
                            assertFalse(payload.contains("answer") || payload.contains("choice"), payload);
                        }
                    }
                }
                // remembered acknowledgements carry the seq only
                try (var rs = st.executeQuery("SELECT response FROM processed_commands")) {
                    while (rs.next()) assertFalse(rs.getString(1).contains("answer"), rs.getString(1));
                }
            }
            var tally = server.get("/api/meetings/" + Demo.MEETING_ID, chair).json().getJsonObject("view")
                    .getJsonArray("polls").getJsonObject(0).getJsonObject("tally").getJsonObject("counts");
            assertEquals(2, tally.getInteger("FOR"));
            assertEquals(1, tally.getInteger("AGAINST"));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertTrue(logged.stream().noneMatch(l -> l.contains("\"answer\"") || l.contains("Motion[")), logged.toString());
    }
}
