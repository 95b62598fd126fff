package vn.phonghop.agenda.roster;

/** What a person may do in one meeting; a person may hold several (the chair is also a delegate). */
public enum MeetingRole {
    /** Whoever scheduled the meeting: prepares it (roster, agenda, documents, publishing). */
    CONVENOR,
    /** Chủ trì: the cell's secretary or deputy; prepares and runs the meeting. */
    CHAIR,
    /** Thư ký hội nghị: prepares, runs and records the meeting; adds no comment to the minutes. */
    MINUTE_TAKER,
    /** A member on the roster. */
    DELEGATE,
    /** An invited guest. */
    GUEST
}
