package vn.phonghop.agenda.meeting;

import java.util.List;
import vn.phonghop.agenda.voting.SecretBallot;

/** The answer of {@code decide}: the events to append (and secret ballots to drop in the box), or a refusal. */
public sealed interface Decision {

    /** Accepted: events for the ordered log, and ballots for the unordered box, stored in one transaction. */
    record Accepted(List<MeetingEvent> events, List<SecretBallot> ballots) implements Decision {
        public Accepted {
            events = List.copyOf(events);
            ballots = List.copyOf(ballots);
        }
    }

    /** Refused, with a typed reason; nothing changes. */
    record Rejected(Rejection rejection) implements Decision { }

    static Decision accept(MeetingEvent... events) {
        return new Accepted(List.of(events), List.of());
    }

    static Decision accept(List<MeetingEvent> events) {
        return new Accepted(events, List.of());
    }

    static Decision reject(Rejection.Reason reason, String detail) {
        return new Rejected(Rejection.of(reason, detail));
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
