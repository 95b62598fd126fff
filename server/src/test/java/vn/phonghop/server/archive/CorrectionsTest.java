package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.server.archive.ArchiveFixture.items;
import static vn.phonghop.server.archive.ArchiveFixture.only;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.live.TestServer;
import vn.phonghop.server.minutes.MinutesVerifier;
import vn.phonghop.server.minutes.VeraPdf;

/** A correction never changes filed minutes: it is a new version that names the one it corrects, and both stay. */
class CorrectionsTest {
    static final String V1 = Demo.ARCHIVED_MEETING_ID + "-v1";
    static final String V2 = Demo.ARCHIVED_MEETING_ID + "-v2";

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

    private static JsonObject correction(String reason, String item, int index, String text) {
        var remarks = new JsonArray();
        if (item != null) remarks.add(new JsonObject().put("itemNumber", item).put("index", index).put("text", text));
        return new JsonObject().put("reason", reason).put("remarks", remarks);
    }

    @Test
    @DisplayName("The minute-taker corrects a remark: version 2 is filed with a note naming version 1; both stay, both VALID")
    void correction_is_a_new_version() throws Exception {
        String minuteTaker = server.login("thuky");
        String corrected = "Trong tháng, phòng đã tiếp nhận và xử lý đúng hạn 1.284 văn bản đến; hoàn thành báo cáo sơ kết 9 tháng.";
        var r = server.post("/api/archive/" + V1 + "/corrections", minuteTaker,
                correction("Ghi nhầm số văn bản đến đã xử lý", "2.2", 0, corrected));
        assertEquals(201, r.status(), r.text());
        assertEquals(V2, r.json().getString("id"));
        assertEquals(V1, r.json().getString("correctsId"));
        assertEquals("01-BB/CB", r.json().getString("number"), "a correction keeps the number");

        String top = server.login("uyban");
        var meta = server.get("/api/archive/" + V1, top).json();
        assertFalse(meta.getBoolean("latest"));
        assertEquals(2, meta.getJsonArray("versions").size());
        assertEquals("Ghi nhầm số văn bản đến đã xử lý", meta.getJsonArray("versions").getJsonObject(1).getString("reason"));
        assertEquals(V2, only(items(server, top, "")).getString("id"), "the list shows the newest version");

        byte[] first = server.get("/api/archive/" + V1 + "/pdf", top).body().getBytes();
        byte[] second = server.get("/api/archive/" + V2 + "/pdf", top).body().getBytes();
        assertEquals(MinutesVerifier.Status.VALID, MinutesVerifier.verify(first).status());
        assertEquals(MinutesVerifier.Status.VALID, MinutesVerifier.verify(second).status());
        assertEquals("", VeraPdf.failuresPdfA3b(second));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "demo-archived-minutes-v2.pdf"), second);

        String before = server.get("/api/archive/" + V1 + "/record", top).text();
        String after = server.get("/api/archive/" + V2 + "/record", top).text();
        assertTrue(before.contains("1.248 văn bản") && !before.contains("1.284"), "version 1 is as filed");
        assertTrue(after.contains(corrected), after);
        var items = new JsonObject(after).getJsonArray("items");
        var note = items.getJsonObject(items.size() - 1);
        assertEquals("Đính chính biên bản", note.getString("title"));
        assertTrue(note.getString("conclusion").contains("đính chính phiên bản 1 của biên bản số 01-BB/CB"), note.encode());

        var stale = server.post("/api/archive/" + V1 + "/corrections", minuteTaker, correction("Lần nữa", null, 0, null));
        assertEquals(409, stale.status());
        assertEquals("NOT_LATEST_VERSION", stale.json().getString("code"));

        var third = server.post("/api/archive/" + V2 + "/corrections", server.login("admin"),
                correction("Bổ sung ghi chú về thời gian kết thúc", null, 0, null));
        assertEquals(201, third.status(), third.text());
        String v3 = server.get("/api/archive/" + third.json().getString("id") + "/record", top).text();
        assertTrue(v3.contains(corrected), "a later version keeps the earlier corrections");
        assertTrue(v3.contains("Phiên bản 2") && v3.contains("Phiên bản 3"), v3);
        assertNotEquals(Archiver.sha256(first), Archiver.sha256(second));
    }

    @Test
    @DisplayName("Corrections are refused to other members (403) and when malformed or naming a remark that is not there (400)")
    void refused_corrections() throws Exception {
        var member = server.post("/api/archive/" + V1 + "/corrections", server.login("daibieu05"),
                correction("Tôi muốn sửa", "2.2", 0, "Khác"));
        assertEquals(403, member.status());
        String minuteTaker = server.login("thuky");
        assertEquals(400, server.post("/api/archive/" + V1 + "/corrections", minuteTaker, new JsonObject()).status());
        assertEquals(400, server.post("/api/archive/" + V1 + "/corrections", minuteTaker,
                correction("Sai chỗ", "2.2", 5, "Khác")).status());
        assertEquals(400, server.post("/api/archive/" + V1 + "/corrections", minuteTaker,
                correction("Sai chỗ", "9.9", 0, "Khác")).status());
        assertEquals(404, server.post("/api/archive/khong-co-v1/corrections", minuteTaker,
                correction("Không có", null, 0, null)).status());
        assertEquals(1, server.server.services().archiver().store().versions(Demo.ARCHIVED_MEETING_ID).size());
    }
}
