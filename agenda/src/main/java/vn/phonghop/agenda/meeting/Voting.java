package vn.phonghop.agenda.meeting;

import static vn.phonghop.agenda.meeting.Guards.first;
import static vn.phonghop.agenda.meeting.Guards.item;
import static vn.phonghop.agenda.meeting.Guards.phase;
import static vn.phonghop.agenda.meeting.Guards.text;

import java.util.HashSet;
import java.util.List;
import vn.phonghop.agenda.attendance.AttendanceFigures;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.Counting;
import vn.phonghop.agenda.voting.DecisionRule;
import vn.phonghop.agenda.voting.Poll;
import vn.phonghop.agenda.voting.PollSpec;
import vn.phonghop.agenda.voting.SecretBallot;

/**
 * Deciding polls: creating them under the rule set, opening, casting, closing and showing.
 * Eligible voters are the official members, neither suspended nor attached elsewhere, who are
 * present when they vote (one who checks in after the poll opened may still vote).
 */
final class Voting {

    private Voting() {
    }

    static Decision create(MeetingState s, CreatePoll c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), text(c.pollId(), 200, "poll id"), item(s, c.itemId()),
                text(c.question(), 2_000, "question"));
        if (bad != null) return bad;
        if (s.polls().containsKey(c.pollId())) return Decision.reject(Reason.POLL_ALREADY_EXISTS, c.pollId());
        if (c.kind() == null) return Decision.reject(Reason.EMPTY_TEXT, "decision kind");
        var rules = s.header().ruleSet();
        DecisionRule rule = rules.rule(c.kind());
        BallotMode mode = c.mode() == null ? rule.defaultMode() : c.mode();
        if (!rule.allowedModes().contains(mode)) {
            return Decision.reject(Reason.BALLOT_MODE_NOT_ALLOWED, mode + " for " + c.kind());
        }
        switch (c.kind().shape()) {
            case ELECTION -> {
                if (c.seats() < 1) return Decision.reject(Reason.INVALID_SEATS, String.valueOf(c.seats()));
                if (c.candidates().isEmpty()) return Decision.reject(Reason.CANDIDATES_REQUIRED, "");
                var ids = new HashSet<String>();
                for (var cand : c.candidates()) {
                    if (!ids.add(cand.id())) return Decision.reject(Reason.DUPLICATE_CANDIDATE, cand.id());
                    var m = s.roster().member(cand.id());
                    if (m.isPresent() && m.get().membership() == Membership.PROBATIONARY) {
                        return Decision.reject(Reason.PROBATIONARY_MEMBER_CANNOT_STAND, cand.id());
                    }
                }
                if (!rules.candidatesWithinSurplus(c.candidates().size(), c.seats())) {
                    return Decision.reject(Reason.TOO_MANY_CANDIDATES, c.candidates().size() + " for " + c.seats()
                            + " seats: at most " + rules.candidateSurplusPercent() + "% more");
                }
            }
            case DISCIPLINE -> {
                if (c.forms().isEmpty()) return Decision.reject(Reason.FORMS_REQUIRED, "");
            }
            case MOTION -> { }
        }
        var spec = new PollSpec(c.pollId(), c.itemId(), c.question().strip(), c.kind(), mode, c.candidates(),
                c.kind().shape() == vn.phonghop.agenda.voting.DecisionKind.Shape.ELECTION ? c.seats() : 0,
                c.forms(), c.changeAllowed(), rules.id());
        return Decision.accept(new PollCreated(spec, c.at()));
    }

    static Decision open(MeetingState s, OpenPoll c) {
        var bad = first(phase(s, Guards.RUNNING), poll(s, c.pollId()));
        if (bad != null) return bad;
        Poll p = s.polls().get(c.pollId());
        if (p instanceof Poll.Open) return Decision.reject(Reason.POLL_ALREADY_OPEN, c.pollId());
        if (p instanceof Poll.Closed) return Decision.reject(Reason.POLL_CLOSED, c.pollId());
        if (s.openPoll().isPresent()) return Decision.reject(Reason.ANOTHER_POLL_OPEN, s.openPoll().get().id());
        if (Running.quorumBlocks(s)) return Decision.reject(Reason.QUORUM_NOT_MET, "not enough members present");
        return Decision.accept(new PollOpened(c.pollId(), c.at()));
    }

    static Decision cast(MeetingState s, CastVote c) {
        var bad = openPoll(s, c.pollId());
        if (bad != null) return bad;
        Poll.Open open = (Poll.Open) s.polls().get(c.pollId());
        bad = first(eligible(s, c.voterId()), choiceFits(open.spec(), c.choice()));
        if (bad != null) return bad;
        if (open.hasVoted(c.voterId()) && !open.spec().votesMayChange()) {
            return Decision.reject(Reason.ALREADY_VOTED, c.voterId());
        }
        if (!open.spec().secret()) return Decision.accept(new VoteCast(c.pollId(), c.voterId(), c.choice(), c.at()));
        if (c.ballotId() == null || c.ballotId().isBlank()) return Decision.reject(Reason.MISSING_BALLOT_ID, "");
        return new Decision.Accepted(List.of(new VoterMarked(c.pollId(), c.voterId(), c.at())),
                List.of(new SecretBallot(c.pollId(), c.ballotId(), c.choice())));
    }

    static Decision close(MeetingState s, ClosePoll c) {
        var bad = openPoll(s, c.pollId());
        if (bad != null) return bad;
        Poll.Open open = (Poll.Open) s.polls().get(c.pollId());
        int base = majorityBaseFor(s, open);
        int officials = (int) s.roster().countOfficial();
        var result = Counting.count(open.spec(), s.header().ruleSet(), open.tally(), base, officials);
        return Decision.accept(new PollClosed(c.pollId(), open.tally(), result, c.at()));
    }

    static Decision show(MeetingState s, ShowResult c) {
        var bad = first(phase(s, Guards.RUNNING), poll(s, c.pollId()));
        if (bad != null) return bad;
        Poll p = s.polls().get(c.pollId());
        if (!(p instanceof Poll.Closed closed)) return Decision.reject(Reason.POLL_NOT_CLOSED, c.pollId());
        if (closed.shown()) return Decision.reject(Reason.RESULT_ALREADY_SHOWN, c.pollId());
        return Decision.accept(new PollResultShown(c.pollId(), c.at()));
    }

    /** The base at close: an exempt member who attended the meeting, or voted in this poll, counts. */
    static int majorityBaseFor(MeetingState s, Poll.Open poll) {
        int base = 0;
        for (Member m : s.roster().memberList()) {
            boolean attended = s.attendance().attended(m.id()) || poll.hasVoted(m.id());
            if (AttendanceFigures.inBase(m, attended)) base++;
        }
        return base;
    }

    /** Why a person may not vote now, or null if they may. */
    static Decision eligible(MeetingState s, String voterId) {
        if (voterId != null && s.roster().guest(voterId).isPresent()) {
            return Decision.reject(Reason.GUEST_CANNOT_VOTE, voterId);
        }
        var m = voterId == null ? java.util.Optional.<Member>empty() : s.roster().member(voterId);
        if (m.isEmpty()) return Decision.reject(Reason.UNKNOWN_PERSON, voterId);
        if (m.get().membership() == Membership.PROBATIONARY) {
            return Decision.reject(Reason.PROBATIONARY_MEMBER_CANNOT_VOTE, voterId);
        }
        switch (m.get().standing()) {
            case SUSPENDED -> { return Decision.reject(Reason.SUSPENDED_MEMBER_CANNOT_VOTE, voterId); }
            case ATTACHED_ELSEWHERE -> { return Decision.reject(Reason.ATTACHED_MEMBER_VOTES_ELSEWHERE, voterId); }
            default -> { }
        }
        if (!s.attendance().present(voterId)) return Decision.reject(Reason.VOTER_NOT_PRESENT, voterId);
        return null;
    }

    static Decision choiceFits(PollSpec spec, Choice choice) {
        var wrong = Decision.reject(Reason.NOT_A_CHOICE_FOR_THIS_POLL, String.valueOf(choice));
        if (choice == null) return wrong;
        switch (spec.kind().shape()) {
            case MOTION -> {
                return choice instanceof Choice.Motion m && m.answer() != null ? null : wrong;
            }
            case ELECTION -> {
                if (!(choice instanceof Choice.Election e)) return wrong;
                for (String id : e.approved()) if (!spec.hasCandidate(id)) return wrong;
                return e.approved().size() <= spec.seats() ? null
                        : Decision.reject(Reason.TOO_MANY_APPROVED, e.approved().size() + " for " + spec.seats() + " seats");
            }
            case DISCIPLINE -> {
                if (!(choice instanceof Choice.Discipline d)) return wrong;
                return d.form() == null || spec.forms().contains(d.form()) ? null : wrong;
            }
        }
        return wrong;
    }

    /** Why a running meeting's poll is not open to votes or closing, or null when it is. */
    private static Decision openPoll(MeetingState s, String pollId) {
        var bad = first(phase(s, Guards.RUNNING), poll(s, pollId));
        if (bad != null) return bad;
        Poll p = s.polls().get(pollId);
        if (p instanceof Poll.Draft) return Decision.reject(Reason.POLL_NOT_OPEN, pollId);
        if (p instanceof Poll.Closed) return Decision.reject(Reason.POLL_CLOSED, pollId);
        return null;
    }

    private static Decision poll(MeetingState s, String pollId) {
        return pollId != null && s.polls().containsKey(pollId) ? null : Decision.reject(Reason.UNKNOWN_POLL, pollId);
    }
}
