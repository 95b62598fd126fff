package vn.phonghop.agenda.attendance;

import java.time.Instant;

/**
 * One person's attendance in one meeting: whether they are in the room now, whether they came at
 * all (and late), or were marked absent with or without a reason.
 */
public record Presence(Status status, Instant firstArrival, boolean late, String absenceReason) {

    /** In the room, gone out again, or known absent. */
    public enum Status { PRESENT, LEFT, ABSENT }

    public static Presence arrived(Instant at, boolean late) {
        return new Presence(Status.PRESENT, at, late, null);
    }

    public static Presence absent(String reason) {
        return new Presence(Status.ABSENT, null, false, reason == null || reason.isBlank() ? null : reason.strip());
    }

    public boolean present() {
        return status == Status.PRESENT;
    }

    /** Came to the meeting at some point, even if they left afterwards. */
    public boolean attended() {
        return firstArrival != null;
    }

    public boolean excused() {
        return absenceReason != null;
    }

    public Presence returned() {
        return new Presence(Status.PRESENT, firstArrival, late, null);
    }

    public Presence leftAt() {
        return new Presence(Status.LEFT, firstArrival, late, null);
    }
}
