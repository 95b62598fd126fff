package vn.phonghop.server.minutes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.phonghop.agenda.meeting.Decision;
import vn.phonghop.agenda.meeting.Meeting;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingEvent;
import vn.phonghop.agenda.meeting.MeetingState;

/**
 * Drives the meeting aggregate with commands, as the server would, and keeps the log. Every
 * command must be accepted; the clock is the script's own and moves only when told.
 */
final class MeetingScript {

    private final List<MeetingEvent> log = new ArrayList<>();
    private MeetingState state = MeetingState.NONE;
    private Instant now;

    MeetingScript(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    MeetingScript at(Instant t) {
        now = t;
        return this;
    }

    MeetingScript after(Duration d) {
        now = now.plus(d);
        return this;
    }

    /** Decides the command at the script's time; a refusal is a broken script. */
    MeetingScript ok(MeetingCommand c) {
        Decision d = Meeting.decide(state, c);
        if (!(d instanceof Decision.Accepted a)) throw new IllegalStateException("refused: " + c + " → " + d);
        log.addAll(a.events());
        state = Meeting.apply(state, a);
        return this;
    }

    MeetingState state() {
        return state;
    }

    List<MeetingEvent> log() {
        return List.copyOf(log);
    }
}
