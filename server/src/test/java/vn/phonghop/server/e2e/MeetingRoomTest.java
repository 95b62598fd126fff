package vn.phonghop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room as people use it: a real server with the demo meeting, the minute-taker at the console,
 * two delegates on tablets (Lê Quang Dũng m03, Phạm Thị Ngọc Ánh m04) and the room's display, each
 * in its own browser session. Every step waits for what a person would see.
 */
@DisplayName("A meeting in the room: console, two tablets and the display")
class MeetingRoomTest {
    private static final String DUNG = "Lê Quang Dũng";
    private static final String ANH = "Phạm Thị Ngọc Ánh";

    @TempDir
    Path dataDir;

    private Room room;
    private final List<Browser> browsers = new ArrayList<>();
    private Browser console;
    private Browser tabletA;
    private Browser tabletB;
    private Browser display;
    private String testName;

    @BeforeEach
    void openTheRoom(TestInfo info) throws Exception {
        assertTrue(Browser.available(), "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver (deploy/test.sh installs them)");
        testName = info.getTestMethod().orElseThrow().getName();
        room = Room.start(dataDir);
        console = open("console", 1600, 1000);
        tabletA = open("tablet-a", 1280, 800);
        tabletB = open("tablet-b", 800, 1280);
        display = open("display", 1920, 1080);

        console.go(room.url("/console/"));
        console.type("#username", "thuky");
        console.type("#password", "phonghop-demo");
        console.click("sign-in form.login button[type=submit]");
        console.waitText("#phase", "Đã công bố");
        console.click("#start-meeting");
        console.waitText("#phase", "Đang họp");

        pair(tabletA, room.seatCode("m03"), "/tablet/");
        tabletA.waitText("#me-name", DUNG);
        pair(tabletB, room.seatCode("m04"), "/tablet/");
        tabletB.waitText("#me-name", ANH);
        pair(display, room.displayCode(), "/display/");
        display.waitText("#meeting-title", "Sinh hoạt chi bộ thường kỳ");
    }

    @AfterEach
    void closeTheRoom() throws Exception {
        for (Browser b : browsers) {
            try {
                b.screenshot(testName + "-" + b.name + "-end");
            } finally {
                b.close();
            }
        }
        if (room != null) room.close();
    }

    @Test
    @DisplayName("Delegates check in on their tablets and the display counts them present")
    void check_in_shows_on_the_display() {
        display.waitText("#att-present", "0/14");
        checkIn(tabletA);
        display.waitText("#att-present", "1/14");
        checkIn(tabletB);
        display.waitText("#att-present", "2/14 · 14,29%");
        display.waitText("#att-voters", "2");
        display.waitText("#att-base", "12");
        console.waitText("#attendance", "2/14 có mặt");
        display.screenshot("check-in-display");
    }

    @Test
    @DisplayName("Chromium asks for its snapshots as raw DEFLATE and reads them: every device of the room got one that way")
    void the_browsers_read_deflated_snapshots() throws Exception {
        // the four devices are live (their pages show the snapshot), so each of them inflated one
        String metrics = room.metrics();
        var deflated = java.util.regex.Pattern.compile("phonghop_snapshots_total\\{form=\"deflate-raw\"} (\\d+)").matcher(metrics);
        assertTrue(deflated.find(), metrics);
        assertTrue(Long.parseLong(deflated.group(1)) >= 4, "snapshots sent deflated: " + deflated.group(1));
        assertTrue(metrics.contains("phonghop_snapshots_total{form=\"text\"} 0"), metrics);
        // and a device that reconnects from scratch reads a fresh one as well
        tabletA.go(room.url("/tablet/"));
        tabletA.waitText("#me-name", DUNG);
        checkIn(tabletA);
        display.waitText("#att-present", "1/14");
    }

    @Test
    @DisplayName("The secretary moves to the next item and both tablets follow, opening its document")
    void the_secretary_advances_the_item_and_both_tablets_follow() {
        console.click("#run-agenda li[data-item='i-2.2'] button[data-action='start-item']");
        for (Browser tablet : List.of(tabletA, tabletB)) {
            tablet.waitVisible("agenda-list li.current[data-item='i-2.2']");
            // following the presenter, the tablet opens the item's report and PDF.js draws its first page
            tablet.waitAttribute("pdf-viewer", "data-page", "1");
            tablet.waitText("pdf-viewer .doc-title", "Báo cáo tình hình thực hiện nhiệm vụ");
        }
        tabletA.click("pdf-viewer button[data-action='next']");
        tabletA.waitAttribute("pdf-viewer", "data-page", "2");
        tabletA.screenshot("tablet-document");
        display.waitText("#item-title", "Kiểm điểm việc thực hiện nhiệm vụ tháng trước");

        console.click("#next-item");
        for (Browser tablet : List.of(tabletA, tabletB)) {
            tablet.waitVisible("agenda-list li.current[data-item='i-2.3']");
        }
        display.waitText("#item-number", "2.3");
        display.waitText("#item-title", "Học tập và làm theo tư tưởng");
        console.screenshot("console-run");
    }

