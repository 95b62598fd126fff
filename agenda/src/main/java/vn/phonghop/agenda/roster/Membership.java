package vn.phonghop.agenda.roster;

/** Whether a Party member is official (may vote and stand) or probationary (may neither). */
public enum Membership {
    /** Đảng viên chính thức. */
    OFFICIAL,
    /** Đảng viên dự bị: attends, speaks, counts as present, never votes or stands. */
    PROBATIONARY
}
