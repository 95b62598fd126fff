package vn.phonghop.server.minutes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Serif (metric-compatible with Times New Roman) in its four styles, embedded as
 * subsets. The font files come from the {@code openpdf-fonts-extra} artifact on the class path.
 */
final class Fonts {

    /** The styles a run of text can have. */
    enum Style { REGULAR, BOLD, ITALIC, BOLD_ITALIC }

    private static final String[] RESOURCES = {
        "/liberation/LiberationSerif-Regular.ttf", "/liberation/LiberationSerif-Bold.ttf",
        "/liberation/LiberationSerif-Italic.ttf", "/liberation/LiberationSerif-BoldItalic.ttf"};
    private static final byte[][] FILES = readAll();

    private final PDFont[] fonts = new PDFont[RESOURCES.length];

    private Fonts() {
    }

    static Fonts load(PDDocument doc) throws IOException {
        var f = new Fonts();
        for (int i = 0; i < FILES.length; i++) {
            f.fonts[i] = PDType0Font.load(doc, new ByteArrayInputStream(FILES[i]), true);
        }
        return f;
    }

    PDFont of(Style style) {
        return fonts[style.ordinal()];
    }

    /** The advance width of {@code text} in points; a character the font lacks is an error, never a blank. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IllegalArgumentException e) {
            throw missing(font, text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuntimeException missing(PDFont font, String text, IllegalArgumentException cause) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            try {
                font.encode(Character.toString(cp));
            } catch (IllegalArgumentException | IOException e) {
                var m = new MissingGlyphException(cp, font.getName(), text);
                m.initCause(cause);
                return m;
            }
            i += Character.charCount(cp);
        }
        return cause;
    }

    /**
     * The font with its GSUB table hidden (its tag renamed in the table directory). Liberation's
     * GSUB adds only Latin ligatures (fi, fl), which documents set in Times New Roman do not use,
     * and PDFBox applies it to every string drawn at a cost of ~90% of the rendering time. Without
     * it each character is drawn as its own glyph, which also keeps the extracted text literal.
     * The table is never embedded either way: PDFBox's subset keeps only the tables it needs.
     */
    static byte[] withoutGlyphSubstitution(byte[] ttf) {
        int tables = (ttf[4] & 0xff) << 8 | ttf[5] & 0xff;
        for (int t = 0; t < tables; t++) {
            int at = 12 + 16 * t;
            if (ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') {
                ttf[at] = 'x';
            }
        }
        return ttf;
    }

    private static byte[][] readAll() {
        var out = new byte[RESOURCES.length][];
        for (int i = 0; i < RESOURCES.length; i++) {
            try (InputStream in = Fonts.class.getResourceAsStream(RESOURCES[i])) {
                if (in == null) throw new IllegalStateException("font missing from the class path: " + RESOURCES[i]);
                out[i] = withoutGlyphSubstitution(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
