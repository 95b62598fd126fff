package vn.phonghop.server.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.server.documents.DocumentRejected.Reason;

class PdfInspectorTest {

    private final PdfInspector inspector = new PdfInspector(1 << 20);

    private Reason rejection(byte[] file) {
        return assertThrows(DocumentRejected.class, () -> inspector.inspect(file)).reason();
    }

    @Test
    @DisplayName("A valid PDF is accepted with its page count")
    void valid() throws Exception {
        assertEquals(new PdfInspector.PdfFacts(3), inspector.inspect(TestPdfs.withPages(3)));
        assertEquals(new PdfInspector.PdfFacts(1), inspector.inspect(TestPdfs.withPages(1)));
    }

    @Test
    @DisplayName("Empty files, garbage and other formats are not PDFs")
    void notAPdf() {
        assertEquals(Reason.NOT_A_PDF, rejection(new byte[0]));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertEquals(Reason.NOT_A_PDF, rejection(garbage));
        assertEquals(Reason.NOT_A_PDF, rejection("PK\u0003\u0004 a zip file".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Reason.NOT_A_PDF, rejection("<html>%PDF-1.7</html>".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("A truncated PDF is damaged, even though PDFBox could repair parts of it")
    void truncated() throws IOException {
        byte[] pdf = TestPdfs.withPages(3);
        assertEquals(Reason.DAMAGED, rejection(Arrays.copyOf(pdf, pdf.length / 2)));
        assertEquals(Reason.DAMAGED, rejection(Arrays.copyOf(pdf, pdf.length - 40)));
    }

    @Test
    @DisplayName("A PDF header on garbage is damaged")
    void headerOnGarbage() {
        byte[] garbage = new byte[8192];
        new Random(11).nextBytes(garbage);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, garbage, 0, head.length);
        System.arraycopy(tail, 0, garbage, garbage.length - tail.length, tail.length);
        assertEquals(Reason.DAMAGED, rejection(garbage));
    }

    @Test
    @DisplayName("Encrypted PDFs are refused, with or without a user password")
    void encrypted() throws IOException {
        assertEquals(Reason.ENCRYPTED, rejection(TestPdfs.encrypted("")));
        assertEquals(Reason.ENCRYPTED, rejection(TestPdfs.encrypted("mat-khau")));
    }

    @Test
    @DisplayName("A PDF without pages is refused")
    void noPages() throws IOException {
        assertEquals(Reason.NO_PAGES, rejection(TestPdfs.withoutPages()));
    }

    @Test
    @DisplayName("A file over MAX_DOCUMENT_BYTES is refused before it is parsed")
    void tooLarge() throws Exception {
        byte[] pdf = TestPdfs.withPages(2);
        assertEquals(Reason.TOO_LARGE,
                assertThrows(DocumentRejected.class, () -> new PdfInspector(pdf.length - 1).inspect(pdf)).reason());
        assertEquals(2, new PdfInspector(pdf.length).inspect(pdf).pageCount());
    }

    @Test
    @DisplayName("Hostile files are refused without harming the server: deep nesting and a decompression bomb")
    void hostile() {
        assertEquals(Reason.DAMAGED, rejection(TestPdfs.deeplyNested(200_000)));
        DocumentRejected bomb = assertThrows(DocumentRejected.class,
                () -> inspector.inspect(TestPdfs.decompressionBomb(80 << 20)));
        assertEquals(Reason.DAMAGED, bomb.reason());
        assertTrue(bomb.getMessage().contains("expands"), bomb.getMessage());
    }
}
