package vn.phonghop.agenda.voting;

import java.util.Objects;

/**
 * A pass mark as an exact fraction of a basis, compared in integer arithmetic:
 * "more than half of the base" is {@code 2·votes > base}; "at least two thirds" is
 * {@code 3·votes ≥ 2·base}. Never floating point.
 */
public record Threshold(Basis basis, int numerator, int denominator, boolean inclusive) {

    /** What the fraction is taken of. */
    public enum Basis {
        /** The majority base: official members minus attached, suspended and absent-exempt. */
        MAJORITY_BASE,
        /** All official members of the body. */
        OFFICIAL_MEMBERS
    }

    public static final Threshold MORE_THAN_HALF_OF_BASE = new Threshold(Basis.MAJORITY_BASE, 1, 2, false);
    public static final Threshold AT_LEAST_TWO_THIRDS_OF_BASE = new Threshold(Basis.MAJORITY_BASE, 2, 3, true);
    public static final Threshold AT_LEAST_TWO_THIRDS_OF_OFFICIAL = new Threshold(Basis.OFFICIAL_MEMBERS, 2, 3, true);

    public Threshold {
        Objects.requireNonNull(basis, "basis");
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("threshold must be a fraction in (0, 1]: " + numerator + "/" + denominator);
        }
    }

    /** Whether {@code votes} reach this threshold of {@code basisValue}; nothing passes on an empty basis. */
    public boolean reachedBy(long votes, long basisValue) {
        if (basisValue <= 0 || votes <= 0) return false;
        long lhs = votes * denominator;
        long rhs = (long) numerator * basisValue;
        return inclusive ? lhs >= rhs : lhs > rhs;
    }

    /** The smallest number of votes that reaches the threshold. */
    public long minimumVotes(long basisValue) {
        if (basisValue <= 0) return Long.MAX_VALUE;
        long v = (long) numerator * basisValue / denominator;
        while (!reachedBy(v, basisValue)) v++;
        while (v > 1 && reachedBy(v - 1, basisValue)) v--;
        return Math.max(1, v);
    }

    public long basisValue(int majorityBase, int officialMembers) {
        return basis == Basis.MAJORITY_BASE ? majorityBase : officialMembers;
    }
}