    @Test
    @DisplayName("A delegate asks for the floor, sees their place, and the display shows the queue and then the speaker")
    void a_delegate_asks_for_the_floor_and_the_display_shows_the_queue() {
        checkIn(tabletA);
        checkIn(tabletB);
        console.click("#next-item");
        tabletA.waitVisible("agenda-list li.current[data-item='i-1']");

        tabletA.click("#ask-floor");
        tabletA.waitText("#floor-place", "thứ 1");
        tabletB.click("#point-of-order");
        tabletB.waitText("#floor-place", "thứ 1");
        tabletA.waitText("#floor-place", "thứ 2");
        display.waitText("#next-speakers", ANH);
        display.waitText("#next-speakers", DUNG);
        display.waitText("#next-speakers", "thủ tục");

        console.waitText("#queue", DUNG);
        console.click("#queue li:nth-child(2) button[data-action='grant-floor']");
        display.waitText("#speaker-name", DUNG);
        tabletA.waitText("#floor-place", "Đồng chí đang phát biểu");
        if (console.find("#timer-start").isEnabled()) console.click("#timer-start");
        display.waitAttribute("countdown-timer", "data-state", "running");
        tabletB.screenshot("tablet-queue");
        display.screenshot("display-speaker");
        console.screenshot("console-queue");
    }

    @Test
    @DisplayName("An open poll and a secret poll are voted from the tablets and the display shows each result")
    void open_and_secret_polls_are_voted_from_the_tablets_and_the_display_shows_the_results() {
        checkIn(tabletA);
        console.click("#next-item");
        createPoll("Thông qua nghị quyết chi bộ tháng này", "SHOW_OF_HANDS");
        openLatestPoll();
        display.waitText("#poll-progress", "0/1 đã biểu quyết");

        vote(tabletA, "FOR");
        tabletA.waitText("ballot-sheet", "Lựa chọn: Tán thành");
        // a delegate who checks in late still gets the open ballot
        tabletB.waitText("ballot-sheet", "cần điểm danh");
        tabletB.click("ballot-sheet button[data-action='check-in']");
        tabletB.waitVisible("ballot-sheet button[data-value='AGAINST']");
        display.waitText("#poll-progress", "1/2 đã biểu quyết");
        vote(tabletB, "AGAINST");
        display.waitText("#poll-progress", "2/2 đã biểu quyết");

        closeAndShowLatestPoll();
        display.waitText("poll-result .verdict", "Không thông qua");
        // 1 of a base of 12: 1×10000/12 = 833,33… → 8,33%
        display.waitText("poll-result", "8,33%");
        display.screenshot("display-open-result");
        tabletA.waitText("#results", "Không thông qua");

        createPoll("Bầu đồng chí Lê Quang Dũng làm tổ trưởng (phiếu kín)", "SECRET");
        openLatestPoll();
        display.waitText("#poll-question", "phiếu kín");
        tabletA.waitVisible("ballot-sheet button[data-value='FOR']");
        tabletA.screenshot("tablet-ballot");
        vote(tabletA, "FOR");
        display.waitText("#poll-progress", "1/2 đã biểu quyết");
        console.waitText("#poll-list poll-card:first-child", "Đã biểu quyết: Lê Quang Dũng");
        vote(tabletB, "FOR");
        display.waitText("#poll-progress", "2/2 đã biểu quyết");
        // the console's voters grow by the one who voted (votersAdded), the list stays whole
        console.waitText("#poll-list poll-card:first-child", "Đã biểu quyết: Lê Quang Dũng, Phạm Thị Ngọc Ánh");
        for (Browser tablet : List.of(tabletA, tabletB)) {
            String sheet = tablet.textOf("ballot-sheet");
            assertFalse(sheet.contains("Tán thành"), "a secret ballot shows nothing of the choice after it is cast: " + sheet);
            assertTrue(sheet.contains("không ai biết"), sheet);
        }
        tabletB.screenshot("tablet-secret-recorded");
        assertFalse(display.textOf("#poll").contains("phiếu ·"), "no running tally of a secret poll on the display");

        closeAndShowLatestPoll();
        display.waitText("poll-result", "16,67%");
        display.waitText("poll-result", "Số phiếu: 2");
        display.screenshot("display-secret-result");
        console.screenshot("console-polls");
    }

