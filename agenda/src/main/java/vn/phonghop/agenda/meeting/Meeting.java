package vn.phonghop.agenda.meeting;

import java.util.List;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.voting.Poll;
import vn.phonghop.agenda.voting.SecretBallot;

/**
 * The meeting aggregate: {@code decide(state, command) → events | rejection} and
 * {@code evolve(state, event) → state}, both pure. Who may send what is checked first
 * ({@link Permissions}); each area's rules live in its own decider.
 */
public final class Meeting {

    private Meeting() {
    }

    public static Decision decide(MeetingState s, MeetingCommand c) {
        if (c instanceof ScheduleMeeting x) return Preparing.schedule(s, x);
        if (s.phase() == Phase.NONE) return Decision.reject(Reason.MEETING_NOT_FOUND, "no such meeting");
        if (!Permissions.allows(s, c)) {
            return c instanceof CastVote
                    ? Decision.reject(Reason.NOT_YOUR_BALLOT, "a member votes only for themself")
                    : Decision.reject(Reason.NOT_PERMITTED, c.getClass().getSimpleName() + " by " + c.by());
        }
        if (c instanceof RegisterMember x) return Preparing.registerMember(s, x);
        if (c instanceof RegisterMembers x) return Preparing.registerMembers(s, x);
        if (c instanceof ChangeStanding x) return Preparing.changeStanding(s, x);
        if (c instanceof RemoveMember x) return Preparing.removeMember(s, x);
        if (c instanceof InviteGuest x) return Preparing.inviteGuest(s, x);
        if (c instanceof AssignRole x) return Preparing.assignRole(s, x);
        if (c instanceof SetQuorumRule x) return Preparing.setQuorumRule(s, x);
        if (c instanceof AddAgendaItem x) return Preparing.addItem(s, x);
        if (c instanceof ApplyTemplate x) return Preparing.applyTemplate(s, x);
        if (c instanceof EditAgendaItem x) return Preparing.editItem(s, x);
        if (c instanceof RemoveAgendaItem x) return Preparing.removeItem(s, x);
        if (c instanceof MoveAgendaItem x) return Preparing.moveItem(s, x);
        if (c instanceof AttachDocument x) return Preparing.attachDocument(s, x);
        if (c instanceof DetachDocument x) return Preparing.detachDocument(s, x);
        if (c instanceof PublishMeeting x) return Preparing.publish(s, x);
        if (c instanceof StartMeeting x) return Running.start(s, x);
        if (c instanceof CheckIn x) return Running.checkIn(s, x);
        if (c instanceof CheckOut x) return Running.checkOut(s, x);
        if (c instanceof MarkAbsent x) return Running.markAbsent(s, x);
        if (c instanceof StartItem x) return Running.startItem(s, x);
        if (c instanceof NextItem x) return Running.next(s, x);
        if (c instanceof PreviousItem x) return Running.previous(s, x);
        if (c instanceof SkipItem x) return Running.skip(s, x);
        if (c instanceof PresentDocument x) return Running.present(s, x);
        if (c instanceof StopPresenting x) return Running.stopPresenting(s, x);
        if (c instanceof CloseMeeting x) return Running.close(s, x);
        if (c instanceof ArchiveMeeting x) return Running.archive(s, x);
        if (c instanceof SetSpeakingLimit x) return Speaking.setLimit(s, x);
        if (c instanceof RequestFloor x) return Speaking.request(s, x);
        if (c instanceof WithdrawRequest x) return Speaking.withdraw(s, x);
        if (c instanceof GrantFloor x) return Speaking.grant(s, x);
        if (c instanceof SkipSpeaker x) return Speaking.skip(s, x);
        if (c instanceof MoveSpeaker x) return Speaking.move(s, x);
        if (c instanceof StartTimer x) return Speaking.startTimer(s, x);
        if (c instanceof StopTimer x) return Speaking.stopTimer(s, x);
        if (c instanceof ExtendTime x) return Speaking.extend(s, x);
        if (c instanceof FinishSpeech x) return Speaking.finish(s, x);
        if (c instanceof RecordRemark x) return Recording.remark(s, x);
        if (c instanceof CorrectRemark x) return Recording.correct(s, x);
        if (c instanceof RecordConclusion x) return Recording.conclusion(s, x);
        if (c instanceof CreatePoll x) return Voting.create(s, x);
        if (c instanceof OpenPoll x) return Voting.open(s, x);
        if (c instanceof CastVote x) return Voting.cast(s, x);
        if (c instanceof ClosePoll x) return Voting.close(s, x);
        if (c instanceof ShowResult x) return Voting.show(s, x);
        throw new IllegalStateException("unhandled command " + c);
    }

    public static MeetingState evolve(MeetingState s, MeetingEvent e) {
        return Evolution.evolve(s, e);
    }

    /**
     * Drops a secret ballot into the tally of its open poll. Ballots are unordered: the tally of a
     * closed poll came with its {@code PollClosed} event, so a ballot for one is ignored.
     */
    public static MeetingState applyBallot(MeetingState s, SecretBallot b) {
        return s.poll(b.pollId()).filter(p -> p instanceof Poll.Open)
                .map(p -> s.with(((Poll.Open) p).withBallot(b.choice()))).orElse(s);
    }

    /** The state after an accepted decision: its events in order, then its ballots. */
    public static MeetingState apply(MeetingState s, Decision.Accepted d) {
        MeetingState out = fold(s, d.events());
        for (var b : d.ballots()) out = applyBallot(out, b);
        return out;
    }

    public static MeetingState fold(MeetingState s, List<? extends MeetingEvent> events) {
        MeetingState out = s;
        for (var e : events) out = evolve(out, e);
        return out;
    }

    /** Rebuilds a meeting from its log and its ballot box (in any order). */
    public static MeetingState rebuild(List<? extends MeetingEvent> log, List<SecretBallot> ballotBox) {
        MeetingState out = fold(MeetingState.NONE, log);
        for (var b : ballotBox) out = applyBallot(out, b);
        return out;
    }
}
