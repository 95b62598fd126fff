package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.voting.DisciplineForm.EXPULSION;
import static vn.phonghop.agenda.voting.DisciplineForm.REMOVAL_FROM_POST;
import static vn.phonghop.agenda.voting.DisciplineForm.REPRIMAND;
import static vn.phonghop.agenda.voting.DisciplineForm.WARNING;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.CastVote;
import vn.phonghop.agenda.meeting.MeetingCommand.ClosePoll;
import vn.phonghop.agenda.meeting.MeetingEvent.PollClosed;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/**
 * Discipline is voted on one secret ballot; if the proposed form fails, votes for harsher forms
 * are added to the next milder form until one reaches its threshold (expulsion: two thirds of
 * the base; the others: more than half).
 */
class DisciplineTest {

    private static PollResult.Discipline count(int base, List<DisciplineForm> forms, Map<String, Integer> votes) {
        var spec = new PollSpec("d1", "i1", "Kỷ luật", DecisionKind.DISCIPLINE, BallotMode.SECRET, List.of(), 0, forms,
                false, RuleSets.DEFAULT.id());
        int ballots = votes.values().stream().mapToInt(Integer::intValue).sum();
        return (PollResult.Discipline) Counting.count(spec, RuleSets.DEFAULT, new Tally(votes, ballots), base, base);
    }

    private static final List<DisciplineForm> ALL = List.of(REPRIMAND, WARNING, REMOVAL_FROM_POST, EXPULSION);

    @Test
    @DisplayName("Expulsion proposed, 6 of base 15 fail the two-thirds; with 2 for removal the cumulative 8 > 7.5 decides removal")
    void harsher_votes_count_toward_milder_form() {
        var r = count(15, ALL, Map.of("EXPULSION", 6, "REMOVAL_FROM_POST", 2, "WARNING", 3, "REPRIMAND", 2, "NONE", 2));
        assertEquals(REMOVAL_FROM_POST, r.decided());
        var expulsion = r.forms().get(0);
        assertEquals(EXPULSION, expulsion.form());
        assertFalse(expulsion.reached());
        assertEquals(8, r.forms().get(1).cumulativeVotes());
    }

    @Test
    @DisplayName("Expulsion is decided with at least two thirds of the base: 10 of 15")
    void expulsion_at_two_thirds() {
        var r = count(15, ALL, Map.of("EXPULSION", 10, "NONE", 5));
        assertEquals(EXPULSION, r.decided());
        var r9 = count(15, ALL, Map.of("EXPULSION", 9, "NONE", 6));
        assertEquals(REMOVAL_FROM_POST, r9.decided(), "9 for expulsion still count for removal: 9 > 7.5");
    }

    @Test
    @DisplayName("Votes spread so that only the mildest form gathers a majority decide a reprimand")
    void falls_through_to_reprimand() {
        var r = count(15, ALL, Map.of("EXPULSION", 2, "REMOVAL_FROM_POST", 2, "WARNING", 3, "REPRIMAND", 1, "NONE", 7));
        assertEquals(REPRIMAND, r.decided(), "2+2+3+1 = 8 > 7.5 only at reprimand");
        assertEquals(7, r.noDiscipline());
    }

    @Test
    @DisplayName("When no form reaches its threshold, no discipline is decided")
    void nothing_decided() {
        var r = count(15, ALL, Map.of("WARNING", 4, "REPRIMAND", 3, "NONE", 8));
        assertNull(r.decided());
        assertFalse(r.passed());
    }

    @Test
    @DisplayName("Only the offered forms are considered, from the harshest offered down")
    void only_offered_forms() {
        var r = count(10, List.of(WARNING, REPRIMAND), Map.of("WARNING", 4, "REPRIMAND", 2, "NONE", 4));
        assertEquals(List.of(WARNING, REPRIMAND), r.forms().stream().map(PollResult.FormOutcome::form).toList());
        assertEquals(REPRIMAND, r.decided(), "4 + 2 = 6 > 5");
    }

    @Test
    @DisplayName("Through the meeting: a discipline poll is secret, needs forms, and takes only offered forms")
    void through_the_meeting() {
        var f = MeetingFixture.given().runningCellOf(6).checkedInRange(1, 6);
        f.when(new vn.phonghop.agenda.meeting.MeetingCommand.CreatePoll("d0", "i1", "Kỷ luật", DecisionKind.DISCIPLINE,
                null, List.of(), 0, List.of(), false, CHAIR, f.now()));
        f.thenRejectedWith(Reason.FORMS_REQUIRED);
        f.discipline("d1", REPRIMAND, WARNING).opened("d1");
        f.when(new CastVote("d1", "m01", new Choice.Discipline(EXPULSION), "b1", "m01", f.now()));
        f.thenRejectedWith(Reason.NOT_A_CHOICE_FOR_THIS_POLL);
        f.vote("d1", "m01", new Choice.Discipline(WARNING)).vote("d1", "m02", new Choice.Discipline(WARNING))
                .vote("d1", "m03", new Choice.Discipline(REPRIMAND)).vote("d1", "m04", new Choice.Discipline(REPRIMAND))
                .vote("d1", "m05", new Choice.Discipline(null)).vote("d1", "m06", new Choice.Discipline(null));
        f.when(new ClosePoll("d1", CHAIR, f.now()));
        var r = (PollResult.Discipline) f.thenSingle(PollClosed.class).result();
        assertEquals(REPRIMAND, r.decided(), "2 warning + 2 reprimand = 4 > 3");
        assertTrue(r.passed());
        assertEquals(2, r.noDiscipline());
    }

    @Test
    @DisplayName("Forms are ordered from the mildest to the harshest")
    void form_order() {
        assertTrue(EXPULSION.harsherThan(REMOVAL_FROM_POST));
        assertTrue(REMOVAL_FROM_POST.harsherThan(WARNING));
        assertTrue(WARNING.harsherThan(REPRIMAND));
        assertFalse(REPRIMAND.harsherThan(REPRIMAND));
    }
}