    @Test
    @DisplayName("A tablet that loses its connection during a poll still votes, exactly once")
    void a_tablet_that_loses_its_connection_during_a_poll_votes_exactly_once() {
        checkIn(tabletA);
        checkIn(tabletB);
        console.click("#next-item");
        createPoll("Thông qua kết luận của chi bộ", "SHOW_OF_HANDS");
        openLatestPoll();

        // tablet A: the ballot leaves, and the connection drops before the acknowledgement can come back
        tabletA.click("ballot-sheet button[data-value='FOR']");
        tabletA.click("ballot-sheet button[data-action='review']");
        tabletA.js("document.querySelector(\"ballot-sheet button[data-action='send']\").click();"
                + " window.__sockets.forEach(s => s.close());");
        tabletA.waitText("ballot-sheet", "Phiếu của đồng chí đã được ghi nhận");

        // tablet B: out of range while voting; the ballot waits in the outbox and goes when the network is back
        tabletB.network(false);
        tabletB.dropSockets();
        tabletB.waitAttribute("connection-badge", "data-state", "offline");
        vote(tabletB, "AGAINST", false);
        tabletB.waitText("ballot-sheet", "Đang gửi phiếu");
        tabletB.waitText("connection-badge", "1 thao tác đang chờ gửi");
        tabletB.screenshot("tablet-offline-ballot");
        tabletB.network(true);
        tabletB.waitText("ballot-sheet", "Phiếu của đồng chí đã được ghi nhận");
        tabletB.waitAttribute("connection-badge", "data-state", "online");

        // both reconnect once more: nothing is sent again
        tabletA.dropSockets();
        tabletB.dropSockets();
        tabletA.waitAttribute("connection-badge", "data-state", "online");
        tabletB.waitAttribute("connection-badge", "data-state", "online");
        display.waitText("#poll-progress", "2/2 đã biểu quyết");

        closeAndShowLatestPoll();
        display.waitText("poll-result", "Số phiếu: 2");
        String result = display.textOf("poll-result");
        assertTrue(result.contains("Tán thành\n1 phiếu") || result.contains("Tán thành 1 phiếu"), result);
        assertTrue(result.contains("Không tán thành\n1 phiếu") || result.contains("Không tán thành 1 phiếu"), result);
        assertEquals("2/2 đã biểu quyết", console.textOf("poll-card .voted"));
    }

    @Test
    @DisplayName("The chair presents page 2 of a document: the following tablet and the display show page 2; a tablet that unfollows stays where it is; stopping returns the display to the meeting view")
    void the_chair_presents_a_page_and_the_room_follows() {
        console.click("#run-agenda li[data-item='i-2.2'] button[data-action='start-item']");
        for (Browser tablet : List.of(tabletA, tabletB)) tablet.waitAttribute("pdf-viewer", "data-page", "1");
        // Ánh wants to read on her own
        tabletB.click("#follow");
        tabletB.waitText("#follow-status", "Tự mở tài liệu");

        console.click("#run-agenda li[data-item='i-2.2'] button[data-action='present-document']");
        console.waitVisible("presenter-bar .presenting");
        display.waitVisible("#presentation");
        display.waitAttribute("#presentation pdf-viewer", "data-page", "1");
        console.click("presenter-bar button[data-action='next']");

        display.waitText("#presented-page", "Trang 2/");
        display.waitAttribute("#presentation pdf-viewer", "data-page", "2");
        display.waitText("#presented-title", "Báo cáo tình hình thực hiện nhiệm vụ");
        display.waitText("#item-title", "Kiểm điểm việc thực hiện nhiệm vụ tháng trước");
        tabletA.waitText("#follow-status", "trang 2/");
        tabletA.waitAttribute("pdf-viewer", "data-page", "2");
        console.waitAttribute("presenter-bar pdf-viewer", "data-page", "2");
        console.waitText("#run-agenda", "Đang chiếu trang 2");
        // the tablet that does not follow has heard of page 2 and stays on page 1
        tabletB.waitText("#follow-status", "đang đọc tự do; màn hình đang ở trang 2/");
        assertEquals("1", tabletB.find("pdf-viewer").getAttribute("data-page"));
        display.screenshot("display-presenting");
        tabletA.screenshot("tablet-following");
        tabletB.screenshot("tablet-reading-freely");
        console.screenshot("console-presenting");

        // following again, she jumps to the page on the screen
        tabletB.click("#follow");
        tabletB.waitAttribute("pdf-viewer", "data-page", "2");

        console.click("presenter-bar button[data-action='stop']");
        display.waitGone("#presentation");
        display.waitVisible("#screen .speaker");
        assertFalse(display.find("#screen").getAttribute("class").contains("presenting"));
        display.waitText("#item-title", "Kiểm điểm việc thực hiện nhiệm vụ tháng trước");
        console.waitGone("presenter-bar .presenting");
        tabletA.waitText("#follow-status", "Tự mở tài liệu");
        assertEquals("2", tabletA.find("pdf-viewer").getAttribute("data-page"), "a tablet stays on its page when the presentation stops");
        display.screenshot("display-after-presenting");
    }

