package vn.phonghop.agenda.speakers;

import java.time.Duration;
import java.time.Instant;

/**
 * The speech in progress: its limit (plus extensions), the speaking time used so far while the
 * timer ran, and since when the timer has been running (null while stopped).
 */
public record Speech(String personId, String itemId, Instant grantedAt, int limitSeconds, int extendedSeconds,
                     long elapsedSeconds, Instant runningSince) {

    public static Speech granted(String personId, String itemId, Instant at, int limitSeconds) {
        return new Speech(personId, itemId, at, limitSeconds, 0, 0, at);
    }

    public boolean running() {
        return runningSince != null;
    }

    public long elapsedAt(Instant now) {
        return elapsedSeconds + (runningSince == null ? 0 : Math.max(0, Duration.between(runningSince, now).getSeconds()));
    }

    /** Whether the speech has a time limit at all (a limit of 0 means none). */
    public boolean limited() {
        return limitSeconds > 0;
    }

    /** Seconds left at {@code now}; negative once the speaker is over time; unlimited speeches never run out. */
    public long remainingAt(Instant now) {
        return limited() ? limitSeconds + extendedSeconds - elapsedAt(now) : Long.MAX_VALUE;
    }

    public Speech stopped(Instant at) {
        return new Speech(personId, itemId, grantedAt, limitSeconds, extendedSeconds, elapsedAt(at), null);
    }

    public Speech restarted(Instant at) {
        return new Speech(personId, itemId, grantedAt, limitSeconds, extendedSeconds, elapsedSeconds, at);
    }

    public Speech extended(int seconds) {
        return new Speech(personId, itemId, grantedAt, limitSeconds, extendedSeconds + seconds, elapsedSeconds, runningSince);
    }
}
