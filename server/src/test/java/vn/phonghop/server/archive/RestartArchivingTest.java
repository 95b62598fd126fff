package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.json.RecordJson;
import vn.phonghop.server.live.TestServer;
import vn.phonghop.server.store.AppendRequest;
import vn.phonghop.server.store.AppendResult;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.EventStore;
import vn.phonghop.server.store.NewEvent;

/** A meeting closed just before the server stopped, its minutes not filed: the next start files them, once. */
class RestartArchivingTest {
    static final String MEETING = "mt-dong-truoc-khi-tat";

    @TempDir
    Path data;

    @Test
    @DisplayName("Closed before a crash, archived on the next start, and not again on the start after")
    void archives_once_after_restart() throws Exception {
        var log = SmallMeeting.log(SmallMeeting.commands(MEETING, Demo.OTHER_CELL, "Sinh hoạt chi bộ tháng 10 năm 2026",
                Instant.parse("2026-10-16T01:00:00Z"), "Ý kiến về kế hoạch trợ giúp pháp lý.", true));
        // the log as a crashed node left it: MeetingClosed is durable, nothing was filed
        try (var db = Database.open(Config.from(Map.of("DATA_DIR", data.toString())));
             var store = new EventStore(db)) {
            var events = log.stream().map(e -> new NewEvent(e.getClass().getSimpleName(), RecordJson.toJson(e).encode(), e.at()))
                    .toList();
            var r = store.append(AppendRequest.of(MEETING, 0, events)).get(30, TimeUnit.SECONDS);
            assertEquals(AppendResult.Appended.class, r.getClass());
        }
        try (var server = new TestServer(data)) {
            var filed = server.server.services().archiver().store().versions(MEETING);
            assertEquals(1, filed.size());
            assertEquals("01-BB/CB", filed.get(0).numberText());
            assertEquals("ARCHIVED", phase(server));
        }
        try (var server = new TestServer(data)) {
            assertEquals(1, server.server.services().archiver().store().versions(MEETING).size(), "not filed twice");
            assertEquals(1, lastNumber(server), "no number spent on the second start");
            assertEquals(2, rows(server), "the demo's minutes and these");
        }
    }

    @Test
    @DisplayName("Filed but stopped before the meeting was marked archived: the next start marks it and files nothing more")
    void filed_then_marked_on_restart() throws Exception {
        var log = SmallMeeting.log(SmallMeeting.commands(MEETING, Demo.OTHER_CELL, "Sinh hoạt chi bộ tháng 10 năm 2026",
                Instant.parse("2026-10-16T01:00:00Z"), "Ý kiến về kế hoạch trợ giúp pháp lý.", true));
        String sha;
        try (var db = Database.open(Config.from(Map.of("DATA_DIR", data.toString())));
             var store = new EventStore(db)) {
            var events = log.stream().map(e -> new NewEvent(e.getClass().getSimpleName(), RecordJson.toJson(e).encode(), e.at()))
                    .toList();
            store.append(AppendRequest.of(MEETING, 0, events)).get(30, TimeUnit.SECONDS);
            // what the archive had committed when the node stopped: the filing, not yet the ArchiveMeeting
            byte[] pdf = "%PDF-1.7 as filed before the stop".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            sha = Archiver.sha256(pdf);
            var meta = new FiledMinutes(FiledMinutes.idOf(MEETING, 1), MEETING, 1, null, Demo.OTHER_CELL.id(),
                    Demo.OTHER_CELL.name(), "REGULAR_CELL_MEETING", java.time.LocalDate.of(2026, 10, 16), "Sinh hoạt",
                    "2025-2030", 1, "01-BB/CB", sha, pdf.length, "CN=test", true, Archiver.SERVER, Instant.now(), null);
            assertEquals(ArchiveStore.Outcome.FILED, new ArchiveStore(db).file(Demo.OTHER_CELL,
                    new ArchiveStore.Filing(meta, pdf, "{}", "sinh hoạt"), true));
        }
        try (var server = new TestServer(data)) {
            assertEquals("ARCHIVED", phase(server));
            var filed = server.server.services().archiver().store().versions(MEETING);
            assertEquals(1, filed.size(), "not filed again");
            assertEquals(sha, filed.get(0).pdfSha256());
            assertEquals(1, lastNumber(server));
        }
    }

    private static String phase(TestServer server) throws Exception {
        return server.get("/api/meetings/" + MEETING, server.login("admin")).json().getJsonObject("view")
                .getJsonObject("header").getString("phase");
    }

    private static int lastNumber(TestServer server) throws Exception {
        try (var c = server.server.services().database().connection();
             var q = c.prepareStatement("SELECT last_number FROM document_numbers WHERE org_id = ?")) {
            q.setString(1, Demo.OTHER_CELL.id());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int rows(TestServer server) throws Exception {
        try (var c = server.server.services().database().connection();
             var q = c.prepareStatement("SELECT COUNT(*) FROM archive_minutes");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
