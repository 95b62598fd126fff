package vn.phonghop.agenda.voting;

/** Forms of Party discipline, from the mildest to the harshest (the declaration order matters). */
public enum DisciplineForm {
    /** Khiển trách. */
    REPRIMAND,
    /** Cảnh cáo. */
    WARNING,
    /** Cách chức. */
    REMOVAL_FROM_POST,
    /** Khai trừ. */
    EXPULSION;

    public boolean harsherThan(DisciplineForm other) {
        return compareTo(other) > 0;
    }
}
