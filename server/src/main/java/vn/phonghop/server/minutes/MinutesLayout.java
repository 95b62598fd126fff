package vn.phonghop.server.minutes;

/**
 * Page geometry and type sizes of the minutes. The margins are not confirmed by the sources
 * (20/20/30/15 mm and 25/25/35/15 mm are both quoted), so they are configuration.
 *
 * @param lineSpacing the distance between baselines as a multiple of the type size
 */
public record MinutesLayout(float marginTopMm, float marginBottomMm, float marginLeftMm, float marginRightMm,
                            float bodySize, float headerSize, float partySize, float titleSize,
                            float pageNumberSize, float lineSpacing) {

    /** A4, margins 20/20/30/15 mm, body 14 pt, "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt, title 16 pt. */
    public static final MinutesLayout DEFAULT = new MinutesLayout(20, 20, 30, 15, 14, 14, 15, 16, 13, 1.2f);

    public MinutesLayout {
        for (float m : new float[] {marginTopMm, marginBottomMm, marginLeftMm, marginRightMm}) {
            if (m < 0 || m > 60) throw new IllegalArgumentException("a margin must be within 0–60 mm: " + m);
        }
        for (float s : new float[] {bodySize, headerSize, partySize, titleSize, pageNumberSize}) {
            if (s < 6 || s > 30) throw new IllegalArgumentException("a type size must be within 6–30 pt: " + s);
        }
        if (lineSpacing < 1 || lineSpacing > 3) throw new IllegalArgumentException("line spacing within 1–3: " + lineSpacing);
    }

    public MinutesLayout withMargins(float topMm, float bottomMm, float leftMm, float rightMm) {
        return new MinutesLayout(topMm, bottomMm, leftMm, rightMm, bodySize, headerSize, partySize, titleSize,
                pageNumberSize, lineSpacing);
    }
}
