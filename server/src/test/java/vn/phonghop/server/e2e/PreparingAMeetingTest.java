package vn.phonghop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.documents.DemoDocuments;

/**
 * The console's "Chuẩn bị" tab on a meeting just scheduled, empty: publishing is refused until
 * there is an agenda, the template gives one, a classified document is uploaded to an item (a
 * file that is not a PDF is refused with the server's words), and the meeting is published.
 */
@DisplayName("Preparing a freshly scheduled meeting at the console")
class PreparingAMeetingTest {
    private static final String TITLE = "Sinh hoạt chi bộ tháng 12 năm 2026";

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private Room room;
    private Browser console;

    @BeforeEach
    void openTheRoom() throws Exception {
        assertTrue(Browser.available(), "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver");
        room = Room.start(dataDir);
        console = Browser.open("console", 1600, 1000);
    }

    @AfterEach
    void closeTheRoom() throws Exception {
        try {
            if (console != null) {
                console.screenshot("preparing-console-end");
                console.close();
            }
        } finally {
            if (room != null) room.close();
        }
    }

    @Test
    @DisplayName("The administrator applies the template, uploads a classified document and publishes a new meeting")
    void template_upload_and_publish() throws Exception {
        String meetingId = schedule();
        Path report = Files.write(files.resolve("bao-cao.pdf"), DemoDocuments.monthlyReport());
        Path notPdf = Files.writeString(files.resolve("ghi-chu.pdf"), "không phải PDF", StandardCharsets.UTF_8);

        console.go(room.url("/console/"));
        console.type("#username", "admin");
        console.type("#password", "phonghop-demo");
        console.click("sign-in form.login button[type=submit]");
        console.waitText("#meeting-choices", TITLE);
        console.click("#meeting-choices button[data-meeting='" + meetingId + "']");
        console.waitText("#phase", "Đang chuẩn bị");
        console.click("[role=tab][data-tab='prepare']");
        console.waitText("#prep-agenda", "Chưa có chương trình");

        // an empty agenda cannot be published
        console.click("#publish");
        console.waitText("#message", "Chương trình họp còn trống");

        console.click("#apply-template");
        console.waitText("#prep-agenda", "Khai mạc");
        String report22 = console.selectContaining("#doc-item", "2.2. ");
        console.type("#doc-title", "Ghi chú không hợp lệ");
        console.find("#doc-file").sendKeys(notPdf.toAbsolutePath().toString());
        console.click("#upload-form button[type=submit]");
        console.waitVisible("#upload-result .error");
        String refusal = console.textOf("#upload-result");
        assertTrue(!refusal.contains("NOT_A_PDF") && !refusal.isBlank(), "the refusal in words: " + refusal);

        console.select("#doc-item", report22);
        console.type("#doc-title", "Báo cáo chính trị (dự thảo)");
        console.select("#doc-class", "MAT");
        console.find("#doc-file").sendKeys(report.toAbsolutePath().toString());
        console.click("#upload-form button[type=submit]");
        console.waitText("#upload-result .notice", "Đã tải lên: Báo cáo chính trị (dự thảo)");
        console.waitText("#prep-agenda li[data-item='" + report22 + "'] .docs", "Báo cáo chính trị (dự thảo)");
        console.waitText("#prep-agenda li[data-item='" + report22 + "'] .docs .tag.secret", "Mật");
        console.js("arguments[0].scrollIntoView({block: 'center'})", console.find("#prep-agenda li[data-item='" + report22 + "']"));
        console.screenshot("console-prepare");

        console.click("#publish");
        console.waitText("#phase", "Đã công bố");
        console.waitVisible("#start-meeting");
        assertEquals("", console.textOf("#message"));
    }

    /** Schedules an empty meeting over the API, as the administrator would from the office. */
    private String schedule() throws Exception {
        var http = HttpClient.newHttpClient();
        var login = http.send(HttpRequest.newBuilder(URI.create(room.url("/api/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", "phonghop-demo").encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String token = new JsonObject(login.body()).getString("token");
        var body = new JsonObject().put("title", TITLE).put("kind", "REGULAR_CELL_MEETING").put("venue", "Hội trường")
                .put("place", "Hà Nội").put("plannedStart", "2026-12-05T01:00:00Z").put("template", false)
                .put("organisation", new JsonObject().put("id", "cb-2").put("name", "Chi bộ Phòng Tổ chức")
                        .put("kind", "CELL").put("superiorName", "Đảng bộ Sở").put("symbol", "CB"));
        var created = http.send(HttpRequest.newBuilder(URI.create(room.url("/api/meetings")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return new JsonObject(created.body()).getString("meetingId");
    }
}
