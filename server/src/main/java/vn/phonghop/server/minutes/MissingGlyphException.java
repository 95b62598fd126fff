package vn.phonghop.server.minutes;

/**
 * The minutes font cannot draw a character of the text. The minutes must never show a blank where
 * a word was said, so rendering stops and names the character.
 */
public final class MissingGlyphException extends IllegalArgumentException {

    private final int codePoint;
    private final String fontName;

    MissingGlyphException(int codePoint, String fontName, String text) {
        super(String.format("the font %s has no glyph for U+%04X %s in \"%s\"", fontName, codePoint,
                Character.isISOControl(codePoint) ? "(a control character)" : "'" + Character.toString(codePoint) + "'",
                excerpt(text, codePoint)));
        this.codePoint = codePoint;
        this.fontName = fontName;
    }

    public int codePoint() {
        return codePoint;
    }

    public String fontName() {
        return fontName;
    }

    private static String excerpt(String text, int codePoint) {
        int at = text.indexOf(Character.toString(codePoint));
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + 30);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }
}
