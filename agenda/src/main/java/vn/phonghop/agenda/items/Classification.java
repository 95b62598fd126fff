package vn.phonghop.agenda.items;

/** State-secret level of a document; every document carries one. */
public enum Classification {
    UNCLASSIFIED(0),
    /** Mật: protected 10 years. */
    MAT(10),
    /** Tối mật: protected 20 years. */
    TOI_MAT(20),
    /** Tuyệt mật: protected 30 years. */
    TUYET_MAT(30);

    private final int protectedYears;

    Classification(int protectedYears) {
        this.protectedYears = protectedYears;
    }

    public int protectedYears() {
        return protectedYears;
    }

    /** Classified documents are shown only inside the meeting, watermarked, never downloaded. */
    public boolean classified() {
        return this != UNCLASSIFIED;
    }
}
