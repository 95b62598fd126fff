package vn.phonghop.server.minutes;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of rendered minutes as two independent readers see it: PDFBox and poppler. "Body"
 * leaves out the top margin, where the page numbers are, so that a remark running over a page
 * break reads as one.
 */
final class Texts {

    /** Just above the text area of the default layout (20 mm = 56.7 pt) and below the page number. */
    private static final int BODY_TOP = 51;
    private static final int PAGE_WIDTH = 596;
    private static final int PAGE_HEIGHT = 842;

    private Texts() {
    }

    /** Whitespace runs (spaces, line and page breaks) as one space. */
    static String normalised(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static String pdfbox(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pdfboxBody(byte[] pdf) {
        return String.join("\n", pdfboxBodyPages(pdf));
    }

    /** Each page's text below its top margin. */
    static List<String> pdfboxBodyPages(byte[] pdf) {
        return pdfboxRegion(pdf, new Rectangle2D.Float(0, BODY_TOP, PAGE_WIDTH, PAGE_HEIGHT - BODY_TOP));
    }

    /** The leftmost and rightmost x of any glyph on any page, in points. */
    static float[] horizontalExtent(byte[] pdf) {
        float[] extent = {Float.MAX_VALUE, 0};
        try (var doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        extent[0] = Math.min(extent[0], p.getXDirAdj());
                        extent[1] = Math.max(extent[1], p.getXDirAdj() + p.getWidthDirAdj());
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(doc);
            return extent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of each page's top margin, where its number is. */
    static List<String> pdfboxPageHeads(byte[] pdf) {
        return pdfboxRegion(pdf, new Rectangle2D.Float(0, 0, PAGE_WIDTH, BODY_TOP));
    }

    private static List<String> pdfboxRegion(byte[] pdf, Rectangle2D region) {
        try (var doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripperByArea();
            stripper.addRegion("r", region);
            var out = new ArrayList<String>();
            for (var page : doc.getPages()) {
                stripper.extractRegions(page);
                out.add(stripper.getTextForRegion("r"));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String poppler(byte[] pdf) {
        return Tools.pdftotext(Samples.write("poppler.pdf", pdf));
    }

    static String popplerBody(byte[] pdf) {
        Path file = Samples.write("poppler-body.pdf", pdf);
        return Tools.run("pdftotext", "-enc", "UTF-8", "-r", "72", "-x", "0", "-y", Integer.toString(BODY_TOP),
                "-W", Integer.toString(PAGE_WIDTH), "-H", Integer.toString(PAGE_HEIGHT - BODY_TOP),
                file.toString(), "-").output();
    }
}
