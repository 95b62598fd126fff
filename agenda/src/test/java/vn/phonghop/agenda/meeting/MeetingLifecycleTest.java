package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;
import static vn.phonghop.agenda.meeting.MeetingFixture.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phonghop.agenda.items.ItemStatus;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingState.Warning;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.BodyKind;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Organisation;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.DecisionKind;

@DisplayName("A meeting's lifecycle: scheduled → published → in progress → closed → archived")
class MeetingLifecycleTest {
    private static final Instant PLANNED = T0.plus(Duration.ofDays(2));

    private static ScheduleMeeting schedule(Instant planned, String zone, String ruleSetId) {
        return new ScheduleMeeting("mt-1", MeetingFixture.CELL, MeetingKind.REGULAR_CELL_MEETING,
                "  Sinh hoạt chi bộ thường kỳ  ", "Phòng họp tầng 3", "Hà Nội", zone, planned, ruleSetId, CONVENOR, T0);
    }

    /** Scheduled, three officials, chair m01 and minute-taker m02, one item; still a draft. */
    private static MeetingFixture prepared() {
        return MeetingFixture.given().scheduled().officials(1, 3).roles().item("i1", "Thảo luận nghị quyết");
    }

    // ---- scheduling ---------------------------------------------------------------------------

    @ParameterizedTest(name = "planned {0} in zone {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "2025-06-30T03:00:00Z, Asia/Ho_Chi_Minh, 232-QĐ/TW",
            "2025-07-01T03:00:00Z, Asia/Ho_Chi_Minh, 294-QĐ/TW",
            "2025-06-30T17:30:00Z, null,             294-QĐ/TW",
            "2025-06-30T17:30:00Z, UTC,              232-QĐ/TW",
            "2025-01-19T03:00:00Z, Asia/Ho_Chi_Minh, 24-QĐ/TW",
            "2025-01-20T03:00:00Z, Asia/Ho_Chi_Minh, 232-QĐ/TW",
            "2026-11-22T01:00:00Z, null,             294-QĐ/TW"})
    @DisplayName("Without an explicit rule set, the one in force on the planned date in the meeting's zone applies")
    void chooses_rule_set_by_planned_local_date(Instant planned, String zone, String expected) {
        var f = MeetingFixture.given().when(schedule(planned, zone, null));
        assertEquals(expected, f.thenSingle(MeetingScheduled.class).ruleSetId());
        assertEquals(expected, f.state().header().ruleSet().id());
    }

    @Test
    @DisplayName("An explicit rule set id wins over the planned date")
    void uses_explicit_rule_set() {
        var f = MeetingFixture.given().when(schedule(PLANNED, null, "24-QĐ/TW"));
        assertEquals("24-QĐ/TW", f.thenSingle(MeetingScheduled.class).ruleSetId());
    }

    @Test
    @DisplayName("An unknown rule set id is refused")
    void rejects_unknown_rule_set() {
        MeetingFixture.given().when(schedule(PLANNED, null, "99-QĐ/TW")).thenRejectedWith(Reason.UNKNOWN_RULE_SET);
    }

    @Test
    @DisplayName("A date before any known rule set is refused: no rules to run under")
    void rejects_date_before_any_rule_set() {
        MeetingFixture.given().when(schedule(Instant.parse("2020-05-05T01:00:00Z"), null, null))
                .thenRejectedWith(Reason.UNKNOWN_RULE_SET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "not a zone", "GMT+99"})
    @DisplayName("An invalid time zone is refused")
    void rejects_invalid_zone(String zone) {
        MeetingFixture.given().when(schedule(PLANNED, zone, null)).thenRejectedWith(Reason.INVALID_ZONE);
    }

    @ParameterizedTest
    @NullSource
    @DisplayName("Without a zone the meeting is in Asia/Ho_Chi_Minh")
    void defaults_zone_to_vietnam(String zone) {
        var e = MeetingFixture.given().when(schedule(PLANNED, zone, null)).thenSingle(MeetingScheduled.class);
        assertEquals("Asia/Ho_Chi_Minh", e.zoneId());
    }

    @Test
    @DisplayName("Scheduling makes a draft convened by the sender, with the title trimmed")
    void schedules_a_draft() {
        var f = MeetingFixture.given().when(schedule(PLANNED, "Asia/Bangkok", null));
        var e = f.thenSingle(MeetingScheduled.class);
        assertEquals("Sinh hoạt chi bộ thường kỳ", e.title());
        assertEquals(CONVENOR, e.convenorId());
        assertEquals("Asia/Bangkok", e.zoneId());
        assertEquals(Phase.DRAFT, f.state().phase());
        assertEquals(T0, f.state().timeline().scheduledAt());
        assertTrue(f.state().roster().rolesOf(CONVENOR).contains(MeetingRole.CONVENOR));
    }

    @Test
    @DisplayName("A meeting is scheduled once")
    void rejects_scheduling_twice() {
        MeetingFixture.given().scheduled().when(schedule(PLANNED, null, null))
                .thenRejectedWith(Reason.MEETING_ALREADY_EXISTS);
    }

    @Test
    @DisplayName("A meeting needs a title")
    void rejects_blank_title() {
        MeetingFixture.given().when(new ScheduleMeeting("mt-1", MeetingFixture.CELL, MeetingKind.REGULAR_CELL_MEETING,
                " ", "", "", null, PLANNED, null, CONVENOR, T0)).thenRejectedWith(Reason.EMPTY_TEXT);
    }

    // ---- publishing -------------------------------------------------------------------------------

    @Test
    @DisplayName("Publishing records when the documents reached the members")
    void publishing_records_when() {
        var at = T0.plus(Duration.ofHours(3));
        var f = prepared().when(new PublishMeeting(CONVENOR, at));
        assertEquals(at, f.thenSingle(MeetingPublished.class).at());
        assertEquals(Phase.PUBLISHED, f.state().phase());
        assertEquals(at, f.state().timeline().publishedAt());
    }

    @Test
    @DisplayName("A meeting with an empty agenda cannot be published")
    void rejects_publishing_empty_agenda() {
        MeetingFixture.given().scheduled().officials(1, 3).roles().when(new PublishMeeting(CONVENOR, T0))
                .thenRejectedWith(Reason.NO_AGENDA);
    }

    @Test
    @DisplayName("A meeting is published once")
    void rejects_publishing_twice() {
        prepared().published().when(new PublishMeeting(CONVENOR, T0)).thenRejectedWith(Reason.ALREADY_PUBLISHED);
    }

    // ---- starting ---------------------------------------------------------------------------------

    @Test
    @DisplayName("Starting records the time and puts the meeting in progress")
    void starts_a_published_meeting() {
        var f = prepared().published();
        var at = f.now();
        f.when(new StartMeeting(CHAIR, at));
        assertEquals(at, f.thenSingle(MeetingStarted.class).at());
        assertEquals(Phase.IN_PROGRESS, f.state().phase());
        assertEquals(at, f.state().timeline().startedAt());
    }

    @Test
    @DisplayName("A draft cannot start: it must be published first")
    void rejects_starting_a_draft() {
        prepared().when(new StartMeeting(CHAIR, T0)).thenRejectedWith(Reason.MEETING_NOT_PUBLISHED);
    }

    @Test
    @DisplayName("A meeting without a chair cannot start")
    void rejects_starting_without_chair() {
        MeetingFixture.given().scheduled().officials(1, 3)
                .ok(new AssignRole("m02", MeetingRole.MINUTE_TAKER, CONVENOR, T0)).item("i1", "Nội dung").published()
                .when(new StartMeeting("m02", T0)).thenRejectedWith(Reason.NO_CHAIR);
    }

    @Test
    @DisplayName("A meeting starts once")
    void rejects_starting_twice() {
        prepared().published().started().when(new StartMeeting(CHAIR, T0))
                .thenRejectedWith(Reason.MEETING_ALREADY_STARTED);
    }

    // ---- closing ----------------------------------------------------------------------------------

    @Test
    @DisplayName("Closing a meeting with nothing under way only closes it")
    void closes_a_running_meeting() {
        var f = prepared().published().started();
        var at = f.now();
        f.when(new CloseMeeting(CHAIR, at));
        assertEquals(at, f.thenSingle(MeetingClosed.class).at());
        assertEquals(Phase.CLOSED, f.state().phase());
        assertEquals(at, f.state().timeline().closedAt());
    }

    @Test
    @DisplayName("Closing ends the speech in progress and the current item")
    void closing_ends_current_speech_and_item() {
        var f = prepared().published().started().checkedIn("m03").currentItem("i1");
        var granted = f.now();
        f.ok(new GrantFloor("m03", CHAIR, granted));
        var at = granted.plusSeconds(45);
        var events = f.when(new CloseMeeting(CHAIR, at)).thenEvents();
        assertEquals(3, events.size(), events::toString);
        var speech = assertInstanceOf(SpeechFinished.class, events.get(0));
        assertEquals("m03", speech.personId());
        assertEquals(45, speech.durationSeconds());
        assertEquals(new CurrentItemChanged("i1", null, at), events.get(1));
        assertInstanceOf(MeetingClosed.class, events.get(2));
        assertNull(f.state().agenda().currentItemId());
        assertEquals(ItemStatus.DONE, f.state().agenda().item("i1").orElseThrow().status());
        assertNull(f.state().queue("i1").current());
    }

    @Test
    @DisplayName("A meeting with an open poll cannot close")
    void rejects_closing_with_open_poll() {
        prepared().published().started().currentItem("i1").poll("p1", DecisionKind.ORDINARY_RESOLUTION, null)
                .opened("p1").when(new CloseMeeting(CHAIR, T0)).thenRejectedWith(Reason.POLL_STILL_OPEN);
    }

    @Test
    @DisplayName("A meeting without a minute-taker cannot close: nobody would sign the minutes")
    void rejects_closing_without_minute_taker() {
        MeetingFixture.given().scheduled().officials(1, 3).ok(new AssignRole(CHAIR, MeetingRole.CHAIR, CONVENOR, T0))
                .item("i1", "Nội dung").published().started().when(new CloseMeeting(CHAIR, T0))
                .thenRejectedWith(Reason.NO_MINUTE_TAKER);
    }

    @Test
    @DisplayName("A meeting that has not started cannot close")
    void rejects_closing_before_start() {
        prepared().published().when(new CloseMeeting(CHAIR, T0)).thenRejectedWith(Reason.MEETING_NOT_STARTED);
    }

    // ---- archiving ----------------------------------------------------------------------------------

    @Test
    @DisplayName("A closed meeting is archived")
    void archives_a_closed_meeting() {
        var f = prepared().published().started().ok(new CloseMeeting(CHAIR, T0));
        var at = f.now();
        f.when(new ArchiveMeeting(CONVENOR, at)).thenSingle(MeetingArchived.class);
        assertEquals(Phase.ARCHIVED, f.state().phase());
        assertEquals(at, f.state().timeline().archivedAt());
        assertEquals(T0, f.state().timeline().closedAt());
    }

    @Test
    @DisplayName("Only a closed meeting can be archived")
    void rejects_archiving_unless_closed() {
        prepared().when(new ArchiveMeeting(CONVENOR, T0)).thenRejectedWith(Reason.MEETING_NOT_CLOSED);
        prepared().published().when(new ArchiveMeeting(CONVENOR, T0)).thenRejectedWith(Reason.MEETING_NOT_CLOSED);
        prepared().published().started().when(new ArchiveMeeting(CONVENOR, T0)).thenRejectedWith(Reason.MEETING_NOT_CLOSED);
    }

    @Test
    @DisplayName("A meeting is archived once")
    void rejects_archiving_twice() {
        prepared().published().started().ok(new CloseMeeting(CHAIR, T0)).ok(new ArchiveMeeting(CONVENOR, T0))
                .when(new ArchiveMeeting(CONVENOR, T0)).thenRejectedWith(Reason.MEETING_ARCHIVED);
    }

    // ---- after the end, and before the beginning ------------------------------------------------------

    static Stream<Arguments> everyCommandButSchedulingAndArchiving() {
        return CommandSamples.types().stream()
                .filter(t -> t != ScheduleMeeting.class && t != ArchiveMeeting.class)
                .map(t -> Arguments.of(t.getSimpleName(), t));
    }

    private static MeetingCommand sample(Class<?> type) {
        // the chair sends everything; a ballot is cast by its voter, the chair
        return CommandSamples.of(type, CHAIR, CHAIR, T0.plus(Duration.ofDays(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButSchedulingAndArchiving")
    @DisplayName("A closed meeting refuses every command but archiving")
    void closed_meeting_refuses(String name, Class<?> type) {
        var f = CommandSamples.runningMeeting();
        f.ok(new ClosePoll("p-open", CHAIR, f.now())).ok(new CloseMeeting(CHAIR, f.now()));
        f.when(sample(type)).thenRejectedWith(Reason.MEETING_CLOSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButSchedulingAndArchiving")
    @DisplayName("An archived meeting refuses every command")
    void archived_meeting_refuses(String name, Class<?> type) {
        var f = CommandSamples.runningMeeting();
        f.ok(new ClosePoll("p-open", CHAIR, f.now())).ok(new CloseMeeting(CHAIR, f.now()))
                .ok(new ArchiveMeeting(CHAIR, f.now()));
        f.when(sample(type)).thenRejectedWith(Reason.MEETING_ARCHIVED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButSchedulingAndArchiving")
    @DisplayName("Any command but scheduling, sent to a meeting that does not exist, is refused as not found")
    void unknown_meeting_refuses(String name, Class<?> type) {
        MeetingFixture.given().when(sample(type)).thenRejectedWith(Reason.MEETING_NOT_FOUND);
    }

    @Test
    @DisplayName("Archiving a meeting that does not exist is refused as not found")
    void archiving_unknown_meeting_is_not_found() {
        MeetingFixture.given().when(new ArchiveMeeting(CONVENOR, T0)).thenRejectedWith(Reason.MEETING_NOT_FOUND);
    }

    // ---- warnings ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "published {0} min before the planned start → warned: {1}")
    @CsvSource({"1439, true", "1440, false", "4320, false", "0, true"})
    @DisplayName("Documents published less than a day before the start are flagged (42-HD/BTCTW)")
    void flags_publishing_less_than_a_day_ahead(long minutesAhead, boolean warned) {
        var f = prepared().at(PLANNED.minus(Duration.ofMinutes(minutesAhead))).published();
        assertEquals(warned, f.state().warnings().contains(Warning.NOT_PUBLISHED_A_DAY_AHEAD), f.state().warnings()::toString);
    }

    @Test
    @DisplayName("Once started, the actual start time decides whether publishing was a day ahead")
    void publish_lead_counts_to_the_actual_start() {
        var f = prepared().at(PLANNED.minus(Duration.ofDays(2))).published();
        assertFalse(f.state().warnings().contains(Warning.NOT_PUBLISHED_A_DAY_AHEAD));
        f.at(PLANNED.minus(Duration.ofDays(2)).plus(Duration.ofHours(2))).started();
        assertTrue(f.state().warnings().contains(Warning.NOT_PUBLISHED_A_DAY_AHEAD));
    }

    @ParameterizedTest(name = "{0} lasting {1} min → warned: {2}")
    @CsvSource({"REGULAR_CELL_MEETING, 89, true", "REGULAR_CELL_MEETING, 90, false",
            "REGULAR_CELL_MEETING, 150, false", "THEMATIC_MEETING, 30, false"})
    @DisplayName("A regular cell meeting shorter than 90 minutes is flagged when it closes (42-HD/BTCTW)")
    void flags_short_regular_meeting(MeetingKind kind, long minutes, boolean warned) {
        var start = PLANNED;
        var f = MeetingFixture.given().ok(new ScheduleMeeting("mt-1", MeetingFixture.CELL, kind, "Sinh hoạt", "", "",
                        null, PLANNED, null, CONVENOR, T0)).officials(1, 3).roles().item("i1", "Nội dung").published()
                .at(start).started();
        assertFalse(f.state().warnings().contains(Warning.SHORTER_THAN_REQUIRED), "not before it closes");
        f.ok(new CloseMeeting(CHAIR, start.plus(Duration.ofMinutes(minutes)).plusSeconds(59)));
        assertEquals(warned, f.state().warnings().contains(Warning.SHORTER_THAN_REQUIRED));
    }

    @Test
    @DisplayName("A cell with fewer than three official members is flagged; probationary members do not count")
    void flags_cell_under_three_official_members() {
        var f = MeetingFixture.given().scheduled().officials(1, 2)
                .member("m03", "Lê Văn Dự Bị", Membership.PROBATIONARY, Standing.ACTIVE);
        assertTrue(f.state().warnings().contains(Warning.CELL_UNDER_THREE_OFFICIAL_MEMBERS));
        f.official("m04");
        assertFalse(f.state().warnings().contains(Warning.CELL_UNDER_THREE_OFFICIAL_MEMBERS));
    }

    @Test
    @DisplayName("The three-member minimum is a rule for cells only")
    void does_not_flag_small_committee() {
        var committee = new Organisation("du-1", "Đảng ủy phường", BodyKind.COMMITTEE, "Thành ủy Hà Nội", "ĐU");
        var f = MeetingFixture.given().ok(new ScheduleMeeting("mt-1", committee, MeetingKind.COMMITTEE_CONFERENCE,
                "Hội nghị", "", "", null, PLANNED, null, CONVENOR, T0)).officials(1, 2);
        assertFalse(f.state().warnings().contains(Warning.CELL_UNDER_THREE_OFFICIAL_MEMBERS));
    }

    @Test
    @DisplayName("A meeting that does not exist has no warnings")
    void no_meeting_no_warnings() {
        assertEquals(List.of(), MeetingState.NONE.warnings());
    }
}
