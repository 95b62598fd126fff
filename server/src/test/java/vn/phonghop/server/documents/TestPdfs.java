package vn.phonghop.server.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Real PDFs (good, encrypted, empty, hostile) made in the test, and text read back from PDFs. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A PDF with one line of Vietnamese text per page. */
    static byte[] withPages(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = Fonts.serif(document);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(72, 700);
                    content.showText("Trang số " + i + " của tài liệu họp chi bộ");
                    content.endText();
                }
            }
            return save(document);
        }
    }

    /** A PDF with no page at all. */
    static byte[] withoutPages() throws IOException {
        try (PDDocument document = new PDDocument()) {
            return save(document);
        }
    }

    /** A PDF encrypted with PDFBox's standard security handler, with the given user password ("" opens freely). */
    static byte[] encrypted(String userPassword) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(withPages(2)))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
    }

    /** A PDF whose objects nest arrays {@code depth} deep. */
    static byte[] deeplyNested(int depth) {
        String body = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + "[".repeat(depth)
                + "]".repeat(depth) + " >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    /** A one-page PDF whose content stream inflates to {@code inflatedBytes} of zeros. */
    static byte[] decompressionBomb(int inflatedBytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[inflatedBytes]);
        deflater.finish();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        while (!deflater.finished()) {
            stream.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(pdf, "%PDF-1.7\n");
        offsets.add(pdf.size());
        write(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "4 0 obj\n<< /Length " + stream.size() + " /Filter /FlateDecode >>\nstream\n");
        pdf.writeBytes(stream.toByteArray());
        write(pdf, "\nendstream\nendobj\n");
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        write(pdf, table + "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    /**
     * The text of one page (1-based), in drawing order. Text drawn at an angle (the watermark) is
     * not split into lines reliably by the layout-sorting stripper, so glyphs are collected as drawn.
     */
    public static String pageText(byte[] pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
            StringBuilder glyphs = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.append(text.getUnicode());
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
            return glyphs.toString();
        }
    }

    /** The number of pages PDFBox reads in a PDF. */
    static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
            return document.getNumberOfPages();
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
