package vn.phonghop.agenda.meeting;

/** The kinds of meeting the system runs. */
public enum MeetingKind {
    /** Sinh hoạt chi bộ thường kỳ: monthly, at least 90 minutes (42-HD/BTCTW). */
    REGULAR_CELL_MEETING,
    /** Sinh hoạt chuyên đề: at least once a quarter. */
    THEMATIC_MEETING,
    /** Hội nghị Ban Chấp hành. */
    COMMITTEE_CONFERENCE,
    /** Đại hội. */
    CONGRESS
}
