package vn.phonghop.agenda.roster;

/** The kind of Party body that holds a meeting. */
public enum BodyKind {
    /** Chi bộ: the smallest unit, at least three official members, meets monthly. */
    CELL,
    /** Đảng ủy cơ sở / cấp ủy: a committee above cells. */
    COMMITTEE,
    /** Ban Chấp hành: an executive committee holding conferences. */
    EXECUTIVE_COMMITTEE,
    /** Đại hội: a congress of delegates. */
    CONGRESS
}
