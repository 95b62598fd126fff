package vn.phonghop.server.minutes;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import vn.phonghop.server.minutes.Fonts.Style;
import vn.phonghop.server.minutes.Paragraph.Align;

/**
 * Sets paragraphs on A4 pages: wraps at word boundaries (widths from the font's metrics),
 * justifies, breaks pages, and numbers every page at the top centre. All text is normalised to
 * NFC first, so precomposed Vietnamese letters are drawn, never loose combining marks.
 */
final class Typesetter implements AutoCloseable {

    static final float MM = 72f / 25.4f;
    static final float INDENT = 10 * MM;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** A Vietnamese capital can carry a dot below; the rule under a heading clears it. */
    private static final float RULE_GAP = 4.5f;

    private final PDDocument doc;
    private final Fonts fonts;
    private final MinutesLayout layout;
    private final float left;
    private final float width;
    private final float top;
    private final float bottom;
    private PDPageContentStream cs;
    private int pages;
    /** The top of the next line box on the current page. */
    private float y;

    Typesetter(PDDocument doc, Fonts fonts, MinutesLayout layout) {
        this.doc = doc;
        this.fonts = fonts;
        this.layout = layout;
        this.left = layout.marginLeftMm() * MM;
        this.width = PAGE.getWidth() - left - layout.marginRightMm() * MM;
        this.top = PAGE.getHeight() - layout.marginTopMm() * MM;
        this.bottom = layout.marginBottomMm() * MM;
        if (width < 100 || top - bottom < 200) throw new IllegalArgumentException("the margins leave no room for text");
    }

    int pages() {
        return pages;
    }

    // ---- the blocks of the minutes ---------------------------------------------------------------

    /**
     * The two header columns of Guidance 36-HD/VPTW: bodies, star and number on the left; the Party's
     * name with a rule under it, and the place and date level with the number, on the right.
     */
    void header(String superior, String issuing, String number, String party, String placeAndDate) throws IOException {
        if (cs == null) newPage();
        float hs = layout.headerSize();
        float leftWidth = width * 0.45f;
        float start = y;
        if (!superior.isBlank()) set(centred(Style.REGULAR, upper(superior)), left, leftWidth, hs, false);
        set(centred(Style.BOLD, upper(issuing)), left, leftWidth, hs, false);
        set(centred(Style.REGULAR, "*"), left, leftWidth, hs, false);
        float numberTop = y;
        set(centred(Style.REGULAR, number), left, leftWidth, hs, false);
        float leftEnd = y;

        y = start;
        float rightX = left + leftWidth;
        float rightWidth = width - leftWidth;
        PDFont bold = fonts.of(Style.BOLD);
        String partyName = upper(party);
        set(centred(Style.BOLD, partyName), rightX, rightWidth, layout.partySize(), false);
        float ruleWidth = Math.min(rightWidth, Fonts.width(bold, layout.partySize(), nfc(partyName)));
        float ruleY = baseline(y + leading(layout.partySize()), layout.partySize()) - RULE_GAP;
        float centre = rightX + rightWidth / 2;
        cs.setLineWidth(0.6f);
        cs.moveTo(centre - ruleWidth / 2, ruleY);
        cs.lineTo(centre + ruleWidth / 2, ruleY);
        cs.stroke();
        y = Math.min(numberTop, ruleY - 2);
        set(centred(Style.ITALIC, placeAndDate), rightX, rightWidth, hs, false);
        y = Math.min(y, leftEnd);
    }

    /** "BIÊN BẢN" and the summary line under it, centred. */
    void title(String title, String summary) throws IOException {
        y -= layout.titleSize();
        set(centred(Style.BOLD, title), left, width, layout.titleSize(), true);
        float inset = width * 0.08f;
        set(centred(Style.BOLD, summary), left + inset, width - 2 * inset, layout.bodySize(), true);
        y -= layout.bodySize() * 0.6f;
    }

    void paragraph(Paragraph p) throws IOException {
        float size = layout.bodySize();
        if (y < top) y -= p.spaceBefore();
        if (p.heading() && y - (lines(p, width, size).size() + 2) * leading(size) < bottom) newPage();
        set(p, left, width, size, true);
    }

