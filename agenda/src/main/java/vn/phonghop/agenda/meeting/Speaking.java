package vn.phonghop.agenda.meeting;

import static vn.phonghop.agenda.meeting.Guards.first;
import static vn.phonghop.agenda.meeting.Guards.item;
import static vn.phonghop.agenda.meeting.Guards.person;
import static vn.phonghop.agenda.meeting.Guards.phase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.speakers.SpeakerQueue;
import vn.phonghop.agenda.speakers.Speech;

/** Deciding the speaker queue of the current item and the speaking timer. */
final class Speaking {
    static final int MAX_LIMIT_SECONDS = 2 * 60 * 60;

    private Speaking() {
    }

    static Decision setLimit(MeetingState s, SetSpeakingLimit c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), item(s, c.itemId()));
        if (bad != null) return bad;
        if (c.seconds() < 0 || c.seconds() > MAX_LIMIT_SECONDS) {
            return Decision.reject(Reason.INVALID_TIME_LIMIT, c.seconds() + " s");
        }
        return Decision.accept(new SpeakingLimitSet(c.itemId(), c.seconds(), c.at()));
    }

    static Decision request(MeetingState s, RequestFloor c) {
        var bad = first(onCurrentItem(s), person(s, c.personId()));
        if (bad != null) return bad;
        if (!s.attendance().present(c.personId())) return Decision.reject(Reason.NOT_CHECKED_IN, c.personId());
        SpeakerQueue q = s.currentQueue().get();
        if (q.speaking(c.personId())) return Decision.reject(Reason.ALREADY_SPEAKING, c.personId());
        if (q.isWaiting(c.personId())) return Decision.reject(Reason.ALREADY_IN_QUEUE, c.personId());
        return Decision.accept(new FloorRequested(current(s), c.personId(), c.pointOfOrder(), c.at()));
    }

    static Decision withdraw(MeetingState s, WithdrawRequest c) {
        var bad = first(onCurrentItem(s), waiting(s, c.personId()));
        return bad != null ? bad : Decision.accept(new FloorRequestWithdrawn(current(s), c.personId(), c.at()));
    }

    static Decision grant(MeetingState s, GrantFloor c) {
        var bad = first(onCurrentItem(s), person(s, c.personId()));
        if (bad != null) return bad;
        if (s.currentQueue().get().speaking(c.personId())) return Decision.reject(Reason.ALREADY_SPEAKING, c.personId());
        if (!s.attendance().present(c.personId())) return Decision.reject(Reason.NOT_CHECKED_IN, c.personId());
        var events = new ArrayList<MeetingEvent>(finishCurrentSpeech(s, c.at()));
        int limit = s.agenda().current().get().speakingLimitSeconds();
        events.add(new FloorGranted(current(s), c.personId(), limit, c.at()));
        return Decision.accept(events);
    }

    static Decision skip(MeetingState s, SkipSpeaker c) {
        var bad = first(onCurrentItem(s), waiting(s, c.personId()));
        return bad != null ? bad : Decision.accept(new SpeakerSkipped(current(s), c.personId(), c.at()));
    }

    static Decision move(MeetingState s, MoveSpeaker c) {
        var bad = first(onCurrentItem(s), waiting(s, c.personId()));
        if (bad != null) return bad;
        if (c.newIndex() < 0 || c.newIndex() >= s.currentQueue().get().waiting().size()) {
            return Decision.reject(Reason.INVALID_POSITION, String.valueOf(c.newIndex()));
        }
        return Decision.accept(new SpeakerMoved(current(s), c.personId(), c.newIndex(), c.at()));
    }

    static Decision startTimer(MeetingState s, StartTimer c) {
        var bad = first(onCurrentItem(s), speaking(s));
        if (bad != null) return bad;
        if (speech(s).running()) return Decision.reject(Reason.TIMER_ALREADY_RUNNING, "");
        return Decision.accept(new SpeakingTimerStarted(current(s), c.at()));
    }

    static Decision stopTimer(MeetingState s, StopTimer c) {
        var bad = first(onCurrentItem(s), speaking(s));
        if (bad != null) return bad;
        if (!speech(s).running()) return Decision.reject(Reason.TIMER_NOT_RUNNING, "");
        return Decision.accept(new SpeakingTimerStopped(current(s), c.at()));
    }

    static Decision extend(MeetingState s, ExtendTime c) {
        var bad = first(onCurrentItem(s), speaking(s));
        if (bad != null) return bad;
        if (c.seconds() <= 0 || c.seconds() > MAX_LIMIT_SECONDS) {
            return Decision.reject(Reason.INVALID_TIME_LIMIT, c.seconds() + " s");
        }
        return Decision.accept(new SpeakingTimeExtended(current(s), c.seconds(), c.at()));
    }

    static Decision finish(MeetingState s, FinishSpeech c) {
        var bad = first(onCurrentItem(s), speaking(s));
        return bad != null ? bad : Decision.accept(finishCurrentSpeech(s, c.at()));
    }

    /** The event that ends the speech in progress, if any: its duration is the timer's count. */
    static List<MeetingEvent> finishCurrentSpeech(MeetingState s, Instant at) {
        var q = s.currentQueue();
        if (q.isEmpty() || q.get().current() == null) return List.of();
        Speech sp = q.get().current();
        return List.of(new SpeechFinished(sp.itemId(), sp.personId(), sp.elapsedAt(at), at));
    }

    private static Decision onCurrentItem(MeetingState s) {
        var bad = phase(s, Guards.RUNNING);
        if (bad != null) return bad;
        return s.agenda().currentItemId() == null ? Decision.reject(Reason.NO_CURRENT_ITEM, "no item is under way") : null;
    }

    // Guards.first evaluates every check, so these must hold up without a current item too.
    private static Decision waiting(MeetingState s, String personId) {
        return s.currentQueue().map(q -> q.isWaiting(personId)).orElse(false) ? null
                : Decision.reject(Reason.NOT_IN_QUEUE, personId);
    }

    private static Decision speaking(MeetingState s) {
        return s.currentQueue().map(q -> q.current() != null).orElse(false) ? null
                : Decision.reject(Reason.NOBODY_SPEAKING, "");
    }

    private static Speech speech(MeetingState s) {
        return s.currentQueue().get().current();
    }

    private static String current(MeetingState s) {
        return s.agenda().currentItemId();
    }
}
