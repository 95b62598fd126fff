package vn.phonghop.agenda.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.items.Classification;
import vn.phonghop.agenda.items.DocumentRef;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.FloorGranted;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.Guest;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.roster.Membership;
import vn.phonghop.agenda.roster.Standing;
import vn.phonghop.agenda.speakers.Speech;

/** Who may chair, who may be given the floor, and a few values that must mean what they say. */
class ChairAndFloorRulesTest {

    @Test
    @DisplayName("The chair is an active official member: a probationary or suspended member cannot chair")
    void chair_must_be_active_official() {
        var f = MeetingFixture.given().scheduled()
                .member("p1", "Dự bị", Membership.PROBATIONARY, Standing.ACTIVE)
                .member("s1", "Đình chỉ", Membership.OFFICIAL, Standing.SUSPENDED)
                .member("p2", "Dự bị làm thư ký", Membership.PROBATIONARY, Standing.ACTIVE);
        f.when(new AssignRole("p1", MeetingRole.CHAIR, CONVENOR, f.now()));
        f.thenRejectedWith(Reason.ROLE_NOT_ASSIGNABLE);
        f.when(new AssignRole("s1", MeetingRole.CHAIR, CONVENOR, f.now()));
        f.thenRejectedWith(Reason.ROLE_NOT_ASSIGNABLE);
        f.when(new AssignRole("p2", MeetingRole.MINUTE_TAKER, CONVENOR, f.now()));
        f.thenAccepted();
    }

    @Test
    @DisplayName("The floor is given only to someone checked in")
    void grant_needs_presence() {
        var f = MeetingFixture.given().runningCellOf(4).checkedIn("m01", "m02", "m03");
        f.when(new GrantFloor("m04", CHAIR, f.now()));
        f.thenRejectedWith(Reason.NOT_CHECKED_IN);
        f.when(new GrantFloor("m03", CHAIR, f.now()));
        assertEquals("m03", f.thenSingle(FloorGranted.class).personId());
    }

    @Test
    @DisplayName("A guest id cannot be invited twice, nor take a member's id")
    void duplicate_guest_refused() {
        var f = MeetingFixture.given().scheduled().official("m01").guest("g1", "Khách mời");
        f.when(new InviteGuest(new Guest("g1", "Người khác", ""), CONVENOR, f.now()));
        f.thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
        f.when(new InviteGuest(new Guest("m01", "Người khác", ""), CONVENOR, f.now()));
        f.thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
    }

    @Test
    @DisplayName("A speaking limit of 0 means no limit: the speaker is never over time")
    void zero_limit_is_unlimited() {
        var t = Instant.parse("2026-11-20T01:00:00Z");
        var s = Speech.granted("m03", "i1", t, 0);
        assertFalse(s.limited());
        assertEquals(Long.MAX_VALUE, s.remainingAt(t.plusSeconds(3600)));
        assertEquals(60, Speech.granted("m03", "i1", t, 120).remainingAt(t.plusSeconds(60)));
    }

    @Test
    @DisplayName("The convenor may set an item's speaking limit while preparing")
    void convenor_sets_speaking_limit() {
        var f = MeetingFixture.given().scheduled().item("i1", "Mục");
        f.when(new SetSpeakingLimit("i1", 180, CONVENOR, f.now()));
        f.thenAccepted();
        assertEquals(180, f.state().agenda().item("i1").orElseThrow().speakingLimitSeconds());
    }

    @Test
    @DisplayName("A SHA-256 in upper-case hex is the same digest and is kept in lower case")
    void sha256_case_insensitive() {
        String upper = "AB".repeat(32);
        var d = new DocumentRef("d1", "Tài liệu", upper, 2, Classification.UNCLASSIFIED);
        assertEquals("ab".repeat(32), d.sha256());
        var f = MeetingFixture.given().scheduled().item("i1", "Mục");
        f.when(new AttachDocument("i1", d, CONVENOR, f.now()));
        f.thenAccepted();
    }
}
