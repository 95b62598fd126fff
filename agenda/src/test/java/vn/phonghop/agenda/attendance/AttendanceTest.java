package vn.phonghop.agenda.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;
import static vn.phonghop.agenda.meeting.MeetingFixture.T0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.MeetingState.Warning;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.Member;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Roster;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.voting.DecisionKind;

@DisplayName("Attendance: checking in and out, absences, and the figures the chair reports")
class AttendanceTest {

    /** Officials m01…m0n, roles, one item, published: doors open, not started. */
    private static MeetingFixture published(int officials) {
        return MeetingFixture.given().scheduled().officials(1, officials).roles().item("i1", "Nội dung").published();
    }

    // ---- checking in and out ---------------------------------------------------------------------

    @Test
    @DisplayName("Checking in before the start is on time")
    void check_in_before_start_is_not_late() {
        var f = published(3);
        f.when(new CheckIn("m03", "m03", f.now()));
        assertFalse(f.thenSingle(CheckedIn.class).late());
        assertTrue(f.state().attendance().present("m03"));
    }

    @Test
    @DisplayName("Checking in after the start is a late arrival")
    void check_in_after_start_is_late() {
        var f = published(3).started();
        var at = f.now();
        f.when(new CheckIn("m03", "m03", at));
        assertTrue(f.thenSingle(CheckedIn.class).late());
        var p = f.state().attendance().of("m03").orElseThrow();
        assertTrue(p.late());
        assertEquals(at, p.firstArrival());
    }

    @Test
    @DisplayName("Someone who came before the start, stepped out and returned is not late")
    void returning_after_check_out_is_not_late() {
        var f = published(3).checkedIn("m03").ok(new CheckOut("m03", "m03", T0)).started();
        f.when(new CheckIn("m03", "m03", f.now()));
        assertFalse(f.thenSingle(CheckedIn.class).late());
        assertFalse(f.state().attendance().of("m03").orElseThrow().late());
    }

    @Test
    @DisplayName("A late arrival who steps out and returns is not late again, and stays recorded as late once")
    void late_arrival_returning_keeps_first_arrival() {
        var f = published(3).started().checkedIn("m03");
        var first = f.state().attendance().of("m03").orElseThrow().firstArrival();
        f.ok(new CheckOut("m03", "m03", f.now()));
        f.when(new CheckIn("m03", "m03", f.now()));
        assertFalse(f.thenSingle(CheckedIn.class).late());
        var p = f.state().attendance().of("m03").orElseThrow();
        assertTrue(p.late());
        assertEquals(first, p.firstArrival());
        assertTrue(p.present());
    }

    @Test
    @DisplayName("Nobody checks in twice without checking out")
    void rejects_double_check_in() {
        published(3).checkedIn("m03").when(new CheckIn("m03", "m03", T0)).thenRejectedWith(Reason.ALREADY_CHECKED_IN);
    }

