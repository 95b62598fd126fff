package vn.phonghop.server.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    @DisplayName("The demo documents are the same bytes on every run")
    void deterministic() {
        assertArrayEquals(DemoDocuments.monthlyReport(), DemoDocuments.monthlyReport());
        assertArrayEquals(DemoDocuments.draftResolution(), DemoDocuments.draftResolution());
    }
}
