package vn.phonghop.server.documents;

import java.util.Locale;

/** A document's state-secret level (DOMAIN.md "Security of documents"); every document carries one. */
public enum Classification {
    /** Ordinary ("thường"): not a state secret. */
    NORMAL("Thường"),
    /** Mật: protected 10 years. */
    CONFIDENTIAL("Mật"),
    /** Tối mật: protected 20 years. */
    SECRET("Tối mật"),
    /** Tuyệt mật: protected 30 years. */
    TOP_SECRET("Tuyệt mật");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** The level as Vietnamese documents name it ("Tối mật"). */
    public String label() {
        return label;
    }

    /** The level as stamped on a page ("TỐI MẬT"). */
    public String stamp() {
        return label.toUpperCase(VIETNAMESE);
    }
}
