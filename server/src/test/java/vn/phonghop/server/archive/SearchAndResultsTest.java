package vn.phonghop.server.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.server.archive.ArchiveFixture.items;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.phonghop.server.demo.Demo;
import vn.phonghop.server.live.TestServer;

/** Finding minutes by their words, with or without diacritics, by date and kind; their votes as CSV and JSON. */
class SearchAndResultsTest {
    @TempDir
    Path data;
    TestServer server;
    String top;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(data);
        top = server.login("uyban");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private int found(String query) throws Exception {
        return items(server, top, "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).size();
    }

    @Test
    @DisplayName("Search finds \"biên bản\" by \"bien ban\" and \"Hương\" by \"huong\"; a term typed with diacritics matches them exactly")
    void search_with_and_without_diacritics() throws Exception {
        assertEquals(1, found("biên bản"));
        assertEquals(1, found("bien ban"));
        assertEquals(1, found("BIÊN BẢN"));
        assertEquals(1, found("Hương"));
        assertEquals(1, found("huong"));
        assertEquals(1, found("so hoa ho so"), "số hóa hồ sơ, every word");
        assertEquals(1, found("Đảng ủy"));
        assertEquals(1, found("dang uy"));
        assertEquals(0, found("hưởng"), "typed with its diacritics, hưởng is not Hương nor hướng");
        assertEquals(0, found("bien ban khong-co-tu-nay"));
        assertEquals(1, found("100%"));
        assertEquals(0, found("10_%"), "LIKE wildcards in a query are searched as characters");
    }

    @Test
    @DisplayName("Filters: organisation subtree, date range and meeting kind")
    void filters() throws Exception {
        var services = server.server.services();
        SmallMeeting.run(services, SmallMeeting.commands("mt-tgpl-09", Demo.OTHER_CELL, "Sinh hoạt chi bộ tháng 9 năm 2026",
                Instant.parse("2026-09-15T01:00:00Z"), "Trợ giúp pháp lý cho người dân tộc thiểu số.", true));
        services.archiver().archive("mt-tgpl-09").toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(2, items(server, top, "").size());
        assertEquals(1, items(server, top, "?org=dbbp-tgpl").size());
        assertEquals(1, items(server, top, "?from=2026-09-01&to=2026-09-30").size());
        assertEquals(0, items(server, top, "?to=2026-08-31").size());
        assertEquals(2, items(server, top, "?kind=REGULAR_CELL_MEETING").size());
        assertEquals(0, items(server, top, "?kind=CONGRESS").size());
        assertEquals(1, items(server, top, "?q=" + URLEncoder.encode("dan toc thieu so", StandardCharsets.UTF_8)).size());
        assertEquals(400, server.get("/api/archive?from=hôm-qua", top).status());
        assertEquals(400, server.get("/api/archive?kind=TEA_PARTY", top).status());
        var page = server.get("/api/archive?limit=1&offset=1", top).json();
        assertEquals(2, page.getInteger("total"));
        assertEquals(1, page.getJsonArray("items").size());
    }

    @Test
    @DisplayName("The votes as JSON and as CSV (UTF-8 with BOM): question, kind, mode, counts, share of the base, outcome")
    void results_csv_and_json() throws Exception {
        String id = Demo.ARCHIVED_MEETING_ID + "-v1";
        var json = server.get("/api/archive/" + id + "/results.json", top).json();
        var votes = json.getJsonArray("votes");
        assertEquals(2, votes.size());
        var open = votes.getJsonObject(0);
        assertEquals("ORDINARY_RESOLUTION", open.getString("kind"));
        assertEquals("SHOW_OF_HANDS", open.getString("mode"));
        assertEquals(12, open.getInteger("majorityBase"));
        var forOption = open.getJsonArray("options").getJsonObject(0);
        assertEquals("FOR", forOption.getString("key"));
        assertEquals(10, forOption.getInteger("votes"));
        assertEquals(8333, forOption.getInteger("ofBaseHundredths"));
        assertEquals("83,33%", forOption.getString("ofBase"));
        assertEquals("Thông qua", open.getString("outcome"));
        var secret = votes.getJsonObject(1);
        assertEquals("PROBATION_CONFIRMATION", secret.getString("kind"));
        assertEquals("SECRET", secret.getString("mode"));
        assertTrue(secret.getBoolean("passed"));

        var csv = server.get("/api/archive/" + id + "/results.csv", top);
        assertEquals("text/csv; charset=utf-8", csv.headers().get("Content-Type"));
        String text = csv.text();
        assertTrue(text.startsWith("\uFEFF" + VoteResults.CSV_HEADER + "\r\n"), text);
        assertTrue(text.contains(",ORDINARY_RESOLUTION,SHOW_OF_HANDS,12,11,Tán thành,10,\"83,33%\",true,Thông qua\r\n"), text);
        assertEquals(1 + 6, text.split("\r\n").length, "a row per poll and option");
        var record = server.get("/api/archive/" + id + "/record", top).json();
        assertEquals("phonghop.minutes/1", record.getString("format"));
    }

    @Test
    @DisplayName("A CSV cell that looks like a formula is defused; commas and quotes are quoted")
    void csv_cells() {
        assertEquals("'=1+1", VoteResults.cell("=1+1"));
        assertEquals("\"a, \"\"b\"\"\"", VoteResults.cell("a, \"b\""));
    }

    @Test
    @DisplayName("Folding: NFD, combining marks dropped, đ → d, lower case")
    void folding() {
        assertEquals("huong", SearchText.fold("Hương"));
        assertEquals("dang bo so tu phap", SearchText.fold("ĐẢNG BỘ Sở Tư pháp"));
        assertEquals("bien ban", SearchText.fold("Bie\u0302n ba\u0309n"));
        assertEquals("biên bản", SearchText.lower("Bie\u0302n  BA\u0309N"), "NFC and one space");
    }
}