    /**
     * The closing paragraphs and the signature blocks, kept on one page: the minute-taker on the left,
     * the chair for the body on the right, room to sign, then the names level with each other.
     */
    void signatures(List<Paragraph> closing, List<String> leftTitle, String leftName, List<String> rightTitle,
                    String rightName) throws IOException {
        float size = layout.bodySize();
        float lead = leading(size);
        float signingRoom = 5 * lead;
        int closingLines = 0;
        float closingSpace = 0;
        for (Paragraph p : closing) {
            closingLines += lines(p, width, size).size();
            closingSpace += p.spaceBefore();
        }
        float needed = closingSpace + closingLines * lead + lead
                + Math.max(leftTitle.size(), rightTitle.size()) * lead + signingRoom + lead;
        if (y - needed < bottom) newPage();
        for (Paragraph p : closing) paragraph(p);
        y -= lead;
        float start = y;
        float half = width / 2;
        for (String t : leftTitle) set(centred(Style.BOLD, upper(t)), left, half, size, false);
        float leftEnd = y;
        y = start;
        for (String t : rightTitle) set(centred(Style.BOLD, upper(t)), left + half, half, size, false);
        float names = Math.min(leftEnd, y) - signingRoom;
        y = names;
        set(centred(Style.BOLD, leftName), left, half, size, false);
        y = names;
        set(centred(Style.BOLD, rightName), left + half, half, size, false);
    }

    @Override
    public void close() throws IOException {
        if (cs != null) cs.close();
        cs = null;
    }

    // ---- pages -------------------------------------------------------------------------------

    private void newPage() throws IOException {
        close();
        var page = new PDPage(PAGE);
        doc.addPage(page);
        pages++;
        cs = new PDPageContentStream(doc, page);
        float size = layout.pageNumberSize();
        String number = Integer.toString(pages);
        PDFont font = fonts.of(Style.REGULAR);
        float w = Fonts.width(font, size, number);
        float x = left + (width - w) / 2;
        float baseline = PAGE.getHeight() - layout.marginTopMm() * MM / 2 - size * 0.35f;
        cs.beginText();
        cs.setFont(font, size);
        cs.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
        cs.showText(number);
        cs.endText();
        y = top;
    }

    // ---- setting one paragraph ---------------------------------------------------------------

    private record Piece(PDFont font, String text, float width) {
    }

    private record Word(List<Piece> pieces, float width, float spaceAfter) {
    }

    /** {@code last}: the last line of the paragraph or before a hard break, never stretched. */
    private record Line(List<Word> words, boolean last, boolean first) {
    }

    private void set(Paragraph p, float x, float w, float size, boolean breakPages) throws IOException {
        if (cs == null) newPage();
        float lead = leading(size);
        for (Line line : lines(p, w, size)) {
            if (breakPages && y - lead < bottom) newPage();
            y -= lead;
            float indent = line.first() ? p.indent() : 0;
            draw(line, p.align(), x + indent, w - indent, baseline(y + lead, size), size);
        }
    }

    private float leading(float size) {
        return size * layout.lineSpacing();
    }

    private static float baseline(float lineTop, float size) {
        return lineTop - size * 0.95f;
    }

