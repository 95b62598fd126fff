package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.CastVote;
import vn.phonghop.agenda.meeting.MeetingCommand.ClosePoll;
import vn.phonghop.agenda.meeting.MeetingCommand.CreatePoll;
import vn.phonghop.agenda.meeting.MeetingEvent.PollClosed;
import vn.phonghop.agenda.meeting.MeetingEvent.PollCreated;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;

/** Elections: per candidate more than half of the base; at most 30% more candidates than seats. */
class ElectionTest {
    private static final Candidate A = new Candidate("m01", "Nguyễn Văn An");
    private static final Candidate B = new Candidate("m02", "Trần Thị Bình");
    private static final Candidate C = new Candidate("m03", "Lê Hoàng Cường");

    private static MeetingFixture tenPresent() {
        return MeetingFixture.given().runningCellOf(10).checkedInRange(1, 10);
    }

    private static CreatePoll election(MeetingFixture f, int seats, List<Candidate> candidates) {
        return new CreatePoll("e1", "i1", "Bầu Ban Chấp hành", DecisionKind.ELECTION, BallotMode.SECRET, candidates,
                seats, List.of(), false, CHAIR, f.now());
    }

    private static List<Candidate> candidates(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Candidate("c" + i, "Ứng cử viên " + i)).toList();
    }

    /** Each ballot approves the given candidates; ballots are cast by m01, m02, … in order. */
    private static PollResult.Election run(MeetingFixture f, int seats, List<Candidate> cands, List<Set<String>> ballots) {
        f.ok(election(f, seats, cands)).opened("e1");
        for (int i = 0; i < ballots.size(); i++) f.vote("e1", MeetingFixture.id(i + 1), new Choice.Election(ballots.get(i)));
        f.when(new ClosePoll("e1", CHAIR, f.now()));
        return (PollResult.Election) f.thenSingle(PollClosed.class).result();
    }

    @Test
    @DisplayName("Regulation on elections: at most 30% more candidates than seats (7 seats: 9 candidates, not 10)")
    void candidate_surplus_limit() {
        var f = tenPresent();
        f.when(election(f, 7, candidates(9)));
        f.thenSingle(PollCreated.class);
        var g = tenPresent();
        g.when(election(g, 7, candidates(10)));
        g.thenRejectedWith(Reason.TOO_MANY_CANDIDATES);
    }

    @Test
    @DisplayName("One seat allows one candidate only (130% of 1 is 1.3)")
    void one_seat_one_candidate() {
        var f = tenPresent();
        f.when(election(f, 1, List.of(A, B)));
        f.thenRejectedWith(Reason.TOO_MANY_CANDIDATES);
        var g = tenPresent();
        g.when(election(g, 1, List.of(A)));
        g.thenSingle(PollCreated.class);
    }

    @Test
    @DisplayName("An election needs seats and candidates, without duplicates")
    void election_needs_seats_and_candidates() {
        var f = tenPresent();
        f.when(election(f, 0, List.of(A)));
        f.thenRejectedWith(Reason.INVALID_SEATS);
        f.when(election(f, 2, List.of()));
        f.thenRejectedWith(Reason.CANDIDATES_REQUIRED);
        f.when(election(f, 2, List.of(A, A)));
        f.thenRejectedWith(Reason.DUPLICATE_CANDIDATE);
    }

    @Test
    @DisplayName("A probationary member may not stand")
    void probationary_cannot_stand() {
        var f = MeetingFixture.given().scheduled().officials(1, 5)
                .member("m06", "Dự bị", Membership.PROBATIONARY, Standing.ACTIVE).roles().item("i1", "Bầu cử")
                .published().started().currentItem("i1");
        f.when(election(f, 2, List.of(A, new Candidate("m06", "Dự bị"))));
        f.thenRejectedWith(Reason.PROBATIONARY_MEMBER_CANNOT_STAND);
    }

    @Test
    @DisplayName("A candidate with more than half of the base is elected; exactly half is not")
    void per_candidate_majority() {
        var ballots = List.of(Set.of("m01", "m02"), Set.of("m01", "m02"), Set.of("m01", "m02"), Set.of("m01", "m02"),
                Set.of("m01", "m02"), Set.of("m01"), Set.<String>of(), Set.<String>of(), Set.<String>of(), Set.<String>of());
        var r = run(tenPresent(), 2, List.of(A, B), ballots);
        assertEquals(6, r.candidates().get(0).votes());
        assertTrue(r.candidates().get(0).elected());
        assertEquals(5, r.candidates().get(1).votes());
        assertFalse(r.candidates().get(1).reachedThreshold());
        assertEquals(List.of("Nguyễn Văn An"), r.elected().stream().map(PollResult.CandidateOutcome::name).toList());
    }

    private static PollResult.Election count(int seats, int base, int... votes) {
        var cands = candidates(votes.length);
        var counts = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < votes.length; i++) counts.put(cands.get(i).id(), votes[i]);
        var spec = new PollSpec("e1", "i1", "Bầu cử", DecisionKind.ELECTION, BallotMode.SECRET, cands, seats, List.of(),
                false, RuleSets.DEFAULT.id());
        return (PollResult.Election) Counting.count(spec, RuleSets.DEFAULT, new Tally(counts, base), base, base);
    }

    private static List<String> elected(PollResult.Election r) {
        return r.elected().stream().map(PollResult.CandidateOutcome::candidateId).toList();
    }

    @Test
    @DisplayName("More candidates over the threshold than seats: the most votes take the seats")
    void most_votes_win_the_seats() {
        var r = count(4, 10, 9, 8, 7, 7, 6);
        assertEquals(List.of("c1", "c2", "c3", "c4"), elected(r));
        assertFalse(r.candidates().get(4).elected());
        assertTrue(r.candidates().get(4).reachedThreshold());
        assertFalse(r.tieForLastSeat());
    }

    @Test
    @DisplayName("A tie for the last seat elects neither of the tied and asks for another round")
    void tie_for_last_seat() {
        var r = count(4, 10, 9, 8, 7, 6, 6);
        assertTrue(r.tieForLastSeat());
        assertEquals(List.of("c1", "c2", "c3"), elected(r));
    }

    @Test
    @DisplayName("A tie among candidates who all fit in the seats elects them all")
    void tie_within_the_seats_is_no_tie() {
        var r = count(4, 10, 6, 6, 6, 6, 2);
        assertEquals(4, r.elected().size());
        assertFalse(r.tieForLastSeat());
    }

    @Test
    @DisplayName("Fewer candidates over the threshold than seats leaves seats empty")
    void unfilled_seats() {
        var r = count(4, 10, 9, 5, 5, 4, 3);
        assertEquals(List.of("c1"), elected(r));
        assertTrue(r.passed());
        assertFalse(count(4, 10, 5, 5, 5, 5, 5).passed());
    }

    @Test
    @DisplayName("A ballot approving more candidates than seats, or an unknown candidate, is refused")
    void ballot_validity() {
        var f = tenPresent();
        f.ok(election(f, 4, candidates(5))).opened("e1");
        f.when(new CastVote("e1", "m04", new Choice.Election(Set.of("c1", "c2", "c3", "c4", "c5")), "b", "m04", f.now()));
        f.thenRejectedWith(Reason.TOO_MANY_APPROVED);
        f.when(new CastVote("e1", "m04", new Choice.Election(Set.of("zz")), "b", "m04", f.now()));
        f.thenRejectedWith(Reason.NOT_A_CHOICE_FOR_THIS_POLL);
        f.when(new CastVote("e1", "m04", new Choice.Election(Set.of()), "b", "m04", f.now()));
        f.thenAccepted();
    }
}
