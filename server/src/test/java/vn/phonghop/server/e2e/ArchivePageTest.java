package vn.phonghop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive page as a committee reads it: a real server with the demo, whose last month's
 * meeting (mt-thang-10, minutes 01-BB/CB of the cell "Phòng Hành chính – Tổng hợp") was filed and
 * signed at the first start. One server for the class; each story in its own browser.
 */
@DisplayName("The archive page: committees find, open and verify signed minutes")
class ArchivePageTest {
    private static final String MINUTES = "mt-thang-10-v1";
    private static final String ROW = "minutes-results tr[data-id='" + MINUTES + "']";
    private static final String CELL = "Chi bộ Phòng Hành chính – Tổng hợp";
    private static final String OTHER_CELL = "Chi bộ Phòng Trợ giúp pháp lý số 1";

    @TempDir
    static Path dataDir;
    private static Room room;

    private final List<Browser> browsers = new ArrayList<>();
    private String testName;

    @BeforeAll
    static void startTheServer() throws Exception {
        assertTrue(Browser.available(), "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver (deploy/test.sh installs them)");
        room = Room.start(dataDir);
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (room != null) room.close();
    }

    @AfterEach
    void closeTheBrowsers(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        for (Browser b : browsers) {
            try {
                b.screenshot(testName + "-" + b.name + "-end");
            } finally {
                b.close();
            }
        }
    }

    @Test
    @DisplayName("The committee's reviewer sees the bodies under it, finds last month's minutes with and without diacritics, and opens them verified")
    void the_committee_finds_the_minutes_and_opens_them_verified() {
        Browser b = signedIn("uyban", 1440, 900);
        for (String body : List.of("Đảng bộ Sở Tư pháp thành phố Hà Nội", CELL,
                "Đảng bộ bộ phận Trung tâm Trợ giúp pháp lý nhà nước", OTHER_CELL)) {
            b.waitText("org-tree", body);
        }
        b.waitText(ROW + " .number", "01-BB/CB");
        b.waitText(ROW + " .body", CELL);
        b.waitText(ROW + " .version", "Phiên bản 1");
        b.screenshot("archive-list");

        // the minutes say the dues were collected ("đã thu đảng phí"): found typed either way
        search(b, "dang phi");
        b.waitText(ROW + " .number", "01-BB/CB");
        search(b, "đảng phí");
        b.waitText(ROW + " .number", "01-BB/CB");
        search(b, "Phan Thi Yen cong nhan");
        b.waitText(ROW + " .number", "01-BB/CB");
        search(b, "xyzzy");
        b.waitText("minutes-results", "Không có biên bản nào khớp");

        // the tree narrows the list to a body and the bodies under it
        b.click("#clear");
        b.waitVisible(ROW);
        b.click("org-tree button[data-org='dbbp-tgpl']");
        b.waitText("#summary", "0 biên bản");
        b.waitGone(ROW);
        b.click("org-tree button[data-org='db-stp']");
        b.waitText("#summary", "thuộc Đảng bộ Sở Tư pháp");
        b.waitVisible(ROW);

        b.click(ROW + " .title a");
        b.waitText("minutes-entry .head", "Số 01-BB/CB");
        b.waitText("minutes-entry .head", "Sinh hoạt chi bộ thường kỳ tháng");
        // PDF.js draws the signed PDF's first page, with ink on it
        b.waitAttribute("pdf-viewer", "data-page", "1");
        b.waitText("pdf-viewer .page-count", "3");
        b.waiting().withMessage("ink on the PDF's first page").until(d -> Boolean.TRUE.equals(b.js(
                "const c = document.querySelector('pdf-viewer canvas');"
                        + " if (!c || c.hidden || c.width < 300) return false;"
                        + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " for (let i = 0; i < px.length; i += 4) if (px[i] < 100 && px[i + 3] > 0) return true;"
                        + " return false;")));
        // the verification is the server's: valid signature, the file as filed, a development key
        b.waitAttribute(".verify-status", "data-status", "VALID");
        b.waitText(".verify-status", "Chữ ký số hợp lệ");
        assertFalse(b.textOf(".verify-status").contains("Không"), b.textOf(".verify-status"));
        b.waitText("minutes-entry .dev-key", "Ký bằng khóa phát triển");
        b.waitText("minutes-entry .signer", "Khóa phát triển");
        // the vote results and the versions
        b.waitText("minutes-entry .votes", "Thông qua Nghị quyết chi bộ tháng");
        b.waitText("minutes-entry .votes", "Đề nghị công nhận đảng viên chính thức đối với đồng chí Phan Thị Yến");
        b.waitText("minutes-entry .votes", "83,33%");
        b.waitText("minutes-entry .history", "Bản gốc");
        b.waitVisible("minutes-entry button[data-download='pdf']");
        b.waitVisible("minutes-entry button[data-download='csv']");
        b.waitVisible("minutes-entry button[data-download='json']");
        b.screenshot("archive-entry");

        b.click("#lang");
        b.waitText(".verify-status", "Signature valid");
        b.waitText("minutes-entry .votes", "Passed");
        b.click("#lang");
        b.waitText(".verify-status", "Chữ ký số hợp lệ");

        b.click("#back");
        b.waitText("#summary", "thuộc Đảng bộ Sở Tư pháp");
        b.waitVisible(ROW);
    }

