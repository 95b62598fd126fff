package vn.phonghop.server.minutes;

import java.util.List;
import vn.phonghop.server.minutes.Fonts.Style;

/**
 * A block of body text: styled runs set as one paragraph. A heading is kept on the page of the
 * lines that follow it. A {@code '\n'} in a run breaks the line.
 */
record Paragraph(List<Run> runs, Align align, float indent, float spaceBefore, boolean heading) {

    enum Align { JUSTIFY, LEFT, CENTER }

    /** Text in one style. */
    record Run(Style style, String text) {
    }

    Paragraph {
        runs = List.copyOf(runs);
    }

    static Paragraph body(Run... runs) {
        return new Paragraph(List.of(runs), Align.JUSTIFY, Typesetter.INDENT, 3, false);
    }

    static Paragraph heading(String text) {
        return new Paragraph(List.of(new Run(Style.BOLD, text)), Align.LEFT, 0, 8, true);
    }

    static Paragraph subheading(String text) {
        return new Paragraph(List.of(new Run(Style.BOLD, text)), Align.JUSTIFY, Typesetter.INDENT, 6, true);
    }

    static Run regular(String text) {
        return new Run(Style.REGULAR, text);
    }

    static Run bold(String text) {
        return new Run(Style.BOLD, text);
    }

    static Run italic(String text) {
        return new Run(Style.ITALIC, text);
    }

    static Run boldItalic(String text) {
        return new Run(Style.BOLD_ITALIC, text);
    }
}
