package vn.phonghop.server.documents;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Flows text onto A4 pages: centred lines, justified-left paragraphs wrapped by the font's
 * metrics, a new page when one is full, and "Trang i/n" footers at the end.
 */
final class PageWriter {

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 30 * MM;
    private static final float RIGHT = 15 * MM;
    private static final float TOP = 20 * MM;
    private static final float BOTTOM = 20 * MM;
    private static final float LEADING = 1.35f;

    private final PDDocument document;
    private final PDFont footerFont;
    private PDPageContentStream content;
    private float y;

    PageWriter(PDDocument document, PDFont footerFont) {
        this.document = document;
        this.footerFont = footerFont;
    }

    private float width() {
        return PDRectangle.A4.getWidth() - LEFT - RIGHT;
    }

    /** One centred line (wrapped if too long). */
    void centered(String text, PDFont font, float size) throws IOException {
        for (String line : wrap(nfc(text), font, size, width())) {
            float w = font.getStringWidth(line) / 1000 * size;
            show(line, font, size, LEFT + (width() - w) / 2);
        }
    }

    /** A paragraph with a first-line indent, wrapped to the text width. */
    void paragraph(String text, PDFont font, float size, float firstIndent) throws IOException {
        List<String> lines = wrap(nfc(text), font, size, width() - firstIndent);
        for (int i = 0; i < lines.size(); i++) {
            show(lines.get(i), font, size, LEFT + (i == 0 ? firstIndent : 0));
        }
    }

    /** Vertical space in points. */
    void space(float points) throws IOException {
        ensureRoom(points);
        y -= points;
    }

    /** Closes the last page and numbers every page. */
    void finish() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String label = "Trang " + (i + 1) + "/" + total;
                float w = footerFont.getStringWidth(label) / 1000 * 10;
                footer.beginText();
                footer.setFont(footerFont, 10);
                footer.newLineAtOffset(LEFT + (width() - w) / 2, BOTTOM / 2);
                footer.showText(label);
                footer.endText();
            }
        }
    }

    private void show(String line, PDFont font, float size, float x) throws IOException {
        float height = size * LEADING;
        ensureRoom(height);
        y -= height;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
    }

    private void ensureRoom(float height) throws IOException {
        if (content == null || y - height < BOTTOM) {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - TOP;
        }
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
