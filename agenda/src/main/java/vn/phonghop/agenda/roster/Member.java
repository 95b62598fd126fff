package vn.phonghop.agenda.roster;

import java.util.Objects;

/** A Party member on the roster of the body holding the meeting. */
public record Member(String id, String name, Membership membership, Standing standing) {
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(standing, "standing");
    }

    public boolean official() {
        return membership == Membership.OFFICIAL;
    }

    /** Official and neither suspended nor attached elsewhere: may vote when present. */
    public boolean mayVote() {
        return official() && (standing == Standing.ACTIVE || standing == Standing.EXEMPT);
    }

    /** Counts toward the attendance expected of the body (the exempt only when they attend). */
    public boolean expectedToAttend() {
        return standing == Standing.ACTIVE;
    }
}
