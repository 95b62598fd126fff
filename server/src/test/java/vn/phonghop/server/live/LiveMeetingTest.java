package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/** A whole meeting through the live channel, as the console, a tablet and the room display see it. */
class LiveMeetingTest {
    @TempDir
    Path data;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    static JsonObject motion(String answer) {
        return new JsonObject().put("type", "Motion").put("answer", answer);
    }

    private static void acked(JsonObject reply) {
        assertEquals("ack", reply.getString("type"), () -> "expected ack, got " + reply);
    }

    @Test
    @DisplayName("A regular meeting runs end to end: check-in, agenda, speakers, an open and a secret poll, close")
    void whole_meeting() throws Exception {
        String chairToken = server.login("chutri");
        String pairing = server.post("/api/meetings/" + Demo.MEETING_ID + "/pairing-codes", chairToken,
                new JsonObject().put("display", true)).json().getString("code");
        String displayToken = server.post("/api/pair", null, new JsonObject().put("code", pairing)).json().getString("token");

        try (var chair = server.live(); var tablet = server.live(); var display = server.live()) {
            var snap = chair.hello(chairToken, Demo.MEETING_ID);
            assertEquals("snapshot", snap.getString("type"));
            assertEquals("CONSOLE", snap.getString("audience"));
            assertEquals("PUBLISHED", snap.getJsonObject("view").getJsonObject("header").getString("phase"));
            assertEquals(15, snap.getJsonObject("view").getJsonObject("roster").getJsonArray("members").size());

            var tabletSnap = tablet.hello(server.login("daibieu03"), Demo.MEETING_ID);
            assertEquals("DELEGATE", tabletSnap.getString("audience"));
            assertFalse(tabletSnap.getJsonObject("view").containsKey("remarks"), "delegates do not see the record");
            var displaySnap = display.hello(displayToken, Demo.MEETING_ID);
            assertEquals("DISPLAY", displaySnap.getString("audience"));
            assertFalse(displaySnap.getJsonObject("view").containsKey("roster"));

            // opening: the chair starts, people check in (the tablet for itself), the display sees attendance
            acked(chair.command(cmd("StartMeeting")));
            for (String m : new String[] {"m01", "m02", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11"}) {
                acked(chair.command(cmd("CheckIn").put("personId", m)));
            }
            acked(tablet.command(cmd("CheckIn").put("personId", "m03")));
            var seenByDisplay = display.next(m -> m.containsKey("patch") && m.getJsonObject("patch").containsKey("figures")
                    && m.getJsonObject("patch").getJsonObject("figures").getInteger("officialPresent") == 11);
            assertEquals(12, seenByDisplay.getJsonObject("patch").getJsonObject("figures").getInteger("majorityBase"),
                    "12 active officials: the exempt member is absent");

            // the agenda moves and every device follows
            acked(chair.command(cmd("NextItem")));
            var moved = tablet.event("CurrentItemChanged");
            assertEquals("i-1", moved.getJsonObject("event").getString("toItemId"));
            assertEquals("i-1", moved.getJsonObject("patch").getJsonObject("agenda").getString("currentItemId"));

            // the tablet asks for the floor; the display shows the queue; the chair grants it
            acked(tablet.command(cmd("RequestFloor").put("personId", "m03").put("pointOfOrder", false)));
            var queued = display.event("FloorRequested");
            assertEquals("Lê Quang Dũng", queued.getJsonObject("patch").getJsonObject("queue").getJsonArray("waiting")
                    .getJsonObject(0).getString("name"));
            acked(chair.command(cmd("GrantFloor").put("personId", "m03")));
            acked(chair.command(cmd("FinishSpeech")));
            acked(chair.command(cmd("RecordRemark").put("remarkId", "r1").put("itemId", "i-1").put("speakerId", "m03")
                    .put("text", "Đề nghị chi bộ tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.")));

            // an open poll: the tablet votes, sees only counts; the console sees the tally
            acked(chair.command(cmd("CreatePoll").put("pollId", "p1").put("itemId", "i-3")
                    .put("question", "Thông qua nghị quyết chi bộ tháng này").put("kind", "ORDINARY_RESOLUTION")
                    .put("mode", "SHOW_OF_HANDS").put("candidates", new JsonArray()).put("seats", 0)
                    .put("forms", new JsonArray()).put("changeAllowed", false)));
            acked(chair.command(cmd("OpenPoll").put("pollId", "p1")));
            acked(tablet.command(cmd("CastVote").put("pollId", "p1").put("voterId", "m03").put("choice", motion("FOR"))
                    .put("ballotId", "")));
            var counted = display.event("VoteCounted");
            assertNull(counted.getJsonObject("event").getValue("voterId"), "the display is not told who voted");
            assertEquals(1, counted.getJsonObject("patch").getJsonArray("polls").getJsonObject(0).getInteger("votedCount"));
            for (String m : new String[] {"m01", "m02", "m04", "m05", "m06", "m07"}) voteAs(m, "p1", "FOR");
            acked(chair.command(cmd("ClosePoll").put("pollId", "p1")));
            var closedForDisplay = display.event("PollClosed");
            assertFalse(closedForDisplay.getJsonObject("event").containsKey("tally"), "no counts before they are shown");
            // the room still reads "7/N đã biểu quyết" of the members present who could vote, not "7/7"
            var closedRow = closedForDisplay.getJsonObject("patch").getJsonArray("polls").getJsonObject(0);
            int eligible = counted.getJsonObject("patch").getJsonArray("polls").getJsonObject(0).getInteger("eligibleCount");
            assertEquals(7, closedRow.getInteger("votedCount"));
            assertEquals(eligible, closedRow.getInteger("eligibleCount"), closedRow::encode);
            assertTrue(eligible > 7, "more were present than voted: " + eligible);
            acked(chair.command(cmd("ShowResult").put("pollId", "p1")));
            var shown = display.event("PollResultShown");
            var result = shown.getJsonObject("patch").getJsonArray("polls").getJsonObject(0).getJsonObject("result");
            assertEquals(7, result.getInteger("forVotes"));
            assertTrue(result.getBoolean("passed"), "7 of a base of 12 is more than half");

            // a secret poll: nobody sees who chose what, the console sees who has voted
            acked(chair.command(cmd("CreatePoll").put("pollId", "p2").put("itemId", "i-3")
                    .put("question", "Đề nghị kết nạp quần chúng Nguyễn Văn A").put("kind", "ADMISSION")
                    .put("mode", "SECRET").put("candidates", new JsonArray()).put("seats", 0)
                    .put("forms", new JsonArray()).put("changeAllowed", false)));
            acked(chair.command(cmd("OpenPoll").put("pollId", "p2")));
            acked(tablet.command(cmd("CastVote").put("pollId", "p2").put("voterId", "m03").put("choice", motion("AGAINST"))
                    .put("ballotId", "")));
            var marked = chair.event("VoterMarked");
            assertEquals("m03", marked.getJsonObject("event").getString("voterId"));
            assertFalse(marked.encode().contains("AGAINST"), "the console does not see a secret choice");
            // only the poll that changed goes (p1's row is as it was): one row, not every poll of the meeting
            var rows = marked.getJsonObject("patch").getJsonArray("pollRows");
            assertEquals(1, rows.size(), rows.encode());
            assertEquals("p2", rows.getJsonObject(0).getString("id"));
            assertEquals(1, rows.getJsonObject(0).getInteger("votedCount"));
            assertFalse(rows.getJsonObject(0).containsKey("tally"), "no running tally of a secret poll");
            // who has voted goes as who voted since the console's last row, not the whole list again
            assertEquals(new JsonArray().add("m03"), rows.getJsonObject(0).getJsonArray("votersAdded"));
            assertFalse(rows.getJsonObject(0).containsKey("voters"), rows.encode());
            for (String m : new String[] {"m01", "m02", "m04", "m05", "m06", "m07", "m08", "m09", "m10"}) voteAs(m, "p2", "FOR");
            acked(chair.command(cmd("ClosePoll").put("pollId", "p2")));
            var closed = chair.next(m -> m.getJsonObject("event") != null
                    && "PollClosed".equals(m.getJsonObject("event").getString("type"))
                    && "p2".equals(m.getJsonObject("event").getString("pollId")));
            assertEquals(9, closed.getJsonObject("event").getJsonObject("tally").getJsonObject("counts").getInteger("FOR"));
            assertTrue(closed.getJsonObject("event").getJsonObject("result").getBoolean("passed"),
                    "9 of 13 official members reaches two thirds (3·9 ≥ 2·13)");

            acked(chair.command(cmd("CloseMeeting")));
            assertEquals("CLOSED", tablet.event("MeetingClosed").getJsonObject("patch").getJsonObject("header").getString("phase"));
        }
    }

    private void voteAs(String member, String poll, String answer) throws Exception {
        String account = member.equals("m01") ? "chutri" : member.equals("m02") ? "thuky" : "daibieu" + member.substring(1);
        try (var c = server.live()) {
            c.hello(server.login(account), Demo.MEETING_ID);
            acked(c.command(cmd("CastVote").put("pollId", poll).put("voterId", member).put("choice", motion(answer))
                    .put("ballotId", "")));
        }
    }
}