    private void draw(Line line, Align align, float x, float w, float baseline, float size) throws IOException {
        var words = line.words();
        if (words.isEmpty()) return;
        float natural = 0;
        for (int i = 0; i < words.size(); i++) {
            natural += words.get(i).width() + (i < words.size() - 1 ? words.get(i).spaceAfter() : 0);
        }
        float extra = 0;
        if (align == Align.JUSTIFY && !line.last() && words.size() > 1) extra = (w - natural) / (words.size() - 1);
        if (align == Align.CENTER) x += (w - natural) / 2;

        cs.beginText();
        PDFont current = null;
        var tj = new ArrayList<Object>();
        var pending = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            for (Piece piece : word.pieces()) {
                if (piece.font() != current) {
                    flush(tj, pending);
                    current = piece.font();
                    cs.setFont(current, size);
                    cs.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
                }
                pending.append(piece.text());
                x += piece.width();
            }
            if (i < words.size() - 1) {
                pending.append(' ');
                x += word.spaceAfter() + extra;
                if (extra != 0) {
                    tj.add(pending.toString());
                    pending.setLength(0);
                    tj.add(-extra * 1000f / size);
                }
            }
        }
        flush(tj, pending);
        cs.endText();
    }

    private void flush(List<Object> tj, StringBuilder pending) throws IOException {
        if (pending.length() > 0) tj.add(pending.toString());
        pending.setLength(0);
        if (!tj.isEmpty()) cs.showTextWithPositioning(tj.toArray());
        tj.clear();
    }

    /** Greedy line filling; a word wider than the line is cut between characters. */
    private List<Line> lines(Paragraph p, float w, float size) {
        var out = new ArrayList<Line>();
        boolean first = true;
        for (List<Word> segment : words(p, size)) {
            var line = new ArrayList<Word>();
            float used = 0;
            float avail = w - (first ? p.indent() : 0);
            for (Word word : segment) {
                for (Word part : fit(word, avail, size)) {
                    float add = line.isEmpty() ? part.width() : line.get(line.size() - 1).spaceAfter() + part.width();
                    if (!line.isEmpty() && used + add > avail) {
                        out.add(new Line(line, false, first));
                        first = false;
                        avail = w;
                        line = new ArrayList<>();
                        add = part.width();
                        used = 0;
                    }
                    line.add(part);
                    used += add;
                }
            }
            out.add(new Line(line, true, first));
            first = false;
        }
        return out;
    }

    /** A word as it is, or cut into parts that each fit {@code w}. */
    private List<Word> fit(Word word, float w, float size) {
        if (word.width() <= w) return List.of(word);
        var parts = new ArrayList<Word>();
        var pieces = new ArrayList<Piece>();
        float used = 0;
        for (Piece piece : word.pieces()) {
            String t = piece.text();
            int from = 0;
            for (int i = 0; i < t.length(); ) {
                int next = i + Character.charCount(t.codePointAt(i));
                float cw = Fonts.width(piece.font(), size, t.substring(i, next));
                if (used + cw > w && (used > 0 || i > from)) {
                    if (i > from) pieces.add(piece(piece.font(), size, t.substring(from, i)));
                    parts.add(word(pieces, 0));
                    pieces = new ArrayList<>();
                    used = 0;
                    from = i;
                }
                used += cw;
                i = next;
            }
            if (from < t.length()) pieces.add(piece(piece.font(), size, t.substring(from)));
        }
        parts.add(word(pieces, word.spaceAfter()));
        return parts;
    }

    /** The paragraph's words, grouped into segments separated by hard line breaks. */
    private List<List<Word>> words(Paragraph p, float size) {
        var segments = new ArrayList<List<Word>>();
        var segment = new ArrayList<Word>();
        var pieces = new ArrayList<Piece>();
        var text = new StringBuilder();
        for (var run : p.runs()) {
            PDFont font = fonts.of(run.style());
            String s = nfc(run.text());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    if (text.length() > 0) pieces.add(piece(font, size, text.toString()));
                    text.setLength(0);
                    if (!pieces.isEmpty()) segment.add(spaced(pieces, size));
                    pieces = new ArrayList<>();
                    if (c == '\n') {
                        segments.add(segment);
                        segment = new ArrayList<>();
                    }
                } else {
                    text.append(c);
                }
            }
            if (text.length() > 0) pieces.add(piece(font, size, text.toString()));
            text.setLength(0);
        }
        if (!pieces.isEmpty()) segment.add(spaced(pieces, size));
        segments.add(segment);
        return segments;
    }

    private static Piece piece(PDFont font, float size, String text) {
        return new Piece(font, text, Fonts.width(font, size, text));
    }

    /** A word followed by a space set in the font of its last piece. */
    private static Word spaced(List<Piece> pieces, float size) {
        return word(pieces, Fonts.width(pieces.get(pieces.size() - 1).font(), size, " "));
    }

    private static Word word(List<Piece> pieces, float spaceAfter) {
        float w = 0;
        for (Piece p : pieces) w += p.width();
        return new Word(List.copyOf(pieces), w, spaceAfter);
    }

    private static Paragraph centred(Style style, String text) {
        return new Paragraph(List.of(new Paragraph.Run(style, text)), Align.CENTER, 0, 0, false);
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static String upper(String s) {
        return nfc(s).toUpperCase(VIETNAMESE);
    }
}
