package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/** The live channel under bad input, repeats and dropped connections: typed errors, nothing lost, nothing doubled. */
class LiveProtocolTest {
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

    private static JsonObject cmd(String type) {
        return new JsonObject().put("type", type);
    }

    private static JsonObject error(LiveClient c) {
        return c.next(m -> "error".equals(m.getString("type")));
    }

    private static void stillSound(LiveClient c) {
        c.sendText("{\"type\":\"ping\"}");
        assertEquals("pong", c.next(m -> "pong".equals(m.getString("type"))).getString("type"));
    }

    @Test
    @DisplayName("A tablet that offers permessage-deflate, as Chromium does, gets plain frames: one encoding serves every socket")
    void websocket_compression_declined() throws Exception {
        var client = server.vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
                .setTryUsePerMessageCompression(true).setTryUsePerFrameCompression(true));
        try {
            var ws = client.connect(server.port, "127.0.0.1", "/live").toCompletionStage().toCompletableFuture()
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(ws.headers().contains("upgrade"), "the handshake's answer is readable");
            assertEquals(null, ws.headers().get("sec-websocket-extensions"), "no extension accepted");
            var pong = new java.util.concurrent.CompletableFuture<String>();
            ws.textMessageHandler(pong::complete);
            ws.writeTextMessage("{\"type\":\"ping\"}");
            assertEquals("pong", new JsonObject(pong.get(20, java.util.concurrent.TimeUnit.SECONDS)).getString("type"));
            ws.close();
        } finally {
            client.close();
        }
    }

    @Test
    @DisplayName("A device that asks for it gets its snapshot as raw DEFLATE in a binary frame: the same snapshot, fewer bytes; events stay text")
    void deflated_snapshot() throws Exception {
        String token = server.login("chutri");
        try (var plain = server.live(); var deflated = server.live(); var wrong = server.live()) {
            JsonObject text = plain.hello(token, Demo.MEETING_ID);
            JsonObject inflated = deflated.helloDeflated(token, Demo.MEETING_ID);
            assertEquals("snapshot", inflated.getString("type"));
            assertEquals(text, inflated);
            long textBytes = text.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertTrue(deflated.binaryBytes.get() > 0 && deflated.binaryBytes.get() * 3 < textBytes,
                    deflated.binaryBytes.get() + " bytes deflated for " + textBytes);
            // live as any other device: a command's event comes to it as text
            assertEquals("ack", deflated.command(new JsonObject().put("type", "StartMeeting")).getString("type"));
            deflated.event("MeetingStarted");
            plain.event("MeetingStarted");
            wrong.sendText(new JsonObject().put("type", "hello").put("token", token).put("meetingId", Demo.MEETING_ID)
                    .put("compress", "gzip").encode());
            assertEquals("BAD_REQUEST", error(wrong).getString("code"));
            stillSound(deflated);
        }
    }

    @Test
    @DisplayName("Every kind of bad message gets a typed error, and the socket keeps working")
    void bad_messages() throws Exception {
        try (var c = server.live()) {
            c.sendText(new JsonObject().put("type", "command").put("id", "x").put("command", cmd("NextItem")).encode());
            assertEquals("NOT_AUTHENTICATED", error(c).getString("code"));
            c.sendText(new JsonObject().put("type", "hello").put("token", "forged-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                    .put("meetingId", Demo.MEETING_ID).encode());
            assertEquals("NOT_AUTHENTICATED", error(c).getString("code"));
            c.hello(server.login("chutri"), Demo.MEETING_ID);

            c.sendText("{not json");
            assertEquals("MALFORMED_JSON", error(c).getString("code"));
            c.sendText("[1,2,3]");
            assertEquals("MALFORMED_JSON", error(c).getString("code"));
            c.sendText("{\"type\":\"dance\"}");
            assertEquals("UNKNOWN_MESSAGE", error(c).getString("code"));
            c.sendText("{\"type\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals("MESSAGE_TOO_LARGE", error(c).getString("code"));
            assertEquals("UNKNOWN_COMMAND", c.command(cmd("DropDatabase")).getString("code"));
            var invalid = c.command(cmd("MoveAgendaItem").put("itemId", "i-1").put("newIndex", "first"));
            assertEquals("INVALID_COMMAND", invalid.getString("code"));
            assertTrue(invalid.getString("detail").contains("newIndex"), invalid.encode());
            assertEquals("INVALID_COMMAND", c.command(cmd("NextItem").put("extra", true)).getString("code"));
            assertEquals("FORBIDDEN", c.command(new JsonObject().put("type", "ScheduleMeeting")).getString("code"));
            var refused = c.command(cmd("NextItem"));
            assertEquals("REJECTED", refused.getString("code"));
            assertEquals("MEETING_NOT_STARTED", refused.getString("reason"));
            assertEquals("Cuộc họp chưa bắt đầu.", refused.getJsonObject("message").getString("vi"));
            c.sendText(new JsonObject().put("type", "command").put("command", cmd("StartMeeting")).encode());
            assertEquals("INVALID_COMMAND", error(c).getString("code"));
            stillSound(c);
            assertEquals("ack", c.command(cmd("StartMeeting")).getString("type"), "the meeting is intact");
            assertFalse(c.isClosed());
        }
    }

    @Test
    @DisplayName("Sending the same command id twice applies it once and answers the same ack")
    void idempotent_resend() throws Exception {
        try (var chair = server.live(); var watcher = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            watcher.hello(server.login("daibieu05"), Demo.MEETING_ID);
            var first = chair.command("start-1", cmd("StartMeeting"));
            var again = chair.command("start-1", cmd("StartMeeting"));
            assertEquals("ack", first.getString("type"));
            assertEquals(first, again, "the same answer, not ALREADY_STARTED");
            var checkIn = chair.command("ci-7", cmd("CheckIn").put("personId", "m07"));
            assertEquals(checkIn, chair.command("ci-7", cmd("CheckIn").put("personId", "m07")));
            // the watcher saw each event once, in order, without gaps
            watcher.event("CheckedIn");
            long started = watcher.seen().stream().filter(m -> m.getJsonObject("event") != null
                    && "MeetingStarted".equals(m.getJsonObject("event").getString("type"))).count();
            assertEquals(1, started);
            assertGapless(watcher.seen());
        }
    }

    /** A tablet sees the chair start the meeting, then drops: the seq it had. */
    private long startsThenDrops(LiveClient chair, String tabletToken) throws Exception {
        try (var tablet = server.live()) {
            tablet.hello(tabletToken, Demo.MEETING_ID);
            chair.command(cmd("StartMeeting"));
            tablet.event("MeetingStarted");
            return tablet.lastSeq;
        }
    }

    @Test
    @DisplayName("A tablet that drops and reconnects with its last seq gets exactly what it missed")
    void resume_after_drop() throws Exception {
        String tabletToken = server.login("daibieu04");
        try (var chair = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            long lastSeq = startsThenDrops(chair, tabletToken);
            // while the tablet is away
            chair.command(cmd("CheckIn").put("personId", "m04"));
            chair.command(cmd("NextItem"));
            try (var tablet = server.live()) {
                tablet.lastSeq = lastSeq;
                var resume = tablet.hello(tabletToken, Demo.MEETING_ID);
                assertEquals("resume", resume.getString("type"));
                assertEquals(lastSeq, resume.getLong("from"));
                var checked = tablet.event("CheckedIn");
                assertEquals(lastSeq + 1, checked.getLong("seq"));
                var moved = tablet.event("CurrentItemChanged");
                assertEquals(lastSeq + 2, moved.getLong("seq"));
                chair.command(cmd("NextItem"));
                assertEquals(lastSeq + 3, tablet.event("CurrentItemChanged").getLong("seq"), "then live again");
            }
        }
    }

    @Test
    @DisplayName("A tablet away for more events than the server keeps comes back to a current snapshot")
    void away_longer_than_window_gets_snapshot() throws Exception {
        String tabletToken = server.login("daibieu04");
        try (var chair = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            long lastSeq = startsThenDrops(chair, tabletToken);
            // while the tablet is away, more events than the catch-up window holds
            for (int i = 0; i <= CatchUpWindow.MESSAGES / 2; i++) {
                assertEquals("ack", chair.command(cmd("CheckIn").put("personId", "m04")).getString("type"));
                assertEquals("ack", chair.command(cmd("CheckOut").put("personId", "m04")).getString("type"));
            }
            chair.command(cmd("CheckIn").put("personId", "m04"));
            long now = lastSeq + 2L * (CatchUpWindow.MESSAGES / 2 + 1) + 1;
            try (var tablet = server.live()) {
                tablet.lastSeq = lastSeq;
                var snapshot = tablet.hello(tabletToken, Demo.MEETING_ID);
                assertEquals("snapshot", snapshot.getString("type"));
                assertEquals(now, snapshot.getLong("seq"));
                assertEquals(true, snapshot.getJsonObject("me").getBoolean("present"), "checked in while away");
                chair.command(cmd("NextItem"));
                assertEquals(now + 1, tablet.event("CurrentItemChanged").getLong("seq"), "then live again");
            }
            try (var tablet = server.live()) {
                tablet.lastSeq = now - 3;
                var resume = tablet.hello(tabletToken, Demo.MEETING_ID);
                assertEquals("resume", resume.getString("type"), "a few events behind still resumes");
                assertEquals(now - 2, tablet.event("CheckedIn").getLong("seq"));
            }
        }
    }

    @Test
    @DisplayName("A device too far behind gets a fresh snapshot instead of a resume")
    void too_far_behind_gets_snapshot() throws Exception {
        try (var t = server.live()) {
            t.lastSeq = 10_000;
            assertEquals("snapshot", t.hello(server.login("daibieu04"), Demo.MEETING_ID).getString("type"));
        }
    }

    @Test
    @DisplayName("Authorisation: the display only watches, a delegate cannot run the meeting, a stranger sees nothing")
    void authorisation() throws Exception {
        String chairToken = server.login("chutri");
        String code = server.post("/api/meetings/" + Demo.MEETING_ID + "/pairing-codes", chairToken,
                new JsonObject().put("display", true)).json().getString("code");
        String displayToken = server.post("/api/pair", null, new JsonObject().put("code", code)).json().getString("token");
        assertEquals(401, server.post("/api/pair", null, new JsonObject().put("code", code)).status(), "a code is single-use");
        try (var display = server.live(); var delegate = server.live(); var committee = server.live()) {
            display.hello(displayToken, Demo.MEETING_ID);
            assertEquals("FORBIDDEN", display.command(cmd("StartMeeting")).getString("code"));
            delegate.hello(server.login("daibieu06"), Demo.MEETING_ID);
            var r = delegate.command(cmd("StartMeeting"));
            assertEquals("NOT_PERMITTED", r.getString("reason"));
            var onBehalf = delegate.command(cmd("CheckIn").put("personId", "m07"));
            assertEquals("NOT_PERMITTED", onBehalf.getString("reason"), "a delegate checks in only themself");
            assertEquals("FORBIDDEN", committee.hello(server.login("uyban"), Demo.MEETING_ID).getString("code"));
        }
        assertEquals(403, server.get("/api/meetings/" + Demo.MEETING_ID, server.login("uyban")).status());
        assertEquals(401, server.get("/api/meetings/" + Demo.MEETING_ID, null).status());
        assertEquals(404, server.get("/api/meetings/nope", chairToken).status());
    }

    @Test
    @DisplayName("The events of one command reach a tablet in one frame, in order, with the roster projected once")
    void one_frame_per_command() throws Exception {
        try (var watcher = server.live()) {
            watcher.hello(server.login("daibieu05"), Demo.MEETING_ID);
            String csv = "id,name,membership,standing\r\nk1,Hoàng Thị Lan,OFFICIAL,ACTIVE\r\n"
                    + "k2,Bùi Văn Đức,OFFICIAL,ACTIVE\r\nk3,Ngô Thị Thuỷ,PROBATIONARY,ACTIVE\r\n";
            var r = server.call(io.vertx.core.http.HttpMethod.POST, "/api/meetings/" + Demo.MEETING_ID + "/roster.csv",
                    server.login("thuky"), "text/csv", io.vertx.core.buffer.Buffer.buffer(csv));
            assertEquals(200, r.status(), r.text());
            long ackSeq = r.json().getLong("seq");
            var last = watcher.next(m -> "event".equals(m.getString("type")) && m.getLong("seq") == ackSeq);
            assertEquals(1, watcher.batches.get(), "three events, one frame");
            var registered = watcher.seen().stream().filter(m -> m.getJsonObject("event") != null
                    && "MemberRegistered".equals(m.getJsonObject("event").getString("type"))).toList();
            assertEquals(3, registered.size());
            assertTrue(registered.get(0).getJsonObject("patch").isEmpty(), "earlier events of the command carry no slices");
            String roster = last.getJsonObject("patch").getJsonObject("roster").encode();
            assertTrue(roster.contains("Hoàng Thị Lan") && roster.contains("Ngô Thị Thuỷ"), roster);
            assertGapless(watcher.seen());
        }
    }

    @Test
    @DisplayName("A check-in sends that member's roster row, not the whole roster; a tablet's view stays whole")
    void check_in_sends_one_row() throws Exception {
        try (var chair = server.live(); var watcher = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            var snapshot = watcher.hello(server.login("daibieu05"), Demo.MEETING_ID);
            int members = snapshot.getJsonObject("view").getJsonObject("roster").getJsonArray("members").size();
            chair.command(cmd("CheckIn").put("personId", "m07"));
            var patch = watcher.event("CheckedIn").getJsonObject("patch");
            assertFalse(patch.containsKey("roster"), patch.encode());
            var rows = patch.getJsonArray("rosterRows");
            assertEquals(1, rows.size(), rows.encode());
            assertEquals("m07", rows.getJsonObject(0).getString("id"));
            assertEquals("PRESENT", rows.getJsonObject(0).getString("presence"));
            assertTrue(members > 1);
            // a device that connects now gets the whole roster with the row in it
            try (var late = server.live()) {
                var view = late.hello(server.login("daibieu06"), Demo.MEETING_ID).getJsonObject("view");
                var m07 = view.getJsonObject("roster").getJsonArray("members").stream().map(JsonObject.class::cast)
                        .filter(m -> "m07".equals(m.getString("id"))).findFirst().orElseThrow();
                assertEquals("PRESENT", m07.getString("presence"));
            }
        }
    }

    @Test
    @DisplayName("Votes cast at once reach a delegate gapless (a row of them may come folded into one item) with the count after the last; the console gets every voter")
    void a_burst_of_votes() throws Exception {
        var voters = List.of("03", "04", "05", "06", "08", "10", "11", "12");
        var tablets = new java.util.ArrayList<LiveClient>();
        try (var chair = server.live(); var watcher = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            chair.command(cmd("StartMeeting"));
            for (String v : voters) assertEquals("ack", chair.command(cmd("CheckIn").put("personId", "m" + v)).getString("type"));
            chair.command(cmd("CreatePoll").put("pollId", "burst").put("itemId", "i-3").put("question", "Biểu quyết kín")
                    .put("kind", "ORDINARY_RESOLUTION").put("mode", "SECRET").put("candidates", new io.vertx.core.json.JsonArray())
                    .put("seats", 0).put("forms", new io.vertx.core.json.JsonArray()).put("changeAllowed", false));
            watcher.hello(server.login("daibieu09"), Demo.MEETING_ID);
            for (String v : voters) {
                var t = server.live();
                tablets.add(t);
                t.hello(server.login("daibieu" + v), Demo.MEETING_ID);
            }
            chair.command(cmd("OpenPoll").put("pollId", "burst"));
            // every vote sent before any is answered: they are decided and committed together
            for (int i = 0; i < voters.size(); i++) {
                tablets.get(i).sendText(new JsonObject().put("type", "command").put("id", "vote-" + voters.get(i)).put("command",
                        cmd("CastVote").put("pollId", "burst").put("voterId", "m" + voters.get(i))
                                .put("choice", new JsonObject().put("type", "Motion").put("answer", "FOR"))).encode());
            }
            long last = 0;
            for (int i = 0; i < voters.size(); i++) {
                String id = "vote-" + voters.get(i);
                var ack = tablets.get(i).next(m -> id.equals(m.getString("id")));
                assertEquals("ack", ack.getString("type"), ack.encode());
                last = Math.max(last, ack.getLong("seq"));
            }
            long lastVote = last;
            watcher.next(m -> "event".equals(m.getString("type")) && m.getLong("seq") >= lastVote);
            assertGapless(watcher.seen());
            // the poll's row, whole in "polls" or alone in "pollRows"
            var counts = watcher.seen().stream().filter(m -> m.getJsonObject("patch") != null
                    && (m.getJsonObject("patch").containsKey("polls") || m.getJsonObject("patch").containsKey("pollRows"))).toList();
            var lastPatch = counts.get(counts.size() - 1).getJsonObject("patch");
            var poll = lastPatch.getJsonArray(lastPatch.containsKey("polls") ? "polls" : "pollRows").stream()
                    .map(JsonObject.class::cast).filter(p -> "burst".equals(p.getString("id"))).findFirst().orElseThrow();
            assertEquals(voters.size(), poll.getInteger("votedCount"), poll.encode());
            // the console shows who has voted: one event per voter, never folded
            chair.next(m -> "event".equals(m.getString("type")) && m.getLong("seq") >= lastVote);
            var marked = chair.seen().stream().filter(m -> m.getJsonObject("event") != null
                    && "VoterMarked".equals(m.getJsonObject("event").getString("type"))).toList();
            assertEquals(voters.size(), marked.size());
            assertTrue(chair.seen().stream().noneMatch(m -> m.containsKey("fromSeq")));
            assertGapless(chair.seen());
        } finally {
            for (var t : tablets) t.close();
        }
    }

    @Test
    @DisplayName("A snapshot serialized once per audience is the same as one made for the viewer alone, and never stale")
    void snapshots_from_the_cache() throws Exception {
        try (var first = server.live(); var second = server.live(); var chair = server.live()) {
            String token = server.login("daibieu05");
            var a = first.hello(token, Demo.MEETING_ID);
            var b = second.hello(server.login("daibieu06"), Demo.MEETING_ID);
            var http = server.get("/api/meetings/" + Demo.MEETING_ID, token).json();
            assertEquals(http.getJsonObject("view"), a.getJsonObject("view"));
            assertEquals(http.getJsonObject("me"), a.getJsonObject("me"));
            assertEquals(http.getLong("seq"), a.getLong("seq"));
            assertEquals(a.getJsonObject("view"), b.getJsonObject("view"), "the same view for the same audience");
            assertEquals("m06", b.getJsonObject("me").getString("personId"), "but each viewer's own part");
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            long seq = chair.command(cmd("CheckIn").put("personId", "m08")).getLong("seq");
            try (var late = server.live()) {
                var c = late.hello(server.login("daibieu07"), Demo.MEETING_ID);
                assertTrue(c.getLong("seq") >= seq);
                var m08 = c.getJsonObject("view").getJsonObject("roster").getJsonArray("members").stream()
                        .map(JsonObject.class::cast).filter(m -> "m08".equals(m.getString("id"))).findFirst().orElseThrow();
                assertEquals("PRESENT", m08.getString("presence"), "a state after the cached one is served fresh");
            }
        }
    }

    @Test
    @DisplayName("A quiet meeting lets go of its caches: a device behind gets a snapshot, the next patch is as small, a command sent again gets its first ack")
    void a_quiet_meeting_lets_go_of_its_caches() throws Exception {
        var runtime = server.server.services().meetings().ifRunning(Demo.MEETING_ID).orElseThrow();
        assertFalse(runtime.trimIfQuiet(Duration.ofHours(1)).get(10, TimeUnit.SECONDS), "not quiet for an hour");
        try (var chair = server.live(); var watcher = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            watcher.hello(server.login("daibieu05"), Demo.MEETING_ID);
            var first = chair.command("ci-m07", cmd("CheckIn").put("personId", "m07"));
            var before = watcher.event("CheckedIn").getJsonObject("patch");
            chair.command(cmd("CheckOut").put("personId", "m07"));
            watcher.event("CheckedOut");
            assertTrue(runtime.trimIfQuiet(Duration.ZERO).get(10, TimeUnit.SECONDS));
            assertFalse(runtime.trimIfQuiet(Duration.ZERO).get(10, TimeUnit.SECONDS), "nothing left to let go");

            String token = server.login("daibieu04");
            try (var tablet = server.live()) {
                tablet.lastSeq = first.getLong("seq") - 1;
                var hello = tablet.hello(token, Demo.MEETING_ID);
                assertEquals("snapshot", hello.getString("type"), "nothing kept to resume from");
                assertEquals(server.get("/api/meetings/" + Demo.MEETING_ID, token).json().getJsonObject("view"),
                        hello.getJsonObject("view"));
            }
            chair.command(cmd("CheckIn").put("personId", "m07"));
            var after = watcher.event("CheckedIn").getJsonObject("patch");
            assertEquals(before.fieldNames(), after.fieldNames(), "the views were projected again: " + after.encode());
            assertEquals(1, after.getJsonArray("rosterRows").size());
            assertEquals(before.getJsonObject("figures"), after.getJsonObject("figures"));

            assertTrue(runtime.trimIfQuiet(Duration.ZERO).get(10, TimeUnit.SECONDS));
            var again = chair.command("ci-m07", cmd("CheckIn").put("personId", "m07"));
            assertEquals("ack", again.getString("type"), again.encode());
            assertEquals(first.getLong("seq"), again.getLong("seq"), "its first ack, from the store");
            stillSound(watcher);
        }
    }

    /** Each event right after the one before; a folded item (fromSeq…seq) right after it too. */
    static void assertGapless(List<JsonObject> seen) {
        long prev = -1;
        for (var m : seen) {
            if (!"event".equals(m.getString("type")) && !"snapshot".equals(m.getString("type"))) continue;
            long seq = m.getLong("seq");
            long first = "event".equals(m.getString("type")) && m.containsKey("fromSeq") ? m.getLong("fromSeq") : seq;
            if (prev >= 0) assertEquals(prev + 1, first, "gap or repeat in " + seen);
            assertTrue(first <= seq);
            prev = seq;
        }
    }
}
