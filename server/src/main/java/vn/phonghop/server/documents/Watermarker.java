package vn.phonghop.server.documents;

import vn.phonghop.agenda.items.Classification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Stamps every page of a PDF with the viewer's name, the time and the secrecy level, diagonally
 * across the page and semi-transparent, so that a photographed or leaked page names its reader.
 */
public final class Watermarker {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final float OPACITY = 0.22f;
    private static final float MAX_FONT_SIZE = 54f;
    /** The text spans this share of the page's diagonal. */
    private static final float SPAN = 0.8f;

    private final long memoryBudget;

    /** A watermarker that parses with at most {@code memoryBudget} bytes of stream cache. */
    public Watermarker(long memoryBudget) {
        this.memoryBudget = memoryBudget;
    }

    /**
     * The stamp text, e.g. "Nguyễn Thị Hương — 23/11/2026 14:05 — MẬT" (no level for ordinary
     * documents), in NFC so that a name typed with combining accents draws with the font's glyphs.
     */
    public static String text(String viewerName, ZonedDateTime at, Classification level) {
        String text = viewerName.strip() + " — " + WHEN.format(at)
                + (level == Classification.UNCLASSIFIED ? "" : " — " + level.stamp());
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A copy of the PDF with the text stamped on every page. The input must have passed {@link PdfInspector}. */
    public byte[] stamp(byte[] pdf, String text) throws IOException {
        String stamp = Normalizer.normalize(text, Normalizer.Form.NFC);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "",
                MemoryUsageSetting.setupMainMemoryOnly(memoryBudget).streamCache)) {
            PDType0Font font = Fonts.serifBold(document);
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(OPACITY);
            for (PDPage page : document.getPages()) {
                stampPage(document, page, font, translucent, stamp);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void stampPage(PDDocument document, PDPage page, PDType0Font font,
            PDExtendedGraphicsState translucent, String stamp) throws IOException {
        PDRectangle box = page.getCropBox();
        double diagonal = Math.hypot(box.getWidth(), box.getHeight());
        float unitWidth = font.getStringWidth(stamp) / 1000f;
        float size = Math.min(MAX_FONT_SIZE, (float) (SPAN * diagonal / unitWidth));
        float textWidth = unitWidth * size;
        float centerX = box.getLowerLeftX() + box.getWidth() / 2;
        float centerY = box.getLowerLeftY() + box.getHeight() / 2;
        Matrix placement = Matrix.getRotateInstance(Math.atan2(box.getHeight(), box.getWidth()), centerX, centerY);
        placement.translate(-textWidth / 2, -size / 3);
        // APPEND draws over the page; resetContext isolates us from whatever state the page left.
        try (PDPageContentStream content = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.saveGraphicsState();
            content.setGraphicsStateParameters(translucent);
            content.setNonStrokingColor(0.75f, 0.05f, 0.05f);
            content.beginText();
            content.setFont(font, size);
            content.setTextMatrix(placement);
            content.showText(stamp);
            content.endText();
            content.restoreGraphicsState();
        }
    }
}
