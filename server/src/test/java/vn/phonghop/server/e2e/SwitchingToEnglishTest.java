package vn.phonghop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every front-end speaks English at the press of one button, and Vietnamese again at the next. */
@DisplayName("Switching the front-ends to English")
class SwitchingToEnglishTest {
    @TempDir
    Path dataDir;

    private Room room;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeEach
    void openTheRoom() throws Exception {
        assertTrue(Browser.available(), "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver");
        room = Room.start(dataDir);
    }

    @AfterEach
    void closeTheRoom() throws Exception {
        for (Browser b : browsers) {
            try {
                b.screenshot("english-" + b.name + "-end");
            } finally {
                b.close();
            }
        }
        if (room != null) room.close();
    }

    @Test
    @DisplayName("The console, a tablet, the display and the archive each switch to English and back")
    void every_app_switches_to_english_and_back() {
        Browser console = open("console", 1600, 1000);
        console.go(room.url("/console/"));
        console.click("#lang");
        console.waitText("sign-in", "Sign in");
        console.type("#username", "thuky");
        console.type("#password", "phonghop-demo");
        console.click("sign-in form.login button[type=submit]");
        console.waitText("#phase", "Published");
        console.waitText("[role=tab][data-tab='run']", "Run");
        console.click("#start-meeting");
        console.waitText("#phase", "In progress");
        console.waitText("#run-agenda", "Planned");
        console.screenshot("english-console");

        Browser tablet = open("tablet", 1280, 800);
        tablet.go(room.url("/tablet/"));
        tablet.click("#lang");
        tablet.waitText("sign-in", "Enter the pairing code");
        tablet.type("#pair-code", room.seatCode("m03"));
        tablet.click("sign-in form.pair button[type=submit]");
        tablet.waitText("#me-name", "Lê Quang Dũng");
        tablet.waitText("#ask-floor", "Ask for the floor");
        tablet.waitText("private-notes", "Private notes");
        tablet.waitText("#follow-status", "Opens the document");
        tablet.waitText("pdf-viewer", "Choose a document in the agenda");
        tablet.screenshot("english-tablet");
        tablet.click("#lang");
        tablet.waitText("#ask-floor", "Xin phát biểu");
        tablet.waitText("private-notes", "Ghi chú riêng");

        Browser display = open("display", 1920, 1080);
        display.go(room.url("/display/"));
        display.click("#lang");
        display.waitText("sign-in", "Enter the display pairing code");
        display.type("#pair-code", room.displayCode());
        display.click("sign-in form.pair button[type=submit]");
        display.waitText("#meeting-title", "Sinh hoạt chi bộ thường kỳ");
        display.waitText("#screen .speaker .label", "SPEAKING NOW");
        display.waitText("#att-voters", "0");
        display.waitText("#speaker-name", "Nobody is speaking");
        display.screenshot("english-display");

        Browser archive = open("archive", 1280, 800);
        archive.go(room.url("/archive/"));
        archive.click("#lang");
        archive.waitText("h1", "Minutes archive");
        archive.waitText("sign-in", "Sign in");
        archive.click("#lang");
        archive.waitText("h1", "Lưu trữ biên bản");
        assertEquals("vi", archive.js("return document.documentElement.lang"));
    }

    private Browser open(String name, int width, int height) {
        Browser b = Browser.open(name, width, height);
        browsers.add(b);
        return b;
    }
}
