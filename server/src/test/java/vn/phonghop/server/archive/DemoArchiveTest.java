package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.server.archive.ArchiveFixture.items;
import static vn.phonghop.server.archive.ArchiveFixture.only;

import java.nio.charset.StandardCharsets;
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

/** The demo's archive on first start: last month's meeting of the demo cell, closed, filed and signed. */
class DemoArchiveTest {
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

    @Test
    @DisplayName("On first start the committee finds last month's minutes of the demo cell: numbered, PDF/A-3b, signed, VALID")
    void demo_minutes_are_archived() throws Exception {
        String committee = server.login("uyban");
        var item = only(items(server, committee, ""));
        assertEquals(Demo.ARCHIVED_MEETING_ID + "-v1", item.getString("id"));
        assertEquals("01-BB/CB", item.getString("number"), "the first minutes of the cell in the term");
        assertTrue(item.getString("title").startsWith("Sinh hoạt chi bộ thường kỳ tháng "), item.encode());
        assertEquals("cb-hcth", item.getJsonObject("organisation").getString("id"));
        assertTrue(item.getBoolean("developmentKey"), "no SIGNING_KEYSTORE: a development key signs");

        var pdf = server.get("/api/archive/" + item.getString("id") + "/pdf", committee);
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.headers().get("Content-Type"));
        assertTrue(pdf.headers().get("Content-Disposition").startsWith("inline"));
        byte[] bytes = pdf.body().getBytes();
        assertEquals("", VeraPdf.failuresPdfA3b(bytes));
        var verdict = MinutesVerifier.verify(bytes);
        assertEquals(MinutesVerifier.Status.VALID, verdict.status(), verdict.detail());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "demo-archived-minutes.pdf"), bytes);

        var verify = server.get("/api/archive/" + item.getString("id") + "/verify", committee).json();
        assertEquals("VALID", verify.getString("status"));
        assertTrue(verify.getBoolean("sha256Matches"));
        assertTrue(verify.getString("signer").contains("Khóa phát triển"), verify.encode());

        var meeting = server.get("/api/meetings/" + Demo.ARCHIVED_MEETING_ID, server.login("admin")).json();
        assertEquals("ARCHIVED", meeting.getJsonObject("view").getJsonObject("header").getString("phase"));
        var list = new io.vertx.core.json.JsonArray(server.get("/api/meetings", server.login("admin")).text());
        assertEquals(Demo.MEETING_ID, list.getJsonObject(0).getString("meetingId"), "the published demo stays first");
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).isEmpty());
    }
}
