package vn.phonghop.server.live;

import java.util.EnumSet;
import java.util.Optional;
import vn.phonghop.agenda.meeting.MeetingState;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.server.accounts.Account;
import vn.phonghop.server.accounts.Principal;
import vn.phonghop.server.accounts.Role;

/**
 * Who may see a meeting, and as which audience. Console roles see the console view; members and
 * guests on the roster see the delegate view; a paired room display sees the display view; an
 * administrator may watch from the console. Anyone else sees nothing of the meeting.
 */
public final class Access {
    private static final EnumSet<MeetingRole> CONSOLE = EnumSet.of(MeetingRole.CONVENOR, MeetingRole.CHAIR,
            MeetingRole.MINUTE_TAKER);

    private Access() {
    }

    /** The person id an account acts as in meetings: its member id, or its account id. */
    public static String personId(Account account) {
        return account.memberId().orElse("account:" + account.id());
    }

    public static Optional<Viewer> viewer(Principal principal, Optional<Account> account, MeetingState s) {
        if (s.header() == null) return Optional.empty();
        String meetingId = s.header().meetingId();
        if (principal instanceof Principal.RoomDisplay d) {
            return d.meetingId().equals(meetingId) ? Optional.of(Viewer.display()) : Optional.empty();
        }
        if (principal instanceof Principal.Seat seat) {
            if (!seat.meetingId().equals(meetingId) || !s.roster().knows(seat.memberId())) return Optional.empty();
            return Optional.of(forPerson(seat.memberId(), s));
        }
        if (account.isEmpty()) return Optional.empty();
        String person = personId(account.get());
        var roles = s.roster().rolesOf(person);
        if (!roles.isEmpty()) return Optional.of(forPerson(person, s));
        if (account.get().has(Role.ADMIN)) return Optional.of(new Viewer(person, Audience.CONSOLE, true));
        return Optional.empty();
    }

    private static Viewer forPerson(String person, MeetingState s) {
        var roles = s.roster().rolesOf(person);
        boolean console = roles.stream().anyMatch(CONSOLE::contains);
        return new Viewer(person, console ? Audience.CONSOLE : Audience.DELEGATE, true);
    }
}
