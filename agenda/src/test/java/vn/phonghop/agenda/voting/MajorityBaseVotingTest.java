package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.no;
import static vn.phonghop.agenda.meeting.MeetingFixture.yes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.ClosePoll;
import vn.phonghop.agenda.meeting.MeetingEvent.PollClosed;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;

/** A decision passes on more than half of the majority base, not of those present or of votes cast. */
class MajorityBaseVotingTest {

    /**
     * DOMAIN.md's example: 17 official members, 2 exempt and absent (m16, m17), 3 absent without
     * exemption (m13–m15), 12 present (m01–m12): the base is 15.
     */
    private static MeetingFixture seventeenMemberCell() {
        var f = MeetingFixture.given().scheduled().officials(1, 15)
                .member("m16", "Đảng viên miễn sinh hoạt 1", Membership.OFFICIAL, Standing.EXEMPT)
                .member("m17", "Đảng viên miễn sinh hoạt 2", Membership.OFFICIAL, Standing.EXEMPT)
                .roles().item("i1", "Biểu quyết nghị quyết").published().started().currentItem("i1")
                .checkedInRange(1, 12);
        f.absent("m13", "Đi công tác").absent("m14", null).absent("m15", "Ốm");
        return f;
    }

    private static PollResult.Motion closeWithYes(MeetingFixture f, int yesVotes) {
        f.poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .votes("p1", yes(), 1, yesVotes).votes("p1", no(), 1 + yesVotes, 12 - yesVotes);
        f.when(new ClosePoll("p1", MeetingFixture.CHAIR, f.now()));
        return (PollResult.Motion) f.thenSingle(PollClosed.class).result();
    }

    @Test
    @DisplayName("DOMAIN.md example: base 15, 8 in favour passes (8 > 7.5)")
    void eight_of_base_fifteen_passes() {
        var r = closeWithYes(seventeenMemberCell(), 8);
        assertEquals(15, r.majorityBase());
        assertEquals(8, r.forVotes());
        assertTrue(r.passed());
    }

    @Test
    @DisplayName("DOMAIN.md example: 7 in favour fails although 7 of 12 present voted yes")
    void seven_of_base_fifteen_fails() {
        var r = closeWithYes(seventeenMemberCell(), 7);
        assertEquals(15, r.majorityBase());
        assertFalse(r.passed());
    }

    @Test
    @DisplayName("The figures before the vote already show base 15 and 12 official members present")
    void attendance_figures_of_the_example() {
        var figures = seventeenMemberCell().state().figures();
        assertEquals(17, figures.officialMembers());
        assertEquals(12, figures.officialPresent());
        assertEquals(15, figures.majorityBase());
        assertEquals(2, figures.exemptAbsent());
        assertEquals(2, figures.absentWithReason());
        assertEquals(1, figures.absentWithoutReason());
    }

    @Test
    @DisplayName("An exempt member who attends is counted in the base")
    void exempt_member_who_attends_counts() {
        var f = seventeenMemberCell().checkedIn("m16");
        assertEquals(16, f.state().figures().majorityBase());
        f.poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .votes("p1", yes(), 1, 8).vote("p1", "m16", no());
        f.when(new ClosePoll("p1", MeetingFixture.CHAIR, f.now()));
        var r = (PollResult.Motion) f.thenSingle(PollClosed.class).result();
        assertEquals(16, r.majorityBase());
        assertFalse(r.passed(), "8 of 16 is exactly half, not more than half");
    }

    @Test
    @DisplayName("An exempt member who came and left again still counts in the base")
    void exempt_member_who_left_still_counts() {
        var f = seventeenMemberCell().checkedIn("m16");
        f.ok(new vn.phonghop.agenda.meeting.MeetingCommand.CheckOut("m16", "m16", f.now()));
        assertEquals(16, f.state().figures().majorityBase());
    }

    @Test
    @DisplayName("Members attached elsewhere and suspended members are outside the base and cannot vote")
    void attached_and_suspended_are_outside_the_base() {
        var f = MeetingFixture.given().scheduled().officials(1, 10)
                .member("m11", "Đảng viên sinh hoạt tạm thời nơi khác", Membership.OFFICIAL, Standing.ATTACHED_ELSEWHERE)
                .member("m12", "Đảng viên bị đình chỉ", Membership.OFFICIAL, Standing.SUSPENDED)
                .member("m13", "Đảng viên dự bị", Membership.PROBATIONARY, Standing.ACTIVE)
                .roles().item("i1", "Biểu quyết").published().started().currentItem("i1").checkedInRange(1, 13);
        assertEquals(10, f.state().figures().majorityBase());
        assertEquals(10, f.state().figures().presentVoters(), "only the ten active officials may vote");
    }

    @Test
    @DisplayName("Absent members without exemption stay in the base: absence counts against the motion")
    void absence_counts_against() {
        var f = MeetingFixture.given().runningCellOf(10).checkedInRange(1, 6);
        f.poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1").votes("p1", yes(), 1, 5);
        f.when(new ClosePoll("p1", MeetingFixture.CHAIR, f.now()));
        var r = (PollResult.Motion) f.thenSingle(PollClosed.class).result();
        assertEquals(10, r.majorityBase());
        assertFalse(r.passed(), "5 of 6 present voted yes, but 5 of a base of 10 is not more than half");
    }

    @Test
    @DisplayName("Six in favour of a base of ten passes; five is exactly half and fails")
    void boundary_of_more_than_half() {
        var pass = MeetingFixture.given().runningCellOf(10).checkedInRange(1, 10);
        pass.poll("p1", DecisionKind.CONCLUSION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .votes("p1", yes(), 1, 6).votes("p1", no(), 7, 4);
        pass.when(new ClosePoll("p1", MeetingFixture.CHAIR, pass.now()));
        assertTrue(pass.thenSingle(PollClosed.class).result().passed());

        var fail = MeetingFixture.given().runningCellOf(10).checkedInRange(1, 10);
        fail.poll("p1", DecisionKind.CONCLUSION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .votes("p1", yes(), 1, 5).votes("p1", no(), 6, 5);
        fail.when(new ClosePoll("p1", MeetingFixture.CHAIR, fail.now()));
        assertFalse(fail.thenSingle(PollClosed.class).result().passed());
    }

    @Test
    @DisplayName("The closing event records the base and the official members the result was decided on")
    void poll_closed_records_its_figures() {
        var f = seventeenMemberCell();
        f.poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1").votes("p1", yes(), 1, 9);
        f.when(new ClosePoll("p1", MeetingFixture.CHAIR, f.now()));
        var closed = f.thenSingle(PollClosed.class);
        assertEquals(15, closed.result().majorityBase());
        assertEquals(17, closed.result().officialMembers());
        assertEquals(9, closed.tally().ballots());
        assertEquals(9, closed.tally().count("FOR"));
    }
}
