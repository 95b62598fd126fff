package vn.phonghop.agenda.meeting;

import static vn.phonghop.agenda.meeting.Guards.first;
import static vn.phonghop.agenda.meeting.Guards.item;
import static vn.phonghop.agenda.meeting.Guards.person;
import static vn.phonghop.agenda.meeting.Guards.phase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import vn.phonghop.agenda.attendance.QuorumRule;
import vn.phonghop.agenda.items.AgendaItem;
import vn.phonghop.agenda.items.ItemStatus;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/** Deciding the commands that run a meeting: starting, attendance, moving through the agenda, closing. */
final class Running {

    private Running() {
    }

    static Decision start(MeetingState s, StartMeeting c) {
        var bad = phase(s, EnumSet.of(Phase.PUBLISHED));
        if (bad != null) return bad;
        if (s.roster().chairId() == null) return Decision.reject(Reason.NO_CHAIR, "appoint the chair first");
        if (quorumBlocks(s)) return Decision.reject(Reason.QUORUM_NOT_MET, "not enough members present");
        return Decision.accept(new MeetingStarted(c.at()));
    }

    static Decision checkIn(MeetingState s, CheckIn c) {
        var bad = first(phase(s, Guards.OPEN_DOORS), person(s, c.personId()));
        if (bad != null) return bad;
        if (s.attendance().present(c.personId())) return Decision.reject(Reason.ALREADY_CHECKED_IN, c.personId());
        boolean late = s.phase() == Phase.IN_PROGRESS && !s.attendance().attended(c.personId());
        return Decision.accept(new CheckedIn(c.personId(), late, c.at()));
    }

    static Decision checkOut(MeetingState s, CheckOut c) {
        var bad = first(phase(s, Guards.OPEN_DOORS), person(s, c.personId()));
        if (bad != null) return bad;
        if (!s.attendance().present(c.personId())) return Decision.reject(Reason.NOT_CHECKED_IN, c.personId());
        return Decision.accept(new CheckedOut(c.personId(), c.at()));
    }

    static Decision markAbsent(MeetingState s, MarkAbsent c) {
        var bad = phase(s, Guards.OPEN_DOORS);
        if (bad != null) return bad;
        if (c.memberId() == null || s.roster().member(c.memberId()).isEmpty()) {
            return Decision.reject(Reason.UNKNOWN_PERSON, "no member " + c.memberId());
        }
        if (s.attendance().attended(c.memberId())) return Decision.reject(Reason.ATTENDED_CANNOT_BE_ABSENT, c.memberId());
        if (c.reason() != null && c.reason().length() > Guards.MAX_TITLE) {
            return Decision.reject(Reason.TEXT_TOO_LONG, "reason");
        }
        return Decision.accept(new MarkedAbsent(c.memberId(), c.reason() == null || c.reason().isBlank() ? null
                : c.reason().strip(), c.at()));
    }

    static Decision startItem(MeetingState s, StartItem c) {
        var bad = first(phase(s, Guards.RUNNING), item(s, c.itemId()));
        if (bad != null) return bad;
        if (c.itemId().equals(s.agenda().currentItemId())) return Decision.reject(Reason.ITEM_IS_CURRENT, c.itemId());
        return moveTo(s, c.itemId(), c.at());
    }

    static Decision next(MeetingState s, NextItem c) {
        var bad = phase(s, Guards.RUNNING);
        if (bad != null) return bad;
        return s.agenda().next().map(i -> moveTo(s, i.id(), c.at()))
                .orElse(Decision.reject(Reason.NO_NEXT_ITEM, "this is the last item"));
    }

    static Decision previous(MeetingState s, PreviousItem c) {
        var bad = phase(s, Guards.RUNNING);
        if (bad != null) return bad;
        return s.agenda().previous().map(i -> moveTo(s, i.id(), c.at()))
                .orElse(Decision.reject(Reason.NO_PREVIOUS_ITEM, "this is the first item"));
    }

