package vn.phonghop.agenda.voting;

/** An answer to a motion. */
public enum Answer {
    /** Tán thành. */
    FOR,
    /** Không tán thành. */
    AGAINST,
    /** Không biểu quyết / ý kiến khác. */
    ABSTAIN
}
