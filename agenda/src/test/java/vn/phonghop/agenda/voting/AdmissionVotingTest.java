package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.no;
import static vn.phonghop.agenda.meeting.MeetingFixture.yes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.ClosePoll;
import vn.phonghop.agenda.meeting.MeetingEvent.PollClosed;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;

/** Admission and confirmation need at least two thirds of the official members (not of the base). */
class AdmissionVotingTest {

    /** 12 official members, of whom 2 exempt and absent: base 10, official members 12. */
    private static MeetingFixture cell() {
        return MeetingFixture.given().scheduled().officials(1, 10)
                .member("m11", "Miễn 1", Membership.OFFICIAL, Standing.EXEMPT)
                .member("m12", "Miễn 2", Membership.OFFICIAL, Standing.EXEMPT)
                .roles().item("i1", "Xét kết nạp đảng viên").published().started().currentItem("i1")
                .checkedInRange(1, 10);
    }

    private static PollResult close(MeetingFixture f, DecisionKind kind, int yesVotes) {
        f.poll("p1", kind, BallotMode.SECRET).opened("p1").votes("p1", yes(), 1, yesVotes)
                .votes("p1", no(), 1 + yesVotes, 10 - yesVotes);
        f.when(new ClosePoll("p1", CHAIR, f.now()));
        return f.thenSingle(PollClosed.class).result();
    }

    @Test
    @DisplayName("Statute art. 4: admission with 8 of 12 official members passes (3·8 ≥ 2·12)")
    void admission_at_two_thirds_of_official_passes() {
        var r = close(cell(), DecisionKind.ADMISSION, 8);
        assertEquals(12, r.officialMembers());
        assertTrue(r.passed());
    }

    @Test
    @DisplayName("Admission with 7 of 12 official members fails although 7 of a base of 10 would be two thirds")
    void admission_below_two_thirds_of_official_fails() {
        var r = close(cell(), DecisionKind.ADMISSION, 7);
        assertEquals(10, r.majorityBase());
        assertFalse(r.passed());
    }

    @Test
    @DisplayName("Confirming a probationary member as official follows the same two-thirds rule")
    void probation_confirmation() {
        assertTrue(close(cell(), DecisionKind.PROBATION_CONFIRMATION, 8).passed());
        assertFalse(close(cell(), DecisionKind.PROBATION_CONFIRMATION, 7).passed());
    }

    @Test
    @DisplayName("Expulsion as a motion needs at least two thirds of the base: 7 of 10 passes, 6 fails")
    void expulsion_two_thirds_of_base() {
        assertTrue(close(cell(), DecisionKind.EXPULSION, 7).passed());
        assertFalse(close(cell(), DecisionKind.EXPULSION, 6).passed());
    }
}