    @Test
    @DisplayName("A delegate's private note is saved, survives a reload, and another delegate does not see it")
    void a_private_note_is_saved_survives_a_reload_and_stays_private() {
        String itemNote = "Đề nghị làm rõ số liệu số hóa hồ sơ năm 2025";
        String docNote = "Trang 2: đối chiếu lại bảng số liệu quý III";
        console.click("#run-agenda li[data-item='i-2.2'] button[data-action='start-item']");
        tabletA.waitAttribute("pdf-viewer", "data-page", "1");
        tabletA.waitText("private-notes label[for='item-note']", "2.2");
        tabletA.waitText("private-notes label[for='doc-note']", "Báo cáo tình hình");

        tabletA.type("#item-note", itemNote);
        tabletA.waitText("#item-note-status", "Đã lưu");
        tabletA.type("#doc-note", docNote);
        // leaving the field saves at once
        tabletA.click("#item-note");
        tabletA.waitText("#doc-note-status", "Đã lưu");
        tabletA.screenshot("tablet-notes");

        // the other delegate's tablet has the same item and document open, and no note on either
        tabletB.waitAttribute("pdf-viewer", "data-page", "1");
        tabletB.waitText("private-notes label[for='doc-note']", "Báo cáo tình hình");
        tabletB.waiting().until(d -> tabletB.find("#item-note").isEnabled());
        assertEquals("", tabletB.find("#item-note").getAttribute("value"));
        assertEquals("", tabletB.find("#doc-note").getAttribute("value"));

        tabletA.driver.navigate().refresh();
        tabletA.waitText("#me-name", DUNG);
        tabletA.waitAttribute("#item-note", "value", itemNote);
        tabletA.waitAttribute("#doc-note", "value", docNote);
        tabletA.waitText("#item-note-status", "Đã lưu");
        Object stored = tabletA.js("return Object.keys(localStorage).filter(k => k !== 'phonghop.lang').length"
                + " + Object.keys(sessionStorage).filter(k => k !== 'phonghop.session').length;");
        assertEquals(0L, stored, "nothing of the notes is kept on the device");
    }

    // ---- steps ----------------------------------------------------------------------------

    private Browser open(String name, int width, int height) {
        Browser b = Browser.open(name, width, height);
        browsers.add(b);
        return b;
    }

    private void pair(Browser b, String code, String app) {
        b.go(room.url(app));
        b.type("#pair-code", code);
        b.click("sign-in form.pair button[type=submit]");
    }

    private void checkIn(Browser tablet) {
        tablet.click("#check-in");
        tablet.waitText("#presence-note", "Đã điểm danh");
    }

    private void createPoll(String question, String mode) {
        console.click("[role=tab][data-tab='polls']");
        console.type("#poll-question", question);
        console.select("#poll-kind", "ORDINARY_RESOLUTION");
        console.select("#poll-mode", mode);
        console.click("#poll-form button[type=submit]");
        console.waitText("#poll-list poll-card:first-child .question", question);
    }

    private void openLatestPoll() {
        console.click("#poll-list poll-card:first-child button[data-action='open-poll']");
        console.waitText("#poll-list poll-card:first-child", "Đang biểu quyết");
    }

    private void closeAndShowLatestPoll() {
        console.click("#poll-list poll-card:first-child button[data-action='close-poll']");
        console.click("#poll-list poll-card:first-child button[data-action='show-result']");
        console.waitText("#poll-list poll-card:first-child", "Đã công bố");
    }

    private void vote(Browser tablet, String answer) {
        vote(tablet, answer, true);
    }

    private void vote(Browser tablet, String answer, boolean waitRecorded) {
        tablet.click("ballot-sheet button[data-value='" + answer + "']");
        tablet.click("ballot-sheet button[data-action='review']");
        tablet.waitText("ballot-sheet", "Xác nhận phiếu");
        tablet.click("ballot-sheet button[data-action='send']");
        if (waitRecorded) tablet.waitText("ballot-sheet", "Phiếu của đồng chí đã được ghi nhận");
    }
}
