package vn.phonghop.server.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Serif (metric-compatible with Times New Roman, with Vietnamese glyphs), read from
 * the {@code openpdf-fonts-extra} artifact on the class path. PDFBox's standard 14 fonts cannot
 * draw Vietnamese, so every generated or stamped text uses these, embedded as subsets.
 */
public final class Fonts {

    private static final String REGULAR = "/liberation/LiberationSerif-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSerif-Bold.ttf";
    private static final String ITALIC = "/liberation/LiberationSerif-Italic.ttf";

    private static volatile byte[] regular;
    private static volatile byte[] bold;
    private static volatile byte[] italic;

    private Fonts() {
    }

    /** Liberation Serif Regular, embedded in the document as a subset. */
    public static PDType0Font serif(PDDocument document) throws IOException {
        if (regular == null) {
            regular = resource(REGULAR);
        }
        return PDType0Font.load(document, new ByteArrayInputStream(regular), true);
    }

    /** Liberation Serif Bold, embedded in the document as a subset. */
    public static PDType0Font serifBold(PDDocument document) throws IOException {
        if (bold == null) {
            bold = resource(BOLD);
        }
        return PDType0Font.load(document, new ByteArrayInputStream(bold), true);
    }

    /** Liberation Serif Italic, embedded in the document as a subset. */
    public static PDType0Font serifItalic(PDDocument document) throws IOException {
        if (italic == null) {
            italic = resource(ITALIC);
        }
        return PDType0Font.load(document, new ByteArrayInputStream(italic), true);
    }

    private static byte[] resource(String path) {
        try (InputStream in = Fonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing: the openpdf-fonts-extra artifact must be"
                        + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
