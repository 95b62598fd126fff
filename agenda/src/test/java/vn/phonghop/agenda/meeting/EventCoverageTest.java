package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.phonghop.agenda.attendance.QuorumRule;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.BallotMode;
import vn.phonghop.agenda.voting.DecisionKind;
import vn.phonghop.agenda.voting.PollResult;
import vn.phonghop.agenda.voting.PollSpec;
import vn.phonghop.agenda.voting.Tally;
import vn.phonghop.agenda.voting.Threshold;

@DisplayName("Every event is evolved and every command decided: nothing falls through to 'unhandled'")
class EventCoverageTest {
    private static final MeetingFixture RICH = CommandSamples.runningMeeting();
    private static final Instant AT = RICH.now();

    static Stream<Arguments> events() {
        return Arrays.stream(MeetingEvent.class.getPermittedSubclasses()).map(c -> Arguments.of(c.getSimpleName(), c));
    }

    static Stream<Arguments> commands() {
        return CommandSamples.types().stream().map(c -> Arguments.of(c.getSimpleName(), c));
    }

    /** A representative event of {@code type} that fits {@link CommandSamples#runningMeeting()}. */
    static MeetingEvent sample(Class<?> type) {
        var motion = new PollResult.Motion(Threshold.MORE_THAN_HALF_OF_BASE, 5, 5, 0, 0, 0, 0, false);
        if (type == MeetingScheduled.class) {
            return new MeetingScheduled("mt-9", MeetingFixture.CELL, MeetingKind.REGULAR_CELL_MEETING, "Họp", "", "",
                    "Asia/Ho_Chi_Minh", AT, "294-QĐ/TW", CONVENOR, AT);
        }
        if (type == MemberRegistered.class) {
            return new MemberRegistered(new Member("m09", "Đảng viên mới", Membership.OFFICIAL, Standing.ACTIVE), AT);
        }
        if (type == MemberStandingChanged.class) {
            return new MemberStandingChanged("m05", Membership.OFFICIAL, Standing.SUSPENDED, AT);
        }
        if (type == MemberRemoved.class) return new MemberRemoved("m05", AT);
        if (type == GuestInvited.class) return new GuestInvited(new Guest("g9", "Khách", ""), AT);
        if (type == RoleAssigned.class) return new RoleAssigned("m05", MeetingRole.MINUTE_TAKER, AT);
        if (type == QuorumRuleSet.class) return new QuorumRuleSet(QuorumRule.CONFIDENCE_VOTE, AT);
        if (type == AgendaItemAdded.class) return new AgendaItemAdded("i9", null, "Mục mới", 5, AT);
        if (type == AgendaItemEdited.class) return new AgendaItemEdited("i2", "Mục sửa", 25, AT);
        if (type == AgendaItemRemoved.class) return new AgendaItemRemoved("i2", AT);
        if (type == AgendaItemMoved.class) return new AgendaItemMoved("i2", 0, AT);
        if (type == DocumentAttached.class) return new DocumentAttached("i2", CommandSamples.document("d2"), AT);
        if (type == DocumentDetached.class) return new DocumentDetached("i1", "d1", AT);
        if (type == MeetingPublished.class) return new MeetingPublished(AT);
        if (type == MeetingStarted.class) return new MeetingStarted(AT);
        if (type == CheckedIn.class) return new CheckedIn("g9", true, AT);
        if (type == CheckedOut.class) return new CheckedOut("m04", AT);
        if (type == MarkedAbsent.class) return new MarkedAbsent("m09", "Ốm", AT);
        if (type == CurrentItemChanged.class) return new CurrentItemChanged("i1", "i2", AT);
        if (type == ItemSkipped.class) return new ItemSkipped("i2", AT);
        if (type == DocumentPresented.class) return new DocumentPresented("i1", "d1", 1, AT);
        if (type == PresentationStopped.class) return new PresentationStopped(AT);
        if (type == SpeakingLimitSet.class) return new SpeakingLimitSet("i1", 120, AT);
        if (type == FloorRequested.class) return new FloorRequested("i1", "m04", true, AT);
        if (type == FloorRequestWithdrawn.class) return new FloorRequestWithdrawn("i1", "m05", AT);
        if (type == FloorGranted.class) return new FloorGranted("i1", "m05", 300, AT);
        if (type == SpeakerSkipped.class) return new SpeakerSkipped("i1", "m05", AT);
        if (type == SpeakerMoved.class) return new SpeakerMoved("i1", "m05", 1, AT);
        if (type == SpeakingTimerStarted.class) return new SpeakingTimerStarted("i1", AT.plusSeconds(30));
        if (type == SpeakingTimerStopped.class) return new SpeakingTimerStopped("i1", AT.plusSeconds(30));
        if (type == SpeakingTimeExtended.class) return new SpeakingTimeExtended("i1", 60, AT);
        if (type == SpeechFinished.class) return new SpeechFinished("i1", "m03", 90, AT);
        if (type == RemarkRecorded.class) return new RemarkRecorded("r9", "i1", "m04", "Ý kiến", "m02", AT);
        if (type == RemarkCorrected.class) return new RemarkCorrected("r1", "Đã sửa", "ghi nhầm", "m02", AT);
        if (type == ConclusionRecorded.class) return new ConclusionRecorded("i1", "Kết luận", "m02", AT);
        if (type == PollCreated.class) {
            return new PollCreated(new PollSpec("p9", "i1", "Câu hỏi", DecisionKind.CONCLUSION, BallotMode.SHOW_OF_HANDS,
                    List.of(), 0, List.of(), false, "294-QĐ/TW"), AT);
        }
        if (type == PollOpened.class) return new PollOpened("p-draft", AT);
        if (type == VoteCast.class) return new VoteCast("p-open", "m01", MeetingFixture.yes(), AT);
        if (type == VoterMarked.class) return new VoterMarked("p-open", "m02", AT);
        if (type == PollClosed.class) return new PollClosed("p-open", Tally.EMPTY, motion, AT);
        if (type == PollResultShown.class) return new PollResultShown("p-closed", AT);
        if (type == MeetingClosed.class) return new MeetingClosed(AT);
        if (type == MeetingArchived.class) return new MeetingArchived(AT);
        return fail("no sample for " + type.getSimpleName() + ": add one to EventCoverageTest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    @DisplayName("Each event type is evolved, and changes the state")
    void every_event_is_evolved(String name, Class<?> type) {
        var before = type == MeetingScheduled.class ? MeetingState.NONE
                // stopping a presentation needs one under way
                : type == PresentationStopped.class ? Meeting.evolve(RICH.state(), new DocumentPresented("i1", "d1", 1, AT))
                : RICH.state();
        var e = sample(type);
        var after = assertDoesNotThrow(() -> Meeting.evolve(before, e));
        assertNotNull(after);
        assertNotEquals(before, after, "evolving " + e + " left the state as it was");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    @DisplayName("Each command type is decided on a running meeting, and what it decides can be applied")
    void every_command_is_decided(String name, Class<?> type) {
        var s = RICH.state();
        var c = CommandSamples.of(type, CHAIR, type == MeetingCommand.CastVote.class ? CHAIR : "m04", AT);
        Decision d = assertDoesNotThrow(() -> Meeting.decide(s, c));
        assertNotNull(d);
        if (d instanceof Decision.Accepted a) assertDoesNotThrow(() -> Meeting.apply(s, a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    @DisplayName("Each command type is decided, without throwing, in every phase of a meeting")
    void every_command_is_decided_in_every_phase(String name, Class<?> type) {
        var draft = MeetingFixture.given().scheduled().officials(1, 5).roles().item("i1", "Nội dung");
        var published = MeetingFixture.given().scheduled().officials(1, 5).roles().item("i1", "Nội dung").published();
        var startedNoItem = MeetingFixture.given().scheduled().officials(1, 5).roles().item("i1", "Nội dung")
                .published().started();
        for (var s : List.of(MeetingState.NONE, draft.state(), published.state(), startedNoItem.state())) {
            var c = CommandSamples.of(type, CHAIR, CHAIR, AT);
            assertDoesNotThrow(() -> Meeting.decide(s, c), () -> "in phase " + s.phase());
        }
    }

    @Test
    @DisplayName("The rich meeting used here has what the samples refer to")
    void rich_meeting_has_what_samples_need() {
        var s = RICH.state();
        assertEquals("i1", s.agenda().currentItemId());
        assertEquals("m03", s.queue("i1").current().personId());
        assertEquals(List.of("m05", "g1"), s.queue("i1").waiting().stream().map(r -> r.personId()).toList());
        assertEquals(3, s.polls().size());
    }

    @Test
    @DisplayName("An event type nobody handles would fail loudly: the dispatch ends in an exception")
    void unknown_event_types_cannot_exist() {
        // both vocabularies are sealed, so the walks above see every type there is
        assertEquals(true, MeetingEvent.class.isSealed());
        assertEquals(true, MeetingCommand.class.isSealed());
        var e = assertThrows(IllegalStateException.class, () -> Meeting.evolve(RICH.state(), null));
        assertTrue(e.getMessage().startsWith("unhandled"), e.getMessage());
    }
}
