package vn.phonghop.agenda.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.MINUTE_TAKER;
import static vn.phonghop.agenda.meeting.MeetingFixture.T0;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

@DisplayName("The speaker queue of the current item and the speaking timer")
class SpeakerQueueTest {
    private static final Instant T = T0.plusSeconds(86_400 * 3);

    /** Five officials, i1 current, m03…m05 and guest g1 in the room. */
    private static MeetingFixture room() {
        return MeetingFixture.given().scheduled().officials(1, 5).guest("g1", "Đỗ Minh Tuấn").roles()
                .item("i1", "Thảo luận nghị quyết").item("i2", "Phương hướng tháng tới").published().started()
                .checkedIn("m03", "m04", "m05", "g1").currentItem("i1");
    }

    private static MeetingFixture ask(MeetingFixture f, String who, boolean pointOfOrder) {
        return f.ok(new RequestFloor(who, pointOfOrder, who, f.now()));
    }

    private static List<String> waiting(MeetingFixture f) {
        return f.state().currentQueue().orElseThrow().waiting().stream().map(FloorRequest::personId).toList();
    }

    private static Speech speech(MeetingFixture f) {
        return f.state().currentQueue().orElseThrow().current();
    }

    // ---- asking for the floor -------------------------------------------------------------------------

    @Test
    @DisplayName("A member in the room asks for the floor and is first in the queue")
    void requests_floor() {
        var f = room();
        f.when(new RequestFloor("m03", false, "m03", f.now()));
        assertEquals(new FloorRequested("i1", "m03", false, f.now()), f.thenSingle(FloorRequested.class));
        assertEquals(Optional.of(1), f.state().queue("i1").placeOf("m03"));
    }

    @Test
    @DisplayName("A guest may ask for the floor too")
    void guest_requests_floor() {
        var f = room();
        f.when(new RequestFloor("g1", false, "g1", f.now())).thenSingle(FloorRequested.class);
    }

    @Test
    @DisplayName("Only someone checked in may ask for the floor")
    void rejects_request_from_someone_not_in_the_room() {
        var f = room();
        f.when(new RequestFloor("m02", false, "m02", f.now())).thenRejectedWith(Reason.NOT_CHECKED_IN);
        f.ok(new CheckOut("m03", "m03", f.now()));
        f.when(new RequestFloor("m03", false, "m03", f.now())).thenRejectedWith(Reason.NOT_CHECKED_IN);
    }

