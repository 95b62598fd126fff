package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import vn.phonghop.agenda.items.ItemStatus;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.voting.Answer;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.Candidate;
import vn.phonghop.agenda.voting.Choice;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.Poll;

/**
 * Random sequences of commands, from anyone, in any order: {@code decide} never throws, the events
 * it produces always evolve, the state they yield keeps its invariants and is decided on again,
 * and rebuilding from the log and the ballot box gives the same state.
 */
class MeetingFoldProperties {
    private static final List<String> PEOPLE = List.of("office", "m01", "m02", "m03", "m04", "m05", "g1", "x9");
    private static final List<String> ITEMS = List.of("i1", "i2", "i1.1", "t-1", "t-2.1", "nope");
    private static final List<String> POLLS = List.of("p1", "p2", "p3");

    @Provide
    Arbitrary<List<MeetingCommand>> sessions() {
        // weighted towards the chair and real ids, so sessions get deep into polls and speeches
        Arbitrary<String> person = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("m01")), net.jqwik.api.Tuple.of(2, Arbitraries.just("m02")),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(PEOPLE)));
        Arbitrary<String> item = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of("i1", "i2")), net.jqwik.api.Tuple.of(2, Arbitraries.of(ITEMS)));
        Arbitrary<String> poll = Arbitraries.of(POLLS);
        Arbitrary<Integer> small = Arbitraries.integers().between(-1, 4);
        Arbitrary<Choice> choice = Arbitraries.oneOf(
                Arbitraries.of(Answer.class).map(a -> (Choice) new Choice.Motion(a)),
                Arbitraries.subsetOf("m01", "m02", "m03").map(s -> (Choice) new Choice.Election(s)));
        Instant t = MeetingFixture.T0;
        List<Arbitrary<MeetingCommand>> commands = List.of(
                person.map(by -> new PublishMeeting(by, t)),
                person.map(by -> new StartMeeting(by, t)),
                Combinators.combine(person, person).as((p, by) -> new CheckIn(p, by, t)),
                Combinators.combine(person, person).as((p, by) -> new CheckOut(p, by, t)),
                Combinators.combine(person, person).as((p, by) -> new MarkAbsent(p, "Ốm", by, t)),
                Combinators.combine(item, person).as((i, by) -> new StartItem(i, by, t)),
                person.map(by -> new NextItem(by, t)),
                person.map(by -> new PreviousItem(by, t)),
                Combinators.combine(item, person).as((i, by) -> new SkipItem(i, by, t)),
                Combinators.combine(item, item, person).as((i, parent, by) -> new AddAgendaItem(i, parent.equals("nope") ? null : parent, "Mục " + i, 10, by, t)),
                Combinators.combine(item, small, person).as((i, n, by) -> new MoveAgendaItem(i, n, by, t)),
                Combinators.combine(item, person).as((i, by) -> new RemoveAgendaItem(i, by, t)),
                person.map(by -> new ApplyTemplate(vn.phonghop.agenda.items.AgendaTemplate.REGULAR_CELL_MEETING, "t", by, t)),
                Combinators.combine(person, Arbitraries.of(true, false), person).as((p, poo, by) -> new RequestFloor(p, poo, by, t)),
                Combinators.combine(person, person).as((p, by) -> new WithdrawRequest(p, by, t)),
                Combinators.combine(person, person).as((p, by) -> new GrantFloor(p, by, t)),
                Combinators.combine(person, small, person).as((p, n, by) -> new MoveSpeaker(p, n, by, t)),
                person.map(by -> new StopTimer(by, t)),
                person.map(by -> new StartTimer(by, t)),
                person.map(by -> new FinishSpeech(by, t)),
                Combinators.combine(item, person, person).as((i, sp, by) -> new RecordRemark("r-" + i + sp, i, sp, "Ý kiến phát biểu", by, t)),
                Combinators.combine(poll, item, Arbitraries.of(BallotMode.class), person).as((p, i, m, by) ->
                        new CreatePoll(p, i, "Biểu quyết " + p, p.equals("p3") ? DecisionKind.ELECTION : DecisionKind.ORDINARY_RESOLUTION,
                                m, List.of(new Candidate("m01", "A"), new Candidate("m03", "C")), 2, List.of(), true, by, t)),
                Combinators.combine(poll, person).as((p, by) -> new OpenPoll(p, by, t)),
                Combinators.combine(poll, person, choice).as((p, v, c) -> new CastVote(p, v, c, "ballot-" + System.identityHashCode(c), v, t)),
                Combinators.combine(poll, person).as((p, by) -> new ClosePoll(p, by, t)),
                Combinators.combine(poll, person).as((p, by) -> new ShowResult(p, by, t)),
                person.map(by -> new CloseMeeting(by, t)));
        // closing ends everything, so it is rare; voting is what most of a session is about
        var weighted = new java.util.ArrayList<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<MeetingCommand>>>();
        for (var a : commands) weighted.add(net.jqwik.api.Tuple.of(10, a));
        weighted.set(commands.size() - 1, net.jqwik.api.Tuple.of(1, commands.get(commands.size() - 1)));
        weighted.set(3, net.jqwik.api.Tuple.of(2, commands.get(3)));
        weighted.set(23, net.jqwik.api.Tuple.of(60, commands.get(23)));
        Arbitrary<MeetingCommand> command = Arbitraries.frequencyOf(weighted.toArray(net.jqwik.api.Tuple.Tuple2[]::new));
        return command.list().ofMinSize(20).ofMaxSize(150);
    }

    /** Where a generated session begins. */
    enum Start { DRAFT, RUNNING, VOTING }

    @Property(tries = 300)
    void every_decision_evolves_into_a_sound_state(@ForAll("sessions") List<MeetingCommand> commands,
                                                   @ForAll Start start, @ForAll boolean secretPoll) {
        var f = MeetingFixture.given().scheduled().officials(1, 5).guest("g1", "Khách mời")
                .ok(new AssignRole("m01", MeetingRole.CHAIR, "office", MeetingFixture.T0))
                .ok(new AssignRole("m02", MeetingRole.MINUTE_TAKER, "office", MeetingFixture.T0))
                .item("i1", "Mục một").item("i2", "Mục hai");
        if (start != Start.DRAFT) f.published().started().currentItem("i1").checkedIn("m01", "m02", "m03", "m04", "g1");
        if (start == Start.VOTING) {
            f.ok(new CreatePoll("p1", "i1", "Nghị quyết", DecisionKind.ORDINARY_RESOLUTION, secretPoll ? BallotMode.SECRET : BallotMode.SHOW_OF_HANDS, List.of(), 0, List.of(),
                    true, "m01", f.now())).opened("p1");
        }
        Instant now = f.now();
        for (MeetingCommand c : commands) {
            now = now.plusSeconds(30);
            MeetingCommand timed = Retimed.at(c, now);
            f.when(timed);
            assertNotNull(f.last());
            if (f.last() instanceof Decision.Accepted a) {
                a.events().forEach(e -> Statistics.label("events").collect(e.getClass().getSimpleName()));
            }
            invariants(f.state());
        }
        assertEquals(f.state(), Meeting.rebuild(f.log(), f.ballotBox()), "the log and the box rebuild the same state");
    }

    private static void invariants(MeetingState s) {
        assertTrue(s.polls().values().stream().filter(p -> p instanceof Poll.Open).count() <= 1, "one open poll at most");
        var current = s.agenda().currentItemId();
        if (current != null) assertEquals(ItemStatus.CURRENT, s.agenda().item(current).orElseThrow().status());
        s.agenda().items().forEach(i -> {
            if (!i.id().equals(current)) assertTrue(i.status() != ItemStatus.CURRENT, "two current items");
        });
        for (var q : s.queues().values()) {
            if (q.current() != null) assertTrue(!q.isWaiting(q.current().personId()), "speaking and waiting at once");
            assertEquals(q.waiting().size(), q.waiting().stream().map(r -> r.personId()).distinct().count());
        }
        for (var p : s.polls().values()) {
            Set<String> voted = p instanceof Poll.Open o ? o.voted() : p instanceof Poll.Closed c ? c.voted() : Set.of();
            var tally = p instanceof Poll.Open o ? o.tally() : p instanceof Poll.Closed c ? c.tally() : null;
            if (tally != null) assertEquals(voted.size(), tally.ballots(), "one ballot per member who voted");
            for (String v : voted) {
                var m = s.roster().member(v).orElseThrow();
                assertTrue(m.mayVote(), "ineligible voter counted: " + v);
            }
            if (p.spec().secret() && p instanceof Poll.Open o) assertTrue(o.openChoices().isEmpty());
        }
    }

    /** Gives a generated command the time of its place in the sequence. */
    static final class Retimed {
        static MeetingCommand at(MeetingCommand c, Instant t) {
            try {
                var rc = c.getClass().getRecordComponents();
                var args = new Object[rc.length];
                var types = new Class<?>[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                    args[i] = rc[i].getName().equals("at") ? t : rc[i].getAccessor().invoke(c);
                }
                return (MeetingCommand) c.getClass().getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