    @Test
    @DisplayName("A member of another cell neither lists nor opens the demo cell's minutes")
    void a_reader_outside_the_cell_does_not_see_its_minutes() throws Exception {
        // the administrator moves Hoàng Đức Thắng's account to the other cell for this story
        belongTo("daibieu05", "cb-tgpl-1");
        Browser b = signedIn("daibieu05", 1280, 800);
        b.waitText("org-tree", OTHER_CELL);
        b.waitText("#summary", "0 biên bản");
        b.waitText("minutes-results", "Chưa có biên bản nào được lưu trữ");
        assertFalse(b.textOf("org-tree").contains(CELL), b.textOf("org-tree"));
        search(b, "dang phi");
        b.waitText("minutes-results", "Không có biên bản nào khớp");

        // nor by its address
        b.js("location.hash = '#/bien-ban/" + MINUTES + "'");
        b.waitAttribute("#entry-problem .failure", "data-status", "403");
        b.waitText("#entry-problem", "không được xem biên bản này");
        assertTrue(b.driver.findElements(org.openqa.selenium.By.cssSelector("pdf-viewer canvas[role='img']")).isEmpty(),
                "no page of the minutes is drawn");
        b.screenshot("archive-forbidden");
        b.js("location.hash = '#/bien-ban/khong-co-bien-ban-nay'");
        b.waitAttribute("#entry-problem .failure", "data-status", "404");
        b.waitText("#entry-problem", "Không tìm thấy biên bản này");
    }

    private Browser signedIn(String user, int width, int height) {
        Browser b = Browser.open(user, width, height);
        browsers.add(b);
        b.go(room.url("/archive/"));
        b.type("#username", user);
        b.type("#password", "phonghop-demo");
        b.click("sign-in form.login button[type=submit]");
        b.waitVisible("#list-view");
        return b;
    }

    private static void search(Browser b, String words) {
        b.type("#q", words);
        b.click("#find");
        b.waitText("#summary", "\"" + words + "\"");
    }

    /** PUT /api/archive/accounts/{user}/organisations as the administrator. */
    private static void belongTo(String user, String orgId) throws Exception {
        var http = HttpClient.newHttpClient();
        var login = http.send(HttpRequest.newBuilder(URI.create(room.url("/api/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"phonghop-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String token = new JsonObject(login.body()).getString("token");
        var link = http.send(HttpRequest.newBuilder(URI.create(room.url("/api/archive/accounts/" + user + "/organisations")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"orgIds\":[\"" + orgId + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, link.statusCode(), link.body());
    }
}