    @Test
    @DisplayName("Someone not on the roster cannot ask for the floor")
    void rejects_request_of_unknown_person() {
        room().when(new RequestFloor("m99", false, CHAIR, T)).thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    @Test
    @DisplayName("Nobody asks twice, nor while speaking")
    void rejects_second_request() {
        var f = ask(room(), "m03", false);
        f.when(new RequestFloor("m03", true, "m03", f.now())).thenRejectedWith(Reason.ALREADY_IN_QUEUE);
        f.ok(new GrantFloor("m03", CHAIR, f.now()));
        f.when(new RequestFloor("m03", false, "m03", f.now())).thenRejectedWith(Reason.ALREADY_SPEAKING);
    }

    static Stream<Arguments> queueCommands() {
        List<Function<Instant, MeetingCommand>> cs = List.of(
                at -> new RequestFloor("m03", false, "m03", at), at -> new WithdrawRequest("m03", "m03", at),
                at -> new GrantFloor("m03", CHAIR, at), at -> new SkipSpeaker("m03", CHAIR, at),
                at -> new MoveSpeaker("m03", 0, CHAIR, at), at -> new StartTimer(CHAIR, at),
                at -> new StopTimer(CHAIR, at), at -> new ExtendTime(30, CHAIR, at), at -> new FinishSpeech(CHAIR, at));
        return cs.stream().map(c -> Arguments.of(c.apply(T).getClass().getSimpleName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queueCommands")
    @DisplayName("Before the first item is under way there is no queue: NO_CURRENT_ITEM")
    void no_queue_without_current_item(String name, Function<Instant, MeetingCommand> command) {
        var f = MeetingFixture.given().scheduled().officials(1, 5).roles().item("i1", "Nội dung").published().started()
                .checkedIn("m03");
        f.when(command.apply(f.now())).thenRejectedWith(Reason.NO_CURRENT_ITEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queueCommands")
    @DisplayName("After the last item has been left there is no queue either")
    void no_queue_after_last_item(String name, Function<Instant, MeetingCommand> command) {
        var f = room().currentItem("i2").ok(new SkipItem("i2", CHAIR, T0));
        f.when(command.apply(f.now())).thenRejectedWith(Reason.NO_CURRENT_ITEM);
    }

    @Test
    @DisplayName("A request is withdrawn; withdrawing without one is refused")
    void withdraws_request() {
        var f = ask(ask(room(), "m03", false), "m04", false);
        f.when(new WithdrawRequest("m03", "m03", f.now())).thenSingle(FloorRequestWithdrawn.class);
        assertEquals(List.of("m04"), waiting(f));
        assertEquals(Optional.of(1), f.state().queue("i1").placeOf("m04"));
        f.when(new WithdrawRequest("m03", "m03", f.now())).thenRejectedWith(Reason.NOT_IN_QUEUE);
    }

    @Test
    @DisplayName("A point of order jumps ahead of ordinary requests but stays behind earlier points of order")
    void point_of_order_order() {
        var f = room();
        ask(f, "m03", false);
        ask(f, "m04", false);
        ask(f, "m05", true);
        assertEquals(List.of("m05", "m03", "m04"), waiting(f));
        ask(f, "g1", true);
        assertEquals(List.of("m05", "g1", "m03", "m04"), waiting(f));
        assertEquals(Optional.of(2), f.state().queue("i1").placeOf("g1"));
        assertEquals(Optional.of(4), f.state().queue("i1").placeOf("m04"));
        assertEquals(Optional.empty(), f.state().queue("i1").placeOf("m01"));
    }

    @Test
    @DisplayName("Each item has its own queue")
    void queues_are_per_item() {
        var f = ask(room(), "m03", false).currentItem("i2");
        assertEquals(List.of(), waiting(f));
        f.currentItem("i1");
        assertEquals(List.of("m03"), waiting(f));
    }

    // ---- granting, skipping, moving -----------------------------------------------------------------------

    @Test
    @DisplayName("Granting the floor takes the speaker out of the queue and starts the timer with the item's limit")
    void grants_floor_with_item_limit() {
        var f = room().ok(new SetSpeakingLimit("i1", 120, CHAIR, T0));
        ask(ask(f, "m03", false), "m04", false);
        f.when(new GrantFloor("m03", CHAIR, T));
        assertEquals(new FloorGranted("i1", "m03", 120, T), f.thenSingle(FloorGranted.class));
        assertEquals(List.of("m04"), waiting(f));
        var s = speech(f);
        assertEquals("m03", s.personId());
        assertTrue(s.running());
        assertEquals(T, s.grantedAt());
        assertEquals(120, s.remainingAt(T));
        assertEquals(20, s.remainingAt(T.plusSeconds(100)));
    }

    @Test
    @DisplayName("Without a limit set, an item gives five minutes")
    void default_limit_is_five_minutes() {
        var f = room();
        f.when(new GrantFloor("m03", CHAIR, T));
        assertEquals(300, f.thenSingle(FloorGranted.class).limitSeconds());
    }

    @Test
    @DisplayName("Granting the floor while someone speaks finishes that speech first")
    void granting_finishes_current_speech() {
        var f = room().ok(new GrantFloor("m03", CHAIR, T));
        var events = f.when(new GrantFloor("m04", CHAIR, T.plusSeconds(75))).thenEvents();
        assertEquals(List.of(new SpeechFinished("i1", "m03", 75, T.plusSeconds(75)),
                new FloorGranted("i1", "m04", 300, T.plusSeconds(75))), events);
        assertEquals("m04", speech(f).personId());
        assertEquals(List.of(new FinishedSpeech("m03", "i1", T, T.plusSeconds(75), 75)),
                f.state().queue("i1").finished());
    }

    @Test
    @DisplayName("The floor is not granted to the current speaker again, nor to a stranger")
    void rejects_bad_grant() {
        var f = room().ok(new GrantFloor("m03", CHAIR, T));
        f.when(new GrantFloor("m03", CHAIR, T)).thenRejectedWith(Reason.ALREADY_SPEAKING);
        f.when(new GrantFloor("m99", CHAIR, T)).thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    @Test
    @DisplayName("The chair skips someone waiting; skipping someone not waiting is refused")
    void skips_speaker() {
        var f = ask(ask(room(), "m03", false), "m04", false);
        f.when(new SkipSpeaker("m03", CHAIR, f.now())).thenSingle(SpeakerSkipped.class);
        assertEquals(List.of("m04"), waiting(f));
        f.when(new SkipSpeaker("m03", CHAIR, f.now())).thenRejectedWith(Reason.NOT_IN_QUEUE);
    }

    @Test
    @DisplayName("The chair moves someone to another place in the queue")
    void moves_speaker() {
        var f = ask(ask(ask(room(), "m03", false), "m04", false), "m05", false);
        f.when(new MoveSpeaker("m05", 0, CHAIR, f.now()));
        assertEquals(new SpeakerMoved("i1", "m05", 0, f.now()), f.thenSingle(SpeakerMoved.class));
        assertEquals(List.of("m05", "m03", "m04"), waiting(f));
        f.ok(new MoveSpeaker("m05", 2, CHAIR, f.now()));
        assertEquals(List.of("m03", "m04", "m05"), waiting(f));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2, 10})
    @DisplayName("A place outside the queue is refused")
    void rejects_move_out_of_range(int index) {
        var f = ask(ask(room(), "m03", false), "m04", false);
        f.when(new MoveSpeaker("m03", index, CHAIR, f.now())).thenRejectedWith(Reason.INVALID_POSITION);
        f.when(new MoveSpeaker("m05", 0, CHAIR, f.now())).thenRejectedWith(Reason.NOT_IN_QUEUE);
    }

    // ---- the timer ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("The timer stops and restarts; the remaining time does not run while stopped")
    void timer_stops_and_restarts() {
        var f = room().ok(new GrantFloor("m03", CHAIR, T));
        f.when(new StopTimer(CHAIR, T.plusSeconds(40))).thenSingle(SpeakingTimerStopped.class);
        assertFalse(speech(f).running());
        assertEquals(260, speech(f).remainingAt(T.plusSeconds(40)));
        assertEquals(260, speech(f).remainingAt(T.plusSeconds(1000)));
        f.when(new StopTimer(CHAIR, T.plusSeconds(50))).thenRejectedWith(Reason.TIMER_NOT_RUNNING);
        f.when(new StartTimer(CHAIR, T.plusSeconds(100))).thenSingle(SpeakingTimerStarted.class);
        assertTrue(speech(f).running());
        assertEquals(250, speech(f).remainingAt(T.plusSeconds(110)));
        f.when(new StartTimer(CHAIR, T.plusSeconds(120))).thenRejectedWith(Reason.TIMER_ALREADY_RUNNING);
    }

    @Test
    @DisplayName("Extra time lengthens the speech; past the limit the remaining time is negative")
    void extends_time() {
        var f = room().ok(new SetSpeakingLimit("i1", 120, CHAIR, T0)).ok(new GrantFloor("m03", CHAIR, T));
        assertEquals(-10, speech(f).remainingAt(T.plusSeconds(130)));
        f.when(new ExtendTime(60, CHAIR, T.plusSeconds(130)));
        assertEquals(new SpeakingTimeExtended("i1", 60, T.plusSeconds(130)), f.thenSingle(SpeakingTimeExtended.class));
        assertEquals(50, speech(f).remainingAt(T.plusSeconds(130)));
        assertEquals(60, speech(f).extendedSeconds());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 7201})
    @DisplayName("An extension is a positive number of seconds up to two hours")
    void rejects_bad_extension(int seconds) {
        room().ok(new GrantFloor("m03", CHAIR, T)).when(new ExtendTime(seconds, CHAIR, T))
                .thenRejectedWith(Reason.INVALID_TIME_LIMIT);
    }

    static Stream<Arguments> speechCommands() {
        List<MeetingCommand> cs = List.of(new StartTimer(CHAIR, T), new StopTimer(CHAIR, T), new ExtendTime(30, CHAIR, T),
                new FinishSpeech(CHAIR, T));
        return cs.stream().map(c -> Arguments.of(c.getClass().getSimpleName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("speechCommands")
    @DisplayName("The timer and finishing need someone speaking")
    void timer_needs_a_speaker(String name, MeetingCommand c) {
        ask(room(), "m03", false).when(c).thenRejectedWith(Reason.NOBODY_SPEAKING);
    }

    @Test
    @DisplayName("Finishing records the time spoken, without the time the timer was stopped")
    void finish_records_duration_without_pauses() {
        var f = room().ok(new GrantFloor("m03", CHAIR, T)).ok(new StopTimer(CHAIR, T.plusSeconds(40)))
                .ok(new StartTimer(CHAIR, T.plusSeconds(100)));
        f.when(new FinishSpeech(MINUTE_TAKER, T.plusSeconds(130)));
        assertEquals(new SpeechFinished("i1", "m03", 70, T.plusSeconds(130)), f.thenSingle(SpeechFinished.class));
        assertNull(speech(f));
        assertEquals(List.of(new FinishedSpeech("m03", "i1", T, T.plusSeconds(130), 70)), f.state().queue("i1").finished());
    }

    @Test
    @DisplayName("A speech finished while the timer is stopped counts only the time it ran")
    void finish_while_stopped() {
        var f = room().ok(new GrantFloor("m03", CHAIR, T)).ok(new StopTimer(CHAIR, T.plusSeconds(40)));
        f.when(new FinishSpeech(CHAIR, T.plusSeconds(500)));
        assertEquals(40, f.thenSingle(SpeechFinished.class).durationSeconds());
    }

    @Test
    @DisplayName("Moving to another item finishes the speech on the one left")
    void moving_on_finishes_speech() {
        var f = room().ok(new GrantFloor("m03", CHAIR, T));
        var events = f.when(new NextItem(CHAIR, T.plusSeconds(90))).thenEvents();
        assertEquals(List.of(new SpeechFinished("i1", "m03", 90, T.plusSeconds(90)),
                new CurrentItemChanged("i1", "i2", T.plusSeconds(90))), events);
        assertNull(f.state().queue("i1").current());
        assertEquals(1, f.state().queue("i1").finished().size());
    }

    // ---- the limit ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} s → accepted: {1}")
    @CsvSource({"-1, false", "0, true", "60, true", "7200, true", "7201, false"})
    @DisplayName("A speaking limit is between 0 and two hours")
    void speaking_limit_bounds(int seconds, boolean accepted) {
        var f = room().when(new SetSpeakingLimit("i2", seconds, CHAIR, T));
        if (accepted) {
            assertEquals(new SpeakingLimitSet("i2", seconds, T), f.thenSingle(SpeakingLimitSet.class));
            assertEquals(seconds, f.state().agenda().item("i2").orElseThrow().speakingLimitSeconds());
        } else {
            f.thenRejectedWith(Reason.INVALID_TIME_LIMIT);
        }
    }

    @Test
    @DisplayName("A speaking limit may be set before the meeting, for an existing item only")
    void speaking_limit_before_meeting() {
        var f = MeetingFixture.given().scheduled().officials(1, 3).roles().item("i1", "Nội dung");
        f.when(new SetSpeakingLimit("i1", 180, CHAIR, T)).thenSingle(SpeakingLimitSet.class);
        f.when(new SetSpeakingLimit("z", 180, CHAIR, T)).thenRejectedWith(Reason.UNKNOWN_ITEM);
    }

    // ---- the queue itself --------------------------------------------------------------------------------

    @Test
    @DisplayName("SpeakerQueue: places are 1-based; the speaker is no longer waiting")
    void queue_places() {
        var q = SpeakerQueue.EMPTY.withRequest(new FloorRequest("a", false, T)).withRequest(new FloorRequest("b", false, T))
                .withRequest(new FloorRequest("c", true, T));
        assertEquals(Optional.of(1), q.placeOf("c"));
        assertEquals(Optional.of(3), q.placeOf("b"));
        var speaking = q.withSpeech(Speech.granted("c", "i1", T, 60));
        assertTrue(speaking.speaking("c"));
        assertFalse(speaking.isWaiting("c"));
        assertEquals(Optional.of(1), speaking.placeOf("a"));
        var s = assertInstanceOf(Speech.class, speaking.current());
        assertEquals(60, s.remainingAt(T));
    }
}
