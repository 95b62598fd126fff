package vn.phonghop.agenda.meeting;

import java.time.Duration;
import java.time.Instant;

/** The meeting's phase and when it reached each one. */
public record Timeline(Phase phase, Instant scheduledAt, Instant publishedAt, Instant startedAt, Instant closedAt,
                       Instant archivedAt) {
    public static final Timeline NONE = new Timeline(Phase.NONE, null, null, null, null, null);

    public Timeline scheduled(Instant at) {
        return new Timeline(Phase.DRAFT, at, null, null, null, null);
    }

    public Timeline published(Instant at) {
        return new Timeline(Phase.PUBLISHED, scheduledAt, at, startedAt, closedAt, archivedAt);
    }

    public Timeline started(Instant at) {
        return new Timeline(Phase.IN_PROGRESS, scheduledAt, publishedAt, at, closedAt, archivedAt);
    }

    public Timeline closed(Instant at) {
        return new Timeline(Phase.CLOSED, scheduledAt, publishedAt, startedAt, at, archivedAt);
    }

    public Timeline archived(Instant at) {
        return new Timeline(Phase.ARCHIVED, scheduledAt, publishedAt, startedAt, closedAt, at);
    }

    /** Documents must reach members at least {@code days} days before the meeting starts (42-HD/BTCTW: one). */
    public boolean publishedAtLeastDaysAhead(Instant start, int days) {
        return publishedAt != null && start != null
                && !Duration.between(publishedAt, start).minusDays(days).isNegative();
    }

    public long minutesLong() {
        return startedAt == null || closedAt == null ? 0 : Duration.between(startedAt, closedAt).toMinutes();
    }
}
