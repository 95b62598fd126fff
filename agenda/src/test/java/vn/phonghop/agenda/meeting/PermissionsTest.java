package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.CommandSamples.DELEGATE;
import static vn.phonghop.agenda.meeting.CommandSamples.GUEST;
import static vn.phonghop.agenda.meeting.CommandSamples.OTHER;
import static vn.phonghop.agenda.meeting.CommandSamples.STRANGER;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;
import static vn.phonghop.agenda.meeting.MeetingFixture.MINUTE_TAKER;
import static vn.phonghop.agenda.meeting.MeetingFixture.T0;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.MeetingRole;

@DisplayName("Who may send which command")
class PermissionsTest {

    /** Who sends, by the role they hold in the sample meeting. */
    enum Actor {
        CONVENOR_(CONVENOR), CHAIR_(CHAIR), MINUTE_TAKER_(MINUTE_TAKER), DELEGATE_(DELEGATE), GUEST_(GUEST),
        STRANGER_(STRANGER);

        final String id;

        Actor(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return name().replace("_", "").toLowerCase();
        }
    }

    enum Needs { PREPARE, RUN, SELF_SERVICE, OWN_BALLOT, ANYONE }

    /** The matrix, written out here rather than read from Permissions so that a change to it shows. */
    static final Map<Class<?>, Needs> MATRIX = Map.ofEntries(
            Map.entry(ScheduleMeeting.class, Needs.ANYONE),
            Map.entry(RegisterMember.class, Needs.PREPARE), Map.entry(RegisterMembers.class, Needs.PREPARE), Map.entry(ChangeStanding.class, Needs.PREPARE),
            Map.entry(RemoveMember.class, Needs.PREPARE), Map.entry(InviteGuest.class, Needs.PREPARE),
            Map.entry(AssignRole.class, Needs.PREPARE), Map.entry(SetQuorumRule.class, Needs.PREPARE),
            Map.entry(AddAgendaItem.class, Needs.PREPARE), Map.entry(ApplyTemplate.class, Needs.PREPARE),
            Map.entry(EditAgendaItem.class, Needs.PREPARE), Map.entry(RemoveAgendaItem.class, Needs.PREPARE),
            Map.entry(MoveAgendaItem.class, Needs.PREPARE), Map.entry(AttachDocument.class, Needs.PREPARE),
            Map.entry(DetachDocument.class, Needs.PREPARE), Map.entry(PublishMeeting.class, Needs.PREPARE),
            Map.entry(ArchiveMeeting.class, Needs.PREPARE),
            Map.entry(StartMeeting.class, Needs.RUN), Map.entry(MarkAbsent.class, Needs.RUN),
            Map.entry(StartItem.class, Needs.RUN), Map.entry(NextItem.class, Needs.RUN),
            Map.entry(PreviousItem.class, Needs.RUN), Map.entry(SkipItem.class, Needs.RUN), Map.entry(PresentDocument.class, Needs.RUN),
            Map.entry(StopPresenting.class, Needs.RUN),
            Map.entry(SetSpeakingLimit.class, Needs.PREPARE), Map.entry(GrantFloor.class, Needs.RUN),
            Map.entry(SkipSpeaker.class, Needs.RUN), Map.entry(MoveSpeaker.class, Needs.RUN),
            Map.entry(StartTimer.class, Needs.RUN), Map.entry(StopTimer.class, Needs.RUN),
            Map.entry(ExtendTime.class, Needs.RUN), Map.entry(FinishSpeech.class, Needs.RUN),
            Map.entry(RecordRemark.class, Needs.RUN), Map.entry(CorrectRemark.class, Needs.RUN),
            Map.entry(RecordConclusion.class, Needs.RUN), Map.entry(CreatePoll.class, Needs.RUN),
            Map.entry(OpenPoll.class, Needs.RUN), Map.entry(ClosePoll.class, Needs.RUN),
            Map.entry(ShowResult.class, Needs.RUN), Map.entry(CloseMeeting.class, Needs.RUN),
            Map.entry(CheckIn.class, Needs.SELF_SERVICE), Map.entry(CheckOut.class, Needs.SELF_SERVICE),
            Map.entry(RequestFloor.class, Needs.SELF_SERVICE), Map.entry(WithdrawRequest.class, Needs.SELF_SERVICE),
            Map.entry(CastVote.class, Needs.OWN_BALLOT));

    private static MeetingState running;

    @BeforeAll
    static void meeting() {
        running = CommandSamples.runningMeeting().state();
    }

    private static boolean expectedAllowed(Needs needs, Actor a) {
        return switch (needs) {
            case ANYONE -> true;
            case PREPARE -> a == Actor.CONVENOR_ || a == Actor.CHAIR_ || a == Actor.MINUTE_TAKER_;
            // the samples are about someone else (m04): only the console may act for them
            case RUN, SELF_SERVICE -> a == Actor.CHAIR_ || a == Actor.MINUTE_TAKER_;
            case OWN_BALLOT -> false;
        };
    }

    static Stream<Arguments> matrix() {
        var out = new ArrayList<Arguments>();
        for (var type : CommandSamples.types()) {
            if (type == ScheduleMeeting.class) continue;
            for (var a : Actor.values()) {
                Needs needs = MATRIX.get(type);
                out.add(Arguments.of(type.getSimpleName(), a, type, expectedAllowed(needs, a)));
            }
        }
        return out.stream();
    }

