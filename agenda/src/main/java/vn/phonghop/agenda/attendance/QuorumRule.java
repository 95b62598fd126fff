package vn.phonghop.agenda.attendance;

import java.util.Objects;

/**
 * How many official members must be present, as a fraction of the majority base, and what
 * happens when they are not. No source confirms a quorum for ordinary cell meetings, so the
 * default only warns; confidence-vote meetings need two thirds present (confirmed) and block.
 */
public record QuorumRule(int numerator, int denominator, boolean inclusive, Enforcement enforcement) {

    /** What falling short of the quorum does. */
    public enum Enforcement {
        /** Shown to the chair, nothing refused. */
        WARN,
        /** Starting the meeting and opening polls are refused. */
        BLOCK
    }

    public static final QuorumRule MORE_THAN_HALF_WARN = new QuorumRule(1, 2, false, Enforcement.WARN);
    public static final QuorumRule CONFIDENCE_VOTE = new QuorumRule(2, 3, true, Enforcement.BLOCK);

    public QuorumRule {
        Objects.requireNonNull(enforcement, "enforcement");
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("quorum must be a fraction in [0, 1]");
        }
    }

    public boolean metBy(long present, long base) {
        long lhs = present * denominator;
        long rhs = (long) numerator * base;
        return inclusive ? lhs >= rhs : lhs > rhs;
    }
}
