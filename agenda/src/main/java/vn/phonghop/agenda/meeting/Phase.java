package vn.phonghop.agenda.meeting;

/** The lifecycle of a meeting: draft → published → in progress → closed → archived. */
public enum Phase {
    /** No meeting yet: the state before it is scheduled. */
    NONE,
    DRAFT,
    /** Documents are visible to members; the time of publishing is recorded. */
    PUBLISHED,
    IN_PROGRESS,
    CLOSED,
    ARCHIVED
}
