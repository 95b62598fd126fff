package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import vn.phonghop.agenda.meeting.Decision;
import vn.phonghop.agenda.meeting.MeetingCommand.CastVote;
import vn.phonghop.agenda.meeting.MeetingCommand.ClosePoll;
import vn.phonghop.agenda.meeting.MeetingEvent.PollClosed;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.minutes.Percent;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;

/** Invariants of counting, over generated rosters, attendance and ballots. */
class VotingProperties {

    /** A generated member: standing, membership and whether they came. */
    record Person(Membership membership, Standing standing, boolean present) {
        boolean eligible() {
            return present && membership == Membership.OFFICIAL
                    && (standing == Standing.ACTIVE || standing == Standing.EXEMPT);
        }

        boolean inBase() {
            if (membership != Membership.OFFICIAL) return false;
            return standing == Standing.ACTIVE || (standing == Standing.EXEMPT && present);
        }
    }

    /** One attempt to vote: by the member at {@code index} (modulo the roster), with an answer. */
    record Attempt(int index, Answer answer) {
    }

    @Provide
    Arbitrary<List<Person>> rosters() {
        Arbitrary<Person> person = Combinators.combine(Arbitraries.of(Membership.class), Arbitraries.of(Standing.class),
                Arbitraries.of(true, false)).as(Person::new);
        return person.list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.of(Answer.class)).as(Attempt::new)
                .list().ofMaxSize(60);
    }

    private static MeetingFixture meetingOf(List<Person> people) {
        // m01 chairs and m02 takes minutes: both extra, active, present officials, so the meeting can run
        var f = MeetingFixture.given().scheduled().officials(1, 2);
        for (int i = 0; i < people.size(); i++) {
            var p = people.get(i);
            f.member("v" + i, "Đảng viên " + i, p.membership(), p.standing());
        }
        f.roles().item("i1", "Biểu quyết").published().started().currentItem("i1").checkedIn("m01", "m02");
        for (int i = 0; i < people.size(); i++) if (people.get(i).present()) f.checkedIn("v" + i);
        return f;
    }

    @Property(tries = 300)
    void a_tally_never_counts_a_member_twice_or_an_ineligible_one(@ForAll("rosters") List<Person> people,
            @ForAll("attempts") List<Attempt> attempts, @ForAll boolean secret, @ForAll boolean changeAllowed) {
        var f = meetingOf(people);
        f.ok(new vn.phonghop.agenda.meeting.MeetingCommand.CreatePoll("p1", "i1", "Nghị quyết",
                DecisionKind.ORDINARY_RESOLUTION, secret ? BallotMode.SECRET : BallotMode.SHOW_OF_HANDS,
                List.of(), 0, List.of(), changeAllowed, CHAIR, f.now())).opened("p1");
        var voted = new HashSet<Integer>();
        for (Attempt a : attempts) {
            int i = a.index() % people.size();
            String voter = "v" + i;
            f.when(new CastVote("p1", voter, new Choice.Motion(a.answer()), f.randomBallotId(), voter, f.now()));
            if (!people.get(i).eligible()) {
                assertTrue(f.last() instanceof Decision.Rejected, "ineligible voter accepted: " + people.get(i));
            } else if (voted.contains(i) && (secret || !changeAllowed)) {
                assertTrue(f.last() instanceof Decision.Rejected, "second vote accepted");
            } else {
                assertTrue(f.last().accepted(), () -> "eligible vote refused: " + f.last());
                voted.add(i);
            }
        }
        f.when(new ClosePoll("p1", CHAIR, f.now()));
        var closed = f.thenSingle(PollClosed.class);
        assertEquals(voted.size(), closed.tally().ballots());
        int sum = closed.tally().counts().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(closed.tally().ballots(), sum, "each ballot adds exactly one answer");
        long eligible = people.stream().filter(Person::eligible).count();
        assertTrue(closed.tally().ballots() <= eligible);
    }

    @Property(tries = 300)
    void the_outcome_is_the_integer_inequality_against_the_base(@ForAll("rosters") List<Person> people,
            @ForAll @IntRange(min = 0, max = 30) int yesWanted, @ForAll boolean twoThirds) {
        var f = meetingOf(people);
        var kind = twoThirds ? DecisionKind.EXPULSION : DecisionKind.ORDINARY_RESOLUTION;
        f.poll("p1", kind, BallotMode.SECRET).opened("p1");
        int yes = 0;
        var voters = new ArrayList<String>(List.of("m01", "m02"));
        for (int i = 0; i < people.size(); i++) if (people.get(i).eligible()) voters.add("v" + i);
        for (String v : voters) {
            if (yes < yesWanted) {
                f.vote("p1", v, MeetingFixture.yes());
                yes++;
            } else {
                f.vote("p1", v, MeetingFixture.no());
            }
        }
        f.when(new ClosePoll("p1", CHAIR, f.now()));
        var result = (PollResult.Motion) f.thenSingle(PollClosed.class).result();
        int base = 2 + (int) people.stream().filter(Person::inBase).count();
        assertEquals(base, result.majorityBase());
        assertEquals(yes, result.forVotes());
        boolean expected = twoThirds ? 3L * yes >= 2L * base : 2L * yes > base;
        assertEquals(expected, result.passed());
    }

    @Property(tries = 500)
    void discipline_decides_the_harshest_form_whose_cumulative_votes_reach_its_threshold(
            @ForAll @Size(4) List<@IntRange(min = 0, max = 20) Integer> votes, @ForAll @IntRange(min = 0, max = 20) int none,
            @ForAll @IntRange(min = 1, max = 80) int base) {
        var counts = new java.util.TreeMap<String, Integer>();
        var byForm = new EnumMap<DisciplineForm, Integer>(DisciplineForm.class);
        for (var form : DisciplineForm.values()) {
            byForm.put(form, votes.get(form.ordinal()));
            counts.put(form.name(), votes.get(form.ordinal()));
        }
        counts.put(Choice.Discipline.NONE, none);
        var spec = new PollSpec("d", "i1", "Kỷ luật", DecisionKind.DISCIPLINE, BallotMode.SECRET, List.of(), 0,
                List.of(DisciplineForm.values()), false, RuleSets.DEFAULT.id());
        int ballots = counts.values().stream().mapToInt(Integer::intValue).sum();
        var result = (PollResult.Discipline) Counting.count(spec, RuleSets.DEFAULT, new Tally(counts, ballots), base, base);
        // reference: the harshest f with Σ_{g ≥ f} votes(g) reaching f's threshold
        DisciplineForm expected = null;
        for (var f : DisciplineForm.values()) {
            int atLeastAsHarsh = 0;
            for (Map.Entry<DisciplineForm, Integer> e : byForm.entrySet()) if (e.getKey().compareTo(f) >= 0) atLeastAsHarsh += e.getValue();
            var t = RuleSets.DEFAULT.disciplineThresholds().get(f);
            boolean reached = t.inclusive() ? (long) atLeastAsHarsh * t.denominator() >= (long) t.numerator() * base
                    : (long) atLeastAsHarsh * t.denominator() > (long) t.numerator() * base;
            if (reached && atLeastAsHarsh > 0) expected = f;
        }
        assertEquals(expected, result.decided());
    }

    @Property
    void a_threshold_once_reached_stays_reached_with_more_votes(@ForAll @IntRange(min = 0, max = 2000) int votes,
            @ForAll @IntRange(min = 1, max = 2000) int base) {
        for (var t : List.of(Threshold.MORE_THAN_HALF_OF_BASE, Threshold.AT_LEAST_TWO_THIRDS_OF_BASE)) {
            if (t.reachedBy(votes, base)) assertTrue(t.reachedBy(votes + 1, base));
        }
    }

    @Property
    void a_percentage_is_within_half_a_hundredth_of_a_percent(@ForAll @IntRange(min = 0, max = 2000) int part,
            @ForAll @IntRange(min = 1, max = 2000) int whole) {
        long h = Percent.of(part, whole).hundredths();
        long exactTimesWhole = part * 10_000L;
        assertTrue(Math.abs(h * whole - exactTimesWhole) * 2 <= whole, () -> h + " for " + part + "/" + whole);
    }
}
