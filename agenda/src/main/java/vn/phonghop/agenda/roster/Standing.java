package vn.phonghop.agenda.roster;

/** A member's standing in the body, which decides whether they count in the majority base. */
public enum Standing {
    /** Active in the body: always in the base, present or not. */
    ACTIVE,
    /** Miễn công tác và sinh hoạt: out of the base when absent, in it when they attend. */
    EXEMPT,
    /** Temporarily attached to another body: out of the base, votes there. */
    ATTACHED_ELSEWHERE,
    /** Suspended, prosecuted or detained: out of the base, cannot vote. */
    SUSPENDED
}