    static Decision skip(MeetingState s, SkipItem c) {
        var bad = first(phase(s, Guards.RUNNING), item(s, c.itemId()));
        if (bad != null) return bad;
        AgendaItem item = s.agenda().item(c.itemId()).get();
        if (item.status() == ItemStatus.SKIPPED) return Decision.reject(Reason.ITEM_ALREADY_SKIPPED, c.itemId());
        if (item.status() == ItemStatus.DONE) return Decision.reject(Reason.ITEM_ALREADY_DONE, c.itemId());
        var events = new ArrayList<MeetingEvent>();
        if (item.status() == ItemStatus.CURRENT) {
            events.addAll(Speaking.finishCurrentSpeech(s, c.at()));
            String next = s.agenda().next().map(AgendaItem::id).orElse(null);
            events.add(new CurrentItemChanged(c.itemId(), next, c.at()));
        }
        events.add(new ItemSkipped(c.itemId(), c.at()));
        return Decision.accept(events);
    }

    /** The document must be on the agenda and the page within it. */
    static Decision present(MeetingState s, PresentDocument c) {
        var bad = phase(s, Guards.RUNNING);
        if (bad != null) return bad;
        for (AgendaItem item : s.agenda().items()) {
            for (var doc : item.documents()) {
                if (!doc.id().equals(c.documentId())) continue;
                if (c.page() < 1 || c.page() > doc.pageCount()) {
                    return Decision.reject(Reason.INVALID_POSITION, "page " + c.page() + " of " + doc.pageCount());
                }
                return Decision.accept(new DocumentPresented(item.id(), doc.id(), c.page(), c.at()));
            }
        }
        return Decision.reject(Reason.UNKNOWN_DOCUMENT, String.valueOf(c.documentId()));
    }

    static Decision stopPresenting(MeetingState s, StopPresenting c) {
        var bad = phase(s, Guards.RUNNING);
        if (bad != null) return bad;
        if (s.presentation() == null) return Decision.reject(Reason.NOT_PRESENTING, "nothing is being presented");
        return Decision.accept(new PresentationStopped(c.at()));
    }

    static Decision close(MeetingState s, CloseMeeting c) {
        var bad = phase(s, Guards.RUNNING);
        if (bad != null) return bad;
        if (s.openPoll().isPresent()) return Decision.reject(Reason.POLL_STILL_OPEN, s.openPoll().get().id());
        if (s.roster().minuteTakerId() == null) return Decision.reject(Reason.NO_MINUTE_TAKER, "appoint the minute-taker");
        var events = new ArrayList<MeetingEvent>(Speaking.finishCurrentSpeech(s, c.at()));
        if (s.agenda().currentItemId() != null) {
            events.add(new CurrentItemChanged(s.agenda().currentItemId(), null, c.at()));
        }
        events.add(new MeetingClosed(c.at()));
        return Decision.accept(events);
    }

    static Decision archive(MeetingState s, ArchiveMeeting c) {
        if (s.phase() == Phase.ARCHIVED) return Decision.reject(Reason.MEETING_ARCHIVED, "already archived");
        if (s.phase() != Phase.CLOSED) return Decision.reject(Reason.MEETING_NOT_CLOSED, "close the meeting first");
        return Decision.accept(new MeetingArchived(c.at()));
    }

    static boolean quorumBlocks(MeetingState s) {
        return s.quorum().enforcement() == QuorumRule.Enforcement.BLOCK && !s.figures().quorumMet();
    }

    /** Leaving the current item ends the speech on it. */
    private static Decision moveTo(MeetingState s, String itemId, java.time.Instant at) {
        List<MeetingEvent> events = new ArrayList<>(Speaking.finishCurrentSpeech(s, at));
        events.add(new CurrentItemChanged(s.agenda().currentItemId(), itemId, at));
        return Decision.accept(events);
    }
}
