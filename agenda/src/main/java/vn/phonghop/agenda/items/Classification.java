package vn.phonghop.agenda.items;

import java.util.Locale;

/** State-secret level of a document; every document carries one. */
public enum Classification {
    /** Not a state secret ("thường"). */
    UNCLASSIFIED(0, "Thường"),
    /** Mật: protected 10 years. */
    MAT(10, "Mật"),
    /** Tối mật: protected 20 years. */
    TOI_MAT(20, "Tối mật"),
    /** Tuyệt mật: protected 30 years. */
    TUYET_MAT(30, "Tuyệt mật");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final int protectedYears;
    private final String label;

    Classification(int protectedYears, String label) {
        this.protectedYears = protectedYears;
        this.label = label;
    }

    public int protectedYears() {
        return protectedYears;
    }

    /** The level as Vietnamese documents name it ("Tối mật"). */
    public String label() {
        return label;
    }

    /** The level as stamped on a page ("TỐI MẬT"). */
    public String stamp() {
        return label.toUpperCase(VIETNAMESE);
    }

    /** Classified documents are shown only inside the meeting, watermarked, never downloaded. */
    public boolean classified() {
        return this != UNCLASSIFIED;
    }
}
