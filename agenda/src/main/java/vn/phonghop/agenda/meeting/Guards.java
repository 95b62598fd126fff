package vn.phonghop.agenda.meeting;

import java.util.EnumSet;
import java.util.Set;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/** Checks shared by the deciders; each returns a refusal, or null when the check passes. */
final class Guards {
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 20_000;

    static final Set<Phase> BEFORE_START = EnumSet.of(Phase.DRAFT, Phase.PUBLISHED);
    static final Set<Phase> UNTIL_CLOSE = EnumSet.of(Phase.DRAFT, Phase.PUBLISHED, Phase.IN_PROGRESS);
    static final Set<Phase> OPEN_DOORS = EnumSet.of(Phase.PUBLISHED, Phase.IN_PROGRESS);
    static final Set<Phase> RUNNING = EnumSet.of(Phase.IN_PROGRESS);

    private Guards() {
    }

    /** The refusal for a command that needs one of {@code allowed} phases. */
    static Decision phase(MeetingState s, Set<Phase> allowed) {
        Phase p = s.phase();
        if (allowed.contains(p)) return null;
        return switch (p) {
            case NONE -> Decision.reject(Reason.MEETING_NOT_FOUND, "no such meeting");
            case CLOSED -> Decision.reject(Reason.MEETING_CLOSED, "the meeting is closed");
            case ARCHIVED -> Decision.reject(Reason.MEETING_ARCHIVED, "the meeting is archived");
            case IN_PROGRESS -> Decision.reject(Reason.MEETING_ALREADY_STARTED, "the meeting has started");
            case DRAFT -> allowed.contains(Phase.PUBLISHED)
                    ? Decision.reject(Reason.MEETING_NOT_PUBLISHED, "publish the meeting first")
                    : Decision.reject(Reason.MEETING_NOT_STARTED, "the meeting has not started");
            case PUBLISHED -> Decision.reject(Reason.MEETING_NOT_STARTED, "the meeting has not started");
        };
    }

    static Decision text(String text, int max, String what) {
        if (text == null || text.isBlank()) return Decision.reject(Reason.EMPTY_TEXT, what + " is empty");
        if (text.length() > max) return Decision.reject(Reason.TEXT_TOO_LONG, what + " is longer than " + max);
        return null;
    }

    static Decision item(MeetingState s, String itemId) {
        return itemId != null && s.agenda().item(itemId).isPresent() ? null
                : Decision.reject(Reason.UNKNOWN_ITEM, "no agenda item " + itemId);
    }

    static Decision person(MeetingState s, String personId) {
        return personId != null && s.roster().knows(personId) ? null
                : Decision.reject(Reason.UNKNOWN_PERSON, "not on the roster: " + personId);
    }

    /** The first refusal among the checks, or null. Every check is evaluated: each must stand alone. */
    static Decision first(Decision... checks) {
        for (Decision d : checks) if (d != null) return d;
        return null;
    }
}