    @Test
    @DisplayName("The matrix names every command: a new one needs a decision on who may send it")
    void matrix_covers_every_command() {
        assertEquals(new HashSet<>(CommandSamples.types()), MATRIX.keySet());
    }

    @ParameterizedTest(name = "{0} by the {1} → allowed: {3}")
    @MethodSource("matrix")
    @DisplayName("Each role is allowed exactly the commands of its column; others are refused NOT_PERMITTED")
    void authorisation_matrix(String name, Actor actor, Class<?> type, boolean allowed) {
        var c = CommandSamples.of(type, actor.id, OTHER, T0);
        assertEquals(allowed, Permissions.allows(running, c));
        var d = Meeting.decide(running, c);
        if (allowed) {
            if (d instanceof Decision.Rejected r) {
                assertTrue(r.rejection().reason() != Reason.NOT_PERMITTED
                        && r.rejection().reason() != Reason.NOT_YOUR_BALLOT, r::toString);
            }
        } else {
            var expected = type == CastVote.class ? Reason.NOT_YOUR_BALLOT : Reason.NOT_PERMITTED;
            assertEquals(expected, assertInstanceOf(Decision.Rejected.class, d).rejection().reason());
        }
    }

    static Stream<Arguments> selfService() {
        var out = new ArrayList<Arguments>();
        for (var type : List.of(CheckIn.class, CheckOut.class, RequestFloor.class, WithdrawRequest.class)) {
            for (var a : List.of(Actor.DELEGATE_, Actor.GUEST_, Actor.CHAIR_, Actor.MINUTE_TAKER_, Actor.STRANGER_)) {
                out.add(Arguments.of(type.getSimpleName(), a, type));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} by the {1} for themself")
    @MethodSource("selfService")
    @DisplayName("Anyone may check in or out, ask for the floor and withdraw for themself")
    void self_service_for_oneself(String name, Actor actor, Class<?> type) {
        var c = CommandSamples.of(type, actor.id, actor.id, T0);
        assertTrue(Permissions.allows(running, c));
        if (Meeting.decide(running, c) instanceof Decision.Rejected r) {
            assertNotEquals(Reason.NOT_PERMITTED, r.rejection().reason());
        }
    }

    @Test
    @DisplayName("A stranger acting for themself passes the permission check but is unknown to the meeting")
    void stranger_checking_in_is_unknown() {
        var d = Meeting.decide(running, new CheckIn(STRANGER, STRANGER, T0));
        assertEquals(Reason.UNKNOWN_PERSON, assertInstanceOf(Decision.Rejected.class, d).rejection().reason());
    }

    @Test
    @DisplayName("The chair checks a member in on their behalf; a delegate cannot")
    void console_checks_in_for_another_but_delegate_cannot() {
        var f = MeetingFixture.given().runningCellOf(5);
        f.when(new CheckIn("m04", DELEGATE, f.now())).thenRejectedWith(Reason.NOT_PERMITTED);
        f.when(new CheckIn("m04", CHAIR, f.now())).thenSingle(MeetingEvent.CheckedIn.class);
        f.when(new RequestFloor("m04", false, DELEGATE, f.now())).thenRejectedWith(Reason.NOT_PERMITTED);
        f.when(new RequestFloor("m04", false, MINUTE_TAKER, f.now())).thenSingle(MeetingEvent.FloorRequested.class);
    }

    @Test
    @DisplayName("A member casts their own ballot")
    void voter_casts_own_ballot() {
        var c = CommandSamples.of(CastVote.class, DELEGATE, DELEGATE, T0);
        assertTrue(Permissions.allows(running, c));
        assertInstanceOf(Decision.Accepted.class, Meeting.decide(running, c));
    }

    @Test
    @DisplayName("Nobody votes for another member, not even the chair: NOT_YOUR_BALLOT")
    void chair_cannot_vote_for_another() {
        for (String by : List.of(CHAIR, MINUTE_TAKER, CONVENOR)) {
            var d = Meeting.decide(running, CommandSamples.of(CastVote.class, by, DELEGATE, T0));
            assertEquals(Reason.NOT_YOUR_BALLOT, assertInstanceOf(Decision.Rejected.class, d).rejection().reason());
        }
    }

    @Test
    @DisplayName("A ballot without a voter is nobody's ballot")
    void ballot_without_voter_is_refused() {
        var d = Meeting.decide(running, CommandSamples.of(CastVote.class, DELEGATE, null, T0));
        assertEquals(Reason.NOT_YOUR_BALLOT, assertInstanceOf(Decision.Rejected.class, d).rejection().reason());
    }

    @Test
    @DisplayName("Anyone may schedule a meeting and becomes its convenor")
    void anyone_schedules() {
        var f = MeetingFixture.given().when(CommandSamples.of(ScheduleMeeting.class, STRANGER, STRANGER, T0));
        f.thenSingle(MeetingEvent.MeetingScheduled.class);
        assertEquals(Set.of(MeetingRole.CONVENOR), f.state().roster().rolesOf(STRANGER));
    }

    @Test
    @DisplayName("The roles a console command needs: preparing for convenor, chair and minute-taker; running for chair and minute-taker")
    void required_roles() {
        assertEquals(Set.of(MeetingRole.CONVENOR, MeetingRole.CHAIR, MeetingRole.MINUTE_TAKER),
                Permissions.required(new AddAgendaItem("i", null, "t", 1, CONVENOR, T0)));
        assertEquals(Set.of(MeetingRole.CHAIR, MeetingRole.MINUTE_TAKER), Permissions.required(new NextItem(CHAIR, T0)));
    }
}
