package vn.phonghop.agenda.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.phonghop.agenda.meeting.MeetingCommand.RegisterMembers;
import vn.phonghop.agenda.meeting.MeetingEvent.MemberRegistered;
import vn.phonghop.agenda.meeting.MeetingFixture;
import vn.phonghop.agenda.meeting.Rejection.Reason;

/** A roster import registers every member or none. */
class RosterImportTest {
    private static Member m(String id, String name) {
        return new Member(id, name, Membership.OFFICIAL, Standing.ACTIVE);
    }

    @Test
    @DisplayName("Importing a roster registers each member in one decision")
    void imports_all() {
        var f = MeetingFixture.given().scheduled();
        f.when(new RegisterMembers(List.of(m("a1", "Nguyễn Thị Hương"), m("a2", "Trần Văn Đức")), MeetingFixture.CONVENOR, f.now()));
        assertEquals(2, f.thenEvents().size());
        assertTrue(f.thenEvents().stream().allMatch(e -> e instanceof MemberRegistered));
        assertEquals(2, f.state().roster().members().size());
    }

    @Test
    @DisplayName("One repeated or blank member refuses the whole import")
    void all_or_nothing() {
        var f = MeetingFixture.given().scheduled().official("m01");
        f.when(new RegisterMembers(List.of(m("a1", "Lê Hoàng Yến"), m("m01", "Trùng")), MeetingFixture.CONVENOR, f.now()));
        f.thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
        f.when(new RegisterMembers(List.of(m("a1", "Lê Hoàng Yến"), m("a1", "Lê Hoàng Yến")), MeetingFixture.CONVENOR, f.now()));
        f.thenRejectedWith(Reason.MEMBER_ALREADY_REGISTERED);
        f.when(new RegisterMembers(List.of(m("a1", "Lê Hoàng Yến"), m("a2", " ")), MeetingFixture.CONVENOR, f.now()));
        f.thenRejectedWith(Reason.EMPTY_TEXT);
        assertEquals(1, f.state().roster().members().size());
    }
}
