package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.yes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.CastVote;
import vn.phonghop.agenda.meeting.MeetingCommand.CheckOut;
import vn.phonghop.agenda.meeting.MeetingEvent.VoteCast;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;

/** Only official members vote: present, neither suspended nor attached elsewhere, each for themself. */
class VoterEligibilityTest {

    private static MeetingFixture openPollWith(String id, Membership membership, Standing standing) {
        var f = MeetingFixture.given().scheduled().officials(1, 5).member(id, "Nguyễn Văn Thử", membership, standing)
                .guest("g1", "Trần Thị Khách").roles().item("i1", "Biểu quyết").published().started()
                .currentItem("i1").checkedInRange(1, 5).checkedIn(id, "g1");
        return f.poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1");
    }

    private static void castBySelf(MeetingFixture f, String voter) {
        f.when(new CastVote("p1", voter, yes(), "b1", voter, f.now()));
    }

    @Test
    @DisplayName("Statute art. 5: a probationary member attends and speaks but may not vote")
    void rejects_vote_from_probationary_member() {
        var f = openPollWith("m09", Membership.PROBATIONARY, Standing.ACTIVE);
        castBySelf(f, "m09");
        f.thenRejectedWith(Reason.PROBATIONARY_MEMBER_CANNOT_VOTE);
    }

    @Test
    @DisplayName("An invited guest may not vote")
    void rejects_vote_from_guest() {
        var f = openPollWith("m09", Membership.OFFICIAL, Standing.ACTIVE);
        castBySelf(f, "g1");
        f.thenRejectedWith(Reason.GUEST_CANNOT_VOTE);
    }

    @Test
    @DisplayName("A suspended (prosecuted, detained) member may not vote")
    void rejects_vote_from_suspended_member() {
        var f = openPollWith("m09", Membership.OFFICIAL, Standing.SUSPENDED);
        castBySelf(f, "m09");
        f.thenRejectedWith(Reason.SUSPENDED_MEMBER_CANNOT_VOTE);
    }

    @Test
    @DisplayName("A member temporarily attached elsewhere votes there, not here")
    void rejects_vote_from_attached_member() {
        var f = openPollWith("m09", Membership.OFFICIAL, Standing.ATTACHED_ELSEWHERE);
        castBySelf(f, "m09");
        f.thenRejectedWith(Reason.ATTACHED_MEMBER_VOTES_ELSEWHERE);
    }

    @Test
    @DisplayName("An exempt member who attends may vote")
    void accepts_vote_from_exempt_member_present() {
        var f = openPollWith("m09", Membership.OFFICIAL, Standing.EXEMPT);
        castBySelf(f, "m09");
        assertEquals("m09", f.thenSingle(VoteCast.class).voterId());
    }

    @Test
    @DisplayName("A member who is not checked in may not vote")
    void rejects_vote_from_absent_member() {
        var f = MeetingFixture.given().runningCellOf(5).checkedInRange(1, 4)
                .poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1");
        castBySelf(f, "m05");
        f.thenRejectedWith(Reason.VOTER_NOT_PRESENT);
    }

    @Test
    @DisplayName("A member who checks in after the poll opened may still vote")
    void accepts_vote_from_late_arrival() {
        var f = MeetingFixture.given().runningCellOf(5).checkedInRange(1, 4)
                .poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1")
                .checkedIn("m05");
        castBySelf(f, "m05");
        assertEquals("m05", f.thenSingle(VoteCast.class).voterId());
    }

    @Test
    @DisplayName("A member who has checked out may not vote until they check in again")
    void rejects_vote_after_check_out() {
        var f = MeetingFixture.given().runningCellOf(5).checkedInRange(1, 5)
                .poll("p1", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS).opened("p1");
        f.ok(new CheckOut("m05", "m05", f.now()));
        castBySelf(f, "m05");
        f.thenRejectedWith(Reason.VOTER_NOT_PRESENT);
        f.checkedIn("m05");
        castBySelf(f, "m05");
        f.thenSingle(VoteCast.class);
    }

    @Test
    @DisplayName("Someone not on the roster may not vote")
    void rejects_vote_from_stranger() {
        var f = openPollWith("m09", Membership.OFFICIAL, Standing.ACTIVE);
        castBySelf(f, "x99");
        f.thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    @Test
    @DisplayName("Nobody votes for another member, not even the chair")
    void rejects_vote_on_behalf_of_another() {
        var f = openPollWith("m09", Membership.OFFICIAL, Standing.ACTIVE);
        f.when(new CastVote("p1", "m03", yes(), "b1", CHAIR, f.now()));
        f.thenRejectedWith(Reason.NOT_YOUR_BALLOT);
    }
}
