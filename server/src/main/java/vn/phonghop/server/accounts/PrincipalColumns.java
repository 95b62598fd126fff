package vn.phonghop.server.accounts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Stores a {@link Principal} as the columns kind, account_id, meeting_id, member_id. */
final class PrincipalColumns {

    private PrincipalColumns() {
    }

    /** Sets four consecutive parameters starting at {@code first}. */
    static void set(PreparedStatement s, int first, Principal p) throws SQLException {
        String kind;
        String account = null;
        String meeting = null;
        String member = null;
        if (p instanceof Principal.User u) {
            kind = "USER";
            account = u.accountId();
        } else if (p instanceof Principal.Seat seat) {
            kind = "SEAT";
            meeting = seat.meetingId();
            member = seat.memberId();
        } else if (p instanceof Principal.RoomDisplay d) {
            kind = "DISPLAY";
            meeting = d.meetingId();
        } else {
            throw new IllegalStateException("unhandled " + p);
        }
        s.setString(first, kind);
        s.setString(first + 1, account);
        s.setString(first + 2, meeting);
        s.setString(first + 3, member);
    }

    static Principal read(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        switch (kind) {
            case "USER": return new Principal.User(rs.getString("account_id"));
            case "SEAT": return new Principal.Seat(rs.getString("meeting_id"), rs.getString("member_id"));
            case "DISPLAY": return new Principal.RoomDisplay(rs.getString("meeting_id"));
            default: throw new IllegalStateException("unknown principal kind " + kind);
        }
    }
}
