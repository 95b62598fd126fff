package vn.phonghop.agenda.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phonghop.agenda.meeting.MeetingFixture.CHAIR;
import static vn.phonghop.agenda.meeting.MeetingFixture.CONVENOR;
import static vn.phonghop.agenda.meeting.MeetingFixture.MINUTE_TAKER;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

@DisplayName("The roster: members, guests and who chairs and takes the minutes")
class RosterTest {

    private static MeetingFixture draft() {
        return MeetingFixture.given().scheduled().officials(1, 3);
    }

    static Stream<Arguments> everyMembershipAndStanding() {
        var out = new ArrayList<Arguments>();
        for (var m : Membership.values()) for (var s : Standing.values()) out.add(Arguments.of(m, s));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("everyMembershipAndStanding")
    @DisplayName("A member is registered with any membership and standing")
    void registers_member_with_each_standing(Membership membership, Standing standing) {
        var f = draft();
        var m = new Member("m10", "Trần Văn Mười", membership, standing);
        f.when(new RegisterMember(m, CONVENOR, f.now()));
        assertEquals(m, f.thenSingle(MemberRegistered.class).member());
        assertEquals(m, f.state().roster().member("m10").orElseThrow());
        assertTrue(f.state().roster().knows("m10"));
    }

    @Test
    @DisplayName("A member is registered once")
    void rejects_duplicate_member() {
        var f = draft();
        f.when(new RegisterMember(new Member("m02", "Người khác", Membership.OFFICIAL, Standing.ACTIVE), CONVENOR, f.now()))
                .thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
        assertEquals("Đảng viên m02", f.state().roster().nameOf("m02"));
    }

    @Test
    @DisplayName("A member cannot take the id of an invited guest")
    void rejects_member_with_guest_id() {
        var f = draft().guest("g1", "Đỗ Minh Tuấn");
        f.when(new RegisterMember(new Member("g1", "Đỗ Minh Tuấn", Membership.OFFICIAL, Standing.ACTIVE), CONVENOR,
                f.now())).thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
    }

    @Test
    @DisplayName("A member needs a name")
    void rejects_member_without_name() {
        var f = draft();
        f.when(new RegisterMember(new Member("m10", "  ", Membership.OFFICIAL, Standing.ACTIVE), CONVENOR, f.now()))
                .thenRejectedWith(Reason.EMPTY_TEXT);
        f.when(new RegisterMember(null, CONVENOR, f.now())).thenRejectedWith(Reason.EMPTY_TEXT);
    }

    @Test
    @DisplayName("A member's membership and standing change, their name stays")
    void changes_standing() {
        var f = draft();
        f.when(new ChangeStanding("m03", Membership.OFFICIAL, Standing.EXEMPT, CONVENOR, f.now()));
        var e = f.thenSingle(MemberStandingChanged.class);
        assertEquals(Standing.EXEMPT, e.standing());
        assertEquals(new Member("m03", "Đảng viên m03", Membership.OFFICIAL, Standing.EXEMPT),
                f.state().roster().member("m03").orElseThrow());
    }

    @Test
    @DisplayName("A probationary member confirmed official counts as official from then on")
    void confirms_probationary_member() {
        var f = draft().member("m04", "Lê Thị Dự Bị", Membership.PROBATIONARY, Standing.ACTIVE);
        assertEquals(3, f.state().roster().countOfficial());
        f.ok(new ChangeStanding("m04", Membership.OFFICIAL, Standing.ACTIVE, CONVENOR, f.now()));
        assertEquals(4, f.state().roster().countOfficial());
    }

    @Test
    @DisplayName("Changing the standing of someone not on the roster, or to nothing, is refused")
    void rejects_standing_change_of_unknown_member() {
        var f = draft().guest("g1", "Khách");
        f.when(new ChangeStanding("m99", Membership.OFFICIAL, Standing.ACTIVE, CONVENOR, f.now()))
                .thenRejectedWith(Reason.UNKNOWN_PERSON);
        f.when(new ChangeStanding("g1", Membership.OFFICIAL, Standing.ACTIVE, CONVENOR, f.now()))
                .thenRejectedWith(Reason.UNKNOWN_PERSON);
        f.when(new ChangeStanding("m01", Membership.OFFICIAL, null, CONVENOR, f.now()))
                .thenRejectedWith(Reason.EMPTY_TEXT);
    }

    @Test
    @DisplayName("A removed member leaves the roster")
    void removes_member() {
        var f = draft();
        f.when(new RemoveMember("m03", CONVENOR, f.now())).thenSingle(MemberRemoved.class);
        assertFalse(f.state().roster().knows("m03"));
        assertEquals(2, f.state().roster().countOfficial());
    }

    @Test
    @DisplayName("Removing the chair or the minute-taker leaves that role vacant")
    void removing_role_holder_vacates_role() {
        var f = draft().roles();
        f.ok(new RemoveMember(CHAIR, CONVENOR, f.now()));
        assertNull(f.state().roster().chairId());
        assertEquals(MINUTE_TAKER, f.state().roster().minuteTakerId());
        f.ok(new RemoveMember(MINUTE_TAKER, CONVENOR, f.now()));
        assertNull(f.state().roster().minuteTakerId());
    }

    @Test
    @DisplayName("Removing someone not on the roster is refused")
    void rejects_removing_unknown_member() {
        draft().when(new RemoveMember("m99", CONVENOR, MeetingFixture.T0)).thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    @Test
    @DisplayName("An invited guest is on the roster but is not a member")
    void invites_guest() {
        var f = draft();
        var g = new Guest("g1", "Đỗ Minh Tuấn", "Ban Tổ chức Đảng ủy");
        f.when(new InviteGuest(g, CONVENOR, f.now()));
        assertEquals(g, f.thenSingle(GuestInvited.class).guest());
        assertTrue(f.state().roster().knows("g1"));
        assertTrue(f.state().roster().member("g1").isEmpty());
        assertEquals(3, f.state().roster().countOfficial());
        assertEquals("Đỗ Minh Tuấn", f.state().roster().nameOf("g1"));
    }

    @Test
    @DisplayName("A guest cannot take a member's id, and needs a name")
    void rejects_guest_with_member_id_or_no_name() {
        var f = draft();
        f.when(new InviteGuest(new Guest("m01", "Khách", ""), CONVENOR, f.now()))
                .thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
        f.when(new InviteGuest(new Guest("g1", "", ""), CONVENOR, f.now())).thenRejectedWith(Reason.EMPTY_TEXT);
    }

    @Test
    @DisplayName("A guest may still be invited once the meeting is under way")
    void invites_guest_during_meeting() {
        var f = MeetingFixture.given().runningCellOf(3);
        f.when(new InviteGuest(new Guest("g1", "Khách đến muộn", ""), CHAIR, f.now())).thenSingle(GuestInvited.class);
    }

    @ParameterizedTest
    @EnumSource(value = MeetingRole.class, names = {"CHAIR", "MINUTE_TAKER"})
    @DisplayName("The chair and the minute-taker are appointed from the members")
    void assigns_role(MeetingRole role) {
        var f = draft();
        f.when(new AssignRole("m03", role, CONVENOR, f.now()));
        assertEquals(role, f.thenSingle(RoleAssigned.class).role());
        assertTrue(f.state().roster().rolesOf("m03").contains(role));
    }

    @Test
    @DisplayName("Appointing a new chair replaces the old one")
    void reassigns_chair() {
        var f = draft().roles().ok(new AssignRole("m03", MeetingRole.CHAIR, CONVENOR, MeetingFixture.T0));
        assertEquals("m03", f.state().roster().chairId());
        assertFalse(f.state().roster().rolesOf(CHAIR).contains(MeetingRole.CHAIR));
    }

    @ParameterizedTest
    @EnumSource(value = MeetingRole.class, names = {"CONVENOR", "DELEGATE", "GUEST"})
    @DisplayName("Only the chair and the minute-taker are appointed")
    void rejects_other_roles(MeetingRole role) {
        draft().when(new AssignRole("m03", role, CONVENOR, MeetingFixture.T0)).thenRejectedWith(Reason.ROLE_NOT_ASSIGNABLE);
    }

    @Test
    @DisplayName("A guest cannot chair or take the minutes")
    void rejects_role_for_guest() {
        var f = draft().guest("g1", "Khách");
        f.when(new AssignRole("g1", MeetingRole.CHAIR, CONVENOR, f.now())).thenRejectedWith(Reason.GUEST_CANNOT_HOLD_ROLE);
        f.when(new AssignRole("g1", MeetingRole.MINUTE_TAKER, CONVENOR, f.now()))
                .thenRejectedWith(Reason.GUEST_CANNOT_HOLD_ROLE);
    }

    @Test
    @DisplayName("A role is given only to someone on the roster")
    void rejects_role_for_unknown_person() {
        draft().when(new AssignRole("m99", MeetingRole.CHAIR, CONVENOR, MeetingFixture.T0))
                .thenRejectedWith(Reason.UNKNOWN_PERSON);
    }

    static Stream<Arguments> rosterChanges() {
        Map<String, Function<MeetingFixture, MeetingCommand>> m = Map.of(
                "register", f -> new RegisterMember(new Member("m10", "Mới", Membership.OFFICIAL, Standing.ACTIVE), CHAIR, f.now()),
                "change standing", f -> new ChangeStanding("m03", Membership.OFFICIAL, Standing.EXEMPT, CHAIR, f.now()),
                "remove", f -> new RemoveMember("m03", CHAIR, f.now()));
        return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rosterChanges")
    @DisplayName("The membership is frozen once the meeting has started: the figures must not move under the votes")
    void roster_frozen_after_start(String name, Function<MeetingFixture, MeetingCommand> change) {
        var f = MeetingFixture.given().runningCellOf(3);
        f.when(change.apply(f)).thenRejectedWith(Reason.MEETING_ALREADY_STARTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rosterChanges")
    @DisplayName("The membership may still change after publishing, before the start")
    void roster_open_after_publishing(String name, Function<MeetingFixture, MeetingCommand> change) {
        var f = draft().roles().item("i1", "Nội dung").published();
        f.when(change.apply(f)).thenAccepted();
    }

    // ---- Roster itself ------------------------------------------------------------------------

    private static final Roster ROSTER = Roster.convenedBy("office")
            .withMember(new Member("m01", "Nguyễn Văn An", Membership.OFFICIAL, Standing.ACTIVE))
            .withMember(new Member("m02", "Trần Thị Bình", Membership.PROBATIONARY, Standing.ACTIVE))
            .withGuest(new Guest("g1", "Đỗ Minh Tuấn", null))
            .withChair("m01").withMinuteTaker("m02");

    @Test
    @DisplayName("Roster.rolesOf: the roles a person holds, several at once")
    void roles_of() {
        assertEquals(Set.of(MeetingRole.CHAIR, MeetingRole.DELEGATE), ROSTER.rolesOf("m01"));
        assertEquals(Set.of(MeetingRole.MINUTE_TAKER, MeetingRole.DELEGATE), ROSTER.rolesOf("m02"));
        assertEquals(Set.of(MeetingRole.CONVENOR), ROSTER.rolesOf("office"));
        assertEquals(Set.of(MeetingRole.GUEST), ROSTER.rolesOf("g1"));
        assertEquals(Set.of(), ROSTER.rolesOf("x99"));
        assertEquals(Set.of(), ROSTER.rolesOf(null));
        assertEquals(Set.of(MeetingRole.CONVENOR, MeetingRole.CHAIR, MeetingRole.DELEGATE),
                ROSTER.withChair("office").withMember(new Member("office", "Văn phòng", Membership.OFFICIAL,
                        Standing.ACTIVE)).rolesOf("office"));
    }

    @Test
    @DisplayName("Roster.nameOf: a member's or guest's name, the id for anyone else")
    void name_of() {
        assertEquals("Nguyễn Văn An", ROSTER.nameOf("m01"));
        assertEquals("Đỗ Minh Tuấn", ROSTER.nameOf("g1"));
        assertEquals("x99", ROSTER.nameOf("x99"));
        assertEquals("", ROSTER.guest("g1").orElseThrow().affiliation());
    }

    @Test
    @DisplayName("Only active or exempt official members may vote")
    void who_may_vote() {
        for (var s : Standing.values()) {
            boolean expected = s == Standing.ACTIVE || s == Standing.EXEMPT;
            assertEquals(expected, new Member("x", "X", Membership.OFFICIAL, s).mayVote(), s::name);
            assertFalse(new Member("x", "X", Membership.PROBATIONARY, s).mayVote(), s::name);
        }
    }
}