    @Test
    @DisplayName("Someone not on the roster cannot check in")
    void rejects_check_in_of_unknown_person() {
        published(3).when(new CheckIn("m99", CHAIR, T0)).thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    @Test
    @DisplayName("Doors open when the meeting is published: no check-in to a draft")
    void rejects_check_in_to_draft() {
        MeetingFixture.given().scheduled().officials(1, 3).roles().when(new CheckIn("m03", "m03", T0))
                .thenRejectedWith(Reason.MEETING_NOT_PUBLISHED);
    }

    @Test
    @DisplayName("A guest checks in and is counted among the guests present")
    void guest_checks_in() {
        var f = published(3).guest("g1", "Đỗ Minh Tuấn").checkedIn("g1");
        assertEquals(1, f.state().figures().guestsPresent());
        assertEquals(0, f.state().figures().officialPresent());
        f.ok(new CheckOut("g1", "g1", f.now()));
        assertEquals(0, f.state().figures().guestsPresent());
    }

    @Test
    @DisplayName("Checking out leaves the room but keeps the attendance")
    void checks_out() {
        var f = published(3).checkedIn("m03");
        f.when(new CheckOut("m03", "m03", f.now())).thenSingle(CheckedOut.class);
        assertFalse(f.state().attendance().present("m03"));
        assertTrue(f.state().attendance().attended("m03"));
        assertEquals(0, f.state().figures().officialPresent());
    }

    @Test
    @DisplayName("Only someone in the room can check out")
    void rejects_check_out_when_not_in() {
        var f = published(3);
        f.when(new CheckOut("m03", "m03", f.now())).thenRejectedWith(Reason.NOT_CHECKED_IN);
        f.checkedIn("m03").ok(new CheckOut("m03", "m03", f.now()));
        f.when(new CheckOut("m03", "m03", f.now())).thenRejectedWith(Reason.NOT_CHECKED_IN);
        f.when(new CheckOut("m99", CHAIR, f.now())).thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    // ---- absences ---------------------------------------------------------------------------------

    @Test
    @DisplayName("An absence is recorded with its reason, trimmed")
    void marks_absent_with_reason() {
        var f = published(3).checkedIn("m01", "m02");
        f.when(new MarkAbsent("m03", "  Đi công tác  ", CHAIR, f.now()));
        assertEquals("Đi công tác", f.thenSingle(MarkedAbsent.class).reason());
        assertEquals("Đi công tác", f.state().attendance().of("m03").orElseThrow().absenceReason());
        assertEquals(1, f.state().figures().absentWithReason());
        assertEquals(0, f.state().figures().absentWithoutReason());
    }

    @Test
    @DisplayName("A blank reason records the absence as without reason")
    void marks_absent_without_reason() {
        var f = published(3);
        f.when(new MarkAbsent("m03", "   ", CHAIR, f.now()));
        assertNull(f.thenSingle(MarkedAbsent.class).reason());
        f.ok(new MarkAbsent("m02", null, CHAIR, f.now()));
        assertEquals(0, f.state().figures().absentWithReason());
        assertEquals(3, f.state().figures().absentWithoutReason());
    }

    @Test
    @DisplayName("Someone who attended, even if they have left, cannot be marked absent")
    void rejects_absence_of_attendee() {
        var f = published(3).checkedIn("m03");
        f.when(new MarkAbsent("m03", "Ốm", CHAIR, f.now())).thenRejectedWith(Reason.ATTENDED_CANNOT_BE_ABSENT);
        f.ok(new CheckOut("m03", "m03", f.now()));
        f.when(new MarkAbsent("m03", "Ốm", CHAIR, f.now())).thenRejectedWith(Reason.ATTENDED_CANNOT_BE_ABSENT);
    }

    @Test
    @DisplayName("Only members are marked absent, with a reason of sensible length")
    void rejects_absence_of_non_member_or_long_reason() {
        var f = published(3).guest("g1", "Khách");
        f.when(new MarkAbsent("g1", "", CHAIR, f.now())).thenRejectedWith(Reason.UNKNOWN_PERSON);
        f.when(new MarkAbsent("m99", "", CHAIR, f.now())).thenRejectedWith(Reason.UNKNOWN_PERSON);
        f.when(new MarkAbsent("m03", "x".repeat(501), CHAIR, f.now())).thenRejectedWith(Reason.TEXT_TOO_LONG);
    }

    @Test
    @DisplayName("A member marked absent who turns up after the start is a late arrival, no longer absent")
    void absent_member_arriving_is_late() {
        var f = published(3).absent("m03", "Bận việc gia đình").started();
        f.when(new CheckIn("m03", "m03", f.now()));
        assertTrue(f.thenSingle(CheckedIn.class).late());
        assertTrue(f.state().attendance().attended("m03"));
        assertEquals(0, f.state().figures().absentWithReason());
    }

    // ---- the figures ----------------------------------------------------------------------------

    @Test
    @DisplayName("DOMAIN.md's example: 17 official, 2 exempt absent, 3 absent without exemption, 12 present → base 15")
    void worked_example_of_the_majority_base() {
        var f = MeetingFixture.given().scheduled().officials(1, 15)
                .member("m16", "Vũ Thị Hà", Membership.OFFICIAL, Standing.EXEMPT)
                .member("m17", "Đặng Văn Khải", Membership.OFFICIAL, Standing.EXEMPT)
                .roles().item("i1", "Nội dung").published().checkedInRange(1, 12).started();
        var fig = f.state().figures();
        assertEquals(17, fig.officialMembers());
        assertEquals(12, fig.officialPresent());
        assertEquals(2, fig.exemptAbsent());
        assertEquals(3, fig.absentWithoutReason());
        assertEquals(15, fig.majorityBase());
        assertEquals(15, fig.expected());
        assertEquals(12, fig.presentVoters());
        assertEquals(8000, fig.attendanceHundredthsOfPercent());
        assertFalse(fig.attendanceAbove(85));
        assertTrue(f.state().warnings().contains(Warning.ATTENDANCE_BELOW_QUALITY));
    }

    static Stream<Arguments> baseMembership() {
        var out = new ArrayList<Arguments>();
        for (var m : Membership.values()) {
            for (var s : Standing.values()) {
                for (boolean attended : new boolean[] {false, true}) {
                    boolean in = m == Membership.OFFICIAL && (s == Standing.ACTIVE || (s == Standing.EXEMPT && attended));
                    out.add(Arguments.of(m, s, attended, in));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}, attended {2} → in base {3}")
    @MethodSource("baseMembership")
    @DisplayName("The majority base: official members, minus attached, suspended, and exempt members who are absent")
    void majority_base_membership(Membership m, Standing s, boolean attended, boolean inBase) {
        assertEquals(inBase, AttendanceFigures.inBase(new Member("x", "X", m, s), attended));
        var roster = Roster.convenedBy("office").withMember(new Member("x", "X", m, s));
        var attendance = attended ? Attendance.NONE.checkedIn("x", T0, false) : Attendance.NONE;
        assertEquals(inBase ? 1 : 0, AttendanceFigures.of(roster, attendance, QuorumRule.MORE_THAN_HALF_WARN).majorityBase());
    }

    @Test
    @DisplayName("An exempt member who attends joins the base and stays in it after leaving")
    void exempt_member_attending_counts() {
        var f = published(3).member("m04", "Vũ Thị Hà", Membership.OFFICIAL, Standing.EXEMPT);
        assertEquals(3, f.state().figures().majorityBase());
        f.checkedIn("m04");
        assertEquals(4, f.state().figures().majorityBase());
        f.ok(new CheckOut("m04", "m04", f.now()));
        assertEquals(4, f.state().figures().majorityBase());
    }

    @Test
    @DisplayName("Absent members who are not exempt stay in the base, with or without a reason")
    void absent_members_stay_in_base() {
        var f = published(5).absent("m04", "Ốm").absent("m05", "");
        assertEquals(5, f.state().figures().majorityBase());
    }

    @Test
    @DisplayName("Probationary members count as present but not in the base nor as voters")
    void probationary_members_present() {
        var f = published(3).member("m04", "Lê Văn Dự Bị", Membership.PROBATIONARY, Standing.ACTIVE).checkedIn("m01", "m04");
        var fig = f.state().figures();
        assertEquals(1, fig.probationaryMembers());
        assertEquals(1, fig.probationaryPresent());
        assertEquals(1, fig.officialPresent());
        assertEquals(3, fig.majorityBase());
        assertEquals(1, fig.presentVoters());
        assertEquals(4, fig.expected());
        assertEquals(2, fig.presentOfExpected());
    }

    @ParameterizedTest(name = "{0} of {1} → {2} hundredths of a percent")
    @CsvSource({"2, 3, 6667", "1, 3, 3333", "7, 8, 8750", "5, 7, 7143", "3, 3, 10000", "0, 3, 0", "1, 6, 1667"})
    @DisplayName("Attendance is exact, in hundredths of a percent, rounded half up")
    void attendance_percentage(int present, int expected, int hundredths) {
        var roster = Roster.convenedBy("office");
        var attendance = Attendance.NONE;
        for (int i = 1; i <= expected; i++) {
            roster = roster.withMember(new Member(MeetingFixture.id(i), "ĐV", Membership.OFFICIAL, Standing.ACTIVE));
            if (i <= present) attendance = attendance.checkedIn(MeetingFixture.id(i), T0, false);
        }
        assertEquals(hundredths, AttendanceFigures.of(roster, attendance, QuorumRule.MORE_THAN_HALF_WARN)
                .attendanceHundredthsOfPercent());
    }

    @Test
    @DisplayName("Nobody expected: attendance 0, not a division by zero")
    void attendance_of_nobody() {
        var fig = AttendanceFigures.of(Roster.convenedBy("office"), Attendance.NONE, QuorumRule.MORE_THAN_HALF_WARN);
        assertEquals(0, fig.attendanceHundredthsOfPercent());
        assertEquals(0, fig.majorityBase());
    }

    @ParameterizedTest(name = "{0} of {1} present, above 85%: {2}")
    @CsvSource({"17, 20, false", "18, 20, true", "6, 7, true", "85, 100, false", "86, 100, true"})
    @DisplayName("The quality criterion is attendance strictly above 85%, compared exactly")
    void attendance_above_is_strict(int present, int expected, boolean above) {
        var fig = new AttendanceFigures(expected, 0, present, 0, 0, 0, expected - present, 0, expected, expected, present,
                0, present, true);
        assertEquals(above, fig.attendanceAbove(85));
    }

    // ---- quorum -----------------------------------------------------------------------------------

    @Test
    @DisplayName("By default a missing quorum only warns: the meeting starts with nobody in the room")
    void default_quorum_warns() {
        var f = published(5);
        f.when(new StartMeeting(CHAIR, f.now())).thenSingle(MeetingStarted.class);
        assertFalse(f.state().figures().quorumMet());
        assertTrue(f.state().warnings().contains(Warning.QUORUM_NOT_MET));
        f.checkedInRange(1, 3);
        assertTrue(f.state().figures().quorumMet());
        assertFalse(f.state().warnings().contains(Warning.QUORUM_NOT_MET));
    }

    @Test
    @DisplayName("The quorum warning is only for a meeting in progress")
    void quorum_warning_only_in_progress() {
        assertFalse(published(5).state().warnings().contains(Warning.QUORUM_NOT_MET));
    }

    @ParameterizedTest(name = "{0} of 15 present → starts: {1}")
    @CsvSource({"9, false", "10, true"})
    @DisplayName("A confidence-vote meeting needs two thirds present, inclusive, to start")
    void confidence_vote_quorum_blocks_start(int present, boolean starts) {
        var f = MeetingFixture.given().scheduled().officials(1, 15).roles().item("i1", "Lấy phiếu tín nhiệm")
                .ok(new SetQuorumRule(QuorumRule.CONFIDENCE_VOTE, CONVENOR, T0)).published().checkedInRange(1, present);
        f.when(new StartMeeting(CHAIR, f.now()));
        if (starts) f.thenSingle(MeetingStarted.class);
        else f.thenRejectedWith(Reason.QUORUM_NOT_MET);
    }

    @Test
    @DisplayName("A blocking quorum also refuses to open a poll once members have left")
    void confidence_vote_quorum_blocks_open_poll() {
        var f = MeetingFixture.given().scheduled().officials(1, 15).roles().item("i1", "Lấy phiếu tín nhiệm")
                .ok(new SetQuorumRule(QuorumRule.CONFIDENCE_VOTE, CONVENOR, T0)).published().checkedInRange(1, 10)
                .started().currentItem("i1").poll("p1", DecisionKind.ORDINARY_RESOLUTION, null)
                .ok(new CheckOut("m10", "m10", T0));
        f.when(new OpenPoll("p1", CHAIR, f.now())).thenRejectedWith(Reason.QUORUM_NOT_MET);
        f.checkedIn("m11");
        f.when(new OpenPoll("p1", CHAIR, f.now())).thenSingle(PollOpened.class);
    }

    @Test
    @DisplayName("A warning quorum never refuses to open a poll")
    void warning_quorum_does_not_block_open_poll() {
        var f = MeetingFixture.given().runningCellOf(5).poll("p1", DecisionKind.ORDINARY_RESOLUTION, null);
        f.when(new OpenPoll("p1", CHAIR, f.now())).thenSingle(PollOpened.class);
    }

    @Test
    @DisplayName("Only members who may vote count toward the quorum")
    void quorum_counts_voters_only() {
        var f = published(3).member("m04", "Dự Bị", Membership.PROBATIONARY, Standing.ACTIVE)
                .member("m05", "Đình Chỉ", Membership.OFFICIAL, Standing.SUSPENDED)
                .guest("g1", "Khách").checkedIn("m01", "m04", "m05", "g1");
        assertEquals(1, f.state().figures().presentVoters());
        assertFalse(f.state().figures().quorumMet());
    }

    @ParameterizedTest(name = "{0}/{1} inclusive={2}: {3} present of base {4} → {5}")
    @CsvSource({
            "1, 2, false, 3, 6, false", "1, 2, false, 4, 6, true", "1, 2, false, 4, 7, true", "1, 2, false, 3, 7, false",
            "2, 3, true, 10, 15, true", "2, 3, true, 9, 15, false", "2, 3, true, 2, 3, true", "2, 3, false, 2, 3, false",
            "2, 3, true, 0, 0, true", "1, 2, false, 0, 0, false"})
    @DisplayName("QuorumRule.metBy compares fractions exactly, inclusive or strict")
    void quorum_rule_boundaries(int num, int den, boolean inclusive, long present, long base, boolean met) {
        assertEquals(met, new QuorumRule(num, den, inclusive, QuorumRule.Enforcement.WARN).metBy(present, base));
    }

    @Test
    @DisplayName("The named quorum rules: more than half warns, two thirds inclusive blocks")
    void named_quorum_rules() {
        assertEquals(new QuorumRule(1, 2, false, QuorumRule.Enforcement.WARN), QuorumRule.MORE_THAN_HALF_WARN);
        assertEquals(new QuorumRule(2, 3, true, QuorumRule.Enforcement.BLOCK), QuorumRule.CONFIDENCE_VOTE);
    }

    @Test
    @DisplayName("A quorum is a fraction between 0 and 1")
    void rejects_malformed_quorum_rule() {
        assertThrows(IllegalArgumentException.class, () -> new QuorumRule(3, 2, false, QuorumRule.Enforcement.WARN));
        assertThrows(IllegalArgumentException.class, () -> new QuorumRule(1, 0, false, QuorumRule.Enforcement.WARN));
        assertThrows(IllegalArgumentException.class, () -> new QuorumRule(-1, 2, false, QuorumRule.Enforcement.WARN));
    }

    @Test
    @DisplayName("Presence keeps the first arrival through leaving and returning")
    void presence_lifecycle() {
        Instant at = T0;
        var p = Presence.arrived(at, true).leftAt().returned();
        assertEquals(new Presence(Presence.Status.PRESENT, at, true, null), p);
        assertFalse(Presence.absent(" ").excused());
        assertTrue(Presence.absent("Ốm").excused());
        assertFalse(Presence.absent("Ốm").attended());
        var g = new Guest("g1", "Khách", "");
        assertEquals("", g.affiliation());
    }
}
