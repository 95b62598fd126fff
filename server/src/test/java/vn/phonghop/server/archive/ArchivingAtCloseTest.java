package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.phonghop.server.archive.ArchiveFixture.items;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.live.LiveClient;
import vn.phonghop.server.live.MeetingRuntime;
import vn.phonghop.server.live.TestServer;
import vn.phonghop.server.minutes.MinutesVerifier;
import vn.phonghop.server.minutes.VeraPdf;

/** Closing a meeting files its minutes: rendered from the log, numbered, signed, and the meeting archived. */
class ArchivingAtCloseTest {
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

    @Test
    @DisplayName("The chair closes the meeting on the console; its minutes are filed as 02-BB/CB and the meeting becomes ARCHIVED")
    void closing_on_the_console_files_the_minutes() throws Exception {
        try (LiveClient chair = server.live()) {
            chair.hello(server.login("chutri"), Demo.MEETING_ID);
            for (var c : new JsonObject[] {cmd("StartMeeting"), cmd("CheckIn").put("personId", "m01"),
                    cmd("CheckIn").put("personId", "m02"), cmd("NextItem"),
                    cmd("RecordRemark").put("remarkId", "r1").put("itemId", "i-1").put("speakerId", "m01")
                            .put("text", "Đồng chí Bí thư khai mạc và thông qua chương trình sinh hoạt."),
                    cmd("CloseMeeting")}) {
                assertEquals("ack", chair.command(c).getString("type"), c.encode());
            }
            var archived = chair.event("MeetingArchived");
            assertEquals("ARCHIVED", archived.getJsonObject("patch").getJsonObject("header").getString("phase"));
        }
        String committee = server.login("uyban");
        var mine = items(server, committee, "?org=cb-hcth");
        assertEquals(2, mine.size(), "last month's and this one");
        var filed = mine.stream().map(o -> (JsonObject) o).filter(o -> o.getString("meetingId").equals(Demo.MEETING_ID))
                .findFirst().orElseThrow();
        assertEquals("02-BB/CB", filed.getString("number"), "numbers run on, without a gap, in the cell's term");
        byte[] pdf = server.get("/api/archive/" + filed.getString("id") + "/pdf", committee).body().getBytes();
        assertEquals("", VeraPdf.failuresPdfA3b(pdf));
        assertEquals(MinutesVerifier.Status.VALID, MinutesVerifier.verify(pdf).status());
        assertEquals(1, server.server.services().archiver().store().versions(Demo.MEETING_ID).size(), "filed once");
    }

    @Test
    @DisplayName("A byte flipped in the stored PDF: verify says TAMPERED and the SHA-256 no longer matches")
    void flipped_byte_is_tampered() throws Exception {
        String committee = server.login("uyban");
        String id = Demo.ARCHIVED_MEETING_ID + "-v1";
        var store = server.server.services().archiver().store();
        byte[] pdf = store.pdf(id);
        pdf[pdf.length / 3] ^= 0x01;
        // what an intruder with database access would do: the server itself never updates a filed row
        try (var c = server.server.services().database().connection();
             PreparedStatement update = c.prepareStatement("UPDATE archive_minutes SET pdf = ? WHERE id = ?")) {
            update.setBytes(1, pdf);
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
        }
        var verify = server.get("/api/archive/" + id + "/verify", committee).json();
        assertEquals("TAMPERED", verify.getString("status"), verify.encode());
        assertFalse(verify.getBoolean("sha256Matches"));
        assertNotEquals(verify.getString("filedSha256"), verify.getString("sha256"));
    }

    @Test
    @DisplayName("Two meetings of one cell closed at the same moment get consecutive numbers, each once")
    void concurrent_closes_number_without_gaps() throws Exception {
        var services = server.server.services();
        Instant start = Instant.parse("2026-11-10T01:00:00Z");
        var runtimes = new ArrayList<MeetingRuntime>();
        for (String id : new String[] {"mt-a", "mt-b", "mt-c"}) {
            runtimes.add(SmallMeeting.run(services, SmallMeeting.commands(id, Demo.CELL, "Sinh hoạt chuyên đề " + id,
                    start, "Ý kiến về công tác cải cách hành chính.", false)));
        }
        var closes = new ArrayList<CompletableFuture<?>>();
        for (var rt : runtimes) closes.add(rt.command("close-" + rt.meetingId(), SmallMeeting.close(start)));
        CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        var numbers = new HashSet<String>();
        for (var rt : runtimes) {
            Optional<FiledMinutes> filed = services.archiver().archive(rt.meetingId()).toCompletionStage()
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            numbers.add(filed.orElseThrow().numberText());
        }
        assertEquals(Set.of("02-BB/CB", "03-BB/CB", "04-BB/CB"), numbers, "after the demo's 01, no gap and no repeat");
    }
}
