package vn.phonghop.server.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoDocumentsTest {

    private final PdfInspector inspector = new PdfInspector(50L << 20);

    @Test
    @DisplayName("The October report is a multi-page Vietnamese PDF the server accepts")
    void report() throws Exception {
        byte[] pdf = DemoDocuments.monthlyReport();
        assertTrue(inspector.inspect(pdf).pageCount() >= 3);
        String first = TestPdfs.pageText(pdf, 1);
        assertTrue(first.contains("BÁO CÁO"), first);
        assertTrue(first.contains("Tình hình thực hiện nhiệm vụ tháng 10/2026"), first);
        assertTrue(first.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), first);
    }

    @Test
    @DisplayName("The draft resolution is a multi-page Vietnamese PDF the server accepts")
    void resolution() throws Exception {
        byte[] pdf = DemoDocuments.draftResolution();
        int pages = inspector.inspect(pdf).pageCount();
        assertTrue(pages >= 2, "pages: " + pages);
        assertTrue(TestPdfs.pageText(pdf, 1).contains("NGHỊ QUYẾT"));
        assertTrue(TestPdfs.pageText(pdf, pages).contains("T/M CHI BỘ"));
    }

    @Test
    @DisplayName("The demo documents are the demo cell's: its name and its superior's in the heading, its secretary's signature")
    void of_the_demo_cell() throws Exception {
        var vietnamese = java.util.Locale.forLanguageTag("vi");
        assertEquals(vn.phonghop.server.demo.Demo.CELL.name().toUpperCase(vietnamese), DemoDocuments.CELL);
        assertEquals(vn.phonghop.server.demo.Demo.CELL.superiorName().toUpperCase(vietnamese), DemoDocuments.SUPERIOR);
        for (byte[] pdf : java.util.List.of(DemoDocuments.monthlyReport(), DemoDocuments.draftResolution())) {
            String first = TestPdfs.pageText(pdf, 1);
            assertTrue(first.contains(DemoDocuments.SUPERIOR) && first.contains(DemoDocuments.CELL), first);
            assertTrue(first.contains("Hà Nội, ngày 05 tháng 11 năm 2026"), first);
            String last = TestPdfs.pageText(pdf, inspector.inspect(pdf).pageCount());
            // the cell's Bí thư, who chairs the demo meeting (account "chutri", member m01)
            assertTrue(last.contains("Nguyễn Văn Hùng"), last);
        }
    }

    @Test
    @DisplayName("The demo documents are the same bytes on every run")
    void deterministic() {
        assertArrayEquals(DemoDocuments.monthlyReport(), DemoDocuments.monthlyReport());
        assertArrayEquals(DemoDocuments.draftResolution(), DemoDocuments.draftResolution());
    }
}
