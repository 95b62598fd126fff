package vn.phonghop.server.documents;

import vn.phonghop.agenda.items.Classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatermarkerTest {

    static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 23, 14, 5, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Watermarker watermarker = new Watermarker(64L << 20);

    @Test
    @DisplayName("The stamp names the viewer, the time and the level, in NFC")
    void stampText() {
        assertEquals("Nguyễn Thị Hương — 23/11/2026 14:05 — MẬT",
                Watermarker.text("Nguyễn Thị Hương", AT, Classification.MAT));
        assertEquals("Nguyễn Thị Hương — 23/11/2026 14:05 — TUYỆT MẬT",
                Watermarker.text("Nguyễn Thị Hương", AT, Classification.TUYET_MAT));
        assertEquals("Lê Văn Tám — 23/11/2026 14:05", Watermarker.text(" Lê Văn Tám ", AT, Classification.UNCLASSIFIED));
        String decomposed = "Nguye\u0302\u0303n Thi\u0323 Hu\u031bo\u031bng";
        assertTrue(Watermarker.text(decomposed, AT, Classification.TOI_MAT).startsWith("Nguyễn Thị Hương — "));
    }

    @Test
    @DisplayName("Every page carries the viewer's Vietnamese name, and the page's own text stays")
    void everyPageStamped() throws Exception {
        byte[] report = DemoDocuments.monthlyReport();
        String stamp = Watermarker.text("Nguyễn Thị Hương", AT, Classification.MAT);
        byte[] stamped = watermarker.stamp(report, stamp);

        int pages = TestPdfs.pageCount(report);
        assertTrue(pages >= 3, "the report has several pages");
        assertEquals(pages, TestPdfs.pageCount(stamped));
        for (int page = 1; page <= pages; page++) {
            String text = TestPdfs.pageText(stamped, page);
            assertTrue(text.contains(stamp), "page " + page + " lacks the stamp: " + text);
            assertTrue(text.contains("Trang " + page + "/" + pages), "page " + page + " lost its own text");
        }
        assertTrue(TestPdfs.pageText(stamped, 1).contains("CHI BỘ PHÒNG HÀNH CHÍNH – TỔNG HỢP"));
    }

    @Test
    @DisplayName("A stamped PDF is still a valid PDF, whatever its page size")
    void stampedIsValid() throws Exception {
        byte[] stamped = watermarker.stamp(TestPdfs.withPages(2), "Trần Văn Lân — 23/11/2026 14:05 — TỐI MẬT");
        assertEquals(new PdfInspector.PdfFacts(2), new PdfInspector(50L << 20).inspect(stamped));
        assertTrue(TestPdfs.pageText(stamped, 2).contains("Trần Văn Lân"));
    }
}
