package vn.phonghop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;

/** A committee reviewer finds last month's signed minutes of a cell under it, reads them and sees them verified. */
@DisplayName("The archive page in a browser")
class ArchivePageTest {
    @TempDir
    Path dataDir;

    private Room room;
    private Browser archive;

    @BeforeEach
    void open() throws Exception {
        assertTrue(Browser.available(), "the browser tests need /usr/bin/chromium and /usr/bin/chromedriver (deploy/test.sh installs them)");
        room = Room.start(dataDir);
        archive = Browser.open("archive", 1440, 1000);
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (archive != null) archive.screenshot("archive-end");
        } finally {
            if (archive != null) archive.close();
            if (room != null) room.close();
        }
    }

    @Test
    @DisplayName("Sign in, the tree of bodies, search with and without diacritics, open the PDF, the signature verified")
    void a_reviewer_reads_archived_minutes() {
        archive.go(room.url("/archive/"));
        archive.type("#username", "uyban");
        archive.type("#password", "phonghop-demo");
        archive.click("sign-in form.login button[type=submit]");

        archive.waitText("#tree", Demo.COMMITTEE.name());
        archive.waitText("#tree", Demo.CELL.name());
        archive.waitText("#count", "1 biên bản");
        archive.waitText("#minutes", "01-BB/CB");
        archive.screenshot("archive-list");

        search("nghi quyet thang");
        archive.waitText("#count", "1 biên bản");
        search("Nghị quyết tháng");
        archive.waitText("#count", "1 biên bản");
        search("không có trong biên bản nào xyz");
        archive.waitText("#minutes", "Không có biên bản nào khớp");

        // a body with no minutes filed: its branch of the tree shows none
        archive.type("#q", "");
        archive.click("#tree button[data-org='" + Demo.SUB_COMMITTEE.id() + "']");
        archive.waitText("#count", "0 biên bản");
        archive.click("#tree button[data-org='" + Demo.CELL.id() + "']");
        archive.waitText("#count", "1 biên bản");

        archive.click("#minutes button[data-open]");
        archive.waitText("#entry .verdict", "Chữ ký số hợp lệ");
        archive.waitAttribute("#entry .verdict", "data-status", "VALID");
        archive.waitVisible("#viewer canvas");
        archive.waitAttribute("#viewer", "data-page", "1");
        archive.waitText("#viewer .page-count", "/");
        assertTrue(archive.textOf("#entry").contains(Demo.CELL.name()));
        archive.screenshot("archive-entry");

        archive.click("#back");
        archive.waitVisible("#minutes button[data-open]");
        assertEquals("", archive.js("return location.hash"));
    }

    private void search(String text) {
        archive.type("#q", text);
        archive.click("#search button[type=submit]");
    }
}
