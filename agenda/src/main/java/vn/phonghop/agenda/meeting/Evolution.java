package vn.phonghop.agenda.meeting;

import vn.phonghop.agenda.items.AgendaItem;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.record.Conclusion;
import vn.phonghop.agenda.record.Remark;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Roster;
import vn.phonghop.agenda.speakers.FinishedSpeech;
import vn.phonghop.agenda.speakers.FloorRequest;
import vn.phonghop.agenda.speakers.SpeakerQueue;
import vn.phonghop.agenda.speakers.Speech;
import vn.phonghop.agenda.voting.Poll;
import vn.phonghop.agenda.voting.RuleSets;

/** How each event changes the state. Facts are applied as they are: no checks here. */
final class Evolution {

    private Evolution() {
    }

    static MeetingState evolve(MeetingState s, MeetingEvent e) {
        if (e instanceof MeetingScheduled x) {
            var header = new MeetingHeader(x.meetingId(), x.organisation(), x.kind(), x.title(), x.venue(), x.place(),
                    x.zoneId(), x.plannedStart(), RuleSets.byId(x.ruleSetId()).orElseThrow());
            var rules = header.ruleSet();
            return new MeetingState(header, s.timeline().scheduled(x.at()), Roster.convenedBy(x.convenorId()),
                    rules.defaultQuorum(), s.attendance(), s.agenda(), s.queues(), s.remarks(), s.conclusions(),
                    s.polls(), null);
        }
        if (e instanceof MemberRegistered x) return s.with(s.roster().withMember(x.member()));
        if (e instanceof MemberStandingChanged x) {
            Member m = s.roster().member(x.memberId()).orElseThrow();
            return s.with(s.roster().withMember(new Member(m.id(), m.name(), x.membership(), x.standing())));
        }
        if (e instanceof MemberRemoved x) return s.with(s.roster().withoutMember(x.memberId()));
        if (e instanceof GuestInvited x) return s.with(s.roster().withGuest(x.guest()));
        if (e instanceof RoleAssigned x) {
            return s.with(x.role() == MeetingRole.CHAIR ? s.roster().withChair(x.memberId())
                    : s.roster().withMinuteTaker(x.memberId()));
        }
        if (e instanceof QuorumRuleSet x) return s.with(x.rule());
        if (e instanceof AgendaItemAdded x) {
            return s.with(s.agenda().withAdded(AgendaItem.planned(x.itemId(), x.parentId(), x.title(), x.plannedMinutes())));
        }
        if (e instanceof AgendaItemEdited x) {
            return s.with(s.agenda().withChanged(x.itemId(), i -> i.edited(x.title(), x.plannedMinutes())));
        }
        if (e instanceof AgendaItemRemoved x) return s.with(s.agenda().withRemoved(x.itemId()));
        if (e instanceof AgendaItemMoved x) return s.with(s.agenda().withMoved(x.itemId(), x.newIndex()));
        if (e instanceof DocumentAttached x) {
            return s.with(s.agenda().withChanged(x.itemId(), i -> i.withDocument(x.document())));
        }
        if (e instanceof DocumentDetached x) {
            return s.with(s.agenda().withChanged(x.itemId(), i -> i.withoutDocument(x.documentId())));
        }
        if (e instanceof MeetingPublished x) return s.with(s.timeline().published(x.at()));
        if (e instanceof MeetingStarted x) return s.with(s.timeline().started(x.at()));
        if (e instanceof CheckedIn x) return s.with(s.attendance().checkedIn(x.personId(), x.at(), x.late()));
        if (e instanceof CheckedOut x) return s.with(s.attendance().checkedOut(x.personId()));
        if (e instanceof MarkedAbsent x) return s.with(s.attendance().markedAbsent(x.memberId(), x.reason()));
        if (e instanceof CurrentItemChanged x) {
            var agenda = s.agenda().leaveCurrent(x.at());
            if (x.toItemId() != null) agenda = agenda.withChanged(x.toItemId(), i -> i.started(x.at())).withCurrent(x.toItemId());
            return s.with(agenda);
        }
        if (e instanceof ItemSkipped x) return s.with(s.agenda().withChanged(x.itemId(), AgendaItem::skipped));
        if (e instanceof DocumentPresented x) {
            return s.with(new vn.phonghop.agenda.items.Presentation(x.itemId(), x.documentId(), x.page()));
        }
        if (e instanceof PresentationStopped x) return s.with((vn.phonghop.agenda.items.Presentation) null);
        if (e instanceof SpeakingLimitSet x) {
            return s.with(s.agenda().withChanged(x.itemId(), i -> i.withSpeakingLimit(x.seconds())));
        }
        if (e instanceof FloorRequested x) {
            return s.withQueue(x.itemId(), s.queue(x.itemId()).withRequest(new FloorRequest(x.personId(), x.pointOfOrder(), x.at())));
        }
        if (e instanceof FloorRequestWithdrawn x) return s.withQueue(x.itemId(), s.queue(x.itemId()).without(x.personId()));
        if (e instanceof SpeakerSkipped x) return s.withQueue(x.itemId(), s.queue(x.itemId()).without(x.personId()));
        if (e instanceof SpeakerMoved x) return s.withQueue(x.itemId(), s.queue(x.itemId()).withMoved(x.personId(), x.newIndex()));
        if (e instanceof FloorGranted x) {
            return s.withQueue(x.itemId(), s.queue(x.itemId()).withSpeech(Speech.granted(x.personId(), x.itemId(), x.at(), x.limitSeconds())));
        }
        if (e instanceof SpeakingTimerStarted x) return withSpeech(s, x.itemId(), q -> q.current().restarted(x.at()));
        if (e instanceof SpeakingTimerStopped x) return withSpeech(s, x.itemId(), q -> q.current().stopped(x.at()));
        if (e instanceof SpeakingTimeExtended x) return withSpeech(s, x.itemId(), q -> q.current().extended(x.seconds()));
        if (e instanceof SpeechFinished x) {
            SpeakerQueue q = s.queue(x.itemId());
            var started = q.current() == null ? x.at() : q.current().grantedAt();
            return s.withQueue(x.itemId(), q.withFinished(new FinishedSpeech(x.personId(), x.itemId(), started, x.at(), x.durationSeconds())));
        }
        if (e instanceof RemarkRecorded x) {
            return s.with(new Remark(x.remarkId(), x.itemId(), x.speakerId(),
                    java.util.List.of(new Remark.Version(x.text(), x.at(), x.by(), ""))));
        }
        if (e instanceof RemarkCorrected x) {
            return s.with(s.remarks().get(x.remarkId()).correctedTo(new Remark.Version(x.text(), x.at(), x.by(), x.reason())));
        }
        if (e instanceof ConclusionRecorded x) {
            var v = new Remark.Version(x.text(), x.at(), x.by(), "");
            var c = s.conclusions().get(x.itemId());
            return s.with(c == null ? new Conclusion(x.itemId(), java.util.List.of(v)) : c.revisedTo(v));
        }
        if (e instanceof PollCreated x) return s.with(new Poll.Draft(x.spec()));
        if (e instanceof PollOpened x) return s.with(((Poll.Draft) s.polls().get(x.pollId())).open(x.at()));
        if (e instanceof VoteCast x) return s.with(((Poll.Open) s.polls().get(x.pollId())).withOpenVote(x.voterId(), x.choice()));
        if (e instanceof VoterMarked x) return s.with(((Poll.Open) s.polls().get(x.pollId())).withVoterMarked(x.voterId()));
        if (e instanceof PollClosed x) {
            return s.with(((Poll.Open) s.polls().get(x.pollId())).close(x.at(), x.tally(), x.result(), s.figures().presentVoters()));
        }
        if (e instanceof PollResultShown x) return s.with(((Poll.Closed) s.polls().get(x.pollId())).shownNow());
        if (e instanceof MeetingClosed x) {
            return s.with(s.timeline().closed(x.at())).with((vn.phonghop.agenda.items.Presentation) null);
        }
        if (e instanceof MeetingArchived x) return s.with(s.timeline().archived(x.at()));
        throw new IllegalStateException("unhandled event " + e);
    }

    private static MeetingState withSpeech(MeetingState s, String itemId,
                                           java.util.function.Function<SpeakerQueue, Speech> change) {
        SpeakerQueue q = s.queue(itemId);
        return s.withQueue(itemId, q.withCurrent(change.apply(q)));
    }
}
